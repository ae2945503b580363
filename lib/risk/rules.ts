import type { RiskCategory, RiskMatch } from '../model';
import { toSimplifiedChinese } from '../sentiment';
import { atWordBoundaries } from '../sentiment/tokenize';
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
		for (const term of list) entries.push({ term: toSimplifiedChinese(term), data: category });
	}
	for (const term of options.sensitiveTerms ?? []) entries.push({ term: toSimplifiedChinese(term), data: 'sensitive_term' });
	return entries;
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
 * original text. Matching runs on the simplified-Chinese form when t→s kept the length (the usual
 * case: OpenCC maps character for character), otherwise on the text as given.
 */
export function matchRiskCues(text: string, options: RiskRuleOptions = {}): RiskMatch[] {
	const simplified = toSimplifiedChinese(text);
	const haystack = simplified.length === text.length ? simplified : text;
	return selectRiskMatches(text, haystack, matcherFor(options).findAll(haystack));
}

/** Leftmost-longest, whole-word risk hits in `haystack` (same length as `text`) as matches on `text`. */
export function selectRiskMatches(text: string, haystack: string, found: ReadonlyArray<{ start: number; end: number; data: RiskCategory }>): RiskMatch[] {
	const hits = found.filter((h) => atWordBoundaries(haystack, h.start, h.end)).sort((a, b) => a.start - b.start || b.end - a.end);
	const matches: RiskMatch[] = [];
	let lastEnd = 0;
	for (const h of hits) {
		if (h.start < lastEnd) continue;
		matches.push({ category: h.data, term: text.slice(h.start, h.end), start: h.start, end: h.end });
		lastEnd = h.end;
	}
	return matches;
}
