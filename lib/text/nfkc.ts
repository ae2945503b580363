/**
 * NFKC with a way back to the original offsets, for matchers that must report where a hit was written: a
 * full-width ＲＥＦＵＮＤ (typed with a Chinese IME) is matched as "refund" but reported at its own offsets.
 *
 * The text is normalised one cluster at a time (a code point and the combining marks after it) and the results
 * joined. That is the text's NFKC except where NFKC composes two clusters (Hangul conjoining jamo ᄀ + ᅡ → 가):
 * there the clusters stay as written, and `exact` is false.
 */
export interface FoldedText {
	/** The text, NFKC cluster by cluster. */
	text: string;
	/**
	 * For each offset 0..text.length into `text`, the offset into the original where it falls; -1 inside the
	 * normalisation of a cluster that changed length (ﬁ → fi: the 'i' has no offset of its own). Undefined when
	 * every offset is the original's (ASCII text, or only one-for-one changes such as ＡＢＣ → ABC).
	 */
	origin?: Int32Array;
	/** `text` is exactly the original's `normalize('NFKC')`. */
	exact: boolean;
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;
const MARK = /\p{M}/u;

interface Tables {
	/** NFKC of a BMP code unit standing alone when that is one unit (itself for most), -1 otherwise (and for surrogates). */
	single: Int32Array;
	/** 1 for combining marks (they join the cluster before them). */
	mark: Uint8Array;
}
let tables: Tables | undefined;

// Built on first use (~65,000 normalize calls, a few ms) and then read at every character: a normalize call per
// character would cost more than the rest of a Chinese comment's assessment.
function unitTables(): Tables {
	if (tables) return tables;
	const single = new Int32Array(65536);
	const mark = new Uint8Array(65536);
	for (let c = 0; c < 65536; c++) {
		if (c >= 0xd800 && c <= 0xdfff) {
			single[c] = -1;
			continue;
		}
		const ch = String.fromCharCode(c);
		const n = ch.normalize('NFKC');
		single[c] = n.length === 1 ? n.charCodeAt(0) : -1;
		if (c >= 0x300 && MARK.test(ch)) mark[c] = 1;
	}
	return (tables = { single, mark });
}

function codePointLength(text: string, at: number): number {
	const c = text.charCodeAt(at);
	if (c < 0xd800 || c > 0xdbff) return 1;
	const d = text.charCodeAt(at + 1);
	return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

function startsMark(text: string, at: number, mark: Uint8Array): boolean {
	const c = text.charCodeAt(at);
	if (c !== c || c < 0x300) return false; // NaN: past the end
	if (c >= 0xd800 && c <= 0xdbff) return MARK.test(String.fromCodePoint(text.codePointAt(at) as number));
	return mark[c] === 1;
}

function oneForOne(text: string, single: Int32Array, mark: Uint8Array): boolean {
	for (let i = 0; i < text.length; i++) {
		const s = single[text.charCodeAt(i)];
		if (s < 0 || mark[text.charCodeAt(i)] === 1 || mark[s] === 1) return false;
	}
	return true;
}

export function foldNfkc(text: string): FoldedText {
	if (ASCII_ONLY.test(text)) return { text, exact: true };
	const whole = text.normalize('NFKC');
	if (whole === text) return { text, exact: true };
	const { single, mark } = unitTables();
	const n = text.length;
	// The usual case (full-width ，！？ＡＢＣ in a Chinese comment): every unit becomes one unit and none is or
	// becomes a combining mark, so nothing composes across units and `whole` is the per-unit result, offsets kept.
	if (whole.length === n && oneForOne(text, single, mark)) return { text: whole, exact: true };
	const origin = new Int32Array(whole.length + n + 1); // NFKC may grow a cluster; trimmed below
	let moved = false;
	let out = '';
	let o = 0;
	let i = 0;
	let run = 0; // start of the current run of units that stay as they are, appended in one slice
	while (i < n) {
		const c = text.charCodeAt(i);
		const s = single[c];
		if (s >= 0 && !startsMark(text, i + 1, mark)) {
			if (s !== c) {
				out += text.slice(run, i) + String.fromCharCode(s);
				run = i + 1;
			}
			origin[o++] = i++;
			continue;
		}
		let j = i + codePointLength(text, i);
		while (j < n && startsMark(text, j, mark)) j += codePointLength(text, j);
		const cluster = text.slice(i, j);
		const folded = cluster.normalize('NFKC');
		if (folded !== cluster) {
			out += text.slice(run, i) + folded;
			run = j;
		}
		if (folded.length === cluster.length) for (let k = i; k < j; k++) origin[o++] = k;
		else {
			moved = true;
			origin[o++] = i;
			for (let k = 1; k < folded.length; k++) origin[o++] = -1;
		}
		i = j;
	}
	out += text.slice(run);
	origin[o] = n;
	return moved ? { text: out, origin: origin.subarray(0, o + 1), exact: out === whole } : { text: out, exact: out === whole };
}

/** The original [start, end) of a hit on the folded text, or undefined when an end falls inside one cluster's normalisation. */
export function originalSpan(folded: FoldedText, start: number, end: number): { start: number; end: number } | undefined {
	const origin = folded.origin;
	if (!origin) return { start, end };
	const s = origin[start];
	const e = origin[end];
	return s >= 0 && e >= 0 ? { start: s, end: e } : undefined;
}
