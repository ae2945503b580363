import { InputError } from '../errors';
import type { SentimentResult } from '../model';
import { getDictionary, type SentimentDictionary } from './dictionary';
import { assertSentimentModel, modelScore } from './naive-bayes';
import { detectLanguage, normalizeForSentiment } from './normalize';
import { normalizeScore, scoreTokens } from './score';
import { cantEnoughTokens, casedSlangTokens, hashtagTokens, negatedAffixTokens, tokenizeByLexicon, tokenizeBySegmenter, waitingTimeTokens, type Token } from './tokenize';
import type { SentimentLabel, SentimentOptions } from './types';

export const DEFAULT_NEUTRAL_BAND = 0.05;
export const DEFAULT_MODEL_WEIGHT = 0.7;

export function labelFor(score: number, neutralBand = DEFAULT_NEUTRAL_BAND): SentimentLabel {
	if (score >= neutralBand && score > 0) return 'positive';
	if (score <= -neutralBand && score < 0) return 'negative';
	return 'neutral';
}

/**
 * The two-way decision (positive vs negative) for a score: above 0 positive, otherwise negative. A score of
 * exactly 0 means the engine found no sentiment evidence at all; in a forced two-way split such a comment
 * counts as negative, because in brand monitoring a comment that says nothing good about the brand is worth
 * a look and a missed complaint costs more than a second look at a neutral remark. The three-way `label`
 * (with its neutral band) is unaffected.
 */
export function polarityOf(score: number): 'positive' | 'negative' {
	return score > 0 ? 'positive' : 'negative';
}

function checkScore(score: number, field: string): number {
	if (!Number.isFinite(score) || score < -1 || score > 1) throw new InputError(`${field} must be a number in -1..1, got ${String(score)}`, field);
	return score;
}

/**
 * Sentiment of one comment in -1..1.
 * - `upstreamScore` set: that score is used as is (source 'upstream').
 * - otherwise the lexicon engine scores the text (source 'builtin'): simplified Chinese + English
 *   terms with negation, degree, contrast and sarcasm rules (see score.ts), normalised VADER-style;
 * - with `model`: score = (1 − w)·lexicon + w·(P(pos) − P(neg)) with w = `modelWeight` (default 0.7),
 *   so the team's corrections dominate while words the model never saw still count (source 'learned').
 */
export function analyzeSentiment(text: string, options: SentimentOptions = {}): SentimentResult {
	if (typeof text !== 'string') throw new InputError('text must be a string', 'text');
	const band = options.neutralBand ?? DEFAULT_NEUTRAL_BAND;
	const language = detectLanguage(text);
	if (options.upstreamScore !== undefined) {
		const score = checkScore(options.upstreamScore, 'upstreamScore');
		return { score, label: labelFor(score, band), language, source: 'upstream' };
	}
	return finishSentiment(text, lexiconScore(text, options), options, language);
}

/** The rest of analyzeSentiment once the lexicon score is known (shared with the risk engine's single pass). */
export function finishSentiment(text: string, lexicon: number, options: SentimentOptions = {}, language = detectLanguage(text)): SentimentResult {
	const band = options.neutralBand ?? DEFAULT_NEUTRAL_BAND;
	let score = lexicon;
	let source: SentimentResult['source'] = 'builtin';
	if (options.model) {
		assertSentimentModel(options.model);
		const w = options.modelWeight ?? DEFAULT_MODEL_WEIGHT;
		score = (1 - w) * score + w * modelScore(options.model, text);
		source = 'learned';
	}
	return { score, label: labelFor(score, band), language, source };
}

function lexiconScore(text: string, options: SentimentOptions): number {
	const normalized = normalizeForSentiment(text);
	const dict = getDictionary(options.ruleset);
	const tokens = options.segmenter === 'intl' ? tokenizeBySegmenter(normalized, dict) : tokenizeByLexicon(normalized, dict);
	return lexiconScoreOfTokens(normalized, tokens, dict);
}

/** Score of lexicon tokens found in the normalised text, plus the cased slang only capitals mark, run-together hashtags, waiting times and negating affixes. */
export function lexiconScoreOfTokens(normalized: string, tokens: Token[], dict: SentimentDictionary): number {
	const cased = casedSlangTokens(normalized);
	const tags = hashtagTokens(normalized, tokens);
	const waits = waitingTimeTokens(normalized, tokens);
	const affixed = negatedAffixTokens(normalized, tokens, dict);
	const cantEnough = cantEnoughTokens(normalized);
	if (cased.length + tags.length + waits.length + affixed.length + cantEnough.length === 0) return normalizeScore(scoreTokens(normalized, tokens).total);
	const extra = [...cased, ...tags, ...waits, ...affixed, ...cantEnough];
	const covered = (t: Token) => extra.some((e) => t.start >= e.start && t.end <= e.end);
	const all = [...tokens.filter((t) => !covered(t)), ...extra].sort((a, b) => a.start - b.start);
	return normalizeScore(scoreTokens(normalized, all).total);
}
