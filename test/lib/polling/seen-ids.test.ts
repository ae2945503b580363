import { emptySeenIds, loadSeenIds, takeUnseen } from '../../../lib/polling/seen-ids';

const DAY = 86_400_000;

describe('takeUnseen', () => {
	it('emits each id once across polls, in input order, even when a poll repeats ids', () => {
		const first = takeUnseen(['a', 'b', 'a', 'c'], (x) => x, emptySeenIds(), { now: 0 });
		expect(first.fresh).toEqual(['a', 'b', 'c']);
		const second = takeUnseen(['c', 'd', 'b', 'e'], (x) => x, first.state, { now: 1 });
		expect(second.fresh).toEqual(['d', 'e']);
		expect(second.state.initialized).toBe(true);
	});

	it('survives a JSON round trip (as workflow static data does) and ignores foreign objects', () => {
		const { state } = takeUnseen(['x'], (x) => x, emptySeenIds(), { now: 0 });
		const restored = loadSeenIds(JSON.parse(JSON.stringify(state)));
		expect(takeUnseen(['x', 'y'], (x) => x, restored, { now: 1 }).fresh).toEqual(['y']);
		expect(loadSeenIds({ something: 'else' })).toEqual(emptySeenIds());
		expect(loadSeenIds(undefined).initialized).toBe(false);
	});

	it('stays bounded: prunes past the retention and keeps the newest when over the cap', () => {
		let state = emptySeenIds();
		for (let i = 0; i < 30; i++) state = takeUnseen([`id${i}`], (x) => x, state, { now: i * DAY, retentionDays: 10, maxIds: 1000 }).state;
		expect(Object.keys(state.seen)).toHaveLength(11); // days 19..29
		const capped = takeUnseen(['n1', 'n2', 'n3'], (x) => x, state, { now: 29 * DAY, retentionDays: 10, maxIds: 5 }).state;
		expect(Object.keys(capped.seen)).toHaveLength(5);
		expect(capped.seen).toHaveProperty('n3');
	});

	it('does not mutate the state it was given', () => {
		const state = emptySeenIds();
		takeUnseen(['a'], (x) => x, state, { now: 0 });
		expect(state).toEqual(emptySeenIds());
	});
});
