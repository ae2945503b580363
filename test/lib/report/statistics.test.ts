import { TRACKED } from '../../../lib/report/aggregate';
import { METRIC_COUNTERS } from '../../../lib/model';
import { describe as describeValues, leastSquares, median, normalCdf, normalQuantile, relativeChange, RunningStats } from '../../../lib/report/statistics';
import { engagement, engagementRateByFollowers, engagementRateByViews, followerGrowthRate, netFollowerChange, shareRate } from '../../../lib/report/metrics';

describe('descriptive statistics', () => {
	it('match a hand-computed fixture', () => {
		// 2 4 4 4 5 5 7 9: mean 5, median 4.5, sample variance 32/7.
		const s = describeValues(Float64Array.from([9, 4, 2, 5, 4, 7, 4, 5]))!;
		expect(s.mean).toBeCloseTo(5, 12);
		expect(s.median).toBe(4.5);
		expect(s.stdDev).toBeCloseTo(Math.sqrt(32 / 7), 12);
		expect([s.min, s.max, s.total, s.count]).toEqual([2, 9, 40, 8]);
	});

	it('report the last value as total for stocks, and nothing for no values', () => {
		expect(describeValues(Float64Array.from([1, 2, 3]), 3, 3)!.total).toBe(3);
		expect(describeValues(new Float64Array(0))).toBeNull();
		expect(describeValues(Float64Array.from([7]))!.stdDev).toBe(0);
	});

	it('quickselect median equals the sorted median on random, sorted and constant input', () => {
		let seed = 1;
		const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
		for (const n of [1, 2, 3, 10, 101, 1000]) {
			for (const make of [() => Math.floor(rand() * 20), () => rand(), () => 5]) {
				const xs = Array.from({ length: n }, make);
				const sorted = [...xs].sort((a, b) => a - b);
				const expected = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
				expect(median(Float64Array.from(xs))).toBeCloseTo(expected, 12);
			}
			expect(median(Float64Array.from({ length: n }, (_, i) => i))).toBe((n - 1) / 2);
		}
	});

	it('Welford agrees with the two-pass formula on large offsets', () => {
		const acc = new RunningStats();
		for (const x of [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]) acc.add(x);
		expect(acc.mean).toBe(1e9 + 10);
		expect(acc.variance).toBeCloseTo(30, 6);
	});

	it('least squares slope skips gaps', () => {
		expect(leastSquares([1, 3, null, 7, NaN, 11])!.slope).toBeCloseTo(2, 12);
		expect(leastSquares([5])).toBeNull();
	});

	it('normal distribution helpers', () => {
		expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
		expect(normalCdf(-2.6771)).toBeCloseTo(0.003713, 5);
		expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
		expect(normalQuantile(0.005)).toBeCloseTo(-2.575829, 6);
		expect(relativeChange(80, 100)).toBeCloseTo(-0.2, 12);
		expect(relativeChange(80, 0)).toBeNull();
	});
});

describe('derived metrics', () => {
	const c = { views: 1000, likes: 30, comments: 10, shares: 5, saves: 5, followers: 2000 };
	it('define engagement and rates, undefined rather than NaN', () => {
		expect(engagement(c)).toBe(50);
		expect(engagementRateByViews(c)).toBe(0.05);
		expect(engagementRateByFollowers(c)).toBe(0.025);
		expect(shareRate(c)).toBe(0.005);
		expect(engagement({ views: 3 })).toBeUndefined();
		expect(engagementRateByViews({ likes: 3, views: 0 })).toBeUndefined();
		expect(followerGrowthRate(1000, 1300)).toBeCloseTo(0.3, 12);
		expect(netFollowerChange({ newFollowers: 10, lostFollowers: 4 })).toBe(6);
		expect(netFollowerChange({ netFollowers: -3, newFollowers: 10 })).toBe(-3);
	});

	it('the aggregator reads counters in METRIC_COUNTERS order', () => {
		expect(TRACKED.slice(0, METRIC_COUNTERS.length)).toEqual([...METRIC_COUNTERS]);
		expect(METRIC_COUNTERS).toEqual(['followers', 'newFollowers', 'lostFollowers', 'netFollowers', 'views', 'uniqueViewers', 'likes', 'comments', 'shares', 'saves', 'clicks', 'conversions']);
	});
});
