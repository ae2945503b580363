import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { InputError } from '../../../lib/errors';
import type { ReviewWorkflow } from '../../../lib/schedule';
import { jsonParameter } from '../../shared/posts';

/** The review steps parameter, used by Review and Verify Approval (which applies the decision). */
export function reviewStepsProperty(operations: string[]): INodeProperties {
	return {
		displayName: 'Review Steps (JSON)',
		name: 'reviewSteps',
		type: 'json',
		displayOptions: { show: { operation: operations } },
		default: '[\n  { "name": "编辑审核 Editor", "approvers": ["editor@brand.cn"], "mode": "any" },\n  { "name": "法务审核 Legal", "approvers": ["legal@brand.cn", "pr@brand.cn"], "mode": "all" }\n]',
		description: 'Steps in order. mode "any": one approval completes the step; "all": every approver except the author. Authors never approve their own post.',
	};
}

export function readReviewWorkflow(ctx: IExecuteFunctions, itemIndex: number): ReviewWorkflow {
	const steps = jsonParameter<unknown>(ctx, 'reviewSteps', itemIndex, []);
	if (!Array.isArray(steps)) throw new InputError('Review Steps must be a JSON array of {name, approvers, mode}', 'reviewSteps');
	return { steps: steps as ReviewWorkflow['steps'] };
}

/** The approval secret: from the MediaOps Approval credential, or from the node's parameter. */
export async function readApprovalSecret(ctx: IExecuteFunctions, itemIndex: number, secrets: Array<string | undefined>): Promise<string> {
	const source = ctx.getNodeParameter('secretSource', itemIndex, 'credential') as string;
	const secret =
		source === 'credential'
			? String((await ctx.getCredentials('mediaOpsApprovalApi', itemIndex)).secret ?? '')
			: String(ctx.getNodeParameter('approvalSecret', itemIndex, '') ?? '');
	secrets.push(secret);
	if (secret.length < 16) throw new InputError('the approval secret must be at least 16 characters (set it in the MediaOps Approval credential)', 'secret');
	return secret;
}

export function secretProperties(operations: string[]): INodeProperties[] {
	return [
		{
			displayName: 'Secret Source',
			name: 'secretSource',
			type: 'options',
			displayOptions: { show: { operation: operations } },
			options: [
				{ name: 'Credential', value: 'credential', description: 'The MediaOps Approval credential (recommended)' },
				{ name: 'Parameter', value: 'parameter', description: 'A secret typed here' },
			],
			default: 'credential',
		},
		{
			displayName: 'Approval Secret',
			name: 'approvalSecret',
			type: 'string',
			typeOptions: { password: true },
			displayOptions: { show: { operation: operations, secretSource: ['parameter'] } },
			default: '',
			description: 'At least 16 characters; the same secret must sign and verify',
		},
	];
}
