/**
 * Engagement Metrics with Platform = Bilibili through n8n-core's engine against the in-process sandbox:
 * the node's parameters (UID, BV id list), the optional credential, truth field by field, and the platform's
 * own error code as an error item under Continue On Fail.
 */
import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';
import { startSandbox, type Sandbox } from '../../sandbox';
import { BilibiliDataset, SANDBOX_BILIBILI_ACCOUNTS } from '../../sandbox/platforms/bilibili';
import { ENGAGEMENT_METRICS_TYPE, runWorkflow, singleNodeWorkflow, type RunResult } from './harness';

const NODE = 'Engagement Metrics';
const [brand, tech] = SANDBOX_BILIBILI_ACCOUNTS;
const DAY_MS = 86_400_000;

function run(parameters: INodeParameters, baseUrl: string, extra: Partial<INode> = {}): Promise<RunResult> {
	const node: Omit<INode, 'id' | 'position'> = {
		name: NODE,
		type: ENGAGEMENT_METRICS_TYPE,
		typeVersion: 1,
		parameters: { platform: 'bilibili', dateRange: 'lastDays', lastDays: 7, ...parameters },
		credentials: { bilibiliApi: { id: 'cred-b', name: 'Bilibili sandbox' } },
		...extra,
	};
	return runWorkflow(singleNodeWorkflow(node), { credentials: { bilibiliApi: { baseUrl } } });
}

describe('Engagement Metrics node, Bilibili (n8n-core engine, sandbox)', () => {
	let sandbox: Sandbox;
	let truth: BilibiliDataset;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		truth = new BilibiliDataset(20250101, () => new Date());
	});
	afterAll(() => sandbox.close());

	it('Get Account Metrics: today’s followers for a competitor’s UID', async () => {
		const result = await run({ operation: 'getAccountMetrics', bilibiliMid: tech.id }, sandbox.url);
		expect(result.error).toBeUndefined();
		const [snap] = result.nodeOutput(NODE);
		expect(snap).toMatchObject({ platform: 'bilibili', accountId: tech.id, window: 'cumulative', timezone: 'Asia/Shanghai', followers: truth.relation(tech.id)!.follower });
	});

	it('Get Post Metrics: one item per listed BV id with Bilibili’s counters, coins and danmaku under extra', async () => {
		// Videos a few weeks old: their counters have settled, so the truth read after the run is the same.
		const old = truth.videos(brand.id).filter((v) => v.pubdate * 1000 < Date.now() - 20 * DAY_MS).slice(0, 3);
		const result = await run({ operation: 'getPostMetrics', bilibiliVideos: old.map((v) => v.bvid).join(',\n') }, sandbox.url);
		expect(result.error).toBeUndefined();
		const out = result.nodeOutput(NODE);
		expect(out.map((s) => s.postId)).toEqual(old.map((v) => v.bvid));
		out.forEach((s, i) => {
			const stat = truth.stat(old[i]);
			expect([s.views, s.likes, s.comments, s.shares, s.saves]).toEqual([stat.view, stat.like, stat.reply, stat.share, stat.favorite]);
			expect(s.extra as IDataObject).toEqual({ coins: stat.coin, danmaku: stat.danmaku, favorite: stat.favorite });
		});
	});

	it('turns Bilibili’s -404 into an error item under Continue On Fail, and a named node error otherwise', async () => {
		const soft = await run({ operation: 'getPostMetrics', bilibiliVideos: 'BV1zzzzzzzzz' }, sandbox.url, { onError: 'continueRegularOutput' });
		expect(soft.error).toBeUndefined();
		expect(soft.nodeOutput(NODE)).toEqual([expect.objectContaining({ platform: 'bilibili', code: '-404', operation: 'x/web-interface/view', itemIndex: 0 })]);
		const hard = await run({ operation: 'getPostMetrics', bilibiliVideos: 'BV1zzzzzzzzz' }, sandbox.url);
		expect(hard.error?.message).toContain('[-404]');
	});
});
