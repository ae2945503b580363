import type { RiskCategory, RiskMatch, SentimentResult } from '../model';
import { finishSentiment, lexiconScoreOfTokens } from '../sentiment/analyze';
import { getDictionary, type SentimentDictionary, type TermInfo } from '../sentiment/dictionary';
import { normalizeForSentiment, sentimentRewrites, toSimplifiedChinese } from '../sentiment/normalize';
import { leftmostLongest, type Token } from '../sentiment/tokenize';
import type { SentimentOptions } from '../sentiment/types';
import { foldNfkc } from '../text/nfkc';
import { createPatternMatcher, type PatternMatcher } from '../text/pattern-matcher';
import { cueEntries, matchRiskCues, selectRiskMatches, type RiskRuleOptions } from './rules';

/**
 * Sentiment terms and risk cues found in one Aho–Corasick pass over one normalised text (one t→s
 * conversion), instead of two passes over two conversions. Each side then keeps its own leftmost-longest
 * selection, so the results equal the two separate passes. Risk cues are matched on the text matchRiskCues
 * reads (NFKC, simplified Chinese; foldNfkc maps offsets back to the original), so risk hits are taken from
 * this pass only when the sentiment text is exactly that text; when the sentiment rewrites changed it ("n't",
 * curly apostrophes, emoji variation selectors) the risk cues get their own pass, matchRiskCues itself.
 */
interface Both {
	sentiment?: TermInfo;
	risk?: RiskCategory;
}

const BUILTIN_RULES: RiskRuleOptions = {};
const cache = new WeakMap<SentimentDictionary, WeakMap<RiskRuleOptions, PatternMatcher<Both>>>();

function combined(dict: SentimentDictionary, rules: RiskRuleOptions): PatternMatcher<Both> {
	const key = rules.sensitiveTerms?.length || rules.extraCues ? rules : BUILTIN_RULES;
	let byRules = cache.get(dict);
	if (!byRules) cache.set(dict, (byRules = new WeakMap()));
	let matcher = byRules.get(key);
	if (!matcher) {
		const entries = new Map<string, Both>();
		for (const [term, info] of dict.terms) entries.set(term, { sentiment: info });
		for (const { term, data } of cueEntries(key)) {
			const folded = foldCue(term);
			const entry = entries.get(folded);
			// The first cue of a term wins, as in the risk matcher (input order breaks ties).
			if (entry) entry.risk ??= data;
			else entries.set(folded, { risk: data });
		}
		matcher = createPatternMatcher([...entries].map(([term, data]) => ({ term, data })), { asciiWholeWords: true });
		byRules.set(key, matcher);
	}
	return matcher;
}

/**
 * A cue as the text it is matched against reads: NFKC like normalizeForSentiment (a team's full-width ＡＢＣ
 * must match), lower case only where it keeps the length (the matcher folds the text per code point, so
 * 'İzmir'.toLowerCase(), one unit longer, would never match).
 */
function foldCue(term: string): string {
	let out = '';
	for (const ch of term.normalize('NFKC')) {
		const lower = ch.toLowerCase();
		out += lower.length === ch.length ? lower : ch;
	}
	return out;
}

export function assessTextInOnePass(text: string, sentimentOptions: SentimentOptions, rules: RiskRuleOptions): { sentiment: SentimentResult; matches: RiskMatch[] } | undefined {
	if (sentimentOptions.segmenter === 'intl' || sentimentOptions.upstreamScore !== undefined) return undefined;
	const dict = getDictionary(sentimentOptions.ruleset);
	// One NFKC for both sides. When folded.text is the text's NFKC, normalizeForSentiment is the rewrites of its
	// t→s, built here from the same pieces; matchRiskCues reads that t→s when it kept the length, folded.text
	// otherwise. The risk hits of this pass are its hits when the sentiment text is exactly that haystack.
	const folded = foldNfkc(text);
	let normalized: string;
	let sameOffsets: boolean;
	if (folded.exact) {
		const simplified = toSimplifiedChinese(folded.text);
		normalized = sentimentRewrites(simplified);
		sameOffsets = normalized === (simplified.length === folded.text.length ? simplified : folded.text);
	} else {
		normalized = normalizeForSentiment(text);
		sameOffsets = normalized === folded.text;
	}
	// The matcher already keeps whole ASCII words only (asciiWholeWords), as tokenizeByLexicon's filter does.
	const sentimentHits: Token[] = [];
	const riskHits: Array<{ start: number; end: number; data: RiskCategory }> = [];
	combined(dict, rules).forEachHit(normalized, (start, end, both) => {
		if (both.sentiment) sentimentHits.push({ start, end, info: both.sentiment });
		if (both.risk && sameOffsets) riskHits.push({ start, end, data: both.risk });
	});
	const tokens = leftmostLongest(sentimentHits);
	const sentiment = finishSentiment(text, lexiconScoreOfTokens(normalized, tokens, dict), sentimentOptions);
	return { sentiment, matches: sameOffsets ? selectRiskMatches(text, normalized, riskHits, folded) : matchRiskCues(text, rules) };
}
