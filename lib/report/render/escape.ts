/** Escaping for every output format: no markup, formula or table syntax from data reaches a report. */

/** Text and attribute values in HTML and SVG (XML). */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Inline text in Markdown (headings, list items, table cells): characters CommonMark/GFM could read as
 * inline syntax are backslash-escaped (a pipe cannot end a cell, `<` cannot open HTML, `[` cannot start
 * a link) and line breaks become spaces, so text never starts a new block. `.`, `-`, `+` only matter at
 * the start of a line, which escaped text never is, so numbers stay readable.
 */
export function escapeMarkdown(text: string): string {
	return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]()#!|<>~&]/g, (c) => `\\${c}`);
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180): strings that start like a formula get a leading `'` so Excel and WPS show
 * them as text; fields with a comma, quote or line break are quoted with quotes doubled. Numbers are
 * written as numbers, so negative values stay numeric.
 */
export function csvField(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	const text = FORMULA_START.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
