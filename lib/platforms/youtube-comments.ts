import { InputError, PlatformError } from '../errors';
import type { Mention } from '../model';
import { unlessPostGone, type CommentSource, type GonePosts } from '../polling/comment-source';
import type { WatchedPost } from '../polling/watched-posts';
import { JsonApi, isoUtc, toCount, type JsonBody } from './http-json';
import type { PlatformContext } from './types';
import { YOUTUBE_DEFAULT_BASE_URL, readYoutubeError } from './youtube';

/**
 * YouTube comments as Mention items, from `GET youtube/v3/commentThreads?part=snippet&videoId=&order=time
 * &textFormat=plainText&maxResults=100&pageToken=` (Data API v3) with an API key: public comments of any video.
 * - One thread per top-level comment, newest first; `totalReplyCount` becomes `replies` (the replies themselves are
 *   not read). 100 threads a call (the maximum), `maxPages` calls a video (default 2 = the newest 200).
 * - Each call costs 1 quota unit of the project's 10,000 a day; the reader counts units and refuses to go past
 *   `maxUnits` in one poll, so a trigger cannot drain the quota.
 * - A video with comments turned off answers 403 `commentsDisabled`, a deleted one 404 `videoNotFound`: that video
 *   is skipped (and logged), the others are still read. Other errors (quotaExceeded, keyInvalid) fail the poll.
 */
export const YOUTUBE_COMMENT_PAGE_MAX = 100;
/** The video deleted since it was listed (404 `videoNotFound`). */
const YOUTUBE_GONE = new Set(['videoNotFound']);
/** Comments turned off on a video (made for kids, or by the channel): skipped, and not a sign of wrong ids. */
const YOUTUBE_CLOSED = new Set(['commentsDisabled']);

export interface YoutubeCommentsOptions {
	apiKey: string;
	baseUrl?: string;
	pageSize?: number;
	maxPages?: number;
	/** Most quota units one reader may spend (default 200). */
	maxUnits?: number;
}

export class YoutubeComments implements CommentSource {
	readonly platform = 'youtube' as const;
	private readonly api: JsonApi;
	unitsUsed = 0;

	constructor(
		private readonly options: YoutubeCommentsOptions,
		private readonly ctx: PlatformContext,
	) {
		if (!options.apiKey) throw new InputError('YouTube needs an API key in the credential', 'apiKey');
		const size = options.pageSize ?? YOUTUBE_COMMENT_PAGE_MAX;
		if (!Number.isInteger(size) || size < 1 || size > YOUTUBE_COMMENT_PAGE_MAX) throw new InputError(`YouTube comment page size must be 1..${YOUTUBE_COMMENT_PAGE_MAX}, got ${size}`, 'pageSize');
		this.api = new JsonApi({ platform: 'youtube', baseUrl: options.baseUrl || YOUTUBE_DEFAULT_BASE_URL, ctx, query: { key: options.apiKey }, secrets: [options.apiKey], readError: readYoutubeError });
	}

	async commentsOf(post: WatchedPost, gone?: GonePosts): Promise<Mention[]> {
		const out: Mention[] = [];
		const maxPages = this.options.maxPages ?? 2;
		const maxUnits = this.options.maxUnits ?? 200;
		let pageToken: string | undefined;
		for (let page = 1; page <= maxPages; page++) {
			if (this.unitsUsed + 1 > maxUnits) {
				throw new PlatformError({ platform: 'youtube', code: 'QUOTA_BUDGET', message: `this poll may spend at most ${maxUnits} quota units on comments and has spent ${this.unitsUsed}; watch fewer videos`, operation: 'youtube/v3/commentThreads' });
			}
			this.unitsUsed += 1;
			const body = await unlessPostGone(post, { codes: YOUTUBE_GONE, closed: YOUTUBE_CLOSED, what: 'video', log: this.ctx.log, tally: gone }, () =>
				this.api.get(
					'/youtube/v3/commentThreads',
					{ part: 'snippet', videoId: post.postId, order: 'time', textFormat: 'plainText', maxResults: this.options.pageSize ?? YOUTUBE_COMMENT_PAGE_MAX, pageToken },
					'youtube/v3/commentThreads',
				),
			);
			if (!body) return out;
			for (const item of Array.isArray(body.items) ? (body.items as JsonBody[]) : []) {
				const mention = youtubeThreadToMention(item, post);
				if (mention) out.push(mention);
			}
			pageToken = typeof body.nextPageToken === 'string' ? body.nextPageToken : undefined;
			if (!pageToken) return out;
		}
		this.ctx.log?.(`youtube: video ${post.postId} has more than ${maxPages * (this.options.pageSize ?? YOUTUBE_COMMENT_PAGE_MAX)} comments; only the newest are read each poll`);
		return out;
	}
}

/** One commentThread as a Mention (its top-level comment); undefined when it lacks an id, time or text. */
export function youtubeThreadToMention(thread: JsonBody, post: WatchedPost): Mention | undefined {
	const snippet = (thread.snippet ?? {}) as JsonBody;
	const top = (snippet.topLevelComment ?? {}) as JsonBody;
	const c = (top.snippet ?? {}) as JsonBody;
	const text = typeof c.textOriginal === 'string' ? c.textOriginal : c.textDisplay;
	const published = typeof c.publishedAt === 'string' ? Date.parse(c.publishedAt) : NaN;
	const id = top.id ?? thread.id;
	if (typeof id !== 'string' || typeof text !== 'string' || Number.isNaN(published)) return undefined;
	const videoId = String(c.videoId ?? snippet.videoId ?? post.postId);
	const mention: Mention = {
		platform: 'youtube',
		id,
		kind: 'comment',
		accountId: post.accountId,
		postId: videoId,
		author: { id: String(((c.authorChannelId ?? {}) as JsonBody).value ?? ''), ...(typeof c.authorDisplayName === 'string' ? { name: c.authorDisplayName } : {}) },
		text,
		createdAt: isoUtc(published),
		url: `https://www.youtube.com/watch?v=${videoId}&lc=${id}`,
	};
	if (post.title) mention.postTitle = post.title;
	const likes = toCount(c.likeCount);
	const replies = toCount(snippet.totalReplyCount);
	if (likes !== undefined) mention.likes = likes;
	if (replies !== undefined) mention.replies = replies;
	return mention;
}

export function youtubePostUrl(post: Pick<WatchedPost, 'postId'>): string {
	return `https://www.youtube.com/watch?v=${post.postId}`;
}
