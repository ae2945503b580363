import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { InputError } from '../../../lib/errors';
import { reviewPost, reviewProgress, type ReviewAction } from '../../../lib/schedule';
import { postOutput, readPost, referenceTime, type PostOutputFormat } from '../../shared/posts';
import { readReviewWorkflow, reviewStepsProperty } from './reviewSteps';

const show = { show: { operation: ['review'] } };

export const properties: INodeProperties[] = [
	{
		displayName: 'Decision',
		name: 'decision',
		type: 'options',
		displayOptions: show,
		options: [
			{ name: 'Submit for Review', value: 'submit' },
			{ name: 'Approve', value: 'approve' },
			{ name: 'Reject', value: 'reject' },
			{ name: 'Request Changes', value: 'request_changes' },
		],
		default: 'submit',
	},
	{
		displayName: 'Actor',
		name: 'actor',
		type: 'string',
		required: true,
		displayOptions: show,
		default: '',
		placeholder: 'editor@brand.cn',
		description: 'Who decides (recorded in the post’s history)',
	},
	{
		displayName: 'Reviewed Version',
		name: 'reviewedVersion',
		type: 'number',
		displayOptions: show,
		default: 0,
		description: 'The post version the reviewer saw; a decision on an older version is refused. 0 = the item’s current version.',
	},
	{
		displayName: 'Comment',
		name: 'comment',
		type: 'string',
		displayOptions: show,
		default: '',
	},
	reviewStepsProperty(['review']),
];

/** Review: one decision per item, recorded in the post's history, with the lifecycle event. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const post = readPost(ctx, itemIndex);
	const action = ctx.getNodeParameter('decision', itemIndex) as ReviewAction;
	const actor = String(ctx.getNodeParameter('actor', itemIndex, '') ?? '').trim();
	if (!actor) throw new InputError('Actor is required: who makes this decision', 'actor');
	const version = Number(ctx.getNodeParameter('reviewedVersion', itemIndex, 0)) || post.version;
	const comment = String(ctx.getNodeParameter('comment', itemIndex, '') ?? '').trim() || undefined;
	const workflow = readReviewWorkflow(ctx, itemIndex);
	const { post: next, event } = reviewPost(post, { actor, action, comment, version: action === 'submit' ? undefined : Number(version), at: referenceTime(ctx, itemIndex) }, workflow);
	const format = ctx.getNodeParameter('outputFormat', itemIndex, 'post') as PostOutputFormat;
	return postOutput(next, format, { review: reviewProgress(next, workflow) as unknown as IDataObject }, event);
}
