import { realSleep } from './retry';

/**
 * A token bucket: at most `requestsPerSecond` on average, with bursts up to `burst`.
 * One instance per platform credential per execution: no module-level state, so it is safe
 * under n8n queue mode (each worker limits itself; platform 429s are still honoured by the retry policy).
 */
export interface RateLimiter {
	acquire(): Promise<void>;
}

export function createRateLimiter(options: { requestsPerSecond: number; burst?: number; now?: () => number; sleep?: (ms: number) => Promise<void> }): RateLimiter {
	const rate = options.requestsPerSecond;
	if (!(rate > 0)) return { acquire: async () => {} };
	const capacity = Math.max(1, options.burst ?? 1);
	const now = options.now ?? Date.now;
	const sleep = options.sleep ?? realSleep;
	let tokens = capacity;
	let last = now();
	// Reservations are handed out in order, so concurrent callers queue instead of racing.
	let queue: Promise<void> = Promise.resolve();
	const take = async () => {
		for (;;) {
			const t = now();
			tokens = Math.min(capacity, tokens + ((t - last) / 1000) * rate);
			last = t;
			if (tokens >= 1) {
				tokens -= 1;
				return;
			}
			await sleep(Math.ceil(((1 - tokens) / rate) * 1000));
		}
	};
	return {
		acquire() {
			const next = queue.then(take);
			queue = next.catch(() => {});
			return next;
		},
	};
}
