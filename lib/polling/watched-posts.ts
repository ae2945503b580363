import { DateTime } from 'luxon';
import { InputError } from '../errors';
import type { MetricSnapshot, Platform } from '../model';
import { addDays, todayIn } from '../time/date-range';
import type { MetricsAdapter } from '../platforms/types';

/**
 * The posts a polling trigger watches: an account's own posts of the last N days, at most M of them, newest
 * first. They are read through the platform adapter's own post listing (the timeline `collectPostMetrics`
 * already pages through, with its page sizes, limits and errors), so the trigger never grows a second copy of
 * each platform's paging. A post is both a "new post" item and the place comments are read from.
 */
export interface WatchedPost {
	platform: Platform;
	accountId: string;
	postId: string;
	title?: string;
	/** ISO instant (UTC). */
	publishedAt?: string;
	url?: string;
	/** The platform's counters when the post was listed; `comments` lets a comment poll skip posts without any. */
	views?: number;
	likes?: number;
	comments?: number;
	shares?: number;
}

export interface WatchWindow {
	/** Posts published today and the days before, counted in `timezone` (1 = today only). */
	days: number;
	/** At most this many posts, the newest. */
	maxPosts: number;
	/** IANA zone the days are counted in. */
	timezone: string;
	now: Date;
}

export const MAX_WATCH_DAYS = 30;
export const MAX_WATCHED_POSTS = 200;

export function checkWatchWindow(window: WatchWindow): void {
	if (!Number.isInteger(window.days) || window.days < 1 || window.days > MAX_WATCH_DAYS) throw new InputError(`days must be a whole number from 1 to ${MAX_WATCH_DAYS}, got ${window.days}`, 'days');
	if (!Number.isInteger(window.maxPosts) || window.maxPosts < 1 || window.maxPosts > MAX_WATCHED_POSTS) {
		throw new InputError(`the number of posts watched must be a whole number from 1 to ${MAX_WATCHED_POSTS}, got ${window.maxPosts}`, 'maxPosts');
	}
}

/** The account's posts in the window, newest first, through the adapter's post listing. */
export async function listRecentPosts(adapter: MetricsAdapter, window: WatchWindow, postUrl: (post: WatchedPost) => string | undefined = () => undefined): Promise<WatchedPost[]> {
	checkWatchWindow(window);
	const today = todayIn(window.timezone, window.now);
	const start = addDays(today, -(window.days - 1));
	// An adapter that counts days in the platform's own zone (adapter.dayZone: Weibo and Douyin in China time) is
	// asked for a day more on each side; the posts whose instant falls on the window's days in its zone are kept.
	const widen = adapter.dayZone !== undefined && adapter.dayZone !== window.timezone ? 1 : 0;
	const snapshots = await adapter.collectPostMetrics({ range: { start: addDays(start, -widen), end: addDays(today, widen) }, timezone: window.timezone });
	const inWindow = (publishedAt: string | undefined): boolean => {
		if (!publishedAt) return true;
		const day = DateTime.fromISO(publishedAt, { zone: window.timezone }).toISODate();
		return !day || (day >= start && day <= today);
	};
	const seen = new Set<string>();
	const posts: WatchedPost[] = [];
	for (const s of snapshots) {
		// Per-day rows (Douyin's item data) repeat a post; the cumulative row is the post itself.
		if (!s.postId || s.window !== 'cumulative' || seen.has(s.postId) || !inWindow(s.publishedAt)) continue;
		seen.add(s.postId);
		posts.push(toWatchedPost(s));
	}
	posts.sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
	const newest = posts.slice(0, window.maxPosts);
	for (const post of newest) post.url = post.url ?? postUrl(post);
	return newest;
}

function toWatchedPost(s: MetricSnapshot): WatchedPost {
	const post: WatchedPost = { platform: s.platform, accountId: s.accountId, postId: s.postId! };
	if (s.postTitle) post.title = s.postTitle;
	if (s.publishedAt) post.publishedAt = s.publishedAt;
	if (typeof s.extra?.url === 'string') post.url = s.extra.url;
	for (const key of ['views', 'likes', 'comments', 'shares'] as const) if (typeof s[key] === 'number') post[key] = s[key];
	return post;
}
