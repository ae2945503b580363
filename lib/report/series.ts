import { type AccountAgg, type Side, TRACKED } from './aggregate';
import type { MetricKind, ReportMetric } from './types';

/** All metrics a report can show, in display order. */
export const REPORT_METRICS: readonly ReportMetric[] = [...TRACKED.slice(0, -1), 'engagement', 'spend'];
const ENGAGEMENT_PARTS: readonly ReportMetric[] = ['likes', 'comments', 'shares', 'saves'];

export interface RangeValue {
	/** Flows: the sum; stocks: the last level. null without data. */
	total: number | null;
	/** The first level in the range (stocks), for growth. */
	first: number | null;
	count: number;
}

/** One metric of one scope (account, platform roll-up or everything): daily values plus range totals. */
export interface MetricSeries {
	metric: ReportMetric;
	kind: MetricKind;
	basis: 'account' | 'posts';
	/** Current period, one cell per day, NaN = no data. */
	daily: Float64Array;
	/** CURRENT, PREVIOUS, LAST_YEAR. */
	ranges: [RangeValue, RangeValue, RangeValue];
	/** The earliest value anywhere in the input (KPI baseline default). */
	earliest: number | null;
}

export type SeriesByMetric = Map<ReportMetric, MetricSeries>;

/** Series of one account: account-level data where it exists for a metric, post sums otherwise. */
export function accountSeries(acc: AccountAgg): SeriesByMetric {
	const out: SeriesByMetric = new Map();
	TRACKED.forEach((metric, m) => {
		const side = acc.own.present(m) ? acc.own : acc.fromPosts.present(m) ? acc.fromPosts : undefined;
		if (side) out.set(metric, sideSeries(side, m, metric, side === acc.own ? 'account' : 'posts'));
	});
	const parts = ENGAGEMENT_PARTS.map((m) => out.get(m)).filter((s): s is MetricSeries => s !== undefined);
	if (parts.length > 0) out.set('engagement', sumSeries('engagement', parts));
	return out;
}

function sideSeries(side: Side, m: number, metric: ReportMetric, basis: 'account' | 'posts'): MetricSeries {
	const T = TRACKED.length;
	const days = side.days;
	const daily = new Float64Array(days);
	for (let d = 0; d < days; d++) daily[d] = side.has[m * days + d] ? side.daily[m * days + d] : NaN;
	const stock = metric === 'followers' || side.cumulative[m] === 1;
	const range = (r: number): RangeValue => {
		const k = r * T + m;
		const count = side.count[k];
		if (count === 0) return { total: null, first: null, count };
		return { total: stock ? side.lastVal[k] : side.sum[k], first: side.firstVal[k], count };
	};
	return {
		metric,
		kind: stock ? 'stock' : 'flow',
		basis,
		daily,
		ranges: [range(0), range(1), range(2)],
		earliest: Number.isFinite(side.earliestDay[m]) ? side.earliestVal[m] : null,
	};
}

/**
 * Adds series day by day (engagement from its parts, a platform from its accounts). Stock series are
 * carried forward over days they miss, so one account skipping a day does not dip the roll-up.
 */
export function sumSeries(metric: ReportMetric, parts: readonly MetricSeries[]): MetricSeries {
	const days = parts[0].daily.length;
	const daily = new Float64Array(days).fill(NaN);
	const stock = parts.some((p) => p.kind === 'stock');
	for (const part of parts) {
		let carry = NaN;
		for (let d = 0; d < days; d++) {
			let v = part.daily[d];
			if (part.kind === 'stock') {
				if (v === v) carry = v;
				else v = carry;
			}
			if (v === v) daily[d] = daily[d] === daily[d] ? daily[d] + v : v;
		}
	}
	const range = (r: number): RangeValue => {
		let total: number | null = null;
		let first: number | null = null;
		let count = 0;
		for (const p of parts) {
			const x = p.ranges[r];
			count += x.count;
			if (x.total !== null) total = (total ?? 0) + x.total;
			if (x.first !== null) first = (first ?? 0) + x.first;
		}
		return { total, first, count };
	};
	const earliest = parts.reduce<number | null>((s, p) => (p.earliest === null ? s : (s ?? 0) + p.earliest), null);
	const basis = parts.every((p) => p.basis === 'posts') ? 'posts' : 'account';
	return { metric, kind: stock ? 'stock' : 'flow', basis, daily, ranges: [range(0), range(1), range(2)], earliest };
}

/** Roll-up of several scopes' series, metric by metric. */
export function rollUp(scopes: readonly SeriesByMetric[]): SeriesByMetric {
	const out: SeriesByMetric = new Map();
	for (const metric of REPORT_METRICS) {
		const parts = scopes.map((s) => s.get(metric)).filter((s): s is MetricSeries => s !== undefined);
		if (parts.length > 0) out.set(metric, sumSeries(metric, parts));
	}
	return out;
}

/** Day-by-day ratio of two series (NaN where the denominator is missing or 0). */
export function ratioDaily(num: MetricSeries | undefined, den: MetricSeries | undefined, days: number): Float64Array {
	const out = new Float64Array(days).fill(NaN);
	if (!num || !den) return out;
	for (let d = 0; d < days; d++) if (den.daily[d] > 0 && num.daily[d] === num.daily[d]) out[d] = num.daily[d] / den.daily[d];
	return out;
}

/** Values that are present, copied into a scratch array (for describe()). */
export function presentValues(daily: Float64Array, scratch: Float64Array): number {
	let n = 0;
	for (let d = 0; d < daily.length; d++) if (daily[d] === daily[d]) scratch[n++] = daily[d];
	return n;
}
