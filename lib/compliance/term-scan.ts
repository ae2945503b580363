import { createLibraryPatternMatcher, PatternEntry, PatternHit, PatternMatcher } from '../text/pattern-matcher';

/**
 * Dictionary scanning shared by the Advertising Law terms and the user's own lists.
 * Each entry belongs to a family; within a family hits are resolved leftmost-longest, so
 * "全网最低价" yields one hit "全网最低" rather than 全网最低 + 最 + 最低, and an allow-listed compound
 * ("最近", "第一次") swallows the shorter flagged term inside it. Allow entries never produce hits.
 */
export interface TermEntry<T> {
	term: string;
	/** Hits only compete with hits of the same family. */
	family: string;
	/** `undefined` marks an allow-list entry. */
	flag?: T;
	/** Wins ties between hits of equal span (a user's ban beats a built-in rule). */
	priority?: number;
}

export interface TermHit<T> {
	term: string;
	start: number;
	end: number;
	flag: T;
}

const LATIN = /[A-Za-z0-9]/;

/**
 * Latin terms must stand as words ("best" is not in "bestow"); CJK has no spaces, so CJK terms
 * match anywhere and false positives are handled by allow-listed compounds instead.
 */
function atWordBoundary(text: string, start: number, end: number): boolean {
	const first = text[start];
	const last = text[end - 1];
	const before = text[start - 1];
	const after = text[end];
	if (LATIN.test(first) && before !== undefined && LATIN.test(before)) return false;
	if (LATIN.test(last) && after !== undefined && LATIN.test(after)) return false;
	return true;
}

export interface TermScanner<T> {
	scan(text: string): TermHit<T>[];
}

export function createTermScanner<T>(entries: ReadonlyArray<TermEntry<T>>): TermScanner<T> {
	// Compliance scans a post at a time, so it uses the maintained library (modern-ahocorasick) directly;
	// the faster in-house automaton is reserved for the per-comment hot path of risk scoring.
	const matcher: PatternMatcher<TermEntry<T>> = createLibraryPatternMatcher(entries.map((e): PatternEntry<TermEntry<T>> => ({ term: e.term, data: e })));
	return {
		scan(text: string): TermHit<T>[] {
			const byFamily = new Map<string, Array<PatternHit<TermEntry<T>>>>();
			for (const hit of matcher.findAll(text)) {
				if (!atWordBoundary(text, hit.start, hit.end)) continue;
				const list = byFamily.get(hit.data.family) ?? [];
				list.push(hit);
				byFamily.set(hit.data.family, list);
			}
			const out: TermHit<T>[] = [];
			for (const hits of byFamily.values()) {
				hits.sort((a, b) => a.start - b.start || b.end - a.end || (b.data.priority ?? 0) - (a.data.priority ?? 0));
				let covered = -1;
				for (const h of hits) {
					if (h.start < covered) continue;
					covered = h.end;
					if (h.data.flag !== undefined) out.push({ term: h.term, start: h.start, end: h.end, flag: h.data.flag });
				}
			}
			return out.sort((a, b) => a.start - b.start || a.end - b.end);
		},
	};
}
