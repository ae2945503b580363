import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * A Feishu (飞书) or Lark custom bot: its webhook URL (群设置 → 群机器人 → 自定义机器人) and, when 签名校验 is on, the secret. Keyword and IP allow-list settings apply as set in Feishu.
 */
export class FeishuBotApi implements ICredentialType {
	name = 'feishuBotApi';

	displayName = 'Feishu / Lark Custom Bot API';

	icon: Icon = 'file:feishu.svg';

	documentationUrl = 'https://github.com/mediaops/n8n-nodes-mediaops#team-notify';

	properties: INodeProperties[] = [
		{
			displayName: 'Webhook URL',
			name: 'webhookUrl',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'https://open.feishu.cn/open-apis/bot/v2/hook/…',
			description: 'The bot’s webhook URL, https://open.feishu.cn/open-apis/bot/v2/hook/… (Lark: open.larksuite.com)',
		},
		{
			displayName: 'Signing Secret (签名校验)',
			name: 'signingSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Only when the bot’s security setting has 签名校验 (signature verification) on: its secret. Each message then carries timestamp and sign (HMAC-SHA256).',
		},
		{
			displayName: 'Base URL Override',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:8787',
			description: 'Optional. Replaces the scheme, host and port of the webhook URL (path and token are kept): a proxy, a gateway or the local sandbox.',
		},
	];
}
