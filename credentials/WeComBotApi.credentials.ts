import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * A WeCom (企业微信) group bot: the webhook URL shown when the bot is added to a group (群设置 → 群机器人). The URL holds the bot key: anyone with it can post to the group, so it is stored as a secret. WeCom group bots have no signing secret.
 */
export class WeComBotApi implements ICredentialType {
	name = 'weComBotApi';

	displayName = 'WeCom Group Bot API';

	icon: Icon = 'file:wecom.svg';

	documentationUrl = 'https://github.com/mediaops/n8n-nodes-mediaops#team-notify';

	properties: INodeProperties[] = [
		{
			displayName: 'Webhook URL',
			name: 'webhookUrl',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
			description: 'The bot’s webhook URL, https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
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

	// An empty body is refused without posting anything: 40008 (no msgtype) proves the key, 93000 means it is wrong.
	test: ICredentialTestRequest = {
		request: {
			url: '={{ $credentials.baseUrl ? $credentials.baseUrl.replace(/\\/+$/, "") + $credentials.webhookUrl.replace(/^https?:\\/\\/[^/]+/, "") : $credentials.webhookUrl }}',
			method: 'POST',
			body: {},
			json: true,
		},
		rules: [{ type: 'responseSuccessBody', properties: { key: 'errcode', value: 93000, message: 'WeCom does not know this webhook key (errcode 93000): copy the webhook URL again from the group bot' } }],
	};
}
