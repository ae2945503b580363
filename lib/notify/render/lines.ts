import { safeLinkUrl } from '../escape';
import { clipToFit, utf8Bytes } from '../text';
import type { NotifyDocument } from '../types';

/** How one markdown dialect writes the few constructs a notification uses. */
export interface Dialect {
	escape(text: string): string;
	bold(escaped: string): string;
	link(escaped: string, url: string): string;
	/** A list item line. */
	item(inner: string): string;
	/** The level field's value (WeCom colours it). */
	level?(escaped: string): string;
}

/**
 * The body of a message as lines, each a complete unit of markup (so dropping lines from the end to fit a limit
 * never leaves an open bold run or link). Title, mentions and note are placed by each renderer.
 */
export function bodyLines(doc: NotifyDocument, d: Dialect): string[] {
	const lines: string[] = [];
	doc.fields.forEach((field, i) => {
		const value = d.escape(field.value);
		lines.push(`${d.bold(d.escape(field.label))}: ${i === 0 && doc.level && d.level ? d.level(value) : value}`);
	});
	for (const section of doc.sections) {
		lines.push(d.bold(d.escape(section.heading)));
		for (const item of section.items) {
			const url = safeLinkUrl(item.url);
			const text = d.escape(item.text);
			lines.push(d.item(url ? d.link(text, url) : text));
		}
	}
	if (doc.body !== undefined) for (const line of doc.body.split(/\r?\n/)) lines.push(line.trim() ? d.escape(line) : '');
	if (doc.markdown !== undefined) lines.push(...doc.markdown.split(/\r?\n/));
	return lines;
}

/**
 * Lines longer than `maxBytes` (a long pasted paragraph, a link with a huge URL) are turned into plain text
 * by `strip` (the dialect's own markup removed, which escaped user text never contains) and clipped on a
 * grapheme boundary, so a cut never lands inside a tag or a link.
 */
export function clipLongLines(lines: string[], maxBytes: number, strip: (line: string) => string): { lines: string[]; clipped: boolean } {
	let clipped = false;
	const out = lines.map((line) => {
		if (utf8Bytes(line) <= maxBytes) return line;
		clipped = true;
		return clipToFit(strip(line), (s) => s, (s) => utf8Bytes(s) <= maxBytes);
	});
	return { lines: out, clipped };
}
