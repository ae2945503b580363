import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { checkReplyDeadlines, type AlertLanguage, type ReplyDeadlineOptions } from '../../../lib/risk';
import type { SentimentOptions } from '../../../lib/sentiment';
import { alertLanguageOption, mentionFromItem, ownerOption, readSentimentSettings, referenceNow, referenceTimeOption, sentimentProperties, settingsCache } from './common';

const show = { show: { operation: ['checkReplyDeadlines'] } };

export const properties: INodeProperties[] = [
	{
		displayName: 'Reply Limit (Minutes)',
		name: 'limitMinutes',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 120,
		required: true,
		displayOptions: show,
		description: 'Response-time limit (响应时限) in minutes: a Mention without repliedAt older than this raises a reply_overdue alert (low past the limit, medium past 2×, high past 4×; one step higher when negative)',
	},
	{
		displayName: 'Limit for Direct Messages (Minutes)',
		name: 'limitDm',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		displayOptions: show,
		description: 'A separate limit for DMs (kind dm), e.g. 30; 0 uses the reply limit',
	},
	...sentimentProperties(['checkReplyDeadlines']),
];

export function makeExecutor(ctx: IExecuteFunctions): (itemIndex: number) => Promise<IDataObject[]> {
	const shared = settingsCache<SentimentOptions>();
	return async (i) => {
		const mention = mentionFromItem(ctx.getInputData()[i].json, i);
		const settings = readSentimentSettings(ctx, i);
		const o = ctx.getNodeParameter('options', i, {}) as { language?: AlertLanguage; owner?: string };
		const limitDm = ctx.getNodeParameter('limitDm', i, 0) as number;
		const options: ReplyDeadlineOptions = {
			limitMinutes: ctx.getNodeParameter('limitMinutes', i) as number,
			now: referenceNow(ctx, i),
			timezone: ctx.getTimezone(),
			language: o.language ?? 'zh',
			sentiment: shared(settings.key, () => settings.options),
		};
		if (limitDm > 0) options.limitByKind = { dm: limitDm };
		if (o.owner) options.owner = o.owner;
		return checkReplyDeadlines([mention], options) as unknown as IDataObject[];
	};
}

export const optionFields: INodeProperties[] = [alertLanguageOption, ownerOption, referenceTimeOption];
