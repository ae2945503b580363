import { twoProportionTest } from '../../../lib/report/abtest';

describe('twoProportionTest', () => {
	it('matches the known z and p for 200/1000 vs 250/1000', () => {
		const r = twoProportionTest({ name: 't', a: { label: 'A', successes: 200, trials: 1000 }, b: { label: 'B', successes: 250, trials: 1000 } });
		expect(r.z!).toBeCloseTo(-2.677, 3);
		expect(r.pValue!).toBeCloseTo(0.00743, 4);
		expect(r.verdict).toBe('b_better');
		// Wald interval of 0.05 ± 1.96 × sqrt(.2·.8/1000 + .25·.75/1000)
		expect(r.diff!).toBeCloseTo(0.05, 12);
		expect(r.ciLow!).toBeCloseTo(0.05 - 1.959964 * Math.sqrt(0.16 / 1000 + 0.1875 / 1000), 6);
		expect(r.ciHigh!).toBeCloseTo(0.05 + 1.959964 * Math.sqrt(0.16 / 1000 + 0.1875 / 1000), 6);
	});

	it('says no difference when p is above 1 − confidence', () => {
		const r = twoProportionTest({ name: 't', a: { label: 'A', successes: 200, trials: 1000 }, b: { label: 'B', successes: 215, trials: 1000 } });
		expect(r.pValue!).toBeGreaterThan(0.05);
		expect(r.verdict).toBe('no_difference');
		expect(r.ciLow!).toBeLessThan(0);
		expect(r.ciHigh!).toBeGreaterThan(0);
	});

	it('refuses a verdict below the minimum sample', () => {
		const few = twoProportionTest({ name: 't', a: { label: 'A', successes: 2, trials: 40 }, b: { label: 'B', successes: 30, trials: 40 } });
		expect(few.verdict).toBe('not_enough_data');
		expect(few.pValue).toBeNull();
		expect(few.reason).toMatch(/fewer than 100/);
		const rare = twoProportionTest({ name: 't', a: { label: 'A', successes: 2, trials: 5000 }, b: { label: 'B', successes: 30, trials: 5000 } });
		expect(rare.verdict).toBe('not_enough_data');
		expect(rare.reason).toMatch(/at least 5 successes/);
		expect(() => twoProportionTest({ name: 't', a: { label: 'A', successes: 5, trials: 4 }, b: { label: 'B', successes: 1, trials: 4 } })).toThrow(/successes/);
	});
});
