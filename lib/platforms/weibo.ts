import { InputError } from '../errors';
import type { MetricSnapshot } from '../model';
import { todayIn } from '../time/date-range';
import { JsonApi, chunk, cleanIdList, dayOf, dropUndefined, isoUtc, numericExtra, toCount, type JsonBody, type PlatformErrorInfo } from './http-json';
import type { MetricsAdapter, MetricsQuery, PlatformContext } from './types';

/**
 * Weibo (微博) metrics from the open API v2 (PLATFORMS.md §3.2) with an OAuth2 access token.
 * - Account: `users/show.json?uid=` (or `screen_name=`) → `followers_count, friends_count, statuses_count`:
 *   today's totals (China time). Works for any public account, competitors included.
 * - Posts: `statuses/user_timeline.json?count=100&page=` (100 is the maximum), newest first, until a post is older
 *   than the range. Under the current policy the timeline is the authorised user's own only (a competitor's
 *   uid is refused with 10014), so competitor posts go through a list of status ids and `statuses/count.json`
 *   (up to 100 ids a call: `comments, reposts, attitudes`).
 * - Quotas: per user per app per hour (150 in the older normal tier; "100 a day" in later wording, now set by
 *   app-quality review). 10022/10023/10024 "out of rate limit" are not retried (they last the hour); the
 *   adapter spends as few calls as the limits allow (100 posts a page, 100 ids a count call).
 * Errors are `{error, error_code, request}`: the code is `error_code` (21327 expired_token, 21332
 * invalid_access_token, 20003 user does not exist, 10017 parameter value invalid ...).
 */
export const WEIBO_DEFAULT_BASE_URL = 'https://api.weibo.com';
export const WEIBO_TIMEZONE = 'Asia/Shanghai';
export const WEIBO_MAX_COUNT = 100;
/** Error codes meaning the hourly/daily quota is spent: retrying within the run cannot help. */
const QUOTA_CODES = new Set([10022, 10023, 10024]);
const TOKEN_CODES = new Set([21314, 21315, 21316, 21317, 21327, 21332]);

export interface WeiboOptions {
	accessToken: string;
	/** uid (digits) or screen name; empty = the authorised user (account metrics need it). */
	account?: string;
	/** Status ids to read through statuses/count (competitors); when given the timeline is not used. */
	statusIds?: string[];
	baseUrl?: string;
	/** Safety stop for the timeline (default 20 pages = 2,000 posts). */
	maxPages?: number;
}

export function readWeiboError(_status: number, body: JsonBody): PlatformErrorInfo | undefined {
	// Every Weibo error carries error_code; an `{error}` alone is a proxy's or load balancer's page, whose HTTP status
	// is the better code (a 500 stays "500" and retryable, not a code made of its text).
	if (body.error_code === undefined || body.error_code === null) return undefined;
	const code = Number(body.error_code) || String(body.error_code);
	let message = String(body.error ?? 'unknown error');
	if (typeof code === 'number' && QUOTA_CODES.has(code)) message += ' (Weibo’s per-user hourly quota is spent; it resets within the hour)';
	if (typeof code === 'number' && TOKEN_CODES.has(code)) message += ' (re-authorise the app and update the access token in the credential)';
	return { code, message };
}

export class WeiboMetricsAdapter implements MetricsAdapter {
	readonly platform = 'weibo' as const;
	readonly dayZone = WEIBO_TIMEZONE;
	readonly accountId: string;
	private readonly api: JsonApi;

	constructor(
		private readonly options: WeiboOptions,
		private readonly ctx: PlatformContext,
	) {
		if (!options.accessToken) throw new InputError('Weibo needs an access token in the credential', 'accessToken');
		this.accountId = (options.account ?? '').trim().replace(/^@/, '');
		this.api = new JsonApi({ platform: 'weibo', baseUrl: options.baseUrl || WEIBO_DEFAULT_BASE_URL, ctx, query: { access_token: options.accessToken }, secrets: [options.accessToken], account: this.accountId, readError: readWeiboError });
	}

	private now(): Date {
		return this.ctx.now ? this.ctx.now() : new Date();
	}

	private accountQuery(): Record<string, string> {
		if (!this.accountId) throw new InputError('Weibo account metrics need the account’s uid or screen name', 'weiboAccount');
		return /^\d+$/.test(this.accountId) ? { uid: this.accountId } : { screen_name: this.accountId };
	}

	async collectAccountMetrics(_query: MetricsQuery): Promise<MetricSnapshot[]> {
		const user = await this.api.get('/2/users/show.json', this.accountQuery(), '2/users/show');
		const today = todayIn(this.dayZone, this.now());
		const snap: MetricSnapshot = {
			platform: 'weibo',
			accountId: String(user.idstr ?? user.id ?? this.accountId),
			accountName: typeof user.screen_name === 'string' ? user.screen_name : undefined,
			periodStart: today,
			periodEnd: today,
			timezone: this.dayZone,
			window: 'cumulative',
			followers: toCount(user.followers_count),
			extra: numericExtra({ following: user.friends_count, posts: user.statuses_count, favourites: user.favourites_count }),
			collectedAt: isoUtc(this.now()),
			source: 'weibo:2/users/show',
		};
		return [dropUndefined(snap)];
	}

	async collectPostMetrics(query: MetricsQuery): Promise<MetricSnapshot[]> {
		const ids = cleanIdList(this.options.statusIds ?? []);
		return ids.length ? this.countsOf(ids) : this.timeline(query);
	}

	/** The authorised user's posts created in the range (China days), 100 a page. */
	private async timeline(query: MetricsQuery): Promise<MetricSnapshot[]> {
		const { start, end } = query.range;
		const today = todayIn(this.dayZone, this.now());
		const out: MetricSnapshot[] = [];
		const seen = new Set<string>();
		const maxPages = this.options.maxPages ?? 20;
		// max_id pins the first page's newest post, so posts published while we page do not shift the pages.
		let maxId: string | undefined;
		for (let page = 1; ; page++) {
			const uid = /^\d+$/.test(this.accountId) ? this.accountId : undefined;
			const body = await this.api.get('/2/statuses/user_timeline.json', { uid, count: WEIBO_MAX_COUNT, page, max_id: maxId, trim_user: 1 }, '2/statuses/user_timeline');
			const statuses = Array.isArray(body.statuses) ? (body.statuses as JsonBody[]) : [];
			if (page === 1 && statuses[0]) maxId = String(statuses[0].idstr ?? statuses[0].id);
			let reachedOlder = false;
			for (const s of statuses) {
				const id = String(s.idstr ?? s.id);
				const createdMs = parseWeiboTime(String(s.created_at ?? ''));
				if (createdMs === undefined) continue;
				const day = dayOf(createdMs, this.dayZone);
				if (day < start) {
					reachedOlder = true;
					continue;
				}
				if (day > end || seen.has(id)) continue;
				seen.add(id);
				out.push(
					dropUndefined({
						platform: 'weibo',
						accountId: String(s.uid ?? (s.user as JsonBody | undefined)?.idstr ?? this.accountId),
						postId: id,
						postTitle: typeof s.text === 'string' ? s.text.slice(0, 120) : undefined,
						publishedAt: isoUtc(createdMs),
						periodStart: day,
						periodEnd: today < day ? day : today,
						timezone: this.dayZone,
						window: 'cumulative',
						likes: toCount(s.attitudes_count),
						comments: toCount(s.comments_count),
						shares: toCount(s.reposts_count),
						collectedAt: isoUtc(this.now()),
						source: 'weibo:2/statuses/user_timeline',
					} as MetricSnapshot),
				);
			}
			if (reachedOlder || statuses.length < WEIBO_MAX_COUNT) break;
			if (page >= maxPages) throw new InputError(`Weibo timeline has more than ${maxPages * WEIBO_MAX_COUNT} posts in or after the range; shorten the range`, 'dateRange');
		}
		return out;
	}

	/** Counters of listed posts (any account), 100 ids a call. */
	private async countsOf(ids: string[]): Promise<MetricSnapshot[]> {
		const today = todayIn(this.dayZone, this.now());
		const out: MetricSnapshot[] = [];
		const missing: string[] = [];
		for (const batch of chunk(ids, WEIBO_MAX_COUNT)) {
			const rows = await this.api.getList('/2/statuses/count.json', { ids: batch.join(',') }, '2/statuses/count');
			const byId = new Map(rows.map((r) => [String(r.idstr ?? r.id), r]));
			for (const id of batch) {
				const r = byId.get(id);
				if (!r) {
					missing.push(id);
					continue;
				}
				out.push(
					dropUndefined({
						platform: 'weibo',
						accountId: this.accountId || 'unknown',
						postId: id,
						periodStart: today,
						periodEnd: today,
						timezone: this.dayZone,
						window: 'cumulative',
						likes: toCount(r.attitudes),
						comments: toCount(r.comments),
						shares: toCount(r.reposts),
						collectedAt: isoUtc(this.now()),
						source: 'weibo:2/statuses/count',
					} as MetricSnapshot),
				);
			}
		}
		if (missing.length) this.ctx.log?.(`weibo: ${missing.length} status(es) not returned by statuses/count (deleted or not visible): ${missing.join(', ')}`);
		return out;
	}
}

const MONTHS: Record<string, number> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };

/** "Wed Mar 11 10:00:00 +0800 2026" → epoch ms (not left to Date.parse, whose support of it varies). */
export function parseWeiboTime(text: string): number | undefined {
	const m = /^\w{3} (\w{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/.exec(text.trim());
	if (!m || MONTHS[m[1]] === undefined) return undefined;
	const utc = Date.UTC(Number(m[9]), MONTHS[m[1]], Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
	const offset = (Number(m[7]) * 60 + Number(m[8])) * 60_000 * (m[6] === '-' ? -1 : 1);
	return utc - offset;
}
