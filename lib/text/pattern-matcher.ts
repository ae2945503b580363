import ahoCorasickModule = require('modern-ahocorasick');

// The package's CommonJS entry exports the matcher class itself; its bundled types describe the ESM
// entry, which TypeScript's `node` resolution picks, so the constructor is typed here.
interface AhoMatch<T> {
	start: number;
	end: number;
	data: T | undefined;
}
type AhoCorasickCtor = new <T>(patterns: ReadonlyArray<{ pattern: string; data?: T }>) => { search(text: string): Array<AhoMatch<T>> };
const AhoCorasick = ahoCorasickModule as unknown as AhoCorasickCtor;

/**
 * Multi-pattern matching over a dictionary of terms (Aho–Corasick via modern-ahocorasick:
 * one pass over the text whatever the dictionary size, Unicode-aware, UTF-16 offsets).
 * Shared by compliance checks and risk rules; build one matcher per dictionary and reuse it.
 */
export interface PatternEntry<T> {
	term: string;
	data: T;
}

export interface PatternHit<T> {
	term: string;
	/** UTF-16 offsets into the original text, end exclusive. */
	start: number;
	end: number;
	data: T;
}

export interface PatternMatcher<T> {
	findAll(text: string): PatternHit<T>[];
	size: number;
}

/**
 * Case folding is per UTF-16 unit (`toLowerCase` of ASCII and CJK keeps lengths), so offsets into the
 * folded text are offsets into the original. Characters whose lower case changes length are left as is.
 */
function foldCase(text: string): string {
	let out = '';
	for (const ch of text) {
		const lower = ch.toLowerCase();
		out += lower.length === ch.length ? lower : ch;
	}
	return out;
}

export function createPatternMatcher<T>(entries: ReadonlyArray<PatternEntry<T>>, options: { caseInsensitive?: boolean } = {}): PatternMatcher<T> {
	const fold = options.caseInsensitive ?? true;
	const usable = entries.filter((e) => e.term.trim().length > 0);
	if (usable.length === 0) return { findAll: () => [], size: 0 };
	const matcher = new AhoCorasick<T>(usable.map((e) => ({ pattern: fold ? foldCase(e.term) : e.term, data: e.data })));
	return {
		size: usable.length,
		findAll(text: string): PatternHit<T>[] {
			const haystack = fold ? foldCase(text) : text;
			return matcher.search(haystack).map((m) => ({ term: text.slice(m.start, m.end), start: m.start, end: m.end, data: m.data as T }));
		},
	};
}
