/**
 * Bluesky public AppView (PLATFORMS.md §3.7, public.api.bsky.app) at the real XRPC paths:
 * `app.bsky.actor.getProfile`, `app.bsky.feed.getPostThread` (replies; depth, parentHeight; 400 NotFound) and
 * `app.bsky.feed.getAuthorFeed` (limit 1..100, default 50, opaque cursor,
 * filter posts_with_replies | posts_no_replies | posts_with_media | posts_and_author_threads). Errors are
 * `{error, message}` with HTTP 400 (InvalidRequest, e.g. "Profile not found") or 429 (RateLimitExceeded).
 * The author feed mixes in reposts of other accounts' posts (with `reason`), as the real one does.
 */
import type { PlatformFaultKind } from '../../faults';
import type { SandboxContext, SandboxPlatform, SandboxRequest, SandboxResponse } from '../../platform';
import { SocialModel, idString, type SocialAccountSpec, type SocialPost } from '../public-social/model';
import { SocialComments, controlBody, type SocialComment } from '../public-social/comments';
import { createBlueskyPublishing } from './publish';

const B32 = 'abcdefghijklmnopqrstuvwxyz234567';
const TID = '234567abcdefghijklmnopqrstuvwxyz';

export const SANDBOX_BLUESKY_ACCOUNTS: readonly SocialAccountSpec[] = [
	{
		id: 'did:plc:xh7coffee2sandbox4brand0',
		handle: 'xinghe-coffee.bsky.social',
		name: 'Xinghe Coffee 星河咖啡',
		baseFollowers: 4_200,
		dailyGrowth: 6,
		following: 180,
		olderPosts: 310,
		maxPerDay: 2,
		reach: 900,
		texts: ['Cherry blossom latte is back 🌸 second cup half price', 'New cold brew from Yunnan, try it this weekend ☕', '杭州西湖店今天开业！', 'Latte art championship highlights', 'Our oat latte is now available in all stores', 'Member day: 20% off everything'],
	},
	{
		id: 'did:plc:yf4tech2sandbox7compet0r',
		handle: 'yunfan.tech',
		name: 'Yunfan Tech 云帆科技',
		baseFollowers: 2_600,
		dailyGrowth: 3,
		following: 410,
		olderPosts: 95,
		maxPerDay: 2,
		reach: 500,
		texts: ['RAG in production: what we learned', 'Yunfan BI now answers questions in plain language', 'We open-sourced Sail, our log shipper', 'Kubernetes cost tips thread 🧵', '云帆开发者大会报名开启'],
	},
];

export interface BlueskyPost {
	uri: string;
	cid: string;
	did: string;
	text: string;
	createdAt: string;
	post: SocialPost;
}

interface FeedItem {
	post: BlueskyPost;
	/** Sort instant (ms): createdAt for own posts, the repost time for reposts. */
	sortAt: number;
	repostedBy?: SocialAccountSpec;
}

/** A record key that sorts with time (TID-like), as real ones do. */
function tidOf(ms: number, salt: number): string {
	let rkey = '';
	let us = BigInt(ms) * 1000n + BigInt(salt % 1000);
	for (let i = 0; i < 11; i++) {
		rkey = TID[Number(us % 32n)] + rkey;
		us /= 32n;
	}
	return `3${rkey}${TID[salt % 32]}`;
}

export class BlueskyDataset {
	readonly model: SocialModel;
	readonly comments: SocialComments;

	constructor(seed: number, now: () => Date) {
		this.model = new SocialModel('bluesky', seed, SANDBOX_BLUESKY_ACCOUNTS, now);
		this.comments = new SocialComments(seed, this.model);
	}

	/** The own post with this at-uri, if any. */
	findPost(uri: string): BlueskyPost | undefined {
		const did = /^at:\/\/([^/]+)\//.exec(uri)?.[1];
		return did && this.model.account(did) ? this.posts(did).find((p) => p.uri === uri) : undefined;
	}

	/** Replies to a post now, oldest first. */
	repliesTo(post: BlueskyPost): SocialComment[] {
		return this.comments.of(post.post);
	}

	replyAuthor(c: SocialComment): { did: string; handle: string; displayName: string } {
		return { did: `did:plc:${idString(Number(c.author.id), 24, B32, 'did')}`, handle: `${c.author.handle.replace(/_/g, '-')}.bsky.social`, displayName: c.author.name };
	}

	replyUri(c: SocialComment): string {
		return `at://${this.replyAuthor(c).did}/app.bsky.feed.post/${tidOf(c.createdAtMs, c.hash)}`;
	}

	/** A reply as the ThreadViewPost getPostThread nests under the post. */
	replyView(c: SocialComment, parent: BlueskyPost): Record<string, unknown> {
		const at = new Date(c.createdAtMs).toISOString();
		return {
			$type: 'app.bsky.feed.defs#threadViewPost',
			post: {
				uri: this.replyUri(c),
				cid: `bafyrei${idString(c.hash, 52, B32, 'rcid')}`,
				author: this.replyAuthor(c),
				record: { $type: 'app.bsky.feed.post', text: c.text, createdAt: at, langs: [/[\u4e00-\u9fff]/.test(c.text) ? 'zh' : 'en'], reply: { root: { uri: parent.uri, cid: parent.cid }, parent: { uri: parent.uri, cid: parent.cid } } },
				replyCount: 0,
				repostCount: 0,
				likeCount: c.likes,
				quoteCount: 0,
				indexedAt: at,
				labels: [],
			},
			replies: [],
		};
	}

	actor(actor: string): SocialAccountSpec | undefined {
		return this.model.account(actor) ?? this.model.byHandle(actor);
	}

	toPost(p: SocialPost): BlueskyPost {
		// A TID-like record key that sorts with time, as real ones do.
		let rkey = '';
		let us = BigInt(p.createdAtMs) * 1000n + BigInt(p.seq % 1000);
		for (let i = 0; i < 11; i++) {
			rkey = TID[Number(us % 32n)] + rkey;
			us /= 32n;
		}
		rkey = `3${rkey}${TID[p.hash % 32]}`;
		return {
			uri: `at://${p.accountId}/app.bsky.feed.post/${rkey}`,
			cid: `bafyrei${idString(p.hash, 52, B32, 'cid')}`,
			did: p.accountId,
			text: p.text,
			createdAt: new Date(p.createdAtMs).toISOString(),
			post: p,
		};
	}

	/** The account's own posts so far, newest first. */
	posts(did: string): BlueskyPost[] {
		return this.model.postsNewestFirst(did).map((p) => this.toPost(p));
	}

	counts(post: BlueskyPost): { replyCount: number; repostCount: number; likeCount: number; quoteCount: number } {
		const c = this.model.counters(post.post);
		return { replyCount: c.comments, repostCount: c.shares, likeCount: c.likes, quoteCount: c.quotes };
	}

	/** Own posts plus reposts of every fifth post of the other accounts (3 h later), newest first. */
	feed(did: string): FeedItem[] {
		const nowMs = this.model.nowMs();
		const items: FeedItem[] = this.posts(did).map((post) => ({ post, sortAt: post.post.createdAtMs }));
		const reposter = this.model.account(did)!;
		for (const other of SANDBOX_BLUESKY_ACCOUNTS) {
			if (other.id === did) continue;
			for (const post of this.posts(other.id)) {
				const at = post.post.createdAtMs + 3 * 3_600_000;
				if (post.post.hash % 5 === 0 && at <= nowMs) items.push({ post, sortAt: at, repostedBy: reposter });
			}
		}
		return items.sort((a, b) => b.sortAt - a.sortAt || b.post.post.seq - a.post.post.seq);
	}

	profile(did: string): Record<string, unknown> {
		const account = this.model.account(did)!;
		return {
			did,
			handle: account.handle,
			displayName: account.name,
			description: `${account.name} on Bluesky`,
			avatar: `https://cdn.bsky.app/img/avatar/plain/${did}/avatar@jpeg`,
			followersCount: this.model.followers(did),
			followsCount: account.following,
			postsCount: this.model.postCount(did),
			indexedAt: '2024-01-01T00:00:00.000Z',
			createdAt: '2023-06-01T00:00:00.000Z',
		};
	}
}

function xrpcError(status: number, error: string, message: string, headers?: Record<string, string>): SandboxResponse {
	return { status, headers, body: { error, message } };
}

export interface BlueskyPlatform extends SandboxPlatform {
	truth: BlueskyDataset;
}

const FILTERS = ['posts_with_replies', 'posts_no_replies', 'posts_with_media', 'posts_and_author_threads', 'posts_with_video'];

export function createBlueskyPlatform(context: SandboxContext): BlueskyPlatform {
	const data = new BlueskyDataset(context.seed, context.now);

	const actorOf = (request: SandboxRequest): SocialAccountSpec | SandboxResponse => {
		if (request.method !== 'GET') return xrpcError(405, 'MethodNotImplemented', 'Method Not Implemented');
		const actor = request.query.get('actor');
		if (!actor) return xrpcError(400, 'InvalidRequest', 'Error: Params must have the property "actor"');
		if (!/^(did:[a-z]+:[a-zA-Z0-9._:%-]+|[a-zA-Z0-9.-]+\.[a-zA-Z]{2,})$/.test(actor)) return xrpcError(400, 'InvalidRequest', 'Error: actor must be a valid did or a handle');
		return data.actor(actor) ?? xrpcError(400, 'InvalidRequest', 'Profile not found');
	};
	const isAccount = (v: SocialAccountSpec | SandboxResponse): v is SocialAccountSpec => 'handle' in v;

	/** A spent window: 429 RateLimitExceeded with the RateLimit-* headers (reset in epoch seconds), no Retry-After. */
	const spent = (resetSeconds: number): SandboxResponse =>
		xrpcError(429, 'RateLimitExceeded', 'Rate Limit Exceeded', {
			'ratelimit-limit': '3000',
			'ratelimit-remaining': '0',
			'ratelimit-reset': String(Math.ceil(context.now().getTime() / 1000 + resetSeconds)),
			'ratelimit-policy': '3000;w=300',
		});
	const faults: Record<PlatformFaultKind, (options?: { retryAfterSeconds?: number }) => SandboxResponse> = {
		expiredToken: () => xrpcError(400, 'ExpiredToken', 'Token has expired'),
		invalidToken: () => xrpcError(401, 'InvalidToken', 'Token could not be verified'),
		quota: (options) => spent(options?.retryAfterSeconds ?? 1),
	};

	// Posting through a PDS (createSession, createRecord, getRecord) lives in publish.ts; the app password posts as the first account.
	const publishing = createBlueskyPublishing({ did: SANDBOX_BLUESKY_ACCOUNTS[0].id, handle: SANDBOX_BLUESKY_ACCOUNTS[0].handle, now: context.now });

	return {
		name: 'bluesky',
		truth: data,
		routes: {
			...publishing.routes,
			// A post and the replies below it (depth 0..1000, default 6; parentHeight 0..1000, default 80).
			'/xrpc/app.bsky.feed.getPostThread': (request) => {
				if (request.method !== 'GET') return xrpcError(405, 'MethodNotImplemented', 'Method Not Implemented');
				const uri = request.query.get('uri');
				if (!uri) return xrpcError(400, 'InvalidRequest', 'Error: Params must have the property "uri"');
				if (!/^at:\/\/[^/]+\/[^/]+\/[^/]+$/.test(uri)) return xrpcError(400, 'InvalidRequest', 'Error: uri must be a valid at-uri');
				for (const name of ['depth', 'parentHeight']) {
					const v = request.query.get(name);
					if (v !== null && (!/^\d+$/.test(v) || Number(v) > 1000)) return xrpcError(400, 'InvalidRequest', `Error: ${name} can not be greater than 1000`);
				}
				const post = data.findPost(uri);
				if (!post) return xrpcError(400, 'NotFound', `Post not found: ${uri}`);
				const author = data.model.account(post.did)!;
				const depth = Number(request.query.get('depth') ?? 6);
				return {
					body: {
						thread: {
							$type: 'app.bsky.feed.defs#threadViewPost',
							post: { uri: post.uri, cid: post.cid, author: { did: author.id, handle: author.handle, displayName: author.name }, record: { $type: 'app.bsky.feed.post', text: post.text, createdAt: post.createdAt }, ...data.counts(post), indexedAt: post.createdAt, labels: [] },
							// Newest first, as the AppView sorts replies by default.
							replies: depth === 0 ? [] : data.repliesTo(post).reverse().map((c) => data.replyView(c, post)),
						},
					},
				};
			},
			'/xrpc/app.bsky.actor.getProfile': (request) => {
				const account = actorOf(request);
				return isAccount(account) ? { body: data.profile(account.id) } : account;
			},
			'/xrpc/app.bsky.feed.getAuthorFeed': (request) => {
				const account = actorOf(request);
				if (!isAccount(account)) return account;
				const limitText = request.query.get('limit') ?? '50';
				const limit = Number(limitText);
				if (!/^\d+$/.test(limitText) || limit < 1) return xrpcError(400, 'InvalidRequest', 'Error: limit must be an integer');
				if (limit > 100) return xrpcError(400, 'InvalidRequest', 'Error: limit can not be greater than 100');
				const filter = request.query.get('filter') ?? 'posts_with_replies';
				if (!FILTERS.includes(filter)) return xrpcError(400, 'InvalidRequest', `Error: filter must be one of ${FILTERS.join(', ')}`);
				// The cursor is opaque to clients: here "<sortAt ms>:<uri>" of the last item served.
				const cursor = request.query.get('cursor');
				let items = data.feed(account.id);
				if (cursor) {
					const [ms, ...rest] = cursor.split(':');
					const uri = rest.join(':');
					const at = items.findIndex((i) => String(i.sortAt) === ms && i.post.uri === uri);
					if (!/^\d+$/.test(ms ?? '') || at < 0) return xrpcError(400, 'InvalidRequest', 'Error: malformed cursor');
					items = items.slice(at + 1);
				}
				const page = items.slice(0, limit);
				const last = page[page.length - 1];
				const feed = page.map((item) => {
					const author = data.model.account(item.post.did)!;
					const entry: Record<string, unknown> = {
						post: {
							uri: item.post.uri,
							cid: item.post.cid,
							author: { did: author.id, handle: author.handle, displayName: author.name },
							record: { $type: 'app.bsky.feed.post', text: item.post.text, createdAt: item.post.createdAt, langs: [/[\u4e00-\u9fff]/.test(item.post.text) ? 'zh' : 'en'] },
							...data.counts(item.post),
							indexedAt: item.post.createdAt,
							labels: [],
						},
					};
					if (item.repostedBy) {
						entry.reason = { $type: 'app.bsky.feed.defs#reasonRepost', by: { did: item.repostedBy.id, handle: item.repostedBy.handle }, indexedAt: new Date(item.sortAt).toISOString() };
					}
					return entry;
				});
				const body: Record<string, unknown> = { feed };
				if (last && items.length > limit) body.cursor = `${last.sortAt}:${last.post.uri}`;
				return { body };
			},
		},
		controlRoutes: {
			/** POST {uri, text, author?}: a reply to an own post, written now (MediaOps Trigger tests). */
			comments: (request) => {
				const body = controlBody(request.rawBody);
				const post = typeof body?.uri === 'string' ? data.findPost(body.uri) : undefined;
				if (request.method !== 'POST' || !post || typeof body?.text !== 'string') return { status: 400, body: { error: 'POST {uri, text, author?}' } };
				const reply = data.comments.insert(post.post, body.text, Number(body.author ?? 0));
				return { body: { uri: data.replyUri(reply) } };
			},
			/** POST {actor, text}: a new post of the account, published now. */
			posts: (request) => {
				const body = controlBody(request.rawBody);
				const account = typeof body?.actor === 'string' ? data.actor(body.actor) : undefined;
				if (request.method !== 'POST' || !account || typeof body?.text !== 'string') return { status: 400, body: { error: 'POST {actor, text}' } };
				return { body: { uri: data.toPost(data.model.insertPost(account.id, body.text)).uri } };
			},
			/** GET: records posted through com.atproto.repo.createRecord and their count; DELETE: forget them. */
			publish: publishing.control,
			truth: (request) => {
				const account = data.actor(request.query.get('actor') ?? '');
				if (!account) return { status: 400, body: { error: 'unknown actor' } };
				return { body: { profile: data.profile(account.id), posts: data.posts(account.id).map((p) => ({ uri: p.uri, createdAt: p.createdAt, ...data.counts(p) })) } };
			},
		},
		faultResponse: (kind, options) => faults[kind](options),
		// XRPC errors are `{error, message}` whatever the status: a 500 is InternalServerError.
		transientFaultResponse: (kind, { retryAfterSeconds }) => (kind === 'http429' ? spent(retryAfterSeconds) : xrpcError(500, 'InternalServerError', 'Internal Server Error')),
		expireTokens: () => undefined,
		tokensIssued: () => 0,
	};
}
