import { wechatCredentialsFrom } from './wechatCredentials';
import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { createRateLimiter } from '../../lib/http/rate-limiter';
import { DEFAULT_RETRY_POLICY } from '../../lib/http/retry';
import type { PlatformContext } from '../../lib/platforms/types';
import { WechatOaApi } from '../../lib/platforms/wechat-oa-api';
import { createN8nHttpClient } from './httpClient';
import { itemParameters, type NodeParameters } from './nodeParameters';
import type { SecretList } from './perItem';

/** The transport options every platform node offers (Max Attempts, Requests per Second, Timeout). */
export const transportOptions: INodeProperties[] = [
	{
		displayName: 'Max Attempts',
		name: 'maxAttempts',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 10 },
		default: 6,
		description: 'Attempts per API call for rate limits (429), server errors, timeouts and connection resets',
	},
	{
		displayName: 'Requests per Second',
		name: 'requestsPerSecond',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Client-side rate limit per account; 0 means no limit beyond honouring the platform’s 429s',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeoutSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 30,
		description: 'Per request',
	},
];

/** The Options collection of the transport options, shown where `displayOptions` says. */
export function transportOptionsCollection(displayOptions: IDisplayOptions): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, displayOptions, options: transportOptions };
}

/** The core's PlatformContext from a node's Options collection, over n8n's HTTP helper. */
export function platformContext(ctx: IExecuteFunctions, itemIndex: number): PlatformContext {
	return transportContext(itemParameters(ctx, itemIndex));
}

/** The same for any node, action (per item) or polling trigger. */
export function transportContext(p: NodeParameters): PlatformContext {
	const options = p.value<{ maxAttempts?: number; timeoutSeconds?: number; requestsPerSecond?: number }>('options', {});
	return {
		http: createN8nHttpClient(p.host),
		retryPolicy: { ...DEFAULT_RETRY_POLICY, maxAttempts: options.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts },
		timeoutMs: (options.timeoutSeconds ?? 30) * 1000,
		limiter: options.requestsPerSecond ? createRateLimiter({ requestsPerSecond: options.requestsPerSecond }) : undefined,
		log: (message: string) => p.host.logger.info(message),
	};
}

/** WechatOaApi from the WeChat Official Account credential; the app secret is registered for scrubbing. */
export async function wechatOaApi(ctx: IExecuteFunctions, itemIndex: number, secrets: SecretList): Promise<{ api: WechatOaApi; appId: string; accountName?: string }> {
	const { accountName, ...credentials } = wechatCredentialsFrom(await ctx.getCredentials('weChatOfficialAccountApi', itemIndex));
	secrets.push(credentials.appSecret);
	return { api: new WechatOaApi(credentials, platformContext(ctx, itemIndex)), appId: credentials.appId, accountName };
}
