/**
 * X API v2 (PLATFORMS.md §3.7) at the real paths on api.x.com: `GET /2/users/by?usernames=` (up to 100),
 * `GET /2/users/:id/tweets` (max_results 5..100, pagination_token, start_time, end_time, exclude) and
 * `GET /2/tweets?ids=` (up to 100), `GET /2/users/:id/mentions` (max_results 5..100, start_time, since_id,
 * pagination_token; expansions=author_id → includes.users), with an app-only Bearer token and `tweet.fields=public_metrics,created_at`.
 * public_metrics: retweet_count, reply_count, like_count, quote_count, bookmark_count, impression_count.
 * Errors: problem JSON `{title, detail, type, status}` (401 Unauthorized, 429 Too Many Requests with
 * x-rate-limit-* headers, 429 UsageCapExceeded), and partial errors `{errors:[{value, detail, title:'Not Found
 * Error', type:'https://api.twitter.com/2/problems/resource-not-found'}]}` beside `data` with HTTP 200.
 */
import type { PlatformFaultKind } from '../../faults';
import type { SandboxContext, SandboxPlatform, SandboxRequest, SandboxResponse, RouteHandler } from '../../platform';
import { SocialModel, type SocialAccountSpec, type SocialPost } from '../public-social/model';
import { SocialComments, controlBody, type SocialComment } from '../public-social/comments';
import { createXPublishing } from './publish';

export const SANDBOX_X_BEARER = 'AAAAAAAAAAAAAAAAAAAAASandboxBearerNotARealToken';
const TWITTER_EPOCH = 1_288_834_974_657n;

export const SANDBOX_X_ACCOUNTS: readonly SocialAccountSpec[] = [
	{
		id: '1456789012345678901',
		handle: 'XingheCoffee',
		name: 'Xinghe Coffee 星河咖啡',
		baseFollowers: 31_000,
		dailyGrowth: 12,
		following: 410,
		olderPosts: 1_900,
		maxPerDay: 3,
		reach: 6_000,
		texts: ['Cherry blossom latte is back 🌸 2nd cup half price', 'New: Yunnan cold brew ☕', 'Our Hangzhou West Lake store opens today!', 'Member day: 20% off everything', 'Latte art 101: a thread 🧵'],
	},
	{
		id: '1523456789012345678',
		handle: 'YunfanTech',
		name: 'Yunfan Tech',
		baseFollowers: 9_800,
		dailyGrowth: 4,
		following: 600,
		olderPosts: 700,
		maxPerDay: 2,
		reach: 1_800,
		texts: ['Yunfan AI Assistant 2.0 is live', 'RAG in production: lessons learned', 'We open-sourced Sail 🚀', 'DevCon 2026 registration is open'],
	},
];

/** The mentions timeline reaches back 800 posts (X API v2, "User mention timeline"). */
export const X_MENTIONS_MAX = 800;

export class XDataset {
	readonly model: SocialModel;
	readonly comments: SocialComments;

	constructor(seed: number, now: () => Date) {
		this.model = new SocialModel('x', seed, SANDBOX_X_ACCOUNTS, now);
		this.comments = new SocialComments(seed, this.model);
	}

	/** A mention is a reply by someone else to one of the account's posts: "@Account …". */
	mentionId(c: SocialComment): string {
		return (((BigInt(c.createdAtMs) - TWITTER_EPOCH) << 22n) + BigInt(c.hash % 4_194_304)).toString();
	}

	/**
	 * Mentions of the account now, newest first. ASSUMPTION (sandbox economy): replies to posts of the last 60 days
	 * only; an older post's late replies are not listed.
	 */
	mentions(userId: string): SocialComment[] {
		const from = this.model.nowMs() - 60 * 86_400_000;
		return this.model
			.posts(userId)
			.filter((p) => p.createdAtMs >= from)
			.flatMap((p) => this.comments.of(p))
			.sort((a, b) => b.createdAtMs - a.createdAtMs || (b.hash % 4_194_304) - (a.hash % 4_194_304));
	}

	mentionJson(c: SocialComment): Record<string, unknown> {
		const account = this.model.account(c.post.accountId)!;
		const id = this.mentionId(c);
		return {
			id,
			text: `@${account.handle} ${c.text}`,
			created_at: new Date(c.createdAtMs).toISOString(),
			author_id: c.author.id,
			conversation_id: this.tweetId(c.post),
			in_reply_to_user_id: account.id,
			referenced_tweets: [{ type: 'replied_to', id: this.tweetId(c.post) }],
			edit_history_tweet_ids: [id],
			public_metrics: { retweet_count: 0, reply_count: c.replies, like_count: c.likes, quote_count: 0, bookmark_count: 0, impression_count: c.likes * 20 },
		};
	}

	commenterJson(c: SocialComment): Record<string, unknown> {
		return { id: c.author.id, name: c.author.name, username: c.author.handle, public_metrics: { followers_count: c.author.followers, following_count: 120, tweet_count: 900, listed_count: 1, like_count: 300 } };
	}

	tweetId(p: SocialPost): string {
		return (((BigInt(p.createdAtMs) - TWITTER_EPOCH) << 22n) + BigInt((p.hash % 4096) * 1024 + (p.seq % 1024))).toString();
	}

	/** Tweets newest first; every sixth is a reply and every ninth a retweet (excludable). */
	tweets(userId: string): SocialPost[] {
		return this.model.postsNewestFirst(userId);
	}

	kind(p: SocialPost): 'tweet' | 'reply' | 'retweet' {
		return p.hash % 9 === 0 ? 'retweet' : p.hash % 6 === 0 ? 'reply' : 'tweet';
	}

	find(id: string): SocialPost | undefined {
		for (const a of SANDBOX_X_ACCOUNTS) {
			const hit = this.model.posts(a.id).find((p) => this.tweetId(p) === id);
			if (hit) return hit;
		}
		return undefined;
	}

	publicMetrics(p: SocialPost): Record<string, number> {
		const c = this.model.counters(p);
		return { retweet_count: c.shares, reply_count: c.comments, like_count: c.likes, quote_count: c.quotes, bookmark_count: c.bookmarks, impression_count: c.views };
	}

	user(id: string): Record<string, unknown> {
		const a = this.model.account(id)!;
		return {
			id: a.id,
			name: a.name,
			username: a.handle,
			public_metrics: { followers_count: this.model.followers(id), following_count: a.following, tweet_count: this.model.postCount(id), listed_count: 37, like_count: 1_200 },
		};
	}

	tweetJson(p: SocialPost): Record<string, unknown> {
		const kind = this.kind(p);
		const tweet: Record<string, unknown> = {
			id: this.tweetId(p),
			text: kind === 'retweet' ? `RT @someone: ${p.text}` : p.text,
			created_at: new Date(p.createdAtMs).toISOString(),
			author_id: p.accountId,
			edit_history_tweet_ids: [this.tweetId(p)],
			public_metrics: this.publicMetrics(p),
		};
		if (kind !== 'tweet') tweet.referenced_tweets = [{ type: kind === 'reply' ? 'replied_to' : 'retweeted', id: '1000000000000000000' }];
		return tweet;
	}
}

const problem = (status: number, title: string, detail: string, type = 'about:blank', headers?: Record<string, string>): SandboxResponse => ({ status, headers, body: { title, detail, type, status } });

export interface XPlatform extends SandboxPlatform {
	truth: XDataset;
}

export function createXPlatform(context: SandboxContext): XPlatform {
	const data = new XDataset(context.seed, context.now);

	function bearer(handler: (request: SandboxRequest) => SandboxResponse): RouteHandler {
		return (request) => {
			if (request.headers.authorization !== `Bearer ${SANDBOX_X_BEARER}`) return problem(401, 'Unauthorized', 'Unauthorized');
			if (request.method !== 'GET') return problem(405, 'Method Not Allowed', 'Method Not Allowed');
			const answer = handler(request);
			// Reads of the sandbox are never throttled; the headers say so, as the real API always sends them.
			const reset = String(Math.floor(context.now().getTime() / 1000) + 900);
			return { ...answer, headers: { 'x-rate-limit-limit': '900', 'x-rate-limit-remaining': '899', 'x-rate-limit-reset': reset, ...answer.headers } };
		};
	}

	const invalid = (message: string): SandboxResponse => ({
		status: 400,
		body: { errors: [{ parameters: {}, message }], title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: 'https://api.twitter.com/2/problems/invalid-request' },
	});
	const notFound = (value: string, parameter: string, resource: string) => ({
		value,
		detail: `Could not find ${resource} with ${parameter}: [${value}].`,
		title: 'Not Found Error',
		resource_type: resource,
		parameter,
		resource_id: value,
		type: 'https://api.twitter.com/2/problems/resource-not-found',
	});

	const routes: Record<string, RouteHandler> = {
		'/2/users/by': bearer((request) => {
			const names = (request.query.get('usernames') ?? '').split(',').filter(Boolean);
			if (names.length === 0 || names.length > 100) return invalid('The `usernames` query parameter value must be 1 to 100 usernames');
			const found = names.map((n) => ({ n, a: data.model.byHandle(n) }));
			const body: Record<string, unknown> = {};
			const users = found.filter((f) => f.a).map((f) => data.user(f.a!.id));
			const errors = found.filter((f) => !f.a).map((f) => notFound(f.n, 'usernames', 'user'));
			if (users.length) body.data = users;
			if (errors.length) body.errors = errors;
			return { body };
		}),
		'/2/tweets': bearer((request) => {
			const ids = (request.query.get('ids') ?? '').split(',').filter(Boolean);
			if (ids.length === 0 || ids.length > 100) return invalid(`The \`ids\` query parameter value [${ids.length}] is not between 1 and 100`);
			const body: Record<string, unknown> = {};
			const tweets = ids.map((id) => ({ id, p: data.find(id) }));
			const found = tweets.filter((t) => t.p).map((t) => data.tweetJson(t.p!));
			const errors = tweets.filter((t) => !t.p).map((t) => notFound(t.id, 'ids', 'tweet'));
			if (found.length) body.data = found;
			if (errors.length) body.errors = errors;
			return { body };
		}),
	};
	for (const account of SANDBOX_X_ACCOUNTS) {
		routes[`/2/users/${account.id}/tweets`] = bearer((request) => {
			const q = request.query;
			const max = Number(q.get('max_results') ?? 10);
			if (!Number.isInteger(max) || max < 5 || max > 100) return invalid(`The \`max_results\` query parameter value [${q.get('max_results')}] is not between 5 and 100`);
			const exclude = (q.get('exclude') ?? '').split(',');
			let tweets = data.tweets(account.id);
			if (exclude.includes('retweets')) tweets = tweets.filter((p) => data.kind(p) !== 'retweet');
			if (exclude.includes('replies')) tweets = tweets.filter((p) => data.kind(p) !== 'reply');
			const start = q.get('start_time');
			const end = q.get('end_time');
			if (start) tweets = tweets.filter((p) => p.createdAtMs >= Date.parse(start));
			if (end) tweets = tweets.filter((p) => p.createdAtMs < Date.parse(end));
			// The timeline reaches back 3,200 tweets at most.
			tweets = tweets.slice(0, 3200);
			const token = q.get('pagination_token');
			let offset = 0;
			if (token) {
				const m = /^7140dibdnow9c7btw4([0-9a-z]+)$/.exec(token);
				if (!m) return invalid('The `pagination_token` query parameter value is not valid');
				offset = parseInt(m[1], 36);
			}
			const page = tweets.slice(offset, offset + max);
			const meta: Record<string, unknown> = { result_count: page.length };
			if (page.length) Object.assign(meta, { newest_id: data.tweetId(page[0]), oldest_id: data.tweetId(page[page.length - 1]) });
			if (offset + max < tweets.length) meta.next_token = `7140dibdnow9c7btw4${(offset + max).toString(36)}`;
			const body: Record<string, unknown> = { meta };
			if (page.length) body.data = page.map((p) => data.tweetJson(p));
			return { body };
		});
	}

	// The mention timeline: max_results 5..100 (default 10), pagination_token, since_id, until_id, start_time, end_time;
	// with expansions=author_id the authors come under includes.users.
	for (const account of SANDBOX_X_ACCOUNTS) {
		routes[`/2/users/${account.id}/mentions`] = bearer((request) => {
			const q = request.query;
			const max = Number(q.get('max_results') ?? 10);
			if (!Number.isInteger(max) || max < 5 || max > 100) return invalid(`The \`max_results\` query parameter value [${q.get('max_results')}] is not between 5 and 100`);
			let mentions = data.mentions(account.id).slice(0, X_MENTIONS_MAX);
			const start = q.get('start_time');
			const end = q.get('end_time');
			const sinceId = q.get('since_id');
			const untilId = q.get('until_id');
			if (start) mentions = mentions.filter((c) => c.createdAtMs >= Date.parse(start));
			if (end) mentions = mentions.filter((c) => c.createdAtMs < Date.parse(end));
			if (sinceId) mentions = mentions.filter((c) => BigInt(data.mentionId(c)) > BigInt(sinceId));
			if (untilId) mentions = mentions.filter((c) => BigInt(data.mentionId(c)) < BigInt(untilId));
			const token = q.get('pagination_token');
			let offset = 0;
			if (token) {
				const m = /^7140dibdnow9c7btw4m([0-9a-z]+)$/.exec(token);
				if (!m) return invalid('The `pagination_token` query parameter value is not valid');
				offset = parseInt(m[1], 36);
			}
			const page = mentions.slice(offset, offset + max);
			const meta: Record<string, unknown> = { result_count: page.length };
			if (page.length) Object.assign(meta, { newest_id: data.mentionId(page[0]), oldest_id: data.mentionId(page[page.length - 1]) });
			if (offset + max < mentions.length) meta.next_token = `7140dibdnow9c7btw4m${(offset + max).toString(36)}`;
			const body: Record<string, unknown> = { meta };
			if (page.length) {
				body.data = page.map((c) => data.mentionJson(c));
				if ((q.get('expansions') ?? '').split(',').includes('author_id')) {
					const users = new Map(page.map((c) => [c.author.id, data.commenterJson(c)]));
					body.includes = { users: [...users.values()] };
				}
			}
			return { body };
		});
	}

	// Posting (POST /2/tweets with a user token, GET /2/users/me) lives in publish.ts; GET /2/tweets stays the lookup above.
	const publishing = createXPublishing({ user: () => data.user(SANDBOX_X_ACCOUNTS[0].id) as Record<string, unknown>, now: context.now });
	Object.assign(routes, publishing.routes(routes['/2/tweets']));

	// An app-only Bearer token does not expire: a revoked or regenerated one answers the same 401 as a wrong one.
	const faults: Record<PlatformFaultKind, () => SandboxResponse> = {
		expiredToken: () => problem(401, 'Unauthorized', 'Unauthorized'),
		invalidToken: () => problem(401, 'Unauthorized', 'Unauthorized'),
		quota: () => problem(429, 'UsageCapExceeded', 'Usage cap exceeded: Monthly product cap', 'https://api.twitter.com/2/problems/usage-capped'),
	};
	/**
	 * X's throttle (docs "Rate limits"): 429 Too Many Requests with x-rate-limit-limit / -remaining: 0 / -reset (epoch
	 * seconds when the 15-minute window resets) and no Retry-After. Its 500 is problem JSON too.
	 * ASSUMPTION: the 500 body's title/detail ("Internal Server Error") follow the 401/429 problem shape.
	 */
	const transient = (kind: 'http429' | 'http500', { retryAfterSeconds }: { retryAfterSeconds: number }): SandboxResponse => {
		if (kind === 'http500') return problem(500, 'Internal Server Error', 'Internal Server Error');
		const reset = String(Math.ceil(context.now().getTime() / 1000 + retryAfterSeconds));
		return problem(429, 'Too Many Requests', 'Too Many Requests', 'about:blank', { 'x-rate-limit-limit': '900', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': reset });
	};

	return {
		name: 'x',
		truth: data,
		routes,
		controlRoutes: {
			/** POST {tweetId, text, author?}: a reply mentioning the post's author, written now (MediaOps Trigger tests). */
			comments: (request) => {
				const body = controlBody(request.rawBody);
				const post = typeof body?.tweetId === 'string' ? data.find(body.tweetId) : undefined;
				if (request.method !== 'POST' || !post || typeof body?.text !== 'string') return { status: 400, body: { error: 'POST {tweetId, text, author?}' } };
				return { body: data.mentionJson(data.comments.insert(post, body.text, Number(body.author ?? 0))) };
			},
			/** POST {userId, text}: a new post of the account, published now. */
			posts: (request) => {
				const body = controlBody(request.rawBody);
				if (request.method !== 'POST' || typeof body?.userId !== 'string' || !data.model.account(body.userId) || typeof body.text !== 'string') return { status: 400, body: { error: 'POST {userId, text}' } };
				return { body: data.tweetJson(data.model.insertPost(body.userId, body.text)) };
			},
			/** GET: posts created through POST /2/tweets and their count; DELETE: forget them. */
			publish: publishing.control,
		},
		faultResponse: (kind) => faults[kind](),
		transientFaultResponse: transient,
		expireTokens: () => undefined,
		tokensIssued: () => 0,
	};
}
