import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * A Bluesky account to post as: its PDS, handle and an app password. Separate from the read-only Bluesky API
 * credential (public AppView), because posting needs a login and reading does not.
 */
export class BlueskyAccountApi implements ICredentialType {
	name = 'blueskyAccountApi';

	displayName = 'Bluesky Account API';

	icon: Icon = 'file:bluesky.svg';

	documentationUrl = 'https://github.com/mediaops/n8n-nodes-mediaops#bluesky-account-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'PDS URL',
			name: 'pdsUrl',
			type: 'string',
			default: 'https://bsky.social',
			description: 'The account’s personal data server: https://bsky.social for accounts created on bsky.app (or the local sandbox)',
		},
		{
			displayName: 'Handle',
			name: 'identifier',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'brand.bsky.social',
		},
		{
			displayName: 'App Password',
			name: 'appPassword',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Settings → Privacy and security → App passwords. Never the account password.',
		},
	];

	// Logging in proves the PDS, the handle and the app password.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.pdsUrl.replace(/\\/+$/, "")}}',
			url: '/xrpc/com.atproto.server.createSession',
			method: 'POST',
			body: { identifier: '={{$credentials.identifier}}', password: '={{$credentials.appPassword}}' },
			json: true,
		},
	};
}
