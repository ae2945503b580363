import type { RiskAssessment } from '../../../lib/model';
import { detectSpikes, type SpikeObservation, type SpikeState, type WindowCount } from '../../../lib/risk';

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
		const share = { ...options, metrics: ['negative_share' as const] };
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
		expect(replay.alerts[0].observed).toBe(15);
	});

	it('resolves the incident once the window is quiet again', () => {
		const first = detectSpikes({ assessments: burst(15) }, seeded(), { ...options, metrics: ['negative_volume'] });
		const later = detectSpikes({ counts: [{ accountId: 'acc1', platform: 'weibo', start: iso(NOW + HOUR), total: 20, negative: 2 }] }, first.state, { ...options, now: iso(NOW + HOUR + 60000), metrics: ['negative_volume'] });
		expect(later.alerts).toHaveLength(1);
		expect(later.alerts[0]).toMatchObject({ id: first.alerts[0].id, status: 'resolved' });
		expect(detectSpikes({}, later.state, { ...options, now: iso(NOW + HOUR + 120000) }).alerts).toEqual([]);
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

	it('requires an instant with an offset for now', () => {
		expect(() => detectSpikes({}, undefined, { now: '2026-03-01T12:00:00' })).toThrow(/offset/);
	});
});
