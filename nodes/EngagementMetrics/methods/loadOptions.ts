import { NodeOperationError, type ILoadOptionsFunctions, type INodePropertyOptions } from 'n8n-workflow';
import { DEFAULT_RETRY_POLICY } from '../../../lib/http/retry';
import { youtubeUploadOptions } from '../../../lib/platforms/platform-lists';
import { createN8nHttpClient } from '../../shared/httpClient';

/** The newest 50 uploads of the channel in the Channel field, "title (videoId)": 2 quota units per opening. */
export async function youtubeChannelUploads(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const channel = String(this.getCurrentNodeParameter('youtubeChannel') ?? '').trim();
	if (!channel || channel.startsWith('=')) return [];
	const c = await this.getCredentials('youTubeApi');
	const apiKey = String(c.apiKey ?? '');
	try {
		const options = await youtubeUploadOptions(
			{ http: createN8nHttpClient(this), retryPolicy: { ...DEFAULT_RETRY_POLICY, maxAttempts: 2 }, timeoutMs: 20_000 },
			{ apiKey, baseUrl: String(c.baseUrl ?? ''), channel },
		);
		return options.map(({ name, value, description }) => ({ name, value, description }));
	} catch (error) {
		throw new NodeOperationError(this.getNode(), `Could not list the channel’s uploads: ${(error as Error).message.split(apiKey).join('***')}${codeOf(error)}`);
	}
}

/** The platform's own code (PlatformError.code), e.g. " (code 40125)". */
function codeOf(error: unknown): string {
	const code = (error as { code?: unknown }).code;
	return code === undefined || code === '' ? '' : ` (code ${String(code)})`;
}
