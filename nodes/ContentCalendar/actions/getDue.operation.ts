import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { InputError } from '../../../lib/errors';
import type { Platform } from '../../../lib/model';
import { selectDuePosts } from '../../../lib/schedule';
import { toNodeError } from '../../shared/errors';
import { jsonParameter, postOutput, readPostItems, referenceTime, type PostOutputFormat } from '../../shared/posts';

const show = { show: { operation: ['getDue'] } };

export const properties: INodeProperties[] = [
	{
		displayName:
			'Three outputs: <b>Due</b> (publish now, oldest first, within caps), <b>Overdue</b> (late beyond the grace period, still unapproved, or stuck publishing: each with its reason) and <b>Not Due</b> (everything else, with its reason). No post is dropped.',
		name: 'getDueNotice',
		type: 'notice',
		displayOptions: show,
		default: '',
	},
	{
		displayName: 'Grace Period (Minutes)',
		name: 'graceMinutes',
		type: 'number',
		typeOptions: { minValue: 0 },
		displayOptions: show,
		default: 30,
		description: 'How late a post may still go out; later ones go to the Overdue output',
	},
	{
		displayName: 'Max per Run',
		name: 'perRun',
		type: 'number',
		typeOptions: { minValue: 0 },
		displayOptions: show,
		default: 0,
		description: 'At most this many due posts per run (0 = no cap); the rest stay queued',
	},
	{
		displayName: 'Max per Account per Run',
		name: 'perAccount',
		type: 'number',
		typeOptions: { minValue: 0 },
		displayOptions: show,
		default: 0,
		description: 'At most this many per platform and account per run (0 = no cap)',
	},
	{
		displayName: 'Max per Platform per Run (JSON)',
		name: 'perPlatform',
		type: 'json',
		displayOptions: show,
		default: '{}',
		description: 'Per platform ID, e.g. {"x": 2} for a tight X free tier. 0 = no cap, as in Max per Run; platforms not listed are not capped.',
	},
];

/** The core names caps by field; the node's error names the parameter as the user sees it. */
const CAP_LABELS: Record<string, string> = { perRun: 'Max per Run', perAccount: 'Max per Account per Run', perPlatform: 'Max per Platform per Run (JSON)' };

/** Get Due: every post lands in exactly one of the three outputs, each with its reason. */
export async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const { posts, errors } = readPostItems(ctx);
	const format = ctx.getNodeParameter('outputFormat', 0, 'post') as PostOutputFormat;
	try {
		// Passed as typed (an expression can bypass minValue): the core checks for a whole number ≥ 0 and reads 0 as no cap.
		const cap = (name: string) => ctx.getNodeParameter(name, 0, 0) as number;
		const result = selectDuePosts(
			posts.map((p) => p.post),
			{
				now: referenceTime(ctx),
				graceMinutes: ctx.getNodeParameter('graceMinutes', 0, 30) as number,
				caps: { perRun: cap('perRun'), perAccount: cap('perAccount'), perPlatform: jsonParameter<Partial<Record<Platform, number>>>(ctx, 'perPlatform', 0, {}) },
			},
		);
		// Ids are not guaranteed unique across sources: pair by object identity.
		const indexOf = new Map(posts.map((p) => [p.post, p.index]));
		// In row format an overdue post carries its reason in publishStatus / publishError, so an upsert records it.
		const items = (entries: Array<{ post: (typeof posts)[number]['post']; extra: IDataObject }>): INodeExecutionData[] =>
			entries.flatMap(({ post, extra }) => {
				const due = extra.due as IDataObject;
				const columns = due.outcome === 'overdue' ? { publishStatus: 'overdue', publishError: `[${String(due.reason)}] ${String(due.message)}` } : undefined;
				return postOutput(post, format === 'events' ? 'post' : format, extra, undefined, columns).map((json) => ({ json, pairedItem: { item: indexOf.get(post) ?? 0 } }));
			});
		const due = items(result.due.map((post) => ({ post, extra: { due: { outcome: 'due' } } })));
		const overdue = items(result.overdue.map(({ post, reason, minutesLate, message }) => ({ post, extra: { due: { outcome: 'overdue', reason, minutesLate, message } } })));
		const notDue = items(result.notDue.map(({ post, reason, message }) => ({ post, extra: { due: { outcome: 'not_due', reason, message } } })));
		return [[...errors, ...due], overdue, notDue];
	} catch (error) {
		if (error instanceof InputError && error.field && CAP_LABELS[error.field] && error.message.startsWith(error.field)) {
			throw toNodeError(ctx.getNode(), new InputError(CAP_LABELS[error.field] + error.message.slice(error.field.length), error.field), 0);
		}
		throw toNodeError(ctx.getNode(), error, 0);
	}
}
