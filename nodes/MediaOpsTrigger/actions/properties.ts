import type { INodeProperties } from 'n8n-workflow';
import type { ReadPlatform } from '../../shared/platformAccess';
import { transportOptionsCollection } from '../../shared/platformContext';
import { accountProperty, platformOptions } from '../../shared/platformProperties';

/** Platforms besides WeChat, and which events each one's real API supports. */
const POSTS_AND_COMMENTS: ReadPlatform[] = ['weibo', 'youtube', 'mastodon', 'bluesky'];
/** The platforms the trigger reads through the REST adapters (WeChat OA has its own reader). */
export const REST_PLATFORMS: ReadPlatform[] = [...POSTS_AND_COMMENTS, 'x', 'douyin'];

const newPosts = { name: 'New Posts', value: 'newPosts', description: 'Posts newly published on the watched account (one item per post)' };

export const platformProperty: INodeProperties = {
	displayName: 'Platform',
	name: 'platform',
	type: 'options',
	noDataExpression: true,
	options: platformOptions(['bluesky', 'douyin', 'mastodon', 'wechatOa', 'weibo', 'x', 'youtube']),
	// eslint-disable-next-line n8n-nodes-base/node-param-default-wrong-for-options -- the rule reads literal option lists only; wechatOa is one of platformOptions' above
	default: 'wechatOa',
};

/** The Event dropdown of the non-WeChat platforms (WeChat keeps its own, unchanged). */
export const restEventProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'New Comments', value: 'newComments', description: 'Replies and comments on the account’s recent posts, as Mention items' },
			newPosts,
		],
		default: 'newComments',
		displayOptions: { show: { platform: POSTS_AND_COMMENTS } },
	},
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'New Mentions', value: 'newMentions', description: 'Posts that mention the account (replies included), as Mention items' }, newPosts],
		default: 'newMentions',
		displayOptions: { show: { platform: ['x'] } },
	},
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'New Comments', value: 'newComments', description: 'Comments on the authorised account’s recent videos, as Mention items (needs the item.comment scope)' },
			{ name: 'New Posts', value: 'newPosts', description: 'Videos newly published on the authorised account (one item per video)' },
		],
		default: 'newPosts',
		displayOptions: { show: { platform: ['douyin'] } },
	},
];

/** Which account is watched, per platform. */
export const accountProperties: INodeProperties[] = [
	accountProperty('weibo', 'The authorised account’s UID; Weibo lists the timeline of the account the token belongs to only'),
	accountProperty('youtube', 'Channel ID (UC…) or @handle; any public channel works', { required: true }),
	accountProperty('mastodon', 'The account as @user@domain, user (on the credential’s instance) or its numeric ID; any public account works', { required: true }),
	accountProperty('bluesky', 'The account’s handle (with or without @) or DID; any public account works', { required: true }),
	accountProperty('x', 'The account’s @username', { required: true }),
];

/** How much is watched on the non-WeChat platforms, and the transport options. */
export const windowProperties: INodeProperties[] = [
	{
		displayName: 'Posts of the Last (Days)',
		name: 'days',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 30 },
		default: 7,
		description: 'Watch posts published today and the days before, in the workflow’s time zone (for X mentions: mentions of the last N days)',
		displayOptions: { show: { platform: REST_PLATFORMS } },
	},
	{
		displayName: 'At Most (Posts)',
		name: 'maxPosts',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 200 },
		default: 20,
		description: 'Watch only this many of the newest posts in that window; each poll reads the comments of those with comments, one call or more per post',
		displayOptions: { show: { platform: REST_PLATFORMS }, hide: { event: ['newMentions'] } },
	},
	{
		displayName:
			'YouTube Data API quota: 10,000 units a day per project. Each poll costs about 3 units to list the uploads, plus 1 unit per watched video with comments (100 comments a unit). Poll every 15 minutes or less often.',
		name: 'youtubeQuotaNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { platform: ['youtube'] } },
	},
	{
		displayName: 'Weibo counts every call against the token’s hourly quota (150 an hour in the normal tier): a poll costs the timeline and count calls plus one to three comments calls (200 comments each) per watched post with comments. With many watched posts, poll every 10–15 minutes or watch fewer posts.',
		name: 'weiboQuotaNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { platform: ['weibo'] } },
	},
	transportOptionsCollection({ show: { platform: REST_PLATFORMS } }),
];
