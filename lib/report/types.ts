import type { MetricCounter, MetricSnapshot, Post, RiskAlert, RiskAssessment, RiskLevel } from '../model';

/**
 * The metrics a report speaks about: the shared counters, `spend` (read from `extra.spend`) and the
 * derived `engagement` (likes + comments + shares + saves). Rates are computed from totals, never averaged.
 */
export type ReportMetric = MetricCounter | 'spend' | 'engagement';
export type DerivedRateMetric = 'engagementRate' | 'shareRate';
export type KpiMetric = ReportMetric | DerivedRateMetric;

/** Stock metrics are levels (end value matters); flows add up over days. */
export type MetricKind = 'stock' | 'flow';

export type PeriodKind = 'week' | 'month' | 'quarter' | 'custom';

export interface PeriodSpec {
	kind: PeriodKind;
	/** `previous` (default): the last complete week/month/quarter; `current`: from its start up to today. */
	anchor?: 'previous' | 'current';
	/** For `custom`: inclusive calendar days yyyy-MM-dd in the report zone. */
	start?: string;
	end?: string;
}

export interface KpiTarget {
	metric: KpiMetric;
	/** Relative change wanted over the baseline (0.30 = +30 %). Give this or `target`. */
	change?: number;
	/** Absolute value wanted. */
	target?: number;
	/** Deadline, calendar day in the report zone. */
	by: string;
	/** The value the change is measured from; default: see kpi.ts. */
	baseline?: number;
	platform?: string;
	accountId?: string;
	label?: string;
}

export interface AbArmCounts {
	label: string;
	/** Conversions: clicks, likes ... (give these, or postIds to sum them from the data). */
	successes?: number;
	/** Exposures: views, sends ... */
	trials?: number;
	postIds?: string[];
}

export interface AbTestSpec {
	name: string;
	a: AbArmCounts;
	b: AbArmCounts;
	/** With postIds: the counters to sum (default likes / views). */
	successMetric?: ReportMetric;
	trialMetric?: ReportMetric;
	/** Default 0.95. */
	confidence?: number;
	/** Minimum trials per arm before a verdict (default 100), plus ≥ 5 successes and failures per arm. */
	minTrialsPerArm?: number;
}

export interface BudgetLine {
	label: string;
	budget: number;
	/** Spend so far; when absent, summed from `extra.spend` of matching snapshots in the period. */
	spent?: number;
	platform?: string;
	accountId?: string;
	currency?: string;
}

export interface BudgetOptions {
	lines: BudgetLine[];
	/** Share of the budget at which a line is flagged `near` (default 0.8). */
	nearRatio?: number;
}

export interface ReportOptions {
	timezone: string;
	period: PeriodKind | PeriodSpec;
	/** Injected clock (never Date.now() inside the core). */
	now: Date;
	title?: string;
	posts?: Post[];
	assessments?: RiskAssessment[];
	alerts?: RiskAlert[];
	targets?: KpiTarget[];
	budget?: BudgetOptions;
	abTests?: AbTestSpec[];
	/** Accounts to treat as competitors, besides snapshots carrying `extra.competitor === 1`. */
	competitorAccountIds?: string[];
	/** Posts listed as top and as bottom (default 5). */
	topN?: number;
	/** How content is ranked (default `engagement`). */
	rankContentBy?: 'engagement' | 'engagementRate' | 'views';
	/** Minimum posts in an hour-of-week slot before it can be recommended (default 3). */
	minPostsPerSlot?: number;
	/** Thresholds of the finding rules (see suggestions.ts). */
	rules?: Partial<RuleThresholds>;
	/** KPI status thresholds (see kpi.ts). */
	kpiAtRiskRatio?: number;
}

export interface RuleThresholds {
	/** Relative drop of engagement vs the previous period that is a problem (default 0.2). */
	engagementDrop: number;
	/** Relative drop of engagement rate while views did not drop (default 0.2). */
	engagementRateDrop: number;
	/** Share of negative mentions that is a problem (default 0.3). */
	negativeShare: number;
	/** Own engagement rate this far below the competitors' median is flagged (default 0.2). */
	competitorGap: number;
	/** Best slots must beat the average post by this factor to be suggested (default 1.2). */
	bestSlotLift: number;
	/** A trait shared by at least this share of top/bottom posts is called shared (default 0.5). */
	traitShare: number;
}

export type { MetricSnapshot };

// ---------------------------------------------------------------- the report (data only)

export interface ResolvedPeriod {
	kind: PeriodKind;
	timezone: string;
	start: string;
	end: string;
	days: number;
	/** First instant of `start` and of the day after `end`, in the zone (ISO with offset). */
	startInstant: string;
	endInstantExclusive: string;
	/** The period before, of equal length. */
	previous: { start: string; end: string };
	/** The same calendar days a year earlier. */
	lastYear: { start: string; end: string };
	/** Today in the zone at `now`; `complete` when the period ended before today. */
	today: string;
	complete: boolean;
}

export interface Scope {
	scope: 'all' | 'platform' | 'account';
	platform?: string;
	accountId?: string;
	accountName?: string;
	competitor: boolean;
}

export interface Statistics {
	count: number;
	mean: number;
	median: number;
	/** Sample standard deviation (n − 1); 0 for a single value. */
	stdDev: number;
	min: number;
	max: number;
	/** Flows: the sum; stocks: the last value (the level at the end). */
	total: number;
}

export interface StatisticsRow extends Scope, Statistics {
	metric: ReportMetric;
	kind: MetricKind;
	/** `account`: account-level snapshots; `posts`: summed from post snapshots (no account-level data). */
	basis: 'account' | 'posts';
}

export interface ChangeRow extends Scope {
	metric: ReportMetric;
	kind: MetricKind;
	current: number | null;
	previous: number | null;
	/** (current − previous) / previous; null when the previous value is missing or 0. */
	change: number | null;
	lastYear: number | null;
	yoyChange: number | null;
	/** Least-squares slope of the daily series, units per day. */
	slope: number | null;
	/** Slope relative to the series mean, per day. */
	slopeRelative: number | null;
}

export interface DailySeries {
	metric: ReportMetric;
	platform?: string;
	/** Aligned with `trends.days`; null where no data. */
	values: Array<number | null>;
}

export interface ComparisonRow extends Scope {
	followers: number | null;
	followerGrowth: number | null;
	followerGrowthRate: number | null;
	views: number | null;
	engagement: number | null;
	engagementRate: number | null;
	shareRate: number | null;
	posts: number;
	engagementChange: number | null;
}

export interface CompetitorBenchmark {
	platform: string;
	accountId: string;
	accountName?: string;
	engagementRate: number | null;
	ownEngagementRate: number | null;
	/** competitor / own − 1 (positive: the competitor does better). */
	engagementRateGap: number | null;
	followerGrowthRate: number | null;
	ownFollowerGrowthRate: number | null;
}

export type KpiStatus = 'on_track' | 'at_risk' | 'off_track';

export interface KpiResult {
	/** The target's label, when it had one (renderers fall back to the metric's name). */
	label?: string;
	metric: KpiMetric;
	platform?: string;
	accountId?: string;
	by: string;
	baseline: number | null;
	goal: number | null;
	current: number | null;
	/** (current − baseline) / (goal − baseline). */
	progress: number | null;
	daysRemaining: number;
	pacePerDay: number | null;
	pacePerWeek: number | null;
	projected: number | null;
	status: KpiStatus;
	achieved: boolean;
	/** Why a value is missing, if one is. */
	note?: 'no_data' | 'no_baseline';
}

export interface PostRow {
	platform: string;
	accountId: string;
	accountName?: string;
	postId: string;
	title?: string;
	publishedAt?: string;
	contentType?: string;
	format?: string;
	weekday?: number;
	hour?: number;
	views: number | null;
	likes: number | null;
	comments: number | null;
	shares: number | null;
	saves: number | null;
	engagement: number;
	engagementRate: number | null;
	score: number;
}

export type TraitName = 'contentType' | 'format' | 'weekday' | 'hour' | 'platform';

export interface Trait {
	trait: TraitName;
	value: string;
	count: number;
	/** Share among the group (top or bottom). */
	share: number;
	/** Share among all ranked posts, for contrast. */
	baselineShare: number;
	/** share ≥ rules.traitShare with at least two posts. */
	shared: boolean;
}

export interface PostingSlot {
	/** ISO weekday 1 (Mon) .. 7 (Sun), in the report zone. */
	weekday: number;
	hour: number;
	posts: number;
	meanEngagement: number;
	/** meanEngagement / mean over all posts. */
	lift: number;
}

export interface AbTestResult {
	name: string;
	a: { label: string; successes: number; trials: number; rate: number | null };
	b: { label: string; successes: number; trials: number; rate: number | null };
	confidence: number;
	verdict: 'a_better' | 'b_better' | 'no_difference' | 'not_enough_data';
	z: number | null;
	pValue: number | null;
	/** Confidence interval of rate(b) − rate(a). */
	diff: number | null;
	ciLow: number | null;
	ciHigh: number | null;
	reason?: string;
}

export interface SentimentSummary {
	total: number;
	positive: number;
	neutral: number;
	negative: number;
	positiveShare: number | null;
	negativeShare: number | null;
	byPlatform: Array<{ platform: string; total: number; positive: number; neutral: number; negative: number }>;
	byRiskLevel: Record<RiskLevel, number>;
	topCategories: Array<{ category: string; count: number }>;
}

export interface RiskSummary {
	total: number;
	open: number;
	/** Open alerts at level high or critical. */
	openHigh: number;
	byLevel: Record<RiskLevel, number>;
	byType: Array<{ type: string; count: number }>;
	highest: Array<{ id: string; type: string; level: RiskLevel; platform?: string; metric: string; observed: number; status: string }>;
}

export type BudgetStatus = 'ok' | 'near' | 'over';

export interface BudgetRow {
	label: string;
	platform?: string;
	accountId?: string;
	currency?: string;
	budget: number;
	spent: number;
	ratio: number | null;
	/** Linear projection of spend to the period end when the period is not over. */
	projectedSpend: number;
	status: BudgetStatus;
}

export type FindingRule =
	| 'engagement_drop'
	| 'engagement_rate_drop'
	| 'follower_decline'
	| 'kpi_off_track'
	| 'kpi_at_risk'
	| 'budget_over'
	| 'budget_near'
	| 'negative_sentiment'
	| 'open_high_risk'
	| 'competitor_gap'
	| 'best_slots'
	| 'top_trait'
	| 'bottom_trait'
	| 'ab_winner';

export interface Finding {
	rule: FindingRule;
	kind: 'problem' | 'suggestion';
	severity: 'high' | 'medium' | 'low';
	/** Facts the text is built from (rendered per language by describeFinding). */
	params: Record<string, string | number | null>;
}

export interface Report {
	schemaVersion: 1;
	title?: string;
	generatedAt: string;
	period: ResolvedPeriod;
	input: {
		snapshots: number;
		used: number;
		outOfRange: number;
		invalid: number;
		accounts: number;
		competitors: number;
		posts: number;
	};
	/** Metrics with data in the period, in METRIC order. */
	metrics: ReportMetric[];
	statistics: StatisticsRow[];
	trends: { days: string[]; daily: DailySeries[]; changes: ChangeRow[] };
	comparisons: { platforms: ComparisonRow[]; accounts: ComparisonRow[]; competitors: CompetitorBenchmark[] };
	kpis: KpiResult[];
	content: {
		rankedBy: 'engagement' | 'engagementRate' | 'views';
		rankedPosts: number;
		top: PostRow[];
		bottom: PostRow[];
		topTraits: Trait[];
		bottomTraits: Trait[];
		perPost: Array<{ platform: string; metric: 'views' | 'engagement'; stats: Statistics }>;
	};
	postingTimes: { minPostsPerSlot: number; postsWithTime: number; best: PostingSlot[]; slots: PostingSlot[] };
	abTests: AbTestResult[];
	sentiment: SentimentSummary | null;
	risk: RiskSummary | null;
	budget: BudgetRow[];
	findings: Finding[];
}

export type { Post, RiskAlert, RiskAssessment };
