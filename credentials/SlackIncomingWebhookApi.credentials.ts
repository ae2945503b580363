import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * A Slack incoming webhook of a Slack app (Features → Incoming Webhooks): it posts to the one channel chosen when it was created. The URL is the secret; Slack does not sign incoming webhooks.
 */
export class SlackIncomingWebhookApi implements ICredentialType {
	name = 'slackIncomingWebhookApi';

	displayName = 'Slack Incoming Webhook API';

	icon: Icon = 'file:slack.svg';

	documentationUrl = 'https://github.com/mediaops/n8n-nodes-mediaops#team-notify';

	properties: INodeProperties[] = [
		{
			displayName: 'Webhook URL',
			name: 'webhookUrl',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'https://hooks.slack.com/services/T…/B…/…',
			description: 'The webhook URL, https://hooks.slack.com/services/T…/B…/…',
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
