/**
 * Derived metric definitions, shared by the report and the metrics collector. Each takes counters as
 * they appear on a MetricSnapshot (absent = not reported, which is not the same as 0) and returns
 * undefined when the metric is not defined for them, never NaN or Infinity.
 */

/** The counters a derived metric may read; a MetricSnapshot fits. */
export interface CounterValues {
	followers?: number;
	newFollowers?: number;
	lostFollowers?: number;
	netFollowers?: number;
	views?: number;
	likes?: number;
	comments?: number;
	shares?: number;
	saves?: number;
}

/** Interactions: likes + comments + shares + saves (absent ones count 0; undefined if all are absent). */
export function engagement(c: CounterValues): number | undefined {
	if (c.likes === undefined && c.comments === undefined && c.shares === undefined && c.saves === undefined) return undefined;
	return (c.likes ?? 0) + (c.comments ?? 0) + (c.shares ?? 0) + (c.saves ?? 0);
}

/** Engagement rate by views (互动率, the usual content KPI): engagement / views. */
export function engagementRateByViews(c: CounterValues): number | undefined {
	return ratio(engagement(c), c.views);
}

/**
 * Engagement rate by followers: engagement / followers. Pass the follower count the interactions
 * should be measured against (e.g. at the start of the period) when the counters do not carry it.
 */
export function engagementRateByFollowers(c: CounterValues, followers = c.followers): number | undefined {
	return ratio(engagement(c), followers);
}

/** Share (forward) rate: shares / views. */
export function shareRate(c: CounterValues): number | undefined {
	return ratio(c.shares, c.views);
}

/** Net follower change: netFollowers when reported, else newFollowers − lostFollowers. */
export function netFollowerChange(c: CounterValues): number | undefined {
	if (c.netFollowers !== undefined) return c.netFollowers;
	if (c.newFollowers === undefined && c.lostFollowers === undefined) return undefined;
	return (c.newFollowers ?? 0) - (c.lostFollowers ?? 0);
}

/** Follower growth rate over a span: (end − start) / start (涨粉率). */
export function followerGrowthRate(startFollowers: number | undefined, endFollowers: number | undefined): number | undefined {
	if (startFollowers === undefined || endFollowers === undefined) return undefined;
	return ratio(endFollowers - startFollowers, startFollowers);
}

/** numerator / denominator, undefined unless both exist and the denominator is positive. */
export function ratio(numerator: number | undefined | null, denominator: number | undefined | null): number | undefined {
	if (numerator === undefined || numerator === null || denominator === undefined || denominator === null || !(denominator > 0)) return undefined;
	return numerator / denominator;
}
