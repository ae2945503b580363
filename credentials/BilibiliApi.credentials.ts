import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * Bilibili (哔哩哔哩) public web endpoints need no key: this credential only says which host to call, so a proxy,
 * a gateway or the local sandbox can stand in for api.bilibili.com.
 */
export class BilibiliApi implements ICredentialType {
	name = 'bilibiliApi';

	displayName = 'Bilibili API';

	icon: Icon = 'file:bilibili.svg';

	documentationUrl = 'https://github.com/mediaops/n8n-nodes-mediaops#bilibili-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.bilibili.com',
			description: 'The API host. Change it only for a proxy, a gateway or the local sandbox (e.g. http://127.0.0.1:8787).',
		},
	];

	// A public read of a well-known account (mid 2) proves the host answers and this server is not risk-controlled.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/x/relation/stat',
			method: 'GET',
			qs: { vmid: '2' },
			json: true,
		},
		rules: [
			{ type: 'responseSuccessBody', properties: { key: 'code', value: -412, message: 'Bilibili risk control blocked this server (code -412): try again later or from another IP' } },
			{ type: 'responseSuccessBody', properties: { key: 'code', value: -400, message: 'Bilibili rejected the request (code -400): check the Base URL' } },
		],
	};
}
