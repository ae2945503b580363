import { labelsFor } from '../labels';
import type { Report } from '../types';
import { findingText } from './describe-finding';
import { csvField } from './escape';
import { NumberFormat, type RenderOptions } from './format';
import { reportTables } from './tables';

export interface CsvOptions extends RenderOptions {
	/** Prefix a UTF-8 byte-order mark so Excel opens Chinese headers correctly (default true). */
	bom?: boolean;
}

/**
 * One CSV per table (RFC 4180: CRLF line ends, quoted fields where needed, formula guard), keyed by
 * table name. Values are raw (rates as fractions, no thousands separators); headers follow the language.
 * Empty tables are left out.
 */
export function renderCsv(report: Report, options: CsvOptions = { language: 'en' }): Record<string, string> {
	const l = labelsFor(options.language);
	const f = new NumberFormat(options);
	const bom = options.bom ?? true ? '\uFEFF' : '';
	const out: Record<string, string> = {};
	for (const t of reportTables(report, l, (x) => findingText(x, l, f))) {
		if (t.rows.length === 0) continue;
		const lines = [t.columns.map((c) => csvField(c.label)), ...t.rows.map((row) => row.map((cell) => csvField(cell !== null && typeof cell === 'object' ? cell.value : cell)))];
		out[t.name] = bom + lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
	}
	return out;
}
