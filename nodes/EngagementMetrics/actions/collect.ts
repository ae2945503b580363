import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { MetricSnapshot } from '../../../lib/model';
import { InputError } from '../../../lib/errors';
import { lastCompleteDays, type DayRange } from '../../../lib/time/date-range';
import type { MetricsQuery } from '../../../lib/platforms/types';
import { snapshotToRow } from '../../../lib/metrics/snapshot-row';
import type { SecretList } from '../../shared/perItem';
import { createMetricsAdapter } from './platforms';

/** Reads the node's date-range fields for one item; Last N Complete Days ends yesterday in `zone`. */
export function readDayRange(ctx: IExecuteFunctions, itemIndex: number, now: Date, zone: string): DayRange {
	const mode = ctx.getNodeParameter('dateRange', itemIndex) as string;
	if (mode === 'lastDays') {
		const days = ctx.getNodeParameter('lastDays', itemIndex) as number;
		if (!Number.isInteger(days) || days < 1) throw new InputError(`Days must be a whole number ≥ 1, got ${days}`, 'lastDays');
		return lastCompleteDays(days, zone, now);
	}
	const start = toDay(ctx.getNodeParameter('startDate', itemIndex) as string, 'startDate');
	const end = toDay(ctx.getNodeParameter('endDate', itemIndex) as string, 'endDate');
	if (start > end) throw new InputError(`Start Date ${start} is after End Date ${end}`, 'startDate');
	return { start, end };
}

function toDay(value: unknown, field: string): string {
	const match = /^(\d{4}-\d{2}-\d{2})/.exec(String(value ?? '').trim());
	// The pattern alone lets 2026-13-45 through: a real date converts back to itself.
	const day = match?.[1];
	const parsed = day ? Date.parse(`${day}T00:00:00Z`) : NaN;
	if (!day || Number.isNaN(parsed) || new Date(parsed).toISOString().slice(0, 10) !== day) {
		throw new InputError(`${field} must be a calendar date like 2026-03-01, got "${String(value ?? '')}"`, field);
	}
	return day;
}

/**
 * Shared body of both metrics operations: build the adapter, collect, shape the output. Days are read in the
 * platform's own zone where it has one (`adapter.dayZone`: China time for WeChat, Weibo, Douyin, Bilibili), else
 * in the workflow's time zone (Mastodon, Bluesky, X, YouTube), never the process zone.
 */
export async function collectMetrics(
	ctx: IExecuteFunctions,
	itemIndex: number,
	secrets: SecretList,
	collect: (adapter: Awaited<ReturnType<typeof createMetricsAdapter>>, query: MetricsQuery) => Promise<MetricSnapshot[]>,
): Promise<IDataObject[]> {
	const adapter = await createMetricsAdapter(ctx, itemIndex, secrets);
	const timezone = adapter.dayZone ?? ctx.getTimezone();
	const range = readDayRange(ctx, itemIndex, new Date(), timezone);
	const snapshots = await collect(adapter, { range, timezone });
	const output = ctx.getNodeParameter('output', itemIndex, 'snapshot') as string;
	return snapshots.map((s) => (output === 'row' ? snapshotToRow(s) : (s as unknown as IDataObject)));
}
