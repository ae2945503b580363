import { RiskAlertSchema, type RiskAlert, type RiskAssessment } from '../../../lib/model';
import { SERIES_CAPACITY_OUTCOME, buildRiskEventLogEntry, detectSpikes, type SpikeObservation, type SpikeState, type WindowCount } from '../../../lib/risk';

const HOUR = 3600000;
const NOW = Date.parse('2026-03-01T12:30:00+08:00');
const iso = (ms: number) => new Date(ms).toISOString();

/** 12 quiet hours before the current one: 20 mentions, 1-3 negative. */
function quietHistory(accountId = 'acc1'): WindowCount[] {
	return Array.from({ length: 12 }, (_, i) => ({ accountId, platform: 'weibo' as const, start: iso(NOW - (12 - i) * HOUR), total: 20, negative: 1 + (i % 3) }));
}

let seq = 0;
function observation(negative: boolean, minutesAgo: number, extra: Partial<SpikeObservation> = {}): SpikeObservation {
	seq++;
	const a: RiskAssessment = {
		mentionId: `m${seq}`,
		platform: 'weibo',
		text: negative ? `太差了 ${seq}` : `不错 ${seq}`,
		createdAt: iso(NOW - minutesAgo * 60000),
		sentiment: { score: negative ? -0.7 : 0.6, label: negative ? 'negative' : 'positive', language: 'zh' },
		categories: negative ? ['complaint'] : [],
		matches: [],
		likelihood: 'medium',
		impact: 'minor',
		reach: seq,
		riskLevel: negative ? 'low' : 'none',
	};
	return { ...a, accountId: 'acc1', ...extra };
}

const burst = (negatives: number, positives = 5) => [...Array.from({ length: negatives }, (_, i) => observation(true, 1 + (i % 25))), ...Array.from({ length: positives }, (_, i) => observation(false, 1 + i))];
const options = { now: iso(NOW), timezone: 'Asia/Shanghai' };

function seeded(): SpikeState {
	return detectSpikes({ counts: quietHistory() }, undefined, { ...options, now: iso(NOW - HOUR) }).state;
}

describe('detectSpikes', () => {
	it('raises a negative-volume and a negative-share alert against the baseline', () => {
		const { alerts } = detectSpikes({ assessments: burst(15) }, seeded(), { ...options, language: 'en', owner: 'pr-duty' });
		const volume = alerts.find((a) => a.metric === 'negative_volume')!;
		expect(volume).toMatchObject({ type: 'negative_spike', status: 'open', accountId: 'acc1', observed: 15, owner: 'pr-duty' });
		expect(volume.baseline).toBeCloseTo(2, 5);
		expect(volume.threshold).toBeGreaterThan(volume.baseline);
		expect(volume.observed).toBeGreaterThan(volume.threshold);
		expect(['high', 'critical']).toContain(volume.level);
		expect(volume.window.start).toBe('2026-03-01T12:00:00+08:00');
		expect(volume.window.label).toContain('Asia/Shanghai');
		expect(volume.evidence).toHaveLength(5);
		expect(volume.evidence.map((e) => e.reach)).toEqual([...volume.evidence.map((e) => e.reach!)].sort((a, b) => b - a));
		expect(volume.suggestedActions.join(' ')).toMatch(/emergency/i);
		expect(alerts.find((a) => a.metric === 'negative_share')?.observed).toBeCloseTo(0.75, 3);
	});

	it('a share spike that resolves and comes back within the same window is a new incident with a new id', () => {
		// No hysteresis here (resolve at the first check under the threshold), to reach a resolution within one window.
		const share = { ...options, metrics: ['negative_share' as const], resolveMargin: 0, resolveAfterQuietWindows: 1 };
		const opened = detectSpikes({ assessments: burst(15) }, seeded(), { ...share, now: iso(NOW) });
		expect(opened.alerts).toMatchObject([{ status: 'open' }]);
		// Praise pours in: the share falls back under the threshold within the same hour …
		const resolved = detectSpikes({ assessments: [...burst(0, 25), ...burst(0, 25)] }, opened.state, { ...share, now: iso(NOW + 5 * 60000) });
		expect(resolved.alerts).toMatchObject([{ id: opened.alerts[0].id, status: 'resolved' }]);
		// … and complaints push it over again: a new incident, not the resolved one's id (one event-log row each).
		const again = detectSpikes({ assessments: burst(60, 0) }, resolved.state, { ...share, now: iso(NOW + 10 * 60000) });
		expect(again.alerts).toMatchObject([{ status: 'open' }]);
		expect(again.alerts[0].id).not.toBe(opened.alerts[0].id);
	});

	it('writes suggested actions in Chinese by default', () => {
		const { alerts } = detectSpikes({ assessments: burst(15) }, seeded(), options);
		expect(alerts[0].suggestedActions[0]).toMatch(/应急/);
	});

	it('the minimum-count guard holds back a small burst that is a spike in z terms', () => {
		const small = burst(8, 0);
		expect(detectSpikes({ assessments: small }, seeded(), options).alerts).toEqual([]);
		expect(detectSpikes({ assessments: small }, seeded(), { ...options, minCount: 5 }).alerts.map((a) => a.metric)).toContain('negative_volume');
	});

	it('needs some history before it alerts', () => {
		expect(detectSpikes({ assessments: burst(30) }, undefined, options).alerts).toEqual([]);
	});

	it('updates an ongoing incident instead of alerting every run, and escalates when the level rises', () => {
		const k = { low: 1.5, medium: 2, high: 3, critical: 100 };
		const run = { ...options, k, metrics: ['negative_volume'] as const, minCount: 3 };
		// baseline 2 ± 1.41 (Poisson floor): 5 negatives is z ≈ 2.1 (medium), 25 is far past 3 (high)
		const first = detectSpikes({ assessments: burst(5, 30) }, seeded(), run);
		expect(first.alerts).toHaveLength(1);
		const opened = first.alerts[0];
		expect(opened.status).toBe('open');

		expect(opened.level).toBe('medium');
		const again = detectSpikes({ assessments: [observation(true, 2)] }, first.state, run);
		expect(again.alerts).toEqual([]);

		const worse = detectSpikes({ assessments: burst(20, 0) }, again.state, run);
		expect(worse.alerts).toHaveLength(1);
		expect(worse.alerts[0]).toMatchObject({ id: opened.id, status: 'escalated', firstSeenAt: opened.firstSeenAt });
		expect(['low', 'medium', 'high', 'critical'].indexOf(worse.alerts[0].level)).toBeGreaterThan(['low', 'medium', 'high', 'critical'].indexOf(opened.level));
	});

	it('does not count a mention twice when a poll overlaps', () => {
		const once = burst(15);
		const first = detectSpikes({ assessments: once }, seeded(), { ...options, metrics: ['negative_volume'] });
		const replay = detectSpikes({ assessments: once }, first.state, { ...options, metrics: ['negative_volume'], emitOngoing: true });
		expect(replay.alerts[0]).toMatchObject({ id: first.alerts[0].id, status: 'ongoing', observed: 15 });
	});

	it('an ongoing spike records a wider impact without a new alert, and shows it when it repeats', () => {
		// z ≈ 9 is critical: the level cannot rise any more, the impact still can.
		const run = { ...options, metrics: ['negative_volume'] as const, k: { critical: 4 } };
		const first = detectSpikes({ assessments: burst(15) }, seeded(), run);
		expect(first.alerts).toMatchObject([{ status: 'open', level: 'critical' }]);
		expect(first.alerts[0].impact).not.toBe('severe');
		// Two complaints from accounts with a wide reach: the level is the same, the impact is not.
		const wide = [observation(true, 3, { reach: 200_000 }), observation(true, 4, { reach: 150_000 })];
		const grown = detectSpikes({ assessments: wide }, first.state, run);
		expect(grown.alerts).toEqual([]);
		const shown = detectSpikes({ assessments: [observation(true, 5)] }, grown.state, { ...run, emitOngoing: true });
		expect(shown.alerts).toMatchObject([{ id: first.alerts[0].id, status: 'ongoing', level: 'critical', impact: 'severe' }]);
	});

	it('resolves the incident once the window has been quiet in two windows (the default), once', () => {
		const first = detectSpikes({ assessments: burst(15) }, seeded(), { ...options, metrics: ['negative_volume'] });
		const quietHour = (h: number) => ({ counts: [{ accountId: 'acc1', platform: 'weibo' as const, start: iso(NOW + h * HOUR), total: 20, negative: 2 }] });
		const oneQuiet = detectSpikes(quietHour(1), first.state, { ...options, now: iso(NOW + HOUR + 60000), metrics: ['negative_volume'] });
		expect(oneQuiet.alerts).toEqual([]);
		// A second run in the same window is not a second quiet window.
		const sameWindow = detectSpikes({}, oneQuiet.state, { ...options, now: iso(NOW + HOUR + 20 * 60000), metrics: ['negative_volume'] });
		expect(sameWindow.alerts).toEqual([]);
		const later = detectSpikes(quietHour(2), sameWindow.state, { ...options, now: iso(NOW + 2 * HOUR + 60000), metrics: ['negative_volume'] });
		expect(later.alerts).toHaveLength(1);
		expect(later.alerts[0]).toMatchObject({ id: first.alerts[0].id, status: 'resolved', resolution: 'cleared' });
		expect(RiskAlertSchema.parse(later.alerts[0])).toEqual(later.alerts[0]);
		expect(detectSpikes({}, later.state, { ...options, now: iso(NOW + 2 * HOUR + 120000) }).alerts).toEqual([]);
		// Without hysteresis the first quiet window resolves it.
		const eager = detectSpikes(quietHour(1), first.state, { ...options, now: iso(NOW + HOUR + 60000), metrics: ['negative_volume'], resolveAfterQuietWindows: 1 });
		expect(eager.alerts).toMatchObject([{ id: first.alerts[0].id, status: 'resolved' }]);
	});

	describe('hysteresis: a metric hovering at its threshold', () => {
		// 48 hourly windows of 20 negatives out of 100: baseline 20, σ floored at √20 ≈ 4.47, so the alert threshold
		// (z 1.5) is ≈ 26.7 and the resolve level (z 0.5, the default margin of 1 σ) ≈ 22.2. The baseline is long, so
		// the few windows of the test barely move it.
		const T0 = Date.parse('2026-03-01T00:00:00+08:00');
		const custom = { timezone: 'Asia/Shanghai', bucketMinutes: 60, windowBuckets: 1, baselineWindows: 48, metrics: ['negative_volume'] as const, minCount: 10 };
		const hour = (h: number, negative: number): WindowCount => ({ accountId: 'acc1', platform: 'weibo', start: iso(T0 + h * HOUR), total: 100, negative });
		const history = () => detectSpikes({ counts: Array.from({ length: 48 }, (_, i) => hour(i - 48, 20)) }, undefined, { ...custom, now: iso(T0 - 1) }).state;
		/** Runs one check per hour (half past) over `series`, returning each run's alerts. */
		function runSeries(series: number[], extra: object = {}): RiskAlert[][] {
			let state = history();
			return series.map((negative, h) => {
				const step = detectSpikes({ counts: [hour(h, negative)] }, state, { ...custom, ...extra, now: iso(T0 + h * HOUR + 30 * 60000) });
				state = step.state;
				return step.alerts;
			});
		}
		const flapping = [28, 25, 28, 25, 28, 25];

		it('without hysteresis it flaps: open, resolved, open … on alternate runs', () => {
			const runs = runSeries(flapping, { resolveMargin: 0, resolveAfterQuietWindows: 1 });
			expect(runs.map((alerts) => alerts.map((a) => a.status))).toEqual([['open'], ['resolved'], ['open'], ['resolved'], ['open'], ['resolved']]);
		});

		it('with the defaults it opens once, stays open through the dips, and resolves once after two quiet windows', () => {
			const runs = runSeries([...flapping, 21, 20, 20, 28]);
			expect(runs.map((alerts) => alerts.map((a) => a.status))).toEqual([['open'], [], [], [], [], [], [], ['resolved'], [], ['open']]);
			expect(runs[7][0].id).toBe(runs[0][0].id);
			expect(runs[9][0].id).not.toBe(runs[0][0].id);
			// With Emit Ongoing Incidents the dips say ongoing, never open or resolved.
			const loud = runSeries(flapping, { emitOngoing: true });
			expect(loud.map((alerts) => alerts.map((a) => a.status))).toEqual([['open'], ['ongoing'], ['ongoing'], ['ongoing'], ['ongoing'], ['ongoing']]);
			expect(new Set(loud.flat().map((a) => a.id)).size).toBe(1);
		});

		it('a value between the resolve level and the threshold holds the incident and restarts the quiet count', () => {
			// 21 is quiet (z ≈ 0.2), 25 is not (z ≈ 1.1): quiet, not quiet, quiet, quiet → resolved only at the last.
			const runs = runSeries([28, 21, 25, 21, 21]);
			expect(runs.map((alerts) => alerts.map((a) => a.status))).toEqual([['open'], [], [], [], ['resolved']]);
			// A narrower margin (0.3 σ: resolve level z 1.2) counts 25 (z ≈ 1.0) as quiet too: resolved at the second quiet window.
			const narrow = runSeries([28, 21, 25, 21, 21], { resolveMargin: 0.3 });
			expect(narrow.map((alerts) => alerts.map((a) => a.status))).toEqual([['open'], [], ['resolved'], [], []]);
		});

		it('the minimum-count guard does not flap either: a count alternating around Minimum Count keeps one incident open', () => {
			// Baseline 2 a window: 10 negatives is far above it, 9 is under Minimum Count (10).
			const low = (h: number, negative: number): WindowCount => ({ accountId: 'acc1', platform: 'weibo', start: iso(T0 + h * HOUR), total: 40, negative });
			let state = detectSpikes({ counts: Array.from({ length: 48 }, (_, i) => low(i - 48, 2)) }, undefined, { ...custom, now: iso(T0 - 1) }).state;
			const statuses = [10, 9, 10, 9, 10, 9, 9].map((negative, h) => {
				const step = detectSpikes({ counts: [low(h, negative)] }, state, { ...custom, now: iso(T0 + h * HOUR + 30 * 60000) });
				state = step.state;
				return step.alerts.map((a) => a.status);
			});
			expect(statuses).toEqual([['open'], [], [], [], [], [], ['resolved']]);
		});

		it('names a bad option', () => {
			expect(() => detectSpikes({}, undefined, { ...custom, now: iso(T0), resolveMargin: -1 })).toThrow(/resolveMargin/);
			expect(() => detectSpikes({}, undefined, { ...custom, now: iso(T0), resolveAfterQuietWindows: 0 })).toThrow(/resolveAfterQuietWindows/);
		});
	});

	it('keeps series apart per account and topic', () => {
		const state = detectSpikes({ counts: [...quietHistory('acc1'), ...quietHistory('acc2')] }, undefined, { ...options, now: iso(NOW - HOUR) }).state;
		const { alerts } = detectSpikes({ assessments: burst(15).map((a) => ({ ...a, accountId: 'acc2', topic: '新品' })) }, state, options);
		expect(alerts.every((a) => a.accountId === 'acc2' && a.topic === '新品')).toBe(true);
	});

	it('supports the Socialmetrix preset (24 h vs 7 d) and an EWMA baseline', () => {
		const days = Array.from({ length: 7 * 24 }, (_, i) => ({ accountId: 'acc1', start: iso(NOW - (7 * 24 + 24 - i) * HOUR), total: 10, negative: i % 2 }));
		const state = detectSpikes({ counts: days }, undefined, { ...options, preset: 'socialmetrix' }).state;
		const { alerts } = detectSpikes({ assessments: burst(40) }, state, { ...options, preset: 'socialmetrix', baseline: 'ewma' });
		const volume = alerts.find((a) => a.metric === 'negative_volume')!;
		expect(volume.baseline).toBeCloseTo(12, 0);
		expect(volume.window.label).toMatch(/2026-02-28 13:00–2026-03-01 12:30/);
	});

	it('keeps the state bounded and JSON-serialisable, and does not mutate the input state', () => {
		const state = seeded();
		const snapshot = JSON.stringify(state);
		let s = state;
		for (let i = 0; i < 60; i++) {
			const counts = Array.from({ length: 30 }, (_, j) => ({ accountId: `acc${j}`, topic: `t${i}`, start: iso(NOW - j * HOUR), total: 5, negative: 1 }));
			s = detectSpikes({ counts, assessments: burst(3) }, s, { ...options, maxSeries: 50, maxSeenIds: 100 }).state;
		}
		expect(JSON.stringify(state)).toBe(snapshot);
		expect(Object.keys(s.series).length).toBeLessThanOrEqual(50);
		expect(s.seen.length).toBeLessThanOrEqual(100);
		for (const series of Object.values(s.series)) expect(Object.keys(series.buckets).length).toBeLessThanOrEqual(13);
		expect(JSON.parse(JSON.stringify(s))).toEqual(s);
	});

	describe('Max Series: series dropped beyond it', () => {
		const acc2 = (n: number) => burst(n).map((a) => ({ ...a, accountId: 'acc2' }));
		/** acc1 and acc2 both with a quiet history; acc1 spiking (both metrics open) at NOW. */
		function acc1Spiking() {
			const history = detectSpikes({ counts: [...quietHistory('acc1'), ...quietHistory('acc2')] }, undefined, { ...options, now: iso(NOW - HOUR) }).state;
			return detectSpikes({ assessments: burst(15) }, history, options);
		}

		it('a dropped series with an open spike is closed with one last alert per incident (resolution capacity), not left open', () => {
			const first = acc1Spiking();
			expect(first.alerts.map((a) => [a.accountId, a.status])).toEqual([
				['acc1', 'open'],
				['acc1', 'open'],
			]);
			// acc2 spikes too, ten minutes later: two series with open incidents and room for one, so the less recently active goes.
			const later = { ...options, now: iso(NOW + 10 * 60000), maxSeries: 1, language: 'en' as const };
			const next = detectSpikes({ assessments: acc2(15) }, first.state, later);
			expect(next.alerts.map((a) => [a.accountId, a.metric, a.status, a.resolution ?? ''])).toEqual([
				['acc2', 'negative_volume', 'open', ''],
				['acc2', 'negative_share', 'open', ''],
				['acc1', 'negative_volume', 'resolved', 'capacity'],
				['acc1', 'negative_share', 'resolved', 'capacity'],
			]);
			const closed = next.alerts.slice(2);
			expect(closed.map((a) => a.id)).toEqual(first.alerts.map((a) => a.id));
			expect(closed.map((a) => a.level)).toEqual(first.alerts.map((a) => a.level));
			expect(closed[0].firstSeenAt).toBe(first.alerts[0].firstSeenAt);
			for (const a of next.alerts) expect(RiskAlertSchema.parse(a)).toEqual(a);
			expect(Object.keys(next.state.series)).toEqual(['acc2|*']);
			// The event-log row says it was closed unresolved, and names the limit it was dropped over.
			expect(buildRiskEventLogEntry(closed[0], { at: later.now })).toMatchObject({ incidentId: first.alerts[0].id, status: 'resolved', outcome: SERIES_CAPACITY_OUTCOME });
			expect(SERIES_CAPACITY_OUTCOME).toMatch(/closed unresolved: over Max Series/);
			// Dropped means gone: a later run says nothing more about acc1.
			expect(detectSpikes({}, next.state, { ...later, now: iso(NOW + 3 * HOUR) }).alerts.filter((a) => a.accountId === 'acc1')).toEqual([]);
		});

		it('drops a series without an open incident first, even a more recently active one', () => {
			const first = acc1Spiking();
			// acc2 is busier than acc1 now but quiet: it gives way, and acc1's spike stays open to resolve in its own time.
			const next = detectSpikes({ assessments: acc2(2) }, first.state, { ...options, now: iso(NOW + 10 * 60000), maxSeries: 1 });
			expect(next.alerts).toEqual([]);
			expect(Object.keys(next.state.series)).toEqual(['acc1|*']);
			expect(Object.keys(next.state.series['acc1|*'].incidents).sort()).toEqual(['negative_share', 'negative_volume']);
			// Once it has resolved (cleared), acc1 is an ordinary series again and the least recently active goes.
			const quiet = { ...options, maxSeries: 1, metrics: undefined };
			let s = next.state;
			const statuses: string[] = [];
			for (const h of [1, 2]) {
				const run = detectSpikes({}, s, { ...quiet, now: iso(NOW + h * HOUR) });
				statuses.push(...run.alerts.map((a) => `${a.status}/${a.resolution}`));
				s = run.state;
			}
			expect(statuses).toEqual(['resolved/cleared', 'resolved/cleared']);
			const after = detectSpikes({ assessments: acc2(2).map((a) => ({ ...a, createdAt: iso(NOW + 2 * HOUR + 60000) })) }, s, { ...quiet, now: iso(NOW + 2 * HOUR + 5 * 60000) });
			expect(after.alerts).toEqual([]);
			expect(Object.keys(after.state.series)).toEqual(['acc2|*']);
		});

		it('names a bad Max Series', () => {
			expect(() => detectSpikes({}, undefined, { ...options, maxSeries: 0 })).toThrow(/maxSeries/);
			expect(() => detectSpikes({}, undefined, { ...options, maxSeries: 1.5 })).toThrow(/maxSeries/);
		});
	});

	it('requires an instant with an offset for now', () => {
		expect(() => detectSpikes({}, undefined, { now: '2026-03-01T12:00:00' })).toThrow(/offset/);
	});
});
