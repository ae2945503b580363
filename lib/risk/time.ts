import { DateTime } from 'luxon';
import { InputError } from '../errors';
import { isValidTimeZone } from '../model';

/** An instant given as ISO-8601 with offset, epoch ms or Date; never read from the process clock or zone. */
export type InstantLike = string | number | Date;

export function toMillis(value: InstantLike, field: string): number {
	const ms = typeof value === 'number' ? value : value instanceof Date ? value.getTime() : Date.parse(value);
	if (!Number.isFinite(ms)) throw new InputError(`${field} must be an ISO-8601 instant with offset, epoch ms or Date`, field);
	if (typeof value === 'string' && !/(Z|[+-]\d{2}:?\d{2})$/.test(value)) throw new InputError(`${field} needs a time zone offset, e.g. 2026-03-01T09:00:00+08:00`, field);
	return ms;
}

export function checkZone(zone: string): string {
	if (!isValidTimeZone(zone)) throw new InputError(`unknown IANA time zone "${zone}"`, 'timezone');
	return zone;
}

export function toIso(ms: number, zone: string): string {
	return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) ?? new Date(ms).toISOString();
}

/** "2026-03-01 08:00–09:00 Asia/Shanghai" (or with both dates when the window spans days). */
export function windowLabel(startMs: number, endMs: number, zone: string): string {
	const s = DateTime.fromMillis(startMs, { zone });
	const e = DateTime.fromMillis(endMs, { zone });
	const end = s.hasSame(e, 'day') ? e.toFormat('HH:mm') : e.toFormat('yyyy-MM-dd HH:mm');
	return `${s.toFormat('yyyy-MM-dd HH:mm')}–${end} ${zone}`;
}
