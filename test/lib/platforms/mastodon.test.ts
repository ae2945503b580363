import { startSandbox, type Sandbox } from '../../../sandbox';
import { MastodonDataset, SANDBOX_MASTODON_ACCOUNTS, SANDBOX_MASTODON_TOKEN } from '../../../sandbox/platforms/mastodon';
import { createAxiosHttpClient } from '../../../lib/http/axios-client';
import { DEFAULT_RETRY_POLICY } from '../../../lib/http/retry';
import { PlatformError } from '../../../lib/errors';
import { MetricSnapshotSchema } from '../../../lib/model';
import { MastodonMetricsAdapter } from '../../../lib/platforms/mastodon';
import { dayOf } from '../../../lib/platforms/http-json';

const SEED = 13;
const ZONE = 'UTC';
const fastRetry = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 8, maxRetryAfterMs: 10 * 60_000, maxTotalMs: 60 * 60_000 };
const [brand, tech] = SANDBOX_MASTODON_ACCOUNTS;
const range = { start: '2026-01-20', end: '2026-03-14' };

/** A clock the sandbox and the adapter share; the adapter's sleeps move it instead of waiting. */
const clock = { ms: Date.parse('2026-03-15T04:00:00Z') };
const now = () => new Date(clock.ms);
const sleeps: number[] = [];
const truth = new MastodonDataset(SEED, now);

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seed: SEED, now });
});
afterAll(async () => sandbox.close());
afterEach(() => sandbox.clearFaults());

function adapter(account: string, options: { accessToken?: string; pageSize?: number } = {}) {
	return new MastodonMetricsAdapter(
		{ instanceUrl: sandbox.url, account, ...options },
		{
			http: createAxiosHttpClient(),
			retryPolicy: fastRetry,
			timeoutMs: 2_000,
			now,
			retryDeps: {
				now: () => clock.ms,
				sleep: async (ms) => {
					sleeps.push(ms);
					clock.ms += ms;
				},
			},
		},
	);
}
const statusCalls = () => sandbox.stats().requests[`/api/v1/accounts/${brand.id}/statuses`] ?? 0;
const setLimit = (limit: number, windowMs = 300_000) => fetch(`${sandbox.url}/__sandbox/mastodon/ratelimit`, { method: 'POST', body: JSON.stringify({ limit, windowMs }) });

describe('Mastodon account metrics', () => {
	it('looks an account up by @user@domain, by user and by id, and gives its totals (competitor included)', async () => {
		for (const [account, id] of [[`@${brand.handle}@mastodon.example`, brand.id], [tech.handle, tech.id], [tech.id, tech.id]]) {
			const [snap] = await adapter(account).collectAccountMetrics({ range, timezone: ZONE });
			const expected = truth.account(id)!;
			expect(MetricSnapshotSchema.parse(snap)).toEqual(snap);
			expect(snap).toMatchObject({ platform: 'mastodon', accountId: id, periodStart: '2026-03-15', window: 'cumulative', followers: expected.followers_count });
			expect(snap.extra).toEqual({ following: expected.following_count, posts: expected.statuses_count });
		}
	});

	it('reports an unknown account as 404 "Record not found", and a bad token as 401 without the token', async () => {
		const missing = (await adapter('nobody').collectAccountMetrics({ range, timezone: ZONE }).catch((e) => e)) as PlatformError;
		expect([missing.code, missing.message]).toEqual(['404', 'Record not found']);
		const token = 'wrong-token-abcdef-123456';
		const denied = (await adapter(brand.handle, { accessToken: token }).collectAccountMetrics({ range, timezone: ZONE }).catch((e) => e)) as PlatformError;
		expect([denied.code, denied.message]).toEqual(['401', 'The access token is invalid']);
		expect(denied.describe()).not.toContain(token);
		const [ok] = await adapter(brand.handle, { accessToken: SANDBOX_MASTODON_TOKEN }).collectAccountMetrics({ range, timezone: ZONE });
		expect(ok.accountId).toBe(brand.id);
	});
});

describe('Mastodon post metrics (max_id paging)', () => {
	const expected = () => truth.ownPosts(brand.id).filter((s) => dayOf(s.createdAt, ZONE) >= range.start && dayOf(s.createdAt, ZONE) <= range.end);

	it('returns every own top-level status of the range once, with favourites, reblogs and replies equal to the truth', async () => {
		const want = expected();
		expect(want.length).toBeGreaterThan(40);
		const before = statusCalls();
		const snaps = await adapter(brand.handle).collectPostMetrics({ range, timezone: ZONE });
		expect(snaps.map((s) => s.postId)).toEqual(want.map((s) => s.id));
		for (const [i, s] of snaps.entries()) {
			const c = truth.counts(want[i]);
			expect([s.likes, s.shares, s.comments]).toEqual([c.favourites_count, c.reblogs_count, c.replies_count]);
			expect(s.publishedAt).toBe(want[i].createdAt);
		}
		// 40 a page (the maximum), up to the page holding the first status older than the range.
		const all = truth.ownPosts(brand.id);
		const firstOlder = all.findIndex((s) => dayOf(s.createdAt, ZONE) < range.start);
		expect(statusCalls() - before).toBe(Math.floor(firstOlder / 40) + 1);
	});

	it('waits for X-RateLimit-Reset when the 5-minute window is spent, instead of failing', async () => {
		await setLimit(3);
		sleeps.length = 0;
		const snaps = await adapter(brand.handle, { pageSize: 10 }).collectPostMetrics({ range, timezone: ZONE });
		await setLimit(300);
		expect(snaps.map((s) => s.postId)).toEqual(expected().map((s) => s.id));
		// Several windows were used up and waited out; no 429 was needed to find out.
		expect(sleeps.length).toBeGreaterThanOrEqual(2);
		expect(sleeps.every((ms) => ms > 0 && ms <= 300_000)).toBe(true);
	});

	it('gives the same statuses through 429 (Too many requests), a timeout-free 500 and truncated JSON', async () => {
		const route = `/api/v1/accounts/${brand.id}/statuses`;
		sandbox.setFaults([
			{ route, kind: 'quota', count: 1 },
			{ route, kind: 'http500', count: 2 },
			{ route, kind: 'malformed', count: 1 },
		]);
		const snaps = await adapter(brand.handle).collectPostMetrics({ range, timezone: ZONE });
		expect(snaps.map((s) => s.postId)).toEqual(expected().map((s) => s.id));
		expect(sandbox.stats().faultsInjected[route]).toBe(4);
	});
});
