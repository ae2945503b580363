import type { Token } from './tokenize';

/**
 * Scoring rules over the token stream (weights on the AFINN scale), in the spirit of VADER:
 * - negation within a short window flips a word: positive × -0.9, negative × -0.5 ("not bad" is
 *   only mildly good); a soft negator (不太, not very) halves that;
 * - a degree adverb multiplies the next word; after a negator it softens instead (不很好 < 很不好);
 * - contrast (但是, but): what came before × 0.5, what follows × 1.5; a concession clause (虽然) × 0.5;
 * - sarcasm: praise is turned around (× -0.6) next to a sarcasm cue (呵呵, 🙄, "yeah right"),
 *   when praise is followed by a negative word in the same clause ("great job losing my bag"), when
 *   the text also reports a repeated failure (真是太棒了，又坏了), or when the praise is a sentence of its
 *   own after a complaint ("my drinks never came. Awesome!"); quoted praise (「好」服务) is negative;
 * - a negative word after an "again" marker (又, again) × 1.3;
 * - irrealis blocking (Taboada et al. 2011, SO-CAL): praise after a modal or "if" in the same clause is
 *   not counted ("it could have been fun", "if the food were good"), a complaint still is ("if it breaks again"),
 *   and so are thanks ("I would like to thank the crew"); capitalised "May" (the month) is no modal;
 * - an emphatic negator (一点都不, 根本不, not, never, no) or excess marker (太, too) that reaches no lexicon
 *   word but is followed by some word counts as a mild complaint itself (颜色一点都不红, 太短了, did not arrive).
 * Negative contributions weigh × 1.7 (reviews mention good points before the complaint; 1.7 rather than
 * 1.5 also keeps "+3 then -2" from cancelling to exactly 0).
 */
export interface ScoreParams {
	/** Multiplier for negative contributions (reviews mention good points before the complaint). */
	negativeWeight: number;
}

export const DEFAULT_SCORE_PARAMS: ScoreParams = { negativeWeight: 1.7 };

const CLAUSE_BREAK = /[，,。.!！?？;；\n~～…]/;
const HAN = /\p{Script=Han}/u;
/** A dangling modifier counts only when a word follows it ("too slim", 太小了), not at the end ("me too"). */
const WORD_AFTER = /^\s?[\p{L}\p{N}]/u;
const OPEN_QUOTES = '「『“"《‘';
const CLOSE_QUOTES = '」』”"》’';

interface Contribution {
	value: number;
	praise: boolean;
	clause: number;
	/** Praise that is a sentence of its own right after a complaint ("they never came. Awesome!"). */
	echo?: boolean;
}

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
/** 1 for the code units of CLAUSE_BREAK (all in the BMP). */
const IS_BREAK = new Uint8Array(65536);
for (const ch of '，,。.!！?？;；\n~～…') IS_BREAK[ch.charCodeAt(0)] = 1;

/** The token is all its clause holds: a clause break (not the text's start) before it, a break or the end after it. */
function standsAlone(text: string, start: number, end: number): boolean {
	let i = start - 1;
	while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
	if (i < 0 || !IS_BREAK[text.charCodeAt(i)]) return false;
	let j = end;
	while (j < text.length && isSpace(text.charCodeAt(j))) j++;
	return j === text.length || IS_BREAK[text.charCodeAt(j)] === 1;
}

/** A negator or degree adverb reaches over at most 3 Chinese characters or 2 English words. */
function withinReach(text: string, from: number, to: number): boolean {
	if (to - from > 40) return false;
	// ASCII gaps are read in place (most English text); others through the string rules below.
	let words = 0;
	let inWord = false;
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c >= 128) return withinReachGap(text.slice(from, to));
		if (IS_BREAK[c]) return false;
		const space = c === 32 || (c >= 9 && c <= 13);
		if (!space && !inWord) words++;
		inWord = !space;
	}
	return words <= 2;
}

function withinReachGap(gap: string): boolean {
	if (CLAUSE_BREAK.test(gap)) return false;
	if (HAN.test(gap)) return gap.replace(/\s/g, '').length <= 3;
	return gap.trim().split(/\s+/).filter(Boolean).length <= 2;
}

/** Whether text[from, to) holds a clause break (CLAUSE_BREAK without building the substring). */
function hasClauseBreak(text: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) if (IS_BREAK[text.charCodeAt(i)]) return true;
	return false;
}

function isQuoted(text: string, start: number, end: number): boolean {
	let opened = false;
	for (let i = Math.max(0, start - 3); i < start; i++) if (OPEN_QUOTES.includes(text[i])) opened = true;
	if (!opened) return false;
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
	let negation: { strength: number; end: number; dangling: number; praiseOnly?: boolean } | undefined;
	let degree: { multiplier: number; end: number; dangling: number } | undefined;
	let afterContrast = 1;
	let concessionClause = -1;
	let repeatPending = false;
	let irrealisClause = -1;
	let sarcasmClause = -9;
	let repeatedFailure = false;
	let praiseThenNegative = false;
	/** A modifier that reached no sentiment word: an emphatic negation or excess marker counts on its own. */
	const dangle = (m: { dangling: number; end: number } | undefined): undefined => {
		if (m?.dangling && WORD_AFTER.test(text.slice(m.end, m.end + 2))) contributions.push({ value: m.dangling * params.negativeWeight * afterContrast * (concessionClause === clause ? 0.5 : 1), praise: false, clause });
		return undefined;
	};

	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i];
		if (hasClauseBreak(text, prevEnd, t.start)) {
			clause++;
			repeatPending = false;
		}
		if (negation && !withinReach(text, negation.end, t.start)) negation = dangle(negation);
		if (degree && !withinReach(text, degree.end, t.start)) degree = dangle(degree);
		const info = t.info;
		// Punctuation terms (??) still end their clause for the token after them.
		prevEnd = info.kind === 'word' && info.punctuation ? t.start : t.end;
		switch (info.kind) {
			case 'negator':
				negation = negation ? { strength: -negation.strength, end: t.end, dangling: 0 } : { strength: info.strength, end: t.end, dangling: info.dangling ?? 0, praiseOnly: info.praiseOnly };
				continue;
			case 'degree':
				degree = { multiplier: (degree?.multiplier ?? 1) * (negation ? 0.7 : info.multiplier), end: t.end, dangling: negation ? 0 : (degree?.dangling ?? 0) + (info.dangling ?? 0) };
				continue;
			case 'contrast':
				negation = dangle(negation);
				degree = dangle(degree);
				for (const c of contributions) c.value *= 0.5;
				afterContrast = 1.5;
				clause++;
				continue;
			case 'concession':
				concessionClause = clause;
				continue;
			case 'repeat':
				repeatPending = true;
				continue;
			case 'irrealis':
				// "May" with a capital is the month ("flew in May and loved it") or a wish for the reader ("May I
				// say", "May God bless you"), not a modal that makes the praise after it hypothetical.
				if (!text.startsWith('May', t.start)) irrealisClause = clause;
				continue;
			case 'sarcasm':
				sarcasmClause = clause;
				if (info.weight) contributions.push({ value: info.weight * params.negativeWeight, praise: false, clause });
				continue;
			case 'word':
				break;
		}
		if (info.punctuation) {
			// Exasperation (??, ?!) closes the clause: a pending negation or excess marker ends before it.
			negation = dangle(negation);
			degree = dangle(degree);
			contributions.push({ value: info.weight * params.negativeWeight * afterContrast, praise: false, clause });
			continue;
		}
		const next = tokens[i + 1];
		if (info.degreeBeforeWord && next && (next.start === t.end || (next.start === t.end + 1 && text.charCodeAt(t.end) === 32)) && next.info.kind === 'word') {
			degree = { multiplier: (degree?.multiplier ?? 1) * info.degreeBeforeWord, end: t.end, dangling: 0 };
			continue;
		}
		if (info.weight === 0) {
			// A known neutral word ("help", "refund", 快递) is not what a negation or excess marker was about:
			// "unable to help" is still a complaint.
			negation = dangle(negation);
			degree = dangle(degree);
			continue;
		}
		let value = info.weight * (degree?.multiplier ?? 1);
		if (negation && !(value < 0 && negation.praiseOnly)) value *= (value > 0 ? -0.9 : -0.5) * negation.strength;
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
		// Praise in an irrealis clause is not a judgement ("it could be good", "if it worked well"); thanks is
		// still given ("I would like to thank the crew").
		if (value > 0 && irrealisClause === clause && !info.gratitude) continue;
		const praise = value > 0 && !!info.praise;
		const echo = praise && standsAlone(text, t.start, t.end) && contributions.reduce((sum, c) => sum + c.value, 0) < 0;
		contributions.push({ value, praise, clause, echo });
	}

	dangle(negation);
	dangle(degree);

	// A cue (呵呵, 🙄) only turns around praise in its own or a neighbouring clause: in a long review
	// an old-style friendly 呵呵 must not flip every compliment.
	const turned = (c: Contribution) => c.praise && (praiseThenNegative || repeatedFailure || c.echo || Math.abs(c.clause - sarcasmClause) <= 1);
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
