/**
 * Weibo open API v2 (PLATFORMS.md §3.2) at the real paths on api.weibo.com: `/2/users/show.json`,
 * `/2/statuses/user_timeline.json` (count ≤ 100, page, since_id, max_id; the authorised user's own posts only),
 * `/2/statuses/count.json` (ids: up to 100), `/2/comments/show.json` (id, count ≤ 200, page, since_id, max_id; newest first)
 * with `access_token` in the query; `POST /2/statuses/share.json`
 * (publish.ts), whose posts join the timeline. Errors are Weibo's
 * `{error, error_code, request}`: 21327 expired_token, 21332 invalid_access_token, 10023 user requests out of
 * rate limit, 20003 user does not exists, 10017 parameter value invalid, 10008 param error.
 * ASSUMPTION: HTTP 403 for auth and rate-limit errors and 400 for parameter errors (the error_code is what
 * clients rely on). A per-token hourly budget (default 150, the older "normal" tier) answers 10023 past it.
 * A status deleted through the `deleted` control route answers 20101 target weibo does not exist on comments/show.
 */
import type { PlatformFaultKind } from '../../faults';
import type { SandboxContext, SandboxPlatform, SandboxRequest, SandboxResponse, RouteHandler } from '../../platform';
import { SocialModel, type SocialAccountSpec, type SocialPost } from '../public-social/model';
import { SocialComments, controlBody, type SocialComment } from '../public-social/comments';
import { createWeiboPublishing } from './publish';

export const WEIBO_ERRORS = {
	paramError: [400, 10008, 'param error, see doc for more info.'],
	paramValueInvalid: [400, 10017, 'parameter value invalid'],
	rateLimited: [403, 10023, 'User requests out of rate limit!'],
	expiredToken: [403, 21327, 'expired_token'],
	invalidToken: [403, 21332, 'invalid_access_token'],
	userNotExists: [400, 20003, 'User does not exists!'],
	noPermission: [403, 10014, 'Insufficient app permissions!'],
	missingId: [400, 10016, 'miss required parameter (id) , see doc for more info.'],
	statusNotExists: [400, 20101, 'target weibo does not exist!'],
} as const;

/** comments/show.json: count defaults to 50, at most 200 (open.weibo.com/wiki/2/comments/show). */
export const WEIBO_COMMENTS_MAX_COUNT = 200;

export const SANDBOX_WEIBO_ACCOUNTS: readonly SocialAccountSpec[] = [
	{
		id: '7312345678',
		handle: '星河咖啡',
		name: '星河咖啡',
		baseFollowers: 215_000,
		dailyGrowth: 80,
		following: 320,
		olderPosts: 2_400,
		maxPerDay: 3,
		reach: 12_000,
		texts: ['#樱花拿铁# 春日限定回归，第二杯半价🌸', '转发抽 10 位送挂耳礼盒！', '杭州西湖店今日开业，前 100 位送马克杯', '#星河咖啡会员日# 全场 8 折', '冷萃新品上市，清爽一整个夏天☕', '咖啡师大赛冠军教你拉花'],
	},
	{
		id: '6023456789',
		handle: '云帆科技',
		name: '云帆科技',
		baseFollowers: 48_000,
		dailyGrowth: 20,
		following: 150,
		olderPosts: 900,
		maxPerDay: 2,
		reach: 3_000,
		texts: ['云帆 AI 助手 2.0 正式发布', '#云帆开发者大会# 报名开启', '技术干货｜RAG 落地实践', '云帆 BI 支持自然语言查数'],
	},
];

/** access_token → uid; the sandbox's token of each account. */
export const SANDBOX_WEIBO_TOKENS: Record<string, string> = {
	'2.00sandboxBrandToken_not_real': '7312345678',
	'2.00sandboxTechToken_not_real': '6023456789',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Weibo's created_at: "Wed Mar 11 10:00:00 +0800 2026" (China time). */
export function weiboTime(ms: number): string {
	const d = new Date(ms + 8 * 3_600_000);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0800 ${d.getUTCFullYear()}`;
}

export class WeiboDataset {
	readonly model: SocialModel;
	readonly comments: SocialComments;

	constructor(seed: number, now: () => Date) {
		this.model = new SocialModel('weibo', seed, SANDBOX_WEIBO_ACCOUNTS, now);
		this.comments = new SocialComments(seed, this.model);
	}

	/** A comment id: 16 digits growing with time, like status ids. */
	commentId(c: SocialComment): string {
		return String(5_000_000_000_000_000 + Math.floor(c.createdAtMs / 1000) * 100 + (c.hash % 100));
	}

	/** The post's comments now, newest first (as comments/show lists them). */
	commentsOf(p: SocialPost): SocialComment[] {
		return this.comments.of(p).reverse();
	}

	commentJson(c: SocialComment): Record<string, unknown> {
		const id = this.commentId(c);
		const statusId = this.statusId(c.post);
		return {
			created_at: weiboTime(c.createdAtMs),
			id: Number(id),
			idstr: id,
			mid: id,
			rootid: Number(id),
			text: c.text,
			source: '<a href="https://weibo.com/" rel="nofollow">iPhone客户端</a>',
			user: { id: Number(c.author.id), idstr: c.author.id, screen_name: c.author.name, name: c.author.name, followers_count: c.author.followers, verified: false },
			status: { id: Number(statusId), idstr: statusId, mid: statusId, text: c.post.text, created_at: weiboTime(c.post.createdAtMs), uid: Number(c.post.accountId) },
		};
	}

	statusId(p: SocialPost): string {
		// 16 digits growing with time, as Weibo ids do.
		return String(4_900_000_000_000_000 + Math.floor(p.createdAtMs / 1000) * 100 + (p.seq % 100));
	}

	statuses(uid: string): SocialPost[] {
		return this.model.postsNewestFirst(uid);
	}

	find(id: string): SocialPost | undefined {
		for (const a of SANDBOX_WEIBO_ACCOUNTS) {
			const hit = this.model.posts(a.id).find((p) => this.statusId(p) === id);
			if (hit) return hit;
		}
		return undefined;
	}

	counts(p: SocialPost): { reposts_count: number; comments_count: number; attitudes_count: number } {
		const c = this.model.counters(p);
		return { reposts_count: c.shares, comments_count: c.comments, attitudes_count: c.likes };
	}

	user(uid: string): Record<string, unknown> | undefined {
		const a = this.model.account(uid);
		if (!a) return undefined;
		return {
			id: Number(uid),
			idstr: uid,
			screen_name: a.handle,
			name: a.name,
			location: '浙江 杭州',
			description: `${a.name}官方微博`,
			followers_count: this.model.followers(uid),
			friends_count: a.following,
			statuses_count: this.model.postCount(uid),
			favourites_count: 12,
			created_at: 'Tue May 31 17:46:55 +0800 2011',
			verified: true,
			verified_type: 2,
		};
	}

	statusJson(p: SocialPost, trimUser: boolean): Record<string, unknown> {
		const id = this.statusId(p);
		return {
			created_at: weiboTime(p.createdAtMs),
			id: Number(id),
			idstr: id,
			mid: id,
			text: p.text,
			source: '<a href="https://weibo.com/" rel="nofollow">微博 weibo.com</a>',
			favorited: false,
			truncated: false,
			...this.counts(p),
			user: trimUser ? undefined : this.user(p.accountId),
			uid: trimUser ? Number(p.accountId) : undefined,
		};
	}
}

export interface WeiboPlatform extends SandboxPlatform {
	truth: WeiboDataset;
}

export function createWeiboPlatform(context: SandboxContext): WeiboPlatform {
	const data = new WeiboDataset(context.seed, context.now);
	const budget = { perHour: 150, used: new Map<string, { hour: number; used: number }>() };
	let expired = false;
	/** Deleted status ids → whether the timeline still lists them (control route `deleted`). */
	const deleted = new Map<string, { listed: boolean }>();

	const error = (name: keyof typeof WEIBO_ERRORS, request: SandboxRequest): SandboxResponse => {
		const [status, code, message] = WEIBO_ERRORS[name];
		return { status, body: { error: message, error_code: code, request: request.path } };
	};

	const authorise = (token: string): string | 'invalid' | 'expired' => {
		const uid = SANDBOX_WEIBO_TOKENS[token];
		if (!uid) return 'invalid';
		return expired ? 'expired' : uid;
	};
	/** Spends one request of the token's hourly budget; false when it is used up. */
	const spend = (token: string): boolean => {
		const hour = Math.floor(context.now().getTime() / 3_600_000);
		const entry = budget.used.get(token);
		const current = entry && entry.hour === hour ? entry : { hour, used: 0 };
		if (current.used >= budget.perHour) return false;
		current.used += 1;
		budget.used.set(token, current);
		return true;
	};

	function authorised(handler: (uid: string, request: SandboxRequest) => SandboxResponse): RouteHandler {
		return (request) => {
			if (request.method !== 'GET') return error('paramError', request);
			const token = request.query.get('access_token') ?? '';
			const uid = authorise(token);
			if (uid === 'invalid') return error('invalidToken', request);
			if (uid === 'expired') return error('expiredToken', request);
			if (!spend(token)) return error('rateLimited', request);
			return handler(uid, request);
		};
	}

	// Posting (statuses/share.json) lives in publish.ts; what it posts shows in the timeline below.
	const publishing = createWeiboPublishing({
		now: context.now,
		authorise,
		spend,
		error: ([status, code, message], request) => ({ status, body: { error: message, error_code: code, request: request.path } }),
		user: (uid) => data.user(uid),
		weiboTime,
	});

	const routes: Record<string, RouteHandler> = {
		// The credential's Test request: the uid the token belongs to.
		'/2/account/get_uid.json': authorised((uid) => ({ body: { uid: Number(uid) } })),
		'/2/users/show.json': authorised((_uid, request) => {
			const uid = request.query.get('uid');
			const screenName = request.query.get('screen_name');
			if (!uid && !screenName) return error('paramError', request);
			const account = uid ? data.model.account(uid) : data.model.byHandle(screenName ?? '');
			return account ? { body: data.user(account.id) } : error('userNotExists', request);
		}),
		'/2/statuses/user_timeline.json': authorised((tokenUid, request) => {
			const q = request.query;
			const count = Number(q.get('count') ?? 20);
			const page = Number(q.get('page') ?? 1);
			if (!Number.isInteger(count) || count < 1 || count > 100 || !Number.isInteger(page) || page < 1) return error('paramValueInvalid', request);
			// Current policy: the timeline of the authorised user only.
			const uid = q.get('uid') ?? tokenUid;
			if (uid !== tokenUid) return error('noPermission', request);
			// Posts shared through statuses/share.json are the newest; the seeded history follows.
			let statuses = [...publishing.timelineOf(uid), ...data.statuses(uid).map((p) => ({ id: data.statusId(p), json: (trim: boolean) => data.statusJson(p, trim) }))];
			statuses = statuses.filter((p) => deleted.get(p.id)?.listed ?? true);
			const maxId = q.get('max_id');
			const sinceId = q.get('since_id');
			if (maxId && maxId !== '0') statuses = statuses.filter((p) => BigInt(p.id) <= BigInt(maxId));
			if (sinceId && sinceId !== '0') statuses = statuses.filter((p) => BigInt(p.id) > BigInt(sinceId));
			const slice = statuses.slice((page - 1) * count, page * count);
			const trim = q.get('trim_user') === '1';
			return { body: { statuses: slice.map((p) => p.json(trim)), total_number: statuses.length, previous_cursor: 0, next_cursor: slice.length === count ? Number(slice[slice.length - 1].id) - 1 : 0 } };
		}),
		'/2/statuses/share.json': (request) => publishing.share(request),
		// Comments of one status, newest first; count ≤ 200, page, since_id / max_id (open.weibo.com/wiki/2/comments/show).
		'/2/comments/show.json': authorised((_uid, request) => {
			const q = request.query;
			const id = q.get('id');
			if (!id) return error('missingId', request);
			const count = Number(q.get('count') ?? 50);
			const page = Number(q.get('page') ?? 1);
			if (!Number.isInteger(count) || count < 1 || count > WEIBO_COMMENTS_MAX_COUNT || !Number.isInteger(page) || page < 1) return error('paramValueInvalid', request);
			const status = /^\d+$/.test(id) && !deleted.has(id) ? data.find(id) : undefined;
			if (!status) return error('statusNotExists', request);
			let comments = data.commentsOf(status);
			const maxId = q.get('max_id');
			const sinceId = q.get('since_id');
			if (maxId && maxId !== '0') comments = comments.filter((c) => BigInt(data.commentId(c)) <= BigInt(maxId));
			if (sinceId && sinceId !== '0') comments = comments.filter((c) => BigInt(data.commentId(c)) > BigInt(sinceId));
			const slice = comments.slice((page - 1) * count, page * count);
			const last = slice[slice.length - 1];
			return { body: { comments: slice.map((c) => data.commentJson(c)), hasvisible: false, previous_cursor: 0, next_cursor: last && slice.length === count ? Number(data.commentId(last)) - 1 : 0, total_number: comments.length } };
		}),
		'/2/statuses/count.json': authorised((_uid, request) => {
			const ids = (request.query.get('ids') ?? '').split(',').filter(Boolean);
			if (ids.length === 0) return error('paramError', request);
			if (ids.length > 100) return error('paramValueInvalid', request);
			const out = ids.filter((id) => !deleted.has(id)).map((id) => data.find(id)).filter((p): p is SocialPost => p !== undefined).map((p) => {
				const c = data.counts(p);
				return { id: Number(data.statusId(p)), idstr: data.statusId(p), comments: c.comments_count, reposts: c.reposts_count, attitudes: c.attitudes_count };
			});
			return { body: out };
		}),
	};

	const faults: Record<PlatformFaultKind, () => SandboxResponse> = {
		expiredToken: () => ({ status: 403, body: { error: 'expired_token', error_code: 21327, request: '/2/' } }),
		invalidToken: () => ({ status: 403, body: { error: 'invalid_access_token', error_code: 21332, request: '/2/' } }),
		quota: () => ({ status: 403, body: { error: 'User requests out of rate limit!', error_code: 10023, request: '/2/' } }),
	};

	return {
		name: 'weibo',
		truth: data,
		routes,
		controlRoutes: {
			publish: (request) => publishing.control(request),
			/** POST {id, text, author?}: a new comment on status `id`, written now (MediaOps Trigger tests). */
			comments: (request) => {
				const body = controlBody(request.rawBody);
				const status = typeof body?.id === 'string' ? data.find(body.id) : undefined;
				if (request.method !== 'POST' || !status || typeof body?.text !== 'string') return { status: 400, body: { error: 'POST {id: "<status id>", text, author?: number}' } };
				return { body: data.commentJson(data.comments.insert(status, body.text, Number(body.author ?? 0))) };
			},
			/**
			 * POST {id, listed?}: status `id` is deleted now: comments/show answers 20101 and statuses/count leaves it
			 * out. `listed: true` keeps it in the timeline, which is what a poll sees when the post is deleted between
			 * its timeline call and its comments call.
			 */
			deleted: (request) => {
				const body = controlBody(request.rawBody);
				if (request.method !== 'POST' || typeof body?.id !== 'string' || !data.find(body.id)) return { status: 400, body: { error: 'POST {id: "<status id>", listed?: boolean}' } };
				deleted.set(body.id, { listed: body.listed === true });
				return { body: { id: body.id, deleted: true, listed: body.listed === true } };
			},
			/** POST {uid, text}: a new status of account `uid`, published now. */
			posts: (request) => {
				const body = controlBody(request.rawBody);
				if (request.method !== 'POST' || typeof body?.uid !== 'string' || !data.model.account(body.uid) || typeof body.text !== 'string') return { status: 400, body: { error: 'POST {uid, text}' } };
				return { body: data.statusJson(data.model.insertPost(body.uid, body.text), true) };
			},
			/** POST {perHour}: change the per-token hourly budget (tests). */
			ratelimit: (request) => {
				const body = JSON.parse(request.rawBody || '{}') as { perHour?: number };
				if (typeof body.perHour === 'number') budget.perHour = body.perHour;
				budget.used.clear();
				return { body: { perHour: budget.perHour } };
			},
		},
		faultResponse: (kind) => faults[kind](),
		expireTokens: () => {
			expired = true;
		},
		tokensIssued: () => 0,
	};
}
