// Public API of lib/risk.
export { assessMentions, assessMention, type AssessOptions } from './assess';
export { matchRiskCues, type RiskRuleOptions } from './rules';
export { RISK_CUES } from './cues';
export {
	DEFAULT_RISK_MATRIX,
	DEFAULT_CATEGORY_IMPACT,
	DEFAULT_REACH,
	reachOf,
	impactOf,
	likelihoodOf,
	levelOf,
	type RiskMatrix,
	type ReachOptions,
	type Likelihood,
	type Impact,
} from './matrix';
export { detectSpikes, SPIKE_PRESETS, DEFAULT_K, type SpikeInput, type SpikeObservation, type WindowCount, type SpikeOptions, type SpikeState, type SpikeMetric } from './spikes';
export { checkReplyDeadlines, type ReplyDeadlineOptions } from './reply-deadlines';
export { buildRiskEventLogEntry, CAPACITY_OUTCOME, SERIES_CAPACITY_OUTCOME, type RiskEventLogEntry, type EventLogDetails } from './event-log';
export { advanceIncident, dropOverCapacity, stateLimit, type Incident, type IncidentChange, type IncidentReading } from './incidents';
export { alertsFromAssessments, primaryCategory, CATEGORY_PRIORITY, type AssessmentAlertOptions, type AssessmentAlertState, type AlertGrouping } from './assessment-alerts';
export { suggestedActions, type AlertLanguage, type ActionKey } from './actions';
