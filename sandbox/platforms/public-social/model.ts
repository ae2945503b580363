/**
 * A seeded model of a public social account, shared by the sandbox platforms whose public endpoints only
 * report current totals (Bilibili, Bluesky, Mastodon, YouTube, X, Weibo): followers now, the posts published
 * so far, and each post's counters now. Every value is a pure function of (seed, platform, account, time), so
 * tests rebuild the truth from the same seed and clock instead of reading fixtures.
 *
 * - Posts: 0..maxPerDay a day (seeded) from 2024-01-01, at seeded times of day (UTC).
 *   A post exists once its creation instant is ≤ now.
 * - Counters grow with age towards a seeded final value: final · (1 − e^(−ageHours/τ)), floored, so they
 *   never decrease as the clock moves.
 * - Followers: followers at the start of the history plus a seeded daily growth, counted up to today.
 */
import { Prng, hashString, prngFor } from '../../prng';

const DAY_MS = 86_400_000;

export interface SocialAccountSpec {
	/** The platform's own account id (mid, did, numeric id, channel id ...). */
	id: string;
	handle: string;
	name: string;
	/** Followers at the start of the history window. */
	baseFollowers: number;
	/** Average new followers a day (net). */
	dailyGrowth: number;
	following: number;
	/** Posts made before the history window (so counts are realistic). */
	olderPosts: number;
	/** Most posts a day (0..maxPerDay, seeded). */
	maxPerDay: number;
	/** Typical final views of a post; other counters are fractions of it. */
	reach: number;
	/** Titles or texts the posts draw from. */
	texts: readonly string[];
}

/** Counters every post has; platforms expose the subset they know. */
export interface SocialCounters {
	views: number;
	likes: number;
	comments: number;
	shares: number;
	saves: number;
	quotes: number;
	coins: number;
	danmaku: number;
	bookmarks: number;
}

export interface SocialPost {
	accountId: string;
	/** 0-based position in the account's history (oldest first); stable across clocks. */
	seq: number;
	/** Unix ms. */
	createdAtMs: number;
	text: string;
	/** A stable 32-bit hash platforms derive their id format from. */
	hash: number;
	final: SocialCounters;
}

export class SocialModel {
	/** Posts per account and first history day, memoised: the list only depends on the day the clock is in. */
	private readonly cache = new Map<string, { fromDay: number; posts: SocialPost[] }>();
	/** Posts a test added through a control route (MediaOps Trigger's "new post" case), per account. */
	private readonly inserted = new Map<string, SocialPost[]>();
	/** Comments a test added, per post key: they count in the post's `comments` counter. */
	private readonly insertedComments = new Map<string, number>();

	constructor(
		readonly platform: string,
		private readonly seed: number,
		readonly accounts: readonly SocialAccountSpec[],
		private readonly now: () => Date,
	) {}

	account(id: string): SocialAccountSpec | undefined {
		return this.accounts.find((a) => a.id === id);
	}

	byHandle(handle: string): SocialAccountSpec | undefined {
		const h = handle.toLowerCase().replace(/^@/, '');
		return this.accounts.find((a) => a.handle.toLowerCase() === h);
	}

	nowMs(): number {
		return this.now().getTime();
	}

	/** History is anchored to a fixed day so post ids never change as the clock moves. */
	private firstDay(): number {
		return Math.floor(Date.parse('2024-01-01T00:00:00Z') / DAY_MS);
	}

	/** Every post of the account created at or before now, oldest first. */
	posts(accountId: string, nowMs: number = this.nowMs()): SocialPost[] {
		const account = this.account(accountId);
		if (!account) return [];
		const today = Math.floor(nowMs / DAY_MS);
		let entry = this.cache.get(accountId);
		if (!entry || entry.fromDay < today) {
			entry = { fromDay: today, posts: this.generate(account, today) };
			this.cache.set(accountId, entry);
		}
		const extra = this.inserted.get(accountId);
		const all = extra?.length ? [...entry.posts, ...extra].sort((a, b) => a.createdAtMs - b.createdAtMs || a.seq - b.seq) : entry.posts;
		return all.filter((p) => p.createdAtMs <= nowMs);
	}

	/**
	 * Adds a post to the account's history at `atMs` (default now), as if it had just been published: it shows in
	 * every feed built on this model. Its seq starts at 1,000,000 so it never collides with a seeded one.
	 */
	insertPost(accountId: string, text: string, atMs: number = this.nowMs()): SocialPost {
		const account = this.account(accountId);
		if (!account) throw new Error(`unknown account ${accountId}`);
		const list = this.inserted.get(accountId) ?? [];
		const seq = 1_000_000 + list.length;
		const hash = hashString(`${this.seed}|${this.platform}|${accountId}|inserted|${seq}`);
		const views = account.reach;
		const post: SocialPost = {
			accountId,
			seq,
			createdAtMs: atMs,
			text,
			hash,
			final: { views, likes: Math.round(views * 0.05), comments: 0, shares: Math.round(views * 0.01), saves: Math.round(views * 0.01), quotes: 1, coins: 3, danmaku: 2, bookmarks: 2 },
		};
		list.push(post);
		this.inserted.set(accountId, list);
		return post;
	}

	/** Records one more comment on a post (its `comments` counter follows). */
	countInsertedComment(post: SocialPost): void {
		const key = postKey(post);
		this.insertedComments.set(key, (this.insertedComments.get(key) ?? 0) + 1);
	}

	/** Newest first, as feeds list them. */
	postsNewestFirst(accountId: string, nowMs: number = this.nowMs()): SocialPost[] {
		return [...this.posts(accountId, nowMs)].reverse();
	}

	private generate(account: SocialAccountSpec, lastDay: number): SocialPost[] {
		const out: SocialPost[] = [];
		let seq = 0;
		for (let day = this.firstDay(); day <= lastDay + 1; day++) {
			const rng = prngFor(this.seed, this.platform, account.id, 'posts', day);
			const count = rng.int(0, account.maxPerDay);
			const times = Array.from({ length: count }, () => rng.int(7 * 60, 23 * 60 + 30)).sort((a, b) => a - b);
			for (const minute of times) {
				const createdAtMs = day * DAY_MS + minute * 60_000 + rng.int(0, 59) * 1000;
				const hash = hashString(`${this.seed}|${this.platform}|${account.id}|${seq}`);
				const prng = new Prng(hash);
				const views = Math.round(account.reach * prng.range(0.2, 2.5));
				out.push({
					accountId: account.id,
					seq,
					createdAtMs,
					text: account.texts[hash % account.texts.length],
					hash,
					final: {
						views,
						likes: Math.round(views * prng.range(0.02, 0.09)),
						comments: Math.round(views * prng.range(0.002, 0.012)),
						shares: Math.round(views * prng.range(0.002, 0.02)),
						saves: Math.round(views * prng.range(0.005, 0.03)),
						quotes: Math.round(views * prng.range(0.0005, 0.004)),
						coins: Math.round(views * prng.range(0.004, 0.03)),
						danmaku: Math.round(views * prng.range(0.001, 0.02)),
						bookmarks: Math.round(views * prng.range(0.001, 0.01)),
					},
				});
				seq++;
			}
		}
		return out;
	}

	/** A post's counters at an instant: growing with age, never decreasing. */
	counters(post: SocialPost, nowMs: number = this.nowMs()): SocialCounters {
		const ageHours = Math.max(0, (nowMs - post.createdAtMs) / 3_600_000);
		const f = 1 - Math.exp(-ageHours / 30);
		const out = {} as SocialCounters;
		for (const [k, v] of Object.entries(post.final) as Array<[keyof SocialCounters, number]>) out[k] = Math.floor(v * f);
		out.comments += this.insertedComments.get(postKey(post)) ?? 0;
		return out;
	}

	/** Followers now (the day's count: changes once a day, at 00:00 UTC). */
	followers(accountId: string, nowMs: number = this.nowMs()): number {
		const account = this.account(accountId);
		if (!account) return 0;
		const days = Math.max(0, Math.floor(nowMs / DAY_MS) - this.firstDay());
		const jitter = prngFor(this.seed, this.platform, account.id, 'followers', days).int(-3, 3);
		return Math.max(0, account.baseFollowers + Math.round(account.dailyGrowth * days) + jitter);
	}

	/** Posts ever made: the older ones plus those generated so far. */
	postCount(accountId: string, nowMs: number = this.nowMs()): number {
		const account = this.account(accountId);
		return account ? account.olderPosts + this.posts(accountId, nowMs).length : 0;
	}
}

/** A post's identity across the model: account and position. */
export function postKey(post: Pick<SocialPost, 'accountId' | 'seq'>): string {
	return `${post.accountId}|${post.seq}`;
}

/** Deterministic base-N string from a hash and a salt (ids in the platform's own alphabet). */
export function idString(hash: number, length: number, alphabet: string, salt = ''): string {
	let out = '';
	let h = hash;
	for (let i = 0; out.length < length; i++) {
		if (i % 5 === 0) h = hashString(`${hash}|${salt}|${i}`);
		out += alphabet[h % alphabet.length];
		h = Math.floor(h / alphabet.length);
	}
	return out;
}
