import type { IExecuteFunctions } from 'n8n-workflow';
import { createRateLimiter } from '../../../lib/http/rate-limiter';
import { DEFAULT_RETRY_POLICY } from '../../../lib/http/retry';
import type { MetricsAdapter } from '../../../lib/platforms/types';
import { WechatOaMetricsAdapter } from '../../../lib/platforms/wechat-oa';
import { createN8nHttpClient } from '../../shared/httpClient';
import type { SecretList } from '../../shared/perItem';

/**
 * Builds the core adapter for the chosen platform from its n8n credential. Adding a platform adds one entry
 * here and one credential; the operations do not change.
 */
export async function createMetricsAdapter(ctx: IExecuteFunctions, itemIndex: number, secrets: SecretList): Promise<MetricsAdapter> {
	const platform = ctx.getNodeParameter('platform', itemIndex) as string;
	const options = ctx.getNodeParameter('options', itemIndex, {}) as { maxAttempts?: number; timeoutSeconds?: number; requestsPerSecond?: number };
	const common = {
		http: createN8nHttpClient(ctx),
		retryPolicy: { ...DEFAULT_RETRY_POLICY, maxAttempts: options.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts },
		timeoutMs: (options.timeoutSeconds ?? 30) * 1000,
		limiter: options.requestsPerSecond ? createRateLimiter({ requestsPerSecond: options.requestsPerSecond }) : undefined,
		log: (message: string) => ctx.logger.info(message),
	};
	switch (platform) {
		case 'wechatOa': {
			const c = await ctx.getCredentials('weChatOfficialAccountApi', itemIndex);
			secrets.push(String(c.appSecret ?? ''));
			return new WechatOaMetricsAdapter(
				{ appId: String(c.appId ?? ''), appSecret: String(c.appSecret ?? ''), baseUrl: String(c.baseUrl ?? ''), accountName: c.accountName ? String(c.accountName) : undefined },
				common,
			);
		}
		default:
			throw new Error(`Unsupported platform "${platform}"`);
	}
}
