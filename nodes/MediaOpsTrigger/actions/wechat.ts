import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { DEFAULT_RETRY_POLICY } from '../../../lib/http/retry';
import { WechatOaApi } from '../../../lib/platforms/wechat-oa-api';
import { commentsOnWechatArticles, recentWechatArticles, wechatMsgId, type WechatArticleRef, type WechatCommentType } from '../../../lib/platforms/wechat-oa-comments';
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
	const log = (m: string) => ctx.logger.info(m);
	const api = new WechatOaApi(credentials, { http: createN8nHttpClient(ctx), retryPolicy: DEFAULT_RETRY_POLICY, log });
	return {
		secrets: [appSecret],
		retentionDays: days + 30,
		read: async () => {
			const articles = await recentWechatArticles(api, days);
			if (event === 'newPosts') return articles.map((a) => ({ id: wechatMsgId(a), json: articleItem(a, appId) }));
			// Oldest first across articles; an article deleted since the datacube listed it is logged and skipped.
			const mentions = await commentsOnWechatArticles(api, articles, { accountId: appId, type: ctx.getNodeParameter('commentType') as WechatCommentType, log });
			return mentions.map((m): FoundItem => ({ id: m.id, json: m as unknown as IDataObject }));
		},
	};
}

function articleItem(a: WechatArticleRef, accountId: string): IDataObject {
	const item: IDataObject = { platform: 'wechat_oa', accountId, postId: wechatMsgId(a), msgDataId: a.msgDataId, index: a.index };
	if (a.title) item.title = a.title;
	if (a.url) item.url = a.url;
	if (a.publishDate) item.publishDate = a.publishDate;
	return item;
}
