import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * A Mastodon instance, and optionally a user access token. Public accounts and statuses are readable without a
 * token on most instances; instances with authorised fetch (secure mode) need one with the `read` scope.
 */
export class MastodonApi implements ICredentialType {
	name = 'mastodonApi';

	displayName = 'Mastodon API';

	icon: Icon = 'file:mastodon.svg';

	documentationUrl = 'https://github.com/mediaops/n8n-nodes-mediaops#mastodon-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Instance URL',
			name: 'instanceUrl',
			type: 'string',
			default: 'https://mastodon.social',
			required: true,
			description: 'The instance to read through, e.g. https://mastodon.social (or the local sandbox, http://127.0.0.1:8787)',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Optional. A token with the read scope (Preferences → Development → New application), for instances that refuse anonymous reads.',
		},
	];

	// With a token: verify_credentials proves the token (and the instance); without one: instance metadata proves
	// the URL is a Mastodon-compatible server.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.instanceUrl.replace(/\\/+$/, "")}}',
			url: '={{ $credentials.accessToken ? "/api/v1/accounts/verify_credentials" : "/api/v1/instance" }}',
			method: 'GET',
			headers: '={{ $credentials.accessToken ? { Authorization: "Bearer " + $credentials.accessToken } : {} }}' as unknown as Record<string, string>,
			json: true,
		},
	};
}
