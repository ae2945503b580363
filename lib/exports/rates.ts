import type { MetricSnapshot } from '../model';
import { engagementRateByFollowers, engagementRateByViews, followerGrowthRate, netFollowerChange, shareRate } from '../report/metrics';

/** The keys `deriveRates` may set on `snapshot.rates`; each is present only when defined for the counters. */
export type DerivedRateName = 'engagementRateByViews' | 'engagementRateByFollowers' | 'followerGrowthRate' | 'netFollowerChange' | 'shareRate' | 'completionRate';
export type DerivedRates = Partial<Record<DerivedRateName, number>>;

/**
 * The derived metrics of one snapshot, from the definitions in lib/report/metrics.ts (shared with the report):
 * - engagementRateByViews = (likes + comments + shares + saves) / views
 * - engagementRateByFollowers = (likes + comments + shares + saves) / followers
 * - netFollowerChange = netFollowers, else newFollowers − lostFollowers
 * - followerGrowthRate = netFollowerChange / (followers − netFollowerChange): the change over the
 *   period against the count at its start, since `followers` is the total at the period's end
 * - shareRate = shares / views
 * - completionRate = the platform's own 完播率/完读率, copied so every rate sits in one place
 * A rate whose inputs are absent (or whose denominator is 0) is left out: absent is not 0.
 */
export function deriveRates(snapshot: Pick<MetricSnapshot, 'followers' | 'newFollowers' | 'lostFollowers' | 'netFollowers' | 'views' | 'likes' | 'comments' | 'shares' | 'saves' | 'completionRate'>): DerivedRates {
	const rates: DerivedRates = {};
	const net = netFollowerChange(snapshot);
	const start = net !== undefined && snapshot.followers !== undefined ? snapshot.followers - net : undefined;
	set(rates, 'engagementRateByViews', engagementRateByViews(snapshot));
	set(rates, 'engagementRateByFollowers', engagementRateByFollowers(snapshot));
	set(rates, 'followerGrowthRate', followerGrowthRate(start, snapshot.followers));
	set(rates, 'netFollowerChange', net);
	set(rates, 'shareRate', shareRate(snapshot));
	set(rates, 'completionRate', snapshot.completionRate);
	return rates;
}

/**
 * The snapshot with its derived rates merged into `rates` (ours replace same-named ones, others stay);
 * no `rates` key when there is none.
 */
export function withDerivedRates<T extends MetricSnapshot>(snapshot: T): T {
	const rates = { ...(snapshot.rates ?? {}), ...deriveRates(snapshot) };
	return Object.keys(rates).length ? { ...snapshot, rates } : snapshot;
}

function set(rates: DerivedRates, name: DerivedRateName, value: number | undefined): void {
	if (value !== undefined && Number.isFinite(value)) rates[name] = value;
}
