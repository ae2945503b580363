import { DateTime } from 'luxon';
import { InputError } from '../errors';

/** An inclusive range of calendar days (yyyy-MM-dd) in some time zone. */
export interface DayRange {
	start: string;
	end: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseDay(day: string, field = 'date'): DateTime {
	const dt = DAY.test(day) ? DateTime.fromISO(day, { zone: 'UTC' }) : DateTime.invalid('format');
	if (!dt.isValid) throw new InputError(`${field} must be a calendar date yyyy-MM-dd, got "${day}"`, field);
	return dt;
}

/** Every day of the range, in order. */
export function eachDay(range: DayRange): string[] {
	const days: string[] = [];
	const end = parseDay(range.end, 'end');
	for (let d = parseDay(range.start, 'start'); d <= end; d = d.plus({ days: 1 })) days.push(d.toISODate()!);
	return days;
}

/**
 * Splits a range into consecutive spans of at most `maxDays` days, covering every day exactly once
 * (platforms such as WeChat datacube reject longer spans).
 */
export function splitDayRange(range: DayRange, maxDays: number): DayRange[] {
	if (!Number.isInteger(maxDays) || maxDays < 1) throw new InputError(`maxDays must be a positive integer, got ${maxDays}`);
	const start = parseDay(range.start, 'start');
	const end = parseDay(range.end, 'end');
	if (start > end) throw new InputError(`start ${range.start} is after end ${range.end}`, 'start');
	const spans: DayRange[] = [];
	for (let s = start; s <= end; s = s.plus({ days: maxDays })) {
		const e = DateTime.min(s.plus({ days: maxDays - 1 }), end);
		spans.push({ start: s.toISODate()!, end: e.toISODate()! });
	}
	return spans;
}

/** Today's calendar date in `zone` at instant `now` (never the process time zone). */
export function todayIn(zone: string, now: Date): string {
	return DateTime.fromJSDate(now, { zone }).toISODate()!;
}

export function addDays(day: string, n: number): string {
	return parseDay(day).plus({ days: n }).toISODate()!;
}

/**
 * Resolves a relative range such as "the last 7 complete days" in `zone`:
 * `lastDays(7)` on 2026-03-10 gives 2026-03-03 .. 2026-03-09.
 */
export function lastCompleteDays(days: number, zone: string, now: Date): DayRange {
	const yesterday = addDays(todayIn(zone, now), -1);
	return { start: addDays(yesterday, -(days - 1)), end: yesterday };
}

