import { type Labels, metricName, platformName, RATE_METRICS, traitValue } from '../labels';
import { ratio } from '../metrics';
import { relativeChange } from '../statistics';
import type { ChangeRow, ComparisonRow, PostRow, Report, Scope, Statistics } from '../types';

/**
 * The report as tables, the one model all three renderers share: Markdown and HTML format the cells
 * per language, CSV writes the raw values (rates as fractions) under the same translated headers.
 */
export type CellType = 'text' | 'num' | 'pct' | 'signedPct' | 'pValue';
/** A value; `{ value, type }` overrides the column's type for one cell (a rate in a column of counts). */
export type Cell = string | number | null | { value: number | null; type: CellType };

export interface Column {
	label: string;
	type: CellType;
}

export interface Table {
	/** Stable machine name, also the CSV file name. */
	name: string;
	title: string;
	columns: Column[];
	rows: Cell[][];
	/** Too long to read in a page (e.g. daily values): CSV only. */
	csvOnly?: boolean;
}

const text = (label: string): Column => ({ label, type: 'text' });
const num = (label: string): Column => ({ label, type: 'num' });
const pct = (label: string): Column => ({ label, type: 'pct' });
const signed = (label: string): Column => ({ label, type: 'signedPct' });

export function reportTables(report: Report, l: Labels, describeFinding: (f: Report['findings'][number]) => string): Table[] {
	const c = l.columns;
	const s = l.sections;
	const scopeCells = (r: Scope): Cell[] => [l.scopes[r.scope], r.platform ? platformName(l, r.platform) : null, r.accountName ?? r.accountId ?? null];
	const comparisonCells = (r: ComparisonRow): Cell[] => [r.followers, r.followerGrowth, r.followerGrowthRate, r.views, r.engagement, r.engagementRate, r.shareRate, r.posts, r.engagementChange];
	const comparisonCols = [num(c.followers), num(c.followerGrowth), pct(c.followerGrowthRate), num(c.views), num(c.engagement), pct(c.engagementRate), pct(c.shareRate), num(c.posts), signed(c.engagementChange)];
	const postCols = [text(c.platform), text(c.account), text(c.title), text(c.contentType), text(c.format), text(c.publishedAt), num(c.views), num(c.engagement), pct(c.engagementRate)];
	const postCells = (p: PostRow): Cell[] => [
		platformName(l, p.platform),
		p.accountName ?? p.accountId,
		p.title ?? p.postId,
		p.contentType ?? null,
		p.format ?? null,
		p.weekday !== undefined && p.hour !== undefined ? `${l.weekdays[p.weekday]} ${l.hourOfDay(p.hour)}` : null,
		p.views,
		p.engagement,
		p.engagementRate,
	];
	const changeCells = (r: ChangeRow): Cell[] => [r.current, r.previous, r.change, r.lastYear, r.yoyChange, r.slope];
	const changeCols = [num(c.current), num(c.previous), signed(c.change), num(c.lastYear), signed(c.yoyChange), num(c.slope)];
	const statCells = (r: Statistics): Cell[] => [r.count, r.mean, r.median, r.stdDev, r.min, r.max, r.total];
	const statCols = [num(c.count), num(c.mean), num(c.median), num(c.stdDev), num(c.min), num(c.max), num(c.total)];
	const scopeCols = [text(c.scope), text(c.platform), text(c.account)];

	const tables: Table[] = [
		{ name: 'summary', title: s.summary, columns: [text(c.metric), ...changeCols.slice(0, 5)], rows: summaryRows(report, l) },
		{
			name: 'findings',
			title: s.findings,
			columns: [text(c.kind), text(c.severity), text(c.text)],
			rows: report.findings.map((f) => [l.kinds[f.kind], l.severities[f.severity], describeFinding(f)]),
		},
		{
			name: 'kpis',
			title: s.kpis,
			columns: [text(c.label), text(c.metric), text(c.platform), num(c.baseline), num(c.goal), num(c.current), pct(c.progress), num(c.pacePerWeek), num(c.projected), text(c.by), text(c.status)],
			rows: report.kpis.map((k) => {
				const v = (x: number | null): Cell => (RATE_METRICS.has(k.metric) ? { value: x, type: 'pct' } : x);
				return [
					k.label ?? metricName(l, k.metric),
					metricName(l, k.metric),
					k.accountId ?? (k.platform ? platformName(l, k.platform) : l.scopes.all),
					v(k.baseline),
					v(k.goal),
					v(k.current),
					k.progress,
					v(k.pacePerWeek),
					v(k.projected),
					k.by,
					l.kpiStatus[k.status],
				];
			}),
		},
		{ name: 'platforms', title: s.platforms, columns: [text(c.platform), ...comparisonCols], rows: report.comparisons.platforms.map((r) => [platformName(l, r.platform), ...comparisonCells(r)]) },
		{
			name: 'accounts',
			title: s.accounts,
			columns: [text(c.platform), text(c.account), text(c.competitor), ...comparisonCols],
			rows: report.comparisons.accounts.map((r) => [platformName(l, r.platform), r.accountName ?? r.accountId ?? null, r.competitor ? l.yes : l.no, ...comparisonCells(r)]),
		},
		{
			name: 'competitors',
			title: s.competitors,
			columns: [text(c.platform), text(c.competitor), pct(c.engagementRate), pct(c.ownRate), signed(c.gap), pct(c.followerGrowthRate)],
			rows: report.comparisons.competitors.map((r) => [platformName(l, r.platform), r.accountName ?? r.accountId, r.engagementRate, r.ownEngagementRate, r.engagementRateGap, r.followerGrowthRate]),
		},
		{ name: 'top_content', title: s.topContent, columns: postCols, rows: report.content.top.map(postCells) },
		{ name: 'bottom_content', title: s.bottomContent, columns: postCols, rows: report.content.bottom.map(postCells) },
		{
			name: 'traits',
			title: s.traits,
			columns: [text(c.group), text(c.trait), text(c.value), pct(c.share), pct(c.baselineShare)],
			rows: (
				[
					[s.topContent, report.content.topTraits],
					[s.bottomContent, report.content.bottomTraits],
				] as const
			).flatMap(([group, traits]) => traits.map((t): Cell[] => [group, l.traits[t.trait], traitValue(l, t.trait, t.value), t.share, t.baselineShare])),
		},
		{
			name: 'posting_times',
			title: s.postingTimes,
			columns: [text(c.weekday), text(c.hour), num(c.posts), num(c.meanEngagement), num(c.lift)],
			rows: report.postingTimes.best.map((b) => [l.weekdays[b.weekday], l.hourOfDay(b.hour), b.posts, b.meanEngagement, b.lift]),
		},
		{
			name: 'ab_tests',
			title: s.abTests,
			columns: [text(c.test), text(c.armA), pct(c.rateA), text(c.armB), pct(c.rateB), num('z'), { label: c.pValue, type: 'pValue' }, text(c.ci), text(c.verdict)],
			rows: report.abTests.map((t) => [
				t.name,
				`${t.a.label} (${t.a.successes}/${t.a.trials})`,
				t.a.rate,
				`${t.b.label} (${t.b.successes}/${t.b.trials})`,
				t.b.rate,
				t.z,
				t.pValue,
				t.ciLow === null || t.ciHigh === null ? null : `[${(t.ciLow * 100).toFixed(2)}%, ${(t.ciHigh * 100).toFixed(2)}%]`,
				l.verdicts[t.verdict],
			]),
		},
		{
			name: 'sentiment',
			title: s.sentiment,
			columns: [text(c.platform), num(c.count), num(c.positive), num(c.neutral), num(c.negative), pct(`${c.negative} %`)],
			rows: report.sentiment
				? [
						...report.sentiment.byPlatform.map((p): Cell[] => [platformName(l, p.platform), p.total, p.positive, p.neutral, p.negative, ratio(p.negative, p.total) ?? null]),
						[l.scopes.all, report.sentiment.total, report.sentiment.positive, report.sentiment.neutral, report.sentiment.negative, report.sentiment.negativeShare],
					]
				: [],
		},
		{
			name: 'risk',
			title: s.risk,
			columns: [text(c.level), num(c.count)],
			rows: report.risk ? Object.entries(report.risk.byLevel).filter(([lv, n]) => n > 0 || lv !== 'none').map(([lv, n]): Cell[] => [l.riskLevels[lv], n]) : [],
		},
		{
			name: 'budget',
			title: s.budget,
			columns: [text(c.label), text(c.platform), num(c.budget), num(c.spent), pct(c.ratio), num(c.projectedSpend), text(c.status)],
			rows: report.budget.map((b) => [b.label, b.accountId ?? (b.platform ? platformName(l, b.platform) : l.scopes.all), b.budget, b.spent, b.ratio, b.projectedSpend, l.budgetStatus[b.status]]),
		},
		// Per-account detail goes to CSV only: 40 accounts × 14 metrics would bury a page meant to be read at a glance.
		...bySummaryScope('changes', s.changes, report.trends.changes, [...scopeCols, text(c.metric), ...changeCols], (r) => [...scopeCells(r), metricName(l, r.metric), ...changeCells(r)]),
		...bySummaryScope('statistics', s.statistics, report.statistics, [...scopeCols, text(c.metric), ...statCols], (r) => [...scopeCells(r), metricName(l, r.metric), ...statCells(r)]),
		{
			name: 'per_post',
			title: s.perPost,
			columns: [text(c.platform), text(c.metric), ...statCols.slice(0, 6)],
			rows: report.content.perPost.map((r) => [platformName(l, r.platform), metricName(l, r.metric), ...statCells(r.stats).slice(0, 6)]),
		},
		dailyTable(report, l),
	];
	return tables;
}

/** Two tables from scoped rows: overall and platforms for people, accounts as `<name>_accounts` for CSV. */
function bySummaryScope<R extends Scope>(name: string, title: string, rows: readonly R[], columns: Column[], cells: (r: R) => Cell[]): Table[] {
	return [
		{ name, title, columns, rows: rows.filter((r) => r.scope !== 'account').map(cells) },
		{ name: `${name}_accounts`, title, columns, rows: rows.filter((r) => r.scope === 'account').map(cells), csvOnly: true },
	];
}

/** Headline rows: the overall scope's change rows, plus the engagement rate computed from totals. */
function summaryRows(report: Report, l: Labels): Cell[][] {
	const all = report.trends.changes.filter((r) => r.scope === 'all');
	const rows: Cell[][] = all.map((r) => [metricName(l, r.metric), r.current, r.previous, r.change, r.lastYear, r.yoyChange]);
	const e = all.find((r) => r.metric === 'engagement');
	const v = all.find((r) => r.metric === 'views');
	if (e && v) {
		const rate = (a: number | null, b: number | null) => ratio(a, b) ?? null;
		const cur = rate(e.current, v.current);
		const prev = rate(e.previous, v.previous);
		const ly = rate(e.lastYear, v.lastYear);
		const p = (x: number | null): Cell => ({ value: x, type: 'pct' });
		rows.push([metricName(l, 'engagementRate'), p(cur), p(prev), relativeChange(cur, prev), p(ly), relativeChange(cur, ly)]);
	}
	return rows;
}

function dailyTable(report: Report, l: Labels): Table {
	const series = report.trends.daily;
	return {
		name: 'daily',
		title: l.sections.daily,
		csvOnly: true,
		columns: [text(l.columns.date), ...series.map((d) => num(`${d.platform ? platformName(l, d.platform) : l.scopes.all} · ${metricName(l, d.metric)}`))],
		rows: report.trends.days.map((day, i) => [day, ...series.map((d) => d.values[i])]),
	};
}

/** A cell as text for people (Markdown, HTML); `escape` is applied to text cells only. */
export function formatCell(cell: Cell, type: CellType, f: { num(v: number | null): string; pct(v: number | null): string; signedPct(v: number | null): string }): string {
	if (cell === null) return '—';
	if (typeof cell === 'string') return cell;
	if (typeof cell === 'object') return formatCell(cell.value, cell.type, f);
	switch (type) {
		case 'pct':
			return f.pct(cell);
		case 'signedPct':
			return f.signedPct(cell);
		case 'pValue':
			return cell < 0.0001 ? '< 0.0001' : cell.toFixed(4);
		default:
			return f.num(cell);
	}
}
