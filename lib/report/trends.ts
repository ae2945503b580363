import { type ScopeSeries, scopeOf } from './scopes';
import { presentValues, REPORT_METRICS } from './series';
import { describe, leastSquares, relativeChange } from './statistics';
import type { ChangeRow, DailySeries, ReportMetric, StatisticsRow } from './types';
import { CURRENT, LAST_YEAR, PREVIOUS } from './aggregate';

/** Descriptive statistics of the daily values of every scope and metric with data in the period. */
export function statisticsRows(scopes: readonly ScopeSeries[], days: number): StatisticsRow[] {
	const scratch = new Float64Array(days);
	const rows: StatisticsRow[] = [];
	for (const scope of scopes) {
		for (const metric of REPORT_METRICS) {
			const s = scope.series.get(metric);
			if (!s) continue;
			const n = presentValues(s.daily, scratch);
			const stats = describe(scratch, n, s.kind === 'stock' ? (s.ranges[CURRENT].total ?? undefined) : undefined);
			if (stats) rows.push({ ...scopeOf(scope), metric, kind: s.kind, basis: s.basis, ...stats });
		}
	}
	return rows;
}

/** Period-over-period, year-over-year and fitted slope per scope and metric. */
export function changeRows(scopes: readonly ScopeSeries[]): ChangeRow[] {
	const rows: ChangeRow[] = [];
	for (const scope of scopes) {
		for (const metric of REPORT_METRICS) {
			const s = scope.series.get(metric);
			if (!s || s.ranges[CURRENT].count === 0) continue;
			const current = s.ranges[CURRENT].total;
			const previous = s.ranges[PREVIOUS].total;
			const lastYear = s.ranges[LAST_YEAR].total;
			const fit = leastSquares(s.daily);
			rows.push({
				...scopeOf(scope),
				metric,
				kind: s.kind,
				current,
				previous,
				change: relativeChange(current, previous),
				lastYear,
				yoyChange: relativeChange(current, lastYear),
				slope: fit ? fit.slope : null,
				slopeRelative: fit && fit.mean !== 0 ? fit.slope / Math.abs(fit.mean) : null,
			});
		}
	}
	return rows;
}

/** Daily series of the overall and per-platform scopes (accounts stay in the tables). */
export function dailySeries(all: ScopeSeries, platforms: readonly ScopeSeries[]): DailySeries[] {
	const out: DailySeries[] = [];
	for (const scope of [all, ...platforms]) {
		for (const [metric, s] of scope.series) {
			if (s.ranges[CURRENT].count === 0) continue;
			const values = Array.from(s.daily, (v) => (v === v ? v : null));
			out.push(scope.platform === undefined ? { metric, values } : { metric, platform: scope.platform, values });
		}
	}
	return out;
}

/** Metrics with data in the current period in any scope, in display order. */
export function metricsPresent(scopes: readonly ScopeSeries[]): ReportMetric[] {
	return REPORT_METRICS.filter((m) => scopes.some((s) => (s.series.get(m)?.ranges[CURRENT].count ?? 0) > 0));
}
