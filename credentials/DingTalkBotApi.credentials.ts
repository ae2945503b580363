import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * A DingTalk (钉钉) custom robot: its webhook URL (群设置 → 智能群助手 → 机器人) and, when its security setting is 加签, the secret. Robots with the 自定义关键词 setting only accept messages containing a keyword; put it in the title or text. IP allow-lists must include the n8n server.
 */
export class DingTalkBotApi implements ICredentialType {
	name = 'dingTalkBotApi';

	displayName = 'DingTalk Custom Robot API';

	icon: Icon = 'file:dingtalk.svg';

	documentationUrl = 'https://github.com/mediaops/n8n-nodes-mediaops#team-notify';

	properties: INodeProperties[] = [
		{
			displayName: 'Webhook URL',
			name: 'webhookUrl',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'https://oapi.dingtalk.com/robot/send?access_token=…',
			description: 'The robot’s webhook URL, https://oapi.dingtalk.com/robot/send?access_token=…',
		},
		{
			displayName: 'Signing Secret (加签)',
			name: 'signingSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'SEC…',
			description: 'Only when the robot’s security setting is 加签 (signature): the secret starting with SEC. Each message then carries timestamp and sign (HMAC-SHA256).',
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

	// An empty body is refused without posting anything; 300001 means the access_token is unknown.
	test: ICredentialTestRequest = {
		request: {
			url: '={{ $credentials.baseUrl ? $credentials.baseUrl.replace(/\\/+$/, "") + $credentials.webhookUrl.replace(/^https?:\\/\\/[^/]+/, "") : $credentials.webhookUrl }}',
			method: 'POST',
			body: {},
			json: true,
		},
		rules: [{ type: 'responseSuccessBody', properties: { key: 'errcode', value: 300001, message: 'DingTalk does not know this access_token (errcode 300001): copy the webhook URL again from the robot settings' } }],
	};
}
