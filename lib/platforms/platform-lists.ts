/**
 * What the editor's dynamic dropdowns list: a platform's recent articles or uploads as `{ name, value }`
 * options. Pure listing over the HttpClient port (through the platform's own transport), so it runs the same in
 * n8n (`methods.loadOptions`), in tests and against the sandbox.
 */
import { PlatformError } from '../errors';
import { JsonApi, type JsonBody } from './http-json';
import type { PlatformContext } from './types';
import type { WechatOaApi } from './wechat-oa-api';
import { recentWechatArticles, wechatMsgId } from './wechat-oa-comments';
import { readYoutubeError, YOUTUBE_DEFAULT_BASE_URL } from './youtube';

export interface ListOption {
	/** What the dropdown shows, e.g. "春季新品上市 (2247480123_1)". */
	name: string;
	/** What the parameter stores: the platform's id. */
	value: string;
	description?: string;
	url?: string;
}

/** Days the WeChat article dropdown looks back by default (one datacube call per day). */
export const WECHAT_ARTICLE_LIST_DAYS = 7;

/**
 * Articles published in the last `days` complete days (ending yesterday, China time) from
 * datacube/getarticletotaldetail, newest first, as "title (msgid)". Today's articles are not in the datacube
 * until after 08:00 tomorrow.
 */
export async function wechatRecentArticleOptions(api: WechatOaApi, days = WECHAT_ARTICLE_LIST_DAYS, now: Date = new Date()): Promise<ListOption[]> {
	const refs = await recentWechatArticles(api, days, now);
	return refs
		.map((ref) => ({ ref, id: wechatMsgId(ref) }))
		.sort((a, b) => String(b.ref.publishDate ?? '').localeCompare(String(a.ref.publishDate ?? '')) || b.ref.msgDataId - a.ref.msgDataId || a.ref.index - b.ref.index)
		.map(({ ref, id }) => ({
			name: `${ref.title?.trim() || '(untitled)'} (${id})`,
			value: id,
			description: `Published ${ref.publishDate ?? ''}${ref.index === 0 ? ', lead article (头条)' : `, article ${ref.index + 1} of the push`}`,
			...(ref.url ? { url: ref.url } : {}),
		}));
}

export interface YoutubeUploadsOptions {
	apiKey: string;
	baseUrl?: string;
	/** Channel id (UC…) or @handle. */
	channel: string;
	/** At most this many uploads (newest first), 1..50: one page. Default 50. */
	max?: number;
}

/**
 * A channel's newest uploads as "title (videoId)": channels.list (contentDetails → uploads playlist) then one
 * playlistItems.list page. 2 quota units of the project's 10,000 a day.
 */
export async function youtubeUploadOptions(ctx: PlatformContext, options: YoutubeUploadsOptions): Promise<ListOption[]> {
	const channel = options.channel.trim();
	if (!channel) return [];
	const api = new JsonApi({ platform: 'youtube', baseUrl: options.baseUrl || YOUTUBE_DEFAULT_BASE_URL, ctx, query: { key: options.apiKey }, secrets: [options.apiKey], readError: readYoutubeError });
	const byHandle = channel.startsWith('@') || !/^UC[\w-]{22}$/.test(channel);
	const channels = await api.get('/youtube/v3/channels', { part: 'contentDetails', ...(byHandle ? { forHandle: channel.replace(/^@?/, '@') } : { id: channel }) }, 'youtube/v3/channels');
	const item = (Array.isArray(channels.items) ? channels.items[0] : undefined) as JsonBody | undefined;
	if (!item) throw new PlatformError({ platform: 'youtube', code: 'channelNotFound', message: `no channel ${channel}`, operation: 'youtube/v3/channels' });
	const uploads = String(((item.contentDetails as JsonBody | undefined)?.relatedPlaylists as JsonBody | undefined)?.uploads ?? '');
	if (!uploads) return [];
	const max = Math.min(50, Math.max(1, Math.floor(options.max ?? 50)));
	const page = await api.get('/youtube/v3/playlistItems', { part: 'snippet,contentDetails', playlistId: uploads, maxResults: max }, 'youtube/v3/playlistItems');
	const out: ListOption[] = [];
	for (const row of (Array.isArray(page.items) ? page.items : []) as JsonBody[]) {
		const snippet = (row.snippet ?? {}) as JsonBody;
		const details = (row.contentDetails ?? {}) as JsonBody;
		const videoId = String(details.videoId ?? (snippet.resourceId as JsonBody | undefined)?.videoId ?? '');
		if (!videoId) continue;
		const published = String(details.videoPublishedAt ?? snippet.publishedAt ?? '');
		out.push({
			name: `${String(snippet.title ?? '').trim() || '(untitled)'} (${videoId})`,
			value: videoId,
			description: published ? `Published ${published.slice(0, 10)}` : undefined,
			url: `https://www.youtube.com/watch?v=${videoId}`,
		});
	}
	return out;
}
