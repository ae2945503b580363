import { InputError, PlatformError, isPlatformError } from '../errors';
import type { MetricSnapshot } from '../model';
import { addDays, eachDay, todayIn } from '../time/date-range';
import { JsonApi, dayOf, dropUndefined, isoUtc, numericExtra, toCount, type JsonBody, type PlatformErrorInfo } from './http-json';
import type { MetricsAdapter, MetricsQuery, PlatformContext } from './types';

/**
 * Douyin (抖音) metrics from the Open Platform (PLATFORMS.md §3.3) with a user's OAuth2 access token and open_id.
 * Only accounts that authorised the app can be read: there is no competitor access.
 * - Account: `GET /data/external/user/fans/?open_id&date_type=7|15|30` (scope data.external.user; enterprise,
 *   government or institution developers only) → daily `total_fans, new_fans`: one `day` snapshot per day.
 * - Posts: `GET /video/list/?open_id&cursor&count` (scope video.list), paged with `cursor` while `has_more`, until a
 *   video is older than the range → a cumulative snapshot per video from `statistics` (play, digg, comment, share,
 *   and `extra.downloads`, `extra.forwards`). With daily data on, each video created within the last 30 days also
 *   gets `day` snapshots from `/data/external/item/{play,like,comment,share}/?item_id&date_type` (scope
 *   data.external.item).
 * The platform's rules become messages, never silent gaps:
 * - T+1: the newest day with data is yesterday (China time). Account metrics for today or later fail with a
 *   message naming the last available day; post snapshots say in `extra.dailyDataNote` where their daily data ends.
 * - 30 days: user and item data reach back 30 days, and item data exists only for videos created within 30 days.
 *   Older requested days fail (account) or are explained in `extra.dailyDataNote` (posts).
 * - Data exists only from the day after the first authorization: such days come out as snapshots without
 *   counters and with `extra.notice`, so a table shows the gap instead of zeros.
 * Errors: `data.error_code` / `extra.error_code` with `description` (2190008 access_token expired → refreshed once
 * with the refresh token when one is set; 2190002 invalid token; 2190001 quota spent, not retried; 2100005 invalid parameter;
 * 2100004 busy, retried).
 */
export const DOUYIN_DEFAULT_BASE_URL = 'https://open.douyin.com';
export const DOUYIN_TIMEZONE = 'Asia/Shanghai';
/** Data endpoints serve the last 7, 15 or 30 days (date_type). */
export const DOUYIN_MAX_DAYS = 30;
export const DOUYIN_PAGE_SIZE = 20;
const DATE_TYPES = [7, 15, 30] as const;
/** access_token expired: refreshed once with the refresh token. */
export const DOUYIN_TOKEN_EXPIRED = 2190008;
const BUSY = 2100004;
/** "quota 已用完" (status-code table, 通用状态码(旧)). */
const QUOTA_SPENT = 2190001;
const ITEM_METRICS = { play: 'views', like: 'likes', comment: 'comments', share: 'shares' } as const;

export interface DouyinOptions {
	clientKey: string;
	clientSecret?: string;
	accessToken: string;
	refreshToken?: string;
	openId: string;
	baseUrl?: string;
	/** Per-day item data for videos created within 30 days (4 calls a video). Default true. */
	dailyItemData?: boolean;
	/** Safety stop for the video list (default 50 pages = 1,000 videos). */
	maxPages?: number;
}

export function readDouyinError(_status: number, body: JsonBody): PlatformErrorInfo | undefined {
	const data = (body.data ?? {}) as JsonBody;
	const extra = (body.extra ?? {}) as JsonBody;
	const code = Number(data.error_code ?? extra.error_code ?? 0);
	if (!code) return undefined;
	const description = String(data.description || extra.description || 'unknown error');
	const sub = typeof extra.sub_description === 'string' && extra.sub_description ? ` (${extra.sub_description})` : '';
	const hint = code === QUOTA_SPENT ? ' (the app’s call quota for this capability is used up; retrying in this run cannot help)' : '';
	return { code, message: `${description}${sub}${hint}`, retryable: code === BUSY };
}

/**
 * The API with the user's access token (`access-token` header; token, refresh token and client secret scrubbed),
 * for the metrics adapter and the comments reader; `account` names the account in errors. Throws without the
 * token or the open_id.
 */
export function douyinUserApi(
	options: Pick<DouyinOptions, 'accessToken' | 'refreshToken' | 'clientSecret' | 'openId' | 'baseUrl'>,
	ctx: PlatformContext,
	account?: string,
): JsonApi {
	if (!options.accessToken) throw new InputError('Douyin needs the user’s access token in the credential', 'accessToken');
	if (!options.openId) throw new InputError('Douyin needs the user’s open_id in the credential', 'openId');
	return new JsonApi({
		platform: 'douyin',
		baseUrl: options.baseUrl || DOUYIN_DEFAULT_BASE_URL,
		ctx,
		headers: { 'access-token': options.accessToken },
		secrets: [options.accessToken, options.refreshToken, options.clientSecret],
		account,
		readError: readDouyinError,
	});
}

/** Exchanges the refresh token for a new access token (after DOUYIN_TOKEN_EXPIRED), puts it on `api` and returns it. */
export async function refreshDouyinToken(api: JsonApi, ctx: PlatformContext, options: Pick<DouyinOptions, 'clientKey' | 'refreshToken'>): Promise<string> {
	ctx.log?.('douyin: access token expired (2190008), refreshing it with the refresh token');
	const body = await api.post('/oauth/refresh_token/', { client_key: options.clientKey, grant_type: 'refresh_token', refresh_token: options.refreshToken }, 'oauth/refresh_token');
	const token = String(((body.data ?? {}) as JsonBody).access_token ?? '');
	if (!token) throw new PlatformError({ platform: 'douyin', code: 'NO_TOKEN', message: 'refresh_token returned no access_token', operation: 'oauth/refresh_token' });
	api.setAuth({ 'access-token': token }, token);
	return token;
}

interface ServedWindow {
	first: string;
	last: string;
}

export class DouyinMetricsAdapter implements MetricsAdapter {
	readonly platform = 'douyin' as const;
	readonly dayZone = DOUYIN_TIMEZONE;
	readonly accountId: string;
	private readonly api: JsonApi;
	private accessToken: string;
	private refreshed = false;

	constructor(
		private readonly options: DouyinOptions,
		private readonly ctx: PlatformContext,
	) {
		this.api = douyinUserApi(options, ctx, options.openId);
		this.accountId = options.openId;
		this.accessToken = options.accessToken;
	}

	private now(): Date {
		return this.ctx.now ? this.ctx.now() : new Date();
	}

	/** One call; an expired token is refreshed once (when a refresh token is set) and the call repeated. */
	private async get(path: string, query: Record<string, string | number | undefined>, operation: string): Promise<JsonBody> {
		try {
			return (await this.api.get(path, { open_id: this.options.openId, ...query }, operation)).data as JsonBody;
		} catch (error) {
			if (!isPlatformError(error) || Number(error.code) !== DOUYIN_TOKEN_EXPIRED || this.refreshed || !this.options.refreshToken || !this.options.clientKey) throw error;
			await this.refresh();
			return (await this.api.get(path, { open_id: this.options.openId, ...query }, operation)).data as JsonBody;
		}
	}

	private async refresh(): Promise<void> {
		this.refreshed = true;
		this.accessToken = await refreshDouyinToken(this.api, this.ctx, this.options);
	}

	/** The days the data endpoints can serve today: the last 30 days up to yesterday (T+1), China time. */
	servedWindow(): ServedWindow {
		const today = todayIn(this.dayZone, this.now());
		return { first: addDays(today, -DOUYIN_MAX_DAYS), last: addDays(today, -1) };
	}

	private base(day: string): Pick<MetricSnapshot, 'platform' | 'accountId' | 'periodStart' | 'periodEnd' | 'timezone' | 'collectedAt'> {
		return { platform: 'douyin', accountId: this.accountId, periodStart: day, periodEnd: day, timezone: this.dayZone, collectedAt: isoUtc(this.now()) };
	}

	/** Daily fans over the range; days outside what Douyin serves are refused with the rule that applies. */
	async collectAccountMetrics(query: MetricsQuery): Promise<MetricSnapshot[]> {
		const window = this.servedWindow();
		const problems: string[] = [];
		if (query.range.end > window.last) problems.push(`Douyin data is T+1: the newest day available now is ${window.last} (China time), so ${query.range.end > window.last && query.range.start > window.last ? `${query.range.start}..${query.range.end}` : `${addDays(window.last, 1)}..${query.range.end}`} cannot be collected yet`);
		if (query.range.start < window.first) problems.push(`Douyin keeps user data for the last ${DOUYIN_MAX_DAYS} days only: the oldest day available now is ${window.first}, so ${query.range.start}..${query.range.end < window.first ? query.range.end : addDays(window.first, -1)} cannot be collected (store each day as it comes: run the collection daily)`);
		if (problems.length) throw new InputError(`${problems.join('; ')}. Choose a range within ${window.first}..${window.last}.`, 'dateRange');
		const data = await this.get('/data/external/user/fans/', { date_type: dateTypeFor(query.range.start, this.now()) }, 'data/external/user/fans');
		const byDay = new Map<string, JsonBody>();
		for (const row of Array.isArray(data.result_list) ? (data.result_list as JsonBody[]) : []) byDay.set(String(row.date), row);
		const firstWithData = [...byDay.keys()].sort()[0];
		return eachDay(query.range).map((day) => {
			const row = byDay.get(day);
			if (!row) {
				return { ...this.base(day), window: 'day', extra: { notice: noDataNotice(day, firstWithData) }, source: 'douyin:data/external/user/fans' } as MetricSnapshot;
			}
			const newFans = toCount(row.new_fans);
			return dropUndefined({ ...this.base(day), window: 'day', followers: toCount(row.total_fans), newFollowers: newFans, source: 'douyin:data/external/user/fans' } as MetricSnapshot);
		});
	}

	async collectPostMetrics(query: MetricsQuery): Promise<MetricSnapshot[]> {
		const today = todayIn(this.dayZone, this.now());
		const window = this.servedWindow();
		const videos = await this.videosInRange(query);
		const out: MetricSnapshot[] = [];
		for (const video of videos) {
			const stats = (video.statistics ?? {}) as JsonBody;
			const createdMs = Number(video.create_time) * 1000;
			const created = dayOf(createdMs, this.dayZone);
			const itemId = String(video.item_id);
			const cumulative: MetricSnapshot = dropUndefined({
				...this.base(created),
				periodEnd: today,
				window: 'cumulative',
				postId: itemId,
				postTitle: typeof video.title === 'string' ? video.title : undefined,
				publishedAt: isoUtc(createdMs),
				views: toCount(stats.play_count),
				likes: toCount(stats.digg_count),
				comments: toCount(stats.comment_count),
				shares: toCount(stats.share_count),
				extra: numericExtra({ downloads: stats.download_count, forwards: stats.forward_count }),
				source: 'douyin:video/list',
			} as MetricSnapshot);
			out.push(cumulative);
			if (this.options.dailyItemData === false) continue;
			// Daily item data: the range's days from the video's creation, within the served window.
			const from = [query.range.start, created, window.first].sort().reverse()[0];
			const to = query.range.end < window.last ? query.range.end : window.last;
			const notes: string[] = [];
			if (created < window.first) notes.push(`no daily data: Douyin serves item data only for videos created in the last ${DOUYIN_MAX_DAYS} days (created ${created}); the totals above are from the video list`);
			else if (query.range.end > window.last) notes.push(`daily data ends ${window.last}: Douyin item data is T+1`);
			if (created >= window.first && query.range.start < window.first && created < query.range.start) notes.push(`daily data starts ${window.first}: Douyin keeps ${DOUYIN_MAX_DAYS} days`);
			if (notes.length) cumulative.extra = { ...(cumulative.extra ?? {}), dailyDataNote: notes.join('; ') };
			if (created < window.first || from > to) continue;
			out.push(...(await this.itemDays(itemId, from, to, cumulative)));
		}
		return out;
	}

	/** Videos created in the range, newest first, from the cursor-paged video list. */
	private async videosInRange(query: MetricsQuery): Promise<JsonBody[]> {
		const out: JsonBody[] = [];
		const seen = new Set<string>();
		let cursor = 0;
		const maxPages = this.options.maxPages ?? 50;
		for (let page = 1; ; page++) {
			// The legacy video list takes the token in the query; the header is sent too.
			const data = await this.get('/video/list/', { cursor, count: DOUYIN_PAGE_SIZE, access_token: this.accessToken }, 'video/list');
			const list = Array.isArray(data.list) ? (data.list as JsonBody[]) : [];
			let reachedOlder = false;
			for (const video of list) {
				const day = dayOf(Number(video.create_time) * 1000, this.dayZone);
				// A pinned video (is_top) sits first whatever its age: it does not end the scan.
				if (day < query.range.start) {
					if (!video.is_top) reachedOlder = true;
					continue;
				}
				if (day > query.range.end || seen.has(String(video.item_id))) continue;
				seen.add(String(video.item_id));
				out.push(video);
			}
			if (reachedOlder || !data.has_more || list.length === 0) break;
			cursor = Number(data.cursor);
			if (page >= maxPages) throw new InputError(`Douyin video list has more than ${maxPages * DOUYIN_PAGE_SIZE} videos in or after the range; shorten the range`, 'dateRange');
		}
		return out;
	}

	private async itemDays(itemId: string, from: string, to: string, video: MetricSnapshot): Promise<MetricSnapshot[]> {
		const dateType = dateTypeFor(from, this.now());
		const days = new Map<string, Record<string, number>>();
		for (const [metric, field] of Object.entries(ITEM_METRICS)) {
			const data = await this.get(`/data/external/item/${metric}/`, { item_id: itemId, date_type: dateType }, `data/external/item/${metric}`);
			for (const row of Array.isArray(data.result_list) ? (data.result_list as JsonBody[]) : []) {
				const value = toCount(row[metric]);
				if (value === undefined) continue;
				const entry = days.get(String(row.date)) ?? {};
				entry[field] = value;
				days.set(String(row.date), entry);
			}
		}
		const firstWithData = [...days.keys()].sort()[0];
		return eachDay({ start: from, end: to }).map((day) => {
			const counters = days.get(day);
			const snap = { ...this.base(day), window: 'day', postId: itemId, postTitle: video.postTitle, publishedAt: video.publishedAt, source: 'douyin:data/external/item' } as MetricSnapshot;
			if (!counters) return dropUndefined({ ...snap, extra: { notice: noDataNotice(day, firstWithData) } });
			return dropUndefined({ ...snap, ...counters });
		});
	}
}

/** The smallest date_type (7, 15, 30) whose window reaches back to `day`. */
export function dateTypeFor(day: string, now: Date): number {
	const today = todayIn(DOUYIN_TIMEZONE, now);
	const back = eachDay({ start: day < today ? day : today, end: today }).length - 1;
	return DATE_TYPES.find((t) => t >= back) ?? DOUYIN_MAX_DAYS;
}

function noDataNotice(day: string, firstWithData: string | undefined): string {
	return firstWithData && day < firstWithData
		? `no Douyin data for ${day}: data exists only from the day after the account first authorised this app (first day with data: ${firstWithData})`
		: `Douyin returned no data for ${day}`;
}
