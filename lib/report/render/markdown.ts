import { labelsFor } from '../labels';
import type { Report } from '../types';
import { findingText } from './describe-finding';
import { escapeMarkdown } from './escape';
import { NumberFormat, type RenderOptions } from './format';
import { formatCell, reportTables, type Table } from './tables';
import { reportHeading } from './heading';

/**
 * The report as Markdown for chat tools (WeCom, DingTalk, Feishu, Slack): heading, findings as a list,
 * then the tables. Every text cell is escaped, so titles and account names cannot break a table.
 */
export function renderMarkdown(report: Report, options: RenderOptions): string {
	const l = labelsFor(options.language);
	const f = new NumberFormat(options);
	const h = reportHeading(report, l);
	const out: string[] = [`# ${escapeMarkdown(h.title)}`, '', `${escapeMarkdown(h.subtitle)}`, ''];
	out.push(`## ${l.sections.findings}`, '');
	if (report.findings.length === 0) out.push(`- ${l.none}`);
	for (const finding of report.findings) out.push(`- **${l.kinds[finding.kind]}**（${l.severities[finding.severity]}）${escapeMarkdown(findingText(finding, l, f))}`);
	out.push('');
	for (const table of reportTables(report, l, (x) => findingText(x, l, f))) {
		if (table.csvOnly || table.name === 'findings' || table.rows.length === 0) continue;
		out.push(`## ${escapeMarkdown(table.title)}`, '', ...markdownTable(table, f), '');
	}
	return out.join('\n');
}

function markdownTable(table: Table, f: NumberFormat): string[] {
	const align = table.columns.map((c) => (c.type === 'text' ? ':--' : '--:'));
	const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
	return [
		line(table.columns.map((c) => escapeMarkdown(c.label))),
		line(align),
		...table.rows.map((row) => line(row.map((cell, i) => escapeMarkdown(formatCell(cell, table.columns[i].type, f))))),
	];
}
