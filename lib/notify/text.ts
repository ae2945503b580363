/**
 * Measuring and cutting text safely: UTF-8 byte budgets (WeCom counts bytes), grapheme clusters (never cut an
 * emoji, a ZWJ sequence or a surrogate pair in half) and whole lines (never cut inside markup).
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function utf8Bytes(text: string): number {
	return Buffer.byteLength(text, 'utf8');
}

export function graphemes(text: string): string[] {
	return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** At most `max` grapheme clusters, with `…` when something was cut. */
export function clipGraphemes(text: string, max: number): string {
	const parts = graphemes(text);
	if (parts.length <= max) return text;
	return parts.slice(0, Math.max(0, max - 1)).join('') + '…';
}

/**
 * The longest prefix of plain `text` (whole graphemes, plus `…` when cut) whose rendered form fits: `render`
 * escapes it (escaping can grow it) and `fits` judges the result. Binary search over grapheme counts.
 */
export function clipToFit(text: string, render: (plain: string) => string, fits: (rendered: string) => boolean): string {
	if (fits(render(text))) return render(text);
	const parts = graphemes(text);
	let lo = 0;
	let hi = parts.length - 1;
	while (lo < hi) {
		const mid = Math.ceil((lo + hi) / 2);
		if (fits(render(parts.slice(0, mid).join('') + '…'))) lo = mid;
		else hi = mid - 1;
	}
	return render(lo === 0 ? '…' : parts.slice(0, lo).join('') + '…');
}

/**
 * Keeps the first lines that fit and appends `marker` when any were dropped. Lines are whole units of markup
 * (each renderer builds them balanced), so the result never ends inside a link, a bold run or a tag.
 * `fits(lines)` judges a candidate (the caller measures the final payload, so envelope bytes count too).
 * The first `keep` lines (the title) stay in any case.
 */
export function fitLines(lines: string[], fits: (lines: string[]) => boolean, marker: string, keep = 1): { lines: string[]; truncated: boolean } {
	if (fits(lines)) return { lines, truncated: false };
	let lo = Math.min(keep, lines.length);
	let hi = lines.length - 1;
	// The largest n such that lines[0..n) + marker fits.
	while (lo < hi) {
		const mid = Math.ceil((lo + hi) / 2);
		if (fits([...lines.slice(0, mid), marker])) lo = mid;
		else hi = mid - 1;
	}
	return { lines: [...lines.slice(0, lo), marker], truncated: true };
}
