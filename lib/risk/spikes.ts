import { InputError } from '../errors';
import type { Platform, RiskAlert, RiskAssessment, RiskCategory, RiskLevel } from '../model';
import { suggestedActions, type AlertLanguage } from './actions';
import { ewmaBaseline, plainBaseline, type Baseline } from './baseline';
import { advanceIncident, dropOverCapacity, stateLimit, type Incident, type IncidentReading } from './incidents';
import { impactOf, levelOf, likelihoodForLevel, maxLevel } from './matrix';
import { checkZone, toIso, toMillis, windowLabel, type InstantLike } from './time';

/** An assessment with the account and topic it belongs to (RiskAssessment itself carries neither). */
export type SpikeObservation = RiskAssessment & { accountId?: string; topic?: string; url?: string };

/** Pre-counted mentions of one bucket (e.g. from a platform's hourly histogram); replaces what the state holds for it. */
export interface WindowCount {
	accountId?: string;
	topic?: string;
	platform?: Platform;
	/** Any instant inside the bucket. */
	start: InstantLike;
	total: number;
	negative: number;
}

export interface SpikeInput {
	assessments?: readonly SpikeObservation[];
	counts?: readonly WindowCount[];
}

export type SpikeMetric = 'negative_volume' | 'negative_share';
type Sensitivity = 'low' | 'medium' | 'high' | 'critical';

/**
 * Presets: `meltwater` compares the last hour with the 12 hours before (fast, for social);
 * `socialmetrix` compares the last 24 h with the 7 days before, checked hourly.
 */
export const SPIKE_PRESETS = {
	meltwater: { bucketMinutes: 60, windowBuckets: 1, baselineWindows: 12 },
	socialmetrix: { bucketMinutes: 60, windowBuckets: 24, baselineWindows: 7 },
} as const;

export interface SpikeOptions {
	now: InstantLike;
	/** IANA zone for instants and labels in alerts. Default UTC. */
	timezone?: string;
	preset?: keyof typeof SPIKE_PRESETS;
	bucketMinutes?: number;
	windowBuckets?: number;
	baselineWindows?: number;
	/** z thresholds per level (Socialmetrix: 1.5 / 2 / 3). Default critical 5. */
	k?: Partial<Record<Sensitivity, number>>;
	baseline?: 'mean' | 'ewma';
	ewmaAlpha?: number;
	/** Minimum-count guard: negatives (volume) or mentions (share) in the window before any alert. Default 10. */
	minCount?: number;
	/** Negative share never alerts below this. Default 0.3. */
	minNegativeShare?: number;
	/** Past windows of history needed before alerting (a new series has no baseline). Default 3. */
	minBaselineWindows?: number;
	metrics?: readonly SpikeMetric[];
	/**
	 * Bounds on the stored state. Defaults 200 series, 2,000 remembered mention ids. Beyond maxSeries, series without an
	 * open spike are dropped first (the least recently active of them); a dropped series that still has one (only when more
	 * than maxSeries have) is closed with one `resolved` alert per open spike, resolution `capacity`, so no card is left open.
	 */
	maxSeries?: number;
	maxSeenIds?: number;
	evidenceLimit?: number;
	/** Also emit an ongoing incident's alert (status `ongoing`) when its level did not rise. Default false. */
	emitOngoing?: boolean;
	/**
	 * Hysteresis, in σ: an open spike counts as quiet only when its z score is below k(low) − resolveMargin (with the
	 * defaults 1.5 − 1 = 0.5), or the minimum-count guard fails. 0 = quiet as soon as it is under the alert threshold. Default 1.
	 */
	resolveMargin?: number;
	/**
	 * An open spike resolves once checks in this many different windows (window positions: with hourly buckets, an
	 * hour apart) have found it quiet, with no check above the resolve level in between. 1 = at the first quiet check. Default 2.
	 */
	resolveAfterQuietWindows?: number;
	language?: AlertLanguage;
	owner?: string;
	owners?: Partial<Record<string, string>>;
}

/** An open spike: the incident plus its current quiet streak (hysteresis). */
interface SpikeIncident extends Incident {
	/** Quiet checks in different windows since the last check above the resolve level. */
	quietWindows?: number;
	/** Window start (epoch ms) of the latest quiet check, so several runs in one window count once. */
	quietAt?: number;
}

interface SeriesState {
	accountId?: string;
	topic?: string;
	platform?: Platform;
	/** First bucket ever seen: windows before it are not baseline. */
	since: number;
	updatedAt: number;
	/** bucket start (epoch ms) → [total, negative]. */
	buckets: Record<string, [number, number]>;
	incidents: Partial<Record<SpikeMetric, SpikeIncident>>;
	/** Window start (epoch ms) in which each metric's last incident resolved, so a reopening there gets a new id. */
	resolvedWindow?: Partial<Record<SpikeMetric, number>>;
}

/** Plain JSON, meant for workflow static data; bounded by maxSeries × (window + baseline buckets). */
export interface SpikeState {
	version: 1;
	series: Record<string, SeriesState>;
	seen: string[];
}

export const DEFAULT_K: Readonly<Record<Sensitivity, number>> = { low: 1.5, medium: 2, high: 3, critical: 5 };

function emptyState(): SpikeState {
	return { version: 1, series: {}, seen: [] };
}

function seriesKey(accountId?: string, topic?: string, platform?: string): string {
	return `${accountId ?? platform ?? '*'}|${topic ?? '*'}`;
}

interface Resolved {
	bucketMs: number;
	windowBuckets: number;
	baselineWindows: number;
	k: Record<Sensitivity, number>;
	zone: string;
	nowMs: number;
	resolveMargin: number;
	quietWindows: number;
	maxSeries: number;
	maxSeenIds: number;
}

function resolveOptions(options: SpikeOptions): Resolved {
	const preset = SPIKE_PRESETS[options.preset ?? 'meltwater'];
	if (!preset) throw new InputError(`unknown preset "${String(options.preset)}"`, 'preset');
	const bucketMinutes = options.bucketMinutes ?? preset.bucketMinutes;
	const windowBuckets = options.windowBuckets ?? preset.windowBuckets;
	const baselineWindows = options.baselineWindows ?? preset.baselineWindows;
	for (const [name, v] of Object.entries({ bucketMinutes, windowBuckets, baselineWindows })) {
		if (!Number.isInteger(v) || v <= 0) throw new InputError(`${name} must be a positive integer`, name);
	}
	const resolveMargin = options.resolveMargin ?? 1;
	if (!(Number.isFinite(resolveMargin) && resolveMargin >= 0)) throw new InputError('resolveMargin must be a number ≥ 0 (σ below k(low) at which an open spike counts as quiet)', 'resolveMargin');
	const quietWindows = options.resolveAfterQuietWindows ?? 2;
	if (!(Number.isInteger(quietWindows) && quietWindows >= 1)) throw new InputError('resolveAfterQuietWindows must be a whole number ≥ 1', 'resolveAfterQuietWindows');
	return {
		bucketMs: bucketMinutes * 60000,
		windowBuckets,
		baselineWindows,
		k: { ...DEFAULT_K, ...options.k },
		zone: checkZone(options.timezone ?? 'UTC'),
		nowMs: toMillis(options.now, 'now'),
		resolveMargin,
		quietWindows,
		maxSeries: stateLimit('maxSeries', options.maxSeries, 200),
		maxSeenIds: stateLimit('maxSeenIds', options.maxSeenIds, 2000),
	};
}

function addObservations(state: SpikeState, input: SpikeInput, r: Resolved): void {
	const seen = new Set(state.seen);
	const touch = (accountId: string | undefined, topic: string | undefined, platform: Platform | undefined, bucket: number) => {
		const key = seriesKey(accountId, topic, platform);
		const s = (state.series[key] ??= { accountId, topic, platform, since: bucket, updatedAt: r.nowMs, buckets: {}, incidents: {} });
		s.since = Math.min(s.since, bucket);
		s.updatedAt = r.nowMs;
		return s;
	};
	for (const a of input.assessments ?? []) {
		const id = `${a.platform}:${a.mentionId}`;
		if (seen.has(id)) continue; // a polling overlap must not count a mention twice
		seen.add(id);
		state.seen.push(id);
		const bucket = Math.floor(toMillis(a.createdAt, 'createdAt') / r.bucketMs) * r.bucketMs;
		const s = touch(a.accountId, a.topic, a.platform, bucket);
		const row = (s.buckets[bucket] ??= [0, 0]);
		row[0]++;
		if (a.sentiment.label === 'negative') row[1]++;
	}
	for (const c of input.counts ?? []) {
		if (!(c.total >= 0 && c.negative >= 0 && c.negative <= c.total)) throw new InputError('counts need 0 ≤ negative ≤ total', 'counts');
		const bucket = Math.floor(toMillis(c.start, 'start') / r.bucketMs) * r.bucketMs;
		touch(c.accountId, c.topic, c.platform, bucket).buckets[bucket] = [c.total, c.negative];
	}
	state.seen = state.seen.slice(-r.maxSeenIds);
}

/** Drops buckets older than the baseline span. */
function pruneBuckets(state: SpikeState, oldest: number): void {
	for (const s of Object.values(state.series)) {
		for (const b of Object.keys(s.buckets)) if (Number(b) < oldest) delete s.buckets[b];
	}
}

const hasOpenSpike = (s: SeriesState): number => (Object.keys(s.incidents).length ? 1 : 0);

/**
 * Which series stay when there are more than maxSeries: those with an open spike first, then the most recently
 * active. A dropped quiet series loses only its baseline (it starts again from its next mention), while a dropped
 * open spike can only be closed unresolved; and an open spike does not hold its place for long, since a series gone
 * silent counts as quiet and resolves within resolveAfterQuietWindows windows.
 */
const keepOrder = (a: SeriesState, b: SeriesState): number => hasOpenSpike(b) - hasOpenSpike(a) || b.updatedAt - a.updatedAt;

function windowSums(s: SeriesState, start: number, r: Resolved): [number, number] {
	let total = 0;
	let negative = 0;
	for (let i = 0; i < r.windowBuckets; i++) {
		const row = s.buckets[start + i * r.bucketMs];
		if (row) (total += row[0]), (negative += row[1]);
	}
	return [total, negative];
}

function levelForZ(z: number, k: Record<Sensitivity, number>): RiskLevel {
	if (z >= k.critical) return 'critical';
	if (z >= k.high) return 'high';
	if (z >= k.medium) return 'medium';
	return z >= k.low ? 'low' : 'none';
}

/**
 * Negative-volume and negative-share spikes per account and topic. Each run adds this run's
 * assessments (or bucket counts) to `state`, compares the current window with the baseline windows
 * before it (mean + k·σ, or EWMA), and returns alerts plus the new state (the input is not mutated).
 * σ is floored (volume: max(σ, √mean, 1), a Poisson floor; share: 0.05) so a flat history does not
 * make every small bump a spike. An incident keeps its alert id while it lasts: it is emitted when it
 * opens, again as `escalated` when its level rises, and once as `resolved` (resolution `cleared`) when the
 * metric has stayed quiet, i.e. under the resolve level baseline + (k(low) − resolveMargin)·σ or under the
 * minimum count, in `resolveAfterQuietWindows` different windows. The gap between the alert threshold and
 * the resolve level (hysteresis) keeps a metric hovering at the threshold from opening and resolving an
 * incident on alternate runs. Beyond `maxSeries` series, those without an open spike are dropped first; an open
 * spike dropped all the same is emitted once as `resolved` with resolution `capacity` (closed, not confirmed resolved).
 */
export function detectSpikes(input: SpikeInput, state: SpikeState | undefined, options: SpikeOptions): { alerts: RiskAlert[]; state: SpikeState } {
	const r = resolveOptions(options);
	const next: SpikeState = state?.version === 1 ? (JSON.parse(JSON.stringify(state)) as SpikeState) : emptyState();
	addObservations(next, input, r);
	const windowMs = r.windowBuckets * r.bucketMs;
	const current = Math.floor(r.nowMs / r.bucketMs) * r.bucketMs - (r.windowBuckets - 1) * r.bucketMs;
	pruneBuckets(next, current - r.baselineWindows * windowMs);

	const alerts: RiskAlert[] = [];
	/** This run's reading of every series, for the closing alert of a series dropped below. */
	const readings = new Map<string, AlertContext[]>();
	for (const [key, s] of Object.entries(next.series)) {
		const contexts: AlertContext[] = [];
		readings.set(key, contexts);
		const [total, negative] = windowSums(s, current, r);
		const history: Array<[number, number]> = [];
		for (let j = r.baselineWindows; j >= 1; j--) {
			const start = current - j * windowMs;
			if (start + windowMs > s.since) history.push(windowSums(s, start, r));
		}
		const evidence = (input.assessments ?? []).filter((a) => seriesKey(a.accountId, a.topic, a.platform) === key && toMillis(a.createdAt, 'createdAt') >= current);
		for (const metric of options.metrics ?? (['negative_volume', 'negative_share'] as const)) {
			const isShare = metric === 'negative_share';
			const observed = isShare ? (total ? negative / total : 0) : negative;
			const values = isShare ? history.filter(([t]) => t > 0).map(([t, n]) => n / t) : history.map(([, n]) => n);
			const base: Baseline = options.baseline === 'ewma' ? ewmaBaseline(values, options.ewmaAlpha ?? 0.3) : plainBaseline(values);
			const sd = isShare ? Math.max(base.sd, 0.05) : Math.max(base.sd, Math.sqrt(base.mean), 1);
			const guard = (isShare ? total : negative) >= (options.minCount ?? 10) && (!isShare || observed >= (options.minNegativeShare ?? 0.3));
			const enoughHistory = history.length >= Math.min(options.minBaselineWindows ?? 3, r.baselineWindows);
			const z = (observed - base.mean) / sd;
			const zLevel = guard && enoughHistory ? levelForZ(z, r.k) : 'none';
			const quiet = !(guard && enoughHistory) || z < r.k.low - r.resolveMargin;
			const ctx: AlertContext = { key, s, metric, observed, baseline: base.mean, threshold: base.mean + r.k.low * sd, current, windowMs, r, options, evidence };
			contexts.push(ctx);
			const alert = updateIncident(ctx, zLevel, quiet);
			if (alert) alerts.push(alert);
		}
	}

	// Beyond maxSeries, after this run's checks (so a spike that resolved now frees its series): each open spike of a
	// dropped series is closed with one last alert, as Raise Alerts closes an incident dropped beyond Max Open Incidents.
	for (const [key, s] of dropOverCapacity(next.series, r.maxSeries, keepOrder)) {
		for (const ctx of readings.get(key) ?? []) {
			const incident = s.incidents[ctx.metric];
			if (incident) alerts.push(buildAlert(ctx, incident, 'resolved', 'capacity'));
		}
	}
	return { alerts, state: next };
}

interface AlertContext {
	key: string;
	s: SeriesState;
	metric: SpikeMetric;
	observed: number;
	baseline: number;
	threshold: number;
	current: number;
	windowMs: number;
	r: Resolved;
	options: SpikeOptions;
	evidence: readonly SpikeObservation[];
}

/**
 * `zLevel`: the level this window's z score reaches (none under the alert threshold); `quiet`: under the resolve level
 * (or the guards), which is lower than the alert threshold by resolveMargin σ.
 */
function updateIncident(ctx: AlertContext, zLevel: RiskLevel, quiet: boolean): RiskAlert | undefined {
	const { s, metric, r } = ctx;
	let reading: IncidentReading | undefined;
	if (zLevel !== 'none') {
		const categories = [...new Set(ctx.evidence.flatMap((e) => e.categories))];
		const impact = impactOf(categories, ctx.evidence.reduce((a, e) => a + e.reach, 0));
		reading = { level: maxLevel(zLevel, levelOf(likelihoodForLevel(zLevel), impact)), impact };
	}
	const open = s.incidents[metric];
	if (open) {
		if (!quiet) {
			delete open.quietWindows;
			delete open.quietAt;
		} else if (open.quietAt !== ctx.current) {
			open.quietWindows = (open.quietWindows ?? 0) + 1;
			open.quietAt = ctx.current;
		}
		// Between the resolve level and the alert threshold, or quiet in too few windows yet: it holds, unchanged.
		if (!reading && (!quiet || (open.quietWindows ?? 0) < r.quietWindows)) reading = { level: open.level, impact: open.impact };
	}
	// The id names the window the incident opened in; a spike that resolves and comes back within that same window
	// is a new incident, so it also carries the instant it reopened instead of reusing the resolved one's id.
	const reopened = s.resolvedWindow?.[metric] === ctx.current;
	const id = `spike:${ctx.key}:${metric}:${toIso(ctx.current, 'UTC')}${reopened ? `~${toIso(r.nowMs, 'UTC')}` : ''}`;
	const step = advanceIncident(s.incidents, metric, reading, (opened) => ({ id, ...opened, firstSeenAt: toIso(r.nowMs, r.zone) }));
	if (step?.change === 'resolved') (s.resolvedWindow ??= {})[metric] = ctx.current;
	if (!step || (step.change === 'ongoing' && !ctx.options.emitOngoing)) return undefined;
	return buildAlert(ctx, step.incident, step.change, step.change === 'resolved' ? 'cleared' : undefined);
}

function buildAlert(ctx: AlertContext, incident: Incident, status: RiskAlert['status'], resolution?: RiskAlert['resolution']): RiskAlert {
	const { s, r, options } = ctx;
	const type = 'negative_spike';
	const categories: RiskCategory[] = [...new Set(ctx.evidence.flatMap((e) => e.categories))];
	const evidence = ctx.evidence
		.filter((e) => e.sentiment.label === 'negative' || e.categories.length > 0)
		// Widest reach first; among equals (comments often carry no reach at all) the most negative.
		.sort((a, b) => b.reach - a.reach || a.sentiment.score - b.sentiment.score)
		.slice(0, options.evidenceLimit ?? 5)
		.map((e) => ({ mentionId: e.mentionId, text: e.text, url: e.url, reach: e.reach }));
	const windowEnd = Math.min(r.nowMs, ctx.current + ctx.windowMs);
	return {
		id: incident.id,
		type,
		status,
		...(resolution ? { resolution } : {}),
		level: incident.level,
		likelihood: likelihoodForLevel(incident.level),
		impact: incident.impact,
		platform: s.platform,
		accountId: s.accountId,
		topic: s.topic,
		metric: ctx.metric,
		observed: round(ctx.observed),
		baseline: round(ctx.baseline),
		threshold: round(ctx.threshold),
		window: { start: toIso(ctx.current, r.zone), end: toIso(windowEnd, r.zone), label: windowLabel(ctx.current, windowEnd, r.zone) },
		evidence,
		suggestedActions: suggestedActions(['negative_spike', ...categories], options.language),
		owner: options.owners?.[type] ?? options.owner,
		firstSeenAt: incident.firstSeenAt,
		updatedAt: toIso(r.nowMs, r.zone),
	};
}

function round(x: number): number {
	return Math.round(x * 1000) / 1000;
}
