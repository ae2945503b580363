import { createRateLimiter } from '../../../lib/http/rate-limiter';

describe('createRateLimiter', () => {
	it('spaces concurrent callers to the configured rate', async () => {
		let t = 0;
		const limiter = createRateLimiter({
			requestsPerSecond: 4,
			burst: 1,
			now: () => t,
			sleep: async (ms) => {
				t += ms;
			},
		});
		const times: number[] = [];
		await Promise.all(Array.from({ length: 5 }, () => limiter.acquire().then(() => times.push(t))));
		expect(times).toEqual([0, 250, 500, 750, 1000]);
	});

	it('lets a burst through at once, then throttles', async () => {
		let t = 0;
		const limiter = createRateLimiter({ requestsPerSecond: 10, burst: 3, now: () => t, sleep: async (ms) => void (t += ms) });
		const times: number[] = [];
		for (let i = 0; i < 5; i++) {
			await limiter.acquire();
			times.push(t);
		}
		expect(times).toEqual([0, 0, 0, 100, 200]);
	});

	it('is a no-op without a rate', async () => {
		await expect(createRateLimiter({ requestsPerSecond: 0 }).acquire()).resolves.toBeUndefined();
	});
});
