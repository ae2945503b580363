import { DouyinDataset, SANDBOX_DOUYIN_ACCOUNTS, SANDBOX_DOUYIN_CLIENT } from '../../../sandbox/platforms/douyin';
import { PlatformError } from '../../../lib/errors';
import { MentionSchema } from '../../../lib/model';
import { DouyinMetricsAdapter } from '../../../lib/platforms/douyin';
import { DouyinComments } from '../../../lib/platforms/douyin-comments';
import { commentsOnPosts } from '../../../lib/polling/comment-source';
import { listRecentPosts, type WatchedPost } from '../../../lib/polling/watched-posts';
import { commentSandbox, NOW } from './comment-support';

const SEED = 47;
const { sandbox, ctx, requests, insert, logs } = commentSandbox(SEED);
const [brand] = SANDBOX_DOUYIN_ACCOUNTS;
const TOKEN = `act.sandbox-${brand.handle}-token`;
const truth = new DouyinDataset(SEED, () => NOW);

const account = { clientKey: SANDBOX_DOUYIN_CLIENT.clientKey, clientSecret: SANDBOX_DOUYIN_CLIENT.clientSecret, accessToken: TOKEN, openId: brand.openId };
const reader = (options: Partial<typeof account> & { refreshToken?: string; maxPages?: number } = {}) => new DouyinComments({ ...account, baseUrl: sandbox.url, ...options }, ctx());
const watched = (itemId: string): WatchedPost => ({ platform: 'douyin', accountId: brand.openId, postId: itemId, title: 'Video' });
const calls = () => requests('/item/comment/list/');
const busiest = truth.videos(brand.openId).slice(0, 30).sort((a, b) => truth.comments.of(b).length - truth.comments.of(a).length)[0];

describe('Douyin comments (item/comment/list)', () => {
	it('reads a video’s comments newest first, 20 a cursor page, as Mentions in China time', async () => {
		const expected = [...truth.comments.of(busiest)].reverse();
		expect(expected.length).toBeGreaterThan(20);
		const before = calls();
		const mentions = await reader({ maxPages: 100 }).commentsOf(watched(truth.itemId(busiest)));
		expect(mentions.map((m) => m.id)).toEqual(expected.map((c) => truth.commentId(c)));
		expect(calls() - before).toBe(Math.ceil(expected.length / 20));
		const [first] = mentions;
		expect(MentionSchema.parse(first)).toEqual(first);
		expect(first).toMatchObject({ platform: 'douyin', kind: 'comment', accountId: brand.openId, postId: truth.itemId(busiest), text: expected[0].text, likes: expected[0].likes, replies: expected[0].replies, author: { id: truth.commenterOpenId(expected[0]) } });
		expect(first.createdAt).toMatch(/\+08:00$/);
		expect(Date.parse(first.createdAt)).toBe(expected[0].createdAtMs);
	});

	it('reads comments of the recent videos that have some, oldest first', async () => {
		const posts = await listRecentPosts(new DouyinMetricsAdapter({ ...account, baseUrl: sandbox.url, dailyItemData: false }, ctx()), { days: 10, maxPosts: 6, timezone: 'Asia/Shanghai', now: NOW });
		expect(posts.length).toBeGreaterThan(1);
		const before = calls();
		const mentions = await commentsOnPosts(reader(), posts);
		expect(calls() - before).toBeGreaterThanOrEqual(posts.filter((p) => (p.comments ?? 0) > 0).length);
		// At most 5 pages of 20 a video by default: the newest 100 of each.
		const expected = posts.flatMap((p) => [...truth.comments.of(truth.find(brand.openId, p.postId)!)].reverse().slice(0, 100).map((c) => truth.commentId(c)));
		expect(posts.some((p) => (p.comments ?? 0) > 100)).toBe(true);
		expect(mentions.map((m) => m.id).sort()).toEqual(expected.sort());
		const times = mentions.map((m) => Date.parse(m.createdAt));
		expect([...times].sort((a, b) => a - b)).toEqual(times);
	});

	it('refreshes an expired token once; reports an invalid one with Douyin’s code, never the token', async () => {
		sandbox.setFaults([{ route: '/item/comment/list/', kind: 'expiredToken', count: 1 }]);
		const refreshed = await reader({ refreshToken: brand.refreshToken }).commentsOf(watched(truth.itemId(busiest)));
		expect(refreshed.length).toBeGreaterThan(0);
		const wrong = 'act.wrong-token-0123456789';
		const bad = (await reader({ accessToken: wrong }).commentsOf(watched(truth.itemId(busiest))).catch((e) => e)) as PlatformError;
		expect(bad.code).toBe('2190002');
		expect(bad.describe()).not.toContain(wrong);
	});

	it('sees a comment inserted through the control route, first', async () => {
		const video = truth.videos(brand.openId)[0];
		const inserted = await insert<{ comment_id: string }>('douyin/comments', { itemId: truth.itemId(video), text: '发货太慢了，等了一周' });
		const mentions = await reader().commentsOf(watched(truth.itemId(video)));
		expect(mentions[0]).toMatchObject({ id: inserted.comment_id, text: '发货太慢了，等了一周' });
	});

	// Last: the deletion stays in the sandbox for the rest of the file.
	it('a video deleted between the listing and its comments (2111007) is skipped and logged; the others are still read; other errors fail', async () => {
		const posts = await listRecentPosts(new DouyinMetricsAdapter({ ...account, baseUrl: sandbox.url, dailyItemData: false }, ctx()), { days: 10, maxPosts: 6, timezone: 'Asia/Shanghai', now: NOW });
		const withComments = posts.filter((p) => (p.comments ?? 0) > 0);
		expect(withComments.length).toBeGreaterThan(1);
		const gone = withComments[withComments.length - 1];
		const kept = posts.filter((p) => p.postId !== gone.postId);
		const before = await commentsOnPosts(reader(), posts);
		expect(before.some((m) => m.postId === gone.postId)).toBe(true);
		expect(await insert('douyin/deleted', { itemId: gone.postId, listed: true })).toMatchObject({ deleted: true, listed: true });
		const mentions = await commentsOnPosts(reader(), posts);
		expect(mentions.map((m) => m.id)).toEqual(before.filter((m) => m.postId !== gone.postId).map((m) => m.id));
		expect(logs.filter((l) => l.includes(gone.postId))).toEqual([`douyin: video ${gone.postId} is gone or closed to comments, skipped ([2111007] 获取视频失败)`]);
		// A malformed call (2100005) or a spent quota still fails the poll.
		expect(((await reader().commentsOf(watched('@9VwUnknownItem')).catch((e) => e)) as PlatformError).code).toBe('2100005');
		sandbox.setFaults([{ route: '/item/comment/list/', kind: 'quota' }]);
		expect(((await commentsOnPosts(reader(), kept).catch((e) => e)) as PlatformError).code).toBe('2190001');
	});
});
