import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * An X account to post as: an OAuth 2.0 user access token (scopes tweet.write, tweet.read, users.read).
 * Separate from the X API credential (an app-only bearer for reading metrics), which cannot post.
 */
export class XAccountApi implements ICredentialType {
	name = 'xAccountApi';

	displayName = 'X Account API';

	icon: Icon = 'file:x.svg';

	documentationUrl = 'https://github.com/mediaops/n8n-nodes-mediaops#x-account-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'User Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'OAuth 2.0 user-context token with tweet.write and users.read, from the X developer portal (User authentication settings)',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.x.com',
			description: 'Change it only for a proxy or the local sandbox',
		},
	];

	// Who the token belongs to: proves it is a user-context token.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/2/users/me',
			method: 'GET',
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
			json: true,
		},
	};
}
