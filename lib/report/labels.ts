import { InputError } from '../errors';
import type { Finding } from './types';

/** Languages the renderers speak. */
export type ReportLanguage = 'zh' | 'en';

/** Formatters a finding's text needs (supplied by the renderer, so numbers follow the language). */
export interface TextFormat {
	num(v: number | null | undefined): string;
	pct(v: number | null | undefined): string;
	signedPct(v: number | null | undefined): string;
}

type FindingText = (p: Finding['params'], f: TextFormat, l: Labels) => string;

/** Every word a rendered report shows, in one dictionary per language. */
export interface Labels {
	report: string;
	period: string;
	timezone: string;
	generated: string;
	vs: string;
	none: string;
	days: (n: number) => string;
	sections: Record<
		| 'summary'
		| 'findings'
		| 'trends'
		| 'changes'
		| 'platforms'
		| 'accounts'
		| 'competitors'
		| 'kpis'
		| 'topContent'
		| 'bottomContent'
		| 'traits'
		| 'postingTimes'
		| 'abTests'
		| 'sentiment'
		| 'risk'
		| 'budget'
		| 'statistics'
		| 'perPost'
		| 'daily',
		string
	>;
	columns: Record<string, string>;
	metrics: Record<string, string>;
	platforms: Record<string, string>;
	scopes: Record<'all' | 'platform' | 'account', string>;
	periodKinds: Record<string, string>;
	traits: Record<string, string>;
	weekdays: string[];
	kpiStatus: Record<string, string>;
	verdicts: Record<string, string>;
	budgetStatus: Record<string, string>;
	sentiment: Record<'positive' | 'neutral' | 'negative', string>;
	riskLevels: Record<string, string>;
	kinds: Record<'problem' | 'suggestion', string>;
	severities: Record<'high' | 'medium' | 'low', string>;
	yes: string;
	no: string;
	hourOfDay: (h: number) => string;
	findings: Record<Finding['rule'], FindingText>;
}

const str = (v: unknown) => (v === null || v === undefined ? '—' : String(v));

const zh: Labels = {
	report: '运营报告',
	period: '统计周期',
	timezone: '时区',
	generated: '生成时间',
	vs: '对比',
	none: '无',
	days: (n) => `${n} 天`,
	sections: {
		summary: '核心指标',
		findings: '问题与建议',
		trends: '趋势',
		changes: '环比与同比',
		platforms: '平台对比',
		accounts: '账号对比',
		competitors: '竞品对比',
		kpis: 'KPI 达成',
		topContent: '优质内容 Top',
		bottomContent: '待改进内容',
		traits: '内容共性',
		postingTimes: '最佳发布时间',
		abTests: 'A/B 测试',
		sentiment: '舆情与情感',
		risk: '风险预警',
		budget: '预算执行',
		statistics: '描述统计',
		perPost: '单篇内容分布',
		daily: '每日数据',
	},
	columns: {
		metric: '指标',
		scope: '范围',
		platform: '平台',
		account: '账号',
		competitor: '竞品',
		current: '本期',
		previous: '上期',
		change: '环比',
		lastYear: '去年同期',
		yoyChange: '同比',
		slope: '日斜率',
		count: '样本数',
		mean: '均值',
		median: '中位数',
		stdDev: '标准差',
		min: '最小值',
		max: '最大值',
		total: '合计',
		followers: '粉丝数',
		followerGrowth: '净增粉丝',
		followerGrowthRate: '涨粉率',
		views: '阅读/播放',
		engagement: '互动量',
		engagementRate: '互动率',
		shareRate: '分享率',
		posts: '发布数',
		engagementChange: '互动环比',
		gap: '差距',
		ownRate: '我方互动率',
		label: '目标',
		by: '截止日期',
		baseline: '基线',
		goal: '目标值',
		progress: '进度',
		pacePerWeek: '每周需增长',
		projected: '预计达到',
		status: '状态',
		title: '标题',
		contentType: '内容类型',
		format: '形式',
		publishedAt: '发布时间',
		score: '得分',
		group: '分组',
		trait: '特征',
		value: '取值',
		share: '占比',
		baselineShare: '整体占比',
		weekday: '星期',
		hour: '时段',
		meanEngagement: '篇均互动',
		lift: '提升倍数',
		test: '测试',
		armA: 'A 组',
		armB: 'B 组',
		rateA: 'A 转化率',
		rateB: 'B 转化率',
		pValue: 'p 值',
		ci: '置信区间(B−A)',
		verdict: '结论',
		positive: '正面',
		neutral: '中性',
		negative: '负面',
		level: '等级',
		type: '类型',
		budget: '预算',
		spent: '已花费',
		ratio: '使用率',
		projectedSpend: '预计花费',
		kind: '类别',
		severity: '严重程度',
		text: '内容',
		date: '日期',
		series: '序列',
	},
	metrics: {
		followers: '粉丝数',
		newFollowers: '新增关注',
		lostFollowers: '取消关注',
		netFollowers: '净增关注',
		views: '阅读/播放',
		uniqueViewers: '触达人数',
		likes: '点赞',
		comments: '评论',
		shares: '分享/转发',
		saves: '收藏',
		clicks: '点击',
		conversions: '转化',
		spend: '花费',
		engagement: '互动量',
		engagementRate: '互动率',
		shareRate: '分享率',
	},
	platforms: {
		wechat_oa: '微信公众号',
		weibo: '微博',
		douyin: '抖音',
		kuaishou: '快手',
		xiaohongshu: '小红书',
		bilibili: 'B站',
		zhihu: '知乎',
		toutiao: '今日头条',
		manual: '手工录入',
	},
	scopes: { all: '全部', platform: '平台', account: '账号' },
	periodKinds: { week: '周报', month: '月报', quarter: '季报', custom: '自定义周期' },
	traits: { contentType: '内容类型', format: '形式', weekday: '星期', hour: '发布时段', platform: '平台' },
	weekdays: ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'],
	kpiStatus: { on_track: '正常', at_risk: '有风险', off_track: '落后' },
	verdicts: { a_better: 'A 更优', b_better: 'B 更优', no_difference: '无显著差异', not_enough_data: '数据不足' },
	budgetStatus: { ok: '正常', near: '接近上限', over: '已超支' },
	sentiment: { positive: '正面', neutral: '中性', negative: '负面' },
	riskLevels: { none: '无', low: '低', medium: '中', high: '高', critical: '严重' },
	kinds: { problem: '问题', suggestion: '建议' },
	severities: { high: '高', medium: '中', low: '低' },
	yes: '是',
	no: '否',
	hourOfDay: (h) => `${h}:00–${h + 1}:00`,
	findings: {
		engagement_drop: (p, f, l) =>
			`互动量环比${f.signedPct(p.change as number)}（${f.num(p.previous as number)} → ${f.num(p.current as number)}）。` +
			(p.platform ? `下降主要来自${platformName(l, p.platform)}（${f.signedPct(p.platformChange as number)}，占降幅 ${f.pct(p.platformShare as number)}）` : '') +
			(p.contentType ? `，内容类型“${str(p.contentType)}”（${platformName(l, p.contentPlatform)}）降幅最大（${f.signedPct(p.contentChange as number)}）。建议复盘该类内容的选题与发布节奏。` : '。'),
		engagement_rate_drop: (p, f) => `互动率环比${f.signedPct(p.change as number)}（${f.pct(p.previous as number)} → ${f.pct(p.current as number)}），而阅读量未同步下降：内容吸引点击但未引发互动，建议加强互动引导（提问、投票、评论区运营）。`,
		follower_decline: (p, f, l) => `${platformName(l, p.platform)}账号“${str(p.account)}”本期粉丝净减少 ${f.num(Math.abs(p.growth as number))}，建议排查掉粉原因（内容方向、发布频率、负面舆情）。`,
		kpi_off_track: (p, f, l) => {
			const v = (x: unknown) => kpiValue(f, p.metric, x);
			return `KPI“${kpiName(l, p)}”落后：当前 ${v(p.current)}，目标 ${v(p.goal)}（${str(p.by)}），按趋势预计仅达 ${v(p.projected)}；需每周增长 ${v(p.pacePerWeek)}。`;
		},
		kpi_at_risk: (p, f, l) => {
			const v = (x: unknown) => kpiValue(f, p.metric, x);
			return `KPI“${kpiName(l, p)}”有风险：预计 ${v(p.projected)}，目标 ${v(p.goal)}（${str(p.by)}），需每周增长 ${v(p.pacePerWeek)}。`;
		},
		budget_over: (p, f) => `预算“${str(p.label)}”已超支：花费 ${f.num(p.spent as number)} / 预算 ${f.num(p.budget as number)}（${f.pct(p.ratio as number)}）。`,
		budget_near: (p, f) => `预算“${str(p.label)}”接近上限：已使用 ${f.pct(p.ratio as number)}（${f.num(p.spent as number)} / ${f.num(p.budget as number)}）。`,
		negative_sentiment: (p, f) => `负面评论占比 ${f.pct(p.share as number)}（${f.num(p.negative as number)} / ${f.num(p.total as number)}）${p.category ? `，主要风险类别：${str(p.category)}` : ''}，建议及时回应并跟进处理。`,
		open_high_risk: (p, f) => `有 ${f.num(p.count as number)} 条高等级风险预警未处理（如“${str(p.type)}”），请尽快指派负责人。`,
		competitor_gap: (p, f, l) => `竞品“${str(p.competitor)}”在${platformName(l, p.platform)}的互动率高出我方 ${f.pct(p.gap as number)}（${f.pct(p.rate as number)} 对 ${f.pct(p.ownRate as number)}），建议分析其选题与形式。`,
		best_slots: (p, f, l) => `${l.weekdays[p.weekday as number]} ${l.hourOfDay(p.hour as number)} 发布的内容篇均互动是平均水平的 ${f.num(p.lift as number)} 倍（${f.num(p.posts as number)} 篇），建议把重要内容安排在该时段。`,
		top_trait: (p, f, l) => `优质内容中 ${f.pct(p.share as number)} 的${l.traits[String(p.trait)]}为“${traitValue(l, p.trait, p.value)}”（整体 ${f.pct(p.baselineShare as number)}），建议增加此类内容。`,
		bottom_trait: (p, f, l) => `表现较差的内容中 ${f.pct(p.share as number)} 的${l.traits[String(p.trait)]}为“${traitValue(l, p.trait, p.value)}”（整体 ${f.pct(p.baselineShare as number)}），建议调整或减少。`,
		ab_winner: (p, f) => `A/B 测试“${str(p.name)}”：${str(p.winner)} 显著更优（差异 ${f.signedPct(p.diff as number)}，p = ${str(typeof p.pValue === 'number' ? p.pValue.toPrecision(2) : p.pValue)}），建议采用。`,
	},
};

const en: Labels = {
	report: 'Operations report',
	period: 'Period',
	timezone: 'Time zone',
	generated: 'Generated',
	vs: 'vs',
	none: 'none',
	days: (n) => `${n} days`,
	sections: {
		summary: 'Key metrics',
		findings: 'Problems and suggestions',
		trends: 'Trends',
		changes: 'Period over period and year over year',
		platforms: 'Platforms',
		accounts: 'Accounts',
		competitors: 'Competitors',
		kpis: 'KPI attainment',
		topContent: 'Top content',
		bottomContent: 'Bottom content',
		traits: 'What they share',
		postingTimes: 'Best posting times',
		abTests: 'A/B tests',
		sentiment: 'Sentiment',
		risk: 'Risk alerts',
		budget: 'Budget',
		statistics: 'Descriptive statistics',
		perPost: 'Per-post distribution',
		daily: 'Daily values',
	},
	columns: {
		metric: 'Metric',
		scope: 'Scope',
		platform: 'Platform',
		account: 'Account',
		competitor: 'Competitor',
		current: 'This period',
		previous: 'Previous',
		change: 'Change',
		lastYear: 'Last year',
		yoyChange: 'YoY',
		slope: 'Slope/day',
		count: 'N',
		mean: 'Mean',
		median: 'Median',
		stdDev: 'Std dev',
		min: 'Min',
		max: 'Max',
		total: 'Total',
		followers: 'Followers',
		followerGrowth: 'Net followers',
		followerGrowthRate: 'Follower growth',
		views: 'Views',
		engagement: 'Engagement',
		engagementRate: 'Engagement rate',
		shareRate: 'Share rate',
		posts: 'Posts',
		engagementChange: 'Engagement change',
		gap: 'Gap',
		ownRate: 'Our rate',
		label: 'Goal',
		by: 'By',
		baseline: 'Baseline',
		goal: 'Target',
		progress: 'Progress',
		pacePerWeek: 'Needed per week',
		projected: 'Projected',
		status: 'Status',
		title: 'Title',
		contentType: 'Content type',
		format: 'Format',
		publishedAt: 'Published',
		score: 'Score',
		group: 'Group',
		trait: 'Trait',
		value: 'Value',
		share: 'Share',
		baselineShare: 'Share overall',
		weekday: 'Weekday',
		hour: 'Hour',
		meanEngagement: 'Engagement per post',
		lift: 'Lift',
		test: 'Test',
		armA: 'Arm A',
		armB: 'Arm B',
		rateA: 'Rate A',
		rateB: 'Rate B',
		pValue: 'p-value',
		ci: 'CI (B−A)',
		verdict: 'Verdict',
		positive: 'Positive',
		neutral: 'Neutral',
		negative: 'Negative',
		level: 'Level',
		type: 'Type',
		budget: 'Budget',
		spent: 'Spent',
		ratio: 'Used',
		projectedSpend: 'Projected spend',
		kind: 'Kind',
		severity: 'Severity',
		text: 'Finding',
		date: 'Date',
		series: 'Series',
	},
	metrics: {
		followers: 'Followers',
		newFollowers: 'New followers',
		lostFollowers: 'Unfollows',
		netFollowers: 'Net followers',
		views: 'Views',
		uniqueViewers: 'Unique viewers',
		likes: 'Likes',
		comments: 'Comments',
		shares: 'Shares',
		saves: 'Saves',
		clicks: 'Clicks',
		conversions: 'Conversions',
		spend: 'Spend',
		engagement: 'Engagement',
		engagementRate: 'Engagement rate',
		shareRate: 'Share rate',
	},
	platforms: {
		wechat_oa: 'WeChat OA',
		weibo: 'Weibo',
		douyin: 'Douyin',
		kuaishou: 'Kuaishou',
		xiaohongshu: 'Xiaohongshu',
		bilibili: 'Bilibili',
		zhihu: 'Zhihu',
		toutiao: 'Toutiao',
		mastodon: 'Mastodon',
		bluesky: 'Bluesky',
		youtube: 'YouTube',
		x: 'X',
		instagram: 'Instagram',
		telegram: 'Telegram',
		manual: 'Manual',
	},
	scopes: { all: 'All', platform: 'Platform', account: 'Account' },
	periodKinds: { week: 'Weekly report', month: 'Monthly report', quarter: 'Quarterly report', custom: 'Report' },
	traits: { contentType: 'content type', format: 'format', weekday: 'weekday', hour: 'publish hour', platform: 'platform' },
	weekdays: ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
	kpiStatus: { on_track: 'On track', at_risk: 'At risk', off_track: 'Off track' },
	verdicts: { a_better: 'A is better', b_better: 'B is better', no_difference: 'No significant difference', not_enough_data: 'Not enough data' },
	budgetStatus: { ok: 'OK', near: 'Near limit', over: 'Over budget' },
	sentiment: { positive: 'Positive', neutral: 'Neutral', negative: 'Negative' },
	riskLevels: { none: 'None', low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' },
	kinds: { problem: 'Problem', suggestion: 'Suggestion' },
	severities: { high: 'High', medium: 'Medium', low: 'Low' },
	yes: 'yes',
	no: 'no',
	hourOfDay: (h) => `${String(h).padStart(2, '0')}:00–${String(h + 1).padStart(2, '0')}:00`,
	findings: {
		engagement_drop: (p, f, l) =>
			`Engagement ${f.signedPct(p.change as number)} vs the previous period (${f.num(p.previous as number)} → ${f.num(p.current as number)}).` +
			(p.platform ? ` Most of the drop came from ${platformName(l, p.platform)} (${f.signedPct(p.platformChange as number)}, ${f.pct(p.platformShare as number)} of the decline)` : '') +
			(p.contentType ? `; content type "${str(p.contentType)}" on ${platformName(l, p.contentPlatform)} fell most (${f.signedPct(p.contentChange as number)}). Review its topics and cadence.` : '.'),
		engagement_rate_drop: (p, f) =>
			`Engagement rate ${f.signedPct(p.change as number)} (${f.pct(p.previous as number)} → ${f.pct(p.current as number)}) while views held up: content draws views but not interaction; add calls to action and work the comments.`,
		follower_decline: (p, f, l) => `${platformName(l, p.platform)} account "${str(p.account)}" lost ${f.num(Math.abs(p.growth as number))} followers net; check content direction, cadence and negative sentiment.`,
		kpi_off_track: (p, f, l) => {
			const v = (x: unknown) => kpiValue(f, p.metric, x);
			return `KPI "${kpiName(l, p)}" is off track: now ${v(p.current)}, target ${v(p.goal)} by ${str(p.by)}, trend reaches ${v(p.projected)}; needs ${v(p.pacePerWeek)} per week.`;
		},
		kpi_at_risk: (p, f, l) => {
			const v = (x: unknown) => kpiValue(f, p.metric, x);
			return `KPI "${kpiName(l, p)}" is at risk: projected ${v(p.projected)} against ${v(p.goal)} by ${str(p.by)}; needs ${v(p.pacePerWeek)} per week.`;
		},
		budget_over: (p, f) => `Budget "${str(p.label)}" is overspent: ${f.num(p.spent as number)} of ${f.num(p.budget as number)} (${f.pct(p.ratio as number)}).`,
		budget_near: (p, f) => `Budget "${str(p.label)}" is near its limit: ${f.pct(p.ratio as number)} used (${f.num(p.spent as number)} of ${f.num(p.budget as number)}).`,
		negative_sentiment: (p, f) => `Negative mentions are ${f.pct(p.share as number)} (${f.num(p.negative as number)} of ${f.num(p.total as number)})${p.category ? `, mostly ${str(p.category)}` : ''}; respond and follow up.`,
		open_high_risk: (p, f) => `${f.num(p.count as number)} high-level risk alert(s) are still open (e.g. "${str(p.type)}"); assign an owner now.`,
		competitor_gap: (p, f, l) => `Competitor "${str(p.competitor)}" on ${platformName(l, p.platform)} has a ${f.pct(p.gap as number)} higher engagement rate (${f.pct(p.rate as number)} vs ${f.pct(p.ownRate as number)}); study its topics and formats.`,
		best_slots: (p, f, l) => `Posts published ${l.weekdays[p.weekday as number]} ${l.hourOfDay(p.hour as number)} get ${f.num(p.lift as number)}× the average engagement (${f.num(p.posts as number)} posts); schedule important posts there.`,
		top_trait: (p, f, l) => `${f.pct(p.share as number)} of top posts share ${l.traits[String(p.trait)]} "${traitValue(l, p.trait, p.value)}" (${f.pct(p.baselineShare as number)} overall); make more of it.`,
		bottom_trait: (p, f, l) => `${f.pct(p.share as number)} of bottom posts share ${l.traits[String(p.trait)]} "${traitValue(l, p.trait, p.value)}" (${f.pct(p.baselineShare as number)} overall); rework or reduce it.`,
		ab_winner: (p, f) => `A/B test "${str(p.name)}": ${str(p.winner)} wins (difference ${f.signedPct(p.diff as number)}, p = ${str(typeof p.pValue === 'number' ? p.pValue.toPrecision(2) : p.pValue)}); adopt it.`,
	},
};

export const LABELS: Readonly<Record<ReportLanguage, Labels>> = { zh, en };

export function labelsFor(language: ReportLanguage): Labels {
	const l = LABELS[language];
	if (!l) throw new InputError(`language must be zh or en, got "${String(language)}"`, 'language');
	return l;
}

export function platformName(l: Labels, platform: unknown): string {
	return l.platforms[String(platform)] ?? str(platform);
}

export function metricName(l: Labels, metric: string): string {
	return l.metrics[metric] ?? metric;
}

/** Metrics that are ratios (shown as percentages). */
export const RATE_METRICS: ReadonlySet<string> = new Set(['engagementRate', 'shareRate']);

/** A KPI value formatted for its metric: rates as percentages (in points), counts as numbers. */
export function kpiValue(f: TextFormat, metric: unknown, value: unknown): string {
	const v = typeof value === 'number' ? value : null;
	return RATE_METRICS.has(String(metric)) ? f.pct(v) : f.num(v);
}

function kpiName(l: Labels, p: Finding['params']): string {
	return p.label !== null && p.label !== undefined ? String(p.label) : metricName(l, String(p.metric));
}

/** A trait value in words: weekday names, hour ranges, platform names; others as they are. */
export function traitValue(l: Labels, trait: unknown, value: unknown): string {
	if (trait === 'weekday') return l.weekdays[Number(value)] ?? str(value);
	if (trait === 'hour') return l.hourOfDay(Number(value));
	if (trait === 'platform') return platformName(l, value);
	return str(value);
}
