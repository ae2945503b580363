/**
 * Calendar-date helpers on `yyyy-MM-dd` strings. Day numbers count days since 1970-01-01, which
 * makes date arithmetic plain integer arithmetic. China has had no daylight saving since 1991, so
 * Asia/Shanghai is a fixed UTC+8.
 */

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** True for a real calendar date written exactly as yyyy-MM-dd. */
export function isIsoDate(value: unknown): value is string {
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const ms = Date.parse(`${value}T00:00:00Z`);
	return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

export function dayNumber(isoDate: string): number {
	return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

export function isoFromDay(day: number): string {
	return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
	return isoFromDay(dayNumber(isoDate) + days);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
	return (((day + 4) % 7) + 7) % 7;
}

/** The calendar date in Asia/Shanghai at the given instant. */
export function shanghaiDate(instant: Date): string {
	return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Unix seconds of a Shanghai wall-clock time: the date plus minutes after local midnight. */
export function shanghaiUnixSeconds(isoDate: string, minutesAfterMidnight: number): number {
	return Math.floor((dayNumber(isoDate) * DAY_MS - SHANGHAI_OFFSET_MS) / 1000) + Math.round(minutesAfterMidnight * 60);
}

/** Every date from `from` to `to` inclusive (empty when from > to). */
export function dateRange(from: string, to: string): string[] {
	const dates: string[] = [];
	for (let day = dayNumber(from); day <= dayNumber(to); day++) dates.push(isoFromDay(day));
	return dates;
}
