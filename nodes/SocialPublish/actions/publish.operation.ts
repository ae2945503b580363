import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { checkCompliance, type ComplianceResult } from '../../../lib/compliance';
import type { Post, PostStatus } from '../../../lib/model';
import { keyFor, publishOnce, type PublishState } from '../../../lib/publish/run';
import type { TargetResult } from '../../../lib/publish/types';
import { createLifecycleEvent } from '../../../lib/schedule/events';
import { complianceProperties, readComplianceOptions } from '../../shared/compliance';
import type { SecretList } from '../../shared/perItem';
import { postOutput, readPost, type PostOutputFormat } from '../../shared/posts';
import { createPublishAdapter, NODE_PLATFORMS } from './adapters';

const ACTOR = 'mediaops:publisher';

export const properties: INodeProperties[] = [
	{
		displayName: 'Dry Run',
		name: 'dryRun',
		type: 'boolean',
		default: false,
		description: 'Whether to only validate (compliance, platform limits, account) without posting anything',
	},
	{
		displayName: 'Check Compliance Before Publishing',
		name: 'checkBeforePublishing',
		type: 'boolean',
		default: true,
		description:
			'Whether to block posts with compliance errors (Advertising Law terms, limits, required media). A post that already carries a failed `compliance` result from Content Calendar is always blocked.',
	},
	...complianceProperties({ show: { checkBeforePublishing: [true] } }),
	{
		displayName: 'Wait for Final Status (Seconds)',
		name: 'maxWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 60,
		displayOptions: { show: { '/platform': ['wechatOa'] } },
		description: 'How long to poll WeChat freepublish/get. Still publishing after that: the post stays “publishing” and the next run reads it back.',
	},
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollIntervalSeconds',
		type: 'number',
		displayOptions: { show: { '/platform': ['wechatOa'] } },
		typeOptions: { minValue: 0.1 },
		default: 3,
	},
];

const POST_STATUS: Record<TargetResult['status'], PostStatus | undefined> = {
	published: 'published',
	partial: 'published',
	failed: 'failed',
	publishing: 'publishing',
	pending: undefined,
};

function blocked(post: Post, key: string, compliance: ComplianceResult, now: Date): TargetResult {
	const errors = compliance.findings.filter((f) => f.severity === 'error' || compliance.passed === false);
	return {
		platform: post.platform,
		account: post.account,
		key,
		status: 'failed',
		outcome: 'compliance_failed',
		message: `合规检查未通过，未发布 / blocked by the compliance check, not published: ${errors.map((f) => f.message).join('; ')}`,
		error: { code: 'compliance', message: `${compliance.errors} error(s), ${compliance.warnings} warning(s)`, raw: compliance.findings },
		at: now.toISOString(),
	};
}

/**
 * Publish: one post per item to its platform, at most once per (post, version, target) across retries,
 * duplicates and concurrent runs (ledger in workflow static data + read-back). The post comes back with
 * its new status, `externalId` and `url`, a history entry, `publish: { status, targets[] }` (the platform's
 * raw error kept) and the `published` / `failed` lifecycle event.
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number, secrets: SecretList): Promise<IDataObject[]> {
	const post = readPost(ctx, itemIndex);
	const now = new Date();
	const key = keyFor(post);
	const dryRun = ctx.getNodeParameter('dryRun', itemIndex, false) as boolean;
	const format = ctx.getNodeParameter('outputFormat', itemIndex, 'post') as PostOutputFormat;
	const given = (ctx.getInputData()[itemIndex].json.compliance ?? undefined) as ComplianceResult | undefined;
	const compliance = ctx.getNodeParameter('checkBeforePublishing', itemIndex, true) ? checkCompliance(post, readComplianceOptions(ctx, itemIndex)) : undefined;
	const failedCheck = given?.passed === false ? given : compliance?.passed === false ? compliance : undefined;

	let result: TargetResult;
	const nodePlatform = NODE_PLATFORMS[ctx.getNodeParameter('platform', itemIndex) as string];
	const made = post.platform === nodePlatform ? await createPublishAdapter(ctx, itemIndex, secrets) : undefined;
	const base = { platform: post.platform, account: post.account, key, at: now.toISOString() };
	if (!made) {
		result = {
			...base,
			status: 'failed',
			outcome: 'unsupported_platform',
			message: `此节点发布到 ${nodePlatform}，内容平台为 ${post.platform} / this node publishes to ${nodePlatform}, the post is for ${post.platform}: route it to a Social Publish node for that platform`,
			error: { code: 'unsupported_platform', message: post.platform },
		};
	} else if (!made.accounts.includes(post.account)) {
		result = { ...base, status: 'failed', outcome: 'wrong_account', message: `内容属于账号 "${post.account}"，凭证是 "${made.accounts.join('" / "')}" / the post is for account "${post.account}" but the credential publishes to "${made.accounts.join('" / "')}"`, error: { code: 'wrong_account', message: post.account } };
	} else if (failedCheck) {
		result = blocked(post, key, failedCheck, now);
	} else if (dryRun) {
		result = { ...base, status: 'pending', outcome: 'dry_run_ok', message: '试运行：校验通过，未发布 / dry run: all checks passed, nothing was posted' };
	} else {
		const staticData = ctx.getWorkflowStaticData('node');
		staticData.publishLedger ??= {};
		result = await publishOnce(post, made.adapter, staticData.publishLedger as PublishState, { executionId: ctx.getExecutionId() ?? `run-${now.getTime()}`, now: () => new Date() });
	}

	// A transient failure keeps the post's status, so the next run tries again (reading back first).
	const toStatus = dryRun ? undefined : result.retryable ? post.status : POST_STATUS[result.status];
	const next: Post = toStatus
		? {
				...post,
				status: toStatus,
				...(result.externalId && toStatus === 'published' ? { externalId: result.externalId } : {}),
				...(result.url && toStatus === 'published' ? { url: post.url ?? result.url } : {}),
				history:
					toStatus === post.status && result.outcome === 'already_published'
						? post.history
						: [...post.history, { at: result.at, actor: ACTOR, action: `publish:${result.outcome}`, fromStatus: post.status, toStatus, version: post.version, comment: result.message }],
			}
		: post;
	const eventType = toStatus === 'published' && result.outcome !== 'already_published' ? 'published' : result.status === 'failed' ? 'failed' : undefined;
	const event = eventType
		? createLifecycleEvent(eventType, next, result.at, ACTOR, { key, outcome: result.outcome, message: result.message, externalId: result.externalId, url: result.url, error: result.error ? { code: result.error.code, message: result.error.message } : undefined, retryable: result.retryable ?? false })
		: undefined;
	const publish = { status: result.status, key, dryRun, targets: [result] } as unknown as IDataObject;
	const errorText = result.error ? `[${result.error.code}] ${result.message}` : null;
	return postOutput(next, format, { publish, ...(compliance ? { compliance: compliance as unknown as IDataObject } : {}) }, event, { publishStatus: result.status, publishError: errorText, publishKey: key });
}
