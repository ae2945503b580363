import { eachDay, lastCompleteDays, splitDayRange, todayIn } from '../../../lib/time/date-range';
import { InputError } from '../../../lib/errors';

describe('splitDayRange', () => {
	it.each([
		['2026-01-01', '2026-01-01', 7],
		['2026-01-01', '2026-01-07', 7],
		['2026-01-01', '2026-01-08', 7],
		['2025-12-20', '2026-03-15', 7],
		['2024-02-25', '2024-03-05', 1],
		['2025-01-01', '2025-12-31', 30],
	])('covers %s..%s in spans of ≤%i days, each day exactly once', (start, end, max) => {
		const spans = splitDayRange({ start, end }, max);
		const covered = spans.flatMap((s) => eachDay(s));
		expect(covered).toEqual(eachDay({ start, end }));
		for (const s of spans) expect(eachDay(s).length).toBeLessThanOrEqual(max);
		expect(spans[0].start).toBe(start);
		expect(spans[spans.length - 1].end).toBe(end);
	});

	it('rejects a reversed range and a bad date with InputError', () => {
		expect(() => splitDayRange({ start: '2026-02-02', end: '2026-02-01' }, 7)).toThrow(InputError);
		expect(() => splitDayRange({ start: '2026-02-30', end: '2026-03-01' }, 7)).toThrow(/yyyy-MM-dd/);
	});
});

describe('zone-aware days', () => {
	it('uses the given zone, not the process zone', () => {
		const instant = new Date('2026-03-01T17:30:00Z'); // 01:30 next day in Shanghai
		expect(todayIn('Asia/Shanghai', instant)).toBe('2026-03-02');
		expect(todayIn('America/New_York', instant)).toBe('2026-03-01');
		expect(lastCompleteDays(7, 'Asia/Shanghai', instant)).toEqual({ start: '2026-02-23', end: '2026-03-01' });
	});
});
