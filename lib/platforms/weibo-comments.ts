import { DateTime } from 'luxon';
import { InputError } from '../errors';
import type { Mention } from '../model';
import { unlessPostGone, type CommentSource, type GonePosts } from '../polling/comment-source';
import type { WatchedPost } from '../polling/watched-posts';
import { JsonApi, toCount, type JsonBody } from './http-json';
import type { PlatformContext } from './types';
import { WEIBO_DEFAULT_BASE_URL, WEIBO_TIMEZONE, parseWeiboTime, readWeiboError } from './weibo';

/**
 * Weibo comments (评论) as Mention items, from `GET 2/comments/show.json?id=&count=&page=&max_id=` (open API v2,
 * PLATFORMS.md §3.2; open.weibo.com/wiki/2/comments/show) with the same OAuth2 access token as the metrics.
 * - Newest first, `count` up to 200 (the documented maximum; default 50), paged with `page`; `max_id` pins the
 *   first page's newest comment so comments written while we page do not shift the pages.
 * - Every call spends the per-user hourly quota (10022/10023/10024, not retried), so a post is read only while it
 *   has comments (see commentsOnPosts) and at most `maxPages` pages a post (default 3 = 600 newest comments).
 * - `created_at` is Weibo's "Wed Mar 11 10:00:00 +0800 2026": createdAt keeps the +08:00 offset.
 * - A status deleted since it was listed answers 20101 "target weibo does not exist": it is skipped and logged,
 *   the other posts are still read. Other errors `{error, error_code}` (21327 expired token, 10023 rate limit ...)
 *   fail the poll.
 */
export const WEIBO_COMMENTS_MAX_COUNT = 200;
const WEIBO_GONE = new Set(['20101']);

export interface WeiboCommentsOptions {
	accessToken: string;
	baseUrl?: string;
	/** Comments per call, 1..200 (default 200). */
	pageSize?: number;
	/** Pages per post (default 3). */
	maxPages?: number;
}

export class WeiboComments implements CommentSource {
	readonly platform = 'weibo' as const;
	private readonly api: JsonApi;
	private readonly pageSize: number;

	constructor(
		private readonly options: WeiboCommentsOptions,
		private readonly ctx: PlatformContext,
	) {
		if (!options.accessToken) throw new InputError('Weibo needs an access token in the credential', 'accessToken');
		this.pageSize = options.pageSize ?? WEIBO_COMMENTS_MAX_COUNT;
		if (!Number.isInteger(this.pageSize) || this.pageSize < 1 || this.pageSize > WEIBO_COMMENTS_MAX_COUNT) throw new InputError(`Weibo comments page size must be 1..${WEIBO_COMMENTS_MAX_COUNT}, got ${this.pageSize}`, 'pageSize');
		this.api = new JsonApi({ platform: 'weibo', baseUrl: options.baseUrl || WEIBO_DEFAULT_BASE_URL, ctx, query: { access_token: options.accessToken }, secrets: [options.accessToken], readError: readWeiboError });
	}

	async commentsOf(post: WatchedPost, gone?: GonePosts): Promise<Mention[]> {
		const out: Mention[] = [];
		const seen = new Set<string>();
		const maxPages = this.options.maxPages ?? 3;
		let maxId: string | undefined;
		for (let page = 1; page <= maxPages; page++) {
			const body = await unlessPostGone(post, { codes: WEIBO_GONE, what: 'status', log: this.ctx.log, tally: gone }, () =>
				this.api.get('/2/comments/show.json', { id: post.postId, count: this.pageSize, page, max_id: maxId }, '2/comments/show'),
			);
			if (!body) return out;
			const comments = Array.isArray(body.comments) ? (body.comments as JsonBody[]) : [];
			if (page === 1 && comments[0]) maxId = String(comments[0].idstr ?? comments[0].id);
			for (const c of comments) {
				const mention = weiboCommentToMention(c, post);
				if (mention && !seen.has(mention.id)) {
					seen.add(mention.id);
					out.push(mention);
				}
			}
			const total = Number(body.total_number);
			if (comments.length < this.pageSize || (Number.isFinite(total) && page * this.pageSize >= total)) return out;
		}
		this.ctx.log?.(`weibo: status ${post.postId} has more than ${maxPages * this.pageSize} comments; only the newest ${maxPages * this.pageSize} are read each poll`);
		return out;
	}
}

/** One comments/show entry as a Mention; undefined when it lacks an id, a time or text. */
export function weiboCommentToMention(c: JsonBody, post: WatchedPost): Mention | undefined {
	const id = c.idstr ?? c.id;
	const createdMs = parseWeiboTime(String(c.created_at ?? ''));
	if (id === undefined || id === null || createdMs === undefined || typeof c.text !== 'string') return undefined;
	const user = (c.user ?? {}) as JsonBody;
	const followers = toCount(user.followers_count);
	const mention: Mention = {
		platform: 'weibo',
		id: String(id),
		kind: c.reply_comment ? 'reply' : 'comment',
		accountId: post.accountId,
		postId: post.postId,
		author: { id: String(user.idstr ?? user.id ?? ''), ...(typeof user.screen_name === 'string' ? { name: user.screen_name } : {}), ...(followers !== undefined ? { followers } : {}) },
		text: c.text,
		createdAt: DateTime.fromMillis(createdMs, { zone: WEIBO_TIMEZONE }).toISO({ suppressMilliseconds: true })!,
	};
	if (post.title) mention.postTitle = post.title;
	if (post.url) mention.url = post.url;
	return mention;
}

/** weibo.com/<uid>/<status id>: the status page (a numeric id works as well as the base62 mid). */
export function weiboPostUrl(post: Pick<WatchedPost, 'accountId' | 'postId'>): string {
	return `https://weibo.com/${post.accountId}/${post.postId}`;
}
