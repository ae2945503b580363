/**
 * Engagement Metrics → Normalise Rows through n8n-core's real engine: rows as n8n's Extract From File
 * emits them (one item per row, json = the row keyed by header) are pinned on the trigger.
 */
import { NodeHelpers, type IDataObject, type INode, type INodeParameters } from 'n8n-workflow';
import { EngagementMetrics } from '../../nodes/EngagementMetrics/EngagementMetrics.node';
import { deriveRates } from '../../lib/exports';
import { startSandbox, type Sandbox } from '../../sandbox';
import { addDays } from '../../sandbox/dates';
import { ENGAGEMENT_METRICS_TYPE, runWorkflow, singleNodeWorkflow, type RunResult } from './harness';
import { pairedIndexes, wechatCredential } from './support';

const NODE = 'Normalise Export';

function normaliseNode(parameters: INodeParameters, extra: Partial<INode> = {}): Omit<INode, 'id' | 'position'> {
	return { name: NODE, type: ENGAGEMENT_METRICS_TYPE, typeVersion: 1, parameters: { operation: 'normaliseRows', exportAccountId: 'gh_brand', ...parameters }, ...extra };
}

/** No credentials at all: Normalise Rows must not ask for one. */
function run(parameters: INodeParameters, items: IDataObject[], extra: Partial<INode> = {}, timezone = 'Asia/Shanghai'): Promise<RunResult> {
	const workflow = singleNodeWorkflow(normaliseNode(parameters, extra), items);
	workflow.settings = { timezone };
	return runWorkflow(workflow);
}

function errorText(result: RunResult): string {
	const error = result.error as (Error & { description?: string | null }) | undefined;
	return `${error?.message ?? ''} ${error?.description ?? ''}`;
}

/** 公众号后台 → 内容分析 → 已群发内容, as Extract From File gives it (the header set is an assumption). */
const WECHAT_ARTICLES: IDataObject[] = [
	{ 内容标题: '春日特刊', 发表时间: '2026-03-01 20:30', 总阅读人数: '1.2万', 总阅读次数: '15,000', 总分享人数: '300', 总分享次数: '350', 在看人数: '45', 点赞人数: '120', 留言人数: '8', 阅读完成率: '62.5%' },
	{ 内容标题: '新品预告', 发表时间: '2026/3/3 08:00', 总阅读人数: '3,456', 总阅读次数: '4000', 总分享人数: '--', 总分享次数: '--', 在看人数: '12', 点赞人数: '60', 留言人数: '', 阅读完成率: '55%' },
	{ 内容标题: '合计', 发表时间: '', 总阅读人数: '15456', 总阅读次数: '19000', 总分享人数: '300', 总分享次数: '350', 在看人数: '57', 点赞人数: '180', 留言人数: '8', 阅读完成率: '' },
];

/** A Douyin daily overview with one bad counter (row 3) and one impossible date (row 4). */
const DOUYIN_DAYS_WITH_ERRORS: IDataObject[] = [
	{ 日期: '3月1日', 作品播放量: '1.2w', 点赞量: '300', 评论量: '20', 分享量: '10', 新增粉丝: '50', 取关粉丝: '5', 粉丝总量: '1.5万' },
	{ 日期: '3月2日', 作品播放量: '1.3w', 点赞量: 'N/A?', 评论量: '25', 分享量: '12', 新增粉丝: '40', 取关粉丝: '4', 粉丝总量: '15036' },
	{ 日期: '2月30日', 作品播放量: '1.1w', 点赞量: '280', 评论量: '18', 分享量: '9', 新增粉丝: '30', 取关粉丝: '6', 粉丝总量: '15060' },
	{ 日期: '3月4日', 作品播放量: '1.4w', 点赞量: '310', 评论量: '22', 分享量: '11', 新增粉丝: '45', 取关粉丝: '3', 粉丝总量: '15102' },
];

describe('Engagement Metrics → Normalise Rows (n8n-core engine)', () => {
	describe('a WeChat article export', () => {
		let result: RunResult;
		beforeAll(async () => {
			result = await run({}, WECHAT_ARTICLES);
		});

		it('gives one snapshot per article, paired to its row, without any credential', () => {
			expect(result.error).toBeUndefined();
			const items = result.nodeItems(NODE);
			expect(items.map((i) => i.json.postTitle)).toEqual(['春日特刊', '新品预告']);
			expect(pairedIndexes(items)).toEqual([0, 1]); // the 合计 row gives nothing
		});

		it('reads every value form and keeps absent cells absent', () => {
			const [first, second] = result.nodeOutput(NODE);
			expect(first).toMatchObject({
				platform: 'wechat_oa',
				accountId: 'gh_brand',
				window: 'cumulative',
				periodStart: '2026-03-01',
				publishedAt: '2026-03-01T20:30:00+08:00',
				timezone: 'Asia/Shanghai', // the workflow's time zone
				views: 12000,
				shares: 300,
				likes: 120,
				comments: 8,
				completionRate: 0.625,
				extra: { zaikan: 45, readCount: 15000, shareCount: 350 },
				source: 'export:wechat_oa_articles',
			});
			expect(second).toMatchObject({ views: 3456, likes: 60, completionRate: 0.55, extra: { zaikan: 12, readCount: 4000 } });
			for (const field of ['shares', 'comments']) expect(second).not.toHaveProperty(field);
		});

		it('carries the derived rates', () => {
			const [first] = result.nodeOutput(NODE);
			expect(first.rates).toEqual({ engagementRateByViews: (120 + 8 + 300) / 12000, shareRate: 300 / 12000, completionRate: 0.625 });
		});

		it('gives flat rows with a unique key with Output = Table Row', async () => {
			const rows = (await run({ output: 'row' }, WECHAT_ARTICLES)).nodeOutput(NODE);
			expect(rows.map((r) => r.key)).toEqual(['wechat_oa|gh_brand|title:2026-03-01:春日特刊|cumulative|2026-03-01|' + rows[0].periodEnd, 'wechat_oa|gh_brand|title:2026-03-03:新品预告|cumulative|2026-03-03|' + rows[1].periodEnd]);
			for (const row of rows) for (const value of Object.values(row)) expect(value === null || ['string', 'number'].includes(typeof value)).toBe(true);
			expect(JSON.parse(String(rows[0].extra)).zaikan).toBe(45);
			expect(JSON.parse(String(rows[0].rates)).completionRate).toBe(0.625);
		});
	});

	describe('unreadable cells', () => {
		it('stop the node with an error naming the item index, column and value', async () => {
			const result = await run({ exportYear: 2026 }, DOUYIN_DAYS_WITH_ERRORS);
			expect(result.error).toBeDefined();
			const text = errorText(result);
			expect(text).toMatch(/\bitem 1\b/);
			expect(text).toContain('点赞量');
			expect(text).toContain('N/A?');
			expect(text).toContain('Row 3');
			expect(text).toMatch(/2 unreadable cell/);
			expect(result.nodeOutput(NODE)).toEqual([]);
		});

		it('with Continue On Fail become error items naming row and column, paired to their item; good cells still come through', async () => {
			const result = await run({ exportYear: 2026 }, DOUYIN_DAYS_WITH_ERRORS, { continueOnFail: true });
			expect(result.error).toBeUndefined();
			const items = result.nodeItems(NODE);
			expect(pairedIndexes(items)).toEqual([0, 1, 1, 2, 3]);
			const [day1, day2, likesError, dateError, day4] = items.map((i) => i.json);
			expect(day1).toMatchObject({ platform: 'douyin', periodStart: '2026-03-01', views: 12000, likes: 300, followers: 15000 });
			// The unreadable counter is absent, never 0; the rest of the row is there.
			expect(day2).toMatchObject({ periodStart: '2026-03-02', views: 13000, comments: 25 });
			expect(day2).not.toHaveProperty('likes');
			expect(likesError).toMatchObject({ row: 3, column: '点赞量', value: 'N/A?', itemIndex: 1 });
			expect(String(likesError.error)).toMatch(/Row 3 \(item 1\), column "点赞量"/);
			expect(dateError).toMatchObject({ row: 4, column: '日期', value: '2月30日', itemIndex: 2 });
			expect(String(dateError.error)).toMatch(/no such date 2026-02-30; row dropped/);
			expect(day4).toMatchObject({ periodStart: '2026-03-04' });
		});
	});

	it('applies the header mapping, fixed platform, year and time zone', async () => {
		const rows = [
			{ 统计日: '3月1日', 阅读: '2,000', 硬币: '12', 备注: '活动', 阅读人数: '1500' },
			{ 统计日: '3月2日', 阅读: '2,100', 硬币: '--', 备注: '', 阅读人数: '1600' },
		];
		const result = await run(
			{
				exportPlatform: 'bilibili',
				exportTimezone: 'Europe/Berlin',
				exportYear: 2025,
				headerMapping: {
					mappings: [
						{ header: '统计日', field: 'date' },
						{ header: '阅读', field: 'views' },
						{ header: '备注', field: 'extra', extraKey: 'note' },
						{ header: '阅读人数', field: 'ignore' },
					],
				},
			},
			rows,
		);
		expect(result.error).toBeUndefined();
		const out = result.nodeOutput(NODE);
		expect(out).toHaveLength(2);
		expect(out[0]).toMatchObject({ platform: 'bilibili', timezone: 'Europe/Berlin', periodStart: '2025-03-01', views: 2000, extra: { coins: 12, note: '活动' } });
		expect(out[0]).not.toHaveProperty('uniqueViewers');
		expect(out[1]).toMatchObject({ periodStart: '2025-03-02', views: 2100 });
		expect(out[1]).not.toHaveProperty('extra');
	});

	it('defaults the time zone to the workflow’s', async () => {
		const result = await run({}, [{ Date: '2026-03-01T23:30:00Z', Views: '1' }], {}, 'Europe/Paris');
		expect(result.nodeOutput(NODE)[0]).toMatchObject({ timezone: 'Europe/Paris', periodStart: '2026-03-02' });
	});

	it('drops duplicate rows of the same day', async () => {
		const row = { Date: '2026-03-01', Views: '1,000', Likes: '10' };
		const result = await run({}, [row, { ...row }, { Date: '2026-03-02', Views: '900', Likes: '9' }]);
		expect(result.error).toBeUndefined();
		expect(pairedIndexes(result.nodeItems(NODE))).toEqual([0, 2]);
	});

	describe('whole-file problems', () => {
		it('a file without a date column fails with a clear message', async () => {
			const result = await run({}, [{ 阅读量: '1' }]);
			expect(errorText(result)).toMatch(/No date column/);
		});

		it('with Continue On Fail it is one error item', async () => {
			const result = await run({}, [{ 阅读量: '1' }], { continueOnFail: true });
			expect(result.error).toBeUndefined();
			expect(result.nodeOutput(NODE)).toEqual([expect.objectContaining({ error: expect.stringMatching(/No date column/), itemIndex: 0 })]);
		});

		it('a bad time zone names the field', async () => {
			const result = await run({ exportTimezone: 'Mars/Olympus' }, [{ 日期: '2026-03-01', 阅读量: '1' }]);
			expect(errorText(result)).toMatch(/IANA.*Mars\/Olympus/);
		});
	});

	describe('the UI', () => {
		const description = new EngagementMetrics().description;
		const shown = (parameters: INodeParameters) => {
			const node = { name: 'n', type: ENGAGEMENT_METRICS_TYPE, typeVersion: 1, position: [0, 0], parameters } as unknown as INode;
			const resolved = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, node, description)!;
			return {
				credentials: (description.credentials ?? []).filter((c) => NodeHelpers.displayParameter(resolved, c, node, description, resolved)).map((c) => c.name),
				parameters: Object.keys(resolved),
			};
		};

		it('Normalise Rows asks for no credential and shows no API fields', () => {
			const { credentials, parameters } = shown({ operation: 'normaliseRows' });
			expect(credentials).toEqual([]);
			for (const name of ['platform', 'dateRange', 'startDate', 'lastDays', 'options']) expect(parameters).not.toContain(name);
			for (const name of ['exportPlatform', 'exportFormat', 'exportAccountId', 'exportTimezone', 'exportYear', 'headerMapping', 'output']) expect(parameters).toContain(name);
		});

		it('the API operations still show their platform’s credential and their own fields only', () => {
			const { credentials, parameters } = shown({ operation: 'getAccountMetrics', platform: 'wechatOa' });
			expect(credentials).toEqual(['weChatOfficialAccountApi']);
			expect(parameters).toEqual(expect.arrayContaining(['platform', 'dateRange', 'options']));
			expect(parameters).not.toContain('exportPlatform');
		});
	});
});

describe('derived rates on the API operations', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
	});
	afterAll(() => sandbox.close());

	it('every snapshot and every table row carries the rates of its counters', async () => {
		const yesterday = sandbox.wechat.yesterday();
		const range = { start: addDays(yesterday, -12), end: addDays(yesterday, -10) };
		const node = (output: string): Omit<INode, 'id' | 'position'> => ({
			name: NODE,
			type: ENGAGEMENT_METRICS_TYPE,
			typeVersion: 1,
			parameters: { platform: 'wechatOa', operation: 'getAccountMetrics', dateRange: 'custom', startDate: range.start, endDate: range.end, output },
			credentials: { weChatOfficialAccountApi: { id: 'cred-1', name: 'WeChat sandbox' } },
		});
		const snapshots = (await runWorkflow(singleNodeWorkflow(node('snapshot')), { credentials: wechatCredential(sandbox.url) })).nodeOutput(NODE);
		expect(snapshots).toHaveLength(3);
		for (const s of snapshots) {
			expect(s.rates).toEqual(deriveRates(s as never));
			expect(Object.keys(s.rates as IDataObject)).toEqual(expect.arrayContaining(['engagementRateByViews', 'engagementRateByFollowers', 'followerGrowthRate', 'netFollowerChange', 'shareRate']));
		}
		const rows = (await runWorkflow(singleNodeWorkflow(node('row')), { credentials: wechatCredential(sandbox.url) })).nodeOutput(NODE);
		expect(rows.map((r) => JSON.parse(String(r.rates)))).toEqual(snapshots.map((s) => s.rates));
	});
});
