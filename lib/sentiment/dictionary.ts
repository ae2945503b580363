import afinn = require('sentiment/languages/en/labels.json');
import { createPatternMatcher, type PatternMatcher } from '../text/pattern-matcher';
import { EMOJI } from './lexicon/emoji';
import { EN_REVIEW_WORDS, EN_SERVICE_WORDS, EN_WORDS } from './lexicon/en-words';
import { COMMITMENTS, CONCESSIONS, CONTRASTS, DANGLING, DEGREE_ADVERBS, EXASPERATION_MARKS, EXPECTATIONS, GRATITUDE, INTENSIFYING_ADVERBS, IRREALIS_MARKERS, NEGATORS, PRAISE_HEADS, REPEAT_MARKERS, SARCASM_CUES } from './lexicon/modifiers';
import { SLANG } from './lexicon/slang';
import { VADER_EN } from './lexicon/vader-en';
import { expandWeightTable } from './lexicon/table';
import { ZH_WORDS } from './lexicon/zh-words';
import type { SentimentRuleset } from './types';

/** What a matched term does in the scorer. */
export type TermInfo =
	| { kind: 'word'; weight: number; praise?: boolean; degreeBeforeWord?: number; punctuation?: boolean; gratitude?: boolean }
	| { kind: 'negator'; strength: number; dangling?: number; praiseOnly?: boolean }
	| { kind: 'degree'; multiplier: number; dangling?: number }
	| { kind: 'contrast' }
	| { kind: 'concession' }
	| { kind: 'sarcasm'; weight: number }
	| { kind: 'repeat' }
	| { kind: 'irrealis' };

export interface SentimentDictionary {
	terms: ReadonlyMap<string, TermInfo>;
	matcher: PatternMatcher<TermInfo>;
}

/** 好 is praise on its own but "very" before another sentiment word (好贵, 好喜欢); so are the English INTENSIFYING_ADVERBS. */
const DUAL_ROLE_DEGREE: ReadonlyMap<string, number> = new Map([['好', 1.35]]);

function baseTerms(): Map<string, TermInfo> {
	const terms = new Map<string, TermInfo>();
	const word = (term: string, weight: number) => terms.set(term.toLowerCase(), { kind: 'word', weight });
	for (const [term, weight] of Object.entries(afinn as Record<string, number>)) word(term, weight);
	for (const table of [VADER_EN, EN_WORDS, EN_REVIEW_WORDS, EN_SERVICE_WORDS, ZH_WORDS, SLANG, EMOJI]) for (const [term, weight] of expandWeightTable(table)) word(term, weight);
	for (const [term, weight] of EXASPERATION_MARKS) terms.set(term, { kind: 'word', weight, punctuation: true });
	for (const [term, strength] of NEGATORS) terms.set(term, { kind: 'negator', strength });
	for (const term of EXPECTATIONS) terms.set(term, { kind: 'negator', strength: 1, praiseOnly: true });
	for (const [term, multiplier] of DEGREE_ADVERBS) terms.set(term, { kind: 'degree', multiplier });
	for (const [term, weight] of DANGLING) {
		const info = terms.get(term);
		if (info?.kind === 'negator' || info?.kind === 'degree') terms.set(term, { ...info, dangling: weight });
	}
	for (const term of CONTRASTS) terms.set(term, { kind: 'contrast' });
	for (const term of CONCESSIONS) terms.set(term, { kind: 'concession' });
	for (const [term, weight] of SARCASM_CUES) terms.set(term, { kind: 'sarcasm', weight });
	for (const term of REPEAT_MARKERS) terms.set(term, { kind: 'repeat' });
	for (const term of IRREALIS_MARKERS) terms.set(term, { kind: 'irrealis' });
	for (const term of COMMITMENTS) if (!terms.has(term)) terms.set(term, { kind: 'word', weight: 0 });
	for (const term of PRAISE_HEADS) {
		const info = terms.get(term);
		terms.set(term, { kind: 'word', weight: info?.kind === 'word' ? info.weight : 2, praise: true });
	}
	for (const term of GRATITUDE) {
		const info = terms.get(term);
		if (info?.kind === 'word' && info.weight > 0) terms.set(term, { ...info, gratitude: true });
	}
	for (const [term, multiplier] of [...DUAL_ROLE_DEGREE, ...INTENSIFYING_ADVERBS]) {
		const info = terms.get(term) ?? { kind: 'word', weight: 0 };
		if (info.kind === 'word') terms.set(term, { ...info, degreeBeforeWord: multiplier });
	}
	return terms;
}

function compile(terms: Map<string, TermInfo>): SentimentDictionary {
	const matcher = createPatternMatcher([...terms].map(([term, data]) => ({ term, data })), { asciiWholeWords: true });
	return { terms, matcher };
}

// Immutable caches: the built-in dictionary is built once on first use, a ruleset's dictionary once
// per ruleset object (a workflow passes the same object for every item of a run).
let builtin: SentimentDictionary | undefined;
const byRuleset = new WeakMap<SentimentRuleset, SentimentDictionary>();

export function getDictionary(ruleset?: SentimentRuleset): SentimentDictionary {
	builtin ??= compile(baseTerms());
	if (!ruleset || rulesetTerms(ruleset).length === 0) return builtin;
	let dict = byRuleset.get(ruleset);
	if (!dict) {
		const terms = new Map(builtin.terms);
		for (const { term, weight } of rulesetTerms(ruleset)) terms.set(term.trim().toLowerCase(), { kind: 'word', weight });
		dict = compile(terms);
		byRuleset.set(ruleset, dict);
	}
	return dict;
}

/** A ruleset may be `{ terms: { 小黑瓶: 0 } }` or `{ terms: [{ term: '小黑瓶', weight: 0 }] }`. */
export function rulesetTerms(ruleset: SentimentRuleset): Array<{ term: string; weight: number }> {
	const { terms } = ruleset;
	const list = Array.isArray(terms) ? terms : Object.entries(terms ?? {}).map(([term, weight]) => ({ term, weight }));
	return list.filter((t) => t.term.trim().length > 0 && Number.isFinite(t.weight));
}
