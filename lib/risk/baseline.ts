/** Mean and standard deviation of past window values: plain (population) or exponentially weighted. */
export interface Baseline {
	mean: number;
	sd: number;
}

export function plainBaseline(values: readonly number[]): Baseline {
	if (values.length === 0) return { mean: 0, sd: 0 };
	const mean = values.reduce((a, b) => a + b, 0) / values.length;
	const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
	return { mean, sd: Math.sqrt(variance) };
}

/**
 * EWMA over values oldest → newest (West's incremental form): recent windows weigh more, so a level
 * that has shifted for good stops alerting sooner than with a plain mean.
 */
export function ewmaBaseline(values: readonly number[], alpha: number): Baseline {
	if (values.length === 0) return { mean: 0, sd: 0 };
	let mean = values[0];
	let variance = 0;
	for (const x of values.slice(1)) {
		const diff = x - mean;
		mean += alpha * diff;
		variance = (1 - alpha) * (variance + alpha * diff * diff);
	}
	return { mean, sd: Math.sqrt(variance) };
}
