import { isPlatformError } from '../errors';
import type { Mention, Platform } from '../model';
import type { WatchedPost } from './watched-posts';

/**
 * What a platform's comment reader offers a polling trigger: the comments (replies) on one watched post, as
 * Mention items. Each platform implements it in `lib/platforms/<platform>-comments.ts` on its real endpoint.
 */
export interface CommentSource {
	readonly platform: Platform;
	commentsOf(post: WatchedPost): Promise<Mention[]>;
}

export interface CommentPollOptions {
	/**
	 * Skip posts whose listed comment counter is 0 (default true): on quota-bound platforms (Weibo's hourly
	 * budget, YouTube units) a poll then spends one call per post that has comments, not per post.
	 */
	skipPostsWithoutComments?: boolean;
}

/** Comments on all the watched posts, oldest first across posts (so a workflow sees them in the order written). */
export async function commentsOnPosts(source: CommentSource, posts: readonly WatchedPost[], options: CommentPollOptions = {}): Promise<Mention[]> {
	const skip = options.skipPostsWithoutComments ?? true;
	const out: Mention[] = [];
	for (const post of posts) {
		if (skip && post.comments === 0) continue;
		out.push(...(await source.commentsOf(post)));
	}
	return sortOldestFirst(out);
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
 */
export async function unlessPostGone<T>(
	post: Pick<WatchedPost, 'postId'>,
	gone: { codes: ReadonlySet<string>; what: string; log?: (message: string) => void },
	read: () => Promise<T>,
): Promise<T | undefined> {
	try {
		return await read();
	} catch (error) {
		if (!isPlatformError(error) || !gone.codes.has(error.code)) throw error;
		gone.log?.(`${error.platform}: ${gone.what} ${post.postId} is gone or closed to comments, skipped ([${error.code}] ${error.message})`);
		return undefined;
	}
}

export function sortOldestFirst(mentions: Mention[]): Mention[] {
	return mentions.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id));
}
