import { DateTime } from 'luxon';
import type { MetricSnapshot } from '../model';
import { eachDay, splitDayRange, todayIn, addDays, type DayRange } from '../time/date-range';
import { addTo, type MetricsAdapter, type MetricsQuery, type PlatformContext } from './types';
import { WechatOaApi, type WechatOaCredentials } from './wechat-oa-api';

/**
 * WeChat Official Account metrics from the datacube API.
 * WeChat counts days in China time, so day boundaries are Asia/Shanghai whatever zone the workflow uses;
 * snapshots say so in `timezone`.
 */
export const WECHAT_TIMEZONE = 'Asia/Shanghai';

/**
 * Longest `begin_date..end_date` span each endpoint accepts (errcode 61501 beyond it).
 * usersummary/usercumulate: 7 days (official table). The 2025 endpoints publish no limit: one day at a time is
 * the assumption that is always accepted.
 */
export const WECHAT_MAX_SPAN_DAYS = {
	'datacube/getusersummary': 7,
	'datacube/getusercumulate': 7,
	'datacube/getbizsummary': 1,
	'datacube/getarticletotaldetail': 1,
} as const;

/** Data exists only from 2014-12-01 (datacube docs). */
export const WECHAT_DATA_START = '2014-12-01';

/** user_source codes of getusersummary, named for the `newFollowersBySource` breakdown. */
export const WECHAT_USER_SOURCES: Record<string, string> = {
	'0': 'other',
	'1': 'search',
	'17': 'card_share',
	'30': 'qr_code',
	'57': 'article_account_name',
	'100': 'wechat_ads',
	'161': 'reposted_by_others',
	'176': 'album_account_name',
};

type Row = Record<string, unknown>;

function num(row: Row | undefined, key: string): number | undefined {
	if (!row) return undefined;
	const v = row[key];
	if (v === undefined || v === null || v === '') return undefined;
	const n = typeof v === 'number' ? v : Number(v);
	return Number.isFinite(n) ? n : undefined;
}

function list(data: Record<string, unknown>): Row[] {
	return Array.isArray(data.list) ? (data.list as Row[]) : [];
}

export class WechatOaMetricsAdapter implements MetricsAdapter {
	readonly platform = 'wechat_oa' as const;
	readonly dayZone = WECHAT_TIMEZONE;
	readonly accountId: string;
	private readonly api: WechatOaApi;

	constructor(
		credentials: WechatOaCredentials & { accountName?: string },
		private readonly ctx: PlatformContext,
	) {
		this.api = new WechatOaApi(credentials, ctx);
		this.accountId = credentials.appId;
		this.accountName = credentials.accountName;
	}

	private readonly accountName?: string;

	private now(): Date {
		return this.ctx.now ? this.ctx.now() : new Date();
	}

	/**
	 * Clamps the range to what WeChat can answer: from 2014-12-01 to yesterday (China time).
	 * Days past yesterday are reported, never silently dropped.
	 */
	effectiveRange(range: DayRange): { range?: DayRange; skipped: string[] } {
		const yesterday = addDays(todayIn(this.dayZone, this.now()), -1);
		const start = range.start < WECHAT_DATA_START ? WECHAT_DATA_START : range.start;
		const end = range.end > yesterday ? yesterday : range.end;
		const skipped = eachDay(range).filter((d) => d > yesterday);
		if (start > end) return { skipped };
		return { range: { start, end }, skipped };
	}

	private async fetchSpans(endpoint: keyof typeof WECHAT_MAX_SPAN_DAYS, range: DayRange, onRows: (rows: Row[]) => void): Promise<void> {
		for (const span of splitDayRange(range, WECHAT_MAX_SPAN_DAYS[endpoint])) {
			const data = await this.api.post(endpoint, { begin_date: span.start, end_date: span.end });
			onRows(list(data));
		}
	}

	private base(day: string): Pick<MetricSnapshot, 'platform' | 'accountId' | 'accountName' | 'periodStart' | 'periodEnd' | 'timezone' | 'collectedAt'> {
		const snap: Pick<MetricSnapshot, 'platform' | 'accountId' | 'accountName' | 'periodStart' | 'periodEnd' | 'timezone' | 'collectedAt'> = {
			platform: 'wechat_oa',
			accountId: this.accountId,
			periodStart: day,
			periodEnd: day,
			timezone: this.dayZone,
			collectedAt: DateTime.fromJSDate(this.now(), { zone: 'UTC' }).toISO()!,
		};
		if (this.accountName) snap.accountName = this.accountName;
		return snap;
	}

	/**
	 * One snapshot per day: followers (getusercumulate), new/lost by source (getusersummary) and the
	 * account's content totals of the day (getbizsummary: reads, shares, likes, 在看, comments).
	 */
	async collectAccountMetrics(query: MetricsQuery): Promise<MetricSnapshot[]> {
		const out: MetricSnapshot[] = [];
		for await (const page of this.accountMetricPages(query)) out.push(...page);
		return out;
	}

	/**
	 * The same snapshots a week at a time (the user endpoints' longest span), so a caller that hands each page
	 * on holds one week in memory however long the range is.
	 */
	async *accountMetricPages(query: MetricsQuery): AsyncGenerator<MetricSnapshot[]> {
		const { range, skipped } = this.effectiveRange(query.range);
		if (skipped.length) this.ctx.log?.(`wechat_oa ${this.accountId}: ${skipped.length} day(s) from ${skipped[0]} are not available yet (WeChat publishes a day's data after 08:00 China time the next day)`);
		if (!range) return;
		for (const week of splitDayRange(range, WECHAT_MAX_SPAN_DAYS['datacube/getusersummary'])) yield await this.accountMetricsOfSpan(week);
	}

	private async accountMetricsOfSpan(range: DayRange): Promise<MetricSnapshot[]> {
		const days = new Map<string, { cumulate?: number; newBy: Record<string, number>; lostBy: Record<string, number>; biz?: Row }>();
		const day = (d: string) => {
			let entry = days.get(d);
			if (!entry) days.set(d, (entry = { newBy: {}, lostBy: {} }));
			return entry;
		};
		await this.fetchSpans('datacube/getusercumulate', range, (rows) => {
			for (const r of rows) day(String(r.ref_date)).cumulate = num(r, 'cumulate_user');
		});
		await this.fetchSpans('datacube/getusersummary', range, (rows) => {
			for (const r of rows) {
				const entry = day(String(r.ref_date));
				const source = WECHAT_USER_SOURCES[String(r.user_source)] ?? `source_${String(r.user_source)}`;
				addTo(entry.newBy, source, num(r, 'new_user') ?? 0);
				addTo(entry.lostBy, source, num(r, 'cancel_user') ?? 0);
			}
		});
		await this.fetchSpans('datacube/getbizsummary', range, (rows) => {
			for (const r of rows) day(String(r.ref_date)).biz = (r.detail as Row) ?? r;
		});

		const out: MetricSnapshot[] = [];
		for (const d of eachDay(range)) {
			const entry = days.get(d);
			// A day with no cumulate row has not been computed by WeChat yet: emit nothing rather than zeros.
			if (!entry || entry.cumulate === undefined) continue;
			const newFollowers = Object.values(entry.newBy).reduce((a, b) => a + b, 0);
			const lostFollowers = Object.values(entry.lostBy).reduce((a, b) => a + b, 0);
			const snap: MetricSnapshot = {
				...this.base(d),
				window: 'day',
				followers: entry.cumulate,
				newFollowers,
				lostFollowers,
				netFollowers: newFollowers - lostFollowers,
				source: 'wechat_oa:datacube/getusercumulate+getusersummary',
			};
			const extra: Record<string, number | Record<string, number>> = {};
			if (Object.keys(entry.newBy).length) extra.newFollowersBySource = entry.newBy;
			if (Object.keys(entry.lostBy).length) extra.lostFollowersBySource = entry.lostBy;
			if (entry.biz) {
				snap.views = num(entry.biz, 'read_user');
				snap.shares = num(entry.biz, 'share_user');
				snap.likes = num(entry.biz, 'like_user');
				snap.comments = num(entry.biz, 'comment_count');
				const saves = num(entry.biz, 'collection_user');
				if (saves !== undefined) snap.saves = saves;
				const zaikan = num(entry.biz, 'zaikan_user');
				if (zaikan !== undefined) extra.zaikan = zaikan;
				snap.source += '+getbizsummary';
			}
			if (Object.keys(extra).length) snap.extra = extra;
			out.push(dropUndefined(snap));
		}
		return out;
	}

	/**
	 * One snapshot per article published in the range (getarticletotaldetail), with the article's totals from
	 * its publish day up to the latest stat day WeChat has (cumulative window).
	 */
	async collectPostMetrics(query: MetricsQuery): Promise<MetricSnapshot[]> {
		const { range } = this.effectiveRange(query.range);
		if (!range) return [];
		const out: MetricSnapshot[] = [];
		await this.fetchSpans('datacube/getarticletotaldetail', range, (rows) => {
			for (const r of rows) {
				const details = Array.isArray(r.detail_list) ? (r.detail_list as Row[]) : [];
				if (details.length === 0) continue;
				// detail_list entries are running totals from publish day to stat_date: the latest one is the total.
				const latest = details.reduce((a, b) => (String(b.stat_date) > String(a.stat_date) ? b : a));
				const publishDay = String(r.ref_date);
				const snap: MetricSnapshot = {
					...this.base(publishDay),
					periodEnd: String(latest.stat_date),
					window: 'cumulative',
					postId: String(r.msgid),
					views: num(latest, 'read_user'),
					shares: num(latest, 'share_user'),
					likes: num(latest, 'like_user'),
					comments: num(latest, 'comment_count'),
					saves: num(latest, 'collection_user'),
					source: 'wechat_oa:datacube/getarticletotaldetail',
				};
				if (typeof r.title === 'string') snap.postTitle = r.title;
				const extra: Record<string, number> = {};
				const zaikan = num(latest, 'zaikan_user');
				if (zaikan !== undefined) extra.zaikan = zaikan;
				// 完读率 and average reading time appear in some responses; kept only when present and sane.
				const finish = num(latest, 'read_finish_rate');
				if (finish !== undefined && finish >= 0 && finish <= 1) snap.completionRate = finish;
				const activeTime = num(latest, 'read_avg_activetime');
				if (activeTime !== undefined) extra.avgReadSeconds = activeTime;
				const publishType = num(r, 'publish_type');
				if (publishType !== undefined) extra.publishType = publishType;
				if (Object.keys(extra).length) snap.extra = extra;
				out.push(dropUndefined(snap));
			}
		});
		return out;
	}
}

function dropUndefined<T extends object>(obj: T): T {
	for (const k of Object.keys(obj) as Array<keyof T>) if (obj[k] === undefined) delete obj[k];
	return obj;
}

