import type { Mention } from '../model';
import { unlessPostGone, type CommentSource, type GonePosts } from '../polling/comment-source';
import type { WatchedPost } from '../polling/watched-posts';
import { BLUESKY_DEFAULT_BASE_URL, readBlueskyError } from './bluesky';
import { JsonApi, isoUtc, toCount, type JsonBody } from './http-json';
import type { PlatformContext } from './types';

/**
 * Bluesky replies as Mention items, from the public AppView's `app.bsky.feed.getPostThread?uri=&depth=&parentHeight=0`
 * (no login; any public account). The thread's `replies` are walked to `depth` levels (default 6, the API's default;
 * at most 1000); entries that are not posts (`#notFoundPost`, `#blockedPost`) and the account's own replies are left
 * out. A post deleted since it was listed answers 400 `NotFound`: it is skipped and logged.
 */
export const BLUESKY_MAX_THREAD_DEPTH = 1000;
/** A post deleted since it was listed: 400 `NotFound`. */
const BLUESKY_GONE = new Set(['NotFound']);

export interface BlueskyCommentsOptions {
	baseUrl?: string;
	depth?: number;
}

export class BlueskyComments implements CommentSource {
	readonly platform = 'bluesky' as const;
	private readonly api: JsonApi;

	constructor(
		private readonly options: BlueskyCommentsOptions,
		private readonly ctx: PlatformContext,
	) {
		this.api = new JsonApi({ platform: 'bluesky', baseUrl: options.baseUrl || BLUESKY_DEFAULT_BASE_URL, ctx, readError: readBlueskyError });
	}

	async commentsOf(post: WatchedPost, gone?: GonePosts): Promise<Mention[]> {
		const depth = Math.min(BLUESKY_MAX_THREAD_DEPTH, Math.max(1, this.options.depth ?? 6));
		const goneRead = { codes: BLUESKY_GONE, what: 'post', log: this.ctx.log, tally: gone };
		const body = await unlessPostGone(post, goneRead, () => this.api.get('/xrpc/app.bsky.feed.getPostThread', { uri: post.postId, depth, parentHeight: 0 }, 'app.bsky.feed.getPostThread'));
		if (!body) return [];
		const out: Mention[] = [];
		const walk = (node: JsonBody): void => {
			for (const reply of Array.isArray(node.replies) ? (node.replies as JsonBody[]) : []) {
				if (reply.$type !== undefined && reply.$type !== 'app.bsky.feed.defs#threadViewPost') continue;
				const mention = blueskyReplyToMention((reply.post ?? {}) as JsonBody, post);
				if (mention) out.push(mention);
				walk(reply);
			}
		};
		walk((body.thread ?? {}) as JsonBody);
		return out;
	}
}

/** One reply PostView as a Mention; undefined for the account's own replies and entries without uri, time or text. */
export function blueskyReplyToMention(view: JsonBody, post: WatchedPost): Mention | undefined {
	const author = (view.author ?? {}) as JsonBody;
	const record = (view.record ?? {}) as JsonBody;
	const created = typeof record.createdAt === 'string' ? Date.parse(record.createdAt) : NaN;
	if (typeof view.uri !== 'string' || typeof record.text !== 'string' || Number.isNaN(created)) return undefined;
	if (author.did === post.accountId) return undefined;
	const parent = ((record.reply ?? {}) as JsonBody).parent as JsonBody | undefined;
	const mention: Mention = {
		platform: 'bluesky',
		id: view.uri,
		kind: !parent || parent.uri === post.postId ? 'comment' : 'reply',
		accountId: post.accountId,
		postId: post.postId,
		author: { id: String(author.did ?? ''), ...(typeof author.handle === 'string' ? { name: `@${author.handle}` } : {}) },
		text: record.text,
		createdAt: isoUtc(created),
	};
	if (post.title) mention.postTitle = post.title;
	const url = blueskyPostUrl({ postId: view.uri, handle: typeof author.handle === 'string' ? author.handle : undefined });
	if (url) mention.url = url;
	const likes = toCount(view.likeCount);
	const replies = toCount(view.replyCount);
	if (likes !== undefined) mention.likes = likes;
	if (replies !== undefined) mention.replies = replies;
	return mention;
}

/** at://<did>/app.bsky.feed.post/<rkey> → https://bsky.app/profile/<handle or did>/post/<rkey>. */
export function blueskyPostUrl(post: { postId: string; handle?: string }): string | undefined {
	const m = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/]+)$/.exec(post.postId);
	return m ? `https://bsky.app/profile/${post.handle ?? m[1]}/post/${m[2]}` : undefined;
}
