import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { textDocument } from '../../../lib/notify';
import type { SecretList } from '../../shared/perItem';
import { readLanguage, readMentions, sendDocument } from './channel';

const show = { show: { operation: ['sendText'] } };

export const properties: INodeProperties[] = [
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		displayOptions: show,
		placeholder: '今日排期提醒',
		description: 'Shown as the heading (and as the notification preview on DingTalk); empty: “通知” / “Notice”',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 5 },
		default: '',
		required: true,
		displayOptions: show,
		placeholder: '3 篇推文待审核，请在 18:00 前处理',
		description: 'The message. Long text is cut at the channel’s limit (WeCom 4096 bytes, Feishu 20 KB, Slack 50 blocks) on a line boundary.',
	},
	{
		displayName: 'Format',
		name: 'format',
		type: 'options',
		displayOptions: show,
		options: [
			{ name: 'Plain Text', value: 'plain', description: 'Sent as the words it is: markdown characters, links and @mentions in it are neutralised (safe for text from data or an AI agent)' },
			{ name: 'Markdown', value: 'markdown', description: 'Passed through as written, in the channel’s own markdown dialect' },
		],
		default: 'plain',
	},
];

/** Send Text: a plain or markdown message. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number, secrets: SecretList): Promise<IDataObject[]> {
	const doc = textDocument(String(ctx.getNodeParameter('text', itemIndex, '') ?? ''), {
		language: readLanguage(ctx, itemIndex),
		title: String(ctx.getNodeParameter('title', itemIndex, '') ?? ''),
		format: ctx.getNodeParameter('format', itemIndex, 'plain') === 'markdown' ? 'markdown' : 'plain',
		mentions: readMentions(ctx, itemIndex),
	});
	return sendDocument(ctx, itemIndex, secrets, doc);
}
