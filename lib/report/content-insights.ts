import type { Post } from '../model';
import { type AccountAgg, type PostTable, postEngagement } from './aggregate';
import { ratio } from './metrics';
import { LocalClock } from './period';
import { describe, RunningStats } from './statistics';
import type { PostingSlot, PostRow, Statistics, Trait, TraitName } from './types';

/** Posts need this many views before an engagement-rate ranking takes them seriously (1 like / 1 view is not 100 %). */
export const MIN_VIEWS_FOR_RATE = 100;

/**
 * Fills what snapshots lack from the Post items: content type, format (first media type, `text` without
 * media), title and publish time (scheduledAt). Snapshots' own `extra.contentType`/`extra.format` win.
 */
export function enrichPosts(table: PostTable, accounts: readonly AccountAgg[], posts: readonly Post[] | undefined, zone: string): void {
	if (!posts || posts.length === 0) return;
	const byKey = new Map<string, Post>();
	for (const p of posts) {
		byKey.set(`${p.platform}\u0000${p.id}`, p);
		if (p.externalId) byKey.set(`${p.platform}\u0000${p.externalId}`, p);
	}
	const clock = new LocalClock(zone);
	for (let i = 0; i < table.length; i++) {
		const post = byKey.get(`${accounts[table.account[i]].platform}\u0000${table.postId[i]}`);
		if (!post) continue;
		table.contentType[i] ??= post.contentType;
		table.format[i] ??= post.media && post.media.length > 0 ? post.media[0].type : 'text';
		if (table.title[i] === undefined && post.title) table.title[i] = post.title;
		if (table.publishedAt[i] === undefined && post.scheduledAt) {
			table.publishedAt[i] = post.scheduledAt;
			table.slot[i] = clock.weekdayHour(post.scheduledAt);
		}
	}
}

export type RankBy = 'engagement' | 'engagementRate' | 'views';

/** The score posts are ranked by, NaN when it cannot be computed for the post. */
export function postScore(table: PostTable, i: number, by: RankBy): number {
	if (by === 'views') return table.value(i, 'views');
	const e = postEngagement(table, i);
	if (by === 'engagement') return e;
	const views = table.value(i, 'views');
	return views >= MIN_VIEWS_FOR_RATE ? e / views : NaN;
}

/** Indices of the n best (or worst) scores, without sorting every post: a bounded insertion list. */
export function extremes(scores: Float64Array, n: number, best: boolean): number[] {
	const out: number[] = [];
	const better = (x: number, y: number) => (best ? x > y : x < y);
	for (let i = 0; i < scores.length; i++) {
		const s = scores[i];
		if (s !== s) continue;
		if (out.length === n && !better(s, scores[out[n - 1]])) continue;
		let k = out.length < n ? out.length : n - 1;
		out[k] = i;
		while (k > 0 && better(s, scores[out[k - 1]])) {
			out[k] = out[k - 1];
			out[k - 1] = i;
			k--;
		}
	}
	return out;
}

export function postRow(table: PostTable, accounts: readonly AccountAgg[], i: number, score: number): PostRow {
	const acc = accounts[table.account[i]];
	const num = (m: 'views' | 'likes' | 'comments' | 'shares' | 'saves') => {
		const v = table.value(i, m);
		return v === v ? v : null;
	};
	const e = postEngagement(table, i);
	const row: PostRow = {
		platform: acc.platform,
		accountId: acc.accountId,
		postId: table.postId[i],
		views: num('views'),
		likes: num('likes'),
		comments: num('comments'),
		shares: num('shares'),
		saves: num('saves'),
		engagement: e === e ? e : 0,
		engagementRate: ratio(e === e ? e : undefined, num('views')) ?? null,
		score,
	};
	if (acc.accountName !== undefined) row.accountName = acc.accountName;
	if (table.title[i] !== undefined) row.title = table.title[i];
	if (table.publishedAt[i] !== undefined) row.publishedAt = table.publishedAt[i];
	if (table.contentType[i] !== undefined) row.contentType = table.contentType[i];
	if (table.format[i] !== undefined) row.format = table.format[i];
	if (table.slot[i] >= 0) {
		row.weekday = Math.floor(table.slot[i] / 100);
		row.hour = table.slot[i] % 100;
	}
	return row;
}

const TRAITS: readonly TraitName[] = ['contentType', 'format', 'platform', 'weekday', 'hour'];

function traitValue(row: Pick<PostRow, TraitName>, trait: TraitName): string | undefined {
	const v = row[trait];
	return v === undefined ? undefined : String(v);
}

/** Trait counts over all ranked posts, the contrast for "what the top posts share". */
export function traitBaseline(table: PostTable, accounts: readonly AccountAgg[], ranked: readonly number[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const i of ranked) {
		const slot = table.slot[i];
		const row = {
			contentType: table.contentType[i],
			format: table.format[i],
			platform: accounts[table.account[i]].platform,
			weekday: slot >= 0 ? Math.floor(slot / 100) : undefined,
			hour: slot >= 0 ? slot % 100 : undefined,
		};
		for (const t of TRAITS) {
			const v = traitValue(row, t);
			if (v !== undefined) counts.set(`${t}\u0000${v}`, (counts.get(`${t}\u0000${v}`) ?? 0) + 1);
		}
	}
	return counts;
}

/** For each trait, the most common value in the group, its share and whether the group shares it. */
export function commonTraits(group: readonly PostRow[], baseline: Map<string, number>, rankedCount: number, shareThreshold: number): Trait[] {
	const out: Trait[] = [];
	for (const trait of TRAITS) {
		const counts = new Map<string, number>();
		for (const row of group) {
			const v = traitValue(row, trait);
			if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
		}
		let value: string | undefined;
		let count = 0;
		for (const [v, c] of counts) if (c > count || (c === count && value !== undefined && v < value)) [value, count] = [v, c];
		if (value === undefined) continue;
		const share = count / group.length;
		out.push({
			trait,
			value,
			count,
			share,
			baselineShare: rankedCount > 0 ? (baseline.get(`${trait}\u0000${value}`) ?? 0) / rankedCount : 0,
			shared: count >= 2 && share >= shareThreshold,
		});
	}
	return out;
}

/**
 * Engagement per post by hour of week of publication (report zone). A slot is recommended only with at
 * least `minPosts` posts, ranked by mean engagement; `lift` compares with the mean over all posts.
 */
export function postingSlots(table: PostTable, ranked: readonly number[], minPosts: number): { slots: PostingSlot[]; best: PostingSlot[]; postsWithTime: number } {
	const cells = new Map<number, RunningStats>();
	const overall = new RunningStats();
	for (const i of ranked) {
		const slot = table.slot[i];
		const e = postEngagement(table, i);
		if (slot < 0 || e !== e) continue;
		let c = cells.get(slot);
		if (!c) cells.set(slot, (c = new RunningStats()));
		c.add(e);
		overall.add(e);
	}
	const slots: PostingSlot[] = [...cells.entries()]
		.sort((x, y) => x[0] - y[0])
		.map(([slot, c]) => ({
			weekday: Math.floor(slot / 100),
			hour: slot % 100,
			posts: c.count,
			meanEngagement: c.mean,
			lift: overall.mean > 0 ? c.mean / overall.mean : 0,
		}));
	const best = slots
		.filter((s) => s.posts >= minPosts)
		.sort((x, y) => y.meanEngagement - x.meanEngagement)
		.slice(0, 5);
	return { slots, best, postsWithTime: overall.count };
}

/** Distribution of views and engagement per post, per platform. */
export function perPostStatistics(table: PostTable, accounts: readonly AccountAgg[], ranked: readonly number[]) {
	const byPlatform = new Map<string, number[]>();
	for (const i of ranked) {
		const p = accounts[table.account[i]].platform;
		const list = byPlatform.get(p) ?? [];
		list.push(i);
		byPlatform.set(p, list);
	}
	const out: Array<{ platform: string; metric: 'views' | 'engagement'; stats: Statistics }> = [];
	for (const [platform, list] of [...byPlatform].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
		for (const metric of ['views', 'engagement'] as const) {
			const values = new Float64Array(list.length);
			let n = 0;
			for (const i of list) {
				const v = metric === 'views' ? table.value(i, 'views') : postEngagement(table, i);
				if (v === v) values[n++] = v;
			}
			const stats = describe(values, n);
			if (stats) out.push({ platform, metric, stats });
		}
	}
	return out;
}

/**
 * Engagement now and in the previous period per (platform, content type), for attributing a drop.
 * Posts without a content type count under `unknown`.
 */
export function engagementByContentType(table: PostTable, accounts: readonly AccountAgg[]): Array<{ platform: string; contentType: string; current: number; previous: number }> {
	const acc = new Map<string, { platform: string; contentType: string; current: number; previous: number }>();
	for (let i = 0; i < table.length; i++) {
		const platform = accounts[table.account[i]].platform;
		if (accounts[table.account[i]].competitor) continue;
		const contentType = table.contentType[i] ?? 'unknown';
		const key = `${platform}\u0000${contentType}`;
		let g = acc.get(key);
		if (!g) acc.set(key, (g = { platform, contentType, current: 0, previous: 0 }));
		const e = postEngagement(table, i);
		if (e === e) g.current += e;
		if (table.prevEngagement[i] === table.prevEngagement[i]) g.previous += table.prevEngagement[i];
	}
	return [...acc.values()];
}
