import { InputError } from '../../../lib/errors';
import { MetricSnapshotSchema, type MetricSnapshot } from '../../../lib/model';
import { EXPORT_FORMATS, normaliseExportRows, type NormaliseExportOptions } from '../../../lib/exports';

const OPTIONS: NormaliseExportOptions = { accountId: 'acct-1', timezone: 'Asia/Shanghai', collectedAt: '2026-03-10T09:00:00+08:00' };

function normalise(rows: Array<Record<string, unknown>>, options: Partial<NormaliseExportOptions> = {}) {
	return normaliseExportRows(rows, { ...OPTIONS, ...options });
}

/** Each format's assumed header set, as a file with one plausible row: detection must find it. */
const SAMPLES: Record<string, Record<string, unknown>> = {
	wechat_oa_user_growth: { 时间: '2026-03-01', 新关注人数: '120', 取消关注人数: '20', 净增关注人数: '100', 累积关注人数: '10,100' },
	wechat_oa_content_trend: { 日期: '2026-03-01', 阅读次数: '1.5万', 阅读人数: '1.2万', 分享次数: '400', 分享人数: '300', 阅读原文次数: '12', 阅读原文人数: '10', 收藏次数: '50', 收藏人数: '45' },
	wechat_oa_articles: { 内容标题: '春日特刊', 发表时间: '2026-03-01 20:30', 总阅读人数: '1.2万', 总阅读次数: '15,000', 总分享人数: '300', 总分享次数: '350', 阅读后关注人数: '12', 送达人数: '50000', 在看人数: '45', 点赞人数: '120', 留言人数: '8', 阅读完成率: '62.5%' },
	douyin_works: { 作品名称: '开箱视频', 发布时间: '2026/3/2 18:00', 体裁: '视频', 播放量: '3.4w', 完播率: '12.5%', 平均播放时长: '8.5秒', 点赞量: '2,100', 评论量: '88', 分享量: '120', 收藏量: '300', 粉丝增量: '56', 主页访问量: '900' },
	douyin_overview: { 日期: '3月2日', 作品播放量: '5万', 主页访问量: '1200', 点赞量: '3000', 评论量: '100', 分享量: '80', 新增粉丝: '200', 取关粉丝: '15', 净增粉丝: '185', 粉丝总量: '1.5万' },
	xiaohongshu_notes: { 笔记标题: '春季穿搭', 首次发布时间: '2026年3月3日 12:00', 体裁: '图文', 曝光: '2.3万', 观看量: '5,000', 封面点击率: '21.7%', 点赞: '400', 评论: '35', 收藏: '210', 分享: '18', 涨粉: '25', 人均观看时长: '00:00:42' },
	bilibili_videos: { 稿件标题: '开学季vlog', BV号: 'BV1xx411c7mD', 发布时间: '2026-03-04', 播放量: '12.3万', 点赞: '8000', 投币: '1200', 收藏: '900', 分享: '300', 弹幕: '450', 评论: '260', 涨粉: '340', 完播率: '35%' },
	weibo_posts: { 微博内容: '新品发布会倒计时', 发布时间: '2026-03-05 10:00', 阅读数: '10万', 转发数: '1,200', 评论数: '300', 点赞数: '2500', 互动数: '4000' },
	weibo_fans: { 日期: '2026.3.5', 粉丝总数: '20.5万', 新增粉丝数: '800', 取关人数: '60', 净增粉丝数: '740' },
	generic_zh: { 日期: '2026-03-06', 阅读量: '100', 点赞: '10', 评论: '2', 转发: '3', 收藏: '4', 粉丝数: '1000' },
	generic_en: { Date: '2026-03-06', Views: '1,000', Likes: '50', Comments: '5', Shares: '4', Saves: '3', Followers: '2.5K' },
};

describe('normaliseExportRows: format detection (header sets are assumptions, see lib/exports/formats.ts)', () => {
	it('has a sample for every format', () => {
		expect(Object.keys(SAMPLES).sort()).toEqual(EXPORT_FORMATS.map((f) => f.id).sort());
	});

	it.each(Object.entries(SAMPLES))('detects %s and reads its row into a valid snapshot', (id, row) => {
		const result = normalise([row]);
		expect(result.format.id).toBe(id);
		expect(result.format.confidence).toBeGreaterThanOrEqual(id.startsWith('generic') ? 0.9 : 0.99);
		expect(result.errors).toEqual([]);
		expect(result.snapshots).toHaveLength(1);
		expect(MetricSnapshotSchema.safeParse(result.snapshots[0]).success).toBe(true);
		expect(result.snapshots[0].source).toBe(`export:${id}`);
		expect(result.columns.filter((c) => c.field === null)).toEqual([]);
	});

	it('WeChat user growth: one day of followers', () => {
		const [s] = normalise([SAMPLES.wechat_oa_user_growth]).snapshots;
		expect(s).toMatchObject({ platform: 'wechat_oa', accountId: 'acct-1', window: 'day', periodStart: '2026-03-01', periodEnd: '2026-03-01', newFollowers: 120, lostFollowers: 20, netFollowers: 100, followers: 10100 });
		expect(s.postId).toBeUndefined();
	});

	it('WeChat content: 人数 columns fill the core fields (as the API adapter does), 次数 columns go to extra', () => {
		const [s] = normalise([SAMPLES.wechat_oa_content_trend]).snapshots;
		expect(s).toMatchObject({ views: 12000, shares: 300, saves: 45, extra: { readCount: 15000, shareCount: 400, saveCount: 50, readOriginalClicks: 12, readOriginalUsers: 10 } });
		expect(s.uniqueViewers).toBeUndefined();
	});

	it('WeChat articles: cumulative per post from its publish time to the collection day, 在看 under extra', () => {
		const [s] = normalise([SAMPLES.wechat_oa_articles]).snapshots;
		expect(s).toMatchObject({
			platform: 'wechat_oa',
			window: 'cumulative',
			postTitle: '春日特刊',
			postId: 'title:2026-03-01:春日特刊',
			publishedAt: '2026-03-01T20:30:00+08:00',
			periodStart: '2026-03-01',
			periodEnd: '2026-03-10',
			views: 12000,
			shares: 300,
			likes: 120,
			comments: 8,
			completionRate: 0.625,
			extra: { readCount: 15000, shareCount: 350, zaikan: 45, delivered: 50000, followsAfterReading: 12 },
		});
	});

	it('Douyin works: 万 as w, completion rate, watch time, follower gain', () => {
		const [s] = normalise([SAMPLES.douyin_works]).snapshots;
		expect(s).toMatchObject({ platform: 'douyin', views: 34000, completionRate: 0.125, avgWatchSeconds: 8.5, likes: 2100, comments: 88, shares: 120, saves: 300, newFollowers: 56, extra: { contentType: '视频', profileVisits: 900 } });
	});

	it('Douyin overview: yearless 3月2日 takes the collection year', () => {
		const [s] = normalise([SAMPLES.douyin_overview]).snapshots;
		expect(s).toMatchObject({ platform: 'douyin', periodStart: '2026-03-02', views: 50000, newFollowers: 200, lostFollowers: 15, netFollowers: 185, followers: 15000 });
	});

	it('Xiaohongshu notes: impressions and cover click rate are platform extras', () => {
		const [s] = normalise([SAMPLES.xiaohongshu_notes]).snapshots;
		expect(s).toMatchObject({ platform: 'xiaohongshu', views: 5000, likes: 400, saves: 210, avgWatchSeconds: 42, extra: { impressions: 23000, coverClickRate: 0.217 } });
	});

	it('Bilibili videos: BV id as postId, coins and danmaku under extra', () => {
		const [s] = normalise([SAMPLES.bilibili_videos]).snapshots;
		expect(s).toMatchObject({ platform: 'bilibili', postId: 'BV1xx411c7mD', views: 123000, extra: { coins: 1200, danmaku: 450 }, completionRate: 0.35 });
		expect(s.publishedAt).toBeUndefined(); // a date without a time is no instant
		expect(s.periodStart).toBe('2026-03-04');
	});

	it('Weibo posts: 转发 is shares; the platform’s own 互动数 is kept but not trusted as ours', () => {
		const [s] = normalise([SAMPLES.weibo_posts]).snapshots;
		expect(s).toMatchObject({ platform: 'weibo', views: 100000, shares: 1200, comments: 300, likes: 2500, extra: { interactions: 4000 } });
		expect(s.rates?.engagementRateByViews).toBeCloseTo((1200 + 300 + 2500) / 100000, 12);
	});

	it('generic headers: platform manual unless given', () => {
		expect(normalise([SAMPLES.generic_en]).snapshots[0]).toMatchObject({ platform: 'manual', views: 1000, followers: 2500 });
		expect(normalise([SAMPLES.generic_zh], { platform: 'kuaishou' }).snapshots[0]).toMatchObject({ platform: 'kuaishou', views: 100, shares: 3 });
	});

	it('a given platform restricts detection to its formats', () => {
		const result = normalise([SAMPLES.douyin_works], { platform: 'bilibili' });
		expect(result.format.platform).toBe('bilibili');
		expect(result.format.id).toMatch(/^generic_zh$|^bilibili_videos$/);
		expect(result.snapshots[0].platform).toBe('bilibili');
	});

	it('a fixed format wins over detection', () => {
		const result = normalise([SAMPLES.generic_zh], { format: 'weibo_fans' });
		expect(result.format).toMatchObject({ id: 'weibo_fans', platform: 'weibo', confidence: 1 });
	});

	it('recognises headers with units, spaces, full-width and English case', () => {
		const result = normalise([{ '日期 ': '2026-03-01', '阅读量（次）': '5', '点赞(个)': '1', ' VIEWS ': '7', 'Completion Rate (%)': '50%' }]);
		expect(result.columns.map((c) => c.field)).toEqual(['date', 'views', 'likes', null, 'completionRate']);
		expect(result.columns[3].note).toMatch(/already fills views/);
		expect(result.snapshots[0]).toMatchObject({ views: 5, likes: 1, completionRate: 0.5 });
	});

	it('finds the header row below a title line (Extract From File took the title as header)', () => {
		const rows = [
			{ 公众号数据概况: '日期', __EMPTY: '阅读人数', __EMPTY_1: '点赞人数' },
			{ 公众号数据概况: '2026-03-01', __EMPTY: '100', __EMPTY_1: '5' },
		];
		const result = normalise(rows);
		expect(result.skipped).toEqual([{ row: 2, index: 0, reason: 'header' }]);
		expect(result.snapshots).toHaveLength(1);
		expect(result.snapshots[0]).toMatchObject({ periodStart: '2026-03-01', uniqueViewers: 100, likes: 5 });
		expect(result.snapshotIndexes).toEqual([1]);
	});
});

describe('normaliseExportRows: user mapping', () => {
	it('overrides detection and the alias table, and can send columns to extra or ignore them', () => {
		const rows = [{ 统计日: '2026-03-01', 阅读人数: '900', 热度: '77', 阅读量: '1000', 备注: '活动日' }];
		const result = normalise(rows, { mapping: { 统计日: 'date', 阅读人数: 'views', 阅读量: 'ignore', 热度: 'extra.heat', 备注: 'extra.note' } });
		expect(result.snapshots[0]).toMatchObject({ periodStart: '2026-03-01', views: 900, extra: { heat: 77, note: '活动日' } });
		expect(result.columns.find((c) => c.header === '阅读量')).toMatchObject({ field: 'ignore', by: 'mapping' });
		expect(result.columns.find((c) => c.header === '阅读人数')).toMatchObject({ field: 'views', by: 'mapping' });
	});

	it('matches mapping headers the way it matches aliases (width, case, units)', () => {
		const result = normalise([{ Day: '2026-03-01', 'Ｐｌａｙｓ（次）': '12' }], { mapping: { 'plays': 'views' } });
		expect(result.snapshots[0].views).toBe(12);
	});

	it('rejects a mapping to an unknown field, or naming a column the file lacks', () => {
		expect(() => normalise([SAMPLES.generic_zh], { mapping: { 阅读量: 'readz' } })).toThrow(/not a field/);
		expect(() => normalise([SAMPLES.generic_zh], { mapping: { 播放量: 'views' } })).toThrow(/"播放量", not among the columns/);
	});
});

describe('normaliseExportRows: unreadable cells', () => {
	const rows = [
		{ 日期: '2026-03-01', 阅读量: '1.2万', 点赞: 'abc', 评论: '--', 完播率: '12.5' },
		{ 日期: '2026-02-30', 阅读量: '500', 点赞: '3', 评论: '1', 完播率: '10%' },
		{ 日期: '', 阅读量: '600', 点赞: '4', 评论: '2', 完播率: '10%' },
		{ 日期: '2026-03-03', 阅读量: '700', 点赞: '5', 评论: '3', 完播率: '10%' },
	];
	const result = normalise(rows);

	it('reports each with its spreadsheet row (header = row 1), column, value and reason', () => {
		expect(result.errors).toEqual([
			{ row: 2, index: 0, column: '点赞', value: 'abc', message: 'not a number' },
			{ row: 2, index: 0, column: '完播率', value: '12.5', message: expect.stringMatching(/ambiguous/) },
			{ row: 3, index: 1, column: '日期', value: '2026-02-30', message: expect.stringMatching(/no such date 2026-02-30; row dropped/) },
			{ row: 4, index: 2, column: '日期', value: '', message: 'no date; row dropped' },
		]);
	});

	it('an unreadable counter stays absent (never 0) and the row’s other cells still parse', () => {
		const first = result.snapshots[0];
		expect(first).toMatchObject({ periodStart: '2026-03-01', views: 12000 });
		expect('likes' in first).toBe(false);
		expect('comments' in first).toBe(false); // -- means no data
		expect('completionRate' in first).toBe(false);
	});

	it('a row whose date cannot be read is dropped; the others come through, paired to their input', () => {
		expect(result.snapshots.map((s) => s.periodStart)).toEqual(['2026-03-01', '2026-03-03']);
		expect(result.snapshotIndexes).toEqual([0, 3]);
	});

	it('reads other value types too: a spreadsheet’s numbers and serial dates', () => {
		const r = normalise([{ Date: 46082, Views: 1500, Likes: 0, 'Completion rate': 0.4 }]);
		expect(r.snapshots[0]).toMatchObject({ periodStart: '2026-03-01', views: 1500, likes: 0, completionRate: 0.4 });
	});
});

describe('normaliseExportRows: duplicates, blanks and totals', () => {
	it('drops rows identical to an earlier one (same key, same numbers) and reports them', () => {
		const row = { 日期: '2026-03-01', 阅读量: '100', 点赞: '5' };
		// The third row writes the same day and numbers differently: still the same observation.
		const result = normalise([row, { ...row }, { 日期: '2026/3/1', 阅读量: '0.01万', 点赞: '5' }]);
		expect(result.snapshots).toHaveLength(1);
		expect(result.duplicates).toEqual([
			{ row: 3, index: 1, duplicateOfRow: 2, key: 'manual|acct-1|-|day|2026-03-01|2026-03-01' },
			{ row: 4, index: 2, duplicateOfRow: 2, key: 'manual|acct-1|-|day|2026-03-01|2026-03-01' },
		]);
		expect(result.errors).toEqual([]);
	});

	it('a same-key row with different numbers is an error naming the column, and the first row is kept', () => {
		const result = normalise([
			{ 日期: '2026-03-01', 阅读量: '100', 点赞: '5' },
			{ 日期: '2026-03-01', 阅读量: '120', 点赞: '5' },
		]);
		expect(result.snapshots.map((s) => s.views)).toEqual([100]);
		expect(result.errors).toEqual([{ row: 3, index: 1, column: '阅读量', value: '120', message: expect.stringMatching(/same account and period as row 2 but a different views/) }]);
	});

	it('posts are keyed by id (or publish day + title), so two posts on one day are not duplicates', () => {
		const result = normalise([
			{ 标题: 'A', 发布时间: '2026-03-01', 阅读量: '1' },
			{ 标题: 'B', 发布时间: '2026-03-01', 阅读量: '1' },
		]);
		expect(result.snapshots.map((s) => s.postId)).toEqual(['title:2026-03-01:A', 'title:2026-03-01:B']);
	});

	it('skips blank rows and total rows (合计, 总计, Total) without errors', () => {
		const result = normalise([
			{ 日期: '2026-03-01', 阅读量: '1' },
			{ 日期: '', 阅读量: '' },
			{ 日期: '合计', 阅读量: '99' },
			{ 日期: 'Total', 阅读量: '99' },
			{ 日期: '总计：', 阅读量: '99' },
		]);
		expect(result.snapshots).toHaveLength(1);
		expect(result.errors).toEqual([]);
		expect(result.skipped.map((s) => [s.row, s.reason])).toEqual([
			[3, 'empty'],
			[4, 'total'],
			[5, 'total'],
			[6, 'total'],
		]);
	});
});

describe('normaliseExportRows: whole-file problems are InputErrors', () => {
	it.each([
		['no date column', [{ 阅读量: '1' }], {}, /No date column/],
		['no account id', [SAMPLES.generic_zh], { accountId: '' }, /Account ID is required/],
		['a bad time zone', [SAMPLES.generic_zh], { timezone: 'China/Beijing' }, /IANA/],
		['a bad year', [SAMPLES.generic_zh], { year: 26 }, /Year/],
	])('%s', (_case, rows, options, message) => {
		let caught: unknown;
		try {
			normalise(rows, options as Partial<NormaliseExportOptions>);
		} catch (e) {
			caught = e;
		}
		expect(caught).toBeInstanceOf(InputError);
		expect((caught as Error).message).toMatch(message);
	});

	it('takes the account from a column when there is one', () => {
		const result = normalise([{ 日期: '2026-03-01', 账号ID: 'gh_a', 账号名称: '品牌号', 阅读量: '1' }, { 日期: '2026-03-01', 账号ID: '', 阅读量: '1' }], { accountId: '' });
		expect(result.snapshots.map((s: MetricSnapshot) => [s.accountId, s.accountName])).toEqual([['gh_a', '品牌号']]);
		expect(result.errors).toEqual([{ row: 3, index: 1, column: '账号ID', value: '', message: 'no account id; row dropped' }]);
	});
});

describe('normaliseExportRows: periods', () => {
	it('a range in the date column is a period snapshot', () => {
		const [s] = normalise([{ 时间段: '2026-03-01 至 2026-03-07', 阅读量: '700' }]).snapshots;
		expect(s).toMatchObject({ window: 'period', periodStart: '2026-03-01', periodEnd: '2026-03-07' });
	});

	it('a date-time in the date column is cut to its day in the export zone', () => {
		const [s] = normalise([{ date: '2026-03-01T17:00:00Z', views: '1' }], { timezone: 'Asia/Shanghai' }).snapshots;
		expect(s.periodStart).toBe('2026-03-02');
	});

	it('a post published after the collection day is an error, not a negative period', () => {
		const result = normalise([{ 标题: 'A', 发布时间: '2026-04-01', 阅读量: '1' }]);
		expect(result.snapshots).toEqual([]);
		expect(result.errors[0]).toMatchObject({ row: 2, column: '发布时间', message: expect.stringMatching(/after the collection day 2026-03-10/) });
	});
});

describe('normaliseExportRows: derived rates ride along', () => {
	it('every snapshot carries its rates', () => {
		const [s] = normalise([{ 日期: '2026-03-01', 阅读量: '1000', 点赞: '30', 评论: '10', 分享: '5', 收藏: '5', 粉丝数: '2000', 新增关注: '150', 取消关注: '50' }]).snapshots;
		expect(s.rates).toEqual({
			engagementRateByViews: 0.05,
			engagementRateByFollowers: 0.025,
			followerGrowthRate: 100 / 1900,
			netFollowerChange: 100,
			shareRate: 0.005,
		});
	});
});
