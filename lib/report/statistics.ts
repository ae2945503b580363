import type { Statistics } from './types';

/** Streaming mean and variance (Welford 1962): one pass, numerically stable, no stored values. */
export class RunningStats {
	count = 0;
	mean = 0;
	private m2 = 0;
	min = Infinity;
	max = -Infinity;
	sum = 0;

	add(x: number): void {
		this.count++;
		const d = x - this.mean;
		this.mean += d / this.count;
		this.m2 += d * (x - this.mean);
		this.sum += x;
		if (x < this.min) this.min = x;
		if (x > this.max) this.max = x;
	}

	/** Sample variance (n − 1), 0 below two values. */
	get variance(): number {
		return this.count > 1 ? this.m2 / (this.count - 1) : 0;
	}
}

/**
 * Descriptive statistics of the first `n` values. `values` is reordered in place (quickselect for the
 * median, linear on average), so pass a scratch copy if the order matters.
 * `total` is the sum unless `lastValue` is given (stocks report their end level).
 */
export function describe(values: Float64Array, n = values.length, lastValue?: number): Statistics | null {
	if (n === 0) return null;
	const acc = new RunningStats();
	for (let i = 0; i < n; i++) acc.add(values[i]);
	return {
		count: n,
		mean: acc.mean,
		median: median(values, n),
		stdDev: Math.sqrt(acc.variance),
		min: acc.min,
		max: acc.max,
		total: lastValue ?? acc.sum,
	};
}

/** Median of the first n values by quickselect (Hoare); reorders `a`. */
export function median(a: Float64Array, n = a.length): number {
	if (n === 0) return NaN;
	const hi = select(a, 0, n - 1, n >> 1);
	if (n % 2 === 1) return hi;
	// After selecting k, everything left of k is ≤ a[k]: the lower middle is their maximum.
	let lo = -Infinity;
	for (let i = 0; i < n >> 1; i++) if (a[i] > lo) lo = a[i];
	return (lo + hi) / 2;
}

function select(a: Float64Array, left: number, right: number, k: number): number {
	while (left < right) {
		// Median-of-three pivot keeps sorted or constant input from going quadratic.
		const mid = (left + right) >> 1;
		const pivot = medianOf3(a[left], a[mid], a[right]);
		let i = left;
		let j = right;
		while (i <= j) {
			while (a[i] < pivot) i++;
			while (a[j] > pivot) j--;
			if (i <= j) {
				const t = a[i];
				a[i] = a[j];
				a[j] = t;
				i++;
				j--;
			}
		}
		if (k <= j) right = j;
		else if (k >= i) left = i;
		else return a[k];
	}
	return a[k];
}

function medianOf3(x: number, y: number, z: number): number {
	return x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
}

/** Ordinary least-squares line through (i, ys[i]) skipping null/NaN; null below two points. */
export function leastSquares(ys: ArrayLike<number | null>): { slope: number; intercept: number; mean: number } | null {
	let n = 0;
	let sx = 0;
	let sy = 0;
	for (let i = 0; i < ys.length; i++) {
		const y = ys[i];
		if (y === null || Number.isNaN(y)) continue;
		n++;
		sx += i;
		sy += y;
	}
	if (n < 2) return null;
	const mx = sx / n;
	const my = sy / n;
	let sxy = 0;
	let sxx = 0;
	for (let i = 0; i < ys.length; i++) {
		const y = ys[i];
		if (y === null || Number.isNaN(y)) continue;
		sxy += (i - mx) * (y - my);
		sxx += (i - mx) * (i - mx);
	}
	const slope = sxx === 0 ? 0 : sxy / sxx;
	return { slope, intercept: my - slope * mx, mean: my };
}

/** (current − previous) / previous, or null when it is not defined. */
export function relativeChange(current: number | null, previous: number | null): number | null {
	if (current === null || previous === null || previous === 0) return null;
	return (current - previous) / Math.abs(previous);
}

/**
 * Standard normal CDF via erfc (W. J. Cody's rational approximation as in Numerical Recipes' erfcc,
 * relative error < 1.2e-7), enough for p-values reported to 4 digits.
 */
export function normalCdf(z: number): number {
	return 1 - 0.5 * erfc(z / Math.SQRT2);
}

function erfc(x: number): number {
	const z = Math.abs(x);
	const t = 1 / (1 + 0.5 * z);
	const r =
		t *
		Math.exp(
			-z * z -
				1.26551223 +
				t *
					(1.00002368 +
						t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
		);
	return x >= 0 ? r : 2 - r;
}

/** Inverse standard normal CDF (Acklam's algorithm, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
	if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
	const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
	const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
	const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
	const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
	const tail = (q: number) => (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
	if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
	const q = p - 0.5;
	const r = q * q;
	return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}
