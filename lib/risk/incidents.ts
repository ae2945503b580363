import { InputError } from '../errors';
import type { RiskLevel } from '../model';
import { LEVEL_ORDER, type Impact } from './matrix';

/**
 * An ongoing incident as kept in workflow static data (plain JSON): the alert id it keeps while it lasts,
 * the highest level reached so far and when it was first seen.
 */
export interface Incident {
	id: string;
	level: RiskLevel;
	impact: Impact;
	firstSeenAt: string;
}

/** What happened to an incident in one run; `ongoing` means nothing worth a new message. */
export type IncidentChange = 'open' | 'escalated' | 'ongoing' | 'resolved';

/** This run's reading of one incident slot: a level (and impact), or undefined when the condition has cleared. */
export interface IncidentReading {
	level: RiskLevel;
	impact: Impact;
}

const IMPACT_ORDER: readonly Impact[] = ['minor', 'moderate', 'severe'];
const wider = (a: Impact, b: Impact): Impact => (IMPACT_ORDER.indexOf(b) > IMPACT_ORDER.indexOf(a) ? b : a);

/**
 * The incident life cycle shared by every alert that must not repeat itself (spikes, assessment alerts):
 * one alert id per incident while it lasts; `open` when it starts, `escalated` when its level rises (the
 * level never falls while it is open), `ongoing` otherwise, and `resolved` once when the reading clears,
 * which also frees the slot. The impact never falls either, and it grows with the reading even when the
 * level does not rise (`ongoing`: kept silently, so the incident's next alert shows it). Mutates `slots`
 * (the caller's copy of the state).
 */
export function advanceIncident<T extends Incident>(slots: Partial<Record<string, T>>, key: string, reading: IncidentReading | undefined, open: (reading: IncidentReading) => T): { incident: T; change: IncidentChange } | undefined {
	const incident = slots[key];
	if (!reading || reading.level === 'none') {
		if (!incident) return undefined;
		delete slots[key];
		return { incident, change: 'resolved' };
	}
	if (!incident) {
		const opened = open(reading);
		slots[key] = opened;
		return { incident: opened, change: 'open' };
	}
	incident.impact = wider(incident.impact, reading.impact);
	if (LEVEL_ORDER.indexOf(reading.level) > LEVEL_ORDER.indexOf(incident.level)) {
		incident.level = reading.level;
		return { incident, change: 'escalated' };
	}
	return { incident, change: 'ongoing' };
}

/** A bound on stored state (Max Open Incidents, Max Series, Max Remembered Mentions): a whole number ≥ 1, or `fallback` when unset. */
export function stateLimit(name: string, value: number | undefined, fallback: number): number {
	if (value === undefined) return fallback;
	if (!(Number.isInteger(value) && value >= 1)) throw new InputError(`${name} must be a whole number ≥ 1`, name);
	return value;
}

/**
 * Keeps the first `max` entries of `slots` by `order` (the ones most worth keeping first) and deletes the rest, which it
 * returns in that order. The caller closes every open incident among them with one last `resolved` alert, resolution
 * `capacity`: once dropped from the state nothing would ever resolve it, and the team's card and event-log row would stay
 * open for ever. Mutates `slots` (the caller's copy of the state).
 */
export function dropOverCapacity<T>(slots: Record<string, T>, max: number, order: (a: T, b: T) => number): Array<[key: string, dropped: T]> {
	const dropped = Object.entries(slots)
		.sort(([, a], [, b]) => order(a, b))
		.slice(max);
	for (const [key] of dropped) delete slots[key];
	return dropped;
}
