import { InputError } from '../errors';
import { normalCdf, normalQuantile } from './statistics';
import type { AbTestResult } from './types';

export interface ProportionTestInput {
	name: string;
	a: { label: string; successes: number; trials: number };
	b: { label: string; successes: number; trials: number };
	confidence?: number;
	minTrialsPerArm?: number;
}

/** Default minimum trials per arm; with fewer the normal approximation and the decision are not trusted. */
export const MIN_TRIALS_PER_ARM = 100;
/** Successes and failures each arm needs for the normal approximation (the usual np ≥ 5 rule). */
const MIN_EVENTS = 5;

/**
 * Two-proportion z-test (two-sided). z uses the pooled rate under H0: pA = pB; the confidence interval
 * of pB − pA uses the unpooled (Wald) standard error. Below the minimum sample the verdict is
 * `not_enough_data` and no p-value is claimed.
 */
export function twoProportionTest(input: ProportionTestInput): AbTestResult {
	const confidence = input.confidence ?? 0.95;
	if (!(confidence > 0 && confidence < 1)) throw new InputError(`A/B test "${input.name}": confidence must be between 0 and 1`, 'abTests.confidence');
	const minTrials = input.minTrialsPerArm ?? MIN_TRIALS_PER_ARM;
	const arm = (x: { label: string; successes: number; trials: number }) => {
		if (!(x.trials >= 0 && x.successes >= 0 && x.successes <= x.trials)) {
			throw new InputError(`A/B test "${input.name}": arm ${x.label} needs 0 ≤ successes ≤ trials`, 'abTests');
		}
		return { label: x.label, successes: x.successes, trials: x.trials, rate: x.trials > 0 ? x.successes / x.trials : null };
	};
	const a = arm(input.a);
	const b = arm(input.b);
	const base: AbTestResult = { name: input.name, a, b, confidence, verdict: 'not_enough_data', z: null, pValue: null, diff: null, ciLow: null, ciHigh: null };
	const small = [a, b].find((x) => x.trials < minTrials || x.successes < MIN_EVENTS || x.trials - x.successes < MIN_EVENTS);
	if (small) {
		const reason =
			small.trials < minTrials
				? `arm ${small.label} has ${small.trials} trials, fewer than ${minTrials}`
				: `arm ${small.label} needs at least ${MIN_EVENTS} successes and ${MIN_EVENTS} failures`;
		return { ...base, reason };
	}
	const pa = a.successes / a.trials;
	const pb = b.successes / b.trials;
	const pooled = (a.successes + b.successes) / (a.trials + b.trials);
	const se0 = Math.sqrt(pooled * (1 - pooled) * (1 / a.trials + 1 / b.trials));
	const z = se0 === 0 ? 0 : (pa - pb) / se0;
	const pValue = Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
	const diff = pb - pa;
	const se = Math.sqrt((pa * (1 - pa)) / a.trials + (pb * (1 - pb)) / b.trials);
	const zc = normalQuantile(1 - (1 - confidence) / 2);
	const significant = pValue < 1 - confidence;
	return {
		...base,
		verdict: !significant ? 'no_difference' : diff > 0 ? 'b_better' : 'a_better',
		z,
		pValue,
		diff,
		ciLow: diff - zc * se,
		ciHigh: diff + zc * se,
	};
}
