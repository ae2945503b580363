import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { InputError } from '../../../lib/errors';
import { parseMentions, renderMessage, sendToWebhook, type NotifyChannel, type NotifyDocument, type NotifyLanguage } from '../../../lib/notify';
import { listParameter } from '../../shared/posts';
import { platformContext } from '../../shared/platformContext';
import type { SecretList } from '../../shared/perItem';

/** The credential type of each channel. */
export const CHANNEL_CREDENTIALS: Record<NotifyChannel, string> = {
	wecom: 'weComBotApi',
	dingtalk: 'dingTalkBotApi',
	feishu: 'feishuBotApi',
	slack: 'slackIncomingWebhookApi',
};

/** Parameters every message type shares (shown after the type-specific ones). */
export const commonProperties: INodeProperties[] = [
	{
		displayName: 'Language',
		name: 'language',
		type: 'options',
		options: [
			{ name: '中文', value: 'zh' },
			{ name: 'English', value: 'en' },
		],
		default: 'zh',
		description: 'Language of the labels the node writes (level, metric, window, findings …); your own text is sent as it is',
	},
	{
		displayName: 'Mentions',
		name: 'mentions',
		type: 'string',
		default: '',
		placeholder: 'zhangsan, 13800001111, all',
		description:
			'People to @mention, separated by commas or new lines: a user ID (WeCom userid, DingTalk userId, Feishu open_id ou_…, Slack member ID U…), a mobile number (DingTalk), an email (Feishu), or "all". What a channel cannot mention is listed in skippedMentions of the output.',
	},
];

export function readLanguage(ctx: IExecuteFunctions, itemIndex: number): NotifyLanguage {
	return ctx.getNodeParameter('language', itemIndex, 'zh') === 'en' ? 'en' : 'zh';
}

export function readMentions(ctx: IExecuteFunctions, itemIndex: number) {
	const { mentions, invalid } = parseMentions(listParameter(ctx, 'mentions', itemIndex));
	if (invalid.length) throw new InputError(`Mentions: "${invalid[0]}" is not a user ID, mobile number, email or "all"`, 'mentions');
	return mentions;
}

/**
 * Renders the document for the chosen channel, posts it with the channel's credential and returns the output item.
 * The webhook URL and signing secret are registered for scrubbing before anything can fail.
 */
export async function sendDocument(ctx: IExecuteFunctions, itemIndex: number, secrets: SecretList, doc: NotifyDocument): Promise<IDataObject[]> {
	const channel = ctx.getNodeParameter('channel', itemIndex) as NotifyChannel;
	const credentialType = CHANNEL_CREDENTIALS[channel];
	if (!credentialType) throw new InputError(`Unknown channel "${String(channel)}"`, 'channel');
	const c = await ctx.getCredentials(credentialType, itemIndex);
	const webhookUrl = String(c.webhookUrl ?? '');
	const secret = String(c.signingSecret ?? '');
	secrets.push(webhookUrl, secret);
	const message = renderMessage(channel, doc);
	const result = await sendToWebhook({ channel, webhookUrl, secret, baseUrl: String(c.baseUrl ?? '') }, message, platformContext(ctx, itemIndex));
	const out: IDataObject = { channel, ok: result.ok, status: result.status, code: result.code, truncated: message.truncated };
	if (message.skippedMentions.length) out.skippedMentions = message.skippedMentions.map((m) => m.id);
	if (result.attempts > 1) out.attempts = result.attempts;
	return [out];
}

/** A value at a dotted path of the item (`alert`, `data.report`); the item itself for an empty path. */
export function valueAt(json: IDataObject, path: string): unknown {
	if (!path.trim()) return json;
	let value: unknown = json;
	for (const key of path.trim().split('.')) {
		if (typeof value !== 'object' || value === null) return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}
