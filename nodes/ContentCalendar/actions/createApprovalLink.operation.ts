import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { InputError } from '../../../lib/errors';
import { createApprovalToken, reviewerRefusal, reviewProgress, type ReviewAction } from '../../../lib/schedule';
import type { SecretList } from '../../shared/perItem';
import { postOutput, readPost, referenceTime, type PostOutputFormat } from '../../shared/posts';
import { readApprovalSecret, readReviewWorkflow, reviewStepsProperty, secretProperties } from './reviewSteps';

const show = { show: { operation: ['createApprovalLink'] } };

export const properties: INodeProperties[] = [
	{
		displayName: 'Link Base URL',
		name: 'linkBaseUrl',
		type: 'string',
		required: true,
		displayOptions: show,
		default: '={{ $execution.resumeUrl }}',
		description:
			'Where the links point. With a Wait node (Resume: On Webhook Call) keep {{ $execution.resumeUrl }}; with a separate approval workflow use its Webhook URL, e.g. https://n8n.example.com/webhook/mediaops-approval.',
	},
	{
		displayName: 'Reviewer',
		name: 'reviewer',
		type: 'string',
		displayOptions: show,
		default: '',
		placeholder: 'editor@brand.cn',
		description: 'Who the links are for (the decision is recorded as theirs); must be a pending approver of the current step, else the item fails. Empty: the first pending approver of the current step.',
	},
	{
		displayName: 'Expires After (Hours)',
		name: 'expiresInHours',
		type: 'number',
		typeOptions: { minValue: 0.1 },
		displayOptions: show,
		default: 72,
	},
	reviewStepsProperty(['createApprovalLink']),
	...secretProperties(['createApprovalLink']),
];

/**
 * Create Approval Link: signed approve and reject links (HMAC-SHA256, expiry, bound to the post id,
 * version, reviewer and decision) under `approval`. The secret never appears in the output.
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number, secrets: SecretList): Promise<IDataObject[]> {
	const post = readPost(ctx, itemIndex);
	const base = String(ctx.getNodeParameter('linkBaseUrl', itemIndex, '') ?? '').trim();
	if (!/^https?:\/\//i.test(base)) throw new InputError(`Link Base URL must be an http(s) URL, got "${base}"`, 'linkBaseUrl');
	const workflow = readReviewWorkflow(ctx, itemIndex);
	const progress = reviewProgress(post, workflow);
	const reviewer = String(ctx.getNodeParameter('reviewer', itemIndex, '') ?? '').trim() || progress.pending[0];
	if (!reviewer) throw new InputError(`post ${post.id} is ${post.status}, not awaiting a review decision: submit it first`, 'reviewer');
	// Refused here rather than when the link is clicked (not_an_approver, self_review, already_decided).
	const refusal = reviewerRefusal(post, workflow, reviewer);
	if (refusal) throw new InputError(`Item ${itemIndex}: no approval links for reviewer "${reviewer}" on post ${post.id}: ${refusal.message}`, 'reviewer');
	const secret = await readApprovalSecret(ctx, itemIndex, secrets);
	const now = referenceTime(ctx, itemIndex);
	const expiresAt = new Date(now.getTime() + (ctx.getNodeParameter('expiresInHours', itemIndex, 72) as number) * 3_600_000);
	const link = (action: ReviewAction) => {
		const url = new URL(base);
		url.searchParams.set('postId', post.id);
		url.searchParams.set('token', createApprovalToken(post.id, post.version, reviewer, secret, expiresAt, action));
		return url.toString();
	};
	const format = ctx.getNodeParameter('outputFormat', itemIndex, 'post') as PostOutputFormat;
	const approval = { reviewer, step: progress.step ?? null, stepName: progress.stepName ?? null, version: post.version, expiresAt: expiresAt.toISOString(), approveUrl: link('approve'), rejectUrl: link('reject') };
	return postOutput(post, format === 'events' ? 'post' : format, { approval });
}
