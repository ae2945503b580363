import type { IExecuteFunctions } from 'n8n-workflow';
import type { Platform } from '../../../lib/model';
import { BlueskyPublisher } from '../../../lib/platforms/bluesky-publish';
import { MastodonPublisher } from '../../../lib/platforms/mastodon-publish';
import { TelegramPublisher } from '../../../lib/platforms/telegram-publish';
import { WeiboPublisher } from '../../../lib/platforms/weibo-publish';
import { WechatOaPublisher } from '../../../lib/platforms/wechat-oa-publish';
import { XPublisher } from '../../../lib/platforms/x-publish';
import type { PublishAdapter } from '../../../lib/publish/types';
import type { SecretList } from '../../shared/perItem';
import { platformContext, wechatOaApi } from '../../shared/platformContext';

/** The node's Platform option → the model's platform. */
export const NODE_PLATFORMS: Record<string, Platform> = { wechatOa: 'wechat_oa', mastodon: 'mastodon', bluesky: 'bluesky', x: 'x', telegram: 'telegram', weibo: 'weibo' };

export interface AdapterFor {
	adapter: PublishAdapter;
	/** Account names this credential publishes to (a post for another account is refused). */
	accounts: string[];
}

/**
 * The publish adapter of the node's platform, from its credential. Adding a platform adds one entry here,
 * its credential and its option; the operation does not change.
 */
export async function createPublishAdapter(ctx: IExecuteFunctions, itemIndex: number, secrets: SecretList): Promise<AdapterFor> {
	const platform = NODE_PLATFORMS[ctx.getNodeParameter('platform', itemIndex) as string];
	switch (platform) {
		case 'wechat_oa': {
			const { api, appId, accountName } = await wechatOaApi(ctx, itemIndex, secrets);
			const waitSeconds = ctx.getNodeParameter('maxWaitSeconds', itemIndex, 60) as number;
			const pollSeconds = ctx.getNodeParameter('pollIntervalSeconds', itemIndex, 3) as number;
			const adapter = new WechatOaPublisher(api, accountName ?? appId, { pollIntervalMs: pollSeconds * 1000, maxWaitMs: waitSeconds * 1000, log: (m) => ctx.logger.info(m) });
			return { adapter, accounts: [appId, ...(accountName ? [accountName] : [])] };
		}
		case 'mastodon': {
			const c = await ctx.getCredentials('mastodonApi', itemIndex);
			const accessToken = String(c.accessToken ?? '');
			secrets.push(accessToken);
			const adapter = new MastodonPublisher({ instanceUrl: String(c.instanceUrl ?? ''), accessToken, visibility: ctx.getNodeParameter('visibility', itemIndex, 'public') as 'public' }, '', platformContext(ctx, itemIndex));
			const me = await adapter.whoAmI();
			return { adapter, accounts: [me.acct, `@${me.acct}`, me.username, me.id] };
		}
		case 'bluesky': {
			const c = await ctx.getCredentials('blueskyAccountApi', itemIndex);
			const appPassword = String(c.appPassword ?? '');
			secrets.push(appPassword);
			const adapter = new BlueskyPublisher({ pdsUrl: String(c.pdsUrl ?? ''), identifier: String(c.identifier ?? ''), appPassword }, platformContext(ctx, itemIndex));
			const me = await adapter.login();
			return { adapter, accounts: [me.handle, `@${me.handle}`, me.did] };
		}
		case 'x': {
			const c = await ctx.getCredentials('xAccountApi', itemIndex);
			const accessToken = String(c.accessToken ?? '');
			secrets.push(accessToken);
			const adapter = new XPublisher({ accessToken, baseUrl: String(c.baseUrl ?? '') }, platformContext(ctx, itemIndex));
			const me = await adapter.whoAmI();
			return { adapter, accounts: [me.username, `@${me.username}`, me.id] };
		}
		case 'telegram': {
			const c = await ctx.getCredentials('telegramBotApi', itemIndex);
			const botToken = String(c.botToken ?? '');
			secrets.push(botToken);
			const adapter = new TelegramPublisher(
				{
					botToken,
					baseUrl: String(c.baseUrl ?? ''),
					chatId: ctx.getNodeParameter('telegramChatId', itemIndex, '') as string,
					disableWebPagePreview: ctx.getNodeParameter('telegramDisablePreview', itemIndex, false) as boolean,
					silent: ctx.getNodeParameter('telegramSilent', itemIndex, false) as boolean,
				},
				platformContext(ctx, itemIndex),
			);
			return { adapter, accounts: await adapter.accountNames() };
		}
		case 'weibo': {
			const c = await ctx.getCredentials('weiboApi', itemIndex);
			const accessToken = String(c.accessToken ?? '');
			secrets.push(accessToken);
			const adapter = new WeiboPublisher(
				{ accessToken, safeDomain: String(c.safeDomain ?? ''), baseUrl: String(c.baseUrl ?? ''), rip: ctx.getNodeParameter('weiboRip', itemIndex, '') as string },
				platformContext(ctx, itemIndex),
			);
			return { adapter, accounts: await adapter.accountNames() };
		}
		default:
			throw new Error(`Unsupported platform "${String(ctx.getNodeParameter('platform', itemIndex))}"`);
	}
}
