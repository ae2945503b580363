import { parseDateCell, type DateContext } from '../../../lib/exports';

const shanghai: DateContext = { timezone: 'Asia/Shanghai', referenceDay: '2026-03-10' };
const day = (d: string) => ({ kind: 'value', value: { start: d, end: d } });

describe('parseDateCell', () => {
	it.each([
		['2026-03-01', '2026-03-01'],
		['2026/3/1', '2026-03-01'],
		['2026/03/01', '2026-03-01'],
		['2026.3.1', '2026-03-01'],
		['2026年3月1日', '2026-03-01'],
		['2026 年 3 月 1 日', '2026-03-01'],
		['２０２６年３月１日', '2026-03-01'],
		['20260301', '2026-03-01'],
		['Mar 1, 2026', '2026-03-01'],
		['1 March 2026', '2026-03-01'],
		['13/3/2026', '2026-03-13'],
		['3/13/2026', '2026-03-13'],
		["'2026-03-01", '2026-03-01'],
	])('%s → %s', (raw, expected) => {
		expect(parseDateCell(raw, shanghai)).toEqual(day(expected));
	});

	it('reads Excel serial numbers, as numbers and as text', () => {
		// 46082 = 2026-03-01 (days since 1899-12-30).
		expect(parseDateCell(46082, shanghai)).toEqual(day('2026-03-01'));
		expect(parseDateCell('46082', shanghai)).toEqual(day('2026-03-01'));
		expect(parseDateCell(20260301, shanghai)).toEqual(day('2026-03-01'));
	});

	it('an Excel serial with a time of day keeps the time, as wall-clock time in the zone', () => {
		expect(parseDateCell(46082.5, shanghai)).toEqual({ kind: 'value', value: { start: '2026-03-01', end: '2026-03-01', instant: '2026-03-01T12:00:00+08:00' } });
	});

	describe('yearless dates (3月1日)', () => {
		it('use the year option', () => {
			expect(parseDateCell('3月1日', { ...shanghai, year: 2025 })).toEqual(day('2025-03-01'));
			expect(parseDateCell('03-01', { ...shanghai, year: 2025 })).toEqual(day('2025-03-01'));
		});

		it('without it, take the latest year that does not put the date after the reference day', () => {
			expect(parseDateCell('3月1日', shanghai)).toEqual(day('2026-03-01'));
			expect(parseDateCell('3月10日', shanghai)).toEqual(day('2026-03-10'));
			expect(parseDateCell('12月31日', shanghai)).toEqual(day('2025-12-31'));
			expect(parseDateCell('3/11', shanghai)).toEqual(day('2025-03-11'));
		});

		it('refuse 3.1, which reads as a decimal', () => {
			expect(parseDateCell('3.1', shanghai).kind).toBe('error');
		});
	});

	describe('date-times', () => {
		it('ISO with an offset is converted to the export zone before taking the day', () => {
			expect(parseDateCell('2026-03-01T16:30:00Z', shanghai)).toEqual({
				kind: 'value',
				value: { start: '2026-03-02', end: '2026-03-02', instant: '2026-03-02T00:30:00+08:00' },
			});
			expect(parseDateCell('2026-03-01T16:30:00Z', { ...shanghai, timezone: 'America/New_York' })).toMatchObject({ value: { start: '2026-03-01' } });
		});

		it('without an offset it is wall-clock time in the zone', () => {
			expect(parseDateCell('2026-03-01 20:30', shanghai)).toEqual({ kind: 'value', value: { start: '2026-03-01', end: '2026-03-01', instant: '2026-03-01T20:30:00+08:00' } });
			expect(parseDateCell('2026/3/1 08:05:09', shanghai)).toMatchObject({ value: { instant: '2026-03-01T08:05:09+08:00' } });
			expect(parseDateCell('2026年3月1日 20:30', shanghai)).toMatchObject({ value: { instant: '2026-03-01T20:30:00+08:00' } });
			expect(parseDateCell('2026-03-01T20:30:00', shanghai)).toMatchObject({ value: { instant: '2026-03-01T20:30:00+08:00' } });
		});
	});

	it('reads a range as a period', () => {
		expect(parseDateCell('2026-03-01 至 2026-03-07', shanghai)).toEqual({ kind: 'value', value: { start: '2026-03-01', end: '2026-03-07' } });
		expect(parseDateCell('2026/3/1~2026/3/7', shanghai)).toEqual({ kind: 'value', value: { start: '2026-03-01', end: '2026-03-07' } });
		expect(parseDateCell('2026-03-07 - 2026-03-01', shanghai).kind).toBe('error');
	});

	it.each(['--', '', '-'])('%p is absent', (raw) => expect(parseDateCell(raw, shanghai)).toEqual({ kind: 'absent' }));

	it.each([
		['2026-02-30', /no such date 2026-02-30/],
		['2026-13-01', /no such date/],
		['2026年2月29日', /no such date/],
		['3/4/2026', /ambiguous/],
		['yesterday', /not a date/],
		[45, /not a date/],
		['Foo 1, 2026', /not a date/],
	])('%p is an error', (raw, message) => {
		const result = parseDateCell(raw, shanghai);
		expect(result.kind).toBe('error');
		expect(result.kind === 'error' && result.message).toMatch(message);
	});
});
