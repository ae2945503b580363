import { SANDBOX_WEIBO_ACCOUNTS, SANDBOX_WEIBO_TOKENS, WeiboDataset } from '../../../sandbox/platforms/weibo';
import { PlatformError } from '../../../lib/errors';
import { MentionSchema } from '../../../lib/model';
import { WeiboMetricsAdapter } from '../../../lib/platforms/weibo';
import { WeiboComments, weiboPostUrl } from '../../../lib/platforms/weibo-comments';
import { commentsOnPosts } from '../../../lib/polling/comment-source';
import { listRecentPosts, type WatchedPost } from '../../../lib/polling/watched-posts';
import { commentSandbox, NOW } from './comment-support';

const SEED = 23;
const { sandbox, ctx, logs, requests, insert } = commentSandbox(SEED);
const [brand] = SANDBOX_WEIBO_ACCOUNTS;
const token = Object.keys(SANDBOX_WEIBO_TOKENS).find((t) => SANDBOX_WEIBO_TOKENS[t] === brand.id)!;
const truth = new WeiboDataset(SEED, () => NOW);

const comments = (options: { pageSize?: number; maxPages?: number; accessToken?: string } = {}) => new WeiboComments({ accessToken: token, baseUrl: sandbox.url, ...options }, ctx());
const calls = () => requests('/2/comments/show.json');
const watched = (statusId: string): WatchedPost => ({ platform: 'weibo', accountId: brand.id, postId: statusId, title: 'T', url: weiboPostUrl({ accountId: brand.id, postId: statusId }) });
/** The brand's post with the most comments now. */
const busiest = truth.statuses(brand.id).slice(0, 60).sort((a, b) => truth.commentsOf(b).length - truth.commentsOf(a).length)[0];

describe('Weibo comments (comments/show.json)', () => {
	it('reads every comment of a post once, paging by `page` under a pinned max_id, with Weibo’s own fields', async () => {
		const expected = truth.commentsOf(busiest);
		expect(expected.length).toBeGreaterThan(10);
		const before = calls();
		const mentions = await comments({ pageSize: 7, maxPages: 50 }).commentsOf(watched(truth.statusId(busiest)));
		expect(mentions.map((m) => m.id)).toEqual(expected.map((c) => truth.commentId(c)));
		expect(calls() - before).toBe(Math.ceil(expected.length / 7));
		const first = mentions[0];
		expect(MentionSchema.parse(first)).toEqual(first);
		expect(first).toMatchObject({ platform: 'weibo', kind: 'comment', accountId: brand.id, postId: truth.statusId(busiest), postTitle: 'T', text: expected[0].text, author: { id: expected[0].author.id, name: expected[0].author.name, followers: expected[0].author.followers } });
		expect(first.url).toBe(`https://weibo.com/${brand.id}/${truth.statusId(busiest)}`);
		// China time, with its offset, for the same instant.
		expect(first.createdAt).toMatch(/\+08:00$/);
		expect(Date.parse(first.createdAt)).toBe(expected[0].createdAtMs);
	});

	it('stops at maxPages and keeps the newest comments', async () => {
		const expected = truth.commentsOf(busiest);
		const mentions = await comments({ pageSize: 5, maxPages: 2 }).commentsOf(watched(truth.statusId(busiest)));
		expect(mentions.map((m) => m.id)).toEqual(expected.slice(0, 10).map((c) => truth.commentId(c)));
	});

	it('skips posts whose comment counter is 0 and sorts comments oldest first across posts', async () => {
		const posts = await listRecentPosts(new WeiboMetricsAdapter({ accessToken: token, baseUrl: sandbox.url, account: brand.id }, ctx()), { days: 5, maxPosts: 8, timezone: 'Asia/Shanghai', now: NOW }, weiboPostUrl);
		expect(posts.length).toBeGreaterThan(1);
		const withComments = posts.filter((p) => (p.comments ?? 0) > 0);
		const before = calls();
		const mentions = await commentsOnPosts(comments(), posts);
		expect(calls() - before).toBe(withComments.length);
		const expectedIds = posts.flatMap((p) => truth.commentsOf(truth.find(p.postId)!).map((c) => truth.commentId(c)));
		expect(mentions.map((m) => m.id).sort()).toEqual(expectedIds.sort());
		const times = mentions.map((m) => Date.parse(m.createdAt));
		expect([...times].sort((a, b) => a - b)).toEqual(times);
	});

	it('skips a status that does not exist (20101) and says so; reports an expired token, never the token; retries a 503', async () => {
		// A status deleted since the poll listed it: skipped and logged, as YouTube, Mastodon and Bluesky do, not a failed poll.
		expect(await comments().commentsOf(watched('4900000000000001'))).toEqual([]);
		expect(logs.filter((l) => l.includes('4900000000000001'))).toEqual(['weibo: status 4900000000000001 is gone or closed to comments, skipped ([20101] target weibo does not exist!)']);
		sandbox.setFaults([{ route: '/2/comments/show.json', kind: 'expiredToken' }]);
		const expired = (await comments().commentsOf(watched(truth.statusId(busiest))).catch((e) => e)) as PlatformError;
		expect(expired.code).toBe('21327');
		expect(expired.describe()).not.toContain(token);
		sandbox.setFaults([{ route: '/2/comments/show.json', kind: 'http503', count: 1 }]);
		expect((await comments().commentsOf(watched(truth.statusId(busiest)))).length).toBe(truth.commentsOf(busiest).length);
	});

	it('a post deleted between the listing and its comments is skipped; the other posts’ comments are still read', async () => {
		const posts = await listRecentPosts(new WeiboMetricsAdapter({ accessToken: token, baseUrl: sandbox.url, account: brand.id }, ctx()), { days: 5, maxPosts: 8, timezone: 'Asia/Shanghai', now: NOW }, weiboPostUrl);
		const withComments = posts.filter((p) => (p.comments ?? 0) > 0);
		expect(withComments.length).toBeGreaterThan(1);
		// The oldest: the newest post is the one the next test comments on.
		const gone = withComments[withComments.length - 1];
		const kept = withComments.slice(0, -1);
		expect(await insert('weibo/deleted', { id: gone.postId, listed: true })).toMatchObject({ deleted: true });
		const mentions = await commentsOnPosts(comments(), posts);
		const expectedIds = kept.flatMap((p) => truth.commentsOf(truth.find(p.postId)!).map((c) => truth.commentId(c)));
		expect(mentions.map((m) => m.id).sort()).toEqual(expectedIds.sort());
		expect(mentions.some((m) => m.postId === gone.postId)).toBe(false);
		expect(logs.some((l) => l.includes(`status ${gone.postId} is gone`) && l.includes('20101'))).toBe(true);
		// Any other error still fails the poll.
		sandbox.setFaults([{ route: '/2/comments/show.json', kind: 'quota' }]);
		expect(((await commentsOnPosts(comments(), posts).catch((e) => e)) as PlatformError).code).toBe('10023');
	});

	it('sees a comment inserted through the control route once it is written', async () => {
		const post = truth.statuses(brand.id)[0];
		const before = await comments().commentsOf(watched(truth.statusId(post)));
		const inserted = await insert<{ idstr: string }>('weibo/comments', { id: truth.statusId(post), text: '新评论：杯子漏了' });
		const after = await comments().commentsOf(watched(truth.statusId(post)));
		expect(after.length).toBe(before.length + 1);
		expect(after[0]).toMatchObject({ id: inserted.idstr, text: '新评论：杯子漏了' });
	});
});
