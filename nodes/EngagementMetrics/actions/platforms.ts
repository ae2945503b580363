import { wechatCredentialsFrom } from '../../shared/wechatCredentials';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { MetricsAdapter } from '../../../lib/platforms/types';
import { WechatOaMetricsAdapter } from '../../../lib/platforms/wechat-oa';
import { BilibiliMetricsAdapter } from '../../../lib/platforms/bilibili';
import { BlueskyMetricsAdapter } from '../../../lib/platforms/bluesky';
import { MastodonMetricsAdapter } from '../../../lib/platforms/mastodon';
import { YoutubeMetricsAdapter } from '../../../lib/platforms/youtube';
import { WeiboMetricsAdapter } from '../../../lib/platforms/weibo';
import { XMetricsAdapter } from '../../../lib/platforms/x';
import { DouyinMetricsAdapter } from '../../../lib/platforms/douyin';
import { platformContext } from '../../shared/platformContext';
import type { SecretList } from '../../shared/perItem';

/**
 * Builds the core adapter for the chosen platform from its n8n credential. Adding a platform adds one entry
 * here and one credential; the operations do not change.
 */
export async function createMetricsAdapter(ctx: IExecuteFunctions, itemIndex: number, secrets: SecretList): Promise<MetricsAdapter> {
	const platform = ctx.getNodeParameter('platform', itemIndex) as string;
	const common = platformContext(ctx, itemIndex);
	switch (platform) {
		case 'wechatOa': {
			const credentials = wechatCredentialsFrom(await ctx.getCredentials('weChatOfficialAccountApi', itemIndex));
			secrets.push(credentials.appSecret);
			return new WechatOaMetricsAdapter(credentials, common);
		}
		case 'bilibili': {
			const c = await optionalCredentials(ctx, 'bilibiliApi', itemIndex);
			return new BilibiliMetricsAdapter(
				{ mid: param(ctx, 'bilibiliMid', itemIndex), videos: idList(param(ctx, 'bilibiliVideos', itemIndex)), baseUrl: String(c.baseUrl ?? '') },
				common,
			);
		}
		case 'bluesky': {
			const c = await optionalCredentials(ctx, 'blueskyApi', itemIndex);
			return new BlueskyMetricsAdapter({ actor: param(ctx, 'blueskyActor', itemIndex), baseUrl: String(c.baseUrl ?? '') }, common);
		}
		case 'mastodon': {
			const c = await ctx.getCredentials('mastodonApi', itemIndex);
			const accessToken = String(c.accessToken ?? '');
			secrets.push(accessToken);
			return new MastodonMetricsAdapter({ instanceUrl: String(c.instanceUrl ?? ''), accessToken, account: param(ctx, 'mastodonAccount', itemIndex) }, common);
		}
		case 'youtube': {
			const c = await ctx.getCredentials('youTubeApi', itemIndex);
			const apiKey = String(c.apiKey ?? '');
			secrets.push(apiKey);
			const operation = ctx.getNodeParameter('operation', itemIndex) as string;
			const picked = operation === 'getPostMetrics' ? (ctx.getNodeParameter('youtubeVideoPick', itemIndex, []) as string[] | string) : [];
			const videoIds = operation === 'getPostMetrics' ? [...idList(param(ctx, 'youtubeVideoIds', itemIndex)), ...(Array.isArray(picked) ? picked : idList(String(picked)))] : [];
			return new YoutubeMetricsAdapter({ apiKey, baseUrl: String(c.baseUrl ?? ''), channel: param(ctx, 'youtubeChannel', itemIndex), videoIds }, common);
		}
		case 'weibo': {
			const c = await ctx.getCredentials('weiboApi', itemIndex);
			const accessToken = String(c.accessToken ?? '');
			secrets.push(accessToken);
			const operation = ctx.getNodeParameter('operation', itemIndex) as string;
			const statusIds = operation === 'getPostMetrics' ? idList(param(ctx, 'weiboStatusIds', itemIndex)) : [];
			return new WeiboMetricsAdapter({ accessToken, baseUrl: String(c.baseUrl ?? ''), account: param(ctx, 'weiboAccount', itemIndex), statusIds }, common);
		}
		case 'x': {
			const c = await ctx.getCredentials('xApi', itemIndex);
			const bearerToken = String(c.bearerToken ?? '');
			secrets.push(bearerToken);
			const operation = ctx.getNodeParameter('operation', itemIndex) as string;
			const postIds = operation === 'getPostMetrics' ? idList(param(ctx, 'xPostIds', itemIndex)) : [];
			return new XMetricsAdapter({ bearerToken, baseUrl: String(c.baseUrl ?? ''), username: param(ctx, 'xUsername', itemIndex), postIds }, common);
		}
		case 'douyin': {
			const c = await ctx.getCredentials('douyinApi', itemIndex);
			const [accessToken, refreshToken, clientSecret] = [String(c.accessToken ?? ''), String(c.refreshToken ?? ''), String(c.clientSecret ?? '')];
			secrets.push(accessToken, refreshToken, clientSecret);
			const operation = ctx.getNodeParameter('operation', itemIndex) as string;
			const dailyItemData = operation === 'getPostMetrics' ? (ctx.getNodeParameter('douyinDailyItemData', itemIndex, true) as boolean) : false;
			return new DouyinMetricsAdapter(
				{ clientKey: String(c.clientKey ?? ''), clientSecret, accessToken, refreshToken: refreshToken || undefined, openId: String(c.openId ?? ''), baseUrl: String(c.baseUrl ?? ''), dailyItemData },
				common,
			);
		}
		default:
			throw new Error(`Unsupported platform "${platform}"`);
	}
}

/** A public-read platform's credential is optional: without one the platform's public host is used. */
async function optionalCredentials(ctx: IExecuteFunctions, type: string, itemIndex: number): Promise<Record<string, unknown>> {
	try {
		return ((await ctx.getCredentials(type, itemIndex)) ?? {}) as Record<string, unknown>;
	} catch {
		return {};
	}
}

function param(ctx: IExecuteFunctions, name: string, itemIndex: number): string {
	return String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
}

/** Ids typed one per line or separated by commas or spaces. */
function idList(value: string): string[] {
	return value.split(/[\s,，]+/).map((v) => v.trim()).filter(Boolean);
}

/** Account and post identifiers per platform, shown only for that platform. */
export const platformProperties: INodeProperties[] = [
	{
		displayName: 'UID (Mid)',
		name: 'bilibiliMid',
		type: 'string',
		default: '',
		placeholder: '434334701',
		description: 'The account’s numeric UID from its space URL (space.bilibili.com/UID); any public account works, competitors included',
		displayOptions: { show: { platform: ['bilibili'], operation: ['getAccountMetrics'] } },
	},
	{
		displayName: 'Videos (BV IDs)',
		name: 'bilibiliVideos',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'BV1xx411c7mD, BV1GJ411x7h7',
		description: 'BV (or av) IDs, separated by commas or new lines. Bilibili has no unsigned public list of an account’s uploads, so the videos are listed; the date range does not filter them.',
		displayOptions: { show: { platform: ['bilibili'], operation: ['getPostMetrics'] } },
	},
	{
		displayName: 'Handle or DID',
		name: 'blueskyActor',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'yunfan.tech',
		description: 'The account’s handle (with or without @) or DID; any public account works, competitors included',
		displayOptions: { show: { platform: ['bluesky'] } },
	},
	{
		displayName: 'Account',
		name: 'mastodonAccount',
		type: 'string',
		default: '',
		required: true,
		placeholder: '@user@mastodon.social',
		description: 'The account as @user@domain, user (on the credential’s instance) or its numeric ID; any public account works, competitors included',
		displayOptions: { show: { platform: ['mastodon'] } },
	},
	{
		displayName:
			'YouTube Data API quota: 10,000 units a day per Google Cloud project by default (resets at midnight Pacific time). Account metrics cost 1 unit; post metrics 1 unit per 50 videos plus 1 per 50 uploads listed.',
		name: 'youtubeQuotaNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { platform: ['youtube'] } },
	},
	{
		displayName: 'Channel',
		name: 'youtubeChannel',
		type: 'string',
		default: '',
		placeholder: 'UCxxxxxxxxxxxxxxxxxxxxxx or @handle',
		description: 'Channel ID (UC…) or @handle; any public channel works, competitors included. For post metrics it is used when no video IDs are given: uploads published in the date range.',
		displayOptions: { show: { platform: ['youtube'] } },
	},
	{
		displayName: 'Video IDs',
		name: 'youtubeVideoIds',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'dQw4w9WgXcQ, https://youtu.be/…',
		description: 'Optional video IDs or URLs, separated by commas or new lines; read 50 per call (1 quota unit each call) whatever the date range',
		displayOptions: { show: { platform: ['youtube'], operation: ['getPostMetrics'] } },
	},
	{
		displayName: 'Videos From Channel Names or IDs',
		name: 'youtubeVideoPick',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'youtubeChannelUploads', loadOptionsDependsOn: ['youtubeChannel'] },
		default: [],
		description: 'Optional: pick among the Channel’s 50 newest uploads (opening the list costs 2 quota units); added to the Video IDs. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { platform: ['youtube'], operation: ['getPostMetrics'] } },
	},
	{
		displayName: 'Account (UID or Screen Name)',
		name: 'weiboAccount',
		type: 'string',
		default: '',
		placeholder: '7312345678',
		description: 'Numeric UID or screen name. Account metrics work for any public account (competitors included); post metrics without status IDs read the authorised account’s own timeline.',
		displayOptions: { show: { platform: ['weibo'] } },
	},
	{
		displayName: 'Status IDs',
		name: 'weiboStatusIds',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: '4900177341985992, 4900177338690591',
		description: 'Optional post IDs (any account) read through statuses/count, 100 per call, whatever the date range. Empty: the authorised account’s posts published in the range.',
		displayOptions: { show: { platform: ['weibo'], operation: ['getPostMetrics'] } },
	},
	{
		displayName:
			'X API reads count against the plan’s monthly cap: the Free tier allows only a handful of reads (about 100 a month) and 1 request per 15 minutes on most read endpoints; use Basic or higher for daily collection. Reads per call: 1 user lookup, posts 100 per page.',
		name: 'xTierNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { platform: ['x'] } },
	},
	{
		displayName: 'Username',
		name: 'xUsername',
		type: 'string',
		default: '',
		placeholder: '@YunfanTech',
		description: 'The account’s @username; any public account works, competitors included. For post metrics it is used when no post IDs are given: its posts in the date range (no reposts or replies).',
		displayOptions: { show: { platform: ['x'] } },
	},
	{
		displayName: 'Post IDs',
		name: 'xPostIds',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: '1893456789012345678, https://x.com/user/status/…',
		description: 'Optional post IDs or URLs (any public account), read 100 per call whatever the date range',
		displayOptions: { show: { platform: ['x'], operation: ['getPostMetrics'] } },
	},
	{
		displayName:
			'Douyin account and video data (data.external.*) needs an enterprise developer account (企业号) on open.douyin.com with the scopes granted by the user. The data is T+1 (the newest day is yesterday, China time), reaches back 30 days, exists from the day after the account authorised this app, and per-day video data covers videos created in the last 30 days. Requests outside these rules are explained in the output, never filled with zeros.',
		name: 'douyinNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { platform: ['douyin'] } },
	},
	{
		displayName: 'Daily Video Data',
		name: 'douyinDailyItemData',
		type: 'boolean',
		default: true,
		description: 'Whether to add one snapshot per video and day (plays, likes, comments, shares) for videos created in the last 30 days, besides each video’s totals (4 calls per video)',
		displayOptions: { show: { platform: ['douyin'], operation: ['getPostMetrics'] } },
	},
];
