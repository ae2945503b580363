import type { RiskCategory, RiskMatch } from '../model';
import { toSimplifiedChinese } from '../sentiment';
import { atWordBoundaries } from '../sentiment/tokenize';
import { foldNfkc, originalSpan, type FoldedText } from '../text/nfkc';
import { createPatternMatcher, type PatternMatcher } from '../text/pattern-matcher';
import { RISK_CUES } from './cues';

export interface RiskRuleOptions {
	/** The team's own sensitive or banned words (category `sensitive_term`), e.g. competitor names, banned claims. */
	sensitiveTerms?: readonly string[];
	/** More cues per category, added to the built-in ones. */
	extraCues?: Partial<Record<RiskCategory, readonly string[]>>;
}

export function cueEntries(options: RiskRuleOptions): Array<{ term: string; data: RiskCategory }> {
	const entries: Array<{ term: string; data: RiskCategory }> = [];
	for (const [category, list] of Object.entries(RISK_CUES) as Array<[RiskCategory, string]>) {
		for (const term of list.split(/\s+/)) if (term) entries.push({ term: term.replace(/_/g, ' '), data: category });
	}
	for (const [category, list] of Object.entries(options.extraCues ?? {}) as Array<[RiskCategory, readonly string[]]>) {
		for (const term of list) entries.push({ term: foldTerm(term), data: category });
	}
	for (const term of options.sensitiveTerms ?? []) entries.push({ term: foldTerm(term), data: 'sensitive_term' });
	return entries;
}

/** A team's term as the text it is matched in reads (NFKC, then simplified Chinese): ＸＹ奶茶 matches XY奶茶. The built-in cues are already both. */
export function foldTerm(term: string): string {
	return toSimplifiedChinese(term.normalize('NFKC'));
}

// Immutable caches: one matcher for the built-in cues, one per options object that adds terms.
let builtin: PatternMatcher<RiskCategory> | undefined;
const byOptions = new WeakMap<RiskRuleOptions, PatternMatcher<RiskCategory>>();

function matcherFor(options: RiskRuleOptions): PatternMatcher<RiskCategory> {
	if (!options.sensitiveTerms?.length && !options.extraCues) return (builtin ??= createPatternMatcher(cueEntries({}), { asciiWholeWords: true }));
	let m = byOptions.get(options);
	if (!m) byOptions.set(options, (m = createPatternMatcher(cueEntries(options), { asciiWholeWords: true })));
	return m;
}

/**
 * Risk cues found in a text, leftmost-longest and non-overlapping, with UTF-16 offsets into the
 * original text. Matching runs on the text's NFKC (foldNfkc: full-width ＲＥＦＵＮＤ is "refund", offsets
 * mapped back), in its simplified-Chinese form when t→s kept the length (the usual case: OpenCC maps
 * character for character). assessTextInOnePass reads the same haystack, so both paths agree.
 */
export function matchRiskCues(text: string, options: RiskRuleOptions = {}): RiskMatch[] {
	const folded = foldNfkc(text);
	const simplified = toSimplifiedChinese(folded.text);
	const haystack = simplified.length === folded.text.length ? simplified : folded.text;
	return selectRiskMatches(text, haystack, matcherFor(options).findAll(haystack), folded);
}

/**
 * Leftmost-longest, whole-word risk hits in `haystack` as matches on `text`: `folded` maps haystack offsets
 * back (foldNfkc of `text`; the haystack has its length). A hit that starts or ends inside one character's
 * expansion (the 'i' of ﬁ) has no place in the original and is dropped.
 */
export function selectRiskMatches(text: string, haystack: string, found: ReadonlyArray<{ start: number; end: number; data: RiskCategory }>, folded?: FoldedText): RiskMatch[] {
	const hits = found.filter((h) => atWordBoundaries(haystack, h.start, h.end)).sort((a, b) => a.start - b.start || b.end - a.end);
	const matches: RiskMatch[] = [];
	let lastEnd = 0;
	for (const h of hits) {
		if (h.start < lastEnd) continue;
		const span = folded ? originalSpan(folded, h.start, h.end) : h;
		if (!span) continue;
		matches.push({ category: h.data, term: text.slice(span.start, span.end), start: span.start, end: span.end });
		lastEnd = h.end;
	}
	return matches;
}
