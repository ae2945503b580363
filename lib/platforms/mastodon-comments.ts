import { InputError } from '../errors';
import type { Mention } from '../model';
import { unlessPostGone, type CommentSource, type GonePosts } from '../polling/comment-source';
import type { WatchedPost } from '../polling/watched-posts';
import { isoUtc, toCount, type JsonApi, type JsonBody } from './http-json';
import { mastodonApi, stripHtml } from './mastodon';
import type { PlatformContext } from './types';

/** A status deleted since it was listed: 404 "Record not found". */
const MASTODON_GONE = new Set(['404']);

/**
 * Mastodon replies as Mention items, from `GET /api/v1/statuses/:id/context` (docs.joinmastodon.org, statuses):
 * `descendants` are the replies to a status, the whole thread below it in thread order.
 * - The account's own replies in the thread are left out (they are the brand answering, not a mention).
 * - Without a token an instance returns at most 60 descendants (40 ancestors, depth 20) since Mastodon 4.0; with the
 *   credential's token the limit is 4,096. One call per watched status with replies; the shared 300-per-5-minutes
 *   limit is respected through the X-RateLimit headers.
 * - A status deleted since it was listed answers 404 "Record not found": it is skipped and logged.
 */

export interface MastodonCommentsOptions {
	instanceUrl: string;
	accessToken?: string;
}

export class MastodonComments implements CommentSource {
	readonly platform = 'mastodon' as const;
	private readonly api: JsonApi;

	constructor(
		options: MastodonCommentsOptions,
		private readonly ctx: PlatformContext,
	) {
		if (!options.instanceUrl) throw new InputError('Mastodon needs the instance URL', 'instanceUrl');
		this.api = mastodonApi(options, ctx);
	}

	async commentsOf(post: WatchedPost, gone?: GonePosts): Promise<Mention[]> {
		const goneRead = { codes: MASTODON_GONE, what: 'status', log: this.ctx.log, tally: gone };
		const body = await unlessPostGone(post, goneRead, () => this.api.get(`/api/v1/statuses/${encodeURIComponent(post.postId)}/context`, {}, 'api/v1/statuses/:id/context'));
		if (!body) return [];
		const out: Mention[] = [];
		for (const status of Array.isArray(body.descendants) ? (body.descendants as JsonBody[]) : []) {
			const mention = mastodonReplyToMention(status, post);
			if (mention) out.push(mention);
		}
		return out;
	}
}

/** One descendant as a Mention; undefined for the account's own replies and for entries without id, time or text. */
export function mastodonReplyToMention(status: JsonBody, post: WatchedPost): Mention | undefined {
	const account = (status.account ?? {}) as JsonBody;
	const created = typeof status.created_at === 'string' ? Date.parse(status.created_at) : NaN;
	if (status.id === undefined || typeof status.content !== 'string' || Number.isNaN(created)) return undefined;
	if (String(account.id) === post.accountId) return undefined;
	const followers = toCount(account.followers_count);
	const mention: Mention = {
		platform: 'mastodon',
		id: String(status.id),
		kind: String(status.in_reply_to_id) === post.postId ? 'comment' : 'reply',
		accountId: post.accountId,
		postId: post.postId,
		author: {
			id: String(account.id ?? ''),
			...(typeof account.acct === 'string' ? { name: `@${account.acct}` } : {}),
			...(followers !== undefined ? { followers } : {}),
		},
		text: stripHtml(status.content),
		createdAt: isoUtc(created),
	};
	if (post.title) mention.postTitle = post.title;
	if (typeof status.url === 'string') mention.url = status.url;
	const likes = toCount(status.favourites_count);
	const replies = toCount(status.replies_count);
	if (likes !== undefined) mention.likes = likes;
	if (replies !== undefined) mention.replies = replies;
	return mention;
}
