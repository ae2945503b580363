import { isPlatformError } from '../errors';
import { HttpTransportError, RETRYABLE_TRANSPORT_CODES } from './http-client';

/**
 * The one retry policy every adapter uses: retry what a platform says is transient
 * (429 with Retry-After, 5xx, timeouts, connection resets) with exponential backoff and full jitter,
 * bounded both in attempts and in total time. Anything else surfaces at once, unchanged.
 */
export interface RetryPolicy {
	/** Attempts in all, the first one included. */
	maxAttempts: number;
	/** Backoff before retry n (1-based) is min(maxDelayMs, baseDelayMs * 2^(n-1)), jittered. */
	baseDelayMs: number;
	maxDelayMs: number;
	/** No retry is started if it would end past this budget (measured from the first attempt). */
	maxTotalMs: number;
	/** `full`: wait a random time in [backoff/2, backoff]; `none`: exactly the backoff (tests). */
	jitter: 'full' | 'none';
	/** Longest Retry-After the policy will honour; longer waits fail fast instead of stalling a run. */
	maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 6,
	baseDelayMs: 500,
	maxDelayMs: 15_000,
	maxTotalMs: 120_000,
	jitter: 'full',
	maxRetryAfterMs: 60_000,
};

export interface RetryInfo {
	attempt: number;
	delayMs: number;
	error: Error;
}

export interface RetryDeps {
	sleep?: (ms: number) => Promise<void>;
	now?: () => number;
	random?: () => number;
	onRetry?: (info: RetryInfo) => void;
}

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** True when the error is worth another attempt. */
export function isRetryable(error: unknown): boolean {
	if (isPlatformError(error)) return error.retryable;
	if (error instanceof HttpTransportError) return RETRYABLE_TRANSPORT_CODES.has(error.code);
	return false;
}

function retryAfterOf(error: unknown): number | undefined {
	return isPlatformError(error) ? error.retryAfterMs : undefined;
}

export function backoffDelay(policy: RetryPolicy, retryNumber: number, random: () => number): number {
	const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retryNumber - 1));
	return policy.jitter === 'none' ? exp : Math.round(exp / 2 + random() * (exp / 2));
}

export async function withRetry<T>(fn: (attempt: number) => Promise<T>, policy: RetryPolicy = DEFAULT_RETRY_POLICY, deps: RetryDeps = {}): Promise<T> {
	const sleep = deps.sleep ?? realSleep;
	const now = deps.now ?? Date.now;
	const random = deps.random ?? Math.random;
	const started = now();
	for (let attempt = 1; ; attempt++) {
		try {
			return await fn(attempt);
		} catch (error) {
			if (!isRetryable(error) || attempt >= policy.maxAttempts) throw error;
			const retryAfter = retryAfterOf(error);
			if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs) throw error;
			// A server-given Retry-After wins over our backoff when it is longer.
			const delayMs = Math.max(retryAfter ?? 0, backoffDelay(policy, attempt, random));
			if (now() - started + delayMs > policy.maxTotalMs) throw error;
			deps.onRetry?.({ attempt, delayMs, error: error as Error });
			await sleep(delayMs);
		}
	}
}

/** Parses a Retry-After header (seconds or an HTTP date) into ms. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
	if (!value) return undefined;
	const trimmed = value.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
	const at = Date.parse(trimmed);
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
