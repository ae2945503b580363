/**
 * YouTube Data API v3 (PLATFORMS.md §3.7) at the real paths under /youtube/v3: `channels` (part=snippet,
 * statistics, contentDetails; id= or forHandle=), `playlistItems` (the uploads playlist, maxResults ≤ 50,
 * pageToken) and `videos` (part=snippet,statistics; id = up to 50 ids) and `commentThreads` (part=snippet, videoId, order=time,
 * maxResults ≤ 100, pageToken; 403 commentsDisabled, 404 videoNotFound). Counters are strings, as the real API
 * sends them. Every call costs 1 quota unit against a daily budget (default 10,000) that resets at midnight
 * Pacific time; past it the API answers 403 `quotaExceeded`. Errors use Google's envelope
 * `{error: {code, message, errors: [{message, domain, reason}], status}}` (YouTube "Errors" reference).
 */
import { DateTime } from 'luxon';
import type { PlatformFaultKind } from '../../faults';
import type { SandboxContext, SandboxPlatform, SandboxRequest, SandboxResponse, RouteHandler } from '../../platform';
import { SocialModel, idString, type SocialAccountSpec, type SocialPost } from '../public-social/model';
import { SocialComments, controlBody, type SocialComment } from '../public-social/comments';

export const SANDBOX_YOUTUBE_API_KEY = 'AIzaSandbox-not-a-real-key-0000000000';
export const YOUTUBE_DAILY_QUOTA = 10_000;
export const YOUTUBE_MAX_IDS = 50;
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export const SANDBOX_YOUTUBE_CHANNELS: readonly SocialAccountSpec[] = [
	{
		id: 'UCxH7coffeeSandboxBrand1',
		handle: '@xinghecoffee',
		name: 'Xinghe Coffee 星河咖啡',
		baseFollowers: 23_000,
		dailyGrowth: 14,
		following: 0,
		olderPosts: 180,
		maxPerDay: 1,
		reach: 5_200,
		texts: ['How to brew the perfect pour-over | 手冲教程', 'Inside a Yunnan coffee farm', 'Latte art championship 2026 highlights', 'Cherry blossom latte: behind the scenes', 'Cold brew at home in 3 steps'],
	},
	{
		id: 'UCyF4techSandboxCompet02',
		handle: '@yunfantech',
		name: 'Yunfan Tech',
		baseFollowers: 8_400,
		dailyGrowth: 5,
		following: 0,
		olderPosts: 75,
		maxPerDay: 1,
		reach: 1_900,
		texts: ['RAG in production (talk)', 'Kubernetes cost optimisation workshop', 'Yunfan DevCon 2026 keynote', 'Postgres tuning in 30 minutes'],
	},
];

/** commentThreads: maxResults 1..100, default 20 (YouTube Data API reference, CommentThreads: list). */
export const YOUTUBE_MAX_COMMENT_RESULTS = 100;

export class YoutubeDataset {
	readonly model: SocialModel;
	readonly comments: SocialComments;
	/** Videos whose owner turned comments off (commentThreads answers 403 commentsDisabled). */
	readonly commentsDisabled = new Set<string>();

	constructor(seed: number, now: () => Date) {
		this.model = new SocialModel('youtube', seed, SANDBOX_YOUTUBE_CHANNELS, now);
		this.comments = new SocialComments(seed, this.model);
	}

	threadId(c: SocialComment): string {
		return `Ugz${idString(c.hash, 20, ID_ALPHABET, 'thread')}4AaABAg`;
	}

	/** Top-level comments of a video now, newest first (order=time). */
	threadsOf(p: SocialPost): SocialComment[] {
		return this.comments.of(p).reverse();
	}

	threadJson(c: SocialComment): Record<string, unknown> {
		const videoId = this.videoId(c.post);
		const at = new Date(c.createdAtMs).toISOString().replace('.000Z', 'Z');
		const authorChannelId = `UC${idString(Number(c.author.id), 22, ID_ALPHABET, 'author')}`;
		return {
			kind: 'youtube#commentThread',
			etag: `etag-${this.threadId(c)}`,
			id: this.threadId(c),
			snippet: {
				channelId: c.post.accountId,
				videoId,
				topLevelComment: {
					kind: 'youtube#comment',
					etag: `etag-c-${this.threadId(c)}`,
					id: this.threadId(c),
					snippet: {
						channelId: c.post.accountId,
						videoId,
						textDisplay: c.text,
						textOriginal: c.text,
						authorDisplayName: `@${c.author.handle}`,
						authorProfileImageUrl: `https://yt3.ggpht.com/${authorChannelId}=s48`,
						authorChannelUrl: `http://www.youtube.com/@${c.author.handle}`,
						authorChannelId: { value: authorChannelId },
						canRate: true,
						viewerRating: 'none',
						likeCount: c.likes,
						publishedAt: at,
						updatedAt: at,
					},
				},
				canReply: true,
				totalReplyCount: c.replies,
				isPublic: true,
			},
		};
	}

	videoId(p: SocialPost): string {
		return idString(p.hash, 11, ID_ALPHABET, 'yt');
	}

	uploadsPlaylist(channelId: string): string {
		return `UU${channelId.slice(2)}`;
	}

	/** Uploads newest first, as the uploads playlist lists them. */
	uploads(channelId: string): SocialPost[] {
		return this.model.postsNewestFirst(channelId);
	}

	findVideo(id: string): SocialPost | undefined {
		for (const channel of SANDBOX_YOUTUBE_CHANNELS) {
			const hit = this.model.posts(channel.id).find((p) => this.videoId(p) === id);
			if (hit) return hit;
		}
		return undefined;
	}

	/** The statistics object, as strings; every seventh video hides its like count, as creators can. */
	statistics(p: SocialPost): Record<string, string> {
		const c = this.model.counters(p);
		const stats: Record<string, string> = { viewCount: String(c.views), favoriteCount: '0', commentCount: String(c.comments) };
		if (p.hash % 7 !== 0) stats.likeCount = String(c.likes);
		return stats;
	}

	channelStatistics(channelId: string): Record<string, unknown> {
		return { viewCount: String(this.uploads(channelId).reduce((a, p) => a + this.model.counters(p).views, 0)), subscriberCount: String(this.model.followers(channelId)), hiddenSubscriberCount: false, videoCount: String(this.model.postCount(channelId)) };
	}
}

/** Google's error envelope. */
export function googleError(code: number, reason: string, message: string, domain = 'youtube.parameter'): SandboxResponse {
	const status = { 400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 429: 'RESOURCE_EXHAUSTED', 500: 'INTERNAL' }[code] ?? 'UNKNOWN';
	return { status: code, body: { error: { code, message, errors: [{ message, domain, reason }], status } } };
}

const QUOTA_MESSAGE = 'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.';

export interface YoutubePlatform extends SandboxPlatform {
	truth: YoutubeDataset;
}

export function createYoutubePlatform(context: SandboxContext): YoutubePlatform {
	const data = new YoutubeDataset(context.seed, context.now);
	const quota = { limit: YOUTUBE_DAILY_QUOTA, day: '', used: 0 };

	/** Key check and the daily unit budget (Pacific day), then the handler. */
	function metered(units: number, handler: (request: SandboxRequest) => SandboxResponse): RouteHandler {
		return (request) => {
			if (request.method !== 'GET') return googleError(405, 'methodNotAllowed', 'Method not allowed', 'global');
			const key = request.query.get('key');
			if (!key) return googleError(403, 'forbidden', 'Method doesn\'t allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.', 'global');
			if (key !== SANDBOX_YOUTUBE_API_KEY) return googleError(400, 'keyInvalid', 'API key not valid. Please pass a valid API key.', 'global');
			const day = DateTime.fromJSDate(context.now(), { zone: 'America/Los_Angeles' }).toISODate()!;
			if (quota.day !== day) Object.assign(quota, { day, used: 0 });
			if (quota.used + units > quota.limit) return googleError(403, 'quotaExceeded', QUOTA_MESSAGE, 'youtube.quota');
			quota.used += units;
			if (!request.query.get('part')) return googleError(400, 'missingRequiredParameter', 'No filter selected. Expected one of: ...', 'youtube.parameter');
			return handler(request);
		};
	}

	const pageOf = <T>(items: T[], request: SandboxRequest): { page: T[]; next?: string } | SandboxResponse => {
		const max = Number(request.query.get('maxResults') ?? 5);
		if (!Number.isInteger(max) || max < 0 || max > 50) return googleError(400, 'invalidParameter', `Invalid value '${request.query.get('maxResults')}'. Values must be within the range: [0, 50]`, 'youtube.parameter');
		const token = request.query.get('pageToken');
		let offset = 0;
		if (token) {
			const m = /^CAE(\d+)QAA$/.exec(token);
			if (!m) return googleError(400, 'invalidPageToken', 'The request specifies an invalid page token.');
			offset = Number(m[1]);
		}
		const page = items.slice(offset, offset + max);
		return { page, next: offset + max < items.length ? `CAE${offset + max}QAA` : undefined };
	};

	const routes: Record<string, RouteHandler> = {
		'/youtube/v3/channels': metered(1, (request) => {
			const ids = (request.query.get('id') ?? '').split(',').filter(Boolean);
			const handle = request.query.get('forHandle');
			const found = handle ? SANDBOX_YOUTUBE_CHANNELS.filter((c) => c.handle.toLowerCase() === `@${handle.replace(/^@/, '').toLowerCase()}`) : SANDBOX_YOUTUBE_CHANNELS.filter((c) => ids.includes(c.id));
			const items = found.map((c) => ({
				kind: 'youtube#channel',
				etag: `etag-${c.id}`,
				id: c.id,
				snippet: { title: c.name, customUrl: c.handle, publishedAt: '2019-05-01T00:00:00Z' },
				statistics: data.channelStatistics(c.id),
				contentDetails: { relatedPlaylists: { likes: '', uploads: data.uploadsPlaylist(c.id) } },
			}));
			// An unknown channel is not an error: the list is simply empty (and `items` is absent).
			const body: Record<string, unknown> = { kind: 'youtube#channelListResponse', etag: 'etag', pageInfo: { totalResults: items.length, resultsPerPage: items.length } };
			if (items.length) body.items = items;
			return { body };
		}),
		'/youtube/v3/playlistItems': metered(1, (request) => {
			const playlistId = request.query.get('playlistId') ?? '';
			const channel = SANDBOX_YOUTUBE_CHANNELS.find((c) => data.uploadsPlaylist(c.id) === playlistId);
			if (!channel) return googleError(404, 'playlistNotFound', 'The playlist identified with the request\'s <code>playlistId</code> parameter cannot be found.', 'youtube.playlistItem');
			const all = data.uploads(channel.id);
			const paged = pageOf(all, request);
			if (!('page' in paged)) return paged;
			const body: Record<string, unknown> = {
				kind: 'youtube#playlistItemListResponse',
				etag: 'etag',
				pageInfo: { totalResults: all.length, resultsPerPage: Number(request.query.get('maxResults') ?? 5) },
				items: paged.page.map((p, i) => ({
					kind: 'youtube#playlistItem',
					id: `PLI${data.videoId(p)}`,
					snippet: { publishedAt: new Date(p.createdAtMs).toISOString().replace('.000Z', 'Z'), channelId: channel.id, title: p.text, position: i },
					contentDetails: { videoId: data.videoId(p), videoPublishedAt: new Date(p.createdAtMs).toISOString().replace('.000Z', 'Z') },
				})),
			};
			if (paged.next) body.nextPageToken = paged.next;
			return { body };
		}),
		// Top-level comments of one video, newest first with order=time (CommentThreads: list; 1 unit a call).
		'/youtube/v3/commentThreads': metered(1, (request) => {
			const q = request.query;
			if (!q.get('part')) return googleError(400, 'missingRequiredParameter', 'No filter selected. Expected one of: part', 'youtube.parameter');
			const videoId = q.get('videoId');
			if (!videoId && !q.get('allThreadsRelatedToChannelId') && !q.get('id')) return googleError(400, 'missingRequiredParameter', 'No filter selected. Expected one of: allThreadsRelatedToChannelId, id, videoId', 'youtube.parameter');
			// ASSUMPTION: only the videoId filter is emulated (what the trigger uses).
			if (!videoId) return googleError(400, 'invalidParameter', 'sandbox: only videoId is emulated', 'youtube.parameter');
			const video = data.findVideo(videoId);
			if (!video) return googleError(404, 'videoNotFound', 'The video identified by the <code><a href="/youtube/v3/docs/commentThreads/list#videoId">videoId</a></code> parameter could not be found.', 'youtube.commentThread');
			if (data.commentsDisabled.has(videoId)) return googleError(403, 'commentsDisabled', 'The video identified by the <code><a href="/youtube/v3/docs/commentThreads/list#videoId">videoId</a></code> parameter has disabled comments.', 'youtube.commentThread');
			const max = Number(q.get('maxResults') ?? 20);
			if (!Number.isInteger(max) || max < 1 || max > YOUTUBE_MAX_COMMENT_RESULTS) return googleError(400, 'invalidParameter', `Invalid value '${q.get('maxResults')}'. Values must be within the range: [1, 100]`, 'youtube.parameter');
			const all = data.threadsOf(video);
			const token = q.get('pageToken');
			let offset = 0;
			if (token) {
				const m = /^QURTSl9p(\d+)$/.exec(token);
				if (!m) return googleError(400, 'invalidPageToken', 'The request specifies an invalid page token.');
				offset = Number(m[1]);
			}
			const page = all.slice(offset, offset + max);
			const body: Record<string, unknown> = { kind: 'youtube#commentThreadListResponse', etag: 'etag', pageInfo: { totalResults: page.length, resultsPerPage: max }, items: page.map((c) => data.threadJson(c)) };
			if (offset + max < all.length) body.nextPageToken = `QURTSl9p${offset + max}`;
			return { body };
		}),
		'/youtube/v3/videos': metered(1, (request) => {
			const ids = (request.query.get('id') ?? '').split(',').filter(Boolean);
			if (ids.length === 0) return googleError(400, 'missingRequiredParameter', 'No filter selected. Expected one of: chart, id, myRating', 'youtube.parameter');
			// ASSUMPTION: more than 50 ids is a 400 invalidParameter (the docs cap the list at 50 but name no reason).
			if (ids.length > YOUTUBE_MAX_IDS) return googleError(400, 'invalidParameter', `The request specifies more than ${YOUTUBE_MAX_IDS} video ids.`);
			const items = ids
				.map((id) => data.findVideo(id))
				.filter((p): p is SocialPost => p !== undefined)
				.map((p) => ({
					kind: 'youtube#video',
					etag: `etag-${data.videoId(p)}`,
					id: data.videoId(p),
					snippet: { publishedAt: new Date(p.createdAtMs).toISOString().replace('.000Z', 'Z'), channelId: p.accountId, title: p.text, channelTitle: data.model.account(p.accountId)!.name },
					statistics: data.statistics(p),
				}));
			return { body: { kind: 'youtube#videoListResponse', etag: 'etag', items, pageInfo: { totalResults: items.length, resultsPerPage: items.length } } };
		}),
	};

	const faults: Record<PlatformFaultKind, () => SandboxResponse> = {
		expiredToken: () => googleError(401, 'authError', 'Invalid Credentials', 'global'),
		invalidToken: () => googleError(400, 'keyInvalid', 'API key not valid. Please pass a valid API key.', 'global'),
		quota: () => googleError(403, 'quotaExceeded', QUOTA_MESSAGE, 'youtube.quota'),
	};

	return {
		name: 'youtube',
		truth: data,
		routes,
		controlRoutes: {
			/** POST {videoId, text, author?}: a new comment written now; {videoId, disabled: true|false}: turn comments off or on. */
			comments: (request) => {
				const body = controlBody(request.rawBody);
				const videoId = typeof body?.videoId === 'string' ? body.videoId : '';
				const video = data.findVideo(videoId);
				if (request.method !== 'POST' || !video) return { status: 400, body: { error: 'POST {videoId, text, author?} or {videoId, disabled}' } };
				if (typeof body?.disabled === 'boolean') {
					if (body.disabled) data.commentsDisabled.add(videoId);
					else data.commentsDisabled.delete(videoId);
					return { body: { videoId, disabled: body.disabled } };
				}
				if (typeof body?.text !== 'string') return { status: 400, body: { error: 'text is required' } };
				return { body: data.threadJson(data.comments.insert(video, body.text, Number(body.author ?? 0))) };
			},
			/** POST {channelId, title}: a new upload, published now. */
			posts: (request) => {
				const body = controlBody(request.rawBody);
				if (request.method !== 'POST' || typeof body?.channelId !== 'string' || !data.model.account(body.channelId) || typeof body.title !== 'string') return { status: 400, body: { error: 'POST {channelId, title}' } };
				const p = data.model.insertPost(body.channelId, body.title);
				return { body: { videoId: data.videoId(p), publishedAt: new Date(p.createdAtMs).toISOString() } };
			},
			/** GET: units used today; POST {limit}: change the daily budget (tests). */
			quota: (request) => {
				if (request.method === 'POST') {
					const body = JSON.parse(request.rawBody || '{}') as { limit?: number; used?: number };
					if (typeof body.limit === 'number') quota.limit = body.limit;
					if (typeof body.used === 'number') quota.used = body.used;
				}
				return { body: quota };
			},
		},
		faultResponse: (kind) => faults[kind](),
		/**
		 * Google's envelope for a throttle (429 RESOURCE_EXHAUSTED, reason rateLimitExceeded) and a 500 (backendError).
		 * ASSUMPTION: the 429 carries Retry-After (Google front ends send it on some APIs; YouTube documents none).
		 */
		transientFaultResponse: (kind, { retryAfterSeconds }) => {
			if (kind === 'http500') return googleError(500, 'backendError', 'Backend Error', 'global');
			const answer = googleError(429, 'rateLimitExceeded', 'The request cannot be completed because you have exceeded your rate limit.', 'youtube.quota');
			return { ...answer, headers: { 'Retry-After': String(retryAfterSeconds) } };
		},
		expireTokens: () => undefined,
		tokensIssued: () => 0,
	};
}
