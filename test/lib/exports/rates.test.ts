import { deriveRates, withDerivedRates } from '../../../lib/exports';
import type { MetricSnapshot } from '../../../lib/model';

const base: MetricSnapshot = {
	platform: 'wechat_oa',
	accountId: 'gh_1',
	periodStart: '2026-03-01',
	periodEnd: '2026-03-01',
	timezone: 'Asia/Shanghai',
	window: 'day',
	collectedAt: '2026-03-02T09:00:00+08:00',
	source: 'test',
};

describe('deriveRates (definitions in README → Derived metrics, formulas from lib/report/metrics.ts)', () => {
	it('computes every rate its counters allow', () => {
		const rates = deriveRates({ ...base, views: 2000, likes: 60, comments: 20, shares: 10, saves: 10, followers: 10_000, newFollowers: 300, lostFollowers: 100, completionRate: 0.4 });
		expect(rates).toEqual({
			engagementRateByViews: 100 / 2000,
			engagementRateByFollowers: 100 / 10_000,
			netFollowerChange: 200,
			followerGrowthRate: 200 / 9800, // against the followers at the start of the day
			shareRate: 10 / 2000,
			completionRate: 0.4,
		});
	});

	it('prefers the reported net change over new − lost', () => {
		expect(deriveRates({ ...base, netFollowers: -5, newFollowers: 10, lostFollowers: 20, followers: 95 })).toEqual({ netFollowerChange: -5, followerGrowthRate: -5 / 100 });
	});

	it('leaves out what is not defined: absent counters and zero denominators, never NaN, Infinity or 0', () => {
		expect(deriveRates(base)).toEqual({});
		expect(deriveRates({ ...base, views: 0, likes: 3 })).toEqual({});
		expect(deriveRates({ ...base, likes: 3, followers: 0 })).toEqual({});
		// Followers without a change: no growth rate (it would be a guess, not 0).
		expect(deriveRates({ ...base, followers: 100 })).toEqual({});
		// Views without any interaction counter: no engagement rate.
		expect(deriveRates({ ...base, views: 100 })).toEqual({});
	});

	it('withDerivedRates merges into existing rates and adds no empty object', () => {
		expect(withDerivedRates({ ...base, views: 10, likes: 1, rates: { platformCtr: 0.2 } }).rates).toEqual({ platformCtr: 0.2, engagementRateByViews: 0.1 });
		expect('rates' in withDerivedRates(base)).toBe(false);
	});
});
