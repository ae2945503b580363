import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { expandRecurrence, materializeOccurrences, parseWindowStart, recurrenceWindow, type OccurrenceOverride } from '../../../lib/schedule';
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
		description: 'Start of the window: an ISO instant with offset, or a date (yyyy-MM-dd, midnight in the post’s time zone); empty = now',
	},
	{
		displayName: 'Days Ahead',
		name: 'daysAhead',
		type: 'number',
		typeOptions: { minValue: 1 },
		displayOptions: show,
		default: 14,
		description: 'Length of the window in calendar days of the post’s time zone (across a DST change the end keeps From’s local time)',
	},
	{
		displayName: 'Occurrence Edits (JSON)',
		name: 'overrides',
		type: 'json',
		displayOptions: show,
		default: '{}',
		description:
			'Skip or edit single occurrences, keyed by the occurrence’s original instant: {"2026-03-09T09:00:00-04:00": {"skip": true}} or {"…": {"at": "…", "title": "…"}}. Edits stored in the post’s recurrence.overrides apply too. The window reads the edited time: a moved occurrence comes out where it lands.',
	},
];

/**
 * Expand Recurrence: one Post per occurrence in the window (id `<id>@<originalAt>`, so each occurrence has
 * its own idempotency key), computed in the post's own zone in wall-clock time, correct across DST. The window
 * is From plus Days Ahead calendar days in that zone, and edits are applied before it is read.
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const post = readPost(ctx, itemIndex);
	const fromText = String(ctx.getNodeParameter('rangeFrom', itemIndex, '') ?? '').trim();
	const from = fromText ? parseWindowStart(fromText, post.timezone) : referenceTime(ctx, itemIndex);
	const days = ctx.getNodeParameter('daysAhead', itemIndex, 14) as number;
	// expandRecurrence applies the post's own recurrence.overrides under these.
	const overrides = jsonParameter<Record<string, OccurrenceOverride>>(ctx, 'overrides', itemIndex, {});
	const format = ctx.getNodeParameter('outputFormat', itemIndex, 'post') as PostOutputFormat;
	const range = { ...recurrenceWindow(from, days, post.timezone), overrides };
	const occurrences = expandRecurrence(post, range);
	return materializeOccurrences(post, range).flatMap((occ, k) =>
		postOutput(occ, format === 'events' ? 'post' : format, { occurrence: { seriesId: post.id, index: occurrences[k].index, originalAt: occurrences[k].originalAt } }),
	);
}
