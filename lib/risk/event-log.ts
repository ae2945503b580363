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
		outcome: details.outcome ?? '',
		firstSeenAt: alert.firstSeenAt,
		loggedAt: toIso(toMillis(details.at, 'at'), checkZone(details.timezone ?? 'UTC')),
	};
}
