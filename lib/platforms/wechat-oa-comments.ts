import { DateTime } from 'luxon';
import { InputError, isPlatformError, PlatformError } from '../errors';
import type { Mention } from '../model';
import { GonePosts, sortOldestFirst, unlessPostGone } from '../polling/comment-source';
import { addDays, eachDay, todayIn, type DayRange } from '../time/date-range';
import { WECHAT_DATA_START, WECHAT_TIMEZONE } from './wechat-oa';
import type { WechatOaApi } from './wechat-oa-api';

/**
 * WeChat Official Account comments (留言) as Mention items, from `cgi-bin/comment/list`.
 *
 * - An article is addressed by `msg_data_id` and `index` (0-based position in the mass send). WeChat has no
 *   API that lists msg_data_ids: they come from publish/mass-send responses, or from the datacube, whose
 *   `msgid` is "<msg_data_id>_<1-based index>" (so "2247480123_2" is msg_data_id 2247480123, index 1).
 * - `count` must stay below 50 (errcode 88010 otherwise); pages are read with begin = 0, count, 2·count …
 *   until `total` is reached or a page comes back short, so every comment appears exactly once.
 * - Comments are in China time; createdAt carries the +08:00 offset.
 * - comment/list's documented errors are 45009 (daily quota), 88000 "without comment privilege" (没有留言权限, the
 *   account lacks the comment feature: every article would answer it, so it fails the poll), 88001 "msg_data is not
 *   exists" (该图文不存在) and 88010 (count). A poll skips an article answering 88001 (see commentsOnWechatArticles).
 */
export const WECHAT_COMMENT_PAGE_MAX = 49;
/**
 * An article that no longer exists: 88001 "msg_data is not exists" (该图文不存在). ASSUMPTION: WeChat documents no
 * code for an article deleted after publishing; 88001 is its code for an article that does not exist.
 */
const WECHAT_GONE = new Set(['88001']);

export interface WechatArticleRef {
	msgDataId: number;
	/** 0-based, as comment/list takes it. */
	index: number;
	title?: string;
	url?: string;
	publishDate?: string;
}

/** Comment type filter of comment/list: 0 all, 1 normal only, 2 elected (精选) only. */
export type WechatCommentType = 0 | 1 | 2;

/** "2247480123_2" (datacube msgid) → { msgDataId 2247480123, index 1 }. */
export function parseWechatMsgId(msgid: string): WechatArticleRef {
	const match = /^\s*(\d+)_(\d+)\s*$/.exec(String(msgid));
	if (!match || Number(match[2]) < 1) throw new InputError(`"${msgid}" is not a WeChat article id like 2247480123_1 (msg_data_id_index, index from 1)`, 'postId');
	return { msgDataId: Number(match[1]), index: Number(match[2]) - 1 };
}

export function wechatMsgId(ref: WechatArticleRef): string {
	return `${ref.msgDataId}_${ref.index + 1}`;
}

type Row = Record<string, unknown>;

/**
 * Articles published in the last `days` complete days (China time), from `datacube/getarticletotaldetail`
 * one day per call (the span that is always accepted). Articles published today are not in the datacube
 * until tomorrow: feed those by id (e.g. from the Social Publish node's output).
 */
export async function recentWechatArticles(api: WechatOaApi, days: number, now: Date = new Date()): Promise<WechatArticleRef[]> {
	if (!Number.isInteger(days) || days < 1 || days > 60) throw new InputError(`days must be a whole number from 1 to 60, got ${days}`, 'days');
	const yesterday = addDays(todayIn(WECHAT_TIMEZONE, now), -1);
	const start = addDays(yesterday, -(days - 1));
	const range: DayRange = { start: start < WECHAT_DATA_START ? WECHAT_DATA_START : start, end: yesterday };
	const out: WechatArticleRef[] = [];
	const seen = new Set<string>();
	for (const day of eachDay(range)) {
		const data = await api.post('datacube/getarticletotaldetail', { begin_date: day, end_date: day });
		for (const r of (Array.isArray(data.list) ? data.list : []) as Row[]) {
			const msgid = String(r.msgid ?? '');
			if (seen.has(msgid) || !/^\d+_\d+$/.test(msgid)) continue;
			seen.add(msgid);
			const ref = parseWechatMsgId(msgid);
			if (typeof r.title === 'string') ref.title = r.title;
			const url = r.content_url ?? r.url;
			if (typeof url === 'string' && url) ref.url = url;
			ref.publishDate = String(r.ref_date ?? day);
			out.push(ref);
		}
	}
	return out;
}

export interface ListCommentsOptions {
	/** The account's AppID, stored as Mention.accountId. */
	accountId: string;
	type?: WechatCommentType;
	/** Page size, 1..49. Default 49. */
	pageSize?: number;
	/** Only comments created at or after this instant (filtered after paging: the API has no time filter). */
	since?: Date;
}

/** Every comment of one article, oldest first, as Mentions. An article that does not exist (88001) is an error naming it. */
export async function listWechatComments(api: WechatOaApi, article: WechatArticleRef, options: ListCommentsOptions): Promise<Mention[]> {
	return articleComments(api, article, options).catch((error: unknown) => {
		throw isPlatformError(error) && WECHAT_GONE.has(error.code) ? articleGone(error, wechatMsgId(article)) : error;
	});
}

async function articleComments(api: WechatOaApi, article: WechatArticleRef, options: ListCommentsOptions): Promise<Mention[]> {
	const count = options.pageSize ?? WECHAT_COMMENT_PAGE_MAX;
	if (!Number.isInteger(count) || count < 1 || count > WECHAT_COMMENT_PAGE_MAX) throw new InputError(`page size must be 1..${WECHAT_COMMENT_PAGE_MAX} (WeChat rejects 50 and more), got ${count}`, 'pageSize');
	const out: Mention[] = [];
	const sinceSeconds = options.since ? options.since.getTime() / 1000 : -Infinity;
	for (let begin = 0; ; ) {
		const data = await api.post('cgi-bin/comment/list', { msg_data_id: article.msgDataId, index: article.index, begin, count, type: options.type ?? 0 });
		const page = (Array.isArray(data.comment) ? data.comment : []) as Row[];
		for (const c of page) {
			const mention = commentToMention(c, article, options.accountId);
			if (mention && Number(c.create_time) >= sinceSeconds) out.push(mention);
		}
		begin += page.length;
		const total = Number(data.total);
		if (page.length < count || (Number.isFinite(total) && begin >= total)) break;
	}
	return out;
}

/**
 * The comments of several articles (recent articles found through the datacube: the MediaOps Trigger's poll, Sentiment
 * Risk's List WeChat Comments), oldest first across them. An article deleted since the datacube listed it (88001) is
 * logged and skipped, as the comment readers of the other platforms do; when 2 or more articles were read and every
 * one answered 88001 the read fails (GonePosts.failIfAllGone); any other error fails the whole read. Reading named
 * articles stays strict: listWechatComments reports 88001.
 */
export async function commentsOnWechatArticles(
	api: WechatOaApi,
	articles: readonly WechatArticleRef[],
	options: ListCommentsOptions & { log?: (message: string) => void },
): Promise<Mention[]> {
	const out: Mention[] = [];
	const tally = new GonePosts();
	const gone = { codes: WECHAT_GONE, what: 'article', log: options.log, tally };
	for (const article of articles) {
		const mentions = await unlessPostGone({ postId: wechatMsgId(article) }, gone, () => articleComments(api, article, options));
		if (mentions) out.push(...mentions);
	}
	tally.failIfAllGone('wechat_oa', options.accountId, articles.length);
	return sortOldestFirst(out);
}

function articleGone(error: PlatformError, msgid: string): PlatformError {
	const message = `article ${msgid} does not exist (deleted, or not an article of this account): ${error.message}`;
	return new PlatformError({ platform: error.platform, code: error.code, message, httpStatus: error.httpStatus, operation: error.operation });
}

function chinaInstant(unixSeconds: number): string {
	return DateTime.fromSeconds(unixSeconds, { zone: WECHAT_TIMEZONE }).toISO({ suppressMilliseconds: true }) ?? new Date(unixSeconds * 1000).toISOString();
}

/** One comment/list entry as a Mention; undefined for an entry without id, time or text. */
export function commentToMention(c: Row, article: WechatArticleRef, accountId: string): Mention | undefined {
	const id = c.user_comment_id;
	const created = Number(c.create_time);
	if (id === undefined || id === null || !Number.isFinite(created) || typeof c.content !== 'string') return undefined;
	const msgid = wechatMsgId(article);
	const mention: Mention = {
		platform: 'wechat_oa',
		id: `${msgid}:${String(id)}`,
		kind: 'comment',
		accountId,
		postId: msgid,
		author: { id: String(c.openid ?? '') },
		text: c.content,
		createdAt: chinaInstant(created),
	};
	if (article.title) mention.postTitle = article.title;
	if (article.url) mention.url = article.url;
	const reply = c.reply as Row | undefined;
	if (reply && Number.isFinite(Number(reply.create_time))) mention.repliedAt = chinaInstant(Number(reply.create_time));
	return mention;
}
