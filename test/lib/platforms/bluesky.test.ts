import { startSandbox, type Sandbox } from '../../../sandbox';
import { BlueskyDataset, SANDBOX_BLUESKY_ACCOUNTS } from '../../../sandbox/platforms/bluesky';
import { createAxiosHttpClient } from '../../../lib/http/axios-client';
import { DEFAULT_RETRY_POLICY } from '../../../lib/http/retry';
import { InputError, PlatformError } from '../../../lib/errors';
import { MetricSnapshotSchema } from '../../../lib/model';
import { BlueskyMetricsAdapter } from '../../../lib/platforms/bluesky';
import { dayOf } from '../../../lib/platforms/http-json';

const NOW = new Date('2026-03-15T04:00:00Z');
const SEED = 11;
const ZONE = 'Asia/Shanghai';
const fastRetry = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 8, maxRetryAfterMs: 5_000 };
const [brand, tech] = SANDBOX_BLUESKY_ACCOUNTS;
const truth = new BlueskyDataset(SEED, () => NOW);
const range = { start: '2026-02-01', end: '2026-03-14' };

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seed: SEED, now: () => NOW });
});
afterAll(async () => sandbox.close());
afterEach(() => sandbox.clearFaults());

function adapter(actor: string, pageSize?: number) {
	return new BlueskyMetricsAdapter({ actor, baseUrl: sandbox.url, pageSize }, { http: createAxiosHttpClient(), retryPolicy: fastRetry, timeoutMs: 2_000, now: () => NOW });
}
const feedCalls = () => sandbox.stats().requests['/xrpc/app.bsky.feed.getAuthorFeed'] ?? 0;

describe('Bluesky account metrics (getProfile)', () => {
	it('gives followers, follows and posts for a handle and for a DID (any public account)', async () => {
		for (const actor of [brand.handle, `@${tech.handle}`, tech.id]) {
			const [snap] = await adapter(actor).collectAccountMetrics({ range, timezone: ZONE });
			const account = truth.actor(actor.replace(/^@/, ''))!;
			const profile = truth.profile(account.id);
			expect(MetricSnapshotSchema.parse(snap)).toEqual(snap);
			expect(snap).toMatchObject({ platform: 'bluesky', accountId: account.id, periodStart: '2026-03-15', window: 'cumulative', timezone: ZONE, followers: profile.followersCount });
			expect(snap.extra).toEqual({ following: profile.followsCount, posts: profile.postsCount });
		}
	});

	it('reports an unknown handle with Bluesky’s own error', async () => {
		const error = (await adapter('nobody.bsky.social').collectAccountMetrics({ range, timezone: ZONE }).catch((e) => e)) as PlatformError;
		expect([error.code, error.message, error.httpStatus]).toEqual(['InvalidRequest', 'Profile not found', 400]);
	});
});

describe('Bluesky post metrics (getAuthorFeed, cursor paging)', () => {
	const expected = truth.posts(brand.id).filter((p) => {
		const day = dayOf(p.createdAt, ZONE);
		return day >= range.start && day <= range.end;
	});

	it('returns every own post of the range exactly once across small pages, reposts excluded, counters equal to the truth', async () => {
		expect(expected.length).toBeGreaterThan(20);
		const before = feedCalls();
		const snaps = await adapter(brand.handle, 7).collectPostMetrics({ range, timezone: ZONE });
		expect(snaps.map((s) => s.postId)).toEqual(expected.map((p) => p.uri));
		expect(new Set(snaps.map((s) => s.postId)).size).toBe(snaps.length);
		for (const [i, s] of snaps.entries()) {
			const c = truth.counts(expected[i]);
			expect([s.likes, s.comments, s.shares, s.extra?.quotes]).toEqual([c.likeCount, c.replyCount, c.repostCount, c.quoteCount]);
			expect(s.publishedAt).toBe(expected[i].createdAt);
			expect(s.accountId).toBe(brand.id);
			expect(MetricSnapshotSchema.safeParse(s).success).toBe(true);
		}
		// Paged with limit 7 up to the first page holding a post older than the range.
		const feed = truth.feed(brand.id);
		const firstOlder = feed.findIndex((i) => !i.repostedBy && dayOf(i.post.createdAt, ZONE) < range.start);
		expect(feedCalls() - before).toBe(Math.floor(firstOlder / 7) + 1);
		// The feed did hold reposts in the range, and none came out.
		expect(feed.some((i) => i.repostedBy && dayOf(i.post.createdAt, ZONE) >= range.start)).toBe(true);
	});

	it('gives the same posts with the maximum page of 100, in fewer calls', async () => {
		const before = feedCalls();
		const snaps = await adapter(brand.handle).collectPostMetrics({ range, timezone: ZONE });
		expect(snaps.map((s) => s.postId)).toEqual(expected.map((p) => p.uri));
		expect(feedCalls() - before).toBeLessThanOrEqual(2);
	});

	it('refuses a page size above 100 (the AppView’s limit) before any call', () => {
		expect(() => adapter(brand.handle, 101)).toThrow(InputError);
	});

	it('survives RateLimitExceeded (429 + ratelimit-reset), a 502 and truncated JSON mid-paging with nothing lost or doubled', async () => {
		sandbox.setFaults([
			{ route: '/xrpc/app.bsky.feed.getAuthorFeed', kind: 'quota', count: 1 },
			{ route: '/xrpc/app.bsky.feed.getAuthorFeed', kind: 'http502', rate: 0.3, count: 3 },
			{ route: '/xrpc/app.bsky.feed.getAuthorFeed', kind: 'malformed', rate: 0.3, count: 2 },
		]);
		const snaps = await adapter(brand.handle, 10).collectPostMetrics({ range, timezone: ZONE });
		expect(snaps.map((s) => s.postId)).toEqual(expected.map((p) => p.uri));
		expect(sandbox.stats().faultsInjected['/xrpc/app.bsky.feed.getAuthorFeed']).toBeGreaterThanOrEqual(2);
	});
});
