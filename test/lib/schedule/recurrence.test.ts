import { Recurrence } from '../../../lib/model';
import { expandRecurrence, materializeOccurrences, parseWindowStart, recurrenceWindow } from '../../../lib/schedule';
import { makePost } from './fixtures';

const series = (scheduledAt: string, timezone: string, recurrence: Partial<Recurrence>) =>
	makePost({ id: 's', status: 'scheduled', scheduledAt, timezone, recurrence: { freq: 'daily', interval: 1, ...recurrence } });
const ats = (occurrences: Array<{ at: string }>) => occurrences.map((o) => o.at);

describe('expandRecurrence: wall-clock time across DST', () => {
	it('09:00 America/New_York stays 09:00 local across the March change', () => {
		const p = series('2026-03-06T09:00:00-05:00', 'America/New_York', {});
		expect(ats(expandRecurrence(p, { from: '2026-03-06T00:00:00Z', to: '2026-03-09T23:00:00Z' }))).toEqual([
			'2026-03-06T09:00:00-05:00',
			'2026-03-07T09:00:00-05:00',
			'2026-03-08T09:00:00-04:00',
			'2026-03-09T09:00:00-04:00',
		]);
	});

	it('09:00 America/New_York stays 09:00 local across the November change', () => {
		const p = series('2026-10-31T09:00:00-04:00', 'America/New_York', {});
		expect(ats(expandRecurrence(p, { from: '2026-10-31T00:00:00Z', to: '2026-11-02T23:00:00Z' }))).toEqual([
			'2026-10-31T09:00:00-04:00',
			'2026-11-01T09:00:00-05:00',
			'2026-11-02T09:00:00-05:00',
		]);
	});

	it('a time in the spring gap moves forward by the gap, only on that day', () => {
		const ny = series('2026-03-07T02:30:00-05:00', 'America/New_York', { count: 3 });
		expect(ats(expandRecurrence(ny, { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' }))).toEqual([
			'2026-03-07T02:30:00-05:00',
			'2026-03-08T03:30:00-04:00',
			'2026-03-09T02:30:00-04:00',
		]);
		const berlin = series('2026-03-28T02:30:00+01:00', 'Europe/Berlin', { count: 3 });
		expect(ats(expandRecurrence(berlin, { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' }))).toEqual([
			'2026-03-28T02:30:00+01:00',
			'2026-03-29T03:30:00+02:00',
			'2026-03-30T02:30:00+02:00',
		]);
	});

	it('an ambiguous autumn time takes the first occurrence (the earlier offset)', () => {
		const ny = series('2026-10-31T01:30:00-04:00', 'America/New_York', { count: 3 });
		expect(ats(expandRecurrence(ny, { from: '2026-10-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }))).toEqual([
			'2026-10-31T01:30:00-04:00',
			'2026-11-01T01:30:00-04:00',
			'2026-11-02T01:30:00-05:00',
		]);
		const berlin = series('2026-10-24T02:30:00+02:00', 'Europe/Berlin', { count: 2 });
		expect(ats(expandRecurrence(berlin, { from: '2026-10-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }))).toEqual(['2026-10-24T02:30:00+02:00', '2026-10-25T02:30:00+02:00']);
	});

	it('Asia/Shanghai has no DST: the same UTC time all year', () => {
		const p = series('2026-03-01T09:00:00+08:00', 'Asia/Shanghai', { freq: 'monthly', count: 12 });
		const occ = expandRecurrence(p, { from: '2026-01-01T00:00:00Z', to: '2027-12-31T00:00:00Z' });
		expect(occ).toHaveLength(12);
		expect(new Set(occ.map((o) => new Date(o.at).toISOString().slice(11)))).toEqual(new Set(['01:00:00.000Z']));
	});
});

describe('expandRecurrence: rule parts', () => {
	const range = { from: '2026-01-01T00:00:00Z', to: '2026-12-31T00:00:00Z' };

	it('weekly by day with an interval of two weeks and a count', () => {
		const p = series('2026-03-02T20:00:00+08:00', 'Asia/Shanghai', { freq: 'weekly', interval: 2, byDay: ['FR', 'MO', 'WE'], count: 5 });
		expect(ats(expandRecurrence(p, range)).map((a) => a.slice(0, 10))).toEqual(['2026-03-02', '2026-03-04', '2026-03-06', '2026-03-16', '2026-03-18']);
	});

	it('weekly starts in the first week even when the start is mid-week', () => {
		const p = series('2026-03-04T20:00:00+08:00', 'Asia/Shanghai', { freq: 'weekly', byDay: ['MO', 'WE'], count: 3 });
		expect(ats(expandRecurrence(p, range)).map((a) => a.slice(0, 10))).toEqual(['2026-03-04', '2026-03-09', '2026-03-11']);
	});

	it('until is inclusive', () => {
		const p = series('2026-03-01T09:00:00+08:00', 'Asia/Shanghai', { interval: 2, until: '2026-03-05T09:00:00+08:00' });
		expect(ats(expandRecurrence(p, range))).toEqual(['2026-03-01T09:00:00+08:00', '2026-03-03T09:00:00+08:00', '2026-03-05T09:00:00+08:00']);
	});

	it('daily with byDay keeps only those weekdays', () => {
		const p = series('2026-03-06T09:00:00+08:00', 'Asia/Shanghai', { byDay: ['SA', 'SU'], count: 3 });
		expect(ats(expandRecurrence(p, range)).map((a) => a.slice(0, 10))).toEqual(['2026-03-07', '2026-03-08', '2026-03-14']);
	});

	it('monthly on the 31st skips shorter months; monthly by day gives every such weekday', () => {
		const p = series('2026-01-31T09:00:00+08:00', 'Asia/Shanghai', { freq: 'monthly', count: 4 });
		expect(ats(expandRecurrence(p, range)).map((a) => a.slice(0, 10))).toEqual(['2026-01-31', '2026-03-31', '2026-05-31', '2026-07-31']);
		const fridays = series('2026-03-01T09:00:00+08:00', 'Asia/Shanghai', { freq: 'monthly', byDay: ['FR'], until: '2026-03-31T23:00:00+08:00' });
		expect(expandRecurrence(fridays, range)).toHaveLength(4);
	});

	it('returns only occurrences inside the range, numbered within the whole series', () => {
		const p = series('2026-03-01T09:00:00+08:00', 'Asia/Shanghai', {});
		const occ = expandRecurrence(p, { from: '2026-03-10T00:00:00+08:00', to: new Date('2026-03-11T23:00:00+08:00') });
		expect(occ.map((o) => [o.index, o.at])).toEqual([
			[9, '2026-03-10T09:00:00+08:00'],
			[10, '2026-03-11T09:00:00+08:00'],
		]);
	});

	it('exceptions skip an occurrence but still count toward count (RFC 5545)', () => {
		const p = series('2026-03-01T09:00:00+08:00', 'Asia/Shanghai', { count: 3, exceptions: ['2026-03-02T01:00:00Z'] });
		expect(ats(expandRecurrence(p, range))).toEqual(['2026-03-01T09:00:00+08:00', '2026-03-03T09:00:00+08:00']);
	});

	it('overrides move, edit or skip one occurrence, keyed by its original instant in any offset', () => {
		const p = series('2026-03-01T09:00:00+08:00', 'Asia/Shanghai', { count: 3 });
		const occ = expandRecurrence(p, {
			...range,
			overrides: { '2026-03-02T01:00:00Z': { at: '2026-03-02T15:00:00+08:00', title: 'moved' }, '2026-03-03T09:00:00+08:00': { skip: true } },
		});
		expect(occ.map((o) => [o.originalAt, o.at, o.override?.title])).toEqual([
			['2026-03-01T09:00:00+08:00', '2026-03-01T09:00:00+08:00', undefined],
			['2026-03-02T09:00:00+08:00', '2026-03-02T15:00:00+08:00', 'moved'],
		]);
		const posts = materializeOccurrences(p, { ...range, overrides: { '2026-03-02T09:00:00+08:00': { title: 'edited' } } });
		expect(posts.map((x) => [x.id, x.scheduledAt, x.title, x.recurrence])).toEqual([
			['s@2026-03-01T09:00:00+08:00', '2026-03-01T09:00:00+08:00', 't', undefined],
			['s@2026-03-02T09:00:00+08:00', '2026-03-02T09:00:00+08:00', 'edited', undefined],
			['s@2026-03-03T09:00:00+08:00', '2026-03-03T09:00:00+08:00', 't', undefined],
		]);
	});

	it('refuses a series without a start', () => {
		expect(() => expandRecurrence({ timezone: 'Asia/Shanghai', recurrence: { freq: 'daily', interval: 1 } }, range)).toThrow(/scheduledAt/);
	});
});

describe('expandRecurrence: the window reads edited times', () => {
	const p = series('2026-03-01T09:00:00+08:00', 'Asia/Shanghai', {});
	const window = { from: '2026-03-02T00:00:00+08:00', to: '2026-03-04T23:59:59+08:00' };

	it('an occurrence moved out of the window is left out', () => {
		const occ = expandRecurrence(p, { ...window, overrides: { '2026-03-03T09:00:00+08:00': { at: '2026-03-10T09:00:00+08:00' } } });
		expect(occ.map((o) => o.originalAt)).toEqual(['2026-03-02T09:00:00+08:00', '2026-03-04T09:00:00+08:00']);
	});

	it('an occurrence moved into the window from after or before it comes out, in time order, numbered in the series', () => {
		const occ = expandRecurrence(p, {
			...window,
			overrides: { '2026-03-10T09:00:00+08:00': { at: '2026-03-03T15:00:00+08:00', title: 'pulled in' }, '2026-03-01T01:00:00Z': { at: '2026-03-04T20:00:00+08:00' } },
		});
		expect(occ.map((o) => [o.index, o.originalAt, o.at])).toEqual([
			[1, '2026-03-02T09:00:00+08:00', '2026-03-02T09:00:00+08:00'],
			[2, '2026-03-03T09:00:00+08:00', '2026-03-03T09:00:00+08:00'],
			[9, '2026-03-10T09:00:00+08:00', '2026-03-03T15:00:00+08:00'],
			[3, '2026-03-04T09:00:00+08:00', '2026-03-04T09:00:00+08:00'],
			[0, '2026-03-01T09:00:00+08:00', '2026-03-04T20:00:00+08:00'],
		]);
		expect(materializeOccurrences(p, { ...window, overrides: { '2026-03-10T09:00:00+08:00': { at: '2026-03-03T15:00:00+08:00', title: 'pulled in' } } })[2]).toMatchObject({
			id: 's@2026-03-10T09:00:00+08:00',
			scheduledAt: '2026-03-03T15:00:00+08:00',
			title: 'pulled in',
		});
	});

	it('applies the post’s own recurrence.overrides; range.overrides wins for the same instant, whatever its offset', () => {
		const stored = series('2026-03-01T09:00:00+08:00', 'Asia/Shanghai', {
			overrides: { '2026-03-02T09:00:00+08:00': { skip: true }, '2026-03-03T09:00:00+08:00': { at: '2026-03-03T18:00:00+08:00' } },
		});
		expect(ats(expandRecurrence(stored, window))).toEqual(['2026-03-03T18:00:00+08:00', '2026-03-04T09:00:00+08:00']);
		expect(ats(expandRecurrence(stored, { ...window, overrides: { '2026-03-03T01:00:00Z': { at: '2026-03-03T12:00:00+08:00' } } }))).toEqual([
			'2026-03-03T12:00:00+08:00',
			'2026-03-04T09:00:00+08:00',
		]);
	});

	it('an edit beyond until or count moves nothing in (that occurrence does not exist)', () => {
		const short = series('2026-03-01T09:00:00+08:00', 'Asia/Shanghai', { count: 3 });
		expect(expandRecurrence(short, { ...window, overrides: { '2026-03-10T09:00:00+08:00': { at: '2026-03-03T15:00:00+08:00' } } }).map((o) => o.at)).toEqual(['2026-03-02T09:00:00+08:00', '2026-03-03T09:00:00+08:00']);
	});
});

describe('recurrenceWindow: local calendar days, not 24-hour blocks', () => {
	it('over the March change (America/New_York) the window ends at From’s local time: 09:30 on the last day is outside', () => {
		const w = recurrenceWindow(new Date('2026-03-02T09:00:00-05:00'), 7, 'America/New_York');
		expect(w.to.toISOString()).toBe('2026-03-09T13:00:00.000Z'); // 09:00 EDT, 167 hours later
		const daily = series('2026-03-02T09:30:00-05:00', 'America/New_York', {});
		expect(ats(expandRecurrence(daily, w)).at(-1)).toBe('2026-03-08T09:30:00-04:00');
	});

	it('over the November change the window ends at From’s local time: 09:00 on the last day is inside', () => {
		const w = recurrenceWindow(new Date('2026-10-30T09:00:00-04:00'), 7, 'America/New_York');
		expect(w.to.toISOString()).toBe('2026-11-06T14:00:00.000Z'); // 09:00 EST, 169 hours later
		const daily = series('2026-10-30T09:00:00-04:00', 'America/New_York', {});
		const got = ats(expandRecurrence(daily, w));
		expect(got).toHaveLength(8);
		expect(got.at(-1)).toBe('2026-11-06T09:00:00-05:00');
	});

	it('From as a date is midnight in the calendar’s zone; a date-time without an offset is refused', () => {
		expect(parseWindowStart('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
		expect(parseWindowStart('2026-03-08T00:00:00+08:00', 'America/New_York').toISOString()).toBe('2026-03-07T16:00:00.000Z');
		expect(() => parseWindowStart('2026-03-08T00:00:00', 'America/New_York')).toThrow(/From must be an ISO instant with an offset/);
	});
});
