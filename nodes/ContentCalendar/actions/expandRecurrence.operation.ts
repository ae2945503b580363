import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { InputError } from '../../../lib/errors';
import { expandRecurrence, materializeOccurrences, type OccurrenceOverride } from '../../../lib/schedule';
import { jsonParameter, postOutput, readPost, referenceTime, type PostOutputFormat } from '../../shared/posts';

const show = { show: { operation: ['expandRecurrence'] } };

export const properties: INodeProperties[] = [
	{
		displayName: 'From',
		name: 'rangeFrom',
		type: 'string',
		displayOptions: show,
		default: '',
		placeholder: '2026-03-01T00:00:00+08:00',
		description: 'Start of the window (ISO instant with offset); empty = now',
	},
	{
		displayName: 'Days Ahead',
		name: 'daysAhead',
		type: 'number',
		typeOptions: { minValue: 1 },
		displayOptions: show,
		default: 14,
		description: 'Length of the window',
	},
	{
		displayName: 'Occurrence Edits (JSON)',
		name: 'overrides',
		type: 'json',
		displayOptions: show,
		default: '{}',
		description:
			'Skip or edit single occurrences, keyed by the occurrence’s original instant: {"2026-03-09T09:00:00-04:00": {"skip": true}} or {"…": {"at": "…", "title": "…"}}. Edits stored in the post’s recurrence.overrides apply too.',
	},
];

/**
 * Expand Recurrence: one Post per occurrence in the window (id `<id>@<originalAt>`, so each occurrence has
 * its own idempotency key), computed in the post's own zone in wall-clock time, correct across DST.
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const post = readPost(ctx, itemIndex);
	const fromText = String(ctx.getNodeParameter('rangeFrom', itemIndex, '') ?? '').trim();
	const from = fromText ? new Date(fromText) : referenceTime(ctx, itemIndex);
	if (Number.isNaN(from.getTime())) throw new InputError(`From must be an ISO instant, got "${fromText}"`, 'rangeFrom');
	const days = ctx.getNodeParameter('daysAhead', itemIndex, 14) as number;
	const to = new Date(from.getTime() + days * 86_400_000);
	const overrides = { ...(post.recurrence?.overrides ?? {}), ...jsonParameter<Record<string, OccurrenceOverride>>(ctx, 'overrides', itemIndex, {}) };
	const format = ctx.getNodeParameter('outputFormat', itemIndex, 'post') as PostOutputFormat;
	const range = { from, to, overrides };
	const occurrences = expandRecurrence(post, range);
	return materializeOccurrences(post, range).flatMap((occ, k) =>
		postOutput(occ, format === 'events' ? 'post' : format, { occurrence: { seriesId: post.id, index: occurrences[k].index, originalAt: occurrences[k].originalAt } }),
	);
}
