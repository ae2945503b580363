import { startSandbox, type Sandbox } from '../../../sandbox';
import { SANDBOX_WEIBO_ACCOUNTS, SANDBOX_WEIBO_TOKENS, WeiboDataset, weiboTime } from '../../../sandbox/platforms/weibo';
import { createAxiosHttpClient } from '../../../lib/http/axios-client';
import { DEFAULT_RETRY_POLICY } from '../../../lib/http/retry';
import { PlatformError } from '../../../lib/errors';
import { MetricSnapshotSchema } from '../../../lib/model';
import { WeiboMetricsAdapter, parseWeiboTime } from '../../../lib/platforms/weibo';
import { dayOf } from '../../../lib/platforms/http-json';

const NOW = new Date('2026-03-15T04:00:00Z');
const SEED = 19;
const ZONE = 'Asia/Shanghai';
const fastRetry = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 8, maxRetryAfterMs: 5_000 };
const [brand, tech] = SANDBOX_WEIBO_ACCOUNTS;
const tokenOf = (uid: string) => Object.keys(SANDBOX_WEIBO_TOKENS).find((t) => SANDBOX_WEIBO_TOKENS[t] === uid)!;
const truth = new WeiboDataset(SEED, () => NOW);
const range = { start: '2026-01-01', end: '2026-03-14' };

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seed: SEED, now: () => NOW });
});
afterAll(async () => sandbox.close());
afterEach(() => sandbox.clearFaults());

function adapter(options: { account?: string; statusIds?: string[]; accessToken?: string } = {}) {
	return new WeiboMetricsAdapter({ accessToken: tokenOf(brand.id), baseUrl: sandbox.url, ...options }, { http: createAxiosHttpClient(), retryPolicy: fastRetry, timeoutMs: 2_000, now: () => NOW });
}
const timelineCalls = () => sandbox.stats().requests['/2/statuses/user_timeline.json'] ?? 0;

it('parses Weibo’s created_at in its own offset', () => {
	expect(parseWeiboTime('Wed Mar 11 10:00:00 +0800 2026')).toBe(Date.parse('2026-03-11T02:00:00Z'));
	expect(parseWeiboTime(weiboTime(Date.parse('2026-01-31T20:15:09Z')))).toBe(Date.parse('2026-01-31T20:15:09Z'));
});

describe('Weibo account metrics (users/show)', () => {
	it('gives followers, following and posts of the own account and of a competitor, dated today in China', async () => {
		for (const account of [brand.id, tech.handle]) {
			const [snap] = await adapter({ account }).collectAccountMetrics({ range, timezone: 'UTC' });
			const id = account === brand.id ? brand.id : tech.id;
			const user = truth.user(id)!;
			expect(MetricSnapshotSchema.parse(snap)).toEqual(snap);
			expect(snap).toMatchObject({ platform: 'weibo', accountId: id, timezone: ZONE, periodStart: '2026-03-15', window: 'cumulative', followers: user.followers_count });
			expect(snap.extra).toEqual({ following: user.friends_count, posts: user.statuses_count, favourites: user.favourites_count });
		}
	});

	it('reports 20003 for an unknown user and 21332 for a bad token, never echoing the token', async () => {
		const missing = (await adapter({ account: '1' }).collectAccountMetrics({ range, timezone: ZONE }).catch((e) => e)) as PlatformError;
		expect([missing.code, missing.message]).toEqual(['20003', 'User does not exists!']);
		const token = '2.00wrongTokenValue_123456';
		const bad = (await adapter({ account: brand.id, accessToken: token }).collectAccountMetrics({ range, timezone: ZONE }).catch((e) => e)) as PlatformError;
		expect(bad.code).toBe('21332');
		expect(bad.message).toMatch(/re-authorise/);
		expect(bad.describe()).not.toContain(token);
	});
});

describe('Weibo post metrics', () => {
	const expected = truth.statuses(brand.id).filter((p) => dayOf(p.createdAtMs, ZONE) >= range.start && dayOf(p.createdAtMs, ZONE) <= range.end);

	it('reads the own timeline 100 a page with every post of the range exactly once, counters equal to the truth', async () => {
		expect(expected.length).toBeGreaterThan(100);
		const before = timelineCalls();
		const snaps = await adapter({ account: brand.id }).collectPostMetrics({ range, timezone: ZONE });
		expect(snaps.map((s) => s.postId)).toEqual(expected.map((p) => truth.statusId(p)));
		for (const [i, s] of snaps.entries()) {
			const c = truth.counts(expected[i]);
			expect([s.likes, s.comments, s.shares]).toEqual([c.attitudes_count, c.comments_count, c.reposts_count]);
		}
		const firstOlder = truth.statuses(brand.id).findIndex((p) => dayOf(p.createdAtMs, ZONE) < range.start);
		expect(timelineCalls() - before).toBe(Math.floor(firstOlder / 100) + 1);
	});

	it('reads listed posts (a competitor’s too) through statuses/count, 100 ids a call', async () => {
		const ids = [...truth.statuses(tech.id).slice(0, 130), ...truth.statuses(brand.id).slice(0, 20)].map((p) => truth.statusId(p));
		const before = sandbox.stats().requests['/2/statuses/count.json'] ?? 0;
		const snaps = await adapter({ statusIds: ids }).collectPostMetrics({ range, timezone: ZONE });
		expect(snaps.map((s) => s.postId)).toEqual(ids);
		expect((sandbox.stats().requests['/2/statuses/count.json'] ?? 0) - before).toBe(2);
		const p = truth.find(ids[0])!;
		expect([snaps[0].likes, snaps[0].comments, snaps[0].shares]).toEqual([truth.counts(p).attitudes_count, truth.counts(p).comments_count, truth.counts(p).reposts_count]);
	});

	it('stops at once on 10023 (hourly quota spent) and retries 5xx and resets', async () => {
		sandbox.setFaults([{ route: '/2/statuses/user_timeline.json', kind: 'http500', count: 2 }, { route: '/2/statuses/user_timeline.json', kind: 'reset', count: 1 }]);
		const snaps = await adapter({ account: brand.id }).collectPostMetrics({ range: { start: '2026-03-10', end: '2026-03-14' }, timezone: ZONE });
		expect(snaps.length).toBeGreaterThan(0);
		await fetch(`${sandbox.url}/__sandbox/weibo/ratelimit`, { method: 'POST', body: JSON.stringify({ perHour: 1 }) });
		const error = (await adapter({ account: brand.id }).collectPostMetrics({ range, timezone: ZONE }).catch((e) => e)) as PlatformError;
		await fetch(`${sandbox.url}/__sandbox/weibo/ratelimit`, { method: 'POST', body: JSON.stringify({ perHour: 150 }) });
		expect([error.code, error.retryable, error.httpStatus]).toEqual(['10023', false, 403]);
		expect(error.message).toMatch(/hourly quota/);
	});
});
