import { DateTime } from 'luxon';
import { InputError } from '../errors';
import { isValidTimeZone } from '../model';

/** RFC 5545 weekday codes, Monday first (ISO weekday 1..7). */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export function weekdayOf(dt: DateTime): Weekday {
	return WEEKDAYS[dt.weekday - 1];
}

/** Parses `HH:mm` (24 h) into hour and minute. */
export function parseClock(clock: string, field = 'slot'): { hour: number; minute: number } {
	const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(clock.trim());
	if (!m) throw new InputError(`${field} must be a wall-clock time HH:mm, got "${clock}"`, field);
	return { hour: Number(m[1]), minute: Number(m[2]) };
}

export function requireZone(zone: string, field = 'timezone'): string {
	if (!isValidTimeZone(zone)) throw new InputError(`${field} must be an IANA time zone such as Asia/Shanghai, got "${zone}"`, field);
	return zone;
}

/** Parses an ISO instant (with offset) into a DateTime shown in `zone`; never uses the process zone. */
export function parseInstant(iso: string, zone: string, field = 'instant'): DateTime {
	const dt = DateTime.fromISO(iso, { setZone: true });
	if (!dt.isValid || !/(Z|[+-]\d{2}:?\d{2})$/.test(iso)) throw new InputError(`${field} must be an ISO instant with an offset, got "${iso}"`, field);
	return dt.setZone(zone);
}

/** Spec-defined ISO instants (ECMAScript date-time string format with an offset) that Date.parse reads exactly. */
const PLAIN_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Epoch ms of an ISO instant with an offset: Date.parse for the common form, luxon for the rest. */
export function instantMillis(iso: string, field = 'instant'): number {
	if (PLAIN_INSTANT.test(iso)) {
		const ms = Date.parse(iso);
		if (!Number.isNaN(ms)) return ms;
	}
	return parseInstant(iso, 'UTC', field).toMillis();
}

export function fromDate(now: Date, zone: string): DateTime {
	return DateTime.fromMillis(now.getTime(), { zone });
}

/**
 * The instant at which the wall clock in `zone` shows `hour:minute` on the calendar day of `day`.
 * DST policy (one place for the whole package):
 * - a time that does not exist (spring-forward gap) moves forward by the length of the gap,
 *   e.g. 02:30 on 2026-03-08 in America/New_York becomes 03:30 EDT (luxon's own rule);
 * - a time that exists twice (autumn overlap) takes the first occurrence, the earlier offset,
 *   e.g. 01:30 on 2026-11-01 in America/New_York is 01:30 EDT (-04:00), not EST.
 */
export function atWallClock(day: DateTime, hour: number, minute: number, zone: string): DateTime {
	const dt = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone });
	const options = dt.getPossibleOffsets();
	return options.length > 1 ? options.reduce((a, b) => (b.toMillis() < a.toMillis() ? b : a)).setZone(zone) : dt;
}

/** ISO instant with the zone's offset, seconds kept, no milliseconds: stable output for items. */
export function toInstantString(dt: DateTime): string {
	return dt.toISO({ suppressMilliseconds: true })!;
}

/** `kkkk-Www`: the ISO week a local day belongs to (cadence targets are per ISO week). */
export function isoWeekKey(dt: DateTime): string {
	return dt.toFormat("kkkk-'W'WW");
}
