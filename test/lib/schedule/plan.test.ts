import { AccountScheduleRule, parseCadence, planSchedule } from '../../../lib/schedule';
import { makePost } from './fixtures';

// Monday 2026-03-02 08:30 in Shanghai.
const now = new Date('2026-03-02T00:30:00Z');
const grid = { weekdays: ['09:00', '12:00', '20:00'], weekends: ['10:00'] };
const rule = (extra: Partial<AccountScheduleRule> = {}): AccountScheduleRule => ({ account: 'oa', timezone: 'Asia/Shanghai', slots: grid, ...extra });
const approved = (n: number) => Array.from({ length: n }, (_, i) => makePost({ id: `p${i + 1}` }));
const times = (r: ReturnType<typeof planSchedule>) => r.planned.map((p) => p.scheduledAt);

describe('planSchedule', () => {
	it('fills the grid in order from now, within the per-day cap, in input order', () => {
		const r = planSchedule(approved(5), [rule({ maxPerDay: 2 })], { now });
		expect(times(r)).toEqual(['2026-03-02T09:00:00+08:00', '2026-03-02T12:00:00+08:00', '2026-03-03T09:00:00+08:00', '2026-03-03T12:00:00+08:00', '2026-03-04T09:00:00+08:00']);
		expect(r.planned.map((p) => p.id)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
		expect(r.planned[0]).toMatchObject({ status: 'scheduled', timezone: 'Asia/Shanghai' });
		expect(r.planned[0].history.at(-1)).toMatchObject({ action: 'scheduled', fromStatus: 'approved', toStatus: 'scheduled', version: 1, actor: 'mediaops:planner' });
		expect(r.events.map((e) => e.type)).toEqual(Array(5).fill('scheduled'));
		expect(r.unplaceable).toEqual([]);
	});

	it('maxPerDay 0 means no cap, as in Max Posts per Day (it used to place nothing); with a cadence, the cadence’s cap applies', () => {
		const r = planSchedule(approved(4), [rule({ maxPerDay: 0 })], { now });
		expect(times(r)).toEqual(['2026-03-02T09:00:00+08:00', '2026-03-02T12:00:00+08:00', '2026-03-02T20:00:00+08:00', '2026-03-03T09:00:00+08:00']);
		expect(r.unplaceable).toEqual([]);
		expect(times(planSchedule(approved(2), [rule({ maxPerDay: 0, cadence: 'daily' })], { now }))).toEqual(['2026-03-02T09:00:00+08:00', '2026-03-03T09:00:00+08:00']);
		expect(times(planSchedule(approved(2), [rule({ cadence: { maxPerWeek: 0, maxPerDay: 0 } })], { now }))).toHaveLength(2);
	});

	it('uses weekend slots on weekends', () => {
		const saturday = new Date('2026-03-07T00:00:00Z');
		expect(times(planSchedule(approved(2), [rule()], { now: saturday }))).toEqual(['2026-03-07T10:00:00+08:00', '2026-03-08T10:00:00+08:00']);
	});

	it('keeps the minimum gap between posts of an account', () => {
		const r = planSchedule(approved(3), [rule({ minGapMinutes: 240 })], { now });
		expect(times(r)).toEqual(['2026-03-02T09:00:00+08:00', '2026-03-02T20:00:00+08:00', '2026-03-03T09:00:00+08:00']);
	});

	it('respects already-scheduled posts: never the same slot, gap measured against them, caps count them', () => {
		const existing = makePost({ id: 'old', status: 'scheduled', scheduledAt: '2026-03-02T01:00:00Z' }); // 09:00 local
		const r = planSchedule([existing, ...approved(2)], [rule({ maxPerDay: 2 })], { now });
		expect(times(r)).toEqual(['2026-03-02T12:00:00+08:00', '2026-03-03T09:00:00+08:00']);
		const near = makePost({ id: 'near', status: 'scheduled', scheduledAt: '2026-03-02T11:00:00+08:00' });
		expect(times(planSchedule([near, ...approved(1)], [rule({ minGapMinutes: 120 })], { now }))).toEqual(['2026-03-02T09:00:00+08:00']);
		expect(times(planSchedule([near, ...approved(2)], [rule({ minGapMinutes: 121 })], { now }))).toEqual(['2026-03-02T20:00:00+08:00', '2026-03-03T09:00:00+08:00']);
	});

	it('a rejected post releases its slot', () => {
		const gone = makePost({ id: 'gone', status: 'rejected', scheduledAt: '2026-03-02T09:00:00+08:00' });
		expect(times(planSchedule([gone, ...approved(1)], [rule()], { now }))).toEqual(['2026-03-02T09:00:00+08:00']);
	});

	it('skips blackout dates and ranges', () => {
		const r = planSchedule(approved(2), [rule({ maxPerDay: 1, blackoutDates: ['2026-03-02', '2026-03-03..2026-03-05'] })], { now });
		expect(times(r)).toEqual(['2026-03-06T09:00:00+08:00', '2026-03-07T10:00:00+08:00']);
	});

	it('caps each ISO week by the cadence maximum and reports weeks under the minimum', () => {
		const r = planSchedule(approved(5), [rule({ maxPerDay: 1, cadence: '3-5 a week' })], { now, horizonDays: 14 });
		expect(times(r)).toEqual(['2026-03-02T09:00:00+08:00', '2026-03-03T09:00:00+08:00', '2026-03-04T09:00:00+08:00', '2026-03-05T09:00:00+08:00', '2026-03-06T09:00:00+08:00']);
		const capped = planSchedule(approved(5), [rule({ maxPerDay: 1, cadence: '每周2-3篇' })], { now, horizonDays: 14 });
		expect(times(capped).map((t) => t!.slice(0, 10))).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-09', '2026-03-10']);
		const thin = planSchedule(approved(1), [rule({ cadence: '3-5/week' })], { now, horizonDays: 14 });
		expect(thin.shortfalls).toEqual([
			{ account: 'oa', platform: undefined, week: '2026-W10', posts: 1, minPerWeek: 3 },
			{ account: 'oa', platform: undefined, week: '2026-W11', posts: 0, minPerWeek: 3 },
		]);
	});

	it('"daily" means one post a day', () => {
		expect(parseCadence('daily')).toEqual({ minPerWeek: 7, maxPerDay: 1 });
		expect(parseCadence('4 per week')).toEqual({ minPerWeek: 4, maxPerWeek: 4 });
		expect(() => parseCadence('sometimes')).toThrow(/cadence/);
		expect(times(planSchedule(approved(2), [rule({ cadence: 'daily' })], { now }))).toEqual(['2026-03-02T09:00:00+08:00', '2026-03-03T09:00:00+08:00']);
	});

	it('reports what it cannot place, with a reason', () => {
		const other = makePost({ id: 'x1', account: 'unknown' });
		const r = planSchedule([other, ...approved(3)], [rule({ maxPerDay: 1 })], { now, horizonDays: 2 });
		expect(r.unplaceable.map((u) => [u.post.id, u.reason])).toEqual([
			['x1', 'no_rule'],
			['p3', 'no_free_slot'],
		]);
		const empty = planSchedule(approved(1), [rule({ slots: {} })], { now });
		expect(empty.unplaceable[0].reason).toBe('no_slots');
	});

	it('leaves drafts and already-timed posts alone, is deterministic and does not mutate its input', () => {
		const posts = [makePost({ id: 'd', status: 'draft' }), ...approved(3)];
		const copy = JSON.parse(JSON.stringify(posts));
		const a = planSchedule(posts, [rule()], { now });
		const b = planSchedule(posts, [rule()], { now });
		expect(a).toEqual(b);
		expect(posts).toEqual(copy);
		expect(a.planned.map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
	});

	it('prefers a platform-specific rule over an account-wide one', () => {
		const weibo = makePost({ id: 'w', platform: 'weibo' });
		const r = planSchedule([weibo], [rule(), rule({ platform: 'weibo', slots: { daily: ['18:00'] } })], { now });
		expect(times(r)).toEqual(['2026-03-02T18:00:00+08:00']);
	});

	it('plans in the account zone: a slot in the New York spring gap moves forward by the gap', () => {
		const ny = rule({ timezone: 'America/New_York', slots: { SU: ['02:30'] } });
		const r = planSchedule(approved(2), [ny], { now: new Date('2026-03-07T12:00:00Z') });
		expect(times(r)).toEqual(['2026-03-08T03:30:00-04:00', '2026-03-15T02:30:00-04:00']);
	});

	it('counts occurrences of recurring posts against the caps', () => {
		const series = makePost({ id: 's', status: 'scheduled', scheduledAt: '2026-02-23T09:00:00+08:00', recurrence: { freq: 'daily', interval: 1 } });
		expect(times(planSchedule([series, ...approved(1)], [rule({ maxPerDay: 1 })], { now }))).toEqual([]);
		expect(planSchedule([series, ...approved(1)], [rule({ maxPerDay: 2 })], { now }).planned[0].scheduledAt).toBe('2026-03-02T12:00:00+08:00');
	});

	describe('reads occurrences after their edits (recurrence.overrides), as Expand Recurrence does', () => {
		const daily = (overrides: Record<string, { at?: string; skip?: boolean }>) =>
			makePost({ id: 's', status: 'scheduled', scheduledAt: '2026-02-23T09:00:00+08:00', recurrence: { freq: 'daily', interval: 1, overrides } });

		it('an occurrence moved out of its slot frees it', () => {
			const series = daily({ '2026-03-02T09:00:00+08:00': { at: '2026-03-31T15:00:00+08:00' } });
			expect(times(planSchedule([series, ...approved(1)], [rule({ maxPerDay: 1 })], { now }))).toEqual(['2026-03-02T09:00:00+08:00']);
		});

		it('an occurrence moved into a slot, even from beyond the horizon, holds it', () => {
			const series = daily({ '2026-04-30T09:00:00+08:00': { at: '2026-03-02T12:00:00+08:00' } });
			expect(times(planSchedule([series, ...approved(2)], [rule()], { now }))).toEqual(['2026-03-02T20:00:00+08:00', '2026-03-03T12:00:00+08:00']);
		});

		it('a skipped occurrence holds no slot', () => {
			const series = daily({ '2026-03-02T01:00:00Z': { skip: true } });
			expect(times(planSchedule([series, ...approved(1)], [rule({ maxPerDay: 1 })], { now }))).toEqual(['2026-03-02T09:00:00+08:00']);
		});

		it('in New York on the spring-forward day, the edit keyed by the EDT instant moves 09:00 to 12:00', () => {
			const ny = { timezone: 'America/New_York' };
			const series = makePost({
				id: 's',
				status: 'scheduled',
				scheduledAt: '2026-03-01T09:00:00-05:00',
				...ny,
				recurrence: { freq: 'daily', interval: 1, overrides: { '2026-03-08T09:00:00-04:00': { at: '2026-03-08T12:00:00-04:00' } } },
			});
			const r = planSchedule([series, ...approved(2)], [rule({ ...ny, slots: { daily: ['09:00', '12:00'] } })], { now: new Date('2026-03-07T12:00:00Z') });
			expect(times(r)).toEqual(['2026-03-07T12:00:00-05:00', '2026-03-08T09:00:00-04:00']);
		});
	});
});
