import { isPlatformError, PlatformError } from '../errors';
import type { Post } from '../model';
import type { PublishAdapter, PublishOutcome, TargetResult, TargetStatus } from '../publish/types';
import type { WechatOaApi } from './wechat-oa-api';

type Result = Omit<TargetResult, 'platform' | 'account' | 'key' | 'at'>;

/** freepublish/get `publish_status`, each mapped to a target status, an outcome and a message. */
export const WECHAT_PUBLISH_STATUS: Record<number, { status: TargetStatus; outcome: PublishOutcome; zh: string; en: string }> = {
	0: { status: 'published', outcome: 'published', zh: '发布成功', en: 'published' },
	1: { status: 'publishing', outcome: 'publishing', zh: '发布中', en: 'still publishing' },
	2: { status: 'failed', outcome: 'original_check_failed', zh: '原创失败（原创声明未通过）', en: 'the originality (原创) declaration failed' },
	3: { status: 'failed', outcome: 'publish_failed', zh: '常规失败', en: 'publishing failed' },
	4: { status: 'failed', outcome: 'review_rejected', zh: '审核不通过', en: 'rejected by WeChat content review' },
	5: { status: 'failed', outcome: 'removed_by_user', zh: '发布成功后被用户删除', en: 'published, then deleted by a user of the account' },
	6: { status: 'failed', outcome: 'blocked_by_platform', zh: '发布成功后被系统封禁', en: 'published, then blocked by WeChat' },
};

export interface WechatPublishOptions {
	/** Between freepublish/get polls. Default 3 s. */
	pollIntervalMs?: number;
	/** Give up polling after this long and report "publishing" (the next run reads it back). Default 60 s. */
	maxWaitMs?: number;
	/** Recent publications scanned by the read-back (freepublish/batchget, 20 a page). Default 40. */
	readBackDepth?: number;
	/** A draft of the same key younger than this belongs to a concurrent run; older ones are orphans. Default 10 min. */
	rivalWindowMs?: number;
	sleep?: (ms: number) => Promise<void>;
	now?: () => Date;
	log?: (message: string) => void;
}

/** The idempotency marker embedded in the article HTML (an HTML comment readers never see). */
export function publishMarker(key: string): string {
	return `<!--mediaops:${key}-->`;
}

interface NewsItem {
	title?: string;
	content?: string;
	url?: string;
}

/**
 * WeChat Official Account publishing on WechatOaApi: draft/add → freepublish/submit → freepublish/get until
 * a final publish_status. Duplicate protection, in layers:
 * 1. the caller's ledger (workflow static data) stops retries and sequential duplicates;
 * 2. `findPublished` reads back freepublish/batchget for the key's marker before anything is sent;
 * 3. after draft/add, draft/batchget shows drafts of the same key from runs racing this one: the oldest
 *    (create_time, then media_id) wins, the others delete their draft and wait for the winner's result.
 */
export class WechatOaPublisher implements PublishAdapter {
	readonly platform = 'wechat_oa' as const;
	private readonly pollIntervalMs: number;
	private readonly maxWaitMs: number;
	private readonly readBackDepth: number;
	private readonly rivalWindowMs: number;
	private readonly sleep: (ms: number) => Promise<void>;
	private readonly now: () => Date;

	constructor(
		private readonly api: WechatOaApi,
		readonly account: string,
		private readonly options: WechatPublishOptions = {},
	) {
		this.pollIntervalMs = options.pollIntervalMs ?? 3000;
		this.maxWaitMs = options.maxWaitMs ?? 60_000;
		this.readBackDepth = options.readBackDepth ?? 40;
		this.rivalWindowMs = options.rivalWindowMs ?? 600_000;
		this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
		this.now = options.now ?? (() => new Date());
	}

	/** The article draft/add receives. The thumb is the first image with a platform media id. */
	toArticle(post: Post, key: string): Record<string, unknown> {
		const thumb = post.media.find((m) => m.type === 'image' && m.mediaId)?.mediaId;
		const article: Record<string, unknown> = {
			title: post.title,
			content: `${post.body}${publishMarker(key)}`,
			thumb_media_id: thumb ?? '',
			need_open_comment: 1,
			only_fans_can_comment: 0,
		};
		if (post.digest) article.digest = post.digest;
		if (post.url) article.content_source_url = post.url;
		return article;
	}

	async findPublished(_post: Post, key: string): Promise<Result | undefined> {
		const marker = publishMarker(key);
		for (let offset = 0; offset < this.readBackDepth; offset += 20) {
			const page = await this.api.post('cgi-bin/freepublish/batchget', { offset, count: 20, no_content: 0 });
			const items = (page.item as Array<{ article_id?: string; content?: { news_item?: NewsItem[] } }>) ?? [];
			for (const item of items) {
				const news = item.content?.news_item?.find((n) => n.content?.includes(marker));
				if (news && item.article_id) {
					return { status: 'published', outcome: 'found_on_platform', message: '已发布（从平台读回）/ already published (read back from WeChat)', externalId: item.article_id, url: news.url, platformStatus: 0, readBack: true };
				}
			}
			if (items.length < 20) break;
		}
		return undefined;
	}

	async publish(post: Post, key: string): Promise<Result> {
		const draft = await this.api.post('cgi-bin/draft/add', { articles: [this.toArticle(post, key)] });
		const mediaId = String(draft.media_id ?? '');
		if (!mediaId) throw new PlatformError({ platform: 'wechat_oa', code: 'NO_MEDIA_ID', message: 'draft/add returned no media_id', operation: 'cgi-bin/draft/add' });

		let winner: string;
		try {
			winner = await this.raceWinner(key, mediaId);
		} catch (error) {
			// Nothing was submitted: take the draft back, so the next attempt does not mistake it for a rival run's.
			await this.deleteDraft(mediaId);
			throw error;
		}
		if (winner !== mediaId) {
			this.options.log?.(`wechat_oa: another run is publishing ${key} (draft ${winner}); waiting for its result instead of publishing twice`);
			await this.deleteDraft(mediaId);
			return this.waitForOther(post, key, winner);
		}

		const submit = await this.api.post('cgi-bin/freepublish/submit', { media_id: mediaId });
		const refs = { publishId: String(submit.publish_id ?? ''), mediaId, msgDataId: String(submit.msg_data_id ?? '') };
		const result = await this.poll(refs);
		if (result.status === 'failed' && result.platformStatus !== undefined && result.platformStatus <= 4) await this.deleteDraft(mediaId);
		return result;
	}

	async checkPublished(post: Post): Promise<Result> {
		if (!post.externalId) return { status: 'pending', outcome: 'not_published', message: '尚未发布（没有 article_id）/ not published yet (no article_id)' };
		let data: Record<string, unknown>;
		try {
			data = await this.api.post('cgi-bin/freepublish/getarticle', { article_id: post.externalId });
		} catch (error) {
			// 53600 "Article ID 无效": the article is gone altogether.
			if (isPlatformError(error) && error.code === '53600') return removed(post, { errcode: 53600, errmsg: error.message });
			throw error;
		}
		const items = (data.news_item as Array<{ is_deleted?: boolean; url?: string }>) ?? [];
		if (items.length === 0 || items.every((n) => n.is_deleted)) return removed(post, data);
		return { status: 'published', outcome: 'still_published', message: '仍在线 / still published', externalId: post.externalId, url: items[0]?.url ?? post.url, readBack: true };
	}

	async checkStatus(refs: Record<string, string>): Promise<Result> {
		return this.fromGet(await this.api.post('cgi-bin/freepublish/get', { publish_id: refs.publishId }), refs, true);
	}

	private async poll(refs: Record<string, string>): Promise<Result> {
		const started = this.now().getTime();
		for (;;) {
			const result = this.fromGet(await this.api.post('cgi-bin/freepublish/get', { publish_id: refs.publishId }), refs, false);
			if (result.status !== 'publishing' || this.now().getTime() - started + this.pollIntervalMs > this.maxWaitMs) return result;
			await this.sleep(this.pollIntervalMs);
		}
	}

	private fromGet(data: Record<string, unknown>, refs: Record<string, string>, readBack: boolean): Result {
		const code = Number(data.publish_status);
		const known = WECHAT_PUBLISH_STATUS[code];
		const items = ((data.article_detail as { item?: Array<{ article_url?: string }> } | undefined)?.item ?? []);
		const failIdx = (data.fail_idx as number[] | undefined) ?? [];
		const base: Result = {
			status: known?.status ?? 'failed',
			outcome: known?.outcome ?? 'publish_failed',
			message: known ? say(known) : `未知发布状态 ${code} / unknown publish_status ${code}`,
			refs,
			platformStatus: code,
			...(readBack ? { readBack } : {}),
		};
		if (data.article_id) base.externalId = String(data.article_id);
		if (items[0]?.article_url) base.url = items[0].article_url;
		// A multi-article publication where only some articles failed.
		if (code === 0 && failIdx.length > 0) Object.assign(base, { status: 'partial', message: `部分文章失败（第 ${failIdx.join('、')} 篇）/ some articles failed (index ${failIdx.join(', ')})` });
		if (base.status === 'failed') base.error = { code: `publish_status_${code}`, message: base.message, operation: 'cgi-bin/freepublish/get', raw: data };
		return base;
	}

	/** The media_id that wins among drafts of this key made within the rival window; older orphans are removed. */
	private async raceWinner(key: string, mine: string): Promise<string> {
		const marker = publishMarker(key);
		const page = await this.api.post('cgi-bin/draft/batchget', { offset: 0, count: 20, no_content: 0 });
		const drafts = ((page.item as Array<{ media_id: string; content?: { news_item?: NewsItem[]; create_time?: number } }>) ?? [])
			.filter((d) => d.content?.news_item?.some((n) => n.content?.includes(marker)))
			.map((d) => ({ mediaId: d.media_id, created: Number(d.content?.create_time ?? 0) }));
		const nowSec = this.now().getTime() / 1000;
		const live = drafts.filter((d) => d.mediaId === mine || nowSec - d.created <= this.rivalWindowMs / 1000);
		for (const orphan of drafts.filter((d) => !live.includes(d))) await this.deleteDraft(orphan.mediaId);
		live.sort((a, b) => a.created - b.created || (a.mediaId < b.mediaId ? -1 : a.mediaId > b.mediaId ? 1 : 0));
		return live[0]?.mediaId ?? mine;
	}

	private async waitForOther(post: Post, key: string, winner: string): Promise<Result> {
		const started = this.now().getTime();
		for (;;) {
			const found = await this.findPublished(post, key);
			if (found) return { ...found, message: `${found.message}；另一执行已发布，未重复发布 / another run published it, not published twice` };
			if (this.now().getTime() - started + this.pollIntervalMs > this.maxWaitMs) {
				return { status: 'publishing', outcome: 'in_flight_elsewhere', message: '另一执行正在发布 / another run is publishing this post', refs: { mediaId: winner } };
			}
			await this.sleep(this.pollIntervalMs);
		}
	}

	private async deleteDraft(mediaId: string): Promise<void> {
		try {
			await this.api.post('cgi-bin/draft/delete', { media_id: mediaId });
		} catch (error) {
			// Best effort: a leftover draft only costs space in the draft box.
			this.options.log?.(`wechat_oa: could not delete draft ${mediaId}: ${isPlatformError(error) ? error.describe() : String(error)}`);
		}
	}
}

function removed(post: Post, raw: unknown): Result {
	const message = '发布后已被删除或封禁 / removed after publishing (deleted by a user of the account or blocked by WeChat)';
	return { status: 'failed', outcome: 'removed_after_publishing', message, externalId: post.externalId, error: { code: 'removed', message, operation: 'cgi-bin/freepublish/getarticle', raw }, readBack: true };
}

function say(s: { zh: string; en: string }): string {
	return `${s.zh} / ${s.en}`;
}
