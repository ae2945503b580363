import { PlatformError } from '../../../lib/errors';
import { HttpTransportError } from '../../../lib/http/http-client';
import { backoffDelay, DEFAULT_RETRY_POLICY, parseRetryAfter, withRetry, type RetryPolicy } from '../../../lib/http/retry';

/** A fake clock: sleeping advances time instantly, and every wait is recorded. */
function fakeTime() {
	let t = 0;
	const waits: number[] = [];
	return {
		now: () => t,
		sleep: async (ms: number) => {
			waits.push(ms);
			t += ms;
		},
		waits,
	};
}

const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, jitter: 'none', baseDelayMs: 100, maxDelayMs: 1000, maxAttempts: 5, maxTotalMs: 10_000 };
const transient = (code: string | number = 503) => new PlatformError({ platform: 'test', code, message: 'busy', retryable: true });

describe('withRetry', () => {
	it('retries transient failures with exponential backoff and returns the first success', async () => {
		const time = fakeTime();
		let calls = 0;
		const result = await withRetry(
			async () => {
				calls++;
				if (calls < 4) throw transient();
				return 'ok';
			},
			policy,
			time,
		);
		expect(result).toBe('ok');
		expect(calls).toBe(4);
		expect(time.waits).toEqual([100, 200, 400]);
	});

	it('honours Retry-After when it is longer than the backoff', async () => {
		const time = fakeTime();
		let calls = 0;
		await withRetry(
			async () => {
				if (calls++ === 0) throw new PlatformError({ platform: 't', code: 429, message: 'slow down', retryable: true, retryAfterMs: 2500 });
				return 1;
			},
			policy,
			time,
		);
		expect(time.waits).toEqual([2500]);
	});

	it('surfaces a non-retryable error at once with its own code and message', async () => {
		const time = fakeTime();
		let calls = 0;
		const err = new PlatformError({ platform: 'wechat_oa', code: 61501, message: 'date range error' });
		await expect(
			withRetry(
				async () => {
					calls++;
					throw err;
				},
				policy,
				time,
			),
		).rejects.toBe(err);
		expect(calls).toBe(1);
		expect(time.waits).toEqual([]);
	});

	it('retries connection resets and timeouts but not refused DNS-less errors it does not know', async () => {
		const time = fakeTime();
		let calls = 0;
		await withRetry(
			async () => {
				calls++;
				if (calls === 1) throw new HttpTransportError('ECONNRESET', 'reset');
				if (calls === 2) throw new HttpTransportError('ETIMEDOUT', 'timeout');
				return 'done';
			},
			policy,
			time,
		);
		expect(calls).toBe(3);
		await expect(withRetry(async () => Promise.reject(new HttpTransportError('EWHATEVER', 'x')), policy, time)).rejects.toThrow('x');
	});

	it('stops after maxAttempts and after the total time budget', async () => {
		const time = fakeTime();
		let calls = 0;
		await expect(
			withRetry(
				async () => {
					calls++;
					throw transient();
				},
				policy,
				time,
			),
		).rejects.toThrow('busy');
		expect(calls).toBe(5);

		const time2 = fakeTime();
		let calls2 = 0;
		await expect(
			withRetry(
				async () => {
					calls2++;
					throw new PlatformError({ platform: 't', code: 429, message: 'later', retryable: true, retryAfterMs: 4000 });
				},
				{ ...policy, maxTotalMs: 9000 },
				time2,
			),
		).rejects.toThrow('later');
		// 4000 + 4000 = 8000 fits; a third wait would end at 12000 > 9000.
		expect(calls2).toBe(3);
	});

	it('fails fast when Retry-After exceeds what the policy will wait', async () => {
		const time = fakeTime();
		await expect(
			withRetry(async () => Promise.reject(new PlatformError({ platform: 't', code: 429, message: 'tomorrow', retryable: true, retryAfterMs: 3_600_000 })), policy, time),
		).rejects.toThrow('tomorrow');
		expect(time.waits).toEqual([]);
	});

	it('keeps full jitter between half and all of the backoff', () => {
		const jittered = { ...policy, jitter: 'full' as const };
		expect(backoffDelay(jittered, 3, () => 0)).toBe(200);
		expect(backoffDelay(jittered, 3, () => 1)).toBe(400);
		expect(backoffDelay(policy, 10, () => 0.5)).toBe(1000);
	});
});

describe('parseRetryAfter', () => {
	it('reads seconds and HTTP dates', () => {
		expect(parseRetryAfter('3')).toBe(3000);
		expect(parseRetryAfter('0.5')).toBe(500);
		const now = Date.parse('2026-03-01T00:00:00Z');
		expect(parseRetryAfter('Sun, 01 Mar 2026 00:00:10 GMT', now)).toBe(10_000);
		expect(parseRetryAfter('soon')).toBeUndefined();
		expect(parseRetryAfter(undefined)).toBeUndefined();
	});
});
