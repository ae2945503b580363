import { startSandbox, type Sandbox } from '../../../sandbox';
import { BlueskyDataset, SANDBOX_BLUESKY_ACCOUNTS } from '../../../sandbox/platforms/bluesky';
import { createAxiosHttpClient } from '../../../lib/http/axios-client';
import { DEFAULT_RETRY_POLICY } from '../../../lib/http/retry';
import { PlatformError } from '../../../lib/errors';
import { MentionSchema } from '../../../lib/model';
import { BlueskyMetricsAdapter } from '../../../lib/platforms/bluesky';
import { BlueskyComments, blueskyPostUrl } from '../../../lib/platforms/bluesky-comments';
import { commentsOnPosts } from '../../../lib/polling/comment-source';
import { listRecentPosts, type WatchedPost } from '../../../lib/polling/watched-posts';

const NOW = new Date('2026-03-15T04:00:00Z');
const SEED = 37;
const [brand] = SANDBOX_BLUESKY_ACCOUNTS;
const truth = new BlueskyDataset(SEED, () => NOW);
const fastRetry = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 4, maxRetryAfterMs: 5_000 };

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seed: SEED, now: () => NOW });
});
afterAll(async () => sandbox.close());
afterEach(() => sandbox.clearFaults());

const logs: string[] = [];
const ctx = () => ({ http: createAxiosHttpClient(), retryPolicy: fastRetry, timeoutMs: 2_000, now: () => NOW, log: (m: string) => logs.push(m) });
const reader = () => new BlueskyComments({ baseUrl: sandbox.url }, ctx());
const watched = (uri: string): WatchedPost => ({ platform: 'bluesky', accountId: brand.id, postId: uri, title: 'Post' });
const calls = () => sandbox.stats().requests['/xrpc/app.bsky.feed.getPostThread'] ?? 0;

describe('Bluesky replies (getPostThread)', () => {
	it('turns the thread’s replies into Mentions with at-uri ids and bsky.app links', async () => {
		const post = truth.posts(brand.id).find((p) => truth.repliesTo(p).length > 2)!;
		const expected = truth.repliesTo(post);
		const mentions = await reader().commentsOf(watched(post.uri));
		expect(mentions.map((m) => m.id).sort()).toEqual(expected.map((c) => truth.replyUri(c)).sort());
		const first = mentions.find((m) => m.id === truth.replyUri(expected[0]))!;
		expect(MentionSchema.parse(first)).toEqual(first);
		const author = truth.replyAuthor(expected[0]);
		expect(first).toMatchObject({ platform: 'bluesky', kind: 'comment', accountId: brand.id, postId: post.uri, postTitle: 'Post', text: expected[0].text, likes: expected[0].likes, author: { id: author.did, name: `@${author.handle}` } });
		expect(first.url).toBe(`https://bsky.app/profile/${author.handle}/post/${first.id.split('/').pop()}`);
		expect(first.createdAt).toBe(new Date(expected[0].createdAtMs).toISOString());
	});

	it('reads replies of the recent posts that have some, oldest first', async () => {
		const posts = await listRecentPosts(new BlueskyMetricsAdapter({ actor: brand.handle, baseUrl: sandbox.url }, ctx()), { days: 14, maxPosts: 6, timezone: 'Asia/Tokyo', now: NOW }, (p) => blueskyPostUrl({ postId: p.postId }));
		expect(posts.length).toBeGreaterThan(1);
		expect(posts[0].url).toMatch(new RegExp(`^https://bsky.app/profile/${brand.id}/post/`));
		const before = calls();
		const mentions = await commentsOnPosts(reader(), posts);
		expect(calls() - before).toBe(posts.filter((p) => (p.comments ?? 0) > 0).length);
		const expected = posts.flatMap((p) => truth.repliesTo(truth.findPost(p.postId)!).map((c) => truth.replyUri(c)));
		expect(mentions.map((m) => m.id).sort()).toEqual(expected.sort());
		const times = mentions.map((m) => Date.parse(m.createdAt));
		expect([...times].sort((a, b) => a - b)).toEqual(times);
	});

	it('skips a deleted post (NotFound), reports RateLimitExceeded after retries, and sees an inserted reply', async () => {
		const gone = `at://${brand.id}/app.bsky.feed.post/3zzzzzzzzzzzz`;
		expect(await reader().commentsOf(watched(gone))).toEqual([]);
		expect(logs.some((l) => l.includes('NotFound'))).toBe(true);
		const post = truth.posts(brand.id)[0];
		sandbox.setFaults([{ route: '/xrpc/app.bsky.feed.getPostThread', kind: 'quota', count: 10 }]);
		const limited = (await reader().commentsOf(watched(post.uri)).catch((e) => e)) as PlatformError;
		expect([limited.code, limited.httpStatus]).toEqual(['RateLimitExceeded', 429]);
		sandbox.clearFaults();
		const res = (await (await fetch(`${sandbox.url}/__sandbox/bluesky/comments`, { method: 'POST', body: JSON.stringify({ uri: post.uri, text: '杯子漏了 the lid leaks' }) })).json()) as { uri: string };
		const mentions = await reader().commentsOf(watched(post.uri));
		expect(mentions.filter((m) => m.id === res.uri).map((m) => m.text)).toEqual(['杯子漏了 the lid leaks']);
	});
});
