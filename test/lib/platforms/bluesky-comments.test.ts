import { BlueskyDataset, SANDBOX_BLUESKY_ACCOUNTS } from '../../../sandbox/platforms/bluesky';
import { PlatformError } from '../../../lib/errors';
import { MentionSchema } from '../../../lib/model';
import { BlueskyMetricsAdapter } from '../../../lib/platforms/bluesky';
import { BlueskyComments, blueskyPostUrl } from '../../../lib/platforms/bluesky-comments';
import { commentsOnPosts } from '../../../lib/polling/comment-source';
import { listRecentPosts, type WatchedPost } from '../../../lib/polling/watched-posts';
import { commentSandbox, NOW } from './comment-support';

const SEED = 37;
const { sandbox, ctx, logs, requests, insert } = commentSandbox(SEED);
const [brand] = SANDBOX_BLUESKY_ACCOUNTS;
const truth = new BlueskyDataset(SEED, () => NOW);

const reader = () => new BlueskyComments({ baseUrl: sandbox.url }, ctx());
const watched = (uri: string): WatchedPost => ({ platform: 'bluesky', accountId: brand.id, postId: uri, title: 'Post' });
const calls = () => requests('/xrpc/app.bsky.feed.getPostThread');

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
		const res = await insert<{ uri: string }>('bluesky/comments', { uri: post.uri, text: '杯子漏了 the lid leaks' });
		const mentions = await reader().commentsOf(watched(post.uri));
		expect(mentions.filter((m) => m.id === res.uri).map((m) => m.text)).toEqual(['杯子漏了 the lid leaks']);
	});
});
