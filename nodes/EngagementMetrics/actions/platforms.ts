import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { MetricsAdapter } from '../../../lib/platforms/types';
import { metricsAdapter, type PostSelection } from '../../shared/metricsAdapter';
import { itemParameters, type NodeParameters } from '../../shared/nodeParameters';
import { platformAccess } from '../../shared/platformAccess';
import { transportContext } from '../../shared/platformContext';
import { accountProperty } from '../../shared/platformProperties';
import type { SecretList } from '../../shared/perItem';

/**
 * Builds the core adapter for the chosen platform from its n8n credential (nodes/shared: platformAccess and
 * metricsAdapter, which MediaOps Trigger uses too); this node adds only what Get Post Metrics selects.
 */
export async function createMetricsAdapter(ctx: IExecuteFunctions, itemIndex: number, secrets: SecretList): Promise<MetricsAdapter> {
	const p = itemParameters(ctx, itemIndex);
	const platform = p.value<string>('platform');
	const common = transportContext(p);
	const access = await platformAccess(p, platform, secrets);
	return metricsAdapter(p, access, common, postSelection(p, platform));
}

/** The posts Get Post Metrics reads beyond the account's own listing, and Douyin's per-day video data. */
function postSelection(p: NodeParameters, platform: string): PostSelection {
	const postMetrics = () => p.value<string>('operation') === 'getPostMetrics';
	switch (platform) {
		case 'bilibili':
			return { bilibiliVideos: idList(p.text('bilibiliVideos')) };
		case 'youtube': {
			if (!postMetrics()) return { youtubeVideoIds: [] };
			const picked = p.value<string[] | string>('youtubeVideoPick', []);
			return { youtubeVideoIds: [...idList(p.text('youtubeVideoIds')), ...(Array.isArray(picked) ? picked : idList(String(picked)))] };
		}
		case 'weibo':
			return { weiboStatusIds: postMetrics() ? idList(p.text('weiboStatusIds')) : [] };
		case 'x':
			return { xPostIds: postMetrics() ? idList(p.text('xPostIds')) : [] };
		case 'douyin':
			return { douyinDailyItemData: postMetrics() ? p.value('douyinDailyItemData', true) : false };
		default:
			return {};
	}
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
	accountProperty('bluesky', 'The account’s handle (with or without @) or DID; any public account works, competitors included', { required: true }),
	accountProperty('mastodon', 'The account as @user@domain, user (on the credential’s instance) or its numeric ID; any public account works, competitors included', { required: true }),
	{
		displayName:
			'YouTube Data API quota: 10,000 units a day per Google Cloud project by default (resets at midnight Pacific time). Account metrics cost 1 unit; post metrics 1 unit per 50 videos plus 1 per 50 uploads listed.',
		name: 'youtubeQuotaNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { platform: ['youtube'] } },
	},
	accountProperty(
		'youtube',
		'Channel ID (UC…) or @handle; any public channel works, competitors included. For post metrics it is used when no video IDs are given: uploads published in the date range.',
	),
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
	accountProperty(
		'weibo',
		'Numeric UID or screen name. Account metrics work for any public account (competitors included); post metrics without status IDs read the authorised account’s own timeline.',
	),
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
	accountProperty(
		'x',
		'The account’s @username; any public account works, competitors included. For post metrics it is used when no post IDs are given: its posts in the date range (no reposts or replies).',
	),
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
