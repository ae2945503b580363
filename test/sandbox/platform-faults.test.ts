/**
 * Injected faults speak each platform's own error shape: token and quota faults with the platform's codes and
 * words, a 429 throttle with the platform's rate-limit headers (X, Mastodon, Bluesky send a reset, not
 * Retry-After), a 500 in the platform's envelope where it has one; platforms without one get the generic answer.
 */
import { startSandbox, type FaultRule, type Sandbox } from '../../sandbox';

const NOW = new Date('2026-03-15T04:00:00Z');
const NOW_S = NOW.getTime() / 1000;
let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, now: () => NOW });
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.clearFaults());

async function faulted(route: string, rule: Omit<FaultRule, 'route'>): Promise<{ status: number; body: any; headers: Headers }> {
	sandbox.setFaults([{ route, count: 1, ...rule }]);
	const res = await fetch(`${sandbox.url}${route}`);
	const text = await res.text();
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		// a gateway page
	}
	return { status: res.status, body, headers: res.headers };
}

describe('token and quota faults', () => {
	it.each([
		['/2/users/show.json', 'expiredToken', 403, { error: 'expired_token', error_code: 21327 }],
		['/2/users/show.json', 'invalidToken', 403, { error: 'invalid_access_token', error_code: 21332 }],
		['/2/users/show.json', 'quota', 403, { error: 'User requests out of rate limit!', error_code: 10023 }],
		['/video/list/', 'expiredToken', 200, { data: { error_code: 2190008, description: 'access_token过期,请刷新或重新授权' }, extra: { error_code: 2190008, sub_error_code: 0 } }],
		['/video/list/', 'invalidToken', 200, { data: { error_code: 2190002, description: 'access_token无效' }, extra: { error_code: 2190002 } }],
		['/video/list/', 'quota', 200, { data: { error_code: 2190001, description: 'quota 已用完' }, extra: { error_code: 2190001 } }],
		['/x/relation/stat', 'expiredToken', 200, { code: -101, message: '账号未登录' }],
		['/x/relation/stat', 'invalidToken', 200, { code: -352, message: '风控校验失败' }],
		['/x/relation/stat', 'quota', 412, { code: -412, message: '请求被拦截' }],
		['/api/v1/accounts/lookup', 'expiredToken', 401, { error: 'The access token expired' }],
		['/api/v1/accounts/lookup', 'invalidToken', 401, { error: 'The access token is invalid' }],
		['/xrpc/app.bsky.actor.getProfile', 'expiredToken', 400, { error: 'ExpiredToken', message: 'Token has expired' }],
		['/xrpc/app.bsky.actor.getProfile', 'invalidToken', 401, { error: 'InvalidToken' }],
		['/youtube/v3/videos', 'expiredToken', 401, { error: { code: 401, errors: [{ reason: 'authError' }], status: 'UNAUTHENTICATED' } }],
		['/youtube/v3/videos', 'invalidToken', 400, { error: { code: 400, errors: [{ reason: 'keyInvalid' }], status: 'INVALID_ARGUMENT' } }],
		['/youtube/v3/videos', 'quota', 403, { error: { code: 403, errors: [{ reason: 'quotaExceeded', domain: 'youtube.quota' }], status: 'PERMISSION_DENIED' } }],
		['/2/tweets', 'expiredToken', 401, { title: 'Unauthorized', status: 401 }],
		['/2/tweets', 'quota', 429, { title: 'UsageCapExceeded', type: 'https://api.twitter.com/2/problems/usage-capped' }],
	] as const)('%s %s → HTTP %i in the platform’s shape', async (route, kind, status, body) => {
		const answer = await faulted(route, { kind });
		expect(answer.status).toBe(status);
		expect(answer.body).toMatchObject(body);
	});

	it.each([
		['/api/v1/accounts/lookup', { error: 'Too many requests' }, 'x-ratelimit-reset', new Date(NOW.getTime() + 300_000).toISOString()],
		['/xrpc/app.bsky.actor.getProfile', { error: 'RateLimitExceeded' }, 'ratelimit-reset', String(NOW_S + 300)],
	] as const)('quota on %s is a spent window: 429, remaining 0, reset when the rule says', async (route, body, header, reset) => {
		const answer = await faulted(route, { kind: 'quota', retryAfterSeconds: 300 });
		expect([answer.status, answer.headers.get(header), answer.headers.get('retry-after')]).toEqual([429, reset, null]);
		expect(answer.body).toMatchObject(body);
		// Without retryAfterSeconds the window resets in 1 s.
		expect((await faulted(route, { kind: 'quota' })).headers.get(header)).toBe(header === 'ratelimit-reset' ? String(NOW_S + 1) : new Date(NOW.getTime() + 1000).toISOString());
	});
});

describe('transient faults in the platform’s shape', () => {
	it('X: a throttle is 429 Too Many Requests with x-rate-limit-remaining 0 and the reset in epoch seconds, no Retry-After', async () => {
		const answer = await faulted('/2/users/by', { kind: 'http429', retryAfterSeconds: 7 });
		expect([answer.status, answer.headers.get('x-rate-limit-remaining'), answer.headers.get('x-rate-limit-reset'), answer.headers.get('retry-after')]).toEqual([429, '0', String(NOW_S + 7), null]);
		expect(answer.body).toEqual({ title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 });
		expect((await faulted('/2/users/by', { kind: 'http500' })).body).toMatchObject({ title: 'Internal Server Error', status: 500 });
	});

	it('Mastodon: 429 {error} with X-RateLimit-* headers; 500 {error}', async () => {
		const answer = await faulted('/api/v1/accounts/lookup', { kind: 'http429', retryAfterSeconds: 3 });
		expect([answer.status, answer.headers.get('x-ratelimit-remaining'), answer.headers.get('x-ratelimit-reset')]).toEqual([429, '0', new Date(NOW.getTime() + 3000).toISOString()]);
		expect(answer.body).toEqual({ error: 'Too many requests' });
		const error = await faulted('/api/v1/accounts/lookup', { kind: 'http500' });
		expect([error.status, typeof error.body.error]).toEqual([500, 'string']);
	});

	it('Bluesky: 429 RateLimitExceeded with RateLimit-* headers; 500 InternalServerError', async () => {
		const answer = await faulted('/xrpc/app.bsky.feed.getAuthorFeed', { kind: 'http429', retryAfterSeconds: 4 });
		expect([answer.status, answer.headers.get('ratelimit-remaining'), answer.headers.get('ratelimit-reset')]).toEqual([429, '0', String(NOW_S + 4)]);
		expect(answer.body).toEqual({ error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' });
		expect(await faulted('/xrpc/app.bsky.feed.getAuthorFeed', { kind: 'http500' })).toMatchObject({ status: 500, body: { error: 'InternalServerError' } });
	});

	it('YouTube: 429 rateLimitExceeded with Retry-After; 500 backendError, in Google’s envelope', async () => {
		const answer = await faulted('/youtube/v3/channels', { kind: 'http429', retryAfterSeconds: 5 });
		expect([answer.status, answer.headers.get('retry-after')]).toEqual([429, '5']);
		expect(answer.body).toMatchObject({ error: { code: 429, errors: [{ reason: 'rateLimitExceeded' }], status: 'RESOURCE_EXHAUSTED' } });
		expect(await faulted('/youtube/v3/channels', { kind: 'http500' })).toMatchObject({ status: 500, body: { error: { code: 500, errors: [{ reason: 'backendError' }], status: 'INTERNAL' } } });
	});

	it.each(['/2/users/show.json', '/video/list/', '/x/relation/stat'])('%s (no throttle shape of its own): the generic 429 with Retry-After and 500', async (route) => {
		const answer = await faulted(route, { kind: 'http429', retryAfterSeconds: 2 });
		expect([answer.status, answer.headers.get('retry-after')]).toEqual([429, '2']);
		expect(await faulted(route, { kind: 'http500' })).toMatchObject({ status: 500, body: { error: 'internal server error' } });
	});
});
