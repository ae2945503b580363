import { findLinks } from '../compliance/links';
import { InputError, isPlatformError } from '../errors';
import type { HttpClient } from '../http/http-client';
import type { Post } from '../model';
import { shortPostText } from '../publish/text';
import type { PublishAdapter, TargetResult } from '../publish/types';
import { JsonApi, type JsonBody } from './http-json';
import type { PlatformContext } from './types';
import { parseWeiboTime, readWeiboError, WEIBO_DEFAULT_BASE_URL } from './weibo';

type Result = Omit<TargetResult, 'platform' | 'account' | 'key' | 'at'>;

export interface WeiboPublishOptions {
	/** The OAuth2 access_token of the account to post as (the app needs the share permission). */
	accessToken: string;
	/** The app's 安全域名 (open.weibo.com → 我的应用 → 应用信息 → 基本应用信息编辑): every status must link under it. */
	safeDomain: string;
	baseUrl?: string;
	/** `rip`: the real IP of the user on whose behalf the app posts, which the current share doc asks for. */
	rip?: string;
	/** How many timeline pages (100 posts each) the read-back looks through. Default 2. */
	readBackPages?: number;
}

/** statuses/share.json error codes that mean the text is already on the account. */
const REPEATED = '20019';
/** Statuses earlier than this before the post's scheduled time are never taken for it. */
const READ_BACK_SLACK_MS = 15 * 60_000;
/** Without a scheduled time, the read-back looks at the last day. */
const READ_BACK_DEFAULT_MS = 24 * 3_600_000;

/**
 * The status text: the title as a first paragraph and the body as plain text. No tags: statuses/share refuses
 * "#话题词#" in the text (and a single `#tag` would run into the next one as a topic).
 */
export function weiboStatusText(post: Pick<Post, 'title' | 'body' | 'media'>): string {
	return shortPostText({ title: post.title, body: post.body, tags: [] });
}

/**
 * What a status is matched on when read back: the text with every link removed (Weibo rewrites links to t.cn
 * short links) and whitespace collapsed.
 */
export function weiboMatchText(text: string): string {
	return text
		.replace(/https?:\/\/[^\s<>"'，。！？、）】]+/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
		.trim();
}

function onDomain(url: string, domain: string): boolean {
	try {
		const host = new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`).hostname.toLowerCase();
		return host === domain || host.endsWith(`.${domain}`);
	} catch {
		return false;
	}
}

/** share.json takes form fields, not JSON: object bodies of POSTs through this client are sent form-encoded. */
export function formEncoded(http: HttpClient): HttpClient {
	return {
		request(req) {
			if (req.method !== 'POST' || req.body === undefined || typeof req.body !== 'object' || req.body === null) return http.request(req);
			const form = new URLSearchParams();
			for (const [k, v] of Object.entries(req.body as Record<string, unknown>)) if (v !== undefined && v !== null) form.append(k, String(v));
			return http.request({ ...req, headers: { ...req.headers, 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() });
		},
	};
}

/**
 * Weibo posting: `POST /2/statuses/share.json` (form fields `access_token`, `status`, `rip`) as the account the
 * token belongs to. The share API wants at most 140 汉字, no "#话题词#", and a link under the app's safe domain:
 * a post lacking that link (in its body, or as a `link` media item, which is then appended) is refused before
 * any call. Pictures (`pic`) go as a multipart upload, which this version does not send: a post with an image
 * or video is refused rather than posted without it.
 *
 * Read-back without a marker: an invisible marker would be counted in the 140 and may be stripped, and the link
 * comes back as t.cn, so the account's own timeline (`statuses/user_timeline.json`, 100 a page) is searched for
 * a status whose text, links removed and whitespace collapsed, equals this post's, created no earlier than 15
 * minutes before the post's scheduled time (the last 24 hours without one). Weibo's own refusal of repeated text
 * (20019) is the guard for racing runs: it is read back, or reported as already on Weibo.
 */
export class WeiboPublisher implements PublishAdapter {
	readonly platform = 'weibo' as const;
	private me?: { uid: string; screenName?: string };
	private readonly token: string;
	private readonly domain: string;

	constructor(
		private readonly options: WeiboPublishOptions,
		private readonly ctx: PlatformContext,
	) {
		this.token = (options.accessToken ?? '').trim();
		if (!this.token) throw new InputError('posting to Weibo needs the access token in the credential', 'accessToken');
		this.domain = (options.safeDomain ?? '')
			.trim()
			.toLowerCase()
			.replace(/^https?:\/\//, '')
			.replace(/[/:].*$/, '');
		if (!this.domain) throw new InputError('posting to Weibo needs the app’s safe domain (安全域名) in the credential: statuses/share refuses a status without a link under it', 'safeDomain');
	}

	get account(): string {
		return this.me?.screenName ?? this.me?.uid ?? '';
	}

	private now(): Date {
		return this.ctx.now ? this.ctx.now() : new Date();
	}

	/** GETs carry the token in the query; the share POST carries it as a form field. */
	private api(post = false): JsonApi {
		return new JsonApi({
			platform: 'weibo',
			baseUrl: this.options.baseUrl || WEIBO_DEFAULT_BASE_URL,
			ctx: post ? { ...this.ctx, http: formEncoded(this.ctx.http) } : this.ctx,
			query: post ? undefined : { access_token: this.token },
			secrets: [this.token],
			readError: readWeiboError,
		});
	}

	/** The token's account: uid (account/get_uid) and screen name (users/show). */
	async whoAmI(): Promise<{ uid: string; screenName?: string }> {
		if (!this.me) {
			const got = await this.api().get('/2/account/get_uid.json', {}, '2/account/get_uid');
			const uid = String(got.uid ?? '');
			const user = await this.api().get('/2/users/show.json', { uid }, '2/users/show');
			this.me = { uid, screenName: typeof user.screen_name === 'string' ? user.screen_name : undefined };
		}
		return this.me;
	}

	/** Names the post's `account` may use: uid, screen name, @screen name. */
	async accountNames(): Promise<string[]> {
		const me = await this.whoAmI();
		return [me.uid, ...(me.screenName ? [me.screenName, `@${me.screenName}`] : [])];
	}

	/** The status as it will be sent, or why it cannot be. */
	statusFor(post: Post): { status: string } | { refused: string; code: string } {
		if (post.media.some((m) => m.type === 'image' || m.type === 'video')) {
			return { code: 'weibo_media', refused: 'statuses/share 的图片需以 multipart 上传，此版本不支持：请去掉图片或手动发布 / statuses/share takes a picture as a multipart upload, which this version does not send: remove the image or post this one by hand' };
		}
		let status = weiboStatusText(post);
		if (/#[^#\s][^#]*#/.test(status)) return { code: 'weibo_topic', refused: 'statuses/share 不允许正文包含 #话题词# / statuses/share does not allow a #topic# in the text' };
		const hasLink = findLinks(status).some((l) => l.kind === 'url' && onDomain(l.url, this.domain));
		if (!hasLink) {
			const link = post.media.find((m) => m.type === 'link' && m.url && onDomain(m.url, this.domain))?.url;
			if (!link) {
				return { code: 'weibo_safe_domain', refused: `statuses/share 要求正文包含安全域名 ${this.domain} 下的链接 / statuses/share needs a link under the app’s safe domain ${this.domain} in the text (or as a link media item)` };
			}
			status = `${status} ${link}`.trim();
		}
		return { status };
	}

	async findPublished(post: Post): Promise<Result | undefined> {
		const wanted = this.statusFor(post);
		if (!('status' in wanted)) return undefined;
		const target = weiboMatchText(wanted.status);
		const me = await this.whoAmI();
		const since = post.scheduledAt ? Date.parse(post.scheduledAt) - READ_BACK_SLACK_MS : this.now().getTime() - READ_BACK_DEFAULT_MS;
		const pages = this.options.readBackPages ?? 2;
		let maxId: string | undefined;
		for (let page = 1; page <= pages; page++) {
			const body = await this.api().get('/2/statuses/user_timeline.json', { uid: me.uid, count: 100, page, max_id: maxId, trim_user: 1 }, '2/statuses/user_timeline');
			const statuses = Array.isArray(body.statuses) ? (body.statuses as JsonBody[]) : [];
			if (page === 1 && statuses[0]) maxId = String(statuses[0].idstr ?? statuses[0].id);
			let older = false;
			for (const s of statuses) {
				const created = parseWeiboTime(String(s.created_at ?? ''));
				if (created !== undefined && created < since) {
					older = true;
					continue;
				}
				if (weiboMatchText(String(s.text ?? '')) === target) {
					const id = String(s.idstr ?? s.id);
					return { status: 'published', outcome: 'found_on_platform', message: '已发布（从微博时间线读回）/ already published (read back from the Weibo timeline)', externalId: id, url: this.statusUrl(me.uid, id), refs: { statusId: id }, readBack: true };
				}
			}
			if (older || statuses.length < 100) break;
		}
		return undefined;
	}

	private statusUrl(uid: string, id: string): string {
		return `https://weibo.com/${uid}/${id}`;
	}

	async publish(post: Post): Promise<Result> {
		const wanted = this.statusFor(post);
		if (!('status' in wanted)) return { status: 'failed', outcome: 'compliance_failed', message: wanted.refused, error: { code: wanted.code, message: wanted.refused } };
		const me = await this.whoAmI();
		try {
			const status = await this.api(true).post('/2/statuses/share.json', { access_token: this.token, status: wanted.status, rip: this.options.rip || undefined }, '2/statuses/share');
			const id = String(status.idstr ?? status.id ?? '');
			return { status: 'published', outcome: 'published', message: '发布成功 / published', externalId: id, url: this.statusUrl(me.uid, id), refs: { statusId: id, mid: String(status.mid ?? id) } };
		} catch (error) {
			// Already on the account (an earlier attempt whose answer was lost, or a racing run): find it.
			if (isPlatformError(error) && error.code === REPEATED) {
				const found = await this.findPublished(post);
				if (found) return { ...found, message: `${found.message}；未重复发布 / not published twice` };
				return { status: 'published', outcome: 'duplicate_on_platform', message: '微博拒绝重复内容：这条内容已在账号上 / Weibo refused it as repeated text (20019): this text is already on the account', readBack: true };
			}
			throw error;
		}
	}
}
