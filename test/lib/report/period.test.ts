import { InputError } from '../../../lib/errors';
import { dayNumber, dayString, LocalClock, resolvePeriod } from '../../../lib/report/period';

describe('resolvePeriod', () => {
	const now = new Date('2026-03-10T02:00:00Z'); // Tue 10:00 in Shanghai

	it('resolves the last complete week, month and quarter in a DST-free zone', () => {
		const w = resolvePeriod('week', 'Asia/Shanghai', now);
		expect([w.start, w.end, w.days, w.complete]).toEqual(['2026-03-02', '2026-03-08', 7, true]);
		expect(w.previous).toEqual({ start: '2026-02-23', end: '2026-03-01' });
		expect(w.lastYear).toEqual({ start: '2025-03-02', end: '2025-03-08' });
		expect(w.startInstant).toBe('2026-03-02T00:00:00.000+08:00');
		const m = resolvePeriod('month', 'Asia/Shanghai', now);
		expect([m.start, m.end, m.days]).toEqual(['2026-02-01', '2026-02-28', 28]);
		// Previous period of equal length, not the previous calendar month.
		expect(m.previous).toEqual({ start: '2026-01-04', end: '2026-01-31' });
		const q = resolvePeriod({ kind: 'quarter' }, 'Asia/Shanghai', now);
		expect([q.start, q.end, q.days]).toEqual(['2025-10-01', '2025-12-31', 92]);
		const cur = resolvePeriod({ kind: 'month', anchor: 'current' }, 'Asia/Shanghai', now);
		expect([cur.start, cur.end, cur.complete]).toEqual(['2026-03-01', '2026-03-10', false]);
	});

	it('uses the report zone, not UTC or the process zone, for "today"', () => {
		// 2026-03-02T04:30Z is Sunday 1 March 23:30 in New York: last week is 16-22 Feb there, 23 Feb-1 Mar in Shanghai.
		const at = new Date('2026-03-02T04:30:00Z');
		expect(resolvePeriod('week', 'America/New_York', at).start).toBe('2026-02-16');
		expect(resolvePeriod('week', 'Asia/Shanghai', at).start).toBe('2026-02-23');
	});

	it('spans a DST change in America/New_York with the right offsets', () => {
		const w = resolvePeriod('week', 'America/New_York', new Date('2026-03-10T12:00:00Z'));
		expect([w.start, w.end]).toEqual(['2026-03-02', '2026-03-08']);
		expect(w.startInstant).toBe('2026-03-02T00:00:00.000-05:00');
		expect(w.endInstantExclusive).toBe('2026-03-09T00:00:00.000-04:00');
		// 7 calendar days but 167 hours: the spring-forward day is 23 h long.
		expect((Date.parse(w.endInstantExclusive) - Date.parse(w.startInstant)) / 3_600_000).toBe(167);
		const fall = resolvePeriod({ kind: 'custom', start: '2026-11-01', end: '2026-11-01' }, 'America/New_York', new Date('2026-11-05T00:00:00Z'));
		expect((Date.parse(fall.endInstantExclusive) - Date.parse(fall.startInstant)) / 3_600_000).toBe(25);
	});

	it('custom periods, leap days, and bad input', () => {
		const p = resolvePeriod({ kind: 'custom', start: '2024-02-20', end: '2024-02-29' }, 'UTC', now);
		expect(p.days).toBe(10);
		expect(p.previous).toEqual({ start: '2024-02-10', end: '2024-02-19' });
		expect(p.lastYear).toEqual({ start: '2023-02-20', end: '2023-02-28' });
		expect(() => resolvePeriod({ kind: 'custom', start: '2026-03-05', end: '2026-03-01' }, 'UTC', now)).toThrow(InputError);
		expect(() => resolvePeriod('week', 'Mars/Olympus', now)).toThrow(InputError);
		expect(() => resolvePeriod({ kind: 'custom' }, 'UTC', now)).toThrow(/start and end/);
	});
});

describe('day numbers and local clock', () => {
	it('dayNumber agrees with Date.UTC and rejects malformed days', () => {
		for (const d of ['1970-01-01', '2000-02-29', '2024-12-31', '2026-03-08', '1969-12-31']) {
			expect(dayNumber(d)).toBe(Date.parse(`${d}T00:00:00Z`) / 86_400_000);
			expect(dayString(dayNumber(d))).toBe(d);
		}
		for (const bad of ['2026-02-30', '2025-02-29', '2026-13-01', '2026/01/01', '2026-1-01', '']) expect(dayNumber(bad)).toBeNaN();
	});

	it('maps instants to weekday and hour in the zone, across DST and half-hour offsets', () => {
		const ny = new LocalClock('America/New_York');
		expect(ny.weekdayHour('2026-03-08T06:30:00Z')).toBe(701); // Sun 01:30 EST
		expect(ny.weekdayHour('2026-03-08T07:30:00Z')).toBe(703); // Sun 03:30 EDT
		expect(new LocalClock('Asia/Kolkata').weekdayHour('2026-03-09T03:45:00Z')).toBe(109); // Mon 09:15 IST
		expect(new LocalClock('Asia/Shanghai').weekdayHour('2026-03-04T20:30:00+08:00')).toBe(320);
		expect(ny.weekdayHour('not a date')).toBe(-1);
	});
});
