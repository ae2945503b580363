import { startSandbox, type Sandbox } from '../../../sandbox';
import { SANDBOX_X_ACCOUNTS, SANDBOX_X_BEARER, XDataset } from '../../../sandbox/platforms/x';
import { createAxiosHttpClient } from '../../../lib/http/axios-client';
import { DEFAULT_RETRY_POLICY } from '../../../lib/http/retry';
import { PlatformError } from '../../../lib/errors';
import { MetricSnapshotSchema } from '../../../lib/model';
import { XMetricsAdapter, postIdOf } from '../../../lib/platforms/x';
import { dayOf } from '../../../lib/platforms/http-json';

const NOW = new Date('2026-03-15T04:00:00Z');
const SEED = 23;
const ZONE = 'Asia/Shanghai';
const fastRetry = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 8, maxRetryAfterMs: 5_000 };
const [brand, tech] = SANDBOX_X_ACCOUNTS;
const truth = new XDataset(SEED, () => NOW);
const range = { start: '2025-11-15', end: '2026-03-14' };

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seed: SEED, now: () => NOW });
});
afterAll(async () => sandbox.close());
afterEach(() => sandbox.clearFaults());

const logs: string[] = [];
function adapter(options: { username?: string; postIds?: string[]; bearerToken?: string } = {}) {
	return new XMetricsAdapter({ bearerToken: SANDBOX_X_BEARER, baseUrl: sandbox.url, ...options }, { http: createAxiosHttpClient(), retryPolicy: fastRetry, timeoutMs: 2_000, now: () => NOW, log: (m) => logs.push(m) });
}

describe('X account metrics (users/by)', () => {
	it('gives followers, following, posts and lists of any public account', async () => {
		for (const account of [brand, tech]) {
			const [snap] = await adapter({ username: `@${account.handle}` }).collectAccountMetrics({ range, timezone: ZONE });
			const m = truth.user(account.id).public_metrics as Record<string, number>;
			expect(MetricSnapshotSchema.parse(snap)).toEqual(snap);
			expect(snap).toMatchObject({ platform: 'x', accountId: account.id, window: 'cumulative', periodStart: '2026-03-15', followers: m.followers_count });
			expect(snap.extra).toEqual({ following: m.following_count, posts: m.tweet_count, listed: m.listed_count });
		}
	});

	it('reports an unknown user with X’s partial error, and a bad token as Unauthorized without the token', async () => {
		const missing = (await adapter({ username: 'nobody_here' }).collectAccountMetrics({ range, timezone: ZONE }).catch((e) => e)) as PlatformError;
		expect([missing.code, missing.message]).toEqual(['Not Found Error', 'Could not find user with usernames: [nobody_here].']);
		const token = 'AAAAwrongBearerToken1234567';
		const bad = (await adapter({ username: brand.handle, bearerToken: token }).collectAccountMetrics({ range, timezone: ZONE }).catch((e) => e)) as PlatformError;
		expect([bad.code, bad.httpStatus]).toEqual(['Unauthorized', 401]);
		expect(bad.describe()).not.toContain(token);
	});
});

describe('X post metrics', () => {
	const expected = truth.tweets(brand.id).filter((p) => truth.kind(p) === 'tweet' && dayOf(p.createdAtMs, ZONE) >= range.start && dayOf(p.createdAtMs, ZONE) <= range.end);

	it('pages the timeline 100 at a time within start_time/end_time, no retweets or replies, every post once', async () => {
		expect(expected.length).toBeGreaterThan(100);
		const route = `/2/users/${brand.id}/tweets`;
		const before = sandbox.stats().requests[route] ?? 0;
		const snaps = await adapter({ username: brand.handle }).collectPostMetrics({ range, timezone: ZONE });
		expect(snaps.map((s) => s.postId)).toEqual(expected.map((p) => truth.tweetId(p)));
		for (const [i, s] of snaps.entries()) {
			const m = truth.publicMetrics(expected[i]);
			expect([s.likes, s.shares, s.comments]).toEqual([m.like_count, m.retweet_count, m.reply_count]);
			expect(s.extra).toEqual({ quotes: m.quote_count, bookmarks: m.bookmark_count, impressions: m.impression_count });
		}
		expect((sandbox.stats().requests[route] ?? 0) - before).toBe(Math.ceil(expected.length / 100));
	});

	it('sends end_time only when it lies in the past: a range reaching today asks "up to now"', async () => {
		const sent: Array<Record<string, unknown>> = [];
		const http = createAxiosHttpClient();
		const recording = { request: (req: Parameters<typeof http.request>[0]) => (req.url.endsWith('/tweets') && sent.push({ ...req.query }), http.request(req)) };
		const x = (now: Date) => new XMetricsAdapter({ bearerToken: SANDBOX_X_BEARER, baseUrl: sandbox.url, username: brand.handle }, { http: recording, retryPolicy: fastRetry, now: () => now });
		// NOW is 12:00 on 2026-03-15 in Shanghai: a range ending today would end at midnight to come.
		await x(NOW).collectPostMetrics({ range: { start: '2026-03-14', end: '2026-03-15' }, timezone: ZONE });
		expect(sent.length).toBeGreaterThan(0);
		for (const q of sent) expect(q.end_time).toBeUndefined();
		sent.length = 0;
		await x(NOW).collectPostMetrics({ range: { start: '2026-03-13', end: '2026-03-14' }, timezone: ZONE });
		expect(sent.map((q) => q.end_time)).toEqual(sent.map(() => '2026-03-14T16:00:00Z'));
	});

	it('reads 250 listed ids (URLs too, a competitor’s included) in 3 calls and logs the ones X did not find', async () => {
		const ids = [...truth.tweets(tech.id), ...truth.tweets(brand.id)].slice(0, 250).map((p) => truth.tweetId(p));
		const before = sandbox.stats().requests['/2/tweets'] ?? 0;
		logs.length = 0;
		const snaps = await adapter({ postIds: [`https://x.com/YunfanTech/status/${ids[0]}`, ...ids.slice(1), '123'] }).collectPostMetrics({ range, timezone: ZONE });
		expect(snaps.map((s) => s.postId)).toEqual(ids);
		expect((sandbox.stats().requests['/2/tweets'] ?? 0) - before).toBe(3);
		expect(logs.join('\n')).toContain('123');
		expect(postIdOf('https://twitter.com/a/status/20')).toBe('20');
	});

	it('retries a 429 (after x-rate-limit-reset / Retry-After) and a 503, but stops at UsageCapExceeded', async () => {
		const ids = expected.slice(0, 3).map((p) => truth.tweetId(p));
		sandbox.setFaults([{ route: '/2/tweets', kind: 'http429', count: 2, retryAfterSeconds: 0 }, { route: '/2/tweets', kind: 'http503', count: 1 }]);
		const snaps = await adapter({ postIds: ids }).collectPostMetrics({ range, timezone: ZONE });
		expect(snaps.map((s) => s.postId)).toEqual(ids);
		sandbox.setFaults([{ route: '/2/tweets', kind: 'quota', count: 3 }]);
		const error = (await adapter({ postIds: ids }).collectPostMetrics({ range, timezone: ZONE }).catch((e) => e)) as PlatformError;
		expect([error.code, error.httpStatus, error.retryable]).toEqual(['UsageCapExceeded', 429, false]);
		expect(sandbox.stats().faultsInjected['/2/tweets']).toBe(4);
	});
});
