import { DateTime } from 'luxon';
import type { MetricSnapshot, Platform } from '../model';
import { Weekday, weekdayOf } from './wall-clock';

export interface HourOfWeekScore {
	weekday: Weekday;
	hour: number;
	/** Shrunk mean engagement per view of posts published in this hour of the week. */
	score: number;
	posts: number;
}

export interface BestTimeRanking {
	/** `history` when enough posts were seen; `fallback` means "use the slot grid order". */
	method: 'history' | 'fallback';
	postsUsed: number;
	minPosts: number;
	/** Mean engagement per view over all used posts (the score of an hour never posted in). */
	accountMean: number;
	/** Observed hours of the week, best first. Empty on fallback. */
	ranking: HourOfWeekScore[];
	scoreOf(weekday: Weekday, hour: number): number;
}

export interface BestTimeOptions {
	account: string;
	platform?: Platform;
	/** The zone hours of the week are read in (the account's zone). */
	zone: string;
	/** Fewer distinct posts than this and the ranking falls back to the grid. Default 12. */
	minPosts?: number;
	/** Pseudo-posts at the account mean added to each hour (shrinkage). Default 3. */
	priorWeight?: number;
}

const ENGAGEMENT_COUNTERS = ['likes', 'comments', 'shares', 'saves'] as const;

function engagementPerView(s: MetricSnapshot): number {
	const engaged = ENGAGEMENT_COUNTERS.reduce((sum, k) => sum + (s[k] ?? 0), 0);
	return engaged / (s.views as number);
}

/**
 * Ranks hours of the week (local to `zone`) by the account's own past engagement.
 * Method: take post snapshots of the account that have `publishedAt` and `views > 0`; keep the most
 * recently collected snapshot per post (so cumulative series count a post once); rate each post as
 * (likes + comments + shares + saves) / views; group by the hour of the week it was published in;
 * score each hour as (sum of rates + k * accountMean) / (posts + k), an empirical-Bayes shrinkage
 * so an hour with one lucky post does not outrank an hour with a steady record. With fewer than
 * `minPosts` posts the method is `fallback` and callers keep their slot grid order.
 */
export function rankHoursOfWeek(snapshots: readonly MetricSnapshot[], options: BestTimeOptions): BestTimeRanking {
	const minPosts = options.minPosts ?? 12;
	const k = options.priorWeight ?? 3;
	const latest = new Map<string, MetricSnapshot>();
	for (const s of snapshots) {
		if (s.accountId !== options.account || (options.platform && s.platform !== options.platform)) continue;
		if (!s.postId || !s.publishedAt || !s.views) continue;
		const seen = latest.get(s.postId);
		if (!seen || Date.parse(s.collectedAt) >= Date.parse(seen.collectedAt)) latest.set(s.postId, s);
	}
	const buckets = new Map<string, { weekday: Weekday; hour: number; sum: number; n: number }>();
	let total = 0;
	let postsUsed = 0;
	for (const s of latest.values()) {
		const at = DateTime.fromISO(s.publishedAt!, { zone: options.zone });
		if (!at.isValid) continue;
		const rate = engagementPerView(s);
		const key = `${weekdayOf(at)}${at.hour}`;
		const b = buckets.get(key) ?? { weekday: weekdayOf(at), hour: at.hour, sum: 0, n: 0 };
		b.sum += rate;
		b.n += 1;
		buckets.set(key, b);
		total += rate;
		postsUsed++;
	}
	const accountMean = postsUsed ? total / postsUsed : 0;
	const method = postsUsed >= minPosts ? 'history' : 'fallback';
	const scores = new Map<string, number>();
	const ranking: HourOfWeekScore[] = [];
	if (method === 'history') {
		for (const [key, b] of buckets) {
			const score = (b.sum + k * accountMean) / (b.n + k);
			scores.set(key, score);
			ranking.push({ weekday: b.weekday, hour: b.hour, score, posts: b.n });
		}
		ranking.sort((a, b) => b.score - a.score || b.posts - a.posts || hourOfWeek(a) - hourOfWeek(b));
	}
	return {
		method,
		postsUsed,
		minPosts,
		accountMean,
		ranking,
		scoreOf: (weekday, hour) => scores.get(`${weekday}${hour}`) ?? accountMean,
	};
}

const ORDER: Record<Weekday, number> = { MO: 0, TU: 1, WE: 2, TH: 3, FR: 4, SA: 5, SU: 6 };
function hourOfWeek(h: { weekday: Weekday; hour: number }): number {
	return ORDER[h.weekday] * 24 + h.hour;
}
