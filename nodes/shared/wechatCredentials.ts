import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import type { WechatOaCredentials } from '../../lib/platforms/wechat-oa-api';

/** The WeChat Official Account credential's fields as the core takes them (one reading for every node). */
export function wechatCredentialsFrom(c: ICredentialDataDecryptedObject): WechatOaCredentials & { accountName?: string } {
	return {
		appId: String(c.appId ?? ''),
		appSecret: String(c.appSecret ?? ''),
		baseUrl: String(c.baseUrl ?? ''),
		accountName: c.accountName ? String(c.accountName) : undefined,
	};
}
