import { credentialsByPlatform } from '../shared/credentialsByPlatform';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { transportOptions } from '../shared/platformContext';
import { commonProperties } from './actions/channel';
import { router } from './actions/router';
import * as sendAlert from './actions/sendAlert.operation';
import * as sendReport from './actions/sendReport.operation';
import * as sendText from './actions/sendText.operation';

export class TeamNotify implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Team Notify',
		name: 'teamNotify',
		icon: 'file:teamNotify.svg',
		group: ['output'],
		version: 1,
		subtitle:
			'={{ {sendAlert: "Send Alert", sendReport: "Send Report Summary", sendText: "Send Text"}[$parameter.operation] + " → " + {wecom: "WeCom", dingtalk: "DingTalk", feishu: "Feishu", slack: "Slack"}[$parameter.channel] }}',
		description: 'Post risk alerts, report summaries and messages to the team’s WeCom, DingTalk, Feishu/Lark or Slack group (企业微信 / 钉钉 / 飞书 群机器人通知)',
		defaults: { name: 'Team Notify' },
		usableAsTool: true,
		inputs: ['main'],
		outputs: ['main'],
		credentials: credentialsByPlatform(
			[
				{ platform: 'wecom', credential: 'weComBotApi', required: true },
				{ platform: 'dingtalk', credential: 'dingTalkBotApi', required: true },
				{ platform: 'feishu', credential: 'feishuBotApi', required: true },
				{ platform: 'slack', credential: 'slackIncomingWebhookApi', required: true },
			],
			{},
			'channel',
		),
		properties: [
			{
				displayName: 'Channel',
				name: 'channel',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'WeCom Group Bot (企业微信)', value: 'wecom' },
					{ name: 'DingTalk Custom Robot (钉钉)', value: 'dingtalk' },
					{ name: 'Feishu / Lark Custom Bot (飞书)', value: 'feishu' },
					{ name: 'Slack Incoming Webhook', value: 'slack' },
				],
				default: 'wecom',
				description: 'Where the message goes: the group whose bot webhook is in the credential',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Send Alert',
						value: 'sendAlert',
						description: 'An alert card per RiskAlert item: level, type, metric vs baseline and threshold, window, evidence, suggested actions, owner',
						action: 'Send a risk alert to the team',
					},
					{
						name: 'Send Report Summary',
						value: 'sendReport',
						description: 'A summary per Report item: title, period, key metrics, KPI targets, top findings',
						action: 'Send a report summary to the team',
					},
					{
						name: 'Send Text',
						value: 'sendText',
						description: 'A plain-text or markdown message per item',
						action: 'Send a text message to the team',
					},
				],
				default: 'sendAlert',
			},
			{
				displayName:
					'Bots are rate limited: WeCom and DingTalk take 20 messages a minute per bot (DingTalk then blocks it for 10 minutes), Feishu 100 a minute. Send one summary rather than one message per mention.',
				name: 'rateNotice',
				type: 'notice',
				default: '',
			},
			...sendAlert.properties,
			...sendReport.properties,
			...sendText.properties,
			...commonProperties,
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
