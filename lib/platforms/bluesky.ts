import { InputError } from '../errors';
import type { MetricSnapshot } from '../model';
import { todayIn } from '../time/date-range';
import { JsonApi, dayOf, dropUndefined, isoUtc, numericExtra, toCount, type JsonBody, type PlatformErrorInfo } from './http-json';
import type { MetricsAdapter, MetricsQuery, PlatformContext } from './types';

/**
 * Bluesky metrics from the public AppView (PLATFORMS.md §3.7): no login, so any account works, competitors
 * included.
 * - Account: `app.bsky.actor.getProfile?actor=` → `followersCount, followsCount, postsCount` (current totals:
 *   a snapshot dated today, window `cumulative`).
 * - Posts: `app.bsky.feed.getAuthorFeed?actor=&limit≤100&filter=posts_no_replies&cursor=`, paged with the opaque
 *   cursor until the feed reaches posts older than the range. Reposts of other accounts' posts (items with a
 *   `reason`) are skipped; every post appears once even if the feed repeats it across pages.
 * Errors are `{error, message}` (HTTP 400 InvalidRequest "Profile not found", 429 RateLimitExceeded with
 * `ratelimit-reset`), reported with Bluesky's own error name as the code.
 */
export const BLUESKY_DEFAULT_BASE_URL = 'https://public.api.bsky.app';
/** getAuthorFeed accepts limit 1..100. */
export const BLUESKY_MAX_PAGE = 100;

export interface BlueskyOptions {
	/** Handle (e.g. yunfan.tech, with or without @) or DID. */
	actor: string;
	baseUrl?: string;
	/** Feed page size, 1..100 (default 100). */
	pageSize?: number;
	/** Safety stop for very long ranges (default 50 pages = 5,000 posts). */
	maxPages?: number;
}

export function readBlueskyError(_status: number, body: JsonBody): PlatformErrorInfo | undefined {
	if (typeof body.error !== 'string') return undefined;
	return { code: body.error, message: typeof body.message === 'string' ? body.message : body.error };
}

export class BlueskyMetricsAdapter implements MetricsAdapter {
	readonly platform = 'bluesky' as const;
	readonly accountId: string;
	private readonly api: JsonApi;
	private readonly pageSize: number;

	constructor(
		private readonly options: BlueskyOptions,
		private readonly ctx: PlatformContext,
	) {
		this.accountId = (options.actor ?? '').trim().replace(/^@/, '');
		if (!this.accountId) throw new InputError('Bluesky needs the account’s handle or DID', 'blueskyActor');
		const pageSize = options.pageSize ?? BLUESKY_MAX_PAGE;
		if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > BLUESKY_MAX_PAGE) throw new InputError(`Bluesky page size must be 1..${BLUESKY_MAX_PAGE}, got ${pageSize}`, 'pageSize');
		this.pageSize = pageSize;
		this.api = new JsonApi({ platform: 'bluesky', baseUrl: options.baseUrl || BLUESKY_DEFAULT_BASE_URL, ctx, account: this.accountId, readError: readBlueskyError });
	}

	private now(): Date {
		return this.ctx.now ? this.ctx.now() : new Date();
	}

	async collectAccountMetrics(query: MetricsQuery): Promise<MetricSnapshot[]> {
		const profile = await this.api.get('/xrpc/app.bsky.actor.getProfile', { actor: this.accountId }, 'app.bsky.actor.getProfile');
		const today = todayIn(query.timezone, this.now());
		const snap: MetricSnapshot = {
			platform: 'bluesky',
			accountId: String(profile.did ?? this.accountId),
			accountName: typeof profile.displayName === 'string' && profile.displayName ? profile.displayName : typeof profile.handle === 'string' ? profile.handle : undefined,
			periodStart: today,
			periodEnd: today,
			timezone: query.timezone,
			window: 'cumulative',
			followers: toCount(profile.followersCount),
			extra: numericExtra({ following: profile.followsCount, posts: profile.postsCount }),
			collectedAt: isoUtc(this.now()),
			source: 'bluesky:app.bsky.actor.getProfile',
		};
		return [dropUndefined(snap)];
	}

	/** One cumulative snapshot per own post created in the range (days in `query.timezone`), newest first. */
	async collectPostMetrics(query: MetricsQuery): Promise<MetricSnapshot[]> {
		const { start, end } = query.range;
		const today = todayIn(query.timezone, this.now());
		const seen = new Set<string>();
		const out: MetricSnapshot[] = [];
		let cursor: string | undefined;
		const maxPages = this.options.maxPages ?? 50;
		for (let page = 1; ; page++) {
			const body = await this.api.get('/xrpc/app.bsky.feed.getAuthorFeed', { actor: this.accountId, limit: this.pageSize, filter: 'posts_no_replies', cursor }, 'app.bsky.feed.getAuthorFeed');
			const feed = Array.isArray(body.feed) ? (body.feed as JsonBody[]) : [];
			let reachedOlder = false;
			for (const item of feed) {
				const post = (item.post ?? {}) as JsonBody;
				const author = (post.author ?? {}) as JsonBody;
				const record = (post.record ?? {}) as JsonBody;
				// A repost (reason) or a post by someone else is not this account's content.
				if (item.reason !== undefined) continue;
				if (!this.isSelf(author)) continue;
				const createdAt = typeof record.createdAt === 'string' ? record.createdAt : String(post.indexedAt ?? '');
				const day = dayOf(createdAt, query.timezone);
				if (day < start) {
					reachedOlder = true;
					continue;
				}
				if (day > end) continue;
				const uri = String(post.uri);
				if (seen.has(uri)) continue;
				seen.add(uri);
				const snap: MetricSnapshot = {
					platform: 'bluesky',
					accountId: String(author.did ?? this.accountId),
					accountName: typeof author.displayName === 'string' && author.displayName ? author.displayName : undefined,
					postId: uri,
					postTitle: typeof record.text === 'string' ? record.text.slice(0, 120) : undefined,
					publishedAt: isoUtc(Date.parse(createdAt)),
					periodStart: day,
					periodEnd: today < day ? day : today,
					timezone: query.timezone,
					window: 'cumulative',
					likes: toCount(post.likeCount),
					comments: toCount(post.replyCount),
					shares: toCount(post.repostCount),
					extra: numericExtra({ quotes: post.quoteCount }),
					collectedAt: isoUtc(this.now()),
					source: 'bluesky:app.bsky.feed.getAuthorFeed',
				};
				out.push(dropUndefined(snap));
			}
			cursor = typeof body.cursor === 'string' && body.cursor ? body.cursor : undefined;
			if (reachedOlder || !cursor || feed.length === 0) break;
			if (page >= maxPages) {
				throw new InputError(`Bluesky feed of ${this.accountId} has more than ${maxPages * this.pageSize} items in or after the range; shorten the range`, 'dateRange');
			}
		}
		return out;
	}

	private isSelf(author: JsonBody): boolean {
		const id = this.accountId.toLowerCase();
		return String(author.did ?? '').toLowerCase() === id || String(author.handle ?? '').toLowerCase() === id;
	}
}
