import { DateTime } from 'luxon';
import { InputError } from '../errors';
import type { Post, Recurrence } from '../model';
import { atWallClock, parseInstant, requireZone, toInstantString, Weekday, WEEKDAYS } from './wall-clock';

/** A change to one occurrence, keyed by that occurrence's original instant. */
export interface OccurrenceOverride {
	/** Move this occurrence to another instant. */
	at?: string;
	title?: string;
	body?: string;
	/** Drop this occurrence (same as listing it in `recurrence.exceptions`). */
	skip?: boolean;
}

export interface RecurrenceRange {
	/**
	 * Inclusive bounds on where occurrences happen after edits (ISO with offset, or Date): an occurrence moved
	 * out of the window is left out, one moved into it from outside comes in. See `recurrenceWindow` for a
	 * window of local days.
	 */
	from: string | Date;
	to: string | Date;
	/**
	 * Per-occurrence edits, keyed by the original instant in any offset, on top of the post's own
	 * `recurrence.overrides` (these win for the same instant).
	 */
	overrides?: Record<string, OccurrenceOverride>;
	/** Stop after this many occurrences in range (a guard for open-ended series). Default 10,000. */
	limit?: number;
}

export interface Occurrence {
	/** 0-based position in the whole series (exceptions keep their number, as in RFC 5545 COUNT). */
	index: number;
	/** The series' own instant for this occurrence: the key for exceptions and overrides. */
	originalAt: string;
	/** Where it actually happens (differs from `originalAt` when overridden). */
	at: string;
	override?: OccurrenceOverride;
}

const MAX_STEPS = 200_000;

function toMillis(v: string | Date, field: string): number {
	if (v instanceof Date) return v.getTime();
	return parseInstant(v, 'UTC', field).toMillis();
}

function byDayIndexes(rule: Recurrence, start: DateTime): number[] {
	const days: readonly Weekday[] = rule.byDay?.length ? rule.byDay : [WEEKDAYS[start.weekday - 1]];
	return [...new Set(days.map((d) => WEEKDAYS.indexOf(d)))].sort((a, b) => a - b);
}

/** Candidate local days of the series, in order, starting on or after the first day. */
function* candidateDays(rule: Recurrence, start: DateTime): Generator<DateTime> {
	const interval = rule.interval ?? 1;
	const first = start.startOf('day');
	const weekdays = byDayIndexes(rule, start);
	for (let n = 0; n < MAX_STEPS; n++) {
		if (rule.freq === 'daily') {
			const day = first.plus({ days: n * interval });
			if (!rule.byDay?.length || weekdays.includes(day.weekday - 1)) yield day;
		} else if (rule.freq === 'weekly') {
			const monday = first.minus({ days: first.weekday - 1 }).plus({ weeks: n * interval });
			for (const i of weekdays) {
				const day = monday.plus({ days: i });
				if (day >= first) yield day;
			}
		} else {
			const month = first.startOf('month').plus({ months: n * interval });
			if (rule.byDay?.length) {
				// Every listed weekday of the month (RFC 5545 BYDAY without an ordinal in a MONTHLY rule).
				for (let d = month; d.month === month.month; d = d.plus({ days: 1 })) {
					if (d >= first && weekdays.includes(d.weekday - 1)) yield d;
				}
			} else if (start.day <= month.daysInMonth!) {
				// Months without that day (31st, 30th, 29 Feb) are skipped, as RFC 5545 does.
				yield month.set({ day: start.day });
			}
		}
	}
}

/**
 * A window of `days` calendar days from `from` in `zone`: the end is the same wall-clock time `days` local days
 * later (luxon `plus({ days })`), so a window over a DST change is 23 or 25 hours longer or shorter than whole
 * 24-hour blocks would make it, and 09:00 on the last day is still inside.
 */
export function recurrenceWindow(from: Date, days: number, zone: string): { from: Date; to: Date } {
	if (!(days >= 0)) throw new InputError(`days must be a non-negative number, got ${days}`, 'daysAhead');
	const start = DateTime.fromMillis(from.getTime(), { zone: requireZone(zone) });
	return { from, to: start.plus({ days }).toJSDate() };
}

/**
 * The start of a window as typed: an ISO instant with an offset, or a date (`2026-03-01`) meaning midnight in
 * `zone`. A date-time without an offset is refused rather than read in the process zone.
 */
export function parseWindowStart(text: string, zone: string, field = 'rangeFrom'): Date {
	const value = text.trim();
	if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
		const day = DateTime.fromISO(value, { zone: requireZone(zone) });
		if (day.isValid) return day.toJSDate();
	} else if (/(Z|[+-]\d{2}:?\d{2})$/i.test(value)) {
		const instant = DateTime.fromISO(value, { setZone: true });
		if (instant.isValid) return instant.toJSDate();
	}
	throw new InputError(`From must be an ISO instant with an offset (2026-03-01T00:00:00+08:00) or a date (2026-03-01), got "${text}"`, field);
}

function overrideIndex(overrides: Record<string, OccurrenceOverride> | undefined): Map<number, OccurrenceOverride> {
	const map = new Map<number, OccurrenceOverride>();
	for (const [key, value] of Object.entries(overrides ?? {})) map.set(toMillis(key, `overrides.${key}`), value);
	return map;
}

/**
 * Expands a post's recurrence into occurrences that happen in [from, to] once edits are applied (a moved
 * occurrence counts where it was moved to, a skipped one not at all), in time order. Edits are the post's
 * `recurrence.overrides` and `range.overrides`; Plan relies on this to see which slots a series holds. The series starts at `post.scheduledAt` and repeats that wall-clock time in `post.timezone`, so
 * 09:00 America/New_York stays 09:00 local across DST changes. DST policy is `atWallClock`'s: a time
 * in the spring gap moves forward by the gap, an ambiguous autumn time takes the first occurrence.
 * `count` counts every generated occurrence including exceptions (RFC 5545); `until` is inclusive.
 */
export function expandRecurrence(post: Pick<Post, 'scheduledAt' | 'timezone' | 'recurrence'>, range: RecurrenceRange): Occurrence[] {
	const rule = post.recurrence;
	if (!post.scheduledAt) throw new InputError('a recurring post needs scheduledAt (the first occurrence)', 'scheduledAt');
	const zone = requireZone(post.timezone);
	const start = parseInstant(post.scheduledAt, zone, 'scheduledAt');
	const fromMs = toMillis(range.from, 'from');
	const toMs = toMillis(range.to, 'to');
	if (!rule) return start.toMillis() >= fromMs && start.toMillis() <= toMs ? [{ index: 0, originalAt: toInstantString(start), at: toInstantString(start) }] : [];
	const untilMs = rule.until ? toMillis(rule.until, 'recurrence.until') : Infinity;
	const skipped = new Set((rule.exceptions ?? []).map((e) => toMillis(e, 'recurrence.exceptions')));
	// Stored edits first, so the caller's edit wins for the same instant whatever offset either key is written in.
	const overrides = overrideIndex({ ...rule.overrides, ...range.overrides });
	// An occurrence after the window may be moved into it: walk the series up to the last one an edit moves into
	// the window (an edit moving one elsewhere must not make every Plan run walk to it).
	const movedIn = (o: OccurrenceOverride, key: number) => {
		const to = o.at && !o.skip ? parseInstant(o.at, zone, `overrides.${new Date(key).toISOString()}.at`).toMillis() : NaN;
		return to >= fromMs && to <= toMs;
	};
	const lastMoved = Math.max(-Infinity, ...[...overrides].filter(([key, o]) => movedIn(o, key)).map(([key]) => key));
	const limit = range.limit ?? 10_000;
	const out: Array<Occurrence & { ms: number }> = [];
	let index = 0;
	for (const day of candidateDays(rule, start)) {
		const at = atWallClock(day, start.hour, start.minute, zone).set({ second: start.second });
		const ms = at.toMillis();
		if (ms < start.toMillis()) continue;
		if (ms > untilMs || (ms > toMs && ms > lastMoved) || (rule.count !== undefined && index >= rule.count) || out.length >= limit) break;
		const n = index++;
		const override = overrides.get(ms);
		if (skipped.has(ms) || override?.skip) continue;
		const originalAt = toInstantString(at);
		const moved = override?.at ? parseInstant(override.at, zone, `overrides.${originalAt}.at`) : at;
		if (moved.toMillis() < fromMs || moved.toMillis() > toMs) continue;
		const occurrence: Occurrence = override ? { index: n, originalAt, at: toInstantString(moved), override } : { index: n, originalAt, at: originalAt };
		out.push({ ...occurrence, ms: moved.toMillis() });
	}
	return out.sort((a, b) => a.ms - b.ms || a.index - b.index).map(({ ms: _ms, ...occurrence }) => occurrence);
}

/**
 * One concrete post per occurrence in range, ready for Get Due and publishing: id `<id>@<originalAt>`
 * (stable, so idempotency keys differ per occurrence), no recurrence, overridden title/body applied.
 */
export function materializeOccurrences(post: Post, range: RecurrenceRange): Post[] {
	return expandRecurrence(post, range).map((o) => ({
		...post,
		id: `${post.id}@${o.originalAt}`,
		scheduledAt: o.at,
		recurrence: undefined,
		title: o.override?.title ?? post.title,
		body: o.override?.body ?? post.body,
	}));
}
