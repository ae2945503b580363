/**
 * A platform-side rate limit for the sandbox: a token bucket over all API requests. A request over the limit
 * gets HTTP 429 with Retry-After, as real platforms answer. Used by the collection benchmark to measure how
 * close a client gets to the minimum time a limit allows.
 */
export interface SandboxRateLimit {
	requestsPerSecond: number;
	/** Bucket size; default 1 second's worth. */
	burst?: number;
}

export class RateLimitBucket {
	private tokens: number;
	private last: number;
	private readonly capacity: number;
	rejected = 0;

	constructor(
		private readonly limit: SandboxRateLimit,
		private readonly now: () => number = () => performance.now(),
	) {
		this.capacity = Math.max(1, limit.burst ?? limit.requestsPerSecond);
		this.tokens = this.capacity;
		this.last = this.now();
	}

	/** Takes a token, or returns the seconds to wait before one is there. */
	take(): { ok: true } | { ok: false; retryAfterSeconds: number } {
		const t = this.now();
		this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.limit.requestsPerSecond);
		this.last = t;
		if (this.tokens >= 1) {
			this.tokens -= 1;
			return { ok: true };
		}
		this.rejected++;
		return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - this.tokens) / this.limit.requestsPerSecond)) };
	}
}
