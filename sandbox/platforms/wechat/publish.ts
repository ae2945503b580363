/**
 * WeChat publishing (发布能力): draft/add, draft/batchget, draft/delete, freepublish/submit,
 * freepublish/get and freepublish/batchget, at the real paths with the real field names.
 *
 * Publishing is asynchronous as on WeChat: freepublish/get answers publish_status 1 (publishing) for
 * `pollsBeforeFinal` calls (default 1, set through POST /__sandbox/wechat/publish), then the final status;
 * each freepublish/batchget call also moves every publication in progress one step on (time passes).
 * Failure states are triggered deterministically by a marker in the first article's title:
 *   `[sandbox:original]` → 2 原创失败 · `[sandbox:fail]` → 3 常规失败 · `[sandbox:reject]` → 4 审核不通过 ·
 *   `[sandbox:deleted]` → 5 成功后用户删除 · `[sandbox:banned]` → 6 成功后系统封禁
 * (5 and 6 stand for a removal that happened while the caller was still polling: the article went out).
 * Drafts stay in the draft box after publishing (assumption; the docs do not say), so a caller can see
 * another caller's draft of the same content.
 */
import { parseJsonObject, type RouteHandler, type SandboxRequest, type SandboxResponse } from '../../platform';
import { wxError } from './errors';
import type { WechatTokenStore } from './tokens';

/** Limits from the draft/add doc: title ≤ 32 chars, digest ≤ 128, content < 20,000 chars and < 1 MB, up to 8 articles. */
export const DRAFT_LIMITS = { title: 32, digest: 128, contentChars: 20_000, contentBytes: 1_048_576, articles: 8 } as const;

const MARKERS: Array<[string, number]> = [
	['[sandbox:original]', 2],
	['[sandbox:fail]', 3],
	['[sandbox:reject]', 4],
	['[sandbox:deleted]', 5],
	['[sandbox:banned]', 6],
];

/** errcodes of the publishing API (draft and freepublish docs, 全局返回码). */
const PUBLISH_ERRORS = {
	invalidMediaId: [40007, 'invalid media_id'],
	contentTooLong: [45002, 'content size out of limit'],
	titleTooLong: [45003, 'title size out of limit'],
	digestTooLong: [45004, 'description size out of limit'],
	invalidArgs: [40097, 'invalid args'],
	missingArticles: [44003, 'empty news data'],
	publishIdNotExist: [53600, 'publish_id is not exist'],
	articleIdInvalid: [53600, 'Article ID 无效'],
} as const;

export interface NewsItem {
	title: string;
	author?: string;
	digest?: string;
	content: string;
	content_source_url?: string;
	thumb_media_id: string;
	need_open_comment?: number;
	only_fans_can_comment?: number;
}

interface Draft {
	appId: string;
	mediaId: string;
	articles: NewsItem[];
	createTime: number;
	updateTime: number;
}

export interface Publication {
	appId: string;
	publishId: string;
	msgDataId: string;
	mediaId: string;
	articles: NewsItem[];
	submittedAt: string;
	gets: number;
	finalStatus: number;
	articleId?: string;
}

export interface PublishSandboxState {
	/** Successful publications so far (articles that went out, including those later removed: status 0, 5, 6). */
	published: number;
	submits: number;
	drafts: number;
	publications: Array<Omit<Publication, 'articles'> & { titles: string[]; status: number }>;
}

function err(name: keyof typeof PUBLISH_ERRORS, detail?: string): SandboxResponse {
	const [errcode, errmsg] = PUBLISH_ERRORS[name];
	return { body: { errcode, errmsg: detail ? `${errmsg}: ${detail}` : errmsg } };
}

export function createWechatPublishing(tokens: WechatTokenStore, now: () => Date) {
	const drafts = new Map<string, Draft>();
	const publications = new Map<string, Publication>();
	let sequence = 0;
	let pollsBeforeFinal = 1;
	const next = () => ++sequence;
	const seconds = () => Math.floor(now().getTime() / 1000);

	function route(handler: (appId: string, body: Record<string, unknown>) => SandboxResponse): RouteHandler {
		return (request: SandboxRequest) => {
			const token = request.query.get('access_token');
			if (!token) return wxError('accessTokenMissing');
			const check = tokens.check(token);
			if (!check.ok) return wxError(check.reason === 'expired' ? 'accessTokenExpired' : 'invalidCredential');
			if (request.method !== 'POST') return wxError('requirePost');
			if (request.rawBody.trim() === '') return wxError('emptyPostData');
			const body = parseJsonObject(request.rawBody);
			if (!body) return wxError('dataFormatError');
			return handler(check.appid, body);
		};
	}

	function validateArticle(a: unknown): SandboxResponse | NewsItem {
		if (typeof a !== 'object' || a === null) return err('invalidArgs', 'article must be an object');
		const item = a as Record<string, unknown>;
		if (typeof item.title !== 'string' || item.title === '') return err('invalidArgs', 'title missing');
		if ([...item.title].length > DRAFT_LIMITS.title) return err('titleTooLong');
		if (item.digest !== undefined && (typeof item.digest !== 'string' || [...item.digest].length > DRAFT_LIMITS.digest)) return err('digestTooLong');
		if (typeof item.content !== 'string' || item.content === '') return err('invalidArgs', 'content missing');
		if ([...item.content].length >= DRAFT_LIMITS.contentChars || Buffer.byteLength(item.content) >= DRAFT_LIMITS.contentBytes) return err('contentTooLong');
		if (typeof item.thumb_media_id !== 'string' || item.thumb_media_id === '' || item.thumb_media_id.startsWith('invalid')) return err('invalidMediaId', 'thumb_media_id');
		// WeChat strips scripts from article HTML.
		return { ...(item as unknown as NewsItem), content: item.content.replace(/<script[\s\S]*?<\/script>/gi, '') };
	}

	function statusOf(p: Publication): number {
		return p.gets <= pollsBeforeFinal ? 1 : p.finalStatus;
	}

	function articleUrl(p: Publication, idx: number): string {
		return `https://mp.weixin.qq.com/s?__biz=sandbox&mid=${p.msgDataId}&idx=${idx}`;
	}

	function newsItems(p: Publication, withContent: boolean) {
		return p.articles.map((a, i) => ({
			title: a.title,
			author: a.author ?? '',
			digest: a.digest ?? '',
			...(withContent ? { content: a.content } : {}),
			content_source_url: a.content_source_url ?? '',
			thumb_media_id: a.thumb_media_id,
			need_open_comment: a.need_open_comment ?? 0,
			only_fans_can_comment: a.only_fans_can_comment ?? 0,
			url: articleUrl(p, i + 1),
			is_deleted: p.finalStatus === 5 || p.finalStatus === 6,
		}));
	}

	function page(body: Record<string, unknown>): { offset: number; count: number } | SandboxResponse {
		const offset = Number(body.offset ?? 0);
		const count = Number(body.count ?? 0);
		if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(count) || count < 1 || count > 20) return err('invalidArgs', 'offset >= 0, count 1..20');
		return { offset, count };
	}

	const routes: Record<string, RouteHandler> = {
		'/cgi-bin/draft/add': route((appId, body) => {
			const list = body.articles;
			if (!Array.isArray(list) || list.length === 0) return err('missingArticles');
			if (list.length > DRAFT_LIMITS.articles) return err('invalidArgs', `at most ${DRAFT_LIMITS.articles} articles`);
			const articles: NewsItem[] = [];
			for (const a of list) {
				const checked = validateArticle(a);
				if ('body' in checked) return checked;
				articles.push(checked);
			}
			const mediaId = `SANDBOX_DRAFT_${String(next()).padStart(6, '0')}_${appId.slice(-4)}`;
			const t = seconds();
			drafts.set(mediaId, { appId, mediaId, articles, createTime: t, updateTime: t });
			return { body: { media_id: mediaId } };
		}),

		'/cgi-bin/draft/batchget': route((appId, body) => {
			const p = page(body);
			if ('body' in p) return p;
			const mine = [...drafts.values()].filter((d) => d.appId === appId).reverse();
			const item = mine.slice(p.offset, p.offset + p.count).map((d) => ({
				media_id: d.mediaId,
				content: { news_item: d.articles.map((a) => (body.no_content === 1 ? { ...a, content: '' } : a)), create_time: d.createTime, update_time: d.updateTime },
				update_time: d.updateTime,
			}));
			return { body: { total_count: mine.length, item_count: item.length, item } };
		}),

		'/cgi-bin/draft/delete': route((appId, body) => {
			const draft = drafts.get(String(body.media_id ?? ''));
			if (!draft || draft.appId !== appId) return err('invalidMediaId');
			drafts.delete(draft.mediaId);
			return { body: { errcode: 0, errmsg: 'ok' } };
		}),

		'/cgi-bin/freepublish/submit': route((appId, body) => {
			const draft = drafts.get(String(body.media_id ?? ''));
			if (!draft || draft.appId !== appId) return err('invalidMediaId');
			const n = next();
			const marker = MARKERS.find(([m]) => draft.articles[0].title.includes(m));
			const publication: Publication = {
				appId,
				publishId: String(2_247_483_000 + n),
				msgDataId: String(2_650_000_000 + n),
				mediaId: draft.mediaId,
				articles: draft.articles.map((a) => ({ ...a })),
				submittedAt: now().toISOString(),
				gets: 0,
				finalStatus: marker ? marker[1] : 0,
			};
			if ([0, 5, 6].includes(publication.finalStatus)) publication.articleId = `SANDBOX_ART_${publication.msgDataId}`;
			publications.set(publication.publishId, publication);
			return { body: { errcode: 0, errmsg: 'ok', publish_id: publication.publishId, msg_data_id: publication.msgDataId } };
		}),

		'/cgi-bin/freepublish/get': route((appId, body) => {
			const p = publications.get(String(body.publish_id ?? ''));
			if (!p || p.appId !== appId) return err('publishIdNotExist');
			p.gets += 1;
			const status = statusOf(p);
			if (status === 1) return { body: { publish_id: p.publishId, publish_status: 1 } };
			if (p.articleId) {
				return {
					body: {
						publish_id: p.publishId,
						publish_status: status,
						article_id: p.articleId,
						article_detail: { count: p.articles.length, item: p.articles.map((_, i) => ({ idx: i + 1, article_url: articleUrl(p, i + 1) })) },
						fail_idx: [],
					},
				};
			}
			return { body: { publish_id: p.publishId, publish_status: status, fail_idx: p.articles.map((_, i) => i + 1) } };
		}),

		// One published article by article_id; is_deleted once removed (by a user or by WeChat).
		'/cgi-bin/freepublish/getarticle': route((appId, body) => {
			const p = [...publications.values()].find((x) => x.appId === appId && x.articleId !== undefined && x.articleId === String(body.article_id ?? '') && statusOf(x) !== 1);
			if (!p) return err('articleIdInvalid');
			return { body: { news_item: newsItems(p, true) } };
		}),

		// Only successful publications are listed (the doc: 获取成功发布列表), newest first.
		'/cgi-bin/freepublish/batchget': route((appId, body) => {
			const pg = page(body);
			if ('body' in pg) return pg;
			// Listing takes time too: every publication still in progress moves one step on.
			for (const p of publications.values()) if (p.appId === appId && statusOf(p) === 1) p.gets += 1;
			const done = [...publications.values()].filter((p) => p.appId === appId && p.finalStatus === 0 && statusOf(p) === 0).reverse();
			const item = done.slice(pg.offset, pg.offset + pg.count).map((p) => ({
				article_id: p.articleId,
				content: { news_item: newsItems(p, body.no_content !== 1) },
				update_time: Math.floor(Date.parse(p.submittedAt) / 1000),
			}));
			return { body: { total_count: done.length, item_count: item.length, item } };
		}),
	};

	const state = (): PublishSandboxState => {
		const list = [...publications.values()];
		return {
			published: list.filter((p) => p.articleId && statusOf(p) !== 1).length,
			submits: list.length,
			drafts: drafts.size,
			publications: list.map(({ articles, ...rest }) => ({ ...rest, titles: articles.map((a) => a.title), status: statusOf(rest as Publication) })),
		};
	};

	/** GET: counts and publications. POST {pollsBeforeFinal}: how many freepublish/get calls answer "publishing"; POST {removeArticle, by: user|system}: remove a published article. DELETE: forget everything. */
	const control: RouteHandler = (request) => {
		if (request.method === 'POST') {
			const body = parseJsonObject(request.rawBody) ?? {};
			if (typeof body.removeArticle === 'string') {
				// Simulates a removal after publishing: by the account's user (5) or by WeChat (6).
				const p = [...publications.values()].find((x) => x.articleId === body.removeArticle);
				if (!p) return { status: 404, body: { error: `no article ${body.removeArticle}` } };
				p.finalStatus = body.by === 'system' ? 6 : 5;
				return { body: { articleId: p.articleId, publish_status: p.finalStatus } };
			}
			const polls = Number(body.pollsBeforeFinal);
			if (!Number.isInteger(polls) || polls < 0) return { status: 400, body: { error: 'pollsBeforeFinal must be a non-negative integer' } };
			pollsBeforeFinal = polls;
			return { body: { pollsBeforeFinal } };
		}
		if (request.method === 'DELETE') {
			drafts.clear();
			publications.clear();
			return { body: { ok: true } };
		}
		return { body: { ...state(), pollsBeforeFinal } };
	};

	return { routes, control, state };
}
