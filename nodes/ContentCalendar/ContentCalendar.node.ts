import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { postOutputProperty } from '../shared/posts';
import { operationProperties, router } from './actions/router';

export class ContentCalendar implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Content Calendar',
		name: 'contentCalendar',
		icon: 'file:contentCalendar.svg',
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ {checkCompliance: "Check Compliance", createApprovalLink: "Create Approval Link", expandRecurrence: "Expand Recurrence", getDue: "Get Due", plan: "Plan", review: "Review", verifyApproval: "Verify Approval"}[$parameter.operation] }}',
		description: 'Plan, review, check and release posts on schedule: slot grid, caps, recurrence, Advertising Law compliance, approval links (内容日历 排期 审核 合规)',
		defaults: { name: 'Content Calendar' },
		usableAsTool: true,
		inputs: ['main'],
		// Get Due sorts posts into three outputs so overdue ones are reported, never dropped.
		outputs: `={{ $parameter["operation"] === "getDue" ? [{ "type": "main", "displayName": "Due" }, { "type": "main", "displayName": "Overdue" }, { "type": "main", "displayName": "Not Due" }] : [{ "type": "main" }] }}`,
		credentials: [
			{
				name: 'mediaOpsApprovalApi',
				required: true,
				displayOptions: { show: { operation: ['createApprovalLink', 'verifyApproval'], secretSource: ['credential'] } },
			},
		],
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Check Compliance', value: 'checkCompliance', description: 'Advertising Law terms, your banned and sensitive lists, platform limits, media and links', action: 'Check compliance of a post' },
					{ name: 'Create Approval Link', value: 'createApprovalLink', description: 'Signed approve and reject links for a reviewer (Wait or Webhook node)', action: 'Create approval links for a post' },
					{ name: 'Expand Recurrence', value: 'expandRecurrence', description: 'One post per occurrence of a recurring post, in its own time zone', action: 'Expand a recurring post' },
					{ name: 'Get Due', value: 'getDue', description: 'Posts to publish now; overdue and not-due ones on their own outputs', action: 'Get due posts' },
					{ name: 'Plan', value: 'plan', description: 'Give approved unscheduled posts a time from the slot grid', action: 'Plan posts into free slots' },
					{ name: 'Review', value: 'review', description: 'Submit, approve, reject or request changes, recorded in the post’s history', action: 'Record a review decision' },
					{ name: 'Verify Approval', value: 'verifyApproval', description: 'Check a clicked approval link and apply its decision', action: 'Verify an approval link' },
				],
				default: 'getDue',
			},
			...operationProperties,
			postOutputProperty(['plan', 'review', 'verifyApproval']),
			postOutputProperty(['getDue', 'expandRecurrence', 'checkCompliance', 'createApprovalLink'], false),
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Reference Time',
						name: 'referenceTime',
						type: 'string',
						default: '',
						placeholder: '2026-03-01T09:00:00+08:00',
						description: 'Treat this instant as now (backfills, tests). Empty: the current time.',
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return router.call(this);
	}
}
