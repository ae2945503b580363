import { InputError } from '../errors';
import { RISK_CATEGORIES, RISK_LEVELS, type Platform, type RiskAlert, type RiskAssessment, type RiskCategory, type RiskLevel } from '../model';
import { suggestedActions, type AlertLanguage } from './actions';
import { advanceIncident, dropOverCapacity, stateLimit, type Incident, type IncidentReading } from './incidents';
import { LEVEL_ORDER, maxLevel, raiseLevel, type Impact, type Likelihood } from './matrix';
import { checkZone, toIso, toMillis, windowLabel, type InstantLike } from './time';

/**
 * `category`: one incident per platform × account × topic × primary category (fifty refund complaints are one
 * refund_dispute incident); `mention`: one incident per mention (every qualifying comment its own alert).
 */
export type AlertGrouping = 'category' | 'mention';

export interface AssessmentAlertOptions {
	now: InstantLike;
	/** IANA zone for instants and labels in alerts. Default UTC. */
	timezone?: string;
	/** Assessments below this level are ignored. Default high. */
	minLevel?: Exclude<RiskLevel, 'none'>;
	groupBy?: AlertGrouping;
	/** An incident with no new qualifying mention for this many hours resolves (emitted once as `resolved`). Default 24. */
	resolveAfterHours?: number;
	/** An incident with at least this many mentions is raised one level and its likelihood becomes high (高频); 0 turns it off. Default 10. */
	escalateAtMentions?: number;
	/** Top mentions by reach kept per incident. Default 5. */
	evidenceLimit?: number;
	/** Also emit an ongoing incident's alert (status `ongoing`) when it gained mentions but its level did not rise. Default false. */
	emitOngoing?: boolean;
	language?: AlertLanguage;
	/** Default owner. */
	owner?: string;
	/** Owner per alert type (a risk category), before the default owner. */
	categoryOwners?: Partial<Record<RiskCategory, string>>;
	/**
	 * Bounds on the stored state. Defaults 500 incidents, 2,000 remembered mention ids. An incident dropped beyond
	 * maxIncidents (the least recently active) is emitted once as `resolved` with resolution `capacity`, so no card is left open.
	 */
	maxIncidents?: number;
	maxSeenIds?: number;
}

type Evidence = RiskAlert['evidence'][number] & { score: number };

interface AssessmentIncident extends Incident {
	type: RiskCategory;
	platform: Platform;
	accountId?: string;
	topic?: string;
	likelihood: Likelihood;
	/** Highest riskLevel of its mentions (the incident's level adds the volume step on top). */
	peak: RiskLevel;
	mentions: number;
	categories: RiskCategory[];
	windowStart: number;
	windowEnd: number;
	/** Run instant (epoch ms) of the last qualifying mention, for resolving. */
	lastSeenAt: number;
	evidence: Evidence[];
}

/** Plain JSON, meant for workflow static data; bounded by maxIncidents × evidenceLimit. */
export interface AssessmentAlertState {
	version: 1;
	incidents: Record<string, AssessmentIncident>;
	seen: string[];
}

/**
 * Which category names an incident when a mention has several: the most severe first (safety, legal, media
 * before refunds and complaints), so 拉肚子 + 退款 + 12315 is a safety_quality incident with all three's actions.
 */
export const CATEGORY_PRIORITY: readonly RiskCategory[] = ['safety_quality', 'legal_threat', 'media_exposure', 'privacy_leak', 'discrimination', 'boycott', 'rumor', 'refund_dispute', 'sensitive_term', 'complaint'];

/** The category an assessment is filed under; a negative mention without a cue is a complaint. */
export function primaryCategory(categories: readonly RiskCategory[]): RiskCategory {
	return CATEGORY_PRIORITY.find((c) => categories.includes(c)) ?? 'complaint';
}

const LIKELIHOODS: readonly Likelihood[] = ['low', 'medium', 'high'];
const IMPACTS: readonly Impact[] = ['minor', 'moderate', 'severe'];
/** Evidence text kept per mention (code points): cards show 140, and the state stays small (≤ 500 × 5 × this). */
const EVIDENCE_TEXT_MAX = 280;

interface Resolved {
	nowMs: number;
	zone: string;
	minLevel: RiskLevel;
	groupBy: AlertGrouping;
	quietMs: number;
	escalateAt: number;
	evidenceLimit: number;
	maxIncidents: number;
	maxSeenIds: number;
}

function resolveOptions(o: AssessmentAlertOptions): Resolved {
	const minLevel = o.minLevel ?? 'high';
	if (!RISK_LEVELS.includes(minLevel) || minLevel === ('none' as RiskLevel)) throw new InputError(`minLevel must be one of low, medium, high, critical, got "${String(minLevel)}"`, 'minLevel');
	const groupBy = o.groupBy ?? 'category';
	if (groupBy !== 'category' && groupBy !== 'mention') throw new InputError(`groupBy must be "category" or "mention", got "${String(groupBy)}"`, 'groupBy');
	const hours = o.resolveAfterHours ?? 24;
	if (!(hours > 0)) throw new InputError('resolveAfterHours must be a positive number', 'resolveAfterHours');
	const escalateAt = o.escalateAtMentions ?? 10;
	if (!(Number.isInteger(escalateAt) && escalateAt >= 0)) throw new InputError('escalateAtMentions must be a whole number ≥ 0 (0 = off)', 'escalateAtMentions');
	const evidenceLimit = o.evidenceLimit ?? 5;
	if (!(Number.isInteger(evidenceLimit) && evidenceLimit >= 0)) throw new InputError('evidenceLimit must be a whole number ≥ 0', 'evidenceLimit');
	for (const key of Object.keys(o.categoryOwners ?? {})) {
		if (!(RISK_CATEGORIES as readonly string[]).includes(key)) throw new InputError(`categoryOwners: unknown category "${key}" (${RISK_CATEGORIES.join(', ')})`, 'categoryOwners');
	}
	return {
		nowMs: toMillis(o.now, 'now'),
		zone: checkZone(o.timezone ?? 'UTC'),
		minLevel,
		groupBy,
		quietMs: hours * 3_600_000,
		escalateAt,
		evidenceLimit,
		maxIncidents: stateLimit('maxIncidents', o.maxIncidents, 500),
		maxSeenIds: stateLimit('maxSeenIds', o.maxSeenIds, 2000),
	};
}

function incidentKey(a: RiskAssessment, type: RiskCategory, groupBy: AlertGrouping): string {
	if (groupBy === 'mention') return `${a.platform}|mention|${a.mentionId}`;
	return `${a.platform}|${a.accountId ?? '*'}|${a.topic ?? '*'}|${type}`;
}

const higher = <T>(order: readonly T[], a: T, b: T): T => (order.indexOf(a) >= order.indexOf(b) ? a : b);

/** Widest reach first; among equals (comments often carry no reach) the most negative. */
function topEvidence(list: readonly Evidence[], limit: number): Evidence[] {
	const byId = new Map<string, Evidence>();
	for (const e of list) byId.set(e.mentionId, e);
	return [...byId.values()].sort((a, b) => (b.reach ?? 0) - (a.reach ?? 0) || a.score - b.score).slice(0, limit);
}

/**
 * Turns RiskAssessments at or above `minLevel` into RiskAlerts, one per incident rather than one per
 * comment. Incidents are grouped by `groupBy` and kept in `state` (workflow static data) with the life cycle
 * of {@link advanceIncident}: an alert when an incident opens, again as `escalated` when its level rises
 * (a higher-risk mention, or `escalateAtMentions` mentions), silence while it merely grows (its impact, mentions
 * and evidence are updated; with `emitOngoing` an `ongoing` alert), and one `resolved` alert after
 * `resolveAfterHours` without a new qualifying mention (resolution `quiet`) or when it is dropped beyond
 * `maxIncidents` (resolution `capacity`). No assessments at all (a schedule tick) still resolves quiet incidents.
 * A mention seen before (a webhook retry, a polling overlap) is not counted again. Returns alerts plus the new
 * state (input not mutated), and per alert (same order) the `platform:mentionId` of this run's assessments it
 * counted (none when resolved).
 */
export function alertsFromAssessments(
	assessments: readonly RiskAssessment[],
	state: AssessmentAlertState | undefined,
	options: AssessmentAlertOptions,
): { alerts: RiskAlert[]; state: AssessmentAlertState; sources: string[][] } {
	const r = resolveOptions(options);
	const next: AssessmentAlertState = state?.version === 1 ? (JSON.parse(JSON.stringify(state)) as AssessmentAlertState) : { version: 1, incidents: {}, seen: [] };
	const seen = new Set(next.seen);

	const groups = new Map<string, { type: RiskCategory; members: RiskAssessment[] }>();
	for (const a of assessments) {
		if (LEVEL_ORDER.indexOf(a.riskLevel) < LEVEL_ORDER.indexOf(r.minLevel)) continue;
		const id = `${a.platform}:${a.mentionId}`;
		if (seen.has(id)) continue;
		seen.add(id);
		next.seen.push(id);
		const type = primaryCategory(a.categories);
		const key = incidentKey(a, type, r.groupBy);
		const group = groups.get(key) ?? { type, members: [] };
		group.members.push(a);
		groups.set(key, group);
	}

	const alerts: RiskAlert[] = [];
	const sources: string[][] = [];
	// Quiet incidents resolve first, also when this run brings a new mention for them: a workflow that only
	// runs when a comment arrives (webhook) would otherwise keep a days-old incident open for ever.
	for (const [key, incident] of Object.entries(next.incidents)) {
		if (r.nowMs - incident.lastSeenAt < r.quietMs) continue;
		const step = advanceIncident(next.incidents, key, undefined, () => incident);
		if (!step) continue;
		alerts.push(buildAlert(step.incident, 'resolved', r, options, 'quiet'));
		sources.push([]);
	}
	for (const [key, { type, members }] of groups) {
		const step = advanceIncident(next.incidents, key, absorb(next.incidents[key], members, r), () => openIncident(key, type, members, r));
		if (!step || (step.change === 'ongoing' && !options.emitOngoing)) continue;
		// A repeat says `ongoing`, not `open`: upserted on incidentId, it must not turn an escalated row back into a new one.
		alerts.push(buildAlert(step.incident, step.change, r, options));
		sources.push(members.map((a) => `${a.platform}:${a.mentionId}`));
	}

	// Beyond maxIncidents the least recently active are dropped from the state, each closed with one last alert.
	for (const [, incident] of dropOverCapacity(next.incidents, r.maxIncidents, (a, b) => b.lastSeenAt - a.lastSeenAt)) {
		alerts.push(buildAlert(incident, 'resolved', r, options, 'capacity'));
		sources.push([]);
	}
	next.seen = next.seen.slice(-r.maxSeenIds);
	return { alerts, state: next, sources };
}

/**
 * Adds this run's mentions to an open incident (in place) and returns its new reading; for a new incident
 * returns the reading of the mentions alone (openIncident builds it).
 */
function absorb(incident: AssessmentIncident | undefined, members: readonly RiskAssessment[], r: Resolved): IncidentReading {
	const peak = members.reduce<RiskLevel>((l, a) => maxLevel(l, a.riskLevel), incident?.peak ?? 'none');
	const impact = members.reduce<Impact>((i, a) => higher(IMPACTS, i, a.impact), incident?.impact ?? 'minor');
	const count = (incident?.mentions ?? 0) + members.length;
	const level = r.escalateAt > 0 && count >= r.escalateAt ? raiseLevel(peak) : peak;
	if (incident) {
		incident.peak = peak;
		incident.mentions = count;
		incident.likelihood = likelihoodOf(incident.likelihood, members, count, r);
		incident.categories = [...new Set([...incident.categories, ...members.flatMap((a) => a.categories)])];
		for (const a of members) {
			const at = toMillis(a.createdAt, 'createdAt');
			incident.windowStart = Math.min(incident.windowStart, at);
			incident.windowEnd = Math.max(incident.windowEnd, at);
		}
		incident.lastSeenAt = r.nowMs;
		incident.evidence = topEvidence([...incident.evidence, ...members.map(evidenceOf)], r.evidenceLimit);
		// The impact (never lower than before) is stored by advanceIncident, also when the level does not rise.
	}
	return { level, impact };
}

function likelihoodOf(previous: Likelihood, members: readonly RiskAssessment[], count: number, r: Resolved): Likelihood {
	if (r.escalateAt > 0 && count >= r.escalateAt) return 'high';
	return members.reduce<Likelihood>((l, a) => higher(LIKELIHOODS, l, a.likelihood), previous);
}

function openIncident(key: string, type: RiskCategory, members: readonly RiskAssessment[], r: Resolved): AssessmentIncident {
	const first = members[0];
	const times = members.map((a) => toMillis(a.createdAt, 'createdAt'));
	const reading = absorb(undefined, members, r);
	const id = r.groupBy === 'mention' ? `mention:${first.platform}:${first.mentionId}` : `risk:${key.split('|').filter((p) => p !== '*').join(':')}:${toIso(r.nowMs, 'UTC')}`;
	const incident: AssessmentIncident = {
		id,
		level: reading.level,
		impact: reading.impact,
		firstSeenAt: toIso(r.nowMs, r.zone),
		type,
		platform: first.platform,
		likelihood: likelihoodOf('low', members, members.length, r),
		peak: members.reduce<RiskLevel>((l, a) => maxLevel(l, a.riskLevel), 'none'),
		mentions: members.length,
		categories: [...new Set(members.flatMap((a) => a.categories))],
		windowStart: Math.min(...times),
		windowEnd: Math.max(...times),
		lastSeenAt: r.nowMs,
		evidence: topEvidence(members.map(evidenceOf), r.evidenceLimit),
	};
	if (first.accountId) incident.accountId = first.accountId;
	if (first.topic) incident.topic = first.topic;
	return incident;
}

function clip(text: string): string {
	if (text.length <= EVIDENCE_TEXT_MAX) return text;
	const points = [...text];
	return points.length <= EVIDENCE_TEXT_MAX ? text : `${points.slice(0, EVIDENCE_TEXT_MAX).join('')}…`;
}

function evidenceOf(a: RiskAssessment): Evidence {
	const e: Evidence = { mentionId: a.mentionId, text: clip(a.text), reach: a.reach, score: a.sentiment.score };
	if (a.url) e.url = a.url;
	return e;
}

function buildAlert(incident: AssessmentIncident, status: RiskAlert['status'], r: Resolved, options: AssessmentAlertOptions, resolution?: RiskAlert['resolution']): RiskAlert {
	const others = CATEGORY_PRIORITY.filter((c) => c !== incident.type && incident.categories.includes(c));
	const alert: RiskAlert = {
		id: incident.id,
		type: incident.type,
		status,
		resolution,
		level: incident.level,
		likelihood: incident.likelihood,
		impact: incident.impact,
		platform: incident.platform,
		accountId: incident.accountId,
		topic: incident.topic,
		metric: 'risk_mentions',
		observed: incident.mentions,
		baseline: 0,
		threshold: 1,
		window: { start: toIso(incident.windowStart, r.zone), end: toIso(incident.windowEnd, r.zone), label: windowLabel(incident.windowStart, incident.windowEnd, r.zone) },
		evidence: incident.evidence.map(({ score: _score, ...e }) => e),
		suggestedActions: suggestedActions([incident.type, ...others], options.language),
		owner: options.categoryOwners?.[incident.type] || options.owner || undefined,
		firstSeenAt: incident.firstSeenAt,
		updatedAt: toIso(r.nowMs, r.zone),
	};
	for (const k of ['resolution', 'accountId', 'topic', 'owner'] as const) if (alert[k] === undefined) delete alert[k];
	return alert;
}
