import { findLinks } from './links';

/**
 * How a platform counts: Unicode code points (`chars`), user-perceived characters (`graphemes`),
 * UTF-16 code units (`utf16`, Telegram), UTF-8 `bytes`, or X's weighted count (`x_weighted`).
 */
export type LengthUnit = 'chars' | 'graphemes' | 'utf16' | 'bytes' | 'x_weighted';

export interface TextMeasure {
	length: number;
	/** UTF-16 offset of the first unit past `max`, or undefined when the text fits. */
	overflowAt(max: number): number | undefined;
}

interface Segment {
	start: number;
	weight: number;
}

// twitter-text v3 configuration: weight 1 for these code point ranges, 2 for everything else
// (CJK, most emoji), an emoji sequence counts 2 as a whole, every URL counts 23.
const X_LIGHT_RANGES: ReadonlyArray<[number, number]> = [
	[0, 4351],
	[8192, 8205],
	[8208, 8223],
	[8242, 8247],
];
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function xWeight(cluster: string): number {
	if (EMOJI.test(cluster)) return 2;
	let w = 0;
	for (const ch of cluster) {
		const cp = ch.codePointAt(0)!;
		w += X_LIGHT_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi) ? 1 : 2;
	}
	return w;
}

function segmentsOf(text: string, unit: LengthUnit, offset: number, out: Segment[]): void {
	if (unit === 'utf16') {
		for (let i = 0; i < text.length; i++) out.push({ start: offset + i, weight: 1 });
	} else if (unit === 'graphemes' || unit === 'x_weighted') {
		for (const g of graphemeSegmenter.segment(text)) out.push({ start: offset + g.index, weight: unit === 'x_weighted' ? xWeight(g.segment) : 1 });
	} else {
		let i = 0;
		for (const ch of text) {
			out.push({ start: offset + i, weight: unit === 'bytes' ? Buffer.byteLength(ch, 'utf8') : 1 });
			i += ch.length;
		}
	}
}

/** Measures `text`; with `urlLength`, every http(s) or www. link counts as that many units (X, Mastodon: 23). */
export function measureText(text: string, unit: LengthUnit, options: { urlLength?: number } = {}): TextMeasure {
	const segments: Segment[] = [];
	let cursor = 0;
	if (options.urlLength !== undefined) {
		for (const link of findLinks(text).filter((l) => l.kind === 'url')) {
			if (link.start < cursor) continue;
			segmentsOf(text.slice(cursor, link.start), unit, cursor, segments);
			segments.push({ start: link.start, weight: options.urlLength });
			cursor = link.end;
		}
	}
	segmentsOf(text.slice(cursor), unit, cursor, segments);
	const length = segments.reduce((sum, s) => sum + s.weight, 0);
	return {
		length,
		overflowAt(max: number): number | undefined {
			let total = 0;
			for (const s of segments) {
				total += s.weight;
				if (total > max) return s.start;
			}
			return undefined;
		},
	};
}

/** X's weighted length (280 allowed): CJK and emoji count 2, URLs 23. */
export function xWeightedLength(text: string): number {
	return measureText(text, 'x_weighted', { urlLength: 23 }).length;
}
