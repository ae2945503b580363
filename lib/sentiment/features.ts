import { normalizeForSentiment } from './normalize';

const WORD_LIKE = /[\p{L}\p{N}]/u;
const EMOJI = /\p{Extended_Pictographic}/u;
const NEGATOR_WORDS: ReadonlySet<string> = new Set(['不', '没', '没有', '别', '不是', '无', '未', 'not', 'no', 'never', '不太', '并不', '从不']);

let segmenter: Intl.Segmenter | undefined;

/**
 * Features for the learned model: every word the ICU segmenter finds (not only lexicon words, so the
 * team's own vocabulary counts), emoji, a "¬" mark on the two words after a negator, and word
 * bigrams, which catch phrases the segmenter splits (性价 比, 不 值).
 */
export function featureTokens(text: string): string[] {
	segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
	const words: string[] = [];
	for (const s of segmenter.segment(normalizeForSentiment(text).toLowerCase())) {
		if (s.isWordLike || EMOJI.test(s.segment)) words.push(s.segment);
		else if (!WORD_LIKE.test(s.segment) && /[，,。.!！?？;；]/.test(s.segment)) words.push('|');
	}
	const out: string[] = [];
	let negated = 0;
	for (let i = 0; i < words.length; i++) {
		const w = words[i];
		if (w === '|') {
			negated = 0;
			continue;
		}
		out.push(negated > 0 ? `¬${w}` : w);
		negated = NEGATOR_WORDS.has(w) ? 2 : Math.max(0, negated - 1);
		const next = words[i + 1];
		if (next && next !== '|') out.push(`${w}_${next}`);
	}
	return out;
}
