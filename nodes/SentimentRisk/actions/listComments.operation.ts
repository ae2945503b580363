import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { InputError } from '../../../lib/errors';
import {
	commentsOnWechatArticles,
	listWechatComments,
	parseWechatMsgId,
	recentWechatArticles,
	type WechatArticleRef,
	type WechatCommentType,
} from '../../../lib/platforms/wechat-oa-comments';
import { wechatOaApi } from '../../shared/platformContext';
import type { SecretList } from '../../shared/perItem';
import { getField } from './common';

const show = { show: { operation: ['listComments'] } };

export const properties: INodeProperties[] = [
	{
		displayName:
			'WeChat Official Account comments (留言) as Mention items via cgi-bin/comment/list. WeChat has no API that lists articles for comments: recent ones come from the datacube (published up to yesterday, after 08:00 China time); today’s come from Social Publish output or by ID.',
		name: 'commentsNotice',
		type: 'notice',
		default: '',
		displayOptions: show,
	},
	{
		displayName: 'Articles',
		name: 'articleSource',
		type: 'options',
		displayOptions: show,
		options: [
			{ name: 'Published in the Last N Days', value: 'recent', description: 'Found through datacube/getarticletotaldetail' },
			{ name: 'From Input Items', value: 'input', description: 'Article ID in a field of each item, e.g. postId of Engagement Metrics post snapshots' },
			{ name: 'By ID', value: 'ids', description: 'A list of article IDs' },
			{ name: 'Pick From Recent Articles', value: 'pick', description: 'Choose from the articles of the last 7 complete days (datacube), shown as title (msgid)' },
		],
		default: 'recent',
	},
	{
		displayName: 'Days',
		name: 'days',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 60 },
		default: 7,
		displayOptions: { show: { operation: ['listComments'], articleSource: ['recent'] } },
		description: 'Articles published in this many complete days, ending yesterday (China time)',
	},
	{
		displayName: 'Article ID Field',
		name: 'articleField',
		type: 'string',
		default: 'postId',
		displayOptions: { show: { operation: ['listComments'], articleSource: ['input'] } },
		description: 'Field with the article ID msg_data_id_index (index from 1), e.g. 2247480123_1',
	},
	{
		displayName: 'Article IDs',
		name: 'articleIds',
		type: 'string',
		default: '',
		displayOptions: { show: { operation: ['listComments'], articleSource: ['ids'] } },
		placeholder: '2247480123_1, 2247480123_2',
		description: 'Article IDs msg_data_id_index (index from 1), separated by commas or new lines',
	},
	{
		displayName: 'Article Names or IDs',
		name: 'articlePick',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'wechatRecentArticles' },
		default: [],
		displayOptions: { show: { operation: ['listComments'], articleSource: ['pick'] } },
		description: 'Articles published in the last 7 complete days, newest first (one datacube call per day). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Comment Type',
		name: 'commentType',
		type: 'options',
		displayOptions: show,
		options: [
			{ name: 'All', value: 0 },
			{ name: 'Normal Only', value: 1 },
			{ name: 'Elected (精选) Only', value: 2 },
		],
		default: 0,
	},
	{
		displayName: 'Only Newer Than (Hours)',
		name: 'sinceHours',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		displayOptions: show,
		description: 'Keep comments from the last N hours only; 0 keeps all. Spike detection needs its baseline period too (e.g. 192 h for 24 h vs 7 days).',
	},
];

export async function execute(ctx: IExecuteFunctions, i: number, secrets: SecretList): Promise<IDataObject[]> {
	const source = ctx.getNodeParameter('articleSource', i, 'recent') as string;
	const { api, appId } = await wechatOaApi(ctx, i, secrets);
	const hours = ctx.getNodeParameter('sinceHours', i, 0) as number;
	const since = hours > 0 ? new Date(Date.now() - hours * 3600_000) : undefined;
	const type = Number(ctx.getNodeParameter('commentType', i, 0)) as WechatCommentType;
	if (source === 'recent') {
		// Found through the datacube, which keeps listing an article after it is deleted: skipped and logged (88001),
		// as the MediaOps Trigger does.
		const recent = await recentWechatArticles(api, ctx.getNodeParameter('days', i, 7) as number);
		const mentions = await commentsOnWechatArticles(api, recent, { accountId: appId, type, since, log: (m) => ctx.logger.info(m) });
		return mentions as unknown as IDataObject[];
	}
	let articles: WechatArticleRef[];
	if (source === 'input') {
		const field = String(ctx.getNodeParameter('articleField', i, 'postId')).trim() || 'postId';
		const value = getField(ctx.getInputData()[i].json, field);
		if (typeof value !== 'string' || !value) throw new InputError(`Item ${i} has no article ID in "${field}"`, field);
		articles = [parseWechatMsgId(value)];
	} else if (source === 'pick') {
		const picked = ctx.getNodeParameter('articlePick', i, []) as string[] | string;
		articles = (Array.isArray(picked) ? picked : String(picked).split(/[\s,，]+/)).filter(Boolean).map(parseWechatMsgId);
		if (!articles.length) throw new InputError('No article picked', 'articlePick');
	} else {
		articles = String(ctx.getNodeParameter('articleIds', i, '') ?? '')
			.split(/[\s,，]+/)
			.filter(Boolean)
			.map(parseWechatMsgId);
		if (!articles.length) throw new InputError('Article IDs is empty', 'articleIds');
	}
	// Articles the user named: one that does not exist is an error naming it (the item is named by the node layer).
	const out: IDataObject[] = [];
	for (const article of articles) {
		const mentions = await listWechatComments(api, article, { accountId: appId, type, since });
		for (const mention of mentions) out.push(mention as unknown as IDataObject);
	}
	return out;
}
