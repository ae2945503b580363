import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { InputError } from '../../../lib/errors';
import { reviewPost, reviewProgress, verifyApprovalToken } from '../../../lib/schedule';
import type { SecretList } from '../../shared/perItem';
import { jsonParameter, postOutput, readPost, referenceTime, type PostOutputFormat } from '../../shared/posts';
import { readApprovalSecret, readReviewWorkflow, reviewStepsProperty, secretProperties } from './reviewSteps';

const show = { show: { operation: ['verifyApproval'] } };

const REASONS: Record<string, string> = {
	malformed: '链接格式错误 / the link is malformed',
	bad_signature: '签名无效 / the signature does not match (tampered, or another secret)',
	expired: '链接已过期 / the link has expired',
	wrong_post: '链接不属于这篇内容 / the link is for another post',
	stale_version: '内容在发出链接后已修改 / the post changed after the link was sent: review the new version',
	wrong_action: '链接不允许此操作 / the link does not allow this decision',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Token',
		name: 'token',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		displayOptions: show,
		default: '={{ $json.query?.token }}',
		description: 'The token from the clicked link (a Wait or Webhook node puts it under query.token)',
	},
	{
		displayName: 'Post',
		name: 'postSource',
		type: 'options',
		displayOptions: show,
		options: [
			{ name: 'Input Item', value: 'input', description: 'The input item is the post (e.g. a calendar row found by the link’s postId)' },
			{ name: 'From Expression', value: 'expression', description: 'The input item is the link request (after a Wait node); the post comes from an earlier node' },
		],
		default: 'input',
	},
	{
		displayName: 'Post (JSON)',
		name: 'postJson',
		type: 'json',
		displayOptions: { show: { operation: ['verifyApproval'], postSource: ['expression'] } },
		default: "={{ $('Create Approval Link').item.json }}",
		description: 'The post the link was made for, e.g. the output of the Create Approval Link node before the Wait node',
	},
	{
		displayName: 'Apply Decision',
		name: 'applyDecision',
		type: 'boolean',
		displayOptions: show,
		default: true,
		description: 'Whether to record the link’s decision on the post (as Review would); otherwise only check the link',
	},
	{
		displayName: 'Comment',
		name: 'verifyComment',
		type: 'string',
		displayOptions: show,
		default: '',
		description: 'Recorded with the decision, e.g. an expression reading the link’s comment query parameter',
	},
	reviewStepsProperty(['verifyApproval']),
	...secretProperties(['verifyApproval']),
];

/** Verify Approval: checks a link's token against the post (signature, expiry, post, version) and applies its decision. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number, secrets: SecretList): Promise<IDataObject[]> {
	const fromExpression = ctx.getNodeParameter('postSource', itemIndex, 'input') === 'expression';
	const post = readPost(ctx, itemIndex, fromExpression ? jsonParameter<IDataObject>(ctx, 'postJson', itemIndex, {}) : undefined);
	const token = String(ctx.getNodeParameter('token', itemIndex, '') ?? '').trim();
	const secret = await readApprovalSecret(ctx, itemIndex, secrets);
	const now = referenceTime(ctx, itemIndex);
	const check = verifyApprovalToken(token, secret, { now, postId: post.id, version: post.version });
	if (!check.valid) throw new InputError(`approval link refused for post ${post.id}: ${REASONS[check.reason]}`, 'token');
	const { claims } = check;
	const format = ctx.getNodeParameter('outputFormat', itemIndex, 'post') as PostOutputFormat;
	const approval = { valid: true, reviewer: claims.actor, decision: claims.action ?? null, version: claims.version, expiresAt: claims.expiresAt };
	if (!(ctx.getNodeParameter('applyDecision', itemIndex, true) as boolean)) return postOutput(post, format === 'events' ? 'post' : format, { approval });
	if (!claims.action) throw new InputError('the link carries no decision (approve or reject): turn off Apply Decision or sign links per decision', 'token');
	const workflow = readReviewWorkflow(ctx, itemIndex);
	const comment = String(ctx.getNodeParameter('verifyComment', itemIndex, '') ?? '').trim() || undefined;
	const { post: next, event } = reviewPost(post, { actor: claims.actor, action: claims.action, version: claims.version, comment, at: now }, workflow);
	return postOutput(next, format, { approval, review: reviewProgress(next, workflow) as unknown as IDataObject }, event);
}
