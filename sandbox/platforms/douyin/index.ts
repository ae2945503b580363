/**
 * Douyin Open Platform (PLATFORMS.md §3.3) at the real paths on open.douyin.com, with the envelope
 * `{data: {..., error_code, description}, extra: {error_code, description, sub_error_code, sub_description, logid, now}}`:
 * - `GET /video/list/?open_id&cursor&count` → `list[]{item_id, title, create_time, is_top, is_reviewed, share_url,
 *   statistics{comment_count, digg_count, download_count, play_count, share_count, forward_count}}, has_more, cursor`.
 * - `GET /data/external/item/{share,like,comment,play}/?open_id&item_id&date_type=7|15|30` → `result_list[]{date, share|like|comment|play}`
 *   (share documented [D3]; the siblings' paths and field names are [unverified] in PLATFORMS.md).
 * - `GET /data/external/user/fans/?open_id&date_type=7|15|30` → `result_list[]{date, total_fans, new_fans}` [path unverified].
 * - `POST /oauth/refresh_token/` (client_key, refresh_token) → a new access_token.
 * - `GET /item/comment/list/?open_id&item_id&cursor&count≤50&sort_type=time|time_asc` (scope item.comment) →
 *   `list[]{comment_id, comment_user_id, content, create_time, digg_count, reply_comment_total, top}, cursor, has_more`.
 * Rules kept: item and user data are T+1 (the newest day is yesterday, China time), cover the last `date_type` days,
 * exist only from the day after the first authorization, and item data only for videos created within 30 days.
 * The token comes in the `access-token` header (data endpoints) or `access_token` query (video list).
 * Error codes: 2190008 access_token expired, 2190002 access_token invalid, 2100005 invalid parameter,
 * 2100004 system busy, 2190004 app not authorised for the scope, 2190001 quota spent [codes from the Douyin error table
 * (developer.open-douyin.com …/openapi/status-code, 通用状态码(旧))]. Injected faults: expiredToken 2190008, invalidToken
 * 2190002, quota 2190001, all in the HTTP 200 envelope; a throttle or 5xx comes from the gateway (generic answer).
 * A video deleted through the `deleted` control route answers 2111007 获取视频失败 on item/comment/list (ASSUMPTION: the
 * docs list 2111007 among the video-comment codes of that table but do not say a deleted video is what produces it).
 */
import { randomBytes } from 'crypto';
import type { PlatformFaultKind } from '../../faults';
import type { SandboxContext, SandboxPlatform, SandboxRequest, SandboxResponse, RouteHandler } from '../../platform';
import { shanghaiDate, addDays, dayNumber, shanghaiUnixSeconds } from '../../dates';
import { SocialModel, idString, type SocialAccountSpec, type SocialPost } from '../public-social/model';
import { SocialComments, controlBody, type SocialComment } from '../public-social/comments';

export const DOUYIN_ERRORS = {
	busy: [2100004, '系统繁忙，此时请开发者稍候再试'],
	badParam: [2100005, '参数不合法'],
	tokenInvalid: [2190002, 'access_token无效'],
	noScope: [2190004, '应用未获得该能力, 请去https://open.douyin.com/申请'],
	tokenExpired: [2190008, 'access_token过期,请刷新或重新授权'],
	refreshInvalid: [10010, 'refresh_token过期或无效'],
	/** "quota 已用完": the app's call quota for the capability is spent (通用状态码(旧) table). */
	quotaSpent: [2190001, 'quota 已用完'],
	/** "获取视频失败", among the video-comment (视频评论) codes of the same table; here: a deleted video (ASSUMPTION). */
	videoUnavailable: [2111007, '获取视频失败'],
} as const;

export const SANDBOX_DOUYIN_CLIENT = { clientKey: 'awsandboxclientkey01', clientSecret: 'sandbox-douyin-secret-not-a-real-key' };

export interface DouyinAccount extends SocialAccountSpec {
	openId: string;
	refreshToken: string;
	/** Days before "today" the user first authorised the app: data exists from the next day on. */
	authorisedDaysAgo: number;
}

export const SANDBOX_DOUYIN_ACCOUNTS: readonly DouyinAccount[] = [
	{
		id: '_000sandboxBrandOpenId0001',
		openId: '_000sandboxBrandOpenId0001',
		refreshToken: 'rft.sandbox-brand-refresh-not-real',
		authorisedDaysAgo: 20,
		handle: 'xinghecoffee',
		name: '星河咖啡',
		baseFollowers: 120_000,
		dailyGrowth: 60,
		following: 48,
		olderPosts: 310,
		maxPerDay: 2,
		reach: 40_000,
		texts: ['樱花拿铁回归！第二杯半价 #春日限定', '30 秒学会拉花', '咖啡师的一天 vlog', '冷萃怎么做？一条视频讲清楚', '门店开业现场', '会员日福利来了'],
	},
];

/** item/comment/list: count 1..50 (Douyin docs, 评论列表). */
export const DOUYIN_COMMENT_MAX_COUNT = 50;
const OPAQUE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export class DouyinDataset {
	readonly model: SocialModel;
	readonly comments: SocialComments;

	constructor(seed: number, private readonly now: () => Date) {
		this.model = new SocialModel('douyin', seed, SANDBOX_DOUYIN_ACCOUNTS, now);
		this.comments = new SocialComments(seed, this.model);
	}

	/** Comment ids are opaque and URL-unsafe like item ids ("@9VwW0qOBUN9m…=="). */
	commentId(c: SocialComment): string {
		return `@9VwW${idString(c.hash, 40, OPAQUE, 'comment')}==`;
	}

	/** Commenters appear by an app-scoped open id only (no nickname in the open API). */
	commenterOpenId(c: SocialComment): string {
		return `_000${idString(Number(c.author.id), 22, OPAQUE.slice(0, 62), 'openid')}`;
	}

	commentJson(c: SocialComment): Record<string, unknown> {
		return { comment_id: this.commentId(c), comment_user_id: this.commenterOpenId(c), content: c.text, create_time: Math.floor(c.createdAtMs / 1000), digg_count: c.likes, reply_comment_total: c.replies, top: false };
	}

	account(openId: string): DouyinAccount | undefined {
		return SANDBOX_DOUYIN_ACCOUNTS.find((a) => a.openId === openId);
	}

	itemId(p: SocialPost): string {
		// Real item ids look like "@9VwKzuuES8gmaHKmZ+E5Rsr3O2/rZfD7J5+RrwPAKG9u5tdWdTtC+Qux3t2mjoLb" (opaque, URL-unsafe).
		return `@9Vw${Buffer.from(`${p.accountId}|${p.seq}|${p.hash}`).toString('base64').replace(/=+$/, '')}`;
	}

	videos(openId: string): SocialPost[] {
		return this.model.postsNewestFirst(openId);
	}

	find(openId: string, itemId: string): SocialPost | undefined {
		return this.videos(openId).find((p) => this.itemId(p) === itemId);
	}

	statistics(p: SocialPost): Record<string, number> {
		const c = this.model.counters(p);
		return { comment_count: c.comments, digg_count: c.likes, download_count: c.saves, play_count: c.views, share_count: c.shares, forward_count: c.quotes };
	}

	/** Yesterday (China time): the newest day the data endpoints serve (T+1). */
	yesterday(): string {
		return addDays(shanghaiDate(this.now()), -1);
	}

	/** The first day with data: the day after the first authorization. */
	firstDataDay(openId: string): string {
		return addDays(shanghaiDate(this.now()), -this.account(openId)!.authorisedDaysAgo + 1);
	}

	/** End of a China day as epoch ms. */
	private endOf(date: string): number {
		return shanghaiUnixSeconds(date, 24 * 60) * 1000;
	}

	/** What one video gained on one China day (counters at the end of the day minus the day before). */
	itemDay(p: SocialPost, date: string): { like: number; comment: number; share: number; play: number } {
		const a = this.model.counters(p, this.endOf(addDays(date, -1)));
		const b = this.model.counters(p, this.endOf(date));
		return { like: b.likes - a.likes, comment: b.comments - a.comments, share: b.shares - a.shares, play: b.views - a.views };
	}

	fansDay(openId: string, date: string): { total_fans: number; new_fans: number } {
		const total = this.model.followers(openId, this.endOf(date) - 1);
		const before = this.model.followers(openId, this.endOf(addDays(date, -1)) - 1);
		return { total_fans: total, new_fans: Math.max(0, total - before) };
	}

	/** Days a date_type query covers, oldest first, minus days before the first data day. */
	days(openId: string, dateType: number): string[] {
		const out: string[] = [];
		const first = this.firstDataDay(openId);
		for (let i = dateType; i >= 1; i--) {
			const d = addDays(shanghaiDate(this.now()), -i);
			if (d >= first) out.push(d);
		}
		return out;
	}

	createdWithin30Days(p: SocialPost): boolean {
		return dayNumber(shanghaiDate(new Date(p.createdAtMs))) >= dayNumber(shanghaiDate(this.now())) - 30;
	}
}

export interface DouyinPlatform extends SandboxPlatform {
	truth: DouyinDataset;
}

export function createDouyinPlatform(context: SandboxContext): DouyinPlatform {
	const data = new DouyinDataset(context.seed, context.now);
	/** access token → open id and expiry. */
	const tokens = new Map<string, { openId: string; expiresAt: number }>();
	let issued = 0;
	const issue = (openId: string): string => {
		const token = `act.${randomBytes(24).toString('hex')}`;
		tokens.set(token, { openId, expiresAt: context.now().getTime() + context.tokenTtlSeconds * 1000 });
		issued += 1;
		return token;
	};
	/** Deleted item ids → whether video/list still lists them (control route `deleted`). */
	const deleted = new Map<string, { listed: boolean }>();
	/** A fixed, known token per account so tests and the demo can start without an OAuth dance. */
	for (const a of SANDBOX_DOUYIN_ACCOUNTS) tokens.set(`act.sandbox-${a.handle}-token`, { openId: a.openId, expiresAt: Number.MAX_SAFE_INTEGER });

	const envelope = (status: number, code: number, description: string, payload: Record<string, unknown> = {}): SandboxResponse => ({
		status,
		body: {
			data: { ...payload, error_code: code, description },
			extra: { error_code: code, description, sub_error_code: 0, sub_description: '', logid: randomBytes(8).toString('hex'), now: context.now().getTime() },
		},
	});
	const fail = (name: keyof typeof DOUYIN_ERRORS): SandboxResponse => envelope(200, DOUYIN_ERRORS[name][0], DOUYIN_ERRORS[name][1]);
	const ok = (payload: Record<string, unknown>) => envelope(200, 0, '', payload);

	function authorised(handler: (account: DouyinAccount, request: SandboxRequest) => SandboxResponse): RouteHandler {
		return (request) => {
			const header = request.headers['access-token'];
			const token = (Array.isArray(header) ? header[0] : header) ?? request.query.get('access_token') ?? '';
			const entry = tokens.get(token);
			if (!entry) return fail('tokenInvalid');
			if (entry.expiresAt <= context.now().getTime()) return fail('tokenExpired');
			const openId = request.query.get('open_id');
			if (!openId || openId !== entry.openId) return fail('badParam');
			return handler(data.account(openId)!, request);
		};
	}

	const dateTypeOf = (request: SandboxRequest): number | undefined => {
		const t = Number(request.query.get('date_type'));
		return [7, 15, 30].includes(t) ? t : undefined;
	};

	const routes: Record<string, RouteHandler> = {
		'/video/list/': authorised((account, request) => {
			const count = Number(request.query.get('count') ?? 10);
			if (!Number.isInteger(count) || count < 1 || count > 20) return fail('badParam');
			const cursor = Number(request.query.get('cursor') ?? 0);
			if (!Number.isInteger(cursor) || cursor < 0) return fail('badParam');
			const all = data.videos(account.openId).filter((p) => deleted.get(data.itemId(p))?.listed ?? true);
			const page = all.slice(cursor, cursor + count);
			return ok({
				list: page.map((p) => ({
					item_id: data.itemId(p),
					title: p.text,
					create_time: Math.floor(p.createdAtMs / 1000),
					is_top: false,
					is_reviewed: true,
					share_url: `https://www.iesdouyin.com/share/video/${p.hash}/`,
					statistics: data.statistics(p),
				})),
				has_more: cursor + count < all.length,
				cursor: cursor + page.length,
			});
		}),
		'/data/external/user/fans/': authorised((account, request) => {
			const dateType = dateTypeOf(request);
			if (!dateType) return fail('badParam');
			return ok({ result_list: data.days(account.openId, dateType).map((date) => ({ date, ...data.fansDay(account.openId, date) })) });
		}),
		'/oauth/refresh_token/': (request) => {
			if (request.method !== 'POST') return fail('badParam');
			let body: Record<string, unknown> = {};
			try {
				body = request.rawBody.trim().startsWith('{') ? (JSON.parse(request.rawBody) as Record<string, unknown>) : Object.fromEntries(new URLSearchParams(request.rawBody));
			} catch {
				return fail('badParam');
			}
			if (body.client_key !== SANDBOX_DOUYIN_CLIENT.clientKey) return fail('badParam');
			const account = SANDBOX_DOUYIN_ACCOUNTS.find((a) => a.refreshToken === body.refresh_token);
			if (!account || body.grant_type !== 'refresh_token') return envelope(200, DOUYIN_ERRORS.refreshInvalid[0], DOUYIN_ERRORS.refreshInvalid[1]);
			return ok({ access_token: issue(account.openId), expires_in: context.tokenTtlSeconds, refresh_token: account.refreshToken, refresh_expires_in: 2_592_000, open_id: account.openId, scope: 'video.list,data.external.item,data.external.user' });
		},
	};
	for (const metric of ['like', 'comment', 'share', 'play'] as const) {
		routes[`/data/external/item/${metric}/`] = authorised((account, request) => {
			const dateType = dateTypeOf(request);
			const itemId = request.query.get('item_id') ?? '';
			if (!dateType || !itemId) return fail('badParam');
			const video = data.find(account.openId, itemId);
			// ASSUMPTION: a video older than 30 days (or unknown) answers 2100005 (the docs only say it is not served).
			if (!video || !data.createdWithin30Days(video)) return fail('badParam');
			const from = shanghaiDate(new Date(video.createdAtMs));
			return ok({ result_list: data.days(account.openId, dateType).filter((d) => d >= from).map((date) => ({ date, [metric]: data.itemDay(video, date)[metric] })) });
		});
	}

	// Comments of one of the user's videos (scope item.comment): cursor paging, sort_type time (newest first),
	// time_asc, or by default the recommended order (here: most liked first).
	routes['/item/comment/list/'] = authorised((account, request) => {
		const q = request.query;
		const count = Number(q.get('count'));
		const cursor = Number(q.get('cursor') ?? 0);
		const itemId = q.get('item_id') ?? '';
		if (!itemId || !Number.isInteger(count) || count < 1 || count > DOUYIN_COMMENT_MAX_COUNT || !Number.isInteger(cursor) || cursor < 0) return fail('badParam');
		const video = data.find(account.openId, itemId);
		if (!video) return fail('badParam');
		if (deleted.has(itemId)) return fail('videoUnavailable');
		const oldestFirst = data.comments.of(video);
		const sort = q.get('sort_type');
		const all = sort === 'time_asc' ? oldestFirst : sort === 'time' ? [...oldestFirst].reverse() : [...oldestFirst].sort((a, b) => b.likes - a.likes);
		const page = all.slice(cursor, cursor + count);
		return ok({ list: page.map((c) => data.commentJson(c)), cursor: cursor + page.length, has_more: cursor + count < all.length });
	});

	const faults: Record<PlatformFaultKind, () => SandboxResponse> = {
		expiredToken: () => fail('tokenExpired'),
		invalidToken: () => fail('tokenInvalid'),
		quota: () => fail('quotaSpent'),
	};

	return {
		name: 'douyin',
		truth: data,
		routes,
		controlRoutes: {
			/** POST {itemId, text, author?}: a new comment on one of the account's videos, written now (MediaOps Trigger tests). */
			comments: (request) => {
				const body = controlBody(request.rawBody);
				const account = SANDBOX_DOUYIN_ACCOUNTS[0];
				const video = typeof body?.itemId === 'string' ? data.find(account.openId, body.itemId) : undefined;
				if (request.method !== 'POST' || !video || typeof body?.text !== 'string') return { status: 400, body: { error: 'POST {itemId, text, author?}' } };
				return { body: data.commentJson(data.comments.insert(video, body.text, Number(body.author ?? 0))) };
			},
			/**
			 * POST {itemId, listed?}: video `itemId` is deleted now: item/comment/list answers 2111007 and video/list
			 * leaves it out. `listed: true` keeps it in video/list, which is what a poll sees when the video is deleted
			 * between its video/list call and its comments call.
			 */
			deleted: (request) => {
				const body = controlBody(request.rawBody);
				const video = typeof body?.itemId === 'string' ? data.find(SANDBOX_DOUYIN_ACCOUNTS[0].openId, body.itemId) : undefined;
				if (request.method !== 'POST' || !video) return { status: 400, body: { error: 'POST {itemId, listed?: boolean}' } };
				deleted.set(data.itemId(video), { listed: body?.listed === true });
				return { body: { itemId: data.itemId(video), deleted: true, listed: body?.listed === true } };
			},
			/** POST {text}: a new video of the account, published now. */
			posts: (request) => {
				const body = controlBody(request.rawBody);
				if (request.method !== 'POST' || typeof body?.text !== 'string') return { status: 400, body: { error: 'POST {text}' } };
				return { body: { item_id: data.itemId(data.model.insertPost(SANDBOX_DOUYIN_ACCOUNTS[0].openId, body.text)) } };
			},
		},
		faultResponse: (kind) => faults[kind](),
		expireTokens: () => {
			const nowMs = context.now().getTime();
			for (const entry of tokens.values()) entry.expiresAt = Math.min(entry.expiresAt, nowMs);
		},
		tokensIssued: () => issued,
	};
}
