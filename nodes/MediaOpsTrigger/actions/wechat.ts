import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { DEFAULT_RETRY_POLICY } from '../../../lib/http/retry';
import { WechatOaApi } from '../../../lib/platforms/wechat-oa-api';
import { listWechatComments, recentWechatArticles, wechatMsgId, type WechatArticleRef, type WechatCommentType } from '../../../lib/platforms/wechat-oa-comments';
import { createN8nHttpClient } from '../../shared/httpClient';
import { wechatCredentialsFrom } from '../../shared/wechatCredentials';
import type { FoundItem, PollRead } from './types';

/**
 * WeChat Official Account: comments (留言) on the articles of the last N complete days, or those articles as new
 * posts. Articles come from the datacube (a day's articles are listed the next day).
 */
export async function readWechat(ctx: IPollFunctions, event: string, days: number): Promise<PollRead> {
	const credentials = wechatCredentialsFrom(await ctx.getCredentials('weChatOfficialAccountApi'));
	const { appId, appSecret } = credentials;
	const api = new WechatOaApi(credentials, { http: createN8nHttpClient(ctx), retryPolicy: DEFAULT_RETRY_POLICY, log: (m) => ctx.logger.info(m) });
	return {
		secrets: [appSecret],
		retentionDays: days + 30,
		read: async () => {
			const articles = await recentWechatArticles(api, days);
			if (event === 'newPosts') return articles.map((a) => ({ id: wechatMsgId(a), json: articleItem(a, appId) }));
			return commentItems(api, articles, appId, ctx.getNodeParameter('commentType') as WechatCommentType);
		},
	};
}

async function commentItems(api: WechatOaApi, articles: WechatArticleRef[], accountId: string, type: WechatCommentType): Promise<FoundItem[]> {
	const out: FoundItem[] = [];
	for (const article of articles) {
		for (const mention of await listWechatComments(api, article, { accountId, type })) out.push({ id: mention.id, json: mention as unknown as IDataObject });
	}
	// Oldest first across articles, so downstream sees comments in the order they were written.
	return out.sort((a, b) => String(a.json.createdAt).localeCompare(String(b.json.createdAt)));
}

function articleItem(a: WechatArticleRef, accountId: string): IDataObject {
	const item: IDataObject = { platform: 'wechat_oa', accountId, postId: wechatMsgId(a), msgDataId: a.msgDataId, index: a.index };
	if (a.title) item.title = a.title;
	if (a.url) item.url = a.url;
	if (a.publishDate) item.publishDate = a.publishDate;
	return item;
}
