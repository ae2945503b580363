import type { IExecuteFunctions } from 'n8n-workflow';
import type { Platform } from '../../../lib/model';
import { WechatOaPublisher } from '../../../lib/platforms/wechat-oa-publish';
import type { PublishAdapter } from '../../../lib/publish/types';
import type { SecretList } from '../../shared/perItem';
import { wechatOaApi } from '../../shared/platformContext';

export interface AdapterFor {
	adapter: PublishAdapter;
	/** Account names this credential publishes to (a post for another account is refused). */
	accounts: string[];
}

/**
 * The publish adapter for a post's platform, from the node's credential. Adding a platform adds one entry
 * here, its credential and its option; the operation does not change.
 */
export async function createPublishAdapter(ctx: IExecuteFunctions, itemIndex: number, platform: Platform, secrets: SecretList): Promise<AdapterFor | undefined> {
	const waitSeconds = ctx.getNodeParameter('maxWaitSeconds', itemIndex, 60) as number;
	const pollSeconds = ctx.getNodeParameter('pollIntervalSeconds', itemIndex, 3) as number;
	switch (platform) {
		case 'wechat_oa': {
			const { api, appId, accountName } = await wechatOaApi(ctx, itemIndex, secrets);
			const adapter = new WechatOaPublisher(api, accountName ?? appId, { pollIntervalMs: pollSeconds * 1000, maxWaitMs: waitSeconds * 1000, log: (m) => ctx.logger.info(m) });
			return { adapter, accounts: [appId, ...(accountName ? [accountName] : [])] };
		}
		default:
			return undefined;
	}
}
