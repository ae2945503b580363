import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { Post } from '../../../lib/model';
import { keyFor } from '../../../lib/publish/run';
import type { TargetResult } from '../../../lib/publish/types';
import { createLifecycleEvent } from '../../../lib/schedule/events';
import type { SecretList } from '../../shared/perItem';
import { postOutput, readPost, type PostOutputFormat } from '../../shared/posts';
import { createPublishAdapter, NODE_PLATFORMS } from './adapters';

const ACTOR = 'mediaops:publisher';

export const properties: INodeProperties[] = [
	{
		displayName:
			'Asks the platform whether each published post is still up (WeChat freepublish/getarticle, Bluesky getRecord). A post removed after publishing (deleted by a user, blocked by the platform) becomes failed with the cause and a failed event; the others pass through unchanged.',
		name: 'checkNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { operation: ['checkPublished'] } },
	},
];

/** Check Published: catches posts reported published that are no longer there. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number, secrets: SecretList): Promise<IDataObject[]> {
	const post = readPost(ctx, itemIndex);
	const key = keyFor(post);
	const format = ctx.getNodeParameter('outputFormat', itemIndex, 'post') as PostOutputFormat;
	const at = new Date().toISOString();
	const base = { platform: post.platform, account: post.account, key, at };
	let result: TargetResult;
	const made = post.platform === NODE_PLATFORMS[ctx.getNodeParameter('platform', itemIndex) as string] ? await createPublishAdapter(ctx, itemIndex, secrets) : undefined;
	if (!made) result = { ...base, status: 'pending', outcome: 'unsupported_platform', message: `此节点不检查 ${post.platform} / this node does not check ${post.platform} posts` };
	else if (!made.adapter.checkPublished) result = { ...base, status: 'pending', outcome: 'check_unsupported', message: `${post.platform} 暂不支持发布后检查 / checking after publishing is not supported for ${post.platform} yet` };
	else if (post.status !== 'published') result = { ...base, status: 'pending', outcome: 'not_published', message: `状态为 ${post.status}，未检查 / status is ${post.status}, not checked` };
	else result = { ...base, ...(await made.adapter.checkPublished(post, key)) };

	const removed = result.outcome === 'removed_after_publishing';
	const next: Post = removed
		? { ...post, status: 'failed', history: [...post.history, { at, actor: ACTOR, action: `check:${result.outcome}`, fromStatus: post.status, toStatus: 'failed', version: post.version, comment: result.message }] }
		: post;
	const event = removed ? createLifecycleEvent('failed', next, at, ACTOR, { key, outcome: result.outcome, message: result.message, externalId: post.externalId, error: result.error ? { code: result.error.code, message: result.error.message } : undefined }) : undefined;
	const publish = { status: result.status, key, check: true, targets: [result] } as unknown as IDataObject;
	return postOutput(next, format, { publish }, event, removed ? { publishStatus: 'failed', publishError: `[${result.error?.code ?? 'removed'}] ${result.message}`, publishKey: key } : { publishStatus: 'published', publishError: null, publishKey: key });
}
