import { DateTime } from 'luxon';
import { ABSENT, cellText, isAbsentMarker, type CellResult } from './values';

/** A date cell read as calendar days in the export's time zone; `instant` when the cell had a time of day. */
export interface DayValue {
	start: string;
	end: string;
	instant?: string;
}

export interface DateContext {
	/** IANA zone the export's wall-clock dates are in; instants with an offset are converted to it. */
	timezone: string;
	/** Year for dates written without one (`3月1日`, `03-01`). */
	year?: number;
	/** Without `year`, a yearless date takes the latest year that does not put it after this day (yyyy-MM-dd). */
	referenceDay: string;
}

const error = (message: string): CellResult<never> => ({ kind: 'error', message });

/** Excel serial days count from 1899-12-30 (the 1900 leap-year bug makes that the working epoch). */
const EXCEL_EPOCH = DateTime.fromObject({ year: 1899, month: 12, day: 30 }, { zone: 'UTC' });
/** Serial numbers accepted as dates: 1970-01-01 .. 2099-12-31. Anything else in a date column is a mistake. */
const SERIAL_MIN = 25569;
const SERIAL_MAX = 73050;

const MONTHS: Record<string, number> = {
	jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
	january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

const TIME = String.raw`(?:[ T]+(\d{1,2})[:时](\d{2})(?:[:分](\d{2})(?:\.\d+)?)?秒?)?`;
/** `2026-03-01`, `2026/3/1`, `2026.3.1`, `2026年3月1日`, and yearless `3月1日`, `03-01`, `3/1`, each with an optional time. */
const YMD = new RegExp(String.raw`^(?:(\d{4})\s*([-/.年])\s*)?(\d{1,2})\s*([-/.月])\s*(\d{1,2})\s*日?${TIME}$`);
/** `3/1/2026` style, day and month order unknown. */
const DMY_OR_MDY = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})${TIME}$`);
const EN_MDY = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;
const EN_DMY = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})$/i;
const RANGE_SEPARATOR = /\s*(?:至|到|~|—|–)\s*|\s+-\s+/;

/**
 * Reads a date cell: the forms above, `20260301`, Excel serial numbers (number or text), ISO date-times
 * (with an offset: converted to `timezone` before taking the day), and ranges `2026-03-01 至 2026-03-07`.
 * Impossible dates (2026-02-30) are errors.
 */
export function parseDateCell(raw: unknown, ctx: DateContext): CellResult<DayValue> {
	if (raw instanceof Date) {
		const dt = DateTime.fromJSDate(raw, { zone: ctx.timezone });
		return dt.isValid ? { kind: 'value', value: { start: dt.toISODate()!, end: dt.toISODate()!, instant: isoInstant(dt) } } : error('not a date');
	}
	if (typeof raw === 'number') return fromNumber(raw, ctx);
	const text = cellText(raw);
	if (isAbsentMarker(text)) return ABSENT;
	const parts = text.split(RANGE_SEPARATOR);
	if (parts.length === 2) {
		const start = parseSingle(parts[0], ctx);
		const end = parseSingle(parts[1], ctx);
		if (start.kind !== 'value') return start.kind === 'error' ? start : error('not a date');
		if (end.kind !== 'value') return end.kind === 'error' ? end : error('not a date');
		if (start.value.start > end.value.end) return error(`range starts after it ends`);
		return { kind: 'value', value: { start: start.value.start, end: end.value.end } };
	}
	return parseSingle(text, ctx);
}

function parseSingle(text: string, ctx: DateContext): CellResult<DayValue> {
	const t = text.trim();
	if (/^\d{5}(\.\d+)?$/.test(t)) return fromNumber(Number(t), ctx);
	const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
	if (compact) return fromParts(ctx, Number(compact[1]), Number(compact[2]), Number(compact[3]));

	// ISO-8601 date-time, with or without an offset.
	if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(t) || /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$/i.test(t)) {
		const dt = DateTime.fromISO(t.replace(' ', 'T').replace(/\s+/g, ''), { zone: ctx.timezone });
		if (!dt.isValid) return error('not a valid date-time');
		return { kind: 'value', value: { start: dt.toISODate()!, end: dt.toISODate()!, instant: isoInstant(dt) } };
	}

	const ymd = YMD.exec(t);
	if (ymd) {
		const [, y, sep1, m, sep2, d, hh, mm, ss] = ymd;
		if (!y && sep2 === '.') return error('a month.day date needs a year (3.1 reads as a decimal)');
		if (y && sep1 === '年' && sep2 !== '月') return error('not a date');
		const year = y ? Number(y) : yearFor(Number(m), Number(d), ctx);
		return fromParts(ctx, year, Number(m), Number(d), hh, mm, ss);
	}

	const dmy = DMY_OR_MDY.exec(t);
	if (dmy) {
		const [, a, b, y, hh, mm, ss] = dmy;
		const first = Number(a);
		const second = Number(b);
		if (first > 12 && second <= 12) return fromParts(ctx, Number(y), second, first, hh, mm, ss);
		if (second > 12 && first <= 12) return fromParts(ctx, Number(y), first, second, hh, mm, ss);
		return error('ambiguous day/month order; write 2026-03-01');
	}

	const en = EN_MDY.exec(t) ?? EN_DMY.exec(t);
	if (en) {
		const monthFirst = EN_MDY.test(t);
		const month = MONTHS[(monthFirst ? en[1] : en[2]).toLowerCase()];
		if (month) return fromParts(ctx, Number(en[3]), month, Number(monthFirst ? en[2] : en[1]));
	}
	return error('not a date');
}

function fromNumber(n: number, ctx: DateContext): CellResult<DayValue> {
	if (Number.isInteger(n) && n >= 19700101 && n <= 20991231) return fromParts(ctx, Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
	if (!Number.isFinite(n) || n < SERIAL_MIN || n > SERIAL_MAX) return error('a number that is not a date (Excel serial days 1970-2099 expected)');
	const days = Math.floor(n);
	const day = EXCEL_EPOCH.plus({ days });
	const seconds = Math.round((n - days) * 86400);
	if (seconds === 0) return fromParts(ctx, day.year, day.month, day.day);
	return fromParts(ctx, day.year, day.month, day.day, String(Math.floor(seconds / 3600)), String(Math.floor(seconds / 60) % 60), String(seconds % 60));
}

function fromParts(ctx: DateContext, year: number, month: number, day: number, hh?: string, mm?: string, ss?: string): CellResult<DayValue> {
	const hasTime = hh !== undefined && mm !== undefined;
	const dt = DateTime.fromObject(
		{ year, month, day, hour: hasTime ? Number(hh) : 0, minute: hasTime ? Number(mm) : 0, second: ss ? Number(ss) : 0 },
		{ zone: ctx.timezone },
	);
	if (!dt.isValid || dt.year !== year || dt.month !== month || dt.day !== day) {
		return error(`no such date ${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
	}
	const date = dt.toISODate()!;
	return { kind: 'value', value: hasTime ? { start: date, end: date, instant: isoInstant(dt) } : { start: date, end: date } };
}

/** The year for a yearless month/day: the given one, else the latest that keeps the day on or before the reference day. */
function yearFor(month: number, day: number, ctx: DateContext): number {
	if (ctx.year !== undefined) return ctx.year;
	const refYear = Number(ctx.referenceDay.slice(0, 4));
	const candidate = `${refYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	return candidate <= ctx.referenceDay ? refYear : refYear - 1;
}

function isoInstant(dt: DateTime): string {
	return dt.toISO({ suppressMilliseconds: true })!;
}
