import type { MetricSnapshot } from '../../../lib/model';

/** A daily snapshot with the fields every test repeats filled in. */
export function snap(day: string, fields: Partial<MetricSnapshot> & Pick<MetricSnapshot, 'platform' | 'accountId'>): MetricSnapshot {
	return { periodStart: day, periodEnd: day, timezone: 'Asia/Shanghai', window: 'day', collectedAt: `${day}T20:00:00+08:00`, source: 'test', ...fields };
}

/** Consecutive days from `start`. */
export function days(start: string, n: number): string[] {
	const t = Date.parse(`${start}T00:00:00Z`);
	return Array.from({ length: n }, (_, i) => new Date(t + i * 86_400_000).toISOString().slice(0, 10));
}
