import { DateTime } from 'luxon';
import { InputError, PlatformError } from '../errors';
import type { MetricSnapshot } from '../model';
import { addDays, todayIn } from '../time/date-range';
import { JsonApi, chunk, cleanIdList, dayOf, dropUndefined, isoUtc, numericExtra, toCount, type JsonBody, type PlatformErrorInfo } from './http-json';
import type { MetricsAdapter, MetricsQuery, PlatformContext } from './types';

/**
 * X (Twitter) metrics from API v2 with an app-only Bearer token (PLATFORMS.md §3.7). public_metrics are public,
 * so any public account and post works: competitors included. (non_public/organic metrics need user context
 * and posts under 30 days old; not used here.)
 * - Account: `GET /2/users/by?usernames=&user.fields=public_metrics` → `followers_count, following_count,
 *   tweet_count, listed_count`: today's totals.
 * - Posts: the given ids through `GET /2/tweets?ids=` (at most 100 a call), or the account's timeline
 *   `GET /2/users/:id/tweets?max_results=100&start_time=&end_time=&exclude=retweets,replies`, paged with
 *   `pagination_token` (the timeline reaches back 3,200 posts). public_metrics → likes, shares (retweets),
 *   comments (replies) and under `extra` quotes, bookmarks and impressions.
 * - Limits: the `x-rate-limit-remaining`/`x-rate-limit-reset` headers are respected before the 429; a 429 is
 *   retried after `x-rate-limit-reset`, except `UsageCapExceeded` (the plan's monthly read cap), which fails.
 * Errors: problem JSON `{title, detail, type}`; partial errors (`errors[]` beside `data`, e.g. a deleted post)
 * are logged by id, or raised when nothing was found.
 */
export const X_DEFAULT_BASE_URL = 'https://api.x.com';
export const X_MAX_IDS_PER_CALL = 100;
export const X_MAX_RESULTS = 100;
/** How far in the past an end_time must lie (X: at least 10 s before the request; a minute of slack for clocks). */
const X_END_TIME_MARGIN_MS = 60_000;

export interface XOptions {
	bearerToken: string;
	/** @username (for account metrics and timelines). */
	username?: string;
	/** Post ids (or status URLs), any account; when given the timeline is not read. */
	postIds?: string[];
	baseUrl?: string;
	/** Safety stop for the timeline (default 32 pages: the 3,200 posts the timeline keeps). */
	maxPages?: number;
}

export function readXError(status: number, body: JsonBody): PlatformErrorInfo | undefined {
	if (typeof body.title === 'string' && (status >= 400 || body.data === undefined)) {
		const detail = typeof body.detail === 'string' ? body.detail : body.title;
		const firstNested = Array.isArray(body.errors) ? (body.errors[0] as JsonBody | undefined) : undefined;
		const message = firstNested && typeof firstNested.message === 'string' ? `${detail} ${firstNested.message}` : detail;
		if (body.title === 'UsageCapExceeded') return { code: body.title, message: `${message} (the plan's monthly read cap; it resets with the billing cycle)`, retryable: false };
		return { code: body.title, message };
	}
	return undefined;
}

/**
 * The v2 API with the app-only Bearer token (x-rate-limit-* respected before a 429), for the metrics adapter and
 * the mentions reader; `account` names the account in errors. Throws without a token.
 */
export function xBearerApi(options: { bearerToken: string; baseUrl?: string }, ctx: PlatformContext, account?: string): JsonApi {
	if (!options.bearerToken) throw new InputError('X needs a Bearer token in the credential', 'bearerToken');
	return new JsonApi({
		platform: 'x',
		baseUrl: options.baseUrl || X_DEFAULT_BASE_URL,
		ctx,
		headers: { Authorization: `Bearer ${options.bearerToken}` },
		secrets: [options.bearerToken],
		account,
		readError: readXError,
		rateLimitHeaders: { remaining: 'x-rate-limit-remaining', reset: 'x-rate-limit-reset' },
	});
}

export class XMetricsAdapter implements MetricsAdapter {
	readonly platform = 'x' as const;
	readonly accountId: string;
	private readonly api: JsonApi;

	constructor(
		private readonly options: XOptions,
		private readonly ctx: PlatformContext,
	) {
		this.accountId = (options.username ?? '').trim().replace(/^@/, '');
		this.api = xBearerApi(options, ctx, this.accountId ? `@${this.accountId}` : undefined);
	}

	private now(): Date {
		return this.ctx.now ? this.ctx.now() : new Date();
	}

	private async user(): Promise<JsonBody> {
		if (!this.accountId) throw new InputError('X needs the account’s @username', 'xUsername');
		const body = await this.api.get('/2/users/by', { usernames: this.accountId, 'user.fields': 'public_metrics' }, '2/users/by');
		const user = Array.isArray(body.data) ? (body.data[0] as JsonBody | undefined) : undefined;
		if (!user) throw partialError(body, '2/users/by') ?? new PlatformError({ platform: 'x', code: 'Not Found Error', message: `no user @${this.accountId}`, operation: '2/users/by' });
		return user;
	}

	async collectAccountMetrics(query: MetricsQuery): Promise<MetricSnapshot[]> {
		const user = await this.user();
		const m = (user.public_metrics ?? {}) as JsonBody;
		const today = todayIn(query.timezone, this.now());
		const snap: MetricSnapshot = {
			platform: 'x',
			accountId: String(user.id),
			accountName: typeof user.username === 'string' ? `@${user.username}` : undefined,
			periodStart: today,
			periodEnd: today,
			timezone: query.timezone,
			window: 'cumulative',
			followers: toCount(m.followers_count),
			extra: numericExtra({ following: m.following_count, posts: m.tweet_count, listed: m.listed_count }),
			collectedAt: isoUtc(this.now()),
			source: 'x:2/users/by',
		};
		return [dropUndefined(snap)];
	}

	async collectPostMetrics(query: MetricsQuery): Promise<MetricSnapshot[]> {
		const ids = cleanIdList((this.options.postIds ?? []).map(postIdOf));
		const today = todayIn(query.timezone, this.now());
		if (ids.length) {
			const out: MetricSnapshot[] = [];
			const missing: string[] = [];
			for (const batch of chunk(ids, X_MAX_IDS_PER_CALL)) {
				const body = await this.api.get('/2/tweets', { ids: batch.join(','), 'tweet.fields': 'public_metrics,created_at,author_id' }, '2/tweets');
				const byId = new Map((Array.isArray(body.data) ? (body.data as JsonBody[]) : []).map((t) => [String(t.id), t]));
				for (const id of batch) {
					const tweet = byId.get(id);
					if (tweet) out.push(this.snapshot(tweet, query.timezone, today, '2/tweets'));
					else missing.push(id);
				}
			}
			if (missing.length) this.ctx.log?.(`x: ${missing.length} post(s) not found (deleted, protected or unknown): ${missing.join(', ')}`);
			if (out.length === 0 && missing.length) throw new PlatformError({ platform: 'x', code: 'Not Found Error', message: `none of the posts were found: ${missing.join(', ')}`, operation: '2/tweets' });
			return out;
		}
		const user = await this.user();
		const out: MetricSnapshot[] = [];
		const seen = new Set<string>();
		// The range's days in the workflow's zone, as instants: [start 00:00, end+1 00:00).
		const startTime = DateTime.fromISO(query.range.start, { zone: query.timezone }).toUTC().toISO({ suppressMilliseconds: true })!;
		// X refuses an end_time that is not safely in the past ("must be a minimum of 10 seconds prior to the request
		// time", documented for search; assumed here for timelines too). A range reaching today omits it: "up to now".
		const end = DateTime.fromISO(addDays(query.range.end, 1), { zone: query.timezone });
		const endTime = end.toMillis() <= this.now().getTime() - X_END_TIME_MARGIN_MS ? end.toUTC().toISO({ suppressMilliseconds: true })! : undefined;
		let token: string | undefined;
		const maxPages = this.options.maxPages ?? 32;
		for (let page = 1; ; page++) {
			const body = await this.api.get(
				`/2/users/${String(user.id)}/tweets`,
				{ max_results: X_MAX_RESULTS, start_time: startTime, end_time: endTime, exclude: 'retweets,replies', 'tweet.fields': 'public_metrics,created_at,author_id', pagination_token: token },
				'2/users/:id/tweets',
			);
			for (const tweet of Array.isArray(body.data) ? (body.data as JsonBody[]) : []) {
				const id = String(tweet.id);
				if (seen.has(id)) continue;
				seen.add(id);
				out.push(this.snapshot(tweet, query.timezone, today, '2/users/:id/tweets'));
			}
			const meta = (body.meta ?? {}) as JsonBody;
			token = typeof meta.next_token === 'string' ? meta.next_token : undefined;
			if (!token) break;
			if (page >= maxPages) throw new InputError(`X timeline of @${this.accountId} has more than ${maxPages * X_MAX_RESULTS} posts in the range; shorten the range`, 'dateRange');
		}
		return out;
	}

	private snapshot(tweet: JsonBody, zone: string, today: string, operation: string): MetricSnapshot {
		const m = (tweet.public_metrics ?? {}) as JsonBody;
		const createdAt = typeof tweet.created_at === 'string' ? tweet.created_at : undefined;
		const day = createdAt ? dayOf(createdAt, zone) : today;
		return dropUndefined({
			platform: 'x',
			accountId: String(tweet.author_id ?? this.accountId ?? 'unknown'),
			postId: String(tweet.id),
			postTitle: typeof tweet.text === 'string' ? tweet.text.slice(0, 120) : undefined,
			publishedAt: createdAt ? isoUtc(Date.parse(createdAt)) : undefined,
			periodStart: day < today ? day : today,
			periodEnd: today,
			timezone: zone,
			window: 'cumulative',
			likes: toCount(m.like_count),
			shares: toCount(m.retweet_count),
			comments: toCount(m.reply_count),
			saves: undefined,
			extra: numericExtra({ quotes: m.quote_count, bookmarks: m.bookmark_count, impressions: m.impression_count }),
			collectedAt: isoUtc(this.now()),
			source: `x:${operation}`,
		} as MetricSnapshot);
	}
}

/** The first partial error of a 200 answer as a PlatformError (e.g. "Could not find user with usernames: [x]."). */
function partialError(body: JsonBody, operation: string): PlatformError | undefined {
	const first = Array.isArray(body.errors) ? (body.errors[0] as JsonBody | undefined) : undefined;
	if (!first) return undefined;
	return new PlatformError({ platform: 'x', code: String(first.title ?? 'Error'), message: String(first.detail ?? first.message ?? 'error'), operation });
}

/** A bare id, or the id of an x.com / twitter.com status URL. */
export function postIdOf(value: string): string {
	const v = value.trim();
	const m = /status(?:es)?\/(\d+)/.exec(v);
	const id = m ? m[1] : v;
	if (id && !/^\d{1,20}$/.test(id)) throw new InputError(`"${value}" is not an X post id`, 'xPostIds');
	return id;
}
