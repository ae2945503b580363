import type { Token } from './tokenize';

/**
 * Scoring rules over the token stream (weights on the AFINN scale), in the spirit of VADER:
 * - negation within a short window flips a word: positive × -0.9, negative × -0.5 ("not bad" is
 *   only mildly good); a soft negator (不太, not very) halves that;
 * - a degree adverb multiplies the next word; after a negator it softens instead (不很好 < 很不好);
 * - contrast (但是, but): what came before × 0.5, what follows × 1.5; a concession clause (虽然) × 0.5;
 * - sarcasm: praise is turned around (× -0.6) next to a sarcasm cue (呵呵, 🙄, "yeah right"),
 *   when praise is followed by a negative word in the same clause ("great job losing my bag"), or when
 *   the text also reports a repeated failure (真是太棒了，又坏了); quoted praise (「好」服务) is negative;
 * - a negative word after an "again" marker (又, again) × 1.3.
 */
export interface ScoreParams {
	/** Multiplier for negative contributions (reviews mention good points before the complaint). */
	negativeWeight: number;
}

export const DEFAULT_SCORE_PARAMS: ScoreParams = { negativeWeight: 1.5 };

const CLAUSE_BREAK = /[，,。.!！?？;；\n~～…]/;
const HAN = /\p{Script=Han}/u;
const OPEN_QUOTES = '「『“"《‘';
const CLOSE_QUOTES = '」』”"》’';

interface Contribution {
	value: number;
	praise: boolean;
	clause: number;
}

/** A negator or degree adverb reaches over at most 3 Chinese characters or 2 English words. */
function withinReach(gap: string): boolean {
	if (CLAUSE_BREAK.test(gap)) return false;
	if (HAN.test(gap)) return gap.replace(/\s/g, '').length <= 3;
	return gap.trim().split(/\s+/).filter(Boolean).length <= 2;
}

function isQuoted(text: string, start: number, end: number): boolean {
	const before = text.slice(Math.max(0, start - 3), start);
	const after = text.slice(end, end + 3);
	const open = Math.max(...[...OPEN_QUOTES].map((q) => before.lastIndexOf(q)));
	const close = Math.min(...[...CLOSE_QUOTES].map((q) => after.indexOf(q)).filter((i) => i >= 0), 99);
	return open >= 0 && close < 99 && !CLAUSE_BREAK.test(before.slice(open)) && !CLAUSE_BREAK.test(after.slice(0, close));
}

export interface RawScore {
	total: number;
	sarcasm: boolean;
	matched: number;
}

export function scoreTokens(text: string, tokens: readonly Token[], params: ScoreParams = DEFAULT_SCORE_PARAMS): RawScore {
	const contributions: Contribution[] = [];
	let clause = 0;
	let prevEnd = 0;
	let negation: { strength: number; end: number } | undefined;
	let degree: { multiplier: number; end: number } | undefined;
	let afterContrast = 1;
	let concessionClause = -1;
	let repeatPending = false;
	let sarcasmClause = -9;
	let repeatedFailure = false;
	let praiseThenNegative = false;

	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i];
		const gap = text.slice(prevEnd, t.start);
		if (CLAUSE_BREAK.test(gap)) {
			clause++;
			repeatPending = false;
		}
		if (negation && !withinReach(text.slice(negation.end, t.start))) negation = undefined;
		if (degree && !withinReach(text.slice(degree.end, t.start))) degree = undefined;
		prevEnd = t.end;
		const info = t.info;
		switch (info.kind) {
			case 'negator':
				negation = { strength: negation ? -negation.strength : info.strength, end: t.end };
				continue;
			case 'degree':
				degree = { multiplier: (degree?.multiplier ?? 1) * (negation ? 0.7 : info.multiplier), end: t.end };
				continue;
			case 'contrast':
				for (const c of contributions) c.value *= 0.5;
				afterContrast = 1.5;
				clause++;
				negation = degree = undefined;
				continue;
			case 'concession':
				concessionClause = clause;
				continue;
			case 'repeat':
				repeatPending = true;
				continue;
			case 'sarcasm':
				sarcasmClause = clause;
				if (info.weight) contributions.push({ value: info.weight * params.negativeWeight, praise: false, clause });
				continue;
			case 'word':
				break;
		}
		const next = tokens[i + 1];
		if (info.degreeBeforeWord && next?.start === t.end && next.info.kind === 'word') {
			degree = { multiplier: (degree?.multiplier ?? 1) * info.degreeBeforeWord, end: t.end };
			continue;
		}
		let value = info.weight * (degree?.multiplier ?? 1);
		if (negation) value *= (value > 0 ? -0.9 : -0.5) * negation.strength;
		negation = degree = undefined;
		if (value > 0 && isQuoted(text, t.start, t.end)) value = -value;
		if (value < 0) {
			if (repeatPending) {
				value *= 1.3;
				repeatedFailure = true;
			}
			if (info.weight <= -2 && contributions.some((c) => c.praise && c.clause === clause)) praiseThenNegative = true;
			value *= params.negativeWeight;
		}
		value *= afterContrast * (concessionClause === clause ? 0.5 : 1);
		contributions.push({ value, praise: value > 0 && !!info.praise, clause });
	}

	// A cue (呵呵, 🙄) only turns around praise in its own or a neighbouring clause: in a long review
	// an old-style friendly 呵呵 must not flip every compliment.
	const turned = (c: Contribution) => c.praise && (praiseThenNegative || repeatedFailure || Math.abs(c.clause - sarcasmClause) <= 1);
	let total = 0;
	let sarcasm = false;
	for (const c of contributions) {
		const flip = turned(c);
		sarcasm ||= flip;
		total += flip ? c.value * -0.6 : c.value;
	}
	return { total, sarcasm, matched: contributions.length };
}

/** VADER's normalisation of a raw sum into -1..1 (alpha 15: one strong word ≈ ±0.6). */
export function normalizeScore(total: number, alpha = 15): number {
	if (total === 0) return 0;
	return Math.max(-1, Math.min(1, total / Math.sqrt(total * total + alpha)));
}
