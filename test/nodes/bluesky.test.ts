/** Engagement Metrics with Platform = Bluesky through n8n-core's engine against the in-process sandbox. */
import type { INode, INodeParameters } from 'n8n-workflow';
import { startSandbox, type Sandbox } from '../../sandbox';
import { BlueskyDataset, SANDBOX_BLUESKY_ACCOUNTS } from '../../sandbox/platforms/bluesky';
import { dayOf } from '../../lib/platforms/http-json';
import { lastCompleteDays } from '../../lib/time/date-range';
import { ENGAGEMENT_METRICS_TYPE, runWorkflow, singleNodeWorkflow, type RunResult } from './harness';

const NODE = 'Engagement Metrics';
const [brand] = SANDBOX_BLUESKY_ACCOUNTS;

/** Runs with the workflow time zone `timezone` (Settings → Timezone), Shanghai unless given. */
function run(parameters: INodeParameters, baseUrl: string, timezone = 'Asia/Shanghai'): Promise<RunResult> {
	const node: Omit<INode, 'id' | 'position'> = {
		name: NODE,
		type: ENGAGEMENT_METRICS_TYPE,
		typeVersion: 1,
		parameters: { platform: 'bluesky', blueskyActor: brand.handle, ...parameters },
		credentials: { blueskyApi: { id: 'cred-bs', name: 'Bluesky sandbox' } },
	};
	return runWorkflow({ ...singleNodeWorkflow(node), settings: { timezone } }, { credentials: { blueskyApi: { baseUrl } } });
}

describe('Engagement Metrics node, Bluesky (n8n-core engine, sandbox)', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
	});
	afterAll(() => sandbox.close());

	it('Get Post Metrics over a custom range of old days: every own post once, with quotes under extra', async () => {
		const truth = new BlueskyDataset(20250101, () => new Date());
		const range = { start: '2025-06-01', end: '2025-06-20' };
		const result = await run({ operation: 'getPostMetrics', dateRange: 'custom', startDate: range.start, endDate: range.end }, sandbox.url);
		expect(result.error).toBeUndefined();
		const expected = truth.posts(brand.id).filter((p) => dayOf(p.createdAt, 'Asia/Shanghai') >= range.start && dayOf(p.createdAt, 'Asia/Shanghai') <= range.end);
		const out = result.nodeOutput(NODE);
		expect(out.map((s) => s.postId)).toEqual(expected.map((p) => p.uri));
		out.forEach((s, i) => {
			const c = truth.counts(expected[i]);
			expect([s.likes, s.comments, s.shares, (s.extra as { quotes: number }).quotes]).toEqual([c.likeCount, c.replyCount, c.repostCount, c.quoteCount]);
		});
	});

	it('reads days in the workflow’s time zone, not China time: a custom range and Last N Complete Days (Pago Pago, UTC−11)', async () => {
		const zone = 'Pacific/Pago_Pago';
		const truth = new BlueskyDataset(20250101, () => new Date());
		const range = { start: '2025-06-01', end: '2025-06-20' };
		const inRange = (z: string) => truth.posts(brand.id).filter((p) => dayOf(p.createdAt, z) >= range.start && dayOf(p.createdAt, z) <= range.end).map((p) => p.uri);
		// The two zones are 19 hours apart, so the ranges' edges hold different posts: the test tells them apart.
		expect(inRange(zone)).not.toEqual(inRange('Asia/Shanghai'));
		const custom = await run({ operation: 'getPostMetrics', dateRange: 'custom', startDate: range.start, endDate: range.end }, sandbox.url, zone);
		expect(custom.error).toBeUndefined();
		expect(custom.nodeOutput(NODE).map((s) => s.postId)).toEqual(inRange(zone));
		expect(new Set(custom.nodeOutput(NODE).map((s) => s.timezone))).toEqual(new Set([zone]));

		const now = new Date();
		const last = await run({ operation: 'getPostMetrics', dateRange: 'lastDays', lastDays: 30 }, sandbox.url, zone);
		expect(last.error).toBeUndefined();
		const window = lastCompleteDays(30, zone, now);
		const expected = truth.posts(brand.id).filter((p) => dayOf(p.createdAt, zone) >= window.start && dayOf(p.createdAt, zone) <= window.end).map((p) => p.uri);
		expect(expected.length).toBeGreaterThan(0);
		expect(last.nodeOutput(NODE).map((s) => s.postId)).toEqual(expected);
		for (const s of last.nodeOutput(NODE)) expect(String(s.periodStart) <= window.end).toBe(true);
	});

	it('Get Account Metrics: followers from the profile', async () => {
		const result = await run({ operation: 'getAccountMetrics' }, sandbox.url);
		expect(result.error).toBeUndefined();
		expect(result.nodeOutput(NODE)).toEqual([expect.objectContaining({ platform: 'bluesky', accountId: brand.id, window: 'cumulative', followers: expect.any(Number) })]);
	});
});
