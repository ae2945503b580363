import type { RiskAssessment, RiskCategory, RiskLevel, SentimentResult } from '../model';

export type Likelihood = RiskAssessment['likelihood'];
export type Impact = RiskAssessment['impact'];

const LIKELIHOODS: readonly Likelihood[] = ['low', 'medium', 'high'];
const IMPACTS: readonly Impact[] = ['minor', 'moderate', 'severe'];
export const LEVEL_ORDER: readonly RiskLevel[] = ['none', 'low', 'medium', 'high', 'critical'];

/**
 * Default risk matrix (likelihood × impact → level), after the source documents' "高频/中频/低频 ×
 * 轻微/中等/严重" assessment:
 *
 * | likelihood \ impact | minor  | moderate | severe   |
 * |---------------------|--------|----------|----------|
 * | low                 | none   | low      | medium   |
 * | medium              | low    | medium   | high     |
 * | high                | medium | high     | critical |
 *
 * A mention that matches no category and is not negative is `none` whatever the matrix says.
 */
export type RiskMatrix = Readonly<Record<Likelihood, Readonly<Record<Impact, RiskLevel>>>>;
export const DEFAULT_RISK_MATRIX: RiskMatrix = {
	low: { minor: 'none', moderate: 'low', severe: 'medium' },
	medium: { minor: 'low', moderate: 'medium', severe: 'high' },
	high: { minor: 'medium', moderate: 'high', severe: 'critical' },
};

/**
 * Impact of each category before reach:
 *
 * | impact   | categories                                              |
 * |----------|---------------------------------------------------------|
 * | severe   | safety_quality, legal_threat, media_exposure            |
 * | moderate | refund_dispute, rumor, boycott, privacy_leak, discrimination, sensitive_term |
 * | minor    | complaint (and no category)                             |
 */
export const DEFAULT_CATEGORY_IMPACT: Readonly<Record<RiskCategory, Impact>> = {
	complaint: 'minor',
	refund_dispute: 'moderate',
	safety_quality: 'severe',
	legal_threat: 'severe',
	media_exposure: 'severe',
	rumor: 'moderate',
	boycott: 'moderate',
	privacy_leak: 'moderate',
	discrimination: 'moderate',
	sensitive_term: 'moderate',
};

/**
 * Reach = followers + likeWeight·likes + replyWeight·replies (a like or reply puts the comment in front
 * of more readers, most of all a reply thread). Impact rises one step at `tiers[0]` and two at `tiers[1]`.
 *
 * | reach            | impact steps added |
 * |------------------|--------------------|
 * | < 1,000          | 0                  |
 * | 1,000 – 99,999   | +1                 |
 * | ≥ 100,000        | +2                 |
 */
export interface ReachOptions {
	likeWeight?: number;
	replyWeight?: number;
	tiers?: readonly [number, number];
}
export const DEFAULT_REACH: Required<ReachOptions> = { likeWeight: 5, replyWeight: 10, tiers: [1000, 100000] };

export function reachOf(m: { author?: { followers?: number }; likes?: number; replies?: number }, options: ReachOptions = {}): number {
	const o = { ...DEFAULT_REACH, ...options };
	return (m.author?.followers ?? 0) + o.likeWeight * (m.likes ?? 0) + o.replyWeight * (m.replies ?? 0);
}

export function impactOf(categories: readonly RiskCategory[], reach: number, options: { categoryImpact?: Partial<Record<RiskCategory, Impact>>; reach?: ReachOptions } = {}): Impact {
	const table = { ...DEFAULT_CATEGORY_IMPACT, ...options.categoryImpact };
	const base = Math.max(0, ...categories.map((c) => IMPACTS.indexOf(table[c])));
	const [moderateAt, severeAt] = options.reach?.tiers ?? DEFAULT_REACH.tiers;
	const steps = reach >= severeAt ? 2 : reach >= moderateAt ? 1 : 0;
	return IMPACTS[Math.min(IMPACTS.length - 1, base + steps)];
}

/**
 * How likely the mention is to become an incident:
 * - high: two or more categories; or a severe-impact category in a negative mention; or a strongly
 *   negative mention (score ≤ -0.6) with any category;
 * - medium: any category, or a negative mention;
 * - low: otherwise.
 */
export function likelihoodOf(categories: readonly RiskCategory[], sentiment: SentimentResult, categoryImpact: Partial<Record<RiskCategory, Impact>> = {}): Likelihood {
	const table = { ...DEFAULT_CATEGORY_IMPACT, ...categoryImpact };
	const negative = sentiment.label === 'negative';
	if (categories.length >= 2) return 'high';
	if (categories.length && negative && (sentiment.score <= -0.6 || categories.some((c) => table[c] === 'severe'))) return 'high';
	if (categories.length || negative) return 'medium';
	return 'low';
}

export function levelOf(likelihood: Likelihood, impact: Impact, matrix: RiskMatrix = DEFAULT_RISK_MATRIX): RiskLevel {
	return matrix[likelihood][impact];
}

export function maxLevel(a: RiskLevel, b: RiskLevel): RiskLevel {
	return LEVEL_ORDER.indexOf(a) >= LEVEL_ORDER.indexOf(b) ? a : b;
}

export function raiseLevel(level: RiskLevel, steps = 1): RiskLevel {
	return LEVEL_ORDER[Math.min(LEVEL_ORDER.length - 1, LEVEL_ORDER.indexOf(level) + steps)];
}

export function likelihoodForLevel(level: RiskLevel): Likelihood {
	return LIKELIHOODS[Math.max(0, Math.min(2, LEVEL_ORDER.indexOf(level) - 1))];
}
