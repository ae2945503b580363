import type { SentimentLanguage } from './types';

type Converter = (text: string) => string;

// opencc-js costs ~25 ms and ~9 MB to load, so it is required on first use only; the converter is
// a pure function, cached once built.
let toSimplified: Converter | undefined;

function traditionalToSimplified(text: string): string {
	if (!toSimplified) {
		const opencc = require('opencc-js') as { Converter(o: { from: string; to: string }): Converter };
		toSimplified = opencc.Converter({ from: 't', to: 'cn' });
	}
	return toSimplified(text);
}

const HAN = /\p{Script=Han}/u;
const HAN_GLOBAL = /\p{Script=Han}/gu;
const LATIN_WORD = /[A-Za-z]{2,}/g;
const LATIN_PAIR = /[A-Za-z]{2}/;
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const NOT_CONTRACTION = /n't\b/gi;

export function hasHan(text: string): boolean {
	return HAN.test(text);
}

/**
 * Simplified Chinese for matching. Returns the text unchanged when it has no Han characters.
 * OpenCC's t→s mapping is character for character for nearly all text; callers that need offsets
 * into the original check that the length is unchanged.
 */
export function toSimplifiedChinese(text: string): string {
	return hasHan(text) ? traditionalToSimplified(text) : text;
}

/**
 * The text the sentiment scorer reads: simplified Chinese, NFKC (full-width ｙｙｄｓ → yyds,
 * ［赞］ → [赞]), then `sentimentRewrites`. Offsets into it are not offsets into the input; risk matching
 * reads the text through `foldNfkc` (lib/text/nfkc.ts), which maps offsets back.
 */
export function normalizeForSentiment(text: string): string {
	// ASCII text is its own NFKC and has no Han, curly apostrophes or variation selectors.
	if (ASCII_ONLY.test(text)) return notSpelledOut(text);
	return sentimentRewrites(toSimplifiedChinese(text.normalize('NFKC')));
}

/**
 * What normalizeForSentiment does after NFKC and t→s: one apostrophe, no emoji variation selectors, and "n't"
 * spelled "not". Returns the very string it was given when none of it applies.
 */
export function sentimentRewrites(text: string): string {
	if (ASCII_ONLY.test(text)) return notSpelledOut(text);
	return notSpelledOut(text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/\ufe0f/g, ''));
}

function notSpelledOut(text: string): string {
	return text.includes("'") ? text.replace(NOT_CONTRACTION, ' not') : text;
}

/** zh / en by script; mixed when both carry real weight; unknown for emoji-only or empty text. */
export function detectLanguage(text: string): SentimentLanguage {
	if (ASCII_ONLY.test(text)) return LATIN_PAIR.test(text) ? 'en' : 'unknown';
	const han = text.match(HAN_GLOBAL)?.length ?? 0;
	const latinWords = text.match(LATIN_WORD)?.length ?? 0;
	if (han === 0 && latinWords === 0) return 'unknown';
	if (han === 0) return 'en';
	if (latinWords === 0) return 'zh';
	// A brand name or "yyds" in a Chinese sentence is still Chinese; so is one Chinese word in English.
	if (latinWords >= 3 && han >= 3) return 'mixed';
	return han >= latinWords * 2 ? 'zh' : 'en';
}
