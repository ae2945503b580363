import { METRIC_COUNTERS, type MetricSnapshot } from '../model';
import { dayNumber, LocalClock } from './period';
import type { ReportMetric, ResolvedPeriod } from './types';

/**
 * The single pass over the snapshots. Everything later works on these accumulators, whose size depends
 * on accounts × metrics × days and on the number of posts, never on the number of snapshots.
 */

/** Columns kept per account: the shared counters plus `spend` from `extra.spend`. */
export const TRACKED: readonly ReportMetric[] = [...METRIC_COUNTERS, 'spend'];
const T = TRACKED.length;
const SPEND = T - 1;
const FOLLOWERS = TRACKED.indexOf('followers');

/** Ranges every snapshot is checked against. */
export const CURRENT = 0;
export const PREVIOUS = 1;
export const LAST_YEAR = 2;
const RANGES = 3;

/** Per-post columns (post snapshots). */
export const POST_METRICS = ['views', 'likes', 'comments', 'shares', 'saves', 'clicks', 'conversions'] as const;
export type PostMetric = (typeof POST_METRICS)[number];
const P = POST_METRICS.length;

/**
 * Numbers of one account from one kind of snapshot (account-level or summed post-level).
 * Daily cells hold sums for flows and the last level for stocks; range totals likewise.
 */
export class Side {
	readonly daily: Float64Array;
	readonly has: Uint8Array;
	readonly sum = new Float64Array(T * RANGES);
	readonly count = new Uint32Array(T * RANGES);
	readonly firstDay = new Float64Array(T * RANGES).fill(Infinity);
	readonly firstVal = new Float64Array(T * RANGES);
	readonly lastDay = new Float64Array(T * RANGES).fill(-Infinity);
	readonly lastVal = new Float64Array(T * RANGES);
	/** Set when a column arrived from a `cumulative` window (then it is a level, not a flow). */
	readonly cumulative = new Uint8Array(T);
	/** Earliest observation in the whole input, for KPI baselines. */
	readonly earliestDay = new Float64Array(T).fill(Infinity);
	readonly earliestVal = new Float64Array(T);

	constructor(readonly days: number) {
		this.daily = new Float64Array(T * days);
		this.has = new Uint8Array(T * days);
	}

	add(m: number, v: number, dn: number, offset: number, inRange: number, stock: boolean): void {
		if (dn < this.earliestDay[m]) {
			this.earliestDay[m] = dn;
			this.earliestVal[m] = v;
		}
		if (inRange === 0) return;
		if (stock && m !== FOLLOWERS) this.cumulative[m] = 1;
		if (inRange & 1) {
			const i = m * this.days + offset;
			this.daily[i] = stock ? v : this.daily[i] + v;
			this.has[i] = 1;
		}
		for (let r = 0; r < RANGES; r++) {
			if (!(inRange & (1 << r))) continue;
			const k = r * T + m;
			this.sum[k] += v;
			this.count[k]++;
			if (dn >= this.lastDay[k]) {
				this.lastDay[k] = dn;
				this.lastVal[k] = v;
			}
			if (dn < this.firstDay[k]) {
				this.firstDay[k] = dn;
				this.firstVal[k] = v;
			}
		}
	}

	present(m: number): boolean {
		return this.count[m] + this.count[T + m] + this.count[2 * T + m] > 0;
	}
}

export class AccountAgg {
	accountName?: string;
	competitor = false;
	readonly own: Side;
	readonly fromPosts: Side;
	readonly postIndex = new Map<string, number>();
	constructor(
		readonly index: number,
		readonly platform: string,
		readonly accountId: string,
		days: number,
	) {
		this.own = new Side(days);
		this.fromPosts = new Side(days);
	}
}

/** Column store of posts (one entry per post, however many snapshots it has). */
export class PostTable {
	length = 0;
	readonly account: number[] = [];
	readonly postId: string[] = [];
	readonly title: Array<string | undefined> = [];
	readonly publishedAt: Array<string | undefined> = [];
	readonly contentType: Array<string | undefined> = [];
	readonly format: Array<string | undefined> = [];
	/** weekday * 100 + hour in the report zone, -1 unknown. */
	readonly slot: number[] = [];
	/** Current-period values, POST_METRICS columns, NaN = not reported. */
	readonly cur: number[] = [];
	readonly curLastDay: number[] = [];
	/** Previous-period views and engagement (for attributing a drop). */
	readonly prevViews: number[] = [];
	readonly prevEngagement: number[] = [];
	readonly prevLastDay: number[] = [];

	push(account: number, postId: string): number {
		const i = this.length++;
		this.account.push(account);
		this.postId.push(postId);
		this.title.push(undefined);
		this.publishedAt.push(undefined);
		this.contentType.push(undefined);
		this.format.push(undefined);
		this.slot.push(-1);
		for (let c = 0; c < P; c++) this.cur.push(NaN);
		this.curLastDay.push(-Infinity);
		this.prevViews.push(NaN);
		this.prevEngagement.push(NaN);
		this.prevLastDay.push(-Infinity);
		return i;
	}

	value(i: number, metric: PostMetric): number {
		return this.cur[i * P + POST_METRICS.indexOf(metric)];
	}

	hasCurrent(i: number): boolean {
		return this.curLastDay[i] > -Infinity;
	}
}

export interface Aggregate {
	accounts: AccountAgg[];
	posts: PostTable;
	used: number;
	outOfRange: number;
	invalid: number;
}

const POST_COL = POST_METRICS.map((m) => TRACKED.indexOf(m));
const ENGAGEMENT_COLS = ['likes', 'comments', 'shares', 'saves'].map((m) => POST_METRICS.indexOf(m as PostMetric));

/**
 * One pass, no per-snapshot allocation: a snapshot is placed by its `periodEnd` day (as a calendar day;
 * days cannot be re-bucketed across zones without hourly data). Account snapshots (no postId) feed
 * the account side; post snapshots feed the post table and, for flows, the account's post-derived side.
 */
export function aggregate(snapshots: readonly MetricSnapshot[], period: ResolvedPeriod, competitorIds: ReadonlySet<string>): Aggregate {
	const cs = dayNumber(period.start);
	const ce = dayNumber(period.end);
	const ranges = [cs, ce, dayNumber(period.previous.start), dayNumber(period.previous.end), dayNumber(period.lastYear.start), dayNumber(period.lastYear.end)];
	const days = period.days;
	const clock = new LocalClock(period.timezone);
	const byPlatform = new Map<string, Map<string, AccountAgg>>();
	const accounts: AccountAgg[] = [];
	const posts = new PostTable();
	let used = 0;
	let outOfRange = 0;
	let invalid = 0;
	let last: AccountAgg | undefined;
	const values = new Float64Array(T);

	for (let n = 0; n < snapshots.length; n++) {
		const s = snapshots[n];
		const dn = dayNumber(s.periodEnd);
		if (Number.isNaN(dn) || typeof s.accountId !== 'string') {
			invalid++;
			continue;
		}
		let inRange = 0;
		for (let r = 0; r < RANGES; r++) if (dn >= ranges[2 * r] && dn <= ranges[2 * r + 1]) inRange |= 1 << r;
		if (inRange === 0) outOfRange++;
		else used++;

		let acc = last;
		if (acc === undefined || acc.accountId !== s.accountId || acc.platform !== s.platform) {
			let m = byPlatform.get(s.platform);
			if (!m) byPlatform.set(s.platform, (m = new Map()));
			acc = m.get(s.accountId);
			if (!acc) {
				acc = new AccountAgg(accounts.length, s.platform, s.accountId, days);
				acc.competitor = competitorIds.has(s.accountId);
				accounts.push(acc);
				m.set(s.accountId, acc);
			}
			last = acc;
		}
		if (acc.accountName === undefined && s.accountName) acc.accountName = s.accountName;
		const extra = s.extra;
		if (extra !== undefined && extra.competitor === 1) acc.competitor = true;

		const cumulative = s.window === 'cumulative';
		readCounters(s, values);
		values[SPEND] = extra !== undefined ? finite(extra.spend) : NaN;

		const offset = dn - cs;
		if (s.postId === undefined) {
			for (let m = 0; m < T; m++) {
				const v = values[m];
				if (v === v) acc.own.add(m, v, dn, offset, inRange, cumulative || m === FOLLOWERS);
			}
			continue;
		}
		if (!cumulative) {
			// Post counters summed per account stand in for account-level data an account lacks.
			for (let m = 0; m < T; m++) {
				const v = values[m];
				if (v === v && m !== FOLLOWERS) acc.fromPosts.add(m, v, dn, offset, inRange, false);
			}
		}
		if (inRange === 0) continue;
		let p = acc.postIndex.get(s.postId);
		if (p === undefined) {
			p = posts.push(acc.index, s.postId);
			acc.postIndex.set(s.postId, p);
		}
		if (posts.title[p] === undefined && s.postTitle) posts.title[p] = s.postTitle;
		if (posts.publishedAt[p] === undefined && s.publishedAt) {
			posts.publishedAt[p] = s.publishedAt;
			posts.slot[p] = clock.weekdayHour(s.publishedAt);
		}
		if (extra !== undefined) {
			if (posts.contentType[p] === undefined && typeof extra.contentType === 'string') posts.contentType[p] = extra.contentType;
			if (posts.format[p] === undefined && typeof extra.format === 'string') posts.format[p] = extra.format;
		}
		if (inRange & 1) addPostValues(posts, p, values, dn, cumulative);
		if (inRange & 2) addPreviousValues(posts, p, values, dn, cumulative);
	}
	return { accounts, posts, used, outOfRange, invalid };
}

/** Named reads in METRIC_COUNTERS order: monomorphic property loads are several times faster than keyed ones. */
function readCounters(s: MetricSnapshot, out: Float64Array): void {
	out[0] = finite(s.followers);
	out[1] = finite(s.newFollowers);
	out[2] = finite(s.lostFollowers);
	out[3] = finite(s.netFollowers);
	out[4] = finite(s.views);
	out[5] = finite(s.uniqueViewers);
	out[6] = finite(s.likes);
	out[7] = finite(s.comments);
	out[8] = finite(s.shares);
	out[9] = finite(s.saves);
	out[10] = finite(s.clicks);
	out[11] = finite(s.conversions);
}

function finite(v: unknown): number {
	return typeof v === 'number' && Number.isFinite(v) ? v : NaN;
}

function addPostValues(posts: PostTable, p: number, values: Float64Array, dn: number, cumulative: boolean): void {
	const base = p * P;
	// Cumulative post counters are lifetime totals: keep the latest; daily ones add up.
	const replace = cumulative && dn >= posts.curLastDay[p];
	if (cumulative && !replace) return;
	for (let c = 0; c < P; c++) {
		const v = values[POST_COL[c]];
		if (v !== v) continue;
		const old = posts.cur[base + c];
		posts.cur[base + c] = replace || old !== old ? v : old + v;
	}
	if (dn > posts.curLastDay[p]) posts.curLastDay[p] = dn;
}

function addPreviousValues(posts: PostTable, p: number, values: Float64Array, dn: number, cumulative: boolean): void {
	const replace = cumulative && dn >= posts.prevLastDay[p];
	if (cumulative && !replace) return;
	let e = NaN;
	for (const c of ENGAGEMENT_COLS) {
		const v = values[POST_COL[c]];
		if (v === v) e = e !== e ? v : e + v;
	}
	const views = values[POST_COL[0]];
	const oldE = posts.prevEngagement[p];
	const oldV = posts.prevViews[p];
	if (e === e) posts.prevEngagement[p] = replace || oldE !== oldE ? e : oldE + e;
	if (views === views) posts.prevViews[p] = replace || oldV !== oldV ? views : oldV + views;
	if (dn > posts.prevLastDay[p]) posts.prevLastDay[p] = dn;
}

/** Engagement of a post in the current period (likes + comments + shares + saves), NaN if none reported. */
export function postEngagement(posts: PostTable, p: number): number {
	let e = NaN;
	for (const c of ENGAGEMENT_COLS) {
		const v = posts.cur[p * P + c];
		if (v === v) e = e !== e ? v : e + v;
	}
	return e;
}
