import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * Weibo open platform (微博开放平台) OAuth2 access token of the account being measured (or posted as, by Social
 * Publish, which also needs the app's safe domain). Tokens expire (21327); re-authorise the app and paste the new
 * token here.
 */
export class WeiboApi implements ICredentialType {
	name = 'weiboApi';

	displayName = 'Weibo API';

	icon: Icon = 'file:weibo.svg';

	documentationUrl = 'https://github.com/mediaops/n8n-nodes-mediaops#weibo-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The OAuth2 access_token (2.00…) from open.weibo.com for the authorised account',
		},
		{
			displayName: 'Safe Domain (安全域名)',
			name: 'safeDomain',
			type: 'string',
			default: '',
			placeholder: 'www.example.com',
			description:
				'For Social Publish only: the domain set in 我的应用 → 应用信息 → 基本应用信息编辑 → 安全域名. statuses/share refuses a post without a link under it (10017 appkey not bind domain).',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.weibo.com',
			description: 'The API host. Change it only for a proxy or the local sandbox (e.g. http://127.0.0.1:8787).',
		},
	];

	// account/get_uid answers with the token's uid: it proves the token is valid and not expired.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/2/account/get_uid.json',
			method: 'GET',
			qs: { access_token: '={{$credentials.accessToken}}' },
			json: true,
		},
	};
}
