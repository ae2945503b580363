import { InputError } from '../errors';
import type { MetricSnapshot } from '../model';
import { twoProportionTest } from './abtest';
import { aggregate, type AccountAgg, type PostTable, type PostMetric, POST_METRICS } from './aggregate';
import { budgetRows } from './budget';
import { comparisonRow, competitorBenchmarks } from './comparisons';
import {
	commonTraits,
	engagementByContentType,
	enrichPosts,
	extremes,
	perPostStatistics,
	postingSlots,
	postRow,
	postScore,
	traitBaseline,
} from './content-insights';
import { evaluateKpi, kpiScope, KPI_AT_RISK_RATIO } from './kpi';
import { resolvePeriod } from './period';
import { buildScopes } from './scopes';
import { summarizeAlerts, summarizeSentiment } from './sentiment-risk';
import { DEFAULT_RULES, deriveFindings } from './suggestions';
import { changeRows, dailySeries, metricsPresent, statisticsRows } from './trends';
import type { AbTestResult, AbTestSpec, Report, ReportOptions } from './types';
import { dayString } from './period';
import { dayNumber } from './period';

/**
 * Builds the operations report: one pass over the snapshots into per-account, per-day accumulators,
 * then everything else from those (see aggregate.ts). Data only; render it with renderMarkdown,
 * renderHtml or renderCsv. Competitors: accounts listed in `competitorAccountIds` or any snapshot
 * with `extra.competitor === 1`; they are compared against but never summed into the own totals.
 */
export function buildReport(snapshots: readonly MetricSnapshot[], options: ReportOptions): Report {
	if (!Array.isArray(snapshots)) throw new InputError('snapshots must be an array of MetricSnapshot', 'snapshots');
	const period = resolvePeriod(options.period, options.timezone, options.now);
	const rules = { ...DEFAULT_RULES, ...options.rules };
	const agg = aggregate(snapshots, period, new Set(options.competitorAccountIds ?? []));
	enrichPosts(agg.posts, agg.accounts, options.posts, period.timezone);
	const scopes = buildScopes(agg);
	const allScopes = [scopes.all, ...scopes.platforms, ...scopes.accounts];

	const platformRows = scopes.platforms.map(comparisonRow);
	const accountRows = scopes.accounts.map(comparisonRow);
	const window = { from: Date.parse(period.startInstant), to: Date.parse(period.endInstantExclusive) };
	const content = contentSection(agg.posts, agg.accounts, options, rules.traitShare);

	const report: Omit<Report, 'findings'> = {
		schemaVersion: 1,
		generatedAt: options.now.toISOString(),
		period,
		input: {
			snapshots: snapshots.length,
			used: agg.used,
			outOfRange: agg.outOfRange,
			invalid: agg.invalid,
			accounts: agg.accounts.filter((a) => !a.competitor).length,
			competitors: agg.accounts.filter((a) => a.competitor).length,
			posts: content.ranked.length,
		},
		metrics: metricsPresent(allScopes),
		statistics: statisticsRows(allScopes, period.days),
		trends: {
			days: Array.from({ length: period.days }, (_, i) => dayString(dayNumber(period.start) + i)),
			daily: dailySeries(scopes.all, scopes.platforms),
			changes: changeRows(allScopes),
		},
		comparisons: { platforms: platformRows, accounts: accountRows, competitors: competitorBenchmarks(accountRows, platformRows) },
		kpis: (options.targets ?? []).map((t) => evaluateKpi(t, kpiScope(t, scopes), period, options.kpiAtRiskRatio ?? KPI_AT_RISK_RATIO)),
		content: content.section,
		postingTimes: { minPostsPerSlot: content.minPosts, ...postingSlots(agg.posts, content.ranked, content.minPosts) },
		abTests: (options.abTests ?? []).map((t) => abTest(t, agg.posts, agg.accounts)),
		sentiment: options.assessments ? summarizeSentiment(options.assessments, window) : null,
		risk: options.alerts ? summarizeAlerts(options.alerts, window) : null,
		budget: options.budget ? budgetRows(options.budget, scopes.accounts, period) : [],
	};
	if (options.title !== undefined) report.title = options.title;
	const findings = deriveFindings({ report, all: scopes.all, platforms: scopes.platforms, contentTypes: engagementByContentType(agg.posts, agg.accounts), rules });
	return { ...report, findings };
}

function contentSection(posts: PostTable, accounts: readonly AccountAgg[], options: ReportOptions, traitShare: number) {
	const rankedBy = options.rankContentBy ?? 'engagement';
	const topN = options.topN ?? 5;
	const minPosts = options.minPostsPerSlot ?? 3;
	if (!(Number.isInteger(topN) && topN > 0)) throw new InputError(`topN must be a positive integer, got ${topN}`, 'topN');
	const ranked: number[] = [];
	for (let i = 0; i < posts.length; i++) if (posts.hasCurrent(i) && !accounts[posts.account[i]].competitor) ranked.push(i);
	const scores = new Float64Array(ranked.length);
	ranked.forEach((p, k) => (scores[k] = postScore(posts, p, rankedBy)));
	const rows = (best: boolean) => extremes(scores, topN, best).map((k) => postRow(posts, accounts, ranked[k], scores[k]));
	const top = rows(true);
	// With few posts the bottom list would repeat the top one; keep them disjoint.
	const topIds = new Set(top.map((r) => `${r.platform}\u0000${r.postId}`));
	const bottom = rows(false).filter((r) => !topIds.has(`${r.platform}\u0000${r.postId}`));
	const baseline = traitBaseline(posts, accounts, ranked);
	return {
		ranked,
		minPosts,
		section: {
			rankedBy,
			rankedPosts: ranked.length,
			top,
			bottom,
			topTraits: commonTraits(top, baseline, ranked.length, traitShare),
			bottomTraits: commonTraits(bottom, baseline, ranked.length, traitShare),
			perPost: perPostStatistics(posts, accounts, ranked),
		},
	};
}

/** An A/B test from given counts, or from the current-period counters of the listed posts. */
function abTest(spec: AbTestSpec, posts: PostTable, accounts: readonly AccountAgg[]): AbTestResult {
	const successMetric = spec.successMetric ?? 'likes';
	const trialMetric = spec.trialMetric ?? 'views';
	for (const m of [successMetric, trialMetric]) {
		if (!(POST_METRICS as readonly string[]).includes(m)) throw new InputError(`A/B test "${spec.name}": ${m} is not a per-post counter`, 'abTests');
	}
	const arm = (x: AbTestSpec['a']) => {
		if (x.successes !== undefined && x.trials !== undefined) return { label: x.label, successes: x.successes, trials: x.trials };
		if (!x.postIds) throw new InputError(`A/B test "${spec.name}": arm ${x.label} needs successes and trials, or postIds`, 'abTests');
		const ids = new Set(x.postIds);
		let successes = 0;
		let trials = 0;
		for (let i = 0; i < posts.length; i++) {
			if (!ids.has(posts.postId[i]) || accounts[posts.account[i]].competitor) continue;
			const s = posts.value(i, successMetric as PostMetric);
			const t = posts.value(i, trialMetric as PostMetric);
			if (s === s) successes += s;
			if (t === t) trials += t;
		}
		return { label: x.label, successes, trials };
	};
	return twoProportionTest({ name: spec.name, a: arm(spec.a), b: arm(spec.b), confidence: spec.confidence, minTrialsPerArm: spec.minTrialsPerArm });
}
