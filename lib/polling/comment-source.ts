import { isPlatformError, PlatformError } from '../errors';
import type { Mention, Platform } from '../model';
import type { WatchedPost } from './watched-posts';

/**
 * What a platform's comment reader offers a polling trigger: the comments (replies) on one watched post, as
 * Mention items. Each platform implements it in `lib/platforms/<platform>-comments.ts` on its real endpoint.
 */
export interface CommentSource {
	readonly platform: Platform;
	/** `gone` collects the post when the platform answers that it is gone (pass it on to unlessPostGone). */
	commentsOf(post: WatchedPost, gone?: GonePosts): Promise<Mention[]>;
}

export interface CommentPollOptions {
	/**
	 * Skip posts whose listed comment counter is 0 (default true): on quota-bound platforms (Weibo's hourly
	 * budget, YouTube units) a poll then spends one call per post that has comments, not per post.
	 */
	skipPostsWithoutComments?: boolean;
}

/**
 * Comments on all the watched posts, oldest first across posts (so a workflow sees them in the order written).
 * Fails when 2 or more posts were read and every one was gone (see GonePosts.failIfAllGone).
 */
export async function commentsOnPosts(source: CommentSource, posts: readonly WatchedPost[], options: CommentPollOptions = {}): Promise<Mention[]> {
	const skip = options.skipPostsWithoutComments ?? true;
	const out: Mention[] = [];
	const gone = new GonePosts();
	let read = 0;
	for (const post of posts) {
		if (skip && post.comments === 0) continue;
		read++;
		out.push(...(await source.commentsOf(post, gone)));
	}
	gone.failIfAllGone(source.platform, posts[0]?.accountId ?? '', read);
	return sortOldestFirst(out);
}

/**
 * The posts of one poll that unlessPostGone skipped, with the code each answered. One post gone among several is
 * routine (deleted between two polls); every post of a poll gone is not: a wrong id mapping (e.g. datacube msgid →
 * article) or a token that may not read comments makes every post answer the platform's "not found" code, and the
 * trigger would then emit nothing but log lines, poll after poll.
 */
export class GonePosts {
	private readonly codes = new Map<string, string>();

	add(postId: string, code: string): void {
		this.codes.set(postId, code);
	}

	get size(): number {
		return this.codes.size;
	}

	/** Throws a PlatformError (code ALL_POSTS_GONE) when `read` ≥ 2 posts were read and every one of them was gone. */
	failIfAllGone(platform: string, accountId: string, read: number): void {
		if (read < 2 || this.codes.size < read) return;
		const seen = [...new Set(this.codes.values())].join(', ');
		throw new PlatformError({
			platform,
			code: 'ALL_POSTS_GONE',
			message:
				`all ${read} posts read for account ${accountId} answered that they are gone (${seen}); ` +
				'this usually means wrong post ids (e.g. a wrong id mapping) or a permission problem of the account or token, not that every post was deleted',
		});
	}
}

/**
 * One read of a watched post, or undefined when the platform answers that the post can no longer be read:
 * deleted since the poll listed it, or closed to comments. `gone.codes` are the platform's codes for that (its
 * PlatformError code). Such a post is logged and skipped so the poll goes on with the others, as a post deleted
 * between two polls is routine; any other error still fails the poll.
 * Every comment reader of the MediaOps Trigger goes through here, each with the codes its platform has:
 * Weibo 20101, Mastodon 404, Bluesky NotFound, YouTube videoNotFound and commentsDisabled, Douyin 2111007 and WeChat
 * 88001.
 * The last two are ASSUMPTIONS: neither platform documents which code a deleted item answers, so each uses the
 * code its docs give for a video or article that cannot be found (see douyin-comments.ts, wechat-oa-comments.ts).
 * X's mentions are not read per post, so no post of it can be gone.
 * `gone.tally` collects the skipped post, so that a poll where every post is gone fails (GonePosts.failIfAllGone);
 * `gone.closed` are codes for a post closed to comments, skipped the same way but not collected.
 */
export async function unlessPostGone<T>(
	post: Pick<WatchedPost, 'postId'>,
	gone: { codes: ReadonlySet<string>; closed?: ReadonlySet<string>; what: string; log?: (message: string) => void; tally?: GonePosts },
	read: () => Promise<T>,
): Promise<T | undefined> {
	try {
		return await read();
	} catch (error) {
		if (!isPlatformError(error) || !(gone.codes.has(error.code) || gone.closed?.has(error.code))) throw error;
		// A post closed to comments (YouTube made-for-kids) is the channel's choice, not a sign of wrong ids: it
		// is skipped but not tallied, so a channel whose every video has comments off still polls quietly.
		if (gone.codes.has(error.code)) gone.tally?.add(post.postId, error.code);
		gone.log?.(`${error.platform}: ${gone.what} ${post.postId} is gone or closed to comments, skipped ([${error.code}] ${error.message})`);
		return undefined;
	}
}

export function sortOldestFirst(mentions: Mention[]): Mention[] {
	return mentions.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id));
}
