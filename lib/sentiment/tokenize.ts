import { HASHTAG_STEMS } from './lexicon/modifiers';
import { CASED_SLANG } from './lexicon/slang';
import { atAsciiWordBoundaries } from '../text/pattern-matcher';
import type { SentimentDictionary, TermInfo } from './dictionary';

/** A lexicon term found in the text, with offsets into the text it was found in. */
export interface Token {
	start: number;
	end: number;
	info: TermInfo;
}

/** English terms only match whole words: "no" is not inside "not", "sb" not inside "sbux". */
export const atWordBoundaries = atAsciiWordBoundaries;

/**
 * Forward maximum matching over the lexicon: of all dictionary hits (one Aho-Corasick pass), keep the
 * leftmost-longest non-overlapping ones. Text between hits is irrelevant to scoring, so no full
 * segmentation is needed, and longer neutral words (快递, 好像) shadow the sentiment characters inside them.
 */
export function tokenizeByLexicon(text: string, dict: SentimentDictionary): Token[] {
	// The lexicon matcher is built with asciiWholeWords, so every hit is already at word boundaries.
	const hits: Token[] = [];
	dict.matcher.forEachHit(text, (start, end, info) => hits.push({ start, end, info }));
	return leftmostLongest(hits);
}

/** The leftmost-longest non-overlapping hits, in text order (sorts `hits` in place). */
export function leftmostLongest<H extends { start: number; end: number }>(hits: H[]): H[] {
	if (hits.length < 2) return hits;
	hits.sort((a, b) => a.start - b.start || b.end - a.end);
	const kept: H[] = [];
	let lastEnd = 0;
	for (const h of hits) {
		if (h.start < lastEnd) continue;
		kept.push(h);
		lastEnd = h.end;
	}
	return kept;
}

let segmenter: Intl.Segmenter | undefined;

/** The alternative measured in bench/sentiment-eval.ts: ICU word segmentation, then lexicon lookup per word. */
export function tokenizeBySegmenter(text: string, dict: SentimentDictionary): Token[] {
	segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
	const tokens: Token[] = [];
	for (const s of segmenter.segment(text)) {
		const info = dict.terms.get(s.segment.toLowerCase());
		if (info) tokens.push({ start: s.index, end: s.index + s.segment.length, info });
	}
	return tokens;
}

const CASED_PATTERN = new RegExp(`(?<![A-Za-z0-9'])(${CASED_SLANG.map(([t]) => t).join('|')})(?![A-Za-z0-9'.&])`, 'g');
/** A cheap test first: most texts have none of the cased terms' first letters. */
const CASED_FIRST = new RegExp(`[${[...new Set(CASED_SLANG.map(([t]) => t[0]))].join('')}]`);
const CASED_WEIGHT: ReadonlyMap<string, number> = new Map(CASED_SLANG);

/** "W", "L" and "GOAT" only count as slang in capitals, so they are found in the text before lower-casing. */
export function casedSlangTokens(text: string): Token[] {
	const tokens: Token[] = [];
	if (!CASED_FIRST.test(text)) return tokens;
	for (const m of text.matchAll(CASED_PATTERN)) {
		tokens.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[1].length, info: { kind: 'word', weight: CASED_WEIGHT.get(m[1]) ?? 0 } });
	}
	return tokens;
}

/** A token that means something to the scorer (not a weight-0 word such as "hours" or 快递). */
const carries = (t: Token) => t.info.kind !== 'word' || t.info.weight !== 0;

const HASHTAG = /#([A-Za-z][A-Za-z0-9_]{2,})/g;
const STEMS_LONGEST_FIRST = [...HASHTAG_STEMS].sort((a, b) => b[0].length - a[0].length);

/**
 * Run-together hashtags the lexicon did not match as a whole (#worstflightever, #customerserviceWIN): the
 * longest known stem inside counts once for the tag. `tokens` are the lexicon tokens, in text order; the
 * weight-0 ones a new token covers are dropped by the caller.
 */
export function hashtagTokens(text: string, tokens: readonly Token[]): Token[] {
	const out: Token[] = [];
	if (!text.includes('#')) return out;
	for (const m of text.matchAll(HASHTAG)) {
		const start = (m.index ?? 0) + 1;
		const end = start + m[1].length;
		if (tokens.some((t) => t.start < end && t.end > start && carries(t))) continue;
		const tag = m[1].toLowerCase();
		const stem = STEMS_LONGEST_FIRST.find(([s]) => tag.includes(s));
		if (stem) out.push({ start, end, info: { kind: 'word', weight: stem[1] } });
	}
	return out;
}

const NUMBER_WORDS = 'an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|multiple|many|a few|a couple of';
/**
 * How long someone has been waiting, in a comment to a brand: "for 2 hours", "over an hour", "almost 45mins",
 * "took more than an hour", "after 40 minutes on hold"; and "3 days since I ordered", "24 hrs later".
 * Found from the time unit (one cheap pass), then the words before and after it.
 */
const TIME_UNIT = /[\d\s](?:h(?:ou)?rs?|min(?:ute)?s?|days?|weeks?)\b/gi;
const HAS_TIME_UNIT = /[\d\s](?:h(?:ou)?rs?|min(?:ute)?s?|days?|weeks?)\b/i;
const SPAN_BEFORE = new RegExp(`\\b(?:for|over|almost|nearly|another|past|than|took|after)\\s+(?:\\d+(?:\\.\\d+)?\\+?\\s*|(?:${NUMBER_WORDS})\\s+)$`, 'i');
const COUNT_BEFORE = new RegExp(`\\b(?:\\d+|${NUMBER_WORDS})\\s*$`, 'i');
const STILL_AFTER = /^\s+(?:since|later|and still|now and)\b/i;

/** Waiting-time phrases as complaint tokens (weight -1.5), unless a lexicon token with a role overlaps them. */
export function waitingTimeTokens(text: string, tokens: readonly Token[]): Token[] {
	const out: Token[] = [];
	if (!HAS_TIME_UNIT.test(text)) return out;
	for (const m of text.matchAll(TIME_UNIT)) {
		const at = (m.index ?? 0) + 1; // the unit, after the digit or space the pattern starts with
		const before = text.slice(Math.max(0, at - 40), at);
		let start = -1;
		let end = at + m[0].length - 1;
		const span = /^[hm]/i.test(m[0].slice(1)) ? SPAN_BEFORE.exec(before) : null;
		if (span) start = at - before.length + span.index;
		else {
			const count = COUNT_BEFORE.exec(before);
			const still = count && STILL_AFTER.exec(text.slice(end, end + 16));
			if (count && still) (start = at - before.length + count.index), (end += still[0].length);
		}
		if (start < 0 || tokens.some((t) => t.start < end && t.end > start && carries(t))) continue;
		out.push({ start, end, info: { kind: 'word', weight: -1.5 } });
	}
	return out;
}

/**
 * English words with a negating affix whose stem the lexicon knows but the word itself it does not:
 * un- ("unfunny", "uninspired", "unlimited") and -less ("charmless", "careless", "fearless") read as the
 * opposite of the stem, weaker (× -0.75 for praise, × -0.5 for a complaint: "unforgettable" is praise, not
 * strong praise). Found at run time, so the lexicon automaton does not grow by a derived form per word.
 */
const isAsciiLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;
/** A letter, digit, apostrophe or hyphen next to a word makes it part of something longer. */
const joinsWord = (c: number) => isAsciiLetter(c) || (c >= 48 && c <= 57) || c === 39 || c === 45;
const PREFIXES = ['un', 'Un', 'UN'];
const SUFFIXES = ['less', 'LESS'];

export function negatedAffixTokens(text: string, tokens: readonly Token[], dict: SentimentDictionary): Token[] {
	const out: Token[] = [];
	// indexOf per spelling of the affix, then the word around it: on the airline tweets this pass costs 5-8% of
	// analyzeSentiment, a regex with look-arounds 8-10% and a character loop 10-20%.
	const found = (start: number, end: number, stemStart: number, stemEnd: number) => {
		if (end - start < 5 || stemEnd - stemStart < 3) return;
		if ((start > 0 && joinsWord(text.charCodeAt(start - 1))) || (end < text.length && joinsWord(text.charCodeAt(end)))) return;
		for (let k = start; k < end; k++) if (!isAsciiLetter(text.charCodeAt(k))) return;
		if (tokens.some((t) => t.start < end && t.end > start) || out.some((o) => o.start === start)) return;
		const stem = dict.terms.get(text.slice(stemStart, stemEnd).toLowerCase());
		if (stem?.kind !== 'word' || stem.weight === 0 || stem.punctuation) return;
		out.push({ start, end, info: { kind: 'word', weight: stem.weight * (stem.weight > 0 ? -0.75 : -0.5) } });
	};
	// Only an affix at the word's edge is followed into the word: a run of letters is then walked once, not once
	// per "un" or "less" inside it (quadratic on a spam comment of 100k letters).
	for (const prefix of PREFIXES) {
		for (let at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 2)) {
			if (at > 0 && joinsWord(text.charCodeAt(at - 1))) continue;
			let end = at + 2;
			while (end < text.length && isAsciiLetter(text.charCodeAt(end))) end++;
			found(at, end, at + 2, end);
		}
	}
	for (const suffix of SUFFIXES) {
		for (let at = text.indexOf(suffix); at >= 0; at = text.indexOf(suffix, at + 4)) {
			if (at + 4 < text.length && joinsWord(text.charCodeAt(at + 4))) continue;
			let start = at;
			while (start > 0 && isAsciiLetter(text.charCodeAt(start - 1))) start--;
			found(start, at + 4, start, at);
		}
	}
	return out.length > 1 ? out.sort((a, b) => a.start - b.start) : out;
}

/**
 * "Can't X enough" is praise however many words stand between: "I can't recommend them enough", "we cannot
 * thank the crew enough", "can't say enough good things about her", "can't get enough of it". The negator and any word inside the span
 * are replaced by one praise token (the caller drops lexicon tokens the span covers). "can't" reaches here as
 * "ca not". Only texts with "enough" are searched.
 */
const CANT_ENOUGH = /\b(?:ca not|can not|cannot|cant|could not|couldnt)\s+(?:(?:recommend|thank|praise|rave about|love)\b[^.!?;,\n]{0,40}?\benough\b|say enough good things|get enough of)/gi;

export function cantEnoughTokens(text: string): Token[] {
	const out: Token[] = [];
	if (!text.includes('enough') && !text.includes('ENOUGH')) return out;
	for (const m of text.matchAll(CANT_ENOUGH)) {
		const start = m.index ?? 0;
		out.push({ start, end: start + m[0].length, info: { kind: 'word', weight: 3 } });
	}
	return out;
}
