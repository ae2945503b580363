import type { Aggregate } from './aggregate';
import { accountSeries, rollUp, type SeriesByMetric } from './series';
import type { Scope } from './types';

/** A scope the report speaks about, with its series: all own accounts, one platform, one account. */
export interface ScopeSeries extends Scope {
	series: SeriesByMetric;
	/** Posts with data in the current period. */
	posts: number;
}

/**
 * Builds the account scopes and the roll-ups. Competitor accounts appear as accounts (flagged) but
 * never inside the own platform and overall roll-ups, so they cannot inflate the team's own numbers.
 */
export function buildScopes(agg: Aggregate): { all: ScopeSeries; platforms: ScopeSeries[]; accounts: ScopeSeries[] } {
	const postsPerAccount = new Array<number>(agg.accounts.length).fill(0);
	for (let p = 0; p < agg.posts.length; p++) if (agg.posts.hasCurrent(p)) postsPerAccount[agg.posts.account[p]]++;

	const accounts: ScopeSeries[] = agg.accounts.map((a) => ({
		scope: 'account',
		platform: a.platform,
		accountId: a.accountId,
		accountName: a.accountName,
		competitor: a.competitor,
		series: accountSeries(a),
		posts: postsPerAccount[a.index],
	}));
	const own = accounts.filter((a) => !a.competitor);
	const platformNames = [...new Set(own.map((a) => a.platform!))].sort();
	const platforms: ScopeSeries[] = platformNames.map((platform) => {
		const members = own.filter((a) => a.platform === platform);
		return { scope: 'platform', platform, competitor: false, series: rollUp(members.map((m) => m.series)), posts: sum(members.map((m) => m.posts)) };
	});
	const all: ScopeSeries = { scope: 'all', competitor: false, series: rollUp(own.map((a) => a.series)), posts: sum(own.map((a) => a.posts)) };
	return { all, platforms, accounts };
}

function sum(xs: number[]): number {
	return xs.reduce((a, b) => a + b, 0);
}

/** The Scope fields alone (what rows carry). */
export function scopeOf(s: ScopeSeries): Scope {
	const out: Scope = { scope: s.scope, competitor: s.competitor };
	if (s.platform !== undefined) out.platform = s.platform;
	if (s.accountId !== undefined) out.accountId = s.accountId;
	if (s.accountName !== undefined) out.accountName = s.accountName;
	return out;
}
