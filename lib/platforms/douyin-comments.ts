import { DateTime } from 'luxon';
import { isPlatformError } from '../errors';
import type { Mention } from '../model';
import { unlessPostGone, type CommentSource, type GonePosts } from '../polling/comment-source';
import type { WatchedPost } from '../polling/watched-posts';
import { DOUYIN_TIMEZONE, DOUYIN_TOKEN_EXPIRED, douyinUserApi, refreshDouyinToken, type DouyinOptions } from './douyin';
import { toCount, type JsonApi, type JsonBody } from './http-json';
import type { PlatformContext } from './types';

/**
 * Douyin (抖音) comments as Mention items, from `GET /item/comment/list/?open_id&item_id&cursor&count&sort_type=time`
 * (scope item.comment, 管理视频评论: the user must have granted it, and the app must hold the permission) with the
 * user's access token in the `access-token` header. Only the authorised account's own videos can be read.
 * - Newest first (sort_type=time), `count` ≤ 50 a page (20 used), paged with `cursor` while `has_more`,
 *   `maxPages` pages a video (default 5 = the newest 100).
 * - A comment carries `comment_id`, `comment_user_id` (an app-scoped open id: Douyin gives no nickname or follower
 *   count), `content`, `create_time` (unix seconds; createdAt in China time), `digg_count`, `reply_comment_total`.
 * - An expired token (2190008) is refreshed once with the refresh token, as the metrics adapter does; 2190004
 *   means the item.comment scope was not granted.
 * - A video deleted since the poll listed it is skipped and logged, the other videos are still read. Its code is
 *   taken to be 2111007 获取视频失败, the video-lookup failure among the video-comment codes of Douyin's status-code
 *   table (通用状态码(旧)). ASSUMPTION: the table does not say that a deleted video is what answers it, and no other
 *   code there names a missing video; 2100005 (invalid parameter) is not taken, as it also means a malformed call.
 */
export const DOUYIN_COMMENT_PAGE = 20;
/** A video deleted since it was listed: 2111007 获取视频失败 (ASSUMPTION, see above). */
const DOUYIN_GONE = new Set(['2111007']);

/** The adapter's credential fields; `maxPages` counts comment pages a video (default 5). */
export type DouyinCommentsOptions = Pick<DouyinOptions, 'clientKey' | 'clientSecret' | 'accessToken' | 'refreshToken' | 'openId' | 'baseUrl'> & { maxPages?: number };

export class DouyinComments implements CommentSource {
	readonly platform = 'douyin' as const;
	private readonly api: JsonApi;
	private refreshed = false;

	constructor(
		private readonly options: DouyinCommentsOptions,
		private readonly ctx: PlatformContext,
	) {
		this.api = douyinUserApi(options, ctx);
	}

	private async page(itemId: string, cursor: number): Promise<JsonBody> {
		const query = { open_id: this.options.openId, item_id: itemId, cursor, count: DOUYIN_COMMENT_PAGE, sort_type: 'time' };
		try {
			return (await this.api.get('/item/comment/list/', query, 'item/comment/list')).data as JsonBody;
		} catch (error) {
			if (!isPlatformError(error) || Number(error.code) !== DOUYIN_TOKEN_EXPIRED || this.refreshed || !this.options.refreshToken) throw error;
			this.refreshed = true;
			await refreshDouyinToken(this.api, this.ctx, this.options);
			return (await this.api.get('/item/comment/list/', query, 'item/comment/list')).data as JsonBody;
		}
	}

	async commentsOf(post: WatchedPost, gone?: GonePosts): Promise<Mention[]> {
		const out: Mention[] = [];
		const maxPages = this.options.maxPages ?? 5;
		const goneRead = { codes: DOUYIN_GONE, what: 'video', log: this.ctx.log, tally: gone };
		let cursor = 0;
		for (let n = 1; n <= maxPages; n++) {
			const data = await unlessPostGone(post, goneRead, () => this.page(post.postId, cursor));
			if (!data) return out;
			const list = Array.isArray(data.list) ? (data.list as JsonBody[]) : [];
			for (const c of list) {
				const mention = douyinCommentToMention(c, post);
				if (mention) out.push(mention);
			}
			if (!data.has_more || list.length === 0) return out;
			cursor = Number(data.cursor);
		}
		this.ctx.log?.(`douyin: video ${post.postId} has more than ${maxPages * DOUYIN_COMMENT_PAGE} comments; only the newest are read each poll`);
		return out;
	}
}

/** One item/comment/list entry as a Mention; undefined without id, time or text. */
export function douyinCommentToMention(c: JsonBody, post: WatchedPost): Mention | undefined {
	const created = Number(c.create_time);
	if (typeof c.comment_id !== 'string' || typeof c.content !== 'string' || !Number.isFinite(created)) return undefined;
	const mention: Mention = {
		platform: 'douyin',
		id: c.comment_id,
		kind: 'comment',
		accountId: post.accountId,
		postId: post.postId,
		author: { id: String(c.comment_user_id ?? '') },
		text: c.content,
		createdAt: DateTime.fromSeconds(created, { zone: DOUYIN_TIMEZONE }).toISO({ suppressMilliseconds: true })!,
	};
	if (post.title) mention.postTitle = post.title;
	const likes = toCount(c.digg_count);
	const replies = toCount(c.reply_comment_total);
	if (likes !== undefined) mention.likes = likes;
	if (replies !== undefined) mention.replies = replies;
	return mention;
}
