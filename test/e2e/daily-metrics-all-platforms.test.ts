/**
 * workflows/daily-metrics-collection.json with every platform enabled, end to end in a real n8n: a copy of the
 * shipped workflow with its disabled platform nodes (Weibo, Douyin, Bilibili, Mastodon, Bluesky, YouTube, X)
 * switched on and the sandbox credentials of scripts/sandbox-credentials.js. Every platform stores rows with its
 * own `platform` value and followers equal to the sandbox truth (the rows of the WeChat path are checked field by
 * field in daily-metrics-collection.test.ts); one platform failing with a non-retryable error becomes an error
 * item on "Not collected (error items)" while the others are stored; a re-run doubles nothing.
 *
 * The sandbox clock is frozen for the file (as in competitor-watch): public counters grow with every second of a
 * post's age, so a frozen clock makes "the truth now" the instant the workflow collected.
 */
import { DEFAULT_SEED } from '../../sandbox';
import { dayOf } from '../../lib/platforms/http-json';
import { addDays } from '../../lib/time/date-range';
import { BilibiliDataset, SANDBOX_BILIBILI_ACCOUNTS } from '../../sandbox/platforms/bilibili';
import { BlueskyDataset, SANDBOX_BLUESKY_ACCOUNTS } from '../../sandbox/platforms/bluesky';
import { DouyinDataset, SANDBOX_DOUYIN_ACCOUNTS } from '../../sandbox/platforms/douyin';
import { MastodonDataset, SANDBOX_MASTODON_ACCOUNTS } from '../../sandbox/platforms/mastodon';
import { SANDBOX_WEIBO_ACCOUNTS, WeiboDataset } from '../../sandbox/platforms/weibo';
import { SANDBOX_X_ACCOUNTS, XDataset } from '../../sandbox/platforms/x';
import { SANDBOX_YOUTUBE_CHANNELS, YoutubeDataset } from '../../sandbox/platforms/youtube';
import { nodeOutput } from '../../scripts/n8n/harness';
import { sandboxCredentials } from '../../scripts/sandbox-credentials';
import { readWorkflow, setUpE2e, type E2eEnv } from './support';

const WORKFLOW_ID = 'mediaopsDailyMetrics';
const TABLE = 'mediaops_metric_snapshots';
const ZONE = 'Asia/Shanghai';
const NOW = new Date();
const NOT_COLLECTED = 'Not collected (error items)';

type Row = Record<string, unknown>;
type Node = { name: string; type: string; disabled?: boolean; parameters: Record<string, unknown> };

let env: E2eEnv;
const timings: Record<string, number> = {};
const rowsPerPlatform: Record<string, { accounts: number; posts: number }> = {};
async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
	const t0 = Date.now();
	try {
		return await work();
	} finally {
		timings[label] = Date.now() - t0;
	}
}

const shipped = readWorkflow('daily-metrics-collection.json') as { nodes: Node[] };
const platformNodes = shipped.nodes.filter((n) => n.type === 'n8n-nodes-mediaops.engagementMetrics' && n.parameters.platform !== 'wechatOa');

beforeAll(async () => {
	env = await timed('set-up', () => setUpE2e('daily-metrics-all', { now: () => NOW }));
	await env.n8n.importCredentials(sandboxCredentials(env.sandbox.url).filter((c) => c.type !== 'weChatOfficialAccountApi'));
	const copy = JSON.parse(JSON.stringify(shipped)) as { nodes: Node[] };
	for (const n of copy.nodes) delete n.disabled;
	await env.n8n.importWorkflow(copy);
	await timed('n8n start', () => env.n8n.start());
});

afterAll(async () => {
	await env?.close();
	console.log(`daily-metrics-all-platforms timings (ms): ${JSON.stringify(timings)}\nrows per platform: ${JSON.stringify(rowsPerPlatform)}`);
});

/** Followers now (public totals) or at the end of a day (Douyin, T+1), per platform, from the sandbox's own datasets. */
const clock = () => NOW;
const today = dayOf(NOW.getTime(), ZONE);
const brand = {
	bilibili: SANDBOX_BILIBILI_ACCOUNTS[0].id,
	bluesky: SANDBOX_BLUESKY_ACCOUNTS[0].id,
	mastodon: SANDBOX_MASTODON_ACCOUNTS[0].id,
	youtube: SANDBOX_YOUTUBE_CHANNELS[0].id,
	weibo: SANDBOX_WEIBO_ACCOUNTS[0].id,
	x: SANDBOX_X_ACCOUNTS[0].id,
	douyin: SANDBOX_DOUYIN_ACCOUNTS[0].openId,
};
const followersTruth: Record<string, (day: string) => number> = {
	bilibili: () => new BilibiliDataset(DEFAULT_SEED, clock).relation(brand.bilibili)!.follower,
	bluesky: () => Number(new BlueskyDataset(DEFAULT_SEED, clock).profile(brand.bluesky).followersCount),
	mastodon: () => Number(new MastodonDataset(DEFAULT_SEED, clock).account(brand.mastodon)!.followers_count),
	youtube: () => Number((new YoutubeDataset(DEFAULT_SEED, clock).channelStatistics(brand.youtube) as Record<string, string>).subscriberCount),
	weibo: () => Number(new WeiboDataset(DEFAULT_SEED, clock).user(brand.weibo)!.followers_count),
	x: () => Number((new XDataset(DEFAULT_SEED, clock).user(brand.x).public_metrics as Record<string, number>).followers_count),
	douyin: (day) => new DouyinDataset(DEFAULT_SEED, clock).fansDay(brand.douyin, day).total_fans,
};
const PLATFORMS = Object.keys(followersTruth);

const isAccountRow = (r: Row) => r.postId === null || r.postId === undefined || r.postId === '';
const strip = (rows: Row[]) =>
	rows.map(({ id, createdAt, updatedAt, collectedAt, ...rest }) => rest).sort((a, b) => String(a.key).localeCompare(String(b.key)));

describe('daily-metrics-collection with every platform enabled, in real n8n', () => {
	let first: Row[];

	it('ships one account and one post metrics node per other platform, disabled and continuing on error', () => {
		expect(platformNodes.map((n) => n.parameters.platform).sort()).toEqual([...PLATFORMS, ...PLATFORMS].sort());
		for (const n of platformNodes) expect(n).toMatchObject({ disabled: true, onError: 'continueRegularOutput' });
	});

	it('stores rows of every platform, followers equal to the sandbox truth', async () => {
		const run = await timed('run 1', () => env.n8n.runWorkflow(WORKFLOW_ID));
		first = await env.n8n.dataTableRows(TABLE);
		expect(() => nodeOutput(run, NOT_COLLECTED)).toThrow(/did not run/);
		const keys = first.map((r) => String(r.key));
		expect(new Set(keys).size).toBe(keys.length);
		expect(first.some((r) => r.platform === 'wechat_oa')).toBe(true);
		for (const platform of PLATFORMS) {
			const rows = first.filter((r) => r.platform === platform);
			const accountRows = rows.filter(isAccountRow);
			rowsPerPlatform[platform] = { accounts: accountRows.length, posts: rows.length - accountRows.length };
			expect(accountRows.length).toBeGreaterThan(0);
			for (const r of accountRows) {
				expect(r.accountId).toBe(brand[platform as keyof typeof brand]);
				const day = String(r.periodEnd);
				if (platform !== 'douyin') expect(day).toBe(today);
				expect({ platform, day, followers: r.followers }).toEqual({ platform, day, followers: followersTruth[platform](day) });
			}
			expect(String(rows[0].key).startsWith(`${platform}|`)).toBe(true);
		}
		// Douyin is T+1: its account rows are the last 3 complete China days.
		const douyinDays = first.filter((r) => r.platform === 'douyin' && isAccountRow(r)).map((r) => String(r.periodStart)).sort();
		expect(douyinDays).toEqual([addDays(today, -3), addDays(today, -2), addDays(today, -1)]);
		// Bilibili lists its videos: all three are stored.
		expect(first.filter((r) => r.platform === 'bilibili' && !isAccountRow(r))).toHaveLength(3);
	});

	it('does not double anything when it runs again', async () => {
		await timed('run 2', () => env.n8n.runWorkflow(WORKFLOW_ID));
		const again = await env.n8n.dataTableRows(TABLE);
		expect(again).toHaveLength(first.length);
		expect(strip(again)).toEqual(strip(first));
	});

	it('routes a platform that fails for good to "Not collected" and stores the others', async () => {
		await env.n8n.deleteDataTable(TABLE);
		env.sandbox.setFaults([{ route: '/x/relation/stat', kind: 'quota', count: 1 }]);
		const run = await timed('run 3 (Bilibili -412)', () => env.n8n.runWorkflow(WORKFLOW_ID));
		env.sandbox.clearFaults();
		expect(env.sandbox.stats().faultsInjected['/x/relation/stat']).toBe(1);
		const failed = nodeOutput(run, NOT_COLLECTED);
		expect(failed).toHaveLength(1);
		expect(failed[0]).toMatchObject({ platform: 'bilibili', operation: 'x/relation/stat' });
		expect(String(failed[0].code)).toBe('-412');
		const rows = await env.n8n.dataTableRows(TABLE);
		const expected = first.filter((r) => !(r.platform === 'bilibili' && isAccountRow(r)));
		expect(strip(rows)).toEqual(strip(expected));
	});
});
