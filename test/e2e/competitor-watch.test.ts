/**
 * workflows/competitor-watch.json end to end in a real n8n: it imports, runs in the n8n server against the
 * sandbox (Bilibili relation/stat + video view, Bluesky getProfile + getAuthorFeed, YouTube channels +
 * uploads + videos), and every row it stores in `mediaops_competitor_snapshots` equals the sandbox's truth
 * for the competitor's accounts field by field, flagged `extra.competitor = 1`. A second run doubles nothing,
 * and one failing account becomes an error item while the others are still stored.
 *
 * The sandbox clock is frozen for the file: public counters grow with every second of a post's age, so a
 * frozen clock is what makes "the truth now" the same instant the workflow collected.
 */
import { lastCompleteDays } from '../../lib/time/date-range';
import { dayOf } from '../../lib/platforms/http-json';
import { DEFAULT_SEED } from '../../sandbox';
import { SANDBOX_YOUTUBE_API_KEY, SANDBOX_YOUTUBE_CHANNELS, YoutubeDataset } from '../../sandbox/platforms/youtube';
import { nodeOutput } from '../../scripts/n8n/harness';
import { readWorkflow, setUpE2e, type E2eEnv } from './support';

const WORKFLOW_ID = 'mediaopsCompetitors';
const TABLE = 'mediaops_competitor_snapshots';
const ZONE = 'Asia/Shanghai';
const NOW = new Date();
const BILIBILI_MID = '434334701';
const BILIBILI_VIDEOS = ['BV1fVUrvhVQj', 'BV1iuDiiMu93', 'BV1PdEDvadLL'];
const BLUESKY_ACTOR = 'yunfan.tech';
const youtubeChannel = SANDBOX_YOUTUBE_CHANNELS[1];

type Row = Record<string, unknown>;
type Json = Record<string, any>;

let env: E2eEnv;
const timings: Record<string, number> = {};

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
	const t0 = Date.now();
	try {
		return await work();
	} finally {
		timings[label] = Date.now() - t0;
	}
}

beforeAll(async () => {
	env = await timed('set-up', () => setUpE2e('competitor-watch', { now: () => NOW }));
	const baseUrl = env.sandbox.url;
	await env.n8n.importCredentials([
		{ id: 'mediaopsBilibili01', name: 'Bilibili (sandbox)', type: 'bilibiliApi', data: { baseUrl } },
		{ id: 'mediaopsBluesky01', name: 'Bluesky (sandbox)', type: 'blueskyApi', data: { baseUrl } },
		{ id: 'mediaopsYouTube01', name: 'YouTube (sandbox)', type: 'youTubeApi', data: { apiKey: SANDBOX_YOUTUBE_API_KEY, baseUrl } },
	]);
	await env.n8n.importWorkflow(readWorkflow('competitor-watch.json'));
	await timed('n8n start', () => env.n8n.start());
});

afterAll(async () => {
	await env?.close();
	console.log(`competitor-watch timings (ms): ${JSON.stringify(timings)}`);
});

async function truth(route: string): Promise<Json> {
	const res = await fetch(`${env.sandbox.url}/__sandbox/${route}`);
	expect(res.status).toBe(200);
	return (await res.json()) as Json;
}

/** The columns a row should hold: the counters given, every other counter column null, extra as parsed JSON. */
function expectRow(row: Row | undefined, fields: Row, extra: Row) {
	expect(row).toBeDefined();
	const { extra: stored, ...rest } = row!;
	const counters = ['followers', 'views', 'likes', 'comments', 'shares', 'saves'];
	const expected = { ...Object.fromEntries(counters.map((c) => [c, null])), ...fields };
	expect(Object.fromEntries(Object.keys(expected).map((k) => [k, rest[k]]))).toEqual(expected);
	expect(JSON.parse(String(stored))).toEqual({ ...extra, competitor: 1 });
}

describe('competitor-watch in real n8n', () => {
	let first: Row[];

	it('stores the competitors’ public numbers, equal to the sandbox truth, flagged as competitors', async () => {
		await timed('run 1', () => env.n8n.runWorkflow(WORKFLOW_ID));
		first = await env.n8n.dataTableRows(TABLE);
		const today = dayOf(NOW.getTime(), ZONE);
		const range = lastCompleteDays(7, ZONE, new Date());
		const byKey = new Map(first.map((r) => [String(r.key), r]));
		const expectedKeys: string[] = [];
		const at = (key: string) => (expectedKeys.push(key), byKey.get(key));

		// Bilibili: relation/stat and the listed videos.
		const bili = await truth(`bilibili/truth?mid=${BILIBILI_MID}`);
		expectRow(at(`bilibili|${BILIBILI_MID}|-|cumulative|${today}|${today}`), { platform: 'bilibili', followers: bili.relation.follower, periodEnd: today }, { following: bili.relation.following });
		for (const bvid of BILIBILI_VIDEOS) {
			const video = bili.videos.find((v: Json) => v.bvid === bvid);
			const day = dayOf(video.pubdate * 1000, ZONE);
			const { stat } = video;
			expectRow(
				at(`bilibili|${BILIBILI_MID}|${bvid}|cumulative|${day}|${today}`),
				{ accountName: '云帆科技', postTitle: video.title, views: stat.view, likes: stat.like, comments: stat.reply, shares: stat.share, saves: stat.favorite },
				{ coins: stat.coin, danmaku: stat.danmaku, favorite: stat.favorite },
			);
		}

		// Bluesky: the profile and the own posts of the last 7 complete days.
		const sky = await truth(`bluesky/truth?actor=${BLUESKY_ACTOR}`);
		const did = sky.profile.did;
		expectRow(at(`bluesky|${did}|-|cumulative|${today}|${today}`), { accountName: sky.profile.displayName, followers: sky.profile.followersCount }, { following: sky.profile.followsCount, posts: sky.profile.postsCount });
		const skyPosts = sky.posts.filter((p: Json) => {
			const day = dayOf(p.createdAt, ZONE);
			return day >= range.start && day <= range.end;
		});
		expect(skyPosts.length).toBeGreaterThan(0);
		for (const p of skyPosts) {
			expectRow(at(`bluesky|${did}|${p.uri}|cumulative|${dayOf(p.createdAt, ZONE)}|${today}`), { likes: p.likeCount, comments: p.replyCount, shares: p.repostCount }, { quotes: p.quoteCount });
		}

		// YouTube: no truth route, so the sandbox's own dataset with the same seed and the same frozen clock.
		const yt = new YoutubeDataset(DEFAULT_SEED, () => NOW);
		const stats = yt.channelStatistics(youtubeChannel.id) as Record<string, string>;
		expectRow(at(`youtube|${youtubeChannel.id}|-|cumulative|${today}|${today}`), { accountName: youtubeChannel.name, followers: Number(stats.subscriberCount), views: Number(stats.viewCount) }, { videos: Number(stats.videoCount) });
		const uploads = yt.uploads(youtubeChannel.id).filter((p) => {
			const day = dayOf(p.createdAtMs, ZONE);
			return day >= range.start && day <= range.end;
		});
		expect(uploads.length).toBeGreaterThan(0);
		for (const p of uploads) {
			const s = yt.statistics(p);
			const likes = s.likeCount === undefined ? null : Number(s.likeCount);
			expectRow(at(`youtube|${youtubeChannel.id}|${yt.videoId(p)}|cumulative|${dayOf(p.createdAtMs, ZONE)}|${today}`), { views: Number(s.viewCount), likes, comments: Number(s.commentCount) }, { favorites: Number(s.favoriteCount) });
		}

		// Nothing else, nothing twice.
		expect(first.map((r) => r.key).sort()).toEqual(expectedKeys.sort());
	});

	it('does not double anything when it runs again the same day', async () => {
		await timed('run 2', () => env.n8n.runWorkflow(WORKFLOW_ID));
		const again = await env.n8n.dataTableRows(TABLE);
		expect(again).toHaveLength(first.length);
		const strip = (rows: Row[]) => rows.map(({ id, createdAt, updatedAt, collectedAt, ...rest }) => rest).sort((a, b) => String(a.key).localeCompare(String(b.key)));
		expect(strip(again)).toEqual(strip(first));
	});

	it('keeps collecting the other accounts when one fails (Bilibili risk control on relation/stat)', async () => {
		await env.n8n.deleteDataTable(TABLE);
		env.sandbox.setFaults([{ route: '/x/relation/stat', kind: 'quota', count: 1 }]);
		const run = await timed('run 3 (one failure)', () => env.n8n.runWorkflow(WORKFLOW_ID));
		env.sandbox.clearFaults();
		expect(env.sandbox.stats().faultsInjected['/x/relation/stat']).toBe(1);
		const failed = nodeOutput(run, 'Not collected (error items)');
		expect(failed).toHaveLength(1);
		expect(failed[0]).toMatchObject({ platform: 'bilibili', operation: 'x/relation/stat' });
		expect(String(failed[0].code)).toBe('-412');
		const rows = await env.n8n.dataTableRows(TABLE);
		const keys = first.map((r) => String(r.key)).filter((k) => !(k.startsWith(`bilibili|${BILIBILI_MID}|-|`)));
		expect(rows.map((r) => String(r.key)).sort()).toEqual(keys.sort());
	});
});
