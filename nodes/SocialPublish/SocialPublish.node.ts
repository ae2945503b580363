import { credentialsByPlatform } from '../shared/credentialsByPlatform';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { transportOptions } from '../shared/platformContext';
import { postOutputProperty } from '../shared/posts';
import { operationProperties, router } from './actions/router';

export class SocialPublish implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Social Publish',
		name: 'socialPublish',
		icon: 'file:socialPublish.svg',
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] === "checkPublished" ? "Check published" : $parameter["dryRun"] ? "Dry run" : "Publish"}}',
		description: 'Publish posts exactly once, with the platform’s final status read back (微信公众号 发布 草稿 群发)',
		defaults: { name: 'Social Publish' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: credentialsByPlatform(
			[
				{ platform: 'wechatOa', credential: 'weChatOfficialAccountApi', required: true },
				{ platform: 'bluesky', credential: 'blueskyAccountApi', required: true },
				{ platform: 'mastodon', credential: 'mastodonApi', required: true },
				{ platform: 'x', credential: 'xAccountApi', required: true },
				{ platform: 'telegram', credential: 'telegramBotApi', required: true },
				{ platform: 'weibo', credential: 'weiboApi', required: true },
			],
		),
		properties: [
			{
				displayName: 'Platform',
				name: 'platform',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Bluesky', value: 'bluesky' },
					{ name: 'Mastodon', value: 'mastodon' },
					{ name: 'Telegram Channel', value: 'telegram' },
					{ name: 'WeChat Official Account (微信公众号)', value: 'wechatOa' },
					{ name: 'Weibo (微博)', value: 'weibo' },
					{ name: 'X', value: 'x' },
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
						name: 'Check Published',
						value: 'checkPublished',
						description: 'Ask the platform whether published posts are still up (removed after publishing → failed)',
						action: 'Check published posts',
					},
					{
						name: 'Publish',
						value: 'publish',
						description: 'Publish each post once and wait for the platform’s final status',
						action: 'Publish a post',
					},
				],
				default: 'publish',
			},
			{
				displayName:
					'WeChat: draft/add → freepublish/submit → freepublish/get until a final publish_status. A post is never published twice: a ledger in the workflow’s static data plus a read-back on WeChat (freepublish/batchget) cover retries, duplicates and runs that overlap.',
				name: 'wechatNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { platform: ['wechatOa'] } },
			},
			{
				displayName:
					'Mastodon: POST /api/v1/statuses with the idempotency key as Mastodon’s Idempotency-Key header, so the instance itself answers a repeated request with the status it already created. The credential needs an access token with the write:statuses scope.',
				name: 'mastodonNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { platform: ['mastodon'] } },
			},
			{
				displayName:
					'Bluesky: logs in to the account’s PDS with an app password and creates the post under a record key derived from the idempotency key, so the PDS itself refuses a second copy and the post is read back exactly (getRecord).',
				name: 'blueskyNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { platform: ['bluesky'] } },
			},
			{
				displayName:
					'X: POST /2/tweets with a user token. X’s own rule refuses the same text twice on one account, which (with the ledger) keeps retries and overlapping runs from posting twice; the free tier cannot read the timeline back.',
				name: 'xNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { platform: ['x'] } },
			},
			{
				displayName:
					'Telegram: the bot (an administrator of the channel allowed to post) sends the post with sendMessage, or sendPhoto when the first media item is an image. A bot cannot read a channel back, so only the ledger prevents a second post: a send that may have reached Telegram (timeout, 5xx) is not retried automatically and fails with a note to check the channel.',
				name: 'telegramNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { platform: ['telegram'] } },
			},
			{
				displayName:
					'Weibo: POST statuses/share.json as the token’s account. The text (at most 140 汉字, no #话题词#) must link under the app’s safe domain set in the credential; images are not uploaded by this version. Before posting, the account’s own timeline is read back for the same text (links aside), and Weibo itself refuses repeated text (20019).',
				name: 'weiboNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { platform: ['weibo'] } },
			},
			{
				displayName: 'Client IP (Rip)',
				name: 'weiboRip',
				type: 'string',
				default: '',
				placeholder: '211.156.0.1',
				displayOptions: { show: { platform: ['weibo'] } },
				description: 'The rip field of statuses/share: the real IP of the user the app posts for, which Weibo’s current share doc asks for. Leave empty to omit it.',
			},
			{
				displayName: 'Channel',
				name: 'telegramChatId',
				type: 'string',
				required: true,
				default: '',
				placeholder: '@channelusername',
				displayOptions: { show: { platform: ['telegram'] } },
				description: 'The channel’s @username or numeric ID (-100…). A post’s account must name the same channel (@username, username or ID).',
			},
			{
				displayName: 'Disable Link Preview',
				name: 'telegramDisablePreview',
				type: 'boolean',
				default: false,
				displayOptions: { show: { platform: ['telegram'] } },
				description: 'Whether to send text messages without a link preview card',
			},
			{
				displayName: 'Send Silently',
				name: 'telegramSilent',
				type: 'boolean',
				default: false,
				displayOptions: { show: { platform: ['telegram'] } },
				description: 'Whether subscribers get the message without a notification sound',
			},
			{
				displayName: 'Visibility',
				name: 'visibility',
				type: 'options',
				displayOptions: { show: { platform: ['mastodon'] } },
				options: [
					{ name: 'Public', value: 'public' },
					{ name: 'Unlisted', value: 'unlisted' },
					{ name: 'Followers Only', value: 'private' },
				],
				default: 'public',
			},
			...operationProperties,
			postOutputProperty(['publish', 'checkPublished']),
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: transportOptions,
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return router.call(this);
	}
}
