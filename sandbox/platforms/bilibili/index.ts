/**
 * Bilibili public web endpoints (PLATFORMS.md §3.5) at their real paths on api.bilibili.com:
 * `/x/web-interface/view`, `/x/web-interface/archive/stat` and `/x/relation/stat`, with the real envelope
 * `{code, message, ttl, data}` (errors are HTTP 200 with a non-zero code, except -412 risk control, HTTP 412).
 * Control route `/__sandbox/bilibili/truth?mid=` serves the seeded truth.
 */
import type { PlatformFaultKind } from '../../faults';
import type { SandboxContext, SandboxPlatform, SandboxResponse } from '../../platform';
import { SocialModel, idString, type SocialAccountSpec, type SocialPost } from '../public-social/model';

/** Error codes as the web API sends them (bilibili-API-collect, "公共错误码"). */
export const BILIBILI_ERRORS = {
	notLoggedIn: [-101, '账号未登录'],
	badRequest: [-400, '请求错误'],
	forbidden: [-403, '访问权限不足'],
	notFound: [-404, '啥都木有'],
	/** Risk control: the live API answers HTTP 412 with this body. */
	riskControl: [-412, '请求被拦截'],
	/** 风控校验失败: the request failed the risk check (missing or stale buvid cookie / WBI signature); HTTP 200. */
	riskCheckFailed: [-352, '风控校验失败'],
	/** 稿件不可见 (deleted or hidden video). */
	invisible: [62002, '稿件不可见'],
} as const;

const BV_ALPHABET = 'fZodR9XQDSUm21yCkr6zBqiveYah8bt4xsWpHnJE7jL5VG3guMTKNPAwcF';

export const SANDBOX_BILIBILI_ACCOUNTS: readonly SocialAccountSpec[] = [
	{
		id: '3546571234567890',
		handle: 'xinghe_coffee',
		name: '星河咖啡官方',
		baseFollowers: 86_000,
		dailyGrowth: 42,
		following: 37,
		olderPosts: 64,
		maxPerDay: 1,
		reach: 24_000,
		texts: ['【探店】杭州西湖店开业vlog', '三分钟学会手冲咖啡｜新手向', '咖啡师大赛冠军拉花合集', '云南咖啡庄园纪录片 第1集', '樱花拿铁开箱测评', '冷萃咖啡怎么做？一次讲清楚'],
	},
	{
		id: '434334701',
		handle: 'yunfan_tech',
		name: '云帆科技',
		baseFollowers: 15_200,
		dailyGrowth: 9,
		following: 112,
		olderPosts: 21,
		maxPerDay: 1,
		reach: 6_500,
		texts: ['【技术分享】RAG 从入门到落地', 'Kubernetes 成本优化实战', '云帆开发者大会 2026 全程回放', '大模型在企业知识库中的应用', 'Postgres 性能调优 30 分钟'],
	},
];

export interface BilibiliVideo {
	bvid: string;
	aid: number;
	mid: string;
	title: string;
	/** Unix seconds. */
	pubdate: number;
	post: SocialPost;
}

export class BilibiliDataset {
	readonly model: SocialModel;

	constructor(seed: number, now: () => Date) {
		this.model = new SocialModel('bilibili', seed, SANDBOX_BILIBILI_ACCOUNTS, now);
	}

	video(post: SocialPost): BilibiliVideo {
		return {
			bvid: `BV1${idString(post.hash, 9, BV_ALPHABET, 'bv')}`,
			aid: 100_000_000 + (post.hash % 900_000_000),
			mid: post.accountId,
			title: post.text,
			pubdate: Math.floor(post.createdAtMs / 1000),
			post,
		};
	}

	/** Every video of an account published so far, newest first. */
	videos(mid: string): BilibiliVideo[] {
		return this.model.postsNewestFirst(mid).map((p) => this.video(p));
	}

	find(bvidOrAid: { bvid?: string; aid?: number }): BilibiliVideo | undefined {
		for (const account of SANDBOX_BILIBILI_ACCOUNTS) {
			const hit = this.videos(account.id).find((v) => v.bvid === bvidOrAid.bvid || v.aid === bvidOrAid.aid);
			if (hit) return hit;
		}
		return undefined;
	}

	/** The `stat` object of view / archive/stat now. */
	stat(video: BilibiliVideo): Record<string, number> {
		const c = this.model.counters(video.post);
		return { aid: video.aid, view: c.views, danmaku: c.danmaku, reply: c.comments, favorite: c.saves, coin: c.coins, share: c.shares, like: c.likes, now_rank: 0, his_rank: 0 };
	}

	relation(mid: string): { mid: number; following: number; whisper: number; black: number; follower: number } | undefined {
		const account = this.model.account(mid);
		if (!account) return undefined;
		return { mid: Number(mid), following: account.following, whisper: 0, black: 0, follower: this.model.followers(mid) };
	}
}

function biliError(name: keyof typeof BILIBILI_ERRORS): SandboxResponse {
	const [code, message] = BILIBILI_ERRORS[name];
	return { status: name === 'riskControl' ? 412 : 200, body: { code, message, ttl: 1 } };
}

const ok = (data: unknown): SandboxResponse => ({ body: { code: 0, message: '0', ttl: 1, data } });

export interface BilibiliPlatform extends SandboxPlatform {
	truth: BilibiliDataset;
}

export function createBilibiliPlatform(context: SandboxContext): BilibiliPlatform {
	const data = new BilibiliDataset(context.seed, context.now);

	const videoFrom = (query: URLSearchParams): BilibiliVideo | SandboxResponse => {
		const bvid = query.get('bvid') ?? undefined;
		const aidText = query.get('aid') ?? undefined;
		if (!bvid && !aidText) return biliError('badRequest');
		if (aidText !== undefined && !/^\d+$/.test(aidText)) return biliError('badRequest');
		const video = data.find({ bvid, aid: aidText ? Number(aidText) : undefined });
		return video ?? biliError('notFound');
	};
	const isVideo = (v: BilibiliVideo | SandboxResponse): v is BilibiliVideo => 'bvid' in v;

	// The public endpoints take no token: a stale login cookie reads as -101, a client the risk check refuses (bad or
	// missing buvid / WBI signature) as -352, and being throttled is risk control -412 (HTTP 412).
	const faults: Record<PlatformFaultKind, () => SandboxResponse> = {
		expiredToken: () => biliError('notLoggedIn'),
		invalidToken: () => biliError('riskCheckFailed'),
		quota: () => biliError('riskControl'),
	};

	return {
		name: 'bilibili',
		truth: data,
		routes: {
			'/x/web-interface/view': (request) => {
				if (request.method !== 'GET') return biliError('badRequest');
				const video = videoFrom(request.query);
				if (!isVideo(video)) return video;
				const account = data.model.account(video.mid)!;
				return ok({
					bvid: video.bvid,
					aid: video.aid,
					videos: 1,
					tid: 201,
					tname: '科学科普',
					copyright: 1,
					title: video.title,
					pubdate: video.pubdate,
					ctime: video.pubdate - 600,
					desc: video.title,
					duration: 180 + (video.post.hash % 900),
					owner: { mid: Number(video.mid), name: account.name, face: `https://i0.hdslb.com/bfs/face/${video.mid}.jpg` },
					stat: { ...data.stat(video), dislike: 0, evaluation: '', vt: 0 },
				});
			},
			'/x/web-interface/archive/stat': (request) => {
				if (request.method !== 'GET') return biliError('badRequest');
				const video = videoFrom(request.query);
				if (!isVideo(video)) return video;
				return ok({ ...data.stat(video), bvid: video.bvid, no_reprint: 1, copyright: 1 });
			},
			'/x/relation/stat': (request) => {
				if (request.method !== 'GET') return biliError('badRequest');
				const vmid = request.query.get('vmid') ?? '';
				if (!/^\d+$/.test(vmid)) return biliError('badRequest');
				// ASSUMPTION: an unknown mid answers -404 (the live API's behaviour for it is not documented).
				const relation = data.relation(vmid);
				return relation ? ok(relation) : biliError('notFound');
			},
		},
		controlRoutes: {
			truth: (request) => {
				const mid = request.query.get('mid') ?? '';
				const relation = data.relation(mid);
				if (!relation) return { status: 400, body: { error: `unknown mid '${mid}'` } };
				return { body: { relation, videos: data.videos(mid).map((v) => ({ bvid: v.bvid, aid: v.aid, title: v.title, pubdate: v.pubdate, stat: data.stat(v) })) } };
			},
		},
		faultResponse: (kind) => faults[kind](),
		expireTokens: () => undefined,
		tokensIssued: () => 0,
	};
}
