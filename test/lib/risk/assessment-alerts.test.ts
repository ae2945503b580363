import type { RiskAssessment, RiskCategory, RiskLevel } from '../../../lib/model';
import { RiskAlertSchema } from '../../../lib/model';
import { CAPACITY_OUTCOME, advanceIncident, alertsFromAssessments, assessMentions, buildRiskEventLogEntry, primaryCategory, suggestedActions, type AssessmentAlertOptions, type Incident } from '../../../lib/risk';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-03-01T12:30:00+08:00');
const iso = (ms: number) => new Date(ms).toISOString();
const at = (ms: number): AssessmentAlertOptions => ({ now: iso(ms), timezone: 'Asia/Shanghai' });

let seq = 0;
function assessment(categories: RiskCategory[], riskLevel: RiskLevel, extra: Partial<RiskAssessment> = {}): RiskAssessment {
	seq++;
	return {
		mentionId: `m${seq}`,
		platform: 'wechat_oa',
		accountId: 'wxbrand',
		text: `评论 ${seq}`,
		createdAt: iso(NOW - seq * 60000),
		sentiment: { score: -0.5, label: 'negative', language: 'zh' },
		categories,
		matches: [],
		likelihood: 'medium',
		impact: 'moderate',
		reach: 0,
		riskLevel,
		...extra,
	};
}

const refunds = (n: number, level: RiskLevel = 'high') => Array.from({ length: n }, (_, i) => assessment(['refund_dispute'], level, { reach: i * 10, text: `退款 ${i}` }));

describe('primaryCategory', () => {
	it('files a mention under its most severe category; a bare negative one is a complaint', () => {
		expect(primaryCategory(['refund_dispute', 'safety_quality', 'media_exposure'])).toBe('safety_quality');
		expect(primaryCategory(['complaint', 'legal_threat'])).toBe('legal_threat');
		expect(primaryCategory([])).toBe('complaint');
	});
});

describe('advanceIncident', () => {
	it('opens, escalates only upwards, stays ongoing, then resolves and frees the slot', () => {
		const slots: Record<string, Incident> = {};
		const open = (): Incident => ({ id: 'x', level: 'medium', impact: 'minor', firstSeenAt: 'then' });
		expect(advanceIncident(slots, 'k', undefined, open)).toBeUndefined();
		expect(advanceIncident(slots, 'k', { level: 'medium', impact: 'minor' }, open)?.change).toBe('open');
		expect(advanceIncident(slots, 'k', { level: 'low', impact: 'minor' }, open)).toMatchObject({ change: 'ongoing', incident: { level: 'medium' } });
		expect(advanceIncident(slots, 'k', { level: 'high', impact: 'severe' }, open)).toMatchObject({ change: 'escalated', incident: { id: 'x', level: 'high', impact: 'severe' } });
		expect(advanceIncident(slots, 'k', { level: 'none', impact: 'minor' }, open)).toMatchObject({ change: 'resolved', incident: { id: 'x' } });
		expect(slots).toEqual({});
	});

	it('records a wider impact silently when the level does not rise, and never narrows it', () => {
		const slots: Record<string, Incident> = {};
		const open = (): Incident => ({ id: 'x', level: 'high', impact: 'moderate', firstSeenAt: 'then' });
		advanceIncident(slots, 'k', { level: 'high', impact: 'moderate' }, open);
		expect(advanceIncident(slots, 'k', { level: 'high', impact: 'severe' }, open)).toMatchObject({ change: 'ongoing', incident: { level: 'high', impact: 'severe' } });
		expect(advanceIncident(slots, 'k', { level: 'critical', impact: 'minor' }, open)).toMatchObject({ change: 'escalated', incident: { level: 'critical', impact: 'severe' } });
	});
});

describe('alertsFromAssessments', () => {
	it('turns fifty refund complaints into one alert whose evidence is the top mentions by reach', () => {
		const input = [...refunds(50), assessment(['complaint'], 'medium')];
		const { alerts, state } = alertsFromAssessments(input, undefined, { ...at(NOW), owner: 'pr-duty' });
		expect(alerts).toHaveLength(1);
		const [a] = alerts;
		expect(RiskAlertSchema.parse(a)).toEqual(a);
		expect(a).toMatchObject({ type: 'refund_dispute', status: 'open', platform: 'wechat_oa', accountId: 'wxbrand', metric: 'risk_mentions', observed: 50, baseline: 0, threshold: 1, owner: 'pr-duty' });
		expect(a.id).toBe('risk:wechat_oa:wxbrand:refund_dispute:2026-03-01T04:30:00Z');
		// Fifty is more than escalateAtMentions (10): one level up, and it happens often (高频).
		expect(a).toMatchObject({ level: 'critical', likelihood: 'high' });
		expect(a.evidence.map((e) => e.reach)).toEqual([490, 480, 470, 460, 450]);
		expect(a.suggestedActions).toEqual(suggestedActions(['refund_dispute'], 'zh'));
		// The window runs from the oldest to the newest of its mentions, in the workflow's zone.
		const times = input.slice(0, 50).map((x) => Date.parse(x.createdAt));
		expect([Date.parse(a.window.start), Date.parse(a.window.end)]).toEqual([Math.min(...times), Math.max(...times)]);
		expect(a.window.start).toMatch(/\+08:00$/);
		expect(a.window.label).toMatch(/Asia\/Shanghai$/);
		expect(Object.keys(state.incidents)).toEqual(['wechat_oa|wxbrand|*|refund_dispute']);
	});

	it('groups by platform, account, topic and primary category, with every category’s actions', () => {
		const input = [
			assessment(['safety_quality', 'refund_dispute'], 'critical'),
			assessment(['refund_dispute'], 'high'),
			assessment(['refund_dispute'], 'high', { accountId: 'other' }),
			assessment(['refund_dispute'], 'high', { topic: 'launch' }),
			assessment(['refund_dispute'], 'high', { platform: 'weibo' }),
		];
		const { alerts } = alertsFromAssessments(input, undefined, { ...at(NOW), language: 'en' });
		expect(alerts.map((a) => [a.type, a.platform, a.accountId ?? '', a.topic ?? '', a.observed])).toEqual([
			['safety_quality', 'wechat_oa', 'wxbrand', '', 1],
			['refund_dispute', 'wechat_oa', 'wxbrand', '', 1],
			['refund_dispute', 'wechat_oa', 'other', '', 1],
			['refund_dispute', 'wechat_oa', 'wxbrand', 'launch', 1],
			['refund_dispute', 'weibo', 'wxbrand', '', 1],
		]);
		expect(alerts[0].suggestedActions).toEqual(suggestedActions(['safety_quality', 'refund_dispute'], 'en'));
		expect(alerts[3].id).toMatch(/^risk:wechat_oa:wxbrand:launch:refund_dispute:/);
	});

	it('ignores assessments below the minimum level (default high)', () => {
		const low = [assessment(['complaint'], 'low'), assessment(['complaint'], 'medium'), assessment([], 'none')];
		expect(alertsFromAssessments(low, undefined, at(NOW)).alerts).toEqual([]);
		const { alerts } = alertsFromAssessments(low, undefined, { ...at(NOW), minLevel: 'medium' });
		expect(alerts).toHaveLength(1);
		expect(alerts[0]).toMatchObject({ type: 'complaint', level: 'medium', observed: 1 });
	});

	it('per-mention grouping keeps one alert per comment, with the ids the event log has always used', () => {
		const input = [assessment(['refund_dispute'], 'high'), assessment(['refund_dispute'], 'critical')];
		const { alerts } = alertsFromAssessments(input, undefined, { ...at(NOW), groupBy: 'mention' });
		expect(alerts.map((a) => [a.id, a.level, a.observed])).toEqual([
			[`mention:wechat_oa:${input[0].mentionId}`, 'high', 1],
			[`mention:wechat_oa:${input[1].mentionId}`, 'critical', 1],
		]);
		expect(alerts[0].window.start).toBe(alerts[0].window.end);
	});

	it('stays quiet while an incident grows, escalates once on a higher level or on volume, and never re-counts a mention', () => {
		const opts = { ...at(NOW), escalateAtMentions: 6 };
		const first = alertsFromAssessments(refunds(2), undefined, opts);
		expect(first.alerts.map((a) => [a.status, a.level, a.observed])).toEqual([['open', 'high', 2]]);
		const id = first.alerts[0].id;

		// More of the same, later: silence (unless asked to emit ongoing incidents).
		const more = refunds(2);
		const quiet = alertsFromAssessments(more, first.state, at(NOW + HOUR));
		expect(quiet.alerts).toEqual([]);
		const ongoing = alertsFromAssessments(more, first.state, { ...at(NOW + HOUR), emitOngoing: true });
		expect(ongoing.alerts.map((a) => [a.id, a.status, a.observed])).toEqual([[id, 'ongoing', 4]]);

		// A webhook retry or polling overlap: the same mentions again change nothing.
		const replay = alertsFromAssessments(more, quiet.state, opts);
		expect(replay.alerts).toEqual([]);
		expect(replay.state.incidents[Object.keys(replay.state.incidents)[0]].mentions).toBe(4);

		// Two more make six: volume escalation, same id.
		const volume = alertsFromAssessments(refunds(2), replay.state, { ...opts, now: iso(NOW + 2 * HOUR) });
		expect(volume.alerts).toMatchObject([{ id, status: 'escalated', level: 'critical', likelihood: 'high', observed: 6, firstSeenAt: first.alerts[0].firstSeenAt }]);
		expect(volume.alerts[0].updatedAt).toBe('2026-03-01T14:30:00+08:00');
		// Nothing can go higher than critical: silence again.
		expect(alertsFromAssessments(refunds(3, 'critical'), volume.state, opts).alerts).toEqual([]);
	});

	it('escalates on a higher-risk mention and keeps the evidence across runs', () => {
		const first = alertsFromAssessments([assessment(['legal_threat'], 'high', { reach: 5 })], undefined, at(NOW));
		const big = assessment(['legal_threat', 'media_exposure'], 'critical', { reach: 90_000, impact: 'severe', likelihood: 'high', url: 'https://weibo.example/1' });
		const second = alertsFromAssessments([big], first.state, at(NOW + HOUR));
		expect(second.alerts).toMatchObject([{ id: first.alerts[0].id, status: 'escalated', level: 'critical', impact: 'severe', likelihood: 'high', observed: 2 }]);
		expect(second.alerts[0].evidence.map((e) => [e.mentionId, e.reach])).toEqual([
			[big.mentionId, 90_000],
			[first.alerts[0].evidence[0].mentionId, 5],
		]);
		expect(second.alerts[0].evidence[0].url).toBe('https://weibo.example/1');
		expect(second.alerts[0].suggestedActions).toEqual(suggestedActions(['legal_threat', 'media_exposure'], 'zh'));
	});

	it('resolves an incident once after the quiet period, then opens a new one', () => {
		const first = alertsFromAssessments(refunds(1), undefined, at(NOW));
		const id = first.alerts[0].id;
		expect(alertsFromAssessments([], first.state, at(NOW + 23 * HOUR)).alerts).toEqual([]);
		const resolved = alertsFromAssessments([], first.state, at(NOW + 24 * HOUR));
		expect(resolved.alerts).toMatchObject([{ id, status: 'resolved', observed: 1 }]);
		expect(resolved.state.incidents).toEqual({});
		expect(alertsFromAssessments([], resolved.state, at(NOW + 25 * HOUR)).alerts).toEqual([]);
		const again = alertsFromAssessments(refunds(1), resolved.state, at(NOW + 26 * HOUR));
		expect(again.alerts).toMatchObject([{ status: 'open' }]);
		expect(again.alerts[0].id).not.toBe(id);
		// A shorter quiet period resolves sooner.
		expect(alertsFromAssessments([], first.state, { ...at(NOW + 2 * HOUR), resolveAfterHours: 1 }).alerts).toMatchObject([{ status: 'resolved' }]);
	});

	it('a mention after the quiet period resolves the stale incident and opens a new one, even in the same run', () => {
		// A webhook-triggered workflow only runs when a comment arrives: the stale incident must not absorb it.
		const first = alertsFromAssessments(refunds(1), undefined, at(NOW));
		const id = first.alerts[0].id;
		const late = alertsFromAssessments(refunds(1), first.state, at(NOW + 30 * HOUR));
		expect(late.alerts.map((a) => [a.id === id, a.status, a.observed])).toEqual([
			[true, 'resolved', 1],
			[false, 'open', 1],
		]);
		expect(Object.values(late.state.incidents)).toHaveLength(1);
		expect(Object.values(late.state.incidents)[0].id).toBe(late.alerts[1].id);
		// Within the quiet period the same incident grows silently.
		expect(alertsFromAssessments(refunds(1), first.state, at(NOW + 23 * HOUR)).alerts).toEqual([]);
	});

	it('a schedule tick (no assessments) resolves the quiet incidents, and only those', () => {
		const first = alertsFromAssessments(refunds(1), undefined, at(NOW));
		const second = alertsFromAssessments([assessment(['legal_threat'], 'high')], first.state, at(NOW + 12 * HOUR));
		const tick = alertsFromAssessments([], second.state, at(NOW + 24 * HOUR + 60_000));
		expect(tick.alerts.map((a) => [a.id, a.status, a.resolution])).toEqual([[first.alerts[0].id, 'resolved', 'quiet']]);
		expect(Object.values(tick.state.incidents).map((i) => i.type)).toEqual(['legal_threat']);
	});

	it('repeats of Emit Ongoing Incidents say ongoing, so an escalated incident’s event-log row never turns back to open', () => {
		const opts = { ...at(NOW), escalateAtMentions: 0, emitOngoing: true };
		const first = alertsFromAssessments(refunds(1, 'high'), undefined, opts);
		const escalated = alertsFromAssessments(refunds(1, 'critical'), first.state, { ...opts, now: iso(NOW + HOUR) });
		expect(escalated.alerts).toMatchObject([{ status: 'escalated', level: 'critical' }]);
		const repeat = alertsFromAssessments(refunds(1, 'high'), escalated.state, { ...opts, now: iso(NOW + 2 * HOUR) });
		expect(repeat.alerts).toMatchObject([{ id: first.alerts[0].id, status: 'ongoing', level: 'critical', observed: 3 }]);
		expect(RiskAlertSchema.parse(repeat.alerts[0])).toEqual(repeat.alerts[0]);
		const row = buildRiskEventLogEntry(repeat.alerts[0], { at: iso(NOW + 2 * HOUR) });
		expect(row).toMatchObject({ incidentId: first.alerts[0].id, status: 'ongoing', level: 'critical' });
		expect(row.status).not.toBe('open');
	});

	it('keeps the impact of an incident up to date as it grows, without a new alert unless asked', () => {
		const first = alertsFromAssessments([assessment(['refund_dispute'], 'high', { impact: 'moderate', reach: 10 })], undefined, at(NOW));
		expect(first.alerts[0].impact).toBe('moderate');
		// A mention of the same level reaching far more people: the incident's impact grows, silently.
		const wide = assessment(['refund_dispute'], 'high', { impact: 'severe', reach: 250_000 });
		const grown = alertsFromAssessments([wide], first.state, at(NOW + HOUR));
		expect(grown.alerts).toEqual([]);
		expect(Object.values(grown.state.incidents)[0]).toMatchObject({ level: 'high', impact: 'severe', mentions: 2 });
		expect(Object.values(grown.state.incidents)[0].evidence[0]).toMatchObject({ mentionId: wide.mentionId, reach: 250_000 });
		// With Emit Ongoing Incidents the repeat shows it; the resolved alert does in any case.
		const shown = alertsFromAssessments([wide], first.state, { ...at(NOW + HOUR), emitOngoing: true });
		expect(shown.alerts).toMatchObject([{ status: 'ongoing', level: 'high', impact: 'severe', observed: 2 }]);
		const resolved = alertsFromAssessments([], grown.state, at(NOW + 30 * HOUR));
		expect(resolved.alerts).toMatchObject([{ status: 'resolved', impact: 'severe' }]);
		// A later, narrower mention never lowers it.
		const narrow = alertsFromAssessments([assessment(['refund_dispute'], 'high', { impact: 'minor' })], grown.state, { ...at(NOW + 2 * HOUR), emitOngoing: true });
		expect(narrow.alerts[0].impact).toBe('severe');
	});

	it('an incident dropped beyond Max Open Incidents is closed with one last alert and event-log row, not left open', () => {
		const accounts = (from: number, n: number) => Array.from({ length: n }, (_, i) => assessment(['complaint'], 'high', { accountId: `acc${from + i}` }));
		const first = alertsFromAssessments(accounts(0, 2), undefined, { ...at(NOW), maxIncidents: 2 });
		expect(first.alerts.map((a) => a.status)).toEqual(['open', 'open']);
		// Two newer incidents push the two older ones out: each gets a closing alert.
		const next = alertsFromAssessments(accounts(2, 2), first.state, { ...at(NOW + HOUR), maxIncidents: 2 });
		expect(next.alerts.map((a) => [a.accountId, a.status, a.resolution ?? ''])).toEqual([
			['acc2', 'open', ''],
			['acc3', 'open', ''],
			['acc0', 'resolved', 'capacity'],
			['acc1', 'resolved', 'capacity'],
		]);
		expect(next.alerts.slice(2).map((a) => a.id)).toEqual(first.alerts.map((a) => a.id));
		expect(next.sources.slice(2)).toEqual([[], []]);
		expect(Object.values(next.state.incidents).map((i) => i.accountId).sort()).toEqual(['acc2', 'acc3']);
		for (const a of next.alerts) expect(RiskAlertSchema.parse(a)).toEqual(a);
		const row = buildRiskEventLogEntry(next.alerts[2], { at: iso(NOW + HOUR) });
		expect(row).toMatchObject({ incidentId: first.alerts[0].id, status: 'resolved', outcome: CAPACITY_OUTCOME });
		// The team's own outcome wins; a quiet resolution states none.
		expect(buildRiskEventLogEntry(next.alerts[2], { at: iso(NOW + HOUR), outcome: 'checked' }).outcome).toBe('checked');
		const quiet = alertsFromAssessments([], next.state, { ...at(NOW + 40 * HOUR), maxIncidents: 2 });
		expect(quiet.alerts.map((a) => [a.status, a.resolution])).toEqual([
			['resolved', 'quiet'],
			['resolved', 'quiet'],
		]);
		expect(buildRiskEventLogEntry(quiet.alerts[0], { at: iso(NOW + 40 * HOUR) }).outcome).toBe('');
		// Within the bound nothing is closed early.
		expect(alertsFromAssessments(accounts(4, 1), first.state, { ...at(NOW + HOUR), maxIncidents: 3 }).alerts.map((a) => a.status)).toEqual(['open']);
	});

	it('routes owners per category before the default owner', () => {
		const input = [assessment(['legal_threat'], 'high'), assessment(['refund_dispute'], 'high')];
		const { alerts } = alertsFromAssessments(input, undefined, { ...at(NOW), owner: '舆情值班', categoryOwners: { legal_threat: '法务 legal@brand.cn' } });
		expect(alerts.map((a) => [a.type, a.owner])).toEqual([
			['legal_threat', '法务 legal@brand.cn'],
			['refund_dispute', '舆情值班'],
		]);
		expect(alertsFromAssessments(refunds(1), undefined, at(NOW)).alerts[0].owner).toBeUndefined();
	});

	it('keeps its state bounded, JSON-serialisable and does not mutate the input state', () => {
		const first = alertsFromAssessments(refunds(30), undefined, { ...at(NOW), maxSeenIds: 10, evidenceLimit: 2 });
		const frozen = JSON.stringify(first.state);
		expect(first.state.seen).toHaveLength(10);
		const only = Object.values(first.state.incidents)[0];
		expect(only.evidence).toHaveLength(2);
		const many = Array.from({ length: 5 }, (_, i) => assessment(['complaint'], 'high', { accountId: `acc${i}` }));
		const next = alertsFromAssessments(many, first.state, { ...at(NOW + HOUR), maxIncidents: 3 });
		expect(Object.keys(next.state.incidents)).toHaveLength(3);
		expect(JSON.stringify(first.state)).toBe(frozen);
		expect(JSON.parse(JSON.stringify(next.state))).toEqual(next.state);
		// A long comment is clipped at a code point (no broken emoji), so the stored state stays small.
		const long = assessment(['complaint'], 'high', { text: '😡'.repeat(400) });
		const [alert] = alertsFromAssessments([long], undefined, at(NOW)).alerts;
		expect(alert.evidence[0].text).toBe(`${'😡'.repeat(280)}…`);
	});

	it('names the bad option', () => {
		expect(() => alertsFromAssessments([], undefined, { ...at(NOW), minLevel: 'none' as never })).toThrow(/minLevel/);
		expect(() => alertsFromAssessments([], undefined, { ...at(NOW), groupBy: 'day' as never })).toThrow(/groupBy/);
		expect(() => alertsFromAssessments([], undefined, { ...at(NOW), resolveAfterHours: 0 })).toThrow(/resolveAfterHours/);
		expect(() => alertsFromAssessments([], undefined, { ...at(NOW), maxIncidents: 0 })).toThrow(/maxIncidents/);
		expect(() => alertsFromAssessments([], undefined, { ...at(NOW), categoryOwners: { refunds: 'x' } as never })).toThrow(/unknown category "refunds"/);
		expect(() => alertsFromAssessments([], undefined, { now: '2026-03-01T12:00:00' })).toThrow(/now needs a time zone offset/);
		expect(() => alertsFromAssessments([], undefined, { ...at(NOW), timezone: 'Mars/Base' })).toThrow(/Mars\/Base/);
	});

	it('works on what assessMentions emits, in Chinese and English', () => {
		const mentions = [
			{ platform: 'weibo' as const, id: 'w1', accountId: 'brand', author: { id: 'a', followers: 200_000 }, text: 'Got food poisoning from your latte, my lawyer will sue', createdAt: iso(NOW - 60000) },
			{ platform: 'weibo' as const, id: 'w2', accountId: 'brand', author: { id: 'b' }, text: '喝完拉肚子了，质量太差，我要投诉到12315', createdAt: iso(NOW - 120000) },
			{ platform: 'weibo' as const, id: 'w3', accountId: 'brand', author: { id: 'c' }, text: '很好喝，推荐', createdAt: iso(NOW - 180000) },
		];
		const assessed = assessMentions(mentions);
		const { alerts } = alertsFromAssessments(assessed, undefined, { ...at(NOW), minLevel: 'medium' });
		const alerted = alerts.flatMap((a) => a.evidence.map((e) => e.mentionId));
		expect(alerted).not.toContain('w3');
		expect(alerted.sort()).toEqual(assessed.filter((a) => ['medium', 'high', 'critical'].includes(a.riskLevel)).map((a) => a.mentionId).sort());
		for (const a of alerts) expect(a.type).toBe(primaryCategory(assessed.find((x) => x.mentionId === a.evidence[0].mentionId)!.categories));
	});
});
