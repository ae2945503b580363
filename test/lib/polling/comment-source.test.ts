import { PlatformError } from '../../../lib/errors';
import type { Mention } from '../../../lib/model';
import { commentsOnPosts, GonePosts, unlessPostGone, type CommentSource } from '../../../lib/polling/comment-source';
import type { WatchedPost } from '../../../lib/polling/watched-posts';

const post = { postId: 'p1' };
const gone = (log: string[]) => ({ codes: new Set(['2111007']), what: 'video', log: (m: string) => log.push(m) });
const failing = (code: string | number) => () => Promise.reject(new PlatformError({ platform: 'douyin', code, message: 'nope' }));

describe('unlessPostGone', () => {
	it('passes a read through', async () => {
		expect(await unlessPostGone(post, gone([]), async () => 'ok')).toBe('ok');
	});

	it('turns one of the platform’s gone codes into undefined and logs the post, whatever the code’s type', async () => {
		const log: string[] = [];
		expect(await unlessPostGone(post, gone(log), failing(2111007))).toBeUndefined();
		expect(log).toEqual(['douyin: video p1 is gone or closed to comments, skipped ([2111007] nope)']);
	});

	it('rethrows any other platform code and any other error', async () => {
		const log: string[] = [];
		await expect(unlessPostGone(post, gone(log), failing(2100005))).rejects.toMatchObject({ code: '2100005' });
		await expect(unlessPostGone(post, gone(log), () => Promise.reject(new Error('2111007')))).rejects.toThrow('2111007');
		expect(log).toEqual([]);
	});
});

describe('commentsOnPosts: every post of a poll gone', () => {
	const watched = (postId: string): WatchedPost => ({ platform: 'douyin', accountId: 'brand-1', postId, comments: 3 });
	const comment = (post: WatchedPost): Mention => ({ platform: 'douyin', id: `${post.postId}:c1`, kind: 'comment', accountId: post.accountId, postId: post.postId, author: { id: 'u1' }, text: 'hi', createdAt: '2026-03-01T00:00:00Z' });
	/** A Douyin-like reader on which the posts in `goneIds` answer 2111007. */
	const source = (goneIds: string[], log: string[] = []): CommentSource => ({
		platform: 'douyin',
		commentsOf: async (post, gone) =>
			(await unlessPostGone(post, { codes: new Set(['2111007']), what: 'video', log: (m) => log.push(m), tally: gone }, async () => {
				if (goneIds.includes(post.postId)) throw new PlatformError({ platform: 'douyin', code: 2111007, message: 'video not found' });
				return [comment(post)];
			})) ?? [],
	});

	it('fails the poll when 2 or more posts were read and every one was gone, naming platform, account, count and codes', async () => {
		const error = (await commentsOnPosts(source(['v1', 'v2', 'v3']), ['v1', 'v2', 'v3'].map(watched)).catch((e) => e)) as PlatformError;
		expect(error).toBeInstanceOf(PlatformError);
		expect(error).toMatchObject({ platform: 'douyin', code: 'ALL_POSTS_GONE', retryable: false });
		expect(error.message).toContain('brand-1');
		expect(error.message).toContain('all 3 posts');
		expect(error.message).toContain('2111007');
		expect(error.message).toMatch(/wrong .*ids.*permission/);
	});

	it('keeps one gone post out of several, and a single watched post gone, a skip', async () => {
		const log: string[] = [];
		expect((await commentsOnPosts(source(['v2'], log), ['v1', 'v2', 'v3'].map(watched))).map((m) => m.postId)).toEqual(['v1', 'v3']);
		expect(log).toHaveLength(1);
		expect(await commentsOnPosts(source(['v1']), [watched('v1')])).toEqual([]);
	});

	it('counts only the posts read: posts skipped for having no comments are not', async () => {
		const posts = [watched('v1'), { ...watched('v2'), comments: 0 }];
		expect(await commentsOnPosts(source(['v1', 'v2']), posts)).toEqual([]);
	});
});

describe('unlessPostGone: posts closed to comments', () => {
	it('skips them without counting them as gone, so a channel with comments off everywhere keeps polling', async () => {
		const log: string[] = [];
		const tally = new GonePosts();
		const closed = { codes: new Set(['videoNotFound']), closed: new Set(['commentsDisabled']), what: 'video', log: (m: string) => log.push(m), tally };
		const disabled = () => Promise.reject(new PlatformError({ platform: 'youtube', code: 'commentsDisabled', message: 'comments are turned off' }));
		expect(await unlessPostGone({ postId: 'a' }, closed, disabled)).toBeUndefined();
		expect(await unlessPostGone({ postId: 'b' }, closed, disabled)).toBeUndefined();
		expect(log).toHaveLength(2);
		expect(tally.size).toBe(0);
		expect(() => tally.failIfAllGone('youtube', 'channel', 2)).not.toThrow();
	});
});

describe('GonePosts', () => {
	it('lists each code seen once', () => {
		const gone = new GonePosts();
		gone.add('a', '404');
		gone.add('b', 'NotFound');
		gone.add('c', '404');
		expect(() => gone.failIfAllGone('mastodon', 'brand', 3)).toThrow(/all 3 posts .*\(404, NotFound\)/);
		expect(() => gone.failIfAllGone('mastodon', 'brand', 4)).not.toThrow();
	});
});
