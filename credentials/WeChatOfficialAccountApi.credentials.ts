import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * WeChat Official Account (微信公众号) developer credentials. The nodes fetch and refresh the access token
 * themselves through `cgi-bin/stable_token`, which does not invalidate tokens other systems hold.
 */
export class WeChatOfficialAccountApi implements ICredentialType {
	name = 'weChatOfficialAccountApi';

	displayName = 'WeChat Official Account API';

	icon: Icon = 'file:wechat.svg';

	documentationUrl = 'https://github.com/mediaops/n8n-nodes-mediaops#wechat-official-account-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'AppID',
			name: 'appId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'wx1234567890abcdef',
			description: 'The AppID from 公众号后台 → 设置与开发 → 基本配置 (Settings & Development → Basic Configuration)',
		},
		{
			displayName: 'AppSecret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The AppSecret from the same page. The server calling WeChat must be on the IP whitelist there.',
		},
		{
			displayName: 'Account Name',
			name: 'accountName',
			type: 'string',
			default: '',
			placeholder: '星河咖啡',
			description: 'Optional display name used in metrics and reports',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.weixin.qq.com',
			description: 'The API host. Change it only for a proxy, a self-hosted gateway or the local sandbox (e.g. http://127.0.0.1:8787).',
		},
	];

	// A cheap authenticated call: getting a stable token proves AppID, AppSecret and the IP whitelist.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/cgi-bin/stable_token',
			method: 'POST',
			body: {
				grant_type: 'client_credential',
				appid: '={{$credentials.appId}}',
				secret: '={{$credentials.appSecret}}',
			},
			json: true,
		},
		rules: [
			{ type: 'responseSuccessBody', properties: { key: 'errcode', value: 40013, message: 'Invalid AppID (errcode 40013)' } },
			{ type: 'responseSuccessBody', properties: { key: 'errcode', value: 40125, message: 'Invalid AppSecret (errcode 40125)' } },
			{ type: 'responseSuccessBody', properties: { key: 'errcode', value: 40164, message: 'This server IP is not on the WeChat IP whitelist (errcode 40164)' } },
			{ type: 'responseSuccessBody', properties: { key: 'errcode', value: 45009, message: 'Daily token quota reached (errcode 45009)' } },
		],
	};
}
