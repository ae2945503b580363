import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * Douyin Open Platform (抖音开放平台): the app's client key and secret, and the token a user granted the app by
 * OAuth (access token, refresh token, open_id). The nodes refresh an expired access token once per run with the
 * refresh token; when the refresh token itself expires (30 days), the user must authorise again.
 */
export class DouyinApi implements ICredentialType {
	name = 'douyinApi';

	displayName = 'Douyin Open Platform API';

	icon: Icon = 'file:douyin.svg';

	documentationUrl = 'https://github.com/mediaops/n8n-nodes-mediaops#douyin-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Client Key',
			name: 'clientKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The app’s client_key from open.douyin.com (管理中心 → 应用详情)',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The app’s client_secret (kept for the OAuth exchange; never sent with data calls)',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The user’s access_token (scopes video.list, data.external.item, data.external.user)',
		},
		{
			displayName: 'Refresh Token',
			name: 'refreshToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The user’s refresh_token, used to renew an expired access token (error 2190008)',
		},
		{
			displayName: 'Open ID',
			name: 'openId',
			type: 'string',
			default: '',
			required: true,
			description: 'The user’s open_id returned with the token',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://open.douyin.com',
			description: 'The API host. Change it only for a proxy or the local sandbox (e.g. http://127.0.0.1:8787).',
		},
	];

	// One video of the list proves the token, the open_id and the video.list scope.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/video/list/',
			method: 'GET',
			qs: { open_id: '={{$credentials.openId}}', cursor: 0, count: 1 },
			headers: { 'access-token': '={{$credentials.accessToken}}' },
			json: true,
		},
		rules: [
			{ type: 'responseSuccessBody', properties: { key: 'data.error_code', value: 2190008, message: 'The access token has expired (2190008): renew it or authorise again' } },
			{ type: 'responseSuccessBody', properties: { key: 'data.error_code', value: 2190002, message: 'The access token is invalid (2190002)' } },
			{ type: 'responseSuccessBody', properties: { key: 'data.error_code', value: 2100005, message: 'Invalid parameter (2100005): check the Open ID' } },
		],
	};
}
