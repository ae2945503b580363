import { DateTime } from 'luxon';
import { InputError } from '../errors';
import { atWallClock, isoWeekKey, parseClock, Weekday, weekdayOf, WEEKDAYS } from './wall-clock';

/**
 * A weekly grid of wall-clock publish slots, e.g. `{ MO: ['08:00', '12:30', '20:00'], SA: ['10:00'] }`.
 * `weekdays` (MO-FR), `weekends` (SA-SU) and `daily` are shorthands; a specific day's key wins over
 * `weekdays`/`weekends`, which win over `daily`.
 */
export type SlotGrid = Partial<Record<Weekday | 'weekdays' | 'weekends' | 'daily', string[]>>;

export interface Slot {
	/** The instant, shown in the account's zone. */
	at: DateTime;
	/** Local calendar day yyyy-MM-dd. */
	day: string;
	week: string;
	weekday: Weekday;
	/** The grid entry it came from, `HH:mm` (the instant may differ in a DST gap). */
	clock: string;
	/** Position of the slot within its day's grid order, 0-based. */
	order: number;
}

function isWeekend(day: Weekday): boolean {
	return day === 'SA' || day === 'SU';
}

/** The sorted, de-duplicated clock times for one weekday. */
export function clocksForWeekday(grid: SlotGrid, day: Weekday): string[] {
	const picked = grid[day] ?? (isWeekend(day) ? grid.weekends : grid.weekdays) ?? grid.daily ?? [];
	const normalised = picked.map((c) => {
		const { hour, minute } = parseClock(c, `slots.${day}`);
		return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
	});
	return [...new Set(normalised)].sort();
}

export function validateSlotGrid(grid: SlotGrid): void {
	const allowed = new Set<string>([...WEEKDAYS, 'weekdays', 'weekends', 'daily']);
	for (const key of Object.keys(grid)) {
		if (!allowed.has(key)) throw new InputError(`unknown slot grid key "${key}" (use MO..SU, weekdays, weekends or daily)`, 'slots');
	}
	for (const d of WEEKDAYS) clocksForWeekday(grid, d);
}

/** The slots of one local calendar day, in grid (chronological) order. */
export function slotsOfDay(grid: SlotGrid, day: DateTime, zone: string): Slot[] {
	const weekday = weekdayOf(day);
	return clocksForWeekday(grid, weekday).map((clock, order) => {
		const { hour, minute } = parseClock(clock);
		const at = atWallClock(day, hour, minute, zone);
		return { at, day: day.toISODate()!, week: isoWeekKey(day), weekday, clock, order };
	});
}
