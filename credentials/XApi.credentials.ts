import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * X (Twitter) API v2 app-only Bearer token (developer portal → Projects & Apps → Keys and tokens). Public
 * metrics of public accounts and posts need nothing more; reads count against the plan's monthly cap.
 */
export class XApi implements ICredentialType {
	name = 'xApi';

	displayName = 'X (Twitter) API';

	icon: Icon = 'file:x.svg';

	documentationUrl = 'https://github.com/mediaops/n8n-nodes-mediaops#x-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Bearer Token',
			name: 'bearerToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The app-only Bearer token of your X developer app',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.x.com',
			description: 'The API host. Change it only for a proxy or the local sandbox (e.g. http://127.0.0.1:8787).',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.bearerToken}}' } },
	};

	// Looking up @XDevelopers costs one read and proves the token.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/2/users/by',
			method: 'GET',
			qs: { usernames: 'XDevelopers' },
			json: true,
		},
	};
}
