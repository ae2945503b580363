import { credentialsByPlatform } from '../shared/credentialsByPlatform';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { router } from './actions/router';
import { transportOptionsCollection } from '../shared/platformContext';
import { readCredentials } from '../shared/platformAccess';
import { platformOptions } from '../shared/platformProperties';
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
		credentials: credentialsByPlatform(readCredentials(['wechatOa', 'bilibili', 'bluesky', 'mastodon', 'youtube', 'weibo', 'x', 'douyin']), { operation: ['normaliseRows'] }),
		properties: [
			{
				displayName: 'Platform',
				name: 'platform',
				type: 'options',
				noDataExpression: true,
				// Normalise Rows reads a file, not an API: no platform account, so no credential either.
				displayOptions: { hide: { operation: ['normaliseRows'] } },
				options: platformOptions(['bilibili', 'bluesky', 'douyin', 'mastodon', 'wechatOa', 'weibo', 'x', 'youtube']),
				// eslint-disable-next-line n8n-nodes-base/node-param-default-wrong-for-options -- the rule reads literal option lists only; wechatOa is one of platformOptions' above
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
			transportOptionsCollection({ hide: { operation: ['normaliseRows'] } }),
		],
	};

	methods = { loadOptions: { youtubeChannelUploads } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return router.call(this);
	}
}
