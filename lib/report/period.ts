import { DateTime } from 'luxon';
import { InputError } from '../errors';
import { isValidTimeZone } from '../model';
import { parseDay } from '../time/date-range';
import type { PeriodKind, PeriodSpec, ResolvedPeriod } from './types';

/**
 * Resolves a report period in `zone` at the injected instant `now` (never the process zone).
 * week = ISO week Monday..Sunday; `previous` (default) is the last complete one, `current` runs to today.
 * The comparison period is the one before of equal length (so totals compare fairly, even for months);
 * "last year" is the same calendar days one year earlier (29 Feb maps to 28 Feb).
 */
export function resolvePeriod(period: PeriodKind | PeriodSpec, zone: string, now: Date): ResolvedPeriod {
	if (!isValidTimeZone(zone)) throw new InputError(`timezone must be an IANA zone such as Asia/Shanghai, got "${zone}"`, 'timezone');
	if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new InputError('now must be a valid Date', 'now');
	const spec: PeriodSpec = typeof period === 'string' ? { kind: period } : period;
	const today = DateTime.fromJSDate(now, { zone }).startOf('day');
	let start: DateTime;
	let end: DateTime;
	if (spec.kind === 'custom') {
		if (!spec.start || !spec.end) throw new InputError('a custom period needs start and end (yyyy-MM-dd)', 'period');
		start = parseDay(spec.start, 'period.start');
		end = parseDay(spec.end, 'period.end');
		if (start > end) throw new InputError(`period start ${spec.start} is after end ${spec.end}`, 'period.start');
	} else if (spec.kind === 'week' || spec.kind === 'month' || spec.kind === 'quarter') {
		const unit = spec.kind;
		const current = today.startOf(unit);
		if ((spec.anchor ?? 'previous') === 'current') {
			start = current;
			end = today;
		} else {
			start = current.minus({ [`${unit}s`]: 1 });
			end = current.minus({ days: 1 });
		}
	} else {
		throw new InputError(`period must be week, month, quarter or custom, got "${String(spec.kind)}"`, 'period');
	}
	const s = start.toISODate()!;
	const e = end.toISODate()!;
	const days = dayNumber(e) - dayNumber(s) + 1;
	const ly = (d: string) => parseDay(d).minus({ years: 1 }).toISODate()!;
	return {
		kind: spec.kind,
		timezone: zone,
		start: s,
		end: e,
		days,
		startInstant: DateTime.fromISO(s, { zone }).toISO()!,
		endInstantExclusive: DateTime.fromISO(e, { zone }).plus({ days: 1 }).toISO()!,
		previous: { start: dayString(dayNumber(s) - days), end: dayString(dayNumber(s) - 1) },
		lastYear: { start: ly(s), end: ly(e) },
		today: today.toISODate()!,
		complete: e < today.toISODate()!,
	};
}

/**
 * Days since 1970-01-01 of a `yyyy-MM-dd` string, or NaN when malformed. Hand-parsed (no Date, no luxon)
 * because it runs once per snapshot; the civil-from-days algorithm is Howard Hinnant's.
 */
export function dayNumber(day: string): number {
	if (typeof day !== 'string' || day.length !== 10 || day.charCodeAt(4) !== 45 || day.charCodeAt(7) !== 45) return NaN;
	const y = digits(day, 0, 4);
	const m = digits(day, 5, 2);
	const d = digits(day, 8, 2);
	if (!(m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m))) return NaN;
	const yy = m <= 2 ? y - 1 : y;
	const era = Math.floor(yy / 400);
	const yoe = yy - era * 400;
	const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146097 + doe - 719468;
}

/** Inverse of dayNumber. */
export function dayString(n: number): string {
	return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

function digits(s: string, from: number, len: number): number {
	let v = 0;
	for (let i = from; i < from + len; i++) {
		const c = s.charCodeAt(i) - 48;
		if (c < 0 || c > 9) return NaN;
		v = v * 10 + c;
	}
	return v;
}

function daysInMonth(y: number, m: number): number {
	if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
	return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Maps instants to (ISO weekday, hour) in a zone. The zone offset is looked up once per UTC hour and
 * cached in the instance (offsets change on hour boundaries), so a million posts cost a few thousand
 * zone conversions, not a million.
 */
export class LocalClock {
	private readonly offsets = new Map<number, number>();
	constructor(private readonly zone: string) {}

	/** weekday * 100 + hour (ISO weekday 1..7), or -1 when the instant does not parse. */
	weekdayHour(instant: string): number {
		const ms = Date.parse(instant);
		if (Number.isNaN(ms)) return -1;
		const utcHour = Math.floor(ms / 3_600_000);
		let offsetMin = this.offsets.get(utcHour);
		if (offsetMin === undefined) {
			offsetMin = DateTime.fromMillis(utcHour * 3_600_000, { zone: this.zone }).offset;
			this.offsets.set(utcHour, offsetMin);
		}
		const local = new Date(ms + offsetMin * 60_000);
		const weekday = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
		return weekday * 100 + local.getUTCHours();
	}
}
