import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * A YouTube Data API v3 key (Google Cloud console → APIs & Services → Credentials, with the YouTube Data API
 * v3 enabled). Public channel and video statistics need nothing more; every call spends quota units of the
 * project (10,000 a day by default).
 */
export class YouTubeApi implements ICredentialType {
	name = 'youTubeApi';

	displayName = 'YouTube Data API';

	icon: Icon = 'file:youtube.svg';

	documentationUrl = 'https://github.com/mediaops/n8n-nodes-mediaops#youtube-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'An API key of a Google Cloud project with the YouTube Data API v3 enabled',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://www.googleapis.com',
			description: 'The API host. Change it only for a proxy or the local sandbox (e.g. http://127.0.0.1:8787).',
		},
	];

	// One videos.list call (1 quota unit) proves the key is valid and the API enabled.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/youtube/v3/videos',
			method: 'GET',
			qs: { part: 'id', id: 'dQw4w9WgXcQ', key: '={{$credentials.apiKey}}' },
			json: true,
		},
	};
}
