import { planSchedule, rankHoursOfWeek } from '../../../lib/schedule';
import { makePost, postSnapshot } from './fixtures';

// Six Mondays of posts at 20:00 (8 % engagement) and at 09:00 (2 %), Shanghai time.
function history(weeks: number) {
	const out = [];
	for (let w = 0; w < weeks; w++) {
		const day = new Date(Date.UTC(2026, 0, 5 + 7 * w)).toISOString().slice(0, 10);
		out.push(postSnapshot(`eve${w}`, `${day}T20:00:00+08:00`, 8), postSnapshot(`mor${w}`, `${day}T09:00:00+08:00`, 2));
	}
	return out;
}

describe('rankHoursOfWeek', () => {
	it('ranks hours of the week by shrunk engagement per view', () => {
		const r = rankHoursOfWeek(history(6), { account: 'oa', zone: 'Asia/Shanghai' });
		expect(r.method).toBe('history');
		expect(r.postsUsed).toBe(12);
		expect(r.accountMean).toBeCloseTo(0.05);
		expect(r.ranking.map((h) => [h.weekday, h.hour, h.posts])).toEqual([
			['MO', 20, 6],
			['MO', 9, 6],
		]);
		// (6 * 0.08 + 3 * 0.05) / 9
		expect(r.ranking[0].score).toBeCloseTo(0.07);
		expect(r.scoreOf('TU', 9)).toBeCloseTo(0.05);
	});

	it('counts a post once however many snapshots it has (latest collected wins)', () => {
		const snaps = [...history(6), postSnapshot('eve0', '2026-01-05T20:00:00+08:00', 50, '2026-01-01T00:00:00Z')];
		const r = rankHoursOfWeek(snaps, { account: 'oa', zone: 'Asia/Shanghai' });
		expect(r.postsUsed).toBe(12);
		expect(r.ranking[0].score).toBeCloseTo(0.07);
	});

	it('reads hours in the account zone', () => {
		const r = rankHoursOfWeek(history(6), { account: 'oa', zone: 'UTC' });
		expect(r.ranking[0]).toMatchObject({ weekday: 'MO', hour: 12 });
	});

	it('falls back when history is thin or belongs to another account', () => {
		expect(rankHoursOfWeek(history(2), { account: 'oa', zone: 'Asia/Shanghai' })).toMatchObject({ method: 'fallback', postsUsed: 4, ranking: [] });
		expect(rankHoursOfWeek(history(6), { account: 'other', zone: 'Asia/Shanghai' }).postsUsed).toBe(0);
	});
});

describe('planSchedule with best time', () => {
	const now = new Date('2026-03-02T00:30:00Z');
	const rule = { account: 'oa', timezone: 'Asia/Shanghai', slots: { MO: ['09:00', '20:00'] }, maxPerDay: 1, bestTime: true };

	it('takes the best-ranked slot of the day', () => {
		const r = planSchedule([makePost({ id: 'a' })], [rule], { now, history: history(6) });
		expect(r.planned[0].scheduledAt).toBe('2026-03-02T20:00:00+08:00');
		expect(r.bestTime['*:oa']).toEqual({ method: 'history', postsUsed: 12 });
	});

	it('keeps the grid order when history is thin', () => {
		const r = planSchedule([makePost({ id: 'a' })], [rule], { now, history: history(2) });
		expect(r.planned[0].scheduledAt).toBe('2026-03-02T09:00:00+08:00');
		expect(r.bestTime['*:oa']).toEqual({ method: 'fallback', postsUsed: 4 });
	});
});
