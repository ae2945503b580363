import ahoCorasickModule = require('modern-ahocorasick');

/**
 * Multi-pattern matching over a dictionary of terms: one pass over the text whatever the dictionary
 * size, UTF-16 offsets into the original text. Shared by compliance checks, risk rules and the sentiment
 * lexicon; build one matcher per dictionary and reuse it.
 *
 * `createPatternMatcher` is an Aho–Corasick automaton over UTF-16 code units written for this project
 * (a flat transition table for the first unit, one Map for the rest). It reports what modern-ahocorasick
 * reports — every occurrence of every term, ordered by end offset, longer terms first, duplicates in
 * input order, only where the match starts and ends on a grapheme boundary — without splitting the text
 * into graphemes with Intl.Segmenter first, which made the library ~5× slower on Chinese comments
 * (bench/risk-speed.ts). `createLibraryPatternMatcher` keeps the library for comparison.
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
	/** The hits of findAll, in the same order, without building hit objects. */
	forEachHit(text: string, visit: (start: number, end: number, data: T) => void): void;
	size: number;
}

let lowerBmp: Uint16Array | undefined;

/** Lower case of every BMP code unit whose lower case is one unit (others map to themselves). */
function lowerTable(): Uint16Array {
	if (lowerBmp) return lowerBmp;
	const table = new Uint16Array(65536);
	for (let c = 0; c < 65536; c++) {
		if (c < 128) table[c] = c >= 65 && c <= 90 ? c + 32 : c;
		else if (c >= 0xd800 && c <= 0xdfff) table[c] = c;
		else {
			const lower = String.fromCharCode(c).toLowerCase();
			table[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
		}
	}
	return (lowerBmp = table);
}

/**
 * Case folding per code point (`toLowerCase` of ASCII and CJK keeps lengths), so offsets into the folded
 * text are offsets into the original. Characters whose lower case changes length are left as is.
 */
function foldCase(text: string): string {
	let out = '';
	for (const ch of text) {
		const lower = ch.toLowerCase();
		out += lower.length === ch.length ? lower : ch;
	}
	return out;
}

/** Astral code points with a case (Deseret, Osage, Adlam …) are folded through this slow path. */
function hasAstralCase(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c >= 0xd800 && c <= 0xdbff) {
			const cp = text.codePointAt(i) as number;
			const ch = String.fromCodePoint(cp);
			if (ch.toLowerCase() !== ch) return true;
			i++;
		}
	}
	return false;
}

/** Code units that continue the grapheme before them: a match may not start on or end before one. */
function extendsGrapheme(text: string, at: number): boolean {
	const c = text.charCodeAt(at);
	if (c !== c) return false; // NaN: past the end
	if (c < 0x300) return false;
	if (c <= 0x36f) return true; // combining diacritics
	if (c === 0x200d || c === 0xfe0e || c === 0xfe0f || c === 0x20e3) return true; // ZWJ, variation selectors, keycap
	if (c >= 0xdc00 && c <= 0xdfff) return true; // low surrogate: the middle of a code point
	if (c === 0xd83c) {
		const d = text.charCodeAt(at + 1);
		return d >= 0xdffb && d <= 0xdfff; // skin-tone modifiers
	}
	if (c === 0xdb40) return true; // tag characters (flag sequences)
	return (c >= 0x1ab0 && c <= 0x1aff) || (c >= 0x1dc0 && c <= 0x1dff) || (c >= 0x20d0 && c <= 0x20ff) || (c >= 0xfe20 && c <= 0xfe2f);
}

const EXTENDED_PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const GRAPHEME_EXTEND = /\p{Grapheme_Extend}|\p{Emoji_Modifier}/u;

/**
 * The hit starts on the second pictograph of an emoji ZWJ sequence (UAX #29 GB11: ExtPict Extend* ZWJ ×
 * ExtPict), i.e. inside one grapheme. A ZWJ after a letter or before one joins nothing: "要\u200d退款" (a
 * joiner slipped in to dodge keyword filters) still has 退款 on a grapheme boundary, as the library finds.
 */
function afterJoiner(text: string, start: number): boolean {
	if (start === 0 || text.charCodeAt(start - 1) !== 0x200d) return false;
	if (!EXTENDED_PICTOGRAPHIC.test(String.fromCodePoint(text.codePointAt(start) as number))) return false;
	let j = start - 1;
	while (j > 0) {
		const low = text.charCodeAt(j - 1);
		j -= low >= 0xdc00 && low <= 0xdfff && j >= 2 ? 2 : 1;
		const ch = String.fromCodePoint(text.codePointAt(j) as number);
		if (!GRAPHEME_EXTEND.test(ch)) return EXTENDED_PICTOGRAPHIC.test(ch);
	}
	return false;
}

function isAsciiAlnumUnit(c: number): boolean {
	return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The hit neither starts right after nor ends right before an ASCII letter or digit that continues its word. */
export function atAsciiWordBoundaries(text: string, start: number, end: number): boolean {
	if (isAsciiAlnumUnit(text.charCodeAt(start)) && isAsciiAlnumUnit(text.charCodeAt(start - 1))) return false;
	if (isAsciiAlnumUnit(text.charCodeAt(end - 1)) && isAsciiAlnumUnit(text.charCodeAt(end))) return false;
	return true;
}

export interface PatternMatcherOptions {
	/** Fold case (default true). */
	caseInsensitive?: boolean;
	/**
	 * Report a hit only where it does not cut an ASCII word: a term starting (ending) with a letter or digit
	 * must not have one right before (after) it, so "no" is not found inside "not". Default false: compliance
	 * terms match anywhere.
	 */
	asciiWholeWords?: boolean;
}

export function createPatternMatcher<T>(entries: ReadonlyArray<PatternEntry<T>>, options: PatternMatcherOptions = {}): PatternMatcher<T> {
	const fold = options.caseInsensitive ?? true;
	const wholeWords = options.asciiWholeWords ?? false;
	const usable = entries.filter((e) => e.term.trim().length > 0);
	if (usable.length === 0) return { findAll: () => [], forEachHit: () => undefined, size: 0 };
	const lower = fold ? lowerTable() : new Uint16Array(65536).map((_, i) => i);
	const patterns = usable.map((e) => (fold ? foldCase(e.term) : e.term));

	// The alphabet: code units that occur in some term, numbered from 1; any other unit sends the automaton
	// back to the root. Transitions from the root in a flat array, the others in one Map keyed
	// state·alphabetSize + letter (small integers, so the Map hashes them fast).
	const letter = new Uint16Array(65536);
	let letters = 0;
	for (const term of patterns) for (let i = 0; i < term.length; i++) if (!letter[term.charCodeAt(i)]) letter[term.charCodeAt(i)] = ++letters;
	const width = letters + 1;
	for (let c = 0; c < 65536; c++) if (lower[c] !== c && letter[lower[c]]) letter[c] = letter[lower[c]];
	const rootNext = new Int32Array(width);
	const next = new Map<number, number>();
	const depth: number[] = [0];
	const outputs: Array<number[] | undefined> = [undefined];
	for (let p = 0; p < patterns.length; p++) {
		const term = patterns[p];
		let s = 0;
		for (let i = 0; i < term.length; i++) {
			const c = letter[term.charCodeAt(i)];
			let t = s === 0 ? rootNext[c] : (next.get(s * width + c) ?? 0);
			if (t === 0) {
				t = depth.length;
				depth.push(depth[s] + 1);
				outputs.push(undefined);
				if (s === 0) rootNext[c] = t;
				else next.set(s * width + c, t);
			}
			s = t;
		}
		(outputs[s] ??= []).push(p);
	}
	// Failure links and dictionary-suffix links, breadth first.
	const count = depth.length;
	const fail = new Int32Array(count);
	const dictLink = new Int32Array(count).fill(-1);
	const children: number[][] = Array.from({ length: count }, () => []);
	const childUnit: number[][] = Array.from({ length: count }, () => []);
	for (let c = 0; c < width; c++) {
		const t = rootNext[c];
		if (t) children[0].push(t), childUnit[0].push(c);
	}
	for (const [key, t] of next) {
		const s = Math.floor(key / width);
		children[s].push(t);
		childUnit[s].push(key - s * width);
	}
	const step = (s: number, c: number): number => {
		for (;;) {
			const t = s === 0 ? rootNext[c] : (next.get(s * width + c) ?? 0);
			if (t !== 0 || s === 0) return t;
			s = fail[s];
		}
	};
	const queue: number[] = [...children[0]];
	for (let q = 0; q < queue.length; q++) {
		const s = queue[q];
		const f = fail[s];
		dictLink[s] = outputs[f] ? f : dictLink[f];
		for (let k = 0; k < children[s].length; k++) {
			const t = children[s][k];
			fail[t] = step(f, childUnit[s][k]);
			if (fail[t] === t) fail[t] = 0;
			queue.push(t);
		}
	}
	const data = usable.map((e) => e.data);

	// ASCII fast path: the states whose path is all ASCII, with every ASCII transition (failure links folded
	// in) in one flat table. On ASCII text the automaton never leaves these states, so a step is one array read
	// instead of a Map lookup plus failure links; ASCII text also never extends a grapheme, so those checks go.
	// English comments take this path up to their first non-ASCII unit, where the general loop takes over.
	const asciiLetters: number[] = [];
	for (let c = 0; c < 128; c++) if (letter[c] && !asciiLetters.includes(letter[c])) asciiLetters.push(letter[c]);
	const asciiColumn = new Uint8Array(128); // code unit → column (0: no term has it → root)
	for (let c = 0; c < 128; c++) if (letter[c]) asciiColumn[c] = asciiLetters.indexOf(letter[c]) + 1;
	const asciiWidth = asciiLetters.length + 1;
	const asciiStates: number[] = [0]; // dense index → state; BFS order, so a failure state comes first
	const denseOf = new Map<number, number>([[0, 0]]);
	for (let q = 0; q < asciiStates.length; q++) {
		const s = asciiStates[q];
		for (const l of asciiLetters) {
			const t = s === 0 ? rootNext[l] : (next.get(s * width + l) ?? 0);
			if (t && !denseOf.has(t)) denseOf.set(t, asciiStates.push(t) - 1);
		}
	}
	// An entry is the next dense state × 2, plus 1 when that state reports a hit, so a step without a hit reads
	// nothing else. 16-bit entries when they fit (about 22,000 states for the built-in lexicons): the table is
	// read at every character, so its cache footprint is the speed.
	const asciiOut = new Int32Array(asciiStates.length); // first state with an output on the dictionary-suffix chain, or 0
	for (let d = 1; d < asciiStates.length; d++) {
		const s = asciiStates[d];
		asciiOut[d] = outputs[s] ? s : Math.max(0, dictLink[s]);
	}
	const tableSize = asciiStates.length * asciiWidth;
	const asciiNext = asciiStates.length * 2 <= 0xffff ? new Uint16Array(tableSize) : new Int32Array(tableSize);
	for (let d = 0; d < asciiStates.length; d++) {
		const s = asciiStates[d];
		for (let k = 0; k < asciiLetters.length; k++) {
			const t = s === 0 ? rootNext[asciiLetters[k]] : (next.get(s * width + asciiLetters[k]) ?? 0);
			const dt = t ? (denseOf.get(t) as number) : -1;
			asciiNext[d * asciiWidth + k + 1] = dt >= 0 ? dt * 2 + (asciiOut[dt] > 0 ? 1 : 0) : s === 0 ? 0 : asciiNext[(denseOf.get(fail[s]) as number) * asciiWidth + k + 1];
		}
	}

	/** Every hit, ordered by end offset, longer terms first, duplicates in input order: (start, end, pattern index). */
	const scan = (text: string, visit: (start: number, end: number, p: number) => void): void => {
		const n = text.length;
		// The ASCII prefix of the text runs on the flat table; the general loop takes over at the first other unit.
		let i = 0;
		let d = 0;
		for (; i < n; i++) {
			const u = text.charCodeAt(i);
			if (u >= 128) break;
			const entry = asciiNext[d * asciiWidth + asciiColumn[u]];
			d = entry >> 1;
			if ((entry & 1) === 0) continue;
			for (let o = asciiOut[d]; o > 0; o = dictLink[o]) {
				const end = i + 1;
				const start = end - depth[o];
				if (wholeWords && !atAsciiWordBoundaries(text, start, end)) continue;
				if (extendsGrapheme(text, end)) continue; // "cafe" + U+0301
				for (const p of outputs[o] as number[]) visit(start, end, p);
			}
		}
		if (i === n) return;
		// Case folding keeps every unit's offset and the letters of the ASCII prefix, so the automaton's state carries over.
		const haystack = fold && hasAstralCase(text) ? foldCase(text) : text;
		let s = asciiStates[d];
		for (; i < n; i++) {
			const c = letter[haystack.charCodeAt(i)];
			if (c === 0) {
				s = 0;
				continue;
			}
			for (;;) {
				const t = s === 0 ? rootNext[c] : (next.get(s * width + c) ?? 0);
				if (t !== 0) {
					s = t;
					break;
				}
				if (s === 0) break;
				s = fail[s];
			}
			if (s === 0) continue;
			const end = i + 1;
			for (let o = outputs[s] ? s : dictLink[s]; o > 0; o = dictLink[o]) {
				const start = end - depth[o];
				const first = (outputs[o] as number[])[0];
				if (wholeWords && !atAsciiWordBoundaries(text, start, end)) continue;
				if (extendsGrapheme(text, start) && !extendsGrapheme(patterns[first], 0)) continue;
				if (extendsGrapheme(text, end) || afterJoiner(text, start)) continue;
				for (const p of outputs[o] as number[]) visit(start, end, p);
			}
		}
	};

	return {
		size: usable.length,
		findAll(text: string): PatternHit<T>[] {
			const hits: PatternHit<T>[] = [];
			scan(text, (start, end, p) => hits.push({ term: text.slice(start, end), start, end, data: data[p] }));
			return hits;
		},
		forEachHit(text, visit) {
			scan(text, (start, end, p) => visit(start, end, data[p]));
		},
	};
}

// The package's CommonJS entry exports the matcher class itself; its bundled types describe the ESM
// entry, which TypeScript's `node` resolution picks, so the constructor is typed here.
interface AhoMatch<T> {
	start: number;
	end: number;
	data: T | undefined;
}
type AhoCorasickCtor = new <T>(patterns: ReadonlyArray<{ pattern: string; data?: T }>) => { search(text: string): Array<AhoMatch<T>> };
const AhoCorasick = ahoCorasickModule as unknown as AhoCorasickCtor;

/** The same matcher on modern-ahocorasick (grapheme segmentation with Intl.Segmenter), kept for comparison in benchmarks. */
export function createLibraryPatternMatcher<T>(entries: ReadonlyArray<PatternEntry<T>>, options: { caseInsensitive?: boolean } = {}): PatternMatcher<T> {
	const fold = options.caseInsensitive ?? true;
	const usable = entries.filter((e) => e.term.trim().length > 0);
	if (usable.length === 0) return { findAll: () => [], forEachHit: () => undefined, size: 0 };
	const matcher = new AhoCorasick<T>(usable.map((e) => ({ pattern: fold ? foldCase(e.term) : e.term, data: e.data })));
	return {
		size: usable.length,
		findAll(text: string): PatternHit<T>[] {
			const haystack = fold ? foldCase(text) : text;
			return matcher.search(haystack).map((m) => ({ term: text.slice(m.start, m.end), start: m.start, end: m.end, data: m.data as T }));
		},
		forEachHit(text, visit) {
			for (const h of this.findAll(text)) visit(h.start, h.end, h.data);
		},
	};
}
