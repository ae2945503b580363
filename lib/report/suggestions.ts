import { CURRENT, PREVIOUS } from './aggregate';
import { ratio } from './metrics';
import type { ScopeSeries } from './scopes';
import { relativeChange } from './statistics';
import type { Finding, Report, RuleThresholds } from './types';

export const DEFAULT_RULES: RuleThresholds = {
	engagementDrop: 0.2,
	engagementRateDrop: 0.2,
	negativeShare: 0.3,
	competitorGap: 0.2,
	bestSlotLift: 1.2,
	traitShare: 0.5,
};

export interface FindingContext {
	report: Omit<Report, 'findings'>;
	all: ScopeSeries;
	platforms: readonly ScopeSeries[];
	contentTypes: ReadonlyArray<{ platform: string; contentType: string; current: number; previous: number }>;
	rules: RuleThresholds;
}

/**
 * "Problems and suggestions", each from one documented rule over the report's own numbers:
 * - engagement_drop: own engagement down ≥ engagementDrop vs the previous period; names the platform
 *   and the (platform, content type) with the largest absolute decline and their share of it.
 * - engagement_rate_drop: engagement / views down ≥ engagementRateDrop while views fell less than that.
 * - follower_decline: an own account ended the period with fewer followers than it started.
 * - kpi_off_track / kpi_at_risk: from the KPI statuses (kpi.ts), with the weekly pace needed.
 * - budget_over / budget_near: from the budget flags (budget.ts).
 * - negative_sentiment: negative mentions ≥ negativeShare of all; open_high_risk: open high/critical alerts.
 * - competitor_gap: a competitor's engagement rate beats the own platform's by ≥ competitorGap.
 * - best_slots: the best publishing slot beats the average post by ≥ bestSlotLift.
 * - top_trait / bottom_trait: a trait shared by the top (bottom) posts more often than by posts overall.
 * - ab_winner: an A/B test with a significant difference.
 * Ordered problems first, then by severity.
 */
export function deriveFindings(ctx: FindingContext): Finding[] {
	const out: Finding[] = [
		...engagementRules(ctx),
		...followerRules(ctx),
		...kpiRules(ctx),
		...budgetRules(ctx),
		...voiceRules(ctx),
		...competitorRules(ctx),
		...contentRules(ctx),
	];
	const sev = { high: 0, medium: 1, low: 2 };
	return out
		.map((f, i) => ({ f, i }))
		.sort((x, y) => (x.f.kind === y.f.kind ? 0 : x.f.kind === 'problem' ? -1 : 1) || sev[x.f.severity] - sev[y.f.severity] || x.i - y.i)
		.map((x) => x.f);
}

function engagementRules({ all, platforms, contentTypes, rules }: FindingContext): Finding[] {
	const out: Finding[] = [];
	const e = all.series.get('engagement');
	const v = all.series.get('views');
	const cur = e?.ranges[CURRENT].total ?? null;
	const prev = e?.ranges[PREVIOUS].total ?? null;
	const change = relativeChange(cur, prev);
	if (change !== null && change <= -rules.engagementDrop && cur !== null && prev !== null) {
		const decline = prev - cur;
		const worstPlatform = maxBy(platforms, (p) => (p.series.get('engagement')?.ranges[PREVIOUS].total ?? 0) - (p.series.get('engagement')?.ranges[CURRENT].total ?? 0));
		const pe = worstPlatform?.series.get('engagement')?.ranges;
		const worstType = maxBy(contentTypes, (c) => c.previous - c.current);
		out.push({
			rule: 'engagement_drop',
			kind: 'problem',
			severity: change <= -2 * rules.engagementDrop ? 'high' : 'medium',
			params: {
				change,
				current: cur,
				previous: prev,
				platform: worstPlatform?.platform ?? null,
				platformChange: pe ? relativeChange(pe[CURRENT].total, pe[PREVIOUS].total) : null,
				platformShare: pe ? ((pe[PREVIOUS].total ?? 0) - (pe[CURRENT].total ?? 0)) / decline : null,
				contentType: worstType && worstType.previous > worstType.current ? worstType.contentType : null,
				contentPlatform: worstType && worstType.previous > worstType.current ? worstType.platform : null,
				contentChange: worstType ? relativeChange(worstType.current, worstType.previous) : null,
			},
		});
	}
	const rateNow = ratio(cur, v?.ranges[CURRENT].total) ?? null;
	const ratePrev = ratio(prev, v?.ranges[PREVIOUS].total) ?? null;
	const rateChange = relativeChange(rateNow, ratePrev);
	const viewsChange = relativeChange(v?.ranges[CURRENT].total ?? null, v?.ranges[PREVIOUS].total ?? null);
	if (rateChange !== null && rateChange <= -rules.engagementRateDrop && (viewsChange === null || viewsChange > -rules.engagementRateDrop)) {
		out.push({ rule: 'engagement_rate_drop', kind: 'problem', severity: 'medium', params: { change: rateChange, current: rateNow, previous: ratePrev, viewsChange } });
	}
	return out;
}

function followerRules({ report }: FindingContext): Finding[] {
	return report.comparisons.accounts
		.filter((a) => !a.competitor && a.followerGrowth !== null && a.followerGrowth < 0)
		.map((a) => ({
			rule: 'follower_decline' as const,
			kind: 'problem' as const,
			severity: 'medium' as const,
			params: { platform: a.platform ?? null, account: a.accountName ?? a.accountId ?? null, growth: a.followerGrowth, rate: a.followerGrowthRate },
		}));
}

function kpiRules({ report }: FindingContext): Finding[] {
	return report.kpis
		.filter((k) => k.status !== 'on_track')
		.map((k) => ({
			rule: k.status === 'off_track' ? ('kpi_off_track' as const) : ('kpi_at_risk' as const),
			kind: 'problem' as const,
			severity: k.status === 'off_track' ? ('high' as const) : ('medium' as const),
			params: { label: k.label ?? null, metric: k.metric, goal: k.goal, current: k.current, projected: k.projected, pacePerWeek: k.pacePerWeek, by: k.by },
		}));
}

function budgetRules({ report }: FindingContext): Finding[] {
	return report.budget
		.filter((b) => b.status !== 'ok')
		.map((b) => ({
			rule: b.status === 'over' ? ('budget_over' as const) : ('budget_near' as const),
			kind: 'problem' as const,
			severity: b.status === 'over' ? ('high' as const) : ('medium' as const),
			params: { label: b.label, budget: b.budget, spent: b.spent, ratio: b.ratio },
		}));
}

function voiceRules({ report, rules }: FindingContext): Finding[] {
	const out: Finding[] = [];
	const s = report.sentiment;
	if (s && s.negativeShare !== null && s.negativeShare >= rules.negativeShare) {
		out.push({
			rule: 'negative_sentiment',
			kind: 'problem',
			severity: s.negativeShare >= 2 * rules.negativeShare ? 'high' : 'medium',
			params: { share: s.negativeShare, negative: s.negative, total: s.total, category: s.topCategories[0]?.category ?? null },
		});
	}
	const r = report.risk;
	if (r && r.openHigh > 0) out.push({ rule: 'open_high_risk', kind: 'problem', severity: 'high', params: { count: r.openHigh, type: r.highest[0].type } });
	return out;
}

function competitorRules({ report, rules }: FindingContext): Finding[] {
	return report.comparisons.competitors
		.filter((c) => c.engagementRateGap !== null && c.engagementRateGap >= rules.competitorGap)
		.map((c) => ({
			rule: 'competitor_gap' as const,
			kind: 'suggestion' as const,
			severity: 'medium' as const,
			params: { platform: c.platform, competitor: c.accountName ?? c.accountId, gap: c.engagementRateGap, rate: c.engagementRate, ownRate: c.ownEngagementRate },
		}));
}

function contentRules({ report, rules }: FindingContext): Finding[] {
	const out: Finding[] = [];
	const best = report.postingTimes.best[0];
	if (best && best.lift >= rules.bestSlotLift) {
		out.push({ rule: 'best_slots', kind: 'suggestion', severity: 'low', params: { weekday: best.weekday, hour: best.hour, lift: best.lift, posts: best.posts } });
	}
	for (const t of report.content.topTraits) {
		if (t.shared && t.share > t.baselineShare) out.push({ rule: 'top_trait', kind: 'suggestion', severity: 'low', params: { trait: t.trait, value: t.value, share: t.share, baselineShare: t.baselineShare } });
	}
	for (const t of report.content.bottomTraits) {
		if (t.shared && t.share > t.baselineShare) out.push({ rule: 'bottom_trait', kind: 'problem', severity: 'low', params: { trait: t.trait, value: t.value, share: t.share, baselineShare: t.baselineShare } });
	}
	for (const t of report.abTests) {
		if (t.verdict === 'a_better' || t.verdict === 'b_better') {
			const winner = t.verdict === 'a_better' ? t.a : t.b;
			out.push({ rule: 'ab_winner', kind: 'suggestion', severity: 'low', params: { name: t.name, winner: winner.label, diff: t.diff, pValue: t.pValue } });
		}
	}
	return out;
}

function maxBy<T>(xs: readonly T[], f: (x: T) => number): T | undefined {
	let best: T | undefined;
	let bestV = -Infinity;
	for (const x of xs) {
		const v = f(x);
		if (v > bestV) [best, bestV] = [x, v];
	}
	return best;
}
