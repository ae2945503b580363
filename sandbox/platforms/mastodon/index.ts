/**
 * Mastodon REST API (PLATFORMS.md §3.7; docs.joinmastodon.org) at the real paths:
 * `GET /api/v1/accounts/lookup?acct=`, `GET /api/v1/accounts/:id`, `GET /api/v1/accounts/:id/statuses`
 * (limit default 20, max 40; max_id / since_id / min_id paging; exclude_replies, exclude_reblogs),
 * `GET /api/v1/statuses/:id/context` (descendants = replies; 60 without a token), with the
 * rate-limit headers `X-RateLimit-Limit/Remaining/Reset` of the default 300 requests per 5 minutes, and errors as
 * `{error}` (404 "Record not found", 401 "The access token is invalid", 429 "Too many requests").
 * The server's route table is exact-path, so each seeded account's paths are registered one by one.
 */
import type { PlatformFaultKind } from '../../faults';
import type { SandboxContext, SandboxPlatform, SandboxRequest, SandboxResponse, RouteHandler } from '../../platform';
import { SocialModel, type SocialAccountSpec, type SocialPost } from '../public-social/model';
import { SocialComments, controlBody, type SocialComment } from '../public-social/comments';
import { createMastodonPublishing } from './publish';

/** Default rate limit (Mastodon docs, "Rate limits": 300 requests per 5 minutes). */
export const MASTODON_RATE_LIMIT = { limit: 300, windowMs: 5 * 60_000 };
export const MASTODON_MAX_LIMIT = 40;
/** The bearer token the sandbox accepts (reads also work without one, as on most public instances). */
export const SANDBOX_MASTODON_TOKEN = 'sandbox-mastodon-token-not-a-real-key';

export const SANDBOX_MASTODON_ACCOUNTS: readonly SocialAccountSpec[] = [
	{
		id: '109384736251928301',
		handle: 'xinghecoffee',
		name: '星河咖啡 Xinghe Coffee',
		baseFollowers: 1_850,
		dailyGrowth: 2,
		following: 95,
		olderPosts: 140,
		maxPerDay: 2,
		reach: 400,
		texts: ['<p>Cherry blossom latte is back 🌸</p>', '<p>新品上市：云南冷萃 ☕</p>', '<p>Latte art tips: pour slow, finish fast</p>', '<p>Member day today, 20% off</p>', '<p>杭州西湖店开业啦！</p>'],
	},
	{
		id: '109512093847561029',
		handle: 'yunfan',
		name: 'Yunfan Tech',
		baseFollowers: 960,
		dailyGrowth: 1,
		following: 240,
		olderPosts: 60,
		maxPerDay: 2,
		reach: 250,
		texts: ['<p>We open-sourced Sail, our log shipper #opensource</p>', '<p>RAG in production, a thread 🧵</p>', '<p>云帆开发者大会报名开启</p>', '<p>Postgres tuning notes</p>'],
	},
];

export const MASTODON_INSTANCE_DOMAIN = 'mastodon.example';

export interface MastodonStatus {
	id: string;
	accountId: string;
	createdAt: string;
	content: string;
	inReplyToId: string | null;
	/** Set for a boost of another account's status. */
	reblogOf?: MastodonStatus;
	post: SocialPost;
}

/** Unauthenticated `statuses/:id/context` is capped at 40 ancestors and 60 descendants (Mastodon 4.0+). */
export const MASTODON_PUBLIC_DESCENDANTS = 60;
/** Where the commenters' accounts live (remote accounts, as replies on a public instance mostly are). */
export const MASTODON_COMMENTER_DOMAIN = 'social.example';

export class MastodonDataset {
	readonly model: SocialModel;
	readonly comments: SocialComments;

	constructor(seed: number, now: () => Date) {
		this.model = new SocialModel('mastodon', seed, SANDBOX_MASTODON_ACCOUNTS, now);
		this.comments = new SocialComments(seed, this.model);
	}

	/** A reply's status id: a snowflake of its own creation time. */
	replyId(c: SocialComment): string {
		return this.statusId(c.createdAtMs, c.k, 9);
	}

	/** The own status (not a boost) with this id, if any. */
	findStatus(id: string): MastodonStatus | undefined {
		for (const a of SANDBOX_MASTODON_ACCOUNTS) {
			const hit = this.timeline(a.id).find((s) => s.id === id && !s.reblogOf);
			if (hit) return hit;
		}
		return undefined;
	}

	/** Replies to a status now, oldest first (thread order: they are all direct replies). */
	repliesTo(status: MastodonStatus): SocialComment[] {
		return this.comments.of(status.post);
	}

	replyJson(c: SocialComment, parent: MastodonStatus): Record<string, unknown> {
		const id = this.replyId(c);
		const owner = this.model.account(parent.accountId)!;
		const acct = `${c.author.handle}@${MASTODON_COMMENTER_DOMAIN}`;
		return {
			id,
			created_at: new Date(c.createdAtMs).toISOString(),
			in_reply_to_id: parent.id,
			in_reply_to_account_id: parent.accountId,
			sensitive: false,
			spoiler_text: '',
			visibility: 'public',
			language: /[\u4e00-\u9fff]/.test(c.text) ? 'zh' : 'en',
			uri: `https://${MASTODON_COMMENTER_DOMAIN}/users/${c.author.handle}/statuses/${id}`,
			url: `https://${MASTODON_COMMENTER_DOMAIN}/@${c.author.handle}/${id}`,
			replies_count: c.replies,
			reblogs_count: 0,
			favourites_count: c.likes,
			content: `<p><span class="h-card"><a href="https://${MASTODON_INSTANCE_DOMAIN}/@${owner.handle}" class="u-url mention">@<span>${owner.handle}</span></a></span> ${escapeHtml(c.text)}</p>`,
			reblog: null,
			mentions: [{ id: owner.id, username: owner.handle, acct: owner.handle, url: `https://${MASTODON_INSTANCE_DOMAIN}/@${owner.handle}` }],
			account: { id: c.author.id, username: c.author.handle, acct, display_name: c.author.name, url: `https://${MASTODON_COMMENTER_DOMAIN}/@${c.author.handle}`, followers_count: c.author.followers, following_count: 80, statuses_count: 300 },
		};
	}

	/** Snowflake-like ids as Mastodon makes them: ms since epoch << 16, plus a sequence. */
	statusId(ms: number, seq: number, salt: number): string {
		return ((BigInt(ms) << 16n) + BigInt((seq * 7 + salt) % 65_536)).toString();
	}

	private toStatus(p: SocialPost): MastodonStatus {
		return {
			id: this.statusId(p.createdAtMs, p.seq, 1),
			accountId: p.accountId,
			createdAt: new Date(p.createdAtMs).toISOString(),
			content: p.text,
			// Every seventh post is a reply in a thread (own content, but not a post of the account's feed).
			inReplyToId: p.hash % 7 === 0 ? this.statusId(p.createdAtMs - 60_000, p.seq, 3) : null,
			post: p,
		};
	}

	/** Everything the account's timeline holds, newest first: own statuses, replies and boosts. */
	timeline(accountId: string): MastodonStatus[] {
		const nowMs = this.model.nowMs();
		const own = this.model.posts(accountId).map((p) => this.toStatus(p));
		const boosts: MastodonStatus[] = [];
		for (const other of SANDBOX_MASTODON_ACCOUNTS) {
			if (other.id === accountId) continue;
			for (const p of this.model.posts(other.id)) {
				const at = p.createdAtMs + 2 * 3_600_000;
				if (p.hash % 5 !== 0 || at > nowMs) continue;
				boosts.push({ id: this.statusId(at, p.seq, 5), accountId, createdAt: new Date(at).toISOString(), content: '', inReplyToId: null, reblogOf: this.toStatus(p), post: p });
			}
		}
		return [...own, ...boosts].sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : BigInt(b.id) < BigInt(a.id) ? -1 : 0));
	}

	/** The account's own top-level statuses (no replies, no boosts), newest first. */
	ownPosts(accountId: string): MastodonStatus[] {
		return this.timeline(accountId).filter((s) => !s.reblogOf && s.inReplyToId === null);
	}

	counts(status: MastodonStatus): { replies_count: number; reblogs_count: number; favourites_count: number } {
		const c = this.model.counters(status.post);
		return { replies_count: c.comments, reblogs_count: c.shares, favourites_count: c.likes };
	}

	account(id: string): Record<string, unknown> | undefined {
		const a = this.model.account(id);
		if (!a) return undefined;
		return {
			id: a.id,
			username: a.handle,
			acct: a.handle,
			display_name: a.name,
			locked: false,
			bot: false,
			created_at: '2022-11-20T00:00:00.000Z',
			note: `<p>${a.name}</p>`,
			url: `https://${MASTODON_INSTANCE_DOMAIN}/@${a.handle}`,
			followers_count: this.model.followers(id),
			following_count: a.following,
			statuses_count: this.model.postCount(id),
		};
	}

	statusJson(s: MastodonStatus): Record<string, unknown> {
		if (s.reblogOf) {
			return { id: s.id, created_at: s.createdAt, in_reply_to_id: null, visibility: 'public', content: '', replies_count: 0, reblogs_count: 0, favourites_count: 0, account: this.account(s.accountId), reblog: this.statusJson(s.reblogOf) };
		}
		const a = this.model.account(s.accountId)!;
		return {
			id: s.id,
			created_at: s.createdAt,
			in_reply_to_id: s.inReplyToId,
			in_reply_to_account_id: s.inReplyToId ? s.accountId : null,
			sensitive: false,
			spoiler_text: '',
			visibility: 'public',
			language: /[\u4e00-\u9fff]/.test(s.content) ? 'zh' : 'en',
			uri: `https://${MASTODON_INSTANCE_DOMAIN}/users/${a.handle}/statuses/${s.id}`,
			url: `https://${MASTODON_INSTANCE_DOMAIN}/@${a.handle}/${s.id}`,
			content: s.content,
			...this.counts(s),
			reblog: null,
			account: this.account(s.accountId),
		};
	}
}

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface MastodonPlatform extends SandboxPlatform {
	truth: MastodonDataset;
}

export function createMastodonPlatform(context: SandboxContext): MastodonPlatform {
	const data = new MastodonDataset(context.seed, context.now);
	const limit = { ...MASTODON_RATE_LIMIT };
	let window = { startsAt: 0, used: 0 };

	/** Fixed 5-minute windows; every answer carries the headers, a spent window answers 429. */
	function rateLimited(handler: (request: SandboxRequest) => SandboxResponse): RouteHandler {
		return (request) => {
			const nowMs = context.now().getTime();
			const startsAt = nowMs - (nowMs % limit.windowMs);
			if (window.startsAt !== startsAt) window = { startsAt, used: 0 };
			window.used += 1;
			const headers = {
				'X-RateLimit-Limit': String(limit.limit),
				'X-RateLimit-Remaining': String(Math.max(0, limit.limit - window.used)),
				'X-RateLimit-Reset': new Date(startsAt + limit.windowMs).toISOString(),
			};
			if (window.used > limit.limit) return { status: 429, headers, body: { error: 'Too many requests' } };
			const auth = request.headers.authorization;
			if (auth !== undefined && auth !== `Bearer ${SANDBOX_MASTODON_TOKEN}`) return { status: 401, headers, body: { error: 'The access token is invalid' } };
			if (request.method !== 'GET') return { status: 404, headers, body: { error: 'Record not found' } };
			const answer = handler(request);
			return { ...answer, headers: { ...headers, ...answer.headers } };
		};
	}

	const notFound: SandboxResponse = { status: 404, body: { error: 'Record not found' } };
	const routes: Record<string, RouteHandler> = {
		// The credential's Test request: instance metadata (a trimmed v1 Instance entity).
		'/api/v1/instance': rateLimited(() => ({ body: { uri: MASTODON_INSTANCE_DOMAIN, title: 'Mastodon sandbox', version: '4.3.0', languages: ['en', 'zh'] } })),
		'/api/v1/accounts/lookup': rateLimited((request) => {
			const acct = (request.query.get('acct') ?? '').replace(/^@/, '');
			const [user, domain] = acct.split('@');
			if (domain && domain !== MASTODON_INSTANCE_DOMAIN) return notFound;
			const account = data.model.byHandle(user ?? '');
			return account ? { body: data.account(account.id) } : notFound;
		}),
	};
	for (const account of SANDBOX_MASTODON_ACCOUNTS) {
		routes[`/api/v1/accounts/${account.id}`] = rateLimited(() => ({ body: data.account(account.id) }));
		routes[`/api/v1/accounts/${account.id}/statuses`] = rateLimited((request) => {
			const q = request.query;
			const asked = Number(q.get('limit') ?? 20);
			// Mastodon clamps limit to 1..40 silently.
			const pageSize = Math.min(MASTODON_MAX_LIMIT, Math.max(1, Number.isFinite(asked) ? Math.floor(asked) : 20));
			let statuses = data.timeline(account.id);
			if (q.get('exclude_replies') === 'true') statuses = statuses.filter((s) => s.inReplyToId === null);
			if (q.get('exclude_reblogs') === 'true') statuses = statuses.filter((s) => !s.reblogOf);
			const maxId = q.get('max_id');
			const sinceId = q.get('since_id');
			if (maxId && /^\d+$/.test(maxId)) statuses = statuses.filter((s) => BigInt(s.id) < BigInt(maxId));
			if (sinceId && /^\d+$/.test(sinceId)) statuses = statuses.filter((s) => BigInt(s.id) > BigInt(sinceId));
			const page = statuses.slice(0, pageSize);
			const headers: Record<string, string> = {};
			const base = `https://${MASTODON_INSTANCE_DOMAIN}/api/v1/accounts/${account.id}/statuses`;
			if (page.length) headers.Link = `<${base}?max_id=${page[page.length - 1].id}>; rel="next", <${base}?min_id=${page[0].id}>; rel="prev"`;
			return { headers, body: page.map((s) => data.statusJson(s)) };
		});
	}

	// statuses/:id/context: the route table is exact-path, so each own status that exists by two days from now gets
	// its route here (statuses inserted later by a test have none: their context answers 404, like a deleted one).
	const horizon = context.now().getTime() + 2 * 86_400_000;
	for (const account of SANDBOX_MASTODON_ACCOUNTS) {
		for (const post of data.model.posts(account.id, horizon)) {
			const id = data.statusId(post.createdAtMs, post.seq, 1);
			routes[`/api/v1/statuses/${id}/context`] = rateLimited((request) => {
				const status = data.findStatus(id);
				if (!status) return notFound;
				const descendants = data.repliesTo(status).map((c) => data.replyJson(c, status));
				// Unauthenticated callers see the first 60 descendants only.
				return { body: { ancestors: [], descendants: request.headers.authorization ? descendants : descendants.slice(0, MASTODON_PUBLIC_DESCENDANTS) } };
			});
		}
	}

	// Publishing (POST /api/v1/statuses with Idempotency-Key) lives in publish.ts; the token posts as the first account.
	const publishing = createMastodonPublishing({ token: SANDBOX_MASTODON_TOKEN, domain: MASTODON_INSTANCE_DOMAIN, account: () => data.account(SANDBOX_MASTODON_ACCOUNTS[0].id), now: context.now });
	Object.assign(routes, publishing.routes);

	/**
	 * A spent window: 429 `{error: 'Too many requests'}` with X-RateLimit-Remaining 0 and X-RateLimit-Reset (an ISO
	 * instant), no Retry-After (Mastodon docs, "Rate limits"). `resetSeconds` is how far off the reset is.
	 */
	const spent = (resetSeconds: number): SandboxResponse => ({
		status: 429,
		headers: { 'X-RateLimit-Limit': String(limit.limit), 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': new Date(context.now().getTime() + resetSeconds * 1000).toISOString() },
		body: { error: 'Too many requests' },
	});
	// ASSUMPTION: Doorkeeper's descriptions, which Mastodon renders as `{error}`: "The access token expired" for an
	// expired token (tokens with an expiry), "The access token is invalid" for an unknown or revoked one.
	const faults: Record<PlatformFaultKind, (options?: { retryAfterSeconds?: number }) => SandboxResponse> = {
		expiredToken: () => ({ status: 401, body: { error: 'The access token expired' } }),
		invalidToken: () => ({ status: 401, body: { error: 'The access token is invalid' } }),
		quota: (options) => spent(options?.retryAfterSeconds ?? 1),
	};

	return {
		name: 'mastodon',
		truth: data,
		routes,
		controlRoutes: {
			/** POST {statusId, text, author?}: a reply to an own status, written now (MediaOps Trigger tests). */
			comments: (request) => {
				const body = controlBody(request.rawBody);
				const status = typeof body?.statusId === 'string' ? data.findStatus(body.statusId) : undefined;
				if (request.method !== 'POST' || !status || typeof body?.text !== 'string') return { status: 400, body: { error: 'POST {statusId, text, author?}' } };
				return { body: data.replyJson(data.comments.insert(status.post, body.text, Number(body.author ?? 0)), status) };
			},
			/** POST {accountId, text}: a new status of the account, published now. */
			posts: (request) => {
				const body = controlBody(request.rawBody);
				if (request.method !== 'POST' || typeof body?.accountId !== 'string' || !data.model.account(body.accountId) || typeof body.text !== 'string') return { status: 400, body: { error: 'POST {accountId, text}' } };
				const p = data.model.insertPost(body.accountId, `<p>${escapeHtml(body.text)}</p>`);
				return { body: { id: data.statusId(p.createdAtMs, p.seq, 1) } };
			},
			/** GET: statuses posted through POST /api/v1/statuses and their count; DELETE: forget them. */
			publish: publishing.control,
			/** POST {limit, windowMs} to change the rate limit (tests use a small one). */
			ratelimit: (request) => {
				try {
					const body = JSON.parse(request.rawBody || '{}') as { limit?: number; windowMs?: number };
					if (body.limit !== undefined) limit.limit = body.limit;
					if (body.windowMs !== undefined) limit.windowMs = body.windowMs;
					window = { startsAt: 0, used: 0 };
					return { body: limit };
				} catch {
					return { status: 400, body: { error: 'body must be JSON {limit, windowMs}' } };
				}
			},
		},
		faultResponse: (kind, options) => faults[kind](options),
		// ASSUMPTION: a 500 from Rails is `{error}` too ("We're sorry, but something went wrong.").
		transientFaultResponse: (kind, { retryAfterSeconds }) => (kind === 'http429' ? spent(retryAfterSeconds) : { status: 500, body: { error: 'We\'re sorry, but something went wrong.' } }),
		expireTokens: () => undefined,
		tokensIssued: () => 0,
	};
}
