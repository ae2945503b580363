import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * Bluesky's public AppView answers profile and feed reads without a login: this credential only says which
 * host to call (the public AppView, a self-hosted one, a proxy or the local sandbox).
 */
export class BlueskyApi implements ICredentialType {
	name = 'blueskyApi';

	displayName = 'Bluesky API';

	icon: Icon = 'file:bluesky.svg';

	documentationUrl = 'https://github.com/mediaops/n8n-nodes-mediaops#bluesky-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'AppView URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://public.api.bsky.app',
			description: 'The public AppView host. Change it only for another AppView, a proxy or the local sandbox (e.g. http://127.0.0.1:8787).',
		},
		{
			displayName: 'Test Account',
			name: 'testActor',
			type: 'string',
			default: 'bsky.app',
			placeholder: 'brand.bsky.social',
			description: 'Handle or DID the Test button reads (one getProfile call): bsky.app, or your own brand’s handle',
		},
	];

	// Reading one public profile (bsky.app unless changed) proves the host speaks XRPC.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/xrpc/app.bsky.actor.getProfile',
			method: 'GET',
			qs: { actor: '={{ $credentials.testActor || "bsky.app" }}' },
			json: true,
		},
	};
}
