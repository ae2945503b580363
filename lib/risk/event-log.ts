import type { RiskAlert } from '../model';
import { checkZone, toIso, toMillis, type InstantLike } from './time';

/**
 * One flat row of the risk event log (风险事件库): what happened, how it was handled and the outcome.
 * Flat scalars only, so it fits an n8n Data Table or a Postgres table without a Code node.
 */
export interface RiskEventLogEntry {
	incidentId: string;
	type: string;
	status: RiskAlert['status'];
	level: RiskAlert['level'];
	likelihood: RiskAlert['likelihood'];
	impact: RiskAlert['impact'];
	platform: string;
	accountId: string;
	topic: string;
	metric: string;
	observed: number;
	baseline: number;
	threshold: number;
	windowStart: string;
	windowEnd: string;
	evidenceIds: string;
	suggestedActions: string;
	owner: string;
	action: string;
	handledBy: string;
	outcome: string;
	firstSeenAt: string;
	loggedAt: string;
}

export interface EventLogDetails {
	at: InstantLike;
	timezone?: string;
	action?: string;
	handledBy?: string;
	outcome?: string;
}

/** The outcome a row states on its own when the team has not filled one: only for an incident closed without being resolved. */
export const CAPACITY_OUTCOME = 'closed unresolved: over Max Open Incidents, no longer tracked (check by hand)';
/** The same for a spike (type negative_spike) whose account × topic series Detect Spikes dropped beyond Max Series. */
export const SERIES_CAPACITY_OUTCOME = 'closed unresolved: over Max Series, no longer tracked (check by hand)';

/**
 * One row per alert, upserted on incidentId. `status` is the alert's: open → escalated / ongoing (repeats of Emit
 * Ongoing Incidents say ongoing, never open again) → resolved; `level` is the highest the incident reached. A
 * resolved alert with resolution `capacity` fills `outcome` with {@link CAPACITY_OUTCOME} (a spike: {@link SERIES_CAPACITY_OUTCOME})
 * unless `details.outcome` is given.
 */
export function buildRiskEventLogEntry(alert: RiskAlert, details: EventLogDetails): RiskEventLogEntry {
	return {
		incidentId: alert.id,
		type: alert.type,
		status: alert.status,
		level: alert.level,
		likelihood: alert.likelihood,
		impact: alert.impact,
		platform: alert.platform ?? '',
		accountId: alert.accountId ?? '',
		topic: alert.topic ?? '',
		metric: alert.metric,
		observed: alert.observed,
		baseline: alert.baseline,
		threshold: alert.threshold,
		windowStart: alert.window.start,
		windowEnd: alert.window.end,
		evidenceIds: alert.evidence.map((e) => e.mentionId).join(','),
		suggestedActions: alert.suggestedActions.join('\n'),
		owner: alert.owner ?? '',
		action: details.action ?? '',
		handledBy: details.handledBy ?? '',
		outcome: details.outcome ?? (alert.resolution !== 'capacity' ? '' : alert.type === 'negative_spike' ? SERIES_CAPACITY_OUTCOME : CAPACITY_OUTCOME),
		firstSeenAt: alert.firstSeenAt,
		loggedAt: toIso(toMillis(details.at, 'at'), checkZone(details.timezone ?? 'UTC')),
	};
}
