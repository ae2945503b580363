import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { transportOptions } from '../shared/platformContext';
import { router } from './actions/router';
import * as analyzeSentiment from './actions/analyzeSentiment.operation';
import * as assessMentions from './actions/assessMentions.operation';
import * as checkReplyDeadlines from './actions/checkReplyDeadlines.operation';
import * as detectSpikes from './actions/detectSpikes.operation';
import * as listComments from './actions/listComments.operation';
import * as raiseAlerts from './actions/raiseAlerts.operation';
import * as trainModel from './actions/trainModel.operation';
import { sentimentOptionFields } from './actions/common';
import { wechatRecentArticles } from './methods/loadOptions';

/** Detect Spikes and Raise Alerts with the event log enabled have two outputs; everything else one. */
const OUTPUTS = `={{ ["detectSpikes", "raiseAlerts"].includes($parameter.operation) && $parameter.eventLogOutput === true ? [{ "type": "main", "displayName": "Alerts" }, { "type": "main", "displayName": "Event Log" }] : [{ "type": "main" }] }}`;

export class SentimentRisk implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sentiment Risk',
		name: 'sentimentRisk',
		icon: 'file:sentimentRisk.svg',
		group: ['transform'],
		version: 1,
		subtitle: '={{ {analyzeSentiment: "Analyze Sentiment", assessMentions: "Assess Mentions", detectSpikes: "Detect Spikes", checkReplyDeadlines: "Check Reply Deadlines", trainModel: "Train Model", listComments: "List WeChat Comments", raiseAlerts: "Raise Alerts"}[$parameter.operation] }}',
		description:
			'Score Chinese and English comments for sentiment and risk (投诉, 退款, 质量安全, 法律, 媒体曝光…), detect negative spikes and raise alerts (舆情预警)',
		defaults: { name: 'Sentiment Risk' },
		usableAsTool: true,
		inputs: ['main'],
		outputs: OUTPUTS as unknown as INodeTypeDescription['outputs'],
		credentials: [
			{
				name: 'weChatOfficialAccountApi',
				required: true,
				displayOptions: { show: { operation: ['listComments'] } },
			},
		],
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Analyze Sentiment',
						value: 'analyzeSentiment',
						description: 'Score a text field: score -1 … 1, label positive / neutral / negative, language zh / en / mixed',
						action: 'Analyze sentiment of a text',
					},
					{
						name: 'Assess Mentions',
						value: 'assessMentions',
						description: 'One RiskAssessment per Mention: sentiment, risk categories with matched terms, likelihood × impact → risk level',
						action: 'Assess mentions for risk',
					},
					{
						name: 'Check Reply Deadlines',
						value: 'checkReplyDeadlines',
						description: 'Alert on mentions left unanswered past a time limit (响应时限)',
						action: 'Check reply deadlines',
					},
					{
						name: 'Detect Spikes',
						value: 'detectSpikes',
						description: 'Compare negative volume and share with the baseline per account and topic; one alert per incident',
						action: 'Detect negative spikes',
					},
					{
						name: 'List WeChat Comments',
						value: 'listComments',
						description: 'Comments (留言) of WeChat Official Account articles as Mention items',
						action: 'List wechat comments',
					},
					{
						name: 'Raise Alerts',
						value: 'raiseAlerts',
						description: 'One RiskAlert per incident from RiskAssessments at or above a level, grouped by category and account, with owner and suggested actions; updates or escalates rather than re-sending',
						action: 'Raise alerts from assessments',
					},
					{
						name: 'Train Model',
						value: 'trainModel',
						description: 'Learn your team’s own weights from labelled examples',
						action: 'Train a sentiment model',
					},
				],
				default: 'assessMentions',
			},
			...analyzeSentiment.properties,
			...assessMentions.properties,
			...checkReplyDeadlines.properties,
			...detectSpikes.properties,
			...listComments.properties,
			...raiseAlerts.properties,
			...trainModel.properties,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				displayOptions: { show: { operation: ['analyzeSentiment'] } },
				options: sentimentOptionFields,
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				displayOptions: { show: { operation: ['assessMentions'] } },
				options: [...sentimentOptionFields, ...assessMentions.reachOptionFields].sort((a, b) => a.displayName.localeCompare(b.displayName)),
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				displayOptions: { show: { operation: ['checkReplyDeadlines'] } },
				options: [...sentimentOptionFields, ...checkReplyDeadlines.optionFields].sort((a, b) => a.displayName.localeCompare(b.displayName)),
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				displayOptions: { show: { operation: ['listComments'] } },
				options: transportOptions,
			},
		],
	};

	methods = { loadOptions: { wechatRecentArticles } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return router.call(this);
	}
}
