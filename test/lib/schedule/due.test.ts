import { selectDuePosts } from '../../../lib/schedule';
import { makePost } from './fixtures';

const now = new Date('2026-03-02T02:00:00Z'); // 10:00 Shanghai
const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000).toISOString().replace('.000Z', 'Z');

describe('selectDuePosts', () => {
	const posts = [
		makePost({ id: 'due-late', status: 'scheduled', scheduledAt: at(20) }),
		makePost({ id: 'due-now', status: 'approved', scheduledAt: at(0) }),
		makePost({ id: 'future', status: 'scheduled', scheduledAt: at(-5) }),
		makePost({ id: 'missed', status: 'scheduled', scheduledAt: at(31) }),
		makePost({ id: 'draft-late', status: 'in_review', scheduledAt: at(45) }),
		makePost({ id: 'draft-now', status: 'draft', scheduledAt: at(1) }),
		makePost({ id: 'stuck', status: 'publishing', scheduledAt: at(90) }),
		makePost({ id: 'sending', status: 'publishing', scheduledAt: at(2) }),
		makePost({ id: 'done', status: 'published', scheduledAt: at(5), externalId: 'x1' }),
		makePost({ id: 'done-id', status: 'scheduled', scheduledAt: at(5), externalId: 'x2' }),
		makePost({ id: 'no-time', status: 'approved' }),
		makePost({ id: 'nope', status: 'rejected', scheduledAt: at(5) }),
		makePost({ id: 'broke', status: 'failed', scheduledAt: at(5) }),
		makePost({ id: 'series', status: 'scheduled', scheduledAt: at(5), recurrence: { freq: 'daily', interval: 1 } }),
	];

	it('puts every post in exactly one bucket, with reasons', () => {
		const r = selectDuePosts(posts, { now, graceMinutes: 30 });
		expect(r.due.map((p) => p.id)).toEqual(['due-late', 'due-now']);
		expect(r.overdue.map((o) => [o.post.id, o.reason, o.minutesLate])).toEqual([
			['missed', 'missed_window', 31],
			['draft-late', 'not_approved_in_time', 45],
			['stuck', 'stuck_publishing', 90],
		]);
		expect(Object.fromEntries(r.notDue.map((n) => [n.post.id, n.reason]))).toEqual({
			future: 'not_yet',
			'draft-now': 'not_approved',
			sending: 'in_progress',
			done: 'published',
			'done-id': 'published',
			'no-time': 'unscheduled',
			nope: 'rejected',
			broke: 'failed',
			series: 'recurring_series',
		});
		expect(r.due.length + r.overdue.length + r.notDue.length).toBe(posts.length);
	});

	it('the grace boundary is inclusive', () => {
		const r = selectDuePosts([makePost({ id: 'edge', status: 'scheduled', scheduledAt: at(30) })], { now, graceMinutes: 30 });
		expect(r.due).toHaveLength(1);
	});

	it('applies caps oldest first and keeps the rest queued', () => {
		const many = [
			makePost({ id: 'a3', scheduledAt: at(1) }),
			makePost({ id: 'a1', scheduledAt: at(3) }),
			makePost({ id: 'a2', scheduledAt: at(2) }),
			makePost({ id: 'b1', account: 'other', scheduledAt: at(2) }),
			makePost({ id: 'x1', platform: 'x', scheduledAt: at(2) }),
			makePost({ id: 'x2', platform: 'x', scheduledAt: at(1) }),
		];
		const r = selectDuePosts(many, { now, graceMinutes: 30, caps: { perAccount: 2, perPlatform: { x: 1 } } });
		expect(r.due.map((p) => p.id)).toEqual(['a1', 'a2', 'b1', 'x1']);
		expect(r.notDue.map((n) => [n.post.id, n.reason])).toEqual([
			['a3', 'capped'],
			['x2', 'capped'],
		]);
		expect(selectDuePosts(many, { now, graceMinutes: 30, caps: { perRun: 1 } }).due.map((p) => p.id)).toEqual(['a1']);
	});

	it('0 means no cap in every cap, a platform listed with 0 included (it used to hold every post of that platform)', () => {
		const many = [makePost({ id: 'x1', platform: 'x', scheduledAt: at(2) }), makePost({ id: 'x2', platform: 'x', scheduledAt: at(1) }), makePost({ id: 'a1', scheduledAt: at(1) })];
		const r = selectDuePosts(many, { now, graceMinutes: 30, caps: { perRun: 0, perAccount: 0, perPlatform: { x: 0, wechat_oa: 1 } } });
		expect(r.due.map((p) => p.id)).toEqual(['x1', 'a1', 'x2']);
		expect(r.notDue).toEqual([]);
	});

	it('names a wrong platform id or cap in perPlatform instead of ignoring it', () => {
		const one = [makePost({ id: 'x1', platform: 'x', scheduledAt: at(2) })];
		expect(() => selectDuePosts(one, { now, graceMinutes: 30, caps: { perPlatform: { twitter: 1 } as never } })).toThrow('perPlatform: "twitter" is not a platform id');
		expect(() => selectDuePosts(one, { now, graceMinutes: 30, caps: { perPlatform: { x: '2' } as never } })).toThrow('perPlatform.x must be a whole number, 0 or more (0 = no cap), got "2"');
		expect(() => selectDuePosts(one, { now, graceMinutes: 30, caps: { perPlatform: { x: 1.5 } } })).toThrow('perPlatform.x must be a whole number, 0 or more (0 = no cap), got 1.5');
		expect(() => selectDuePosts(one, { now, graceMinutes: 30, caps: { perPlatform: { x: -1 } } })).toThrow(/perPlatform\.x must be a whole number/);
		expect(() => selectDuePosts(one, { now, graceMinutes: 30, caps: { perPlatform: [2] as never } })).toThrow(/perPlatform must be an object/);
	});

	it('perRun and perAccount are whole numbers, 0 or more: a fraction or a negative is named, not rounded or ignored', () => {
		const one = [makePost({ id: 'a1', scheduledAt: at(2) })];
		expect(() => selectDuePosts(one, { now, graceMinutes: 30, caps: { perRun: 2.5 } })).toThrow('perRun must be a whole number, 0 or more (0 = no cap), got 2.5');
		expect(() => selectDuePosts(one, { now, graceMinutes: 30, caps: { perAccount: 0.5 } })).toThrow('perAccount must be a whole number, 0 or more (0 = no cap), got 0.5');
		expect(() => selectDuePosts(one, { now, graceMinutes: 30, caps: { perRun: -1 } })).toThrow(/perRun must be a whole number/);
		expect(selectDuePosts(one, { now, graceMinutes: 30, caps: { perRun: 0, perAccount: 1 } }).due.map((p) => p.id)).toEqual(['a1']);
	});

	it('rejects a bad grace period and a timestamp without offset', () => {
		expect(() => selectDuePosts([], { now, graceMinutes: -1 })).toThrow(/graceMinutes/);
		const bad = { ...makePost({ id: 'b' }), scheduledAt: '2026-03-02T10:00:00' };
		expect(() => selectDuePosts([bad], { now, graceMinutes: 5 })).toThrow(/offset/);
	});
});
