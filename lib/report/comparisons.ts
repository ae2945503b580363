import { CURRENT, PREVIOUS } from './aggregate';
import { ratio } from './metrics';
import { type ScopeSeries, scopeOf } from './scopes';
import { relativeChange } from './statistics';
import type { ComparisonRow, CompetitorBenchmark, ReportMetric } from './types';

/** Current-period value of a metric in a scope, or null. */
export function currentTotal(scope: ScopeSeries, metric: ReportMetric): number | null {
	return scope.series.get(metric)?.ranges[CURRENT].total ?? null;
}

/**
 * Follower growth in the period: end level − first level when followers are observed as a level,
 * otherwise the sum of netFollowers (or newFollowers − lostFollowers).
 */
export function followerGrowth(scope: ScopeSeries): { growth: number | null; rate: number | null } {
	const f = scope.series.get('followers')?.ranges[CURRENT];
	const net = currentTotal(scope, 'netFollowers');
	const gained = currentTotal(scope, 'newFollowers');
	const lost = currentTotal(scope, 'lostFollowers');
	let growth: number | null = null;
	if (f && f.count > 1 && f.total !== null && f.first !== null) growth = f.total - f.first;
	else if (net !== null) growth = net;
	else if (gained !== null || lost !== null) growth = (gained ?? 0) - (lost ?? 0);
	const end = f?.total ?? null;
	const start = growth !== null && end !== null ? end - growth : null;
	return { growth, rate: ratio(growth, start) ?? null };
}

export function comparisonRow(scope: ScopeSeries): ComparisonRow {
	const views = currentTotal(scope, 'views');
	const engagement = currentTotal(scope, 'engagement');
	const { growth, rate } = followerGrowth(scope);
	return {
		...scopeOf(scope),
		followers: currentTotal(scope, 'followers'),
		followerGrowth: growth,
		followerGrowthRate: rate,
		views,
		engagement,
		engagementRate: ratio(engagement, views) ?? null,
		shareRate: ratio(currentTotal(scope, 'shares'), views) ?? null,
		posts: scope.posts,
		engagementChange: relativeChange(engagement, scope.series.get('engagement')?.ranges[PREVIOUS].total ?? null),
	};
}

/** Each competitor account against the team's own roll-up on the same platform. */
export function competitorBenchmarks(accounts: readonly ComparisonRow[], platforms: readonly ComparisonRow[]): CompetitorBenchmark[] {
	return accounts
		.filter((a) => a.competitor)
		.map((c) => {
			const own = platforms.find((p) => p.platform === c.platform);
			const ownRate = own?.engagementRate ?? null;
			const out: CompetitorBenchmark = {
				platform: c.platform!,
				accountId: c.accountId!,
				engagementRate: c.engagementRate,
				ownEngagementRate: ownRate,
				engagementRateGap: c.engagementRate !== null && ownRate ? c.engagementRate / ownRate - 1 : null,
				followerGrowthRate: c.followerGrowthRate,
				ownFollowerGrowthRate: own?.followerGrowthRate ?? null,
			};
			if (c.accountName !== undefined) out.accountName = c.accountName;
			return out;
		});
}
