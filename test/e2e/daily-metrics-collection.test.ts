/**
 * The first pipeline end to end in a real n8n: workflows/daily-metrics-collection.json imports, runs in the
 * n8n server against the sandbox, and what it stores in the Data Table equals the sandbox's seeded truth
 * field by field. A run under injected faults stores the same data; a re-run doubles nothing.
 */
import * as fs from 'node:fs';
import { SANDBOX_WECHAT_ACCOUNTS } from '../../sandbox';
import { addDays, eachDay } from '../../lib/time/date-range';
import { PACKAGE_NAME, readWorkflow, setUpE2e, type E2eEnv } from './support';

const WORKFLOW_ID = 'mediaopsDailyMetrics';
const TABLE = 'mediaops_metric_snapshots';
const account = SANDBOX_WECHAT_ACCOUNTS[0];

let env: E2eEnv;

beforeAll(async () => {
	env = await setUpE2e('daily-metrics');
	await env.n8n.importWorkflow(readWorkflow('daily-metrics-collection.json'));
	await env.n8n.publish(WORKFLOW_ID);
	await env.n8n.start();
});

afterAll(async () => env?.close());

type Row = Record<string, unknown>;
const SYSTEM = new Set(['id', 'createdAt', 'updatedAt', 'collectedAt']);
const comparable = (rows: Row[]) =>
	rows
		.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !SYSTEM.has(k))))
		.sort((a, b) => String(a.key).localeCompare(String(b.key)));

async function runAndRead(): Promise<Row[]> {
	await env.n8n.runWorkflow(WORKFLOW_ID);
	return env.n8n.dataTableRows(TABLE);
}

describe('daily-metrics-collection in real n8n', () => {
	let baseline: Row[];

	it('loads the package’s node types, including the AI tool variant', async () => {
		const types = await env.n8n.nodeTypes({ via: 'cli' });
		expect(types).toEqual(expect.arrayContaining([`${PACKAGE_NAME}.engagementMetrics`, `${PACKAGE_NAME}.engagementMetricsTool`]));
	});

	it('stores the last 3 days of account metrics and the posts of those days, equal to the sandbox truth', async () => {
		baseline = await runAndRead();
		const truth = env.sandbox.wechat;
		const end = truth.yesterday();
		const days = eachDay({ start: addDays(end, -2), end });

		const accountRows = baseline.filter((r) => r.postId === null || r.postId === undefined || r.postId === '');
		expect(accountRows.map((r) => r.periodStart).sort()).toEqual(days);
		for (const r of accountRows) {
			const day = String(r.periodStart);
			const users = truth.userDay(account.appId, day);
			const biz = truth.bizDay(account.appId, day);
			expect(r).toMatchObject({
				key: `wechat_oa|${account.appId}|-|day|${day}|${day}`,
				platform: 'wechat_oa',
				accountId: account.appId,
				accountName: account.name,
				periodEnd: day,
				timezone: 'Asia/Shanghai',
				window: 'day',
				followers: truth.cumulate(account.appId, day),
				newFollowers: users.reduce((a, u) => a + u.new_user, 0),
				lostFollowers: users.reduce((a, u) => a + u.cancel_user, 0),
				views: biz.read_user,
				likes: biz.like_user,
				shares: biz.share_user,
				comments: biz.comment_count,
				saves: biz.collection_user,
			});
			expect(r.netFollowers).toBe(Number(r.newFollowers) - Number(r.lostFollowers));
			expect(JSON.parse(String(r.extra)).zaikan).toBe(biz.zaikan_user);
		}

		const postRows = baseline.filter((r) => typeof r.postId === 'string' && r.postId !== '');
		const articles = truth.articlesPublished(account.appId, days[0], end);
		expect(postRows.map((r) => r.postId).sort()).toEqual(articles.map((a) => a.msgid).sort());
		for (const r of postRows) {
			const totals = truth.articleTotals(account.appId, String(r.postId), String(r.periodEnd))!;
			expect(r).toMatchObject({ window: 'cumulative', views: totals.read_user, likes: totals.like_user, shares: totals.share_user, comments: totals.comment_count, saves: totals.collection_user });
			expect(r.periodEnd).toBe(end);
		}
	});

	it('does not double anything when the same days are collected again', async () => {
		const again = await runAndRead();
		expect(again).toHaveLength(baseline.length);
		expect(comparable(again)).toEqual(comparable(baseline));
	});

	it('stores the same data through 429s, a 5xx burst and an expired token', async () => {
		await env.n8n.deleteDataTable(TABLE);
		env.sandbox.setFaults([
			{ route: '/datacube/getusersummary', kind: 'http429', count: 2, retryAfterSeconds: 1 },
			{ route: '/datacube/getbizsummary', kind: 'http503', count: 3 },
			{ route: '/datacube/getarticletotaldetail', kind: 'expiredToken', count: 1 },
		]);
		const faulty = await runAndRead();
		const injected = env.sandbox.stats().faultsInjected;
		expect(injected['/datacube/getusersummary']).toBe(2);
		expect(injected['/datacube/getbizsummary']).toBe(3);
		expect(injected['/datacube/getarticletotaldetail']).toBe(1);
		expect(comparable(faulty)).toEqual(comparable(baseline));
		env.sandbox.clearFaults();
	});

	it('keeps the app secret out of n8n’s logs', () => {
		const logs = [env.n8n.logs.server, env.n8n.logs.commands].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f, 'utf8'));
		for (const text of logs) {
			expect(text).not.toContain(account.appSecret);
			expect(text).not.toMatch(/access_token=[A-Za-z0-9_-]{8,}/);
		}
	});
});
