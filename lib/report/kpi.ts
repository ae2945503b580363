import { InputError } from '../errors';
import { CURRENT, PREVIOUS } from './aggregate';
import { ratio } from './metrics';
import { dayNumber } from './period';
import type { ScopeSeries } from './scopes';
import { ratioDaily } from './series';
import { leastSquares } from './statistics';
import type { KpiResult, KpiStatus, KpiTarget, ReportMetric, ResolvedPeriod } from './types';

/** Default share of the goal the projection must reach to count as at risk rather than off track. */
export const KPI_AT_RISK_RATIO = 0.8;

const RATES: Record<string, [ReportMetric, ReportMetric]> = {
	engagementRate: ['engagement', 'views'],
	shareRate: ['shares', 'views'],
};

interface KpiValues {
	current: number | null;
	baseline: number | null;
	daily: Float64Array;
}

/**
 * Goal attainment. What "the value" is depends on the metric:
 * - stocks (followers, cumulative counters): the level; current = last level in the period,
 *   default baseline = the earliest level in the input;
 * - flows (views, likes ...): the daily average; current = period total / days,
 *   default baseline = the previous period's daily average;
 * - rates (engagementRate, shareRate): ratio of totals; default baseline = the previous period's.
 * goal = target, or baseline × (1 + change). The projection extends the least-squares line of the
 * period's daily values to the deadline. Status: achieved → on_track; otherwise with
 * r = (projected − baseline) / (goal − baseline): r ≥ 1 on_track, r ≥ atRiskRatio (0.8) at_risk,
 * else off_track; a passed deadline or no trend to project is off_track / at_risk respectively.
 */
export function evaluateKpi(target: KpiTarget, scope: ScopeSeries | undefined, period: ResolvedPeriod, atRiskRatio = KPI_AT_RISK_RATIO): KpiResult {
	const byDay = dayNumber(target.by);
	if (Number.isNaN(byDay)) throw new InputError(`KPI target "by" must be a date yyyy-MM-dd, got "${target.by}"`, 'targets.by');
	if (target.change === undefined && target.target === undefined) throw new InputError(`KPI target for ${target.metric} needs change or target`, 'targets');
	const v = scope ? kpiValues(target.metric, scope, period.days) : { current: null, baseline: null, daily: new Float64Array(0) };
	const baseline = target.baseline ?? v.baseline;
	const goal = target.target ?? (baseline !== null ? baseline * (1 + target.change!) : null);
	const daysRemaining = Math.max(0, byDay - dayNumber(period.end));
	const fit = leastSquares(v.daily);
	const projected = fit ? fit.intercept + fit.slope * (byDay - dayNumber(period.start)) : null;
	const result: KpiResult = {
		metric: target.metric,
		by: target.by,
		baseline,
		goal,
		current: v.current,
		progress: null,
		daysRemaining,
		pacePerDay: null,
		pacePerWeek: null,
		projected,
		status: 'off_track',
		achieved: false,
	};
	if (target.label !== undefined) result.label = target.label;
	if (target.platform !== undefined) result.platform = target.platform;
	if (target.accountId !== undefined) result.accountId = target.accountId;
	if (v.current === null) return { ...result, note: 'no_data' };
	if (baseline === null || goal === null) return { ...result, note: 'no_baseline' };
	const direction = goal >= baseline ? 1 : -1;
	const achieved = direction * (v.current - goal) >= 0;
	// Nothing more is needed once the goal is reached; a negative pace would read as "may decline".
	const pace = achieved ? 0 : daysRemaining > 0 ? (goal - v.current) / daysRemaining : null;
	return {
		...result,
		progress: ratio(v.current - baseline, goal - baseline) ?? (goal === baseline ? 1 : null),
		pacePerDay: pace,
		pacePerWeek: pace === null ? null : pace * 7,
		achieved,
		status: kpiStatus(achieved, daysRemaining, projected, baseline, goal, atRiskRatio),
	};
}

function kpiStatus(achieved: boolean, daysRemaining: number, projected: number | null, baseline: number, goal: number, atRiskRatio: number): KpiStatus {
	if (achieved) return 'on_track';
	if (daysRemaining === 0) return 'off_track';
	if (projected === null) return 'at_risk';
	const r = (projected - baseline) / (goal - baseline);
	return r >= 1 ? 'on_track' : r >= atRiskRatio ? 'at_risk' : 'off_track';
}

function kpiValues(metric: string, scope: ScopeSeries, days: number): KpiValues {
	const rate = RATES[metric];
	if (rate) {
		const num = scope.series.get(rate[0]);
		const den = scope.series.get(rate[1]);
		const at = (r: number) => ratio(num?.ranges[r].total, den?.ranges[r].total) ?? null;
		return { current: at(CURRENT), baseline: at(PREVIOUS), daily: ratioDaily(num, den, days) };
	}
	const s = scope.series.get(metric as ReportMetric);
	if (!s || s.ranges[CURRENT].total === null) return { current: null, baseline: null, daily: new Float64Array(0) };
	if (s.kind === 'stock') return { current: s.ranges[CURRENT].total, baseline: s.earliest, daily: s.daily };
	const prev = s.ranges[PREVIOUS].total;
	return { current: s.ranges[CURRENT].total! / days, baseline: prev === null ? null : prev / days, daily: s.daily };
}

/** The scope a target speaks about: an account, a platform roll-up or everything. */
export function kpiScope(target: KpiTarget, scopes: { all: ScopeSeries; platforms: ScopeSeries[]; accounts: ScopeSeries[] }): ScopeSeries | undefined {
	if (target.accountId !== undefined) return scopes.accounts.find((a) => a.accountId === target.accountId && (target.platform === undefined || a.platform === target.platform));
	if (target.platform !== undefined) return scopes.platforms.find((p) => p.platform === target.platform);
	return scopes.all;
}
