import { METRIC_COUNTERS, type MetricSnapshot } from '../model';

/**
 * A flat row for tables (n8n Data Tables, Postgres, sheets): scalar columns only, `extra` and `rates` as JSON
 * text, and a `key` that identifies the observation so re-collecting a day upserts instead of duplicating.
 */
export type SnapshotRow = Record<string, string | number | null>;

export const SNAPSHOT_ROW_COLUMNS = [
	'key',
	'platform',
	'accountId',
	'accountName',
	'postId',
	'postTitle',
	'publishedAt',
	'periodStart',
	'periodEnd',
	'timezone',
	'window',
	...METRIC_COUNTERS,
	'completionRate',
	'avgWatchSeconds',
	'rates',
	'extra',
	'collectedAt',
	'source',
] as const;

export function snapshotKey(s: Pick<MetricSnapshot, 'platform' | 'accountId' | 'postId' | 'periodStart' | 'periodEnd' | 'window'>): string {
	return [s.platform, s.accountId, s.postId ?? '-', s.window, s.periodStart, s.periodEnd].join('|');
}

export function snapshotToRow(s: MetricSnapshot): SnapshotRow {
	const row: SnapshotRow = {};
	for (const col of SNAPSHOT_ROW_COLUMNS) {
		if (col === 'key') row.key = snapshotKey(s);
		else if (col === 'extra' || col === 'rates') row[col] = s[col] ? JSON.stringify(s[col]) : null;
		else {
			const v = s[col as keyof MetricSnapshot];
			row[col] = v === undefined ? null : (v as string | number);
		}
	}
	return row;
}

/** The inverse of snapshotToRow, for rows read back from a table. */
export function rowToSnapshot(row: Record<string, unknown>): MetricSnapshot {
	const s: Record<string, unknown> = {};
	for (const col of SNAPSHOT_ROW_COLUMNS) {
		if (col === 'key') continue;
		const v = row[col];
		if (v === null || v === undefined || v === '') continue;
		s[col] = col === 'extra' || col === 'rates' ? (typeof v === 'string' ? JSON.parse(v) : v) : v;
	}
	return s as MetricSnapshot;
}
