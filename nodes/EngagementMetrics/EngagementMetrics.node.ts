import { credentialsByPlatform } from '../shared/credentialsByPlatform';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { router } from './actions/router';
import { transportOptions } from '../shared/platformContext';
import { dateRangeProperties } from './actions/dateRange.properties';
import { hiddenForNormaliseRows, normaliseRowsProperties } from './actions/normaliseRows.operation';
import { platformProperties } from './actions/platforms';
import { youtubeChannelUploads } from './methods/loadOptions';

export class EngagementMetrics implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Engagement Metrics',
		name: 'engagementMetrics',
		icon: 'file:engagementMetrics.svg',
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] === "normaliseRows" ? "Normalise Rows" : $parameter["operation"] === "getPostMetrics" ? "Get Post Metrics" : "Get Account Metrics"}}',
		description: 'Collect followers, reads, likes, shares and comments from social platforms as MetricSnapshot items (微信公众号 数据统计)',
		defaults: { name: 'Engagement Metrics' },
		usableAsTool: true,
		inputs: ['main'],
		outputs: ['main'],
		credentials: credentialsByPlatform(
			[
				{ platform: 'wechatOa', credential: 'weChatOfficialAccountApi', required: true },
				{ platform: 'bilibili', credential: 'bilibiliApi', required: false },
				{ platform: 'bluesky', credential: 'blueskyApi', required: false },
				{ platform: 'mastodon', credential: 'mastodonApi', required: true },
				{ platform: 'youtube', credential: 'youTubeApi', required: true },
				{ platform: 'weibo', credential: 'weiboApi', required: true },
				{ platform: 'x', credential: 'xApi', required: true },
				{ platform: 'douyin', credential: 'douyinApi', required: true },
			],
			{ operation: ['normaliseRows'] },
		),
		properties: [
			{
				displayName: 'Platform',
				name: 'platform',
				type: 'options',
				noDataExpression: true,
				// Normalise Rows reads a file, not an API: no platform account, so no credential either.
				displayOptions: { hide: { operation: ['normaliseRows'] } },
				options: [
					{ name: 'Bilibili (哔哩哔哩)', value: 'bilibili' },
					{ name: 'Bluesky', value: 'bluesky' },
					{ name: 'Douyin (抖音)', value: 'douyin' },
					{ name: 'Mastodon', value: 'mastodon' },
					{ name: 'WeChat Official Account (微信公众号)', value: 'wechatOa' },
					{ name: 'Weibo (微博)', value: 'weibo' },
					{ name: 'X (Twitter)', value: 'x' },
					{ name: 'YouTube', value: 'youtube' },
				],
				default: 'wechatOa',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Get Account Metrics',
						value: 'getAccountMetrics',
						description: 'One snapshot per day: followers, new and lost followers, reads, shares, likes, comments',
						action: 'Get account metrics',
					},
					{
						name: 'Get Post Metrics',
						value: 'getPostMetrics',
						description: 'One snapshot per post published in the range, with its totals so far',
						action: 'Get post metrics',
					},
					{
						name: 'Normalise Rows',
						value: 'normaliseRows',
						description: 'Turn rows of a back-office export (Excel/CSV, 后台导出) into snapshots; no credential needed',
						action: 'Normalise export rows',
					},
				],
				default: 'getAccountMetrics',
			},
			{
				displayName:
					'WeChat publishes a day’s data after 08:00 China time the next day, and keeps it from 2014-12-01. Days not published yet are skipped and logged, never filled with zeros.',
				name: 'wechatNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { platform: ['wechatOa'] } },
			},
			...platformProperties,
			...normaliseRowsProperties,
			...hiddenForNormaliseRows(dateRangeProperties),
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				options: [
					{ name: 'Snapshot', value: 'snapshot', description: 'MetricSnapshot items with nested extra fields' },
					{ name: 'Table Row', value: 'row', description: 'Flat rows with a unique key, ready for a Data Table or Postgres upsert' },
				],
				default: 'snapshot',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				displayOptions: { hide: { operation: ['normaliseRows'] } },
				options: transportOptions,
			},
		],
	};

	methods = { loadOptions: { youtubeChannelUploads } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return router.call(this);
	}
}
