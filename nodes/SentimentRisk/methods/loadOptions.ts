import { wechatCredentialsFrom } from '../../shared/wechatCredentials';
import { NodeOperationError, type ILoadOptionsFunctions, type INodePropertyOptions } from 'n8n-workflow';
import { DEFAULT_RETRY_POLICY } from '../../../lib/http/retry';
import { WECHAT_ARTICLE_LIST_DAYS, wechatRecentArticleOptions } from '../../../lib/platforms/platform-lists';
import { WechatOaApi } from '../../../lib/platforms/wechat-oa-api';
import { createN8nHttpClient } from '../../shared/httpClient';

/** The WeChat Official Account's articles of the last 7 complete days, "title (msgid)", newest first. */
export async function wechatRecentArticles(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const c = await this.getCredentials('weChatOfficialAccountApi');
	try {
		const api = new WechatOaApi(
			wechatCredentialsFrom(c),
			{ http: createN8nHttpClient(this), retryPolicy: { ...DEFAULT_RETRY_POLICY, maxAttempts: 2 }, timeoutMs: 20_000 },
		);
		const options = await wechatRecentArticleOptions(api, WECHAT_ARTICLE_LIST_DAYS);
		return options.map(({ name, value, description }) => ({ name, value, description }));
	} catch (error) {
		throw new NodeOperationError(this.getNode(), `Could not list the WeChat articles: ${(error as Error).message}${codeOf(error)}`);
	}
}

/** The platform's own code (PlatformError.code), e.g. " (code 40125)". */
function codeOf(error: unknown): string {
	const code = (error as { code?: unknown }).code;
	return code === undefined || code === '' ? '' : ` (code ${String(code)})`;
}
