import { labelsFor, metricName, platformName, traitValue, type Labels } from '../labels';
import type { Report } from '../types';
import { findingText } from './describe-finding';
import { escapeHtml } from './escape';
import { NumberFormat, type RenderOptions } from './format';
import { reportHeading } from './heading';
import { barChart, lineChart, stackedBarChart } from './svg-charts';
import { formatCell, reportTables, type Table } from './tables';

/**
 * A self-contained page: inline styles on elements (e-mail clients drop <style> and <link>), table
 * layout, inline SVG charts, no script, no external asset. All data text is escaped.
 */
export function renderHtml(report: Report, options: RenderOptions): string {
	const l = labelsFor(options.language);
	const f = new NumberFormat(options);
	const tables = new Map(reportTables(report, l, (x) => findingText(x, l, f)).map((t) => [t.name, t]));
	const table = (name: string) => htmlTable(tables.get(name)!, f);
	const h = reportHeading(report, l);
	const s = l.sections;
	const body = [
		`<tr><td style="padding:20px 24px;background:#1f3b6f;color:#fff"><div style="font-size:22px;font-weight:bold">${escapeHtml(h.title)}</div><div style="font-size:12px;margin-top:6px;color:#dfe7f5">${escapeHtml(h.subtitle)}</div></td></tr>`,
		section(s.summary, [summaryCards(report, l, f), table('summary')]),
		section(s.findings, [findingsList(report, l, f)]),
		section(s.trends, trendCharts(report, l, f)),
		section(s.kpis, [kpiChart(report, l, f), table('kpis')]),
		section(`${s.platforms} · ${s.accounts} · ${s.competitors}`, [comparisonChart(report, l, f), table('platforms'), table('accounts'), table('competitors')]),
		section(`${s.topContent} · ${s.bottomContent}`, [table('top_content'), table('bottom_content'), table('traits')]),
		section(s.postingTimes, [slotChart(report, l, f), table('posting_times')]),
		section(s.abTests, [table('ab_tests')]),
		section(`${s.sentiment} · ${s.risk}`, [sentimentChart(report, l, f), table('sentiment'), table('risk')]),
		section(s.budget, [budgetChart(report, l, f), table('budget')]),
		section(s.changes, [table('changes')]),
		section(s.statistics, [table('statistics'), table('per_post')]),
	].join('\n');
	return `<!DOCTYPE html>
<html lang="${options.language === 'zh' ? 'zh-CN' : 'en'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(h.title)}</title></head>
<body style="margin:0;padding:0;background:#f3f5f9;font-family:-apple-system,'Segoe UI','PingFang SC','Microsoft YaHei',sans-serif;color:#222">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f3f5f9"><tr><td align="center" style="padding:16px">
<table role="presentation" width="760" cellpadding="0" cellspacing="0" border="0" style="max-width:760px;width:100%;background:#fff;border-collapse:collapse">
${body}
</table></td></tr></table>
</body>
</html>
`;
}

function section(title: string, parts: string[]): string {
	const content = parts.filter((p) => p.length > 0);
	if (content.length === 0) return '';
	return `<tr><td style="padding:16px 24px 8px 24px"><h2 style="font-size:16px;margin:0 0 10px 0;color:#1f3b6f;border-bottom:2px solid #e3e8f0;padding-bottom:4px">${escapeHtml(title)}</h2>${content.join('\n')}</td></tr>`;
}

function htmlTable(t: Table, f: NumberFormat): string {
	if (t.rows.length === 0) return '';
	// Table attributes (border, cellpadding, align) instead of per-cell styles: every e-mail client honours
	// them and they keep the page well under Gmail's 102 KB clipping limit.
	const cell = (content: string, numeric: boolean, tag: 'td' | 'th') => `<${tag}${numeric ? ' align="right"' : tag === 'th' ? ' align="left"' : ''}>${content}</${tag}>`;
	const head = t.columns.map((c) => cell(escapeHtml(c.label), c.type !== 'text', 'th')).join('');
	const rows = t.rows.map((row) => `<tr>${row.map((v, i) => cell(escapeHtml(formatCell(v, t.columns[i].type, f)), t.columns[i].type !== 'text', 'td')).join('')}</tr>`).join('\n');
	return `<div style="font-size:12px;color:#555;margin:10px 0 4px 0">${escapeHtml(t.title)}</div><table cellpadding="4" cellspacing="0" border="1" bordercolor="#dfe4ec" style="border-collapse:collapse;border:1px solid #dfe4ec;font-size:12px;width:100%"><tr bgcolor="#f0f3f8">${head}</tr>\n${rows}</table>`;
}

function summaryCards(report: Report, l: Labels, f: NumberFormat): string {
	const all = report.trends.changes.filter((r) => r.scope === 'all');
	const pick = (['followers', 'views', 'engagement', 'netFollowers'] as const).map((m) => all.find((r) => r.metric === m)).filter((r) => r !== undefined);
	if (pick.length === 0) return '';
	const cells = pick.map((r) => {
		const color = r!.change === null ? '#666' : r!.change >= 0 ? '#2e8b57' : '#c0392b';
		return `<td width="${Math.floor(100 / pick.length)}%" style="padding:10px;border:1px solid #e3e8f0;text-align:center"><div style="font-size:12px;color:#666">${escapeHtml(metricName(l, r!.metric))}</div><div style="font-size:20px;font-weight:bold;margin:4px 0">${escapeHtml(f.num(r!.current))}</div><div style="font-size:12px;color:${color}">${escapeHtml(l.columns.change)} ${escapeHtml(f.signedPct(r!.change))}</div></td>`;
	});
	return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse"><tr>${cells.join('')}</tr></table>`;
}

function findingsList(report: Report, l: Labels, f: NumberFormat): string {
	if (report.findings.length === 0) return `<p style="font-size:13px">${escapeHtml(l.none)}</p>`;
	const colors = { high: '#c0392b', medium: '#e67e22', low: '#2f6fdf' };
	const items = report.findings.map(
		(x) =>
			`<li style="margin:4px 0"><span style="display:inline-block;padding:1px 6px;border-radius:3px;color:#fff;background:${colors[x.severity]};font-size:11px">${escapeHtml(l.kinds[x.kind])} · ${escapeHtml(l.severities[x.severity])}</span> ${escapeHtml(findingText(x, l, f))}</li>`,
	);
	return `<ul style="font-size:13px;padding-left:18px;margin:0">${items.join('')}</ul>`;
}

function trendCharts(report: Report, l: Labels, f: NumberFormat): string[] {
	const days = report.trends.days;
	const byPlatform = (metric: string) => report.trends.daily.filter((d) => d.metric === metric && d.platform !== undefined);
	const charts: string[] = [];
	for (const metric of ['engagement', 'views'] as const) {
		const series = byPlatform(metric);
		if (series.length > 0) charts.push(lineChart({ title: metricName(l, metric), labels: days, series: series.map((d) => ({ name: platformName(l, d.platform), values: d.values })), format: (v) => f.num(v) }));
	}
	const followers = report.trends.daily.find((d) => d.metric === 'followers' && d.platform === undefined);
	if (followers) charts.push(lineChart({ title: metricName(l, 'followers'), labels: days, series: [{ name: l.scopes.all, values: followers.values }], format: (v) => f.num(v) }));
	return charts.map(block);
}

function comparisonChart(report: Report, l: Labels, f: NumberFormat): string {
	const items = report.comparisons.accounts
		.filter((a) => a.engagementRate !== null)
		.map((a) => ({ label: `${platformName(l, a.platform)} · ${a.accountName ?? a.accountId}`, value: a.engagementRate!, highlight: a.competitor }));
	return items.length === 0 ? '' : block(barChart({ title: `${l.columns.engagementRate} (${l.columns.competitor}: ■)`, items: items.slice(0, 20), format: (v) => f.pct(v) }));
}

function kpiChart(report: Report, l: Labels, f: NumberFormat): string {
	const items = report.kpis.filter((k) => k.progress !== null).map((k) => ({ label: k.label ?? metricName(l, k.metric), value: Math.max(0, k.progress!), highlight: k.status !== 'on_track' }));
	return items.length === 0 ? '' : block(barChart({ title: `${l.columns.progress} %`, items, format: (v) => f.pct(v) }));
}

function slotChart(report: Report, l: Labels, f: NumberFormat): string {
	const items = report.postingTimes.best.map((b) => ({ label: `${l.weekdays[b.weekday]} ${traitValue(l, 'hour', b.hour)}`, value: b.meanEngagement }));
	return items.length === 0 ? '' : block(barChart({ title: l.columns.meanEngagement, items, format: (v) => f.num(v) }));
}

function sentimentChart(report: Report, l: Labels, f: NumberFormat): string {
	const s = report.sentiment;
	if (!s) return '';
	const rows = [...s.byPlatform.map((p) => ({ label: platformName(l, p.platform), parts: [p.positive, p.neutral, p.negative] })), { label: l.scopes.all, parts: [s.positive, s.neutral, s.negative] }];
	return block(stackedBarChart({ title: l.sections.sentiment, partNames: [l.sentiment.positive, l.sentiment.neutral, l.sentiment.negative], colors: ['#3aa36b', '#9aa5b1', '#c0504d'], rows, format: (v) => f.pct(v) }));
}

function budgetChart(report: Report, l: Labels, f: NumberFormat): string {
	const items = report.budget.filter((b) => b.ratio !== null).map((b) => ({ label: b.label, value: b.ratio!, highlight: b.status !== 'ok' }));
	return items.length === 0 ? '' : block(barChart({ title: `${l.columns.ratio} %`, items, format: (v) => f.pct(v) }));
}

function block(svg: string): string {
	return `<div style="margin:8px 0">${svg}</div>`;
}
