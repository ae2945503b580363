import { InputError, PlatformError } from '../errors';
import type { MetricSnapshot } from '../model';
import { todayIn } from '../time/date-range';
import { JsonApi, chunk, cleanIdList, dayOf, dropUndefined, isoUtc, numericExtra, toCount, type JsonBody, type PlatformErrorInfo } from './http-json';
import type { MetricsAdapter, MetricsQuery, PlatformContext } from './types';

/**
 * YouTube metrics from the Data API v3 with an API key (public data, so any channel works: competitors included).
 * - Account: `channels?part=snippet,statistics,contentDetails&id=` (or `forHandle=`) → `subscriberCount,
 *   viewCount, videoCount` (strings, converted to numbers; absent when the channel hides its subscribers).
 * - Posts: the given video ids, or the channel's uploads playlist (`playlistItems`, 50 a page, `pageToken`) down
 *   to the range's first day; then `videos?part=snippet,statistics&id=` with at most 50 ids a call →
 *   `viewCount, likeCount, commentCount, favoriteCount` (strings → numbers; likeCount absent when hidden).
 * - Quota: each of these calls costs 1 unit of the default 10,000 a day (resets at midnight Pacific). The adapter
 *   counts units and refuses to start a call beyond `maxUnits`, so one workflow cannot drain the project's
 *   quota. `quotaExceeded` (403) is not retried: it lasts until the reset.
 * Errors: Google's `{error:{code, message, errors:[{reason}]}}`; the code is the `reason` (keyInvalid,
 * quotaExceeded, playlistNotFound, invalidPageToken ...).
 */
export const YOUTUBE_DEFAULT_BASE_URL = 'https://www.googleapis.com';
export const YOUTUBE_MAX_IDS_PER_CALL = 50;
export const YOUTUBE_DAILY_QUOTA_UNITS = 10_000;
/** Quota cost per call (YouTube Data API quota calculator): channels, playlistItems and videos list = 1. */
export const YOUTUBE_UNIT_COST = { channels: 1, playlistItems: 1, videos: 1 } as const;

export interface YoutubeOptions {
	apiKey: string;
	/** UC… channel id or @handle. Needed for account metrics, and for post metrics without video ids. */
	channel?: string;
	/** Explicit video ids (or watch URLs); when given, the range does not filter them. */
	videoIds?: string[];
	baseUrl?: string;
	/** Most quota units this adapter may spend (default: the 10,000 daily default). */
	maxUnits?: number;
}

export function readYoutubeError(status: number, body: JsonBody): PlatformErrorInfo | undefined {
	const error = body.error as JsonBody | undefined;
	if (!error || typeof error !== 'object') return undefined;
	const first = Array.isArray(error.errors) ? (error.errors[0] as JsonBody | undefined) : undefined;
	const reason = typeof first?.reason === 'string' ? first.reason : String(error.status ?? error.code ?? status);
	let message = String(error.message ?? reason).replace(/<[^>]+>/g, '');
	if (reason === 'quotaExceeded' || reason === 'dailyLimitExceeded') message += ' (the daily quota resets at midnight Pacific time)';
	return { code: reason, message, retryable: reason === 'backendError' || reason === 'rateLimitExceeded' };
}

export class YoutubeMetricsAdapter implements MetricsAdapter {
	readonly platform = 'youtube' as const;
	readonly accountId: string;
	private readonly api: JsonApi;
	private readonly maxUnits: number;
	/** Quota units spent by this adapter: every request, retries and failed ones included (YouTube charges them too). */
	unitsUsed = 0;

	constructor(
		private readonly options: YoutubeOptions,
		private readonly ctx: PlatformContext,
	) {
		if (!options.apiKey) throw new InputError('YouTube needs an API key in the credential', 'apiKey');
		this.accountId = (options.channel ?? '').trim();
		this.maxUnits = options.maxUnits ?? YOUTUBE_DAILY_QUOTA_UNITS;
		this.api = new JsonApi({
			platform: 'youtube',
			baseUrl: options.baseUrl || YOUTUBE_DEFAULT_BASE_URL,
			ctx,
			query: { key: options.apiKey },
			secrets: [options.apiKey],
			account: this.accountId,
			readError: readYoutubeError,
			// Every request costs its units, a retry included: the budget is checked before each attempt.
			onAttempt: (operation) => this.spend(operation),
		});
	}

	private spend(operation: string): void {
		const cost = YOUTUBE_UNIT_COST[operation.replace('youtube/v3/', '') as keyof typeof YOUTUBE_UNIT_COST] ?? 1;
		if (this.unitsUsed + cost > this.maxUnits) {
			throw new PlatformError({ platform: 'youtube', code: 'QUOTA_BUDGET', message: `this run may spend at most ${this.maxUnits} quota units and has spent ${this.unitsUsed}`, operation });
		}
		this.unitsUsed += cost;
	}

	private now(): Date {
		return this.ctx.now ? this.ctx.now() : new Date();
	}

	private async call(endpoint: keyof typeof YOUTUBE_UNIT_COST, query: Record<string, string | number | undefined>): Promise<JsonBody> {
		return this.api.get(`/youtube/v3/${endpoint}`, query, `youtube/v3/${endpoint}`);
	}

	private async channel(): Promise<JsonBody> {
		if (!this.accountId) throw new InputError('YouTube needs a channel id (UC…) or @handle', 'youtubeChannel');
		const byHandle = this.accountId.startsWith('@') || !/^UC[\w-]{22}$/.test(this.accountId);
		const body = await this.call('channels', { part: 'snippet,statistics,contentDetails', ...(byHandle ? { forHandle: this.accountId.replace(/^@?/, '@') } : { id: this.accountId }) });
		const item = Array.isArray(body.items) ? (body.items[0] as JsonBody | undefined) : undefined;
		// YouTube answers an unknown channel with an empty list, not an error: make it one.
		if (!item) throw new PlatformError({ platform: 'youtube', code: 'channelNotFound', message: `no channel ${this.accountId}`, operation: 'youtube/v3/channels' });
		return item;
	}

	async collectAccountMetrics(query: MetricsQuery): Promise<MetricSnapshot[]> {
		const channel = await this.channel();
		const stats = (channel.statistics ?? {}) as JsonBody;
		const snippet = (channel.snippet ?? {}) as JsonBody;
		const today = todayIn(query.timezone, this.now());
		const snap: MetricSnapshot = {
			platform: 'youtube',
			accountId: String(channel.id),
			accountName: typeof snippet.title === 'string' ? snippet.title : undefined,
			periodStart: today,
			periodEnd: today,
			timezone: query.timezone,
			window: 'cumulative',
			followers: stats.hiddenSubscriberCount === true ? undefined : toCount(stats.subscriberCount),
			views: toCount(stats.viewCount),
			extra: numericExtra({ videos: stats.videoCount }),
			collectedAt: isoUtc(this.now()),
			source: 'youtube:v3/channels',
		};
		this.ctx.log?.(`youtube ${this.accountId}: ${this.unitsUsed} quota unit(s) used`);
		return [dropUndefined(snap)];
	}

	/** Video ids published in the range, from the uploads playlist (newest first), 50 a page. */
	private async uploadsInRange(query: MetricsQuery): Promise<string[]> {
		const channel = await this.channel();
		const uploads = String(((channel.contentDetails as JsonBody | undefined)?.relatedPlaylists as JsonBody | undefined)?.uploads ?? '');
		if (!uploads) throw new PlatformError({ platform: 'youtube', code: 'playlistNotFound', message: `channel ${this.accountId} has no uploads playlist`, operation: 'youtube/v3/channels' });
		const ids: string[] = [];
		let pageToken: string | undefined;
		for (;;) {
			const body = await this.call('playlistItems', { part: 'contentDetails', playlistId: uploads, maxResults: YOUTUBE_MAX_IDS_PER_CALL, pageToken });
			const items = Array.isArray(body.items) ? (body.items as JsonBody[]) : [];
			let reachedOlder = false;
			for (const item of items) {
				const details = (item.contentDetails ?? {}) as JsonBody;
				const published = typeof details.videoPublishedAt === 'string' ? dayOf(details.videoPublishedAt, query.timezone) : undefined;
				if (published === undefined) continue;
				if (published < query.range.start) {
					reachedOlder = true;
					continue;
				}
				if (published <= query.range.end) ids.push(String(details.videoId));
			}
			pageToken = typeof body.nextPageToken === 'string' ? body.nextPageToken : undefined;
			if (reachedOlder || !pageToken) break;
		}
		return cleanIdList(ids);
	}

	async collectPostMetrics(query: MetricsQuery): Promise<MetricSnapshot[]> {
		const listed = cleanIdList((this.options.videoIds ?? []).map(videoIdOf));
		const ids = listed.length ? listed : await this.uploadsInRange(query);
		const today = todayIn(query.timezone, this.now());
		const out: MetricSnapshot[] = [];
		const missing: string[] = [];
		for (const batch of chunk(ids, YOUTUBE_MAX_IDS_PER_CALL)) {
			const body = await this.call('videos', { part: 'snippet,statistics', id: batch.join(',') });
			const byId = new Map<string, JsonBody>();
			for (const item of Array.isArray(body.items) ? (body.items as JsonBody[]) : []) byId.set(String(item.id), item);
			for (const id of batch) {
				const item = byId.get(id);
				if (!item) {
					missing.push(id);
					continue;
				}
				const stats = (item.statistics ?? {}) as JsonBody;
				const snippet = (item.snippet ?? {}) as JsonBody;
				const publishedAt = typeof snippet.publishedAt === 'string' ? snippet.publishedAt : undefined;
				const day = publishedAt ? dayOf(publishedAt, query.timezone) : today;
				const snap: MetricSnapshot = {
					platform: 'youtube',
					accountId: String(snippet.channelId ?? this.accountId),
					accountName: typeof snippet.channelTitle === 'string' ? snippet.channelTitle : undefined,
					postId: id,
					postTitle: typeof snippet.title === 'string' ? snippet.title : undefined,
					publishedAt: publishedAt ? isoUtc(Date.parse(publishedAt)) : undefined,
					periodStart: day < today ? day : today,
					periodEnd: today,
					timezone: query.timezone,
					window: 'cumulative',
					views: toCount(stats.viewCount),
					likes: toCount(stats.likeCount),
					comments: toCount(stats.commentCount),
					extra: numericExtra({ favorites: stats.favoriteCount }),
					collectedAt: isoUtc(this.now()),
					source: 'youtube:v3/videos',
				};
				out.push(dropUndefined(snap));
			}
		}
		// videos.list silently leaves out ids that are private, deleted or mistyped: say so instead.
		if (missing.length) this.ctx.log?.(`youtube: ${missing.length} video(s) not returned (private, deleted or unknown): ${missing.join(', ')}`);
		this.ctx.log?.(`youtube ${this.accountId || 'videos'}: ${this.unitsUsed} quota unit(s) used`);
		if (missing.length && out.length === 0) {
			throw new PlatformError({ platform: 'youtube', code: 'videoNotFound', message: `none of the videos were returned (private, deleted or unknown): ${missing.join(', ')}`, operation: 'youtube/v3/videos' });
		}
		return out;
	}
}

/** A bare id, or the id from a youtube.com/watch?v= or youtu.be/ URL. */
export function videoIdOf(value: string): string {
	const v = value.trim();
	const m = /(?:v=|youtu\.be\/|shorts\/)([\w-]{11})/.exec(v);
	const id = m ? m[1] : v;
	if (id && !/^[\w-]{11}$/.test(id)) throw new InputError(`"${value}" is not a YouTube video id`, 'youtubeVideoIds');
	return id;
}
