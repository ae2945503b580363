import type { IBinaryData, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { InputError } from '../../../lib/errors';
import {
	buildReport,
	describeFinding,
	renderCsv,
	renderHtml,
	renderMarkdown,
	type AbTestSpec,
	type BudgetLine,
	type KpiMetric,
	type KpiTarget,
	type PeriodKind,
	type PeriodSpec,
	type Report,
	type ReportLanguage,
	type ReportMetric,
	type ReportOptions,
} from '../../../lib/report';
import { errorItemJson, toNodeError } from '../../shared/errors';
import { readReportInputs, type InputFields } from './inputs';

export { buildProperties as properties } from './build.properties';

type Output = 'json' | 'markdown' | 'html' | 'csv';

/**
 * Build Report: all input items → one report item (paired with every input), plus one item per file
 * on the second output. Invalid items stop the node naming item and field; under Continue On Fail they
 * are skipped, counted in `input.skippedItems` (and the report's `input.invalid`) and returned as error items.
 */
export async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const keepGoing = ctx.continueOnFail();
	const allPaired = items.map((_, item) => ({ item }));
	try {
		const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
		const fields = ((options.inputFields as IDataObject | undefined)?.fields ?? {}) as InputFields;
		let inputs;
		try {
			inputs = readReportInputs(items, fields, keepGoing);
		} catch (error) {
			const itemIndex = (error as { itemIndex?: number }).itemIndex ?? 0;
			throw toNodeError(ctx.getNode(), error, itemIndex);
		}
		const language = ctx.getNodeParameter('language', 0, 'zh') as ReportLanguage;
		const outputs = new Set(ctx.getNodeParameter('outputs', 0, ['json', 'markdown', 'html', 'csv']) as Output[]);
		const reportOptions = readReportOptions(ctx, options);
		if (inputs.posts.length > 0) reportOptions.posts = inputs.posts;
		if (inputs.assessments.length > 0) reportOptions.assessments = inputs.assessments;
		if (inputs.alerts.length > 0) reportOptions.alerts = inputs.alerts;

		const report = buildReport(inputs.snapshots, reportOptions);
		// Items rejected before the core saw them still count as input, as invalid.
		const skipped = new Set(inputs.rejected.map((r) => r.itemIndex)).size;
		report.input.snapshots += skipped;
		report.input.invalid += skipped;

		const render = { language, compactNumbers: options.compactNumbers === true };
		const prefix = fileNamePrefix(options.fileNamePrefix, report);
		const files: Array<{ key: string; fileName: string; mimeType: string; format: Output; table?: string; content: string }> = [];
		let markdown: string | undefined;
		let html: string | undefined;
		if (outputs.has('html')) {
			html = renderHtml(report, render);
			files.push({ key: 'html', fileName: `${prefix}.html`, mimeType: 'text/html', format: 'html', content: html });
		}
		if (outputs.has('markdown')) {
			markdown = renderMarkdown(report, render);
			files.push({ key: 'markdown', fileName: `${prefix}.md`, mimeType: 'text/markdown', format: 'markdown', content: markdown });
		}
		if (outputs.has('csv')) {
			for (const [table, csv] of Object.entries(renderCsv(report, { ...render, bom: true }))) {
				files.push({ key: `csv_${table}`, fileName: `${prefix}_${table}.csv`, mimeType: 'text/csv', format: 'csv', table, content: csv });
			}
		}

		const binary: Record<string, IBinaryData> = {};
		const fileItems: INodeExecutionData[] = [];
		for (const f of files) {
			const data = await ctx.helpers.prepareBinaryData(Buffer.from(f.content, 'utf8'), f.fileName, f.mimeType);
			binary[f.key] = data;
			const json: IDataObject = { fileName: f.fileName, mimeType: f.mimeType, format: f.format, binaryProperty: f.key, periodStart: report.period.start, periodEnd: report.period.end };
			if (f.table) json.table = f.table;
			fileItems.push({ json, binary: { data }, pairedItem: allPaired });
		}

		const json: IDataObject = summary(report, language, items.length, inputs, skipped);
		json.files = files.map((f) => ({ binaryProperty: f.key, fileName: f.fileName, mimeType: f.mimeType }));
		if (options.includeText !== false) {
			if (markdown !== undefined) json.markdown = markdown;
			if (html !== undefined) json.html = html;
		}
		if (outputs.has('json')) json.report = report as unknown as IDataObject;

		const reportItem: INodeExecutionData = { json, pairedItem: allPaired };
		if (files.length > 0) reportItem.binary = binary;
		const errors = inputs.rejected.map((r) => ({ json: errorItemJson(r.error, r.itemIndex), pairedItem: { item: r.itemIndex } }));
		return [[reportItem, ...errors], fileItems];
	} catch (error) {
		if (keepGoing) return [[{ json: errorItemJson(error, 0), pairedItem: allPaired }], []];
		throw toNodeError(ctx.getNode(), error, 0);
	}
}

function readReportOptions(ctx: IExecuteFunctions, options: IDataObject): ReportOptions {
	const kind = ctx.getNodeParameter('period', 0, 'week') as PeriodKind;
	const period: PeriodSpec =
		kind === 'custom'
			? { kind, start: String(ctx.getNodeParameter('startDate', 0, '')).trim().slice(0, 10), end: String(ctx.getNodeParameter('endDate', 0, '')).trim().slice(0, 10) }
			: { kind, anchor: ctx.getNodeParameter('anchor', 0, 'previous') as 'previous' | 'current' };
	const timezone = String(ctx.getNodeParameter('timezone', 0, '')).trim() || ctx.getTimezone();
	const title = String(ctx.getNodeParameter('title', 0, '')).trim();
	const reference = String(options.referenceTime ?? '').trim();
	const now = reference ? new Date(reference) : new Date();
	if (Number.isNaN(now.getTime())) throw new InputError(`Reference Time must be an ISO instant like 2026-03-09T09:00:00+08:00, got "${reference}"`, 'referenceTime');

	const out: ReportOptions = { timezone, period, now };
	if (title) out.title = title;
	const targets = readTargets(ctx);
	if (targets.length > 0) out.targets = targets;
	const lines = readBudget(ctx);
	if (lines.length > 0) out.budget = { lines };
	const tests = readAbTests(ctx);
	if (tests.length > 0) out.abTests = tests;
	const competitors = splitList(ctx.getNodeParameter('competitorAccountIds', 0, '') as string);
	if (competitors.length > 0) out.competitorAccountIds = competitors;
	if (options.topN !== undefined) out.topN = Number(options.topN);
	if (options.rankContentBy) out.rankContentBy = options.rankContentBy as ReportOptions['rankContentBy'];
	return out;
}

function readTargets(ctx: IExecuteFunctions): KpiTarget[] {
	const rows = ((ctx.getNodeParameter('targets', 0, {}) as IDataObject).target ?? []) as IDataObject[];
	return rows.map((r, i) => {
		const by = String(r.by ?? '').trim().slice(0, 10);
		if (!/^\d{4}-\d{2}-\d{2}$/.test(by)) throw new InputError(`KPI target ${i + 1} (${String(r.metric)}): By Date must be a date like 2026-12-31, got "${String(r.by ?? '')}"`, 'targets.by');
		const t: KpiTarget = { metric: r.metric as KpiMetric, change: Number(r.changePercent ?? 0) / 100, by };
		if (Number(r.baseline) > 0) t.baseline = Number(r.baseline);
		for (const key of ['label', 'platform', 'accountId'] as const) {
			const v = String(r[key] ?? '').trim();
			if (v) t[key] = v;
		}
		return t;
	});
}

function readBudget(ctx: IExecuteFunctions): BudgetLine[] {
	const rows = ((ctx.getNodeParameter('budget', 0, {}) as IDataObject).line ?? []) as IDataObject[];
	return rows.map((r, i) => {
		const budget = Number(r.budget);
		if (!(budget > 0)) throw new InputError(`Budget line ${i + 1} (${String(r.label ?? '')}): Budget must be a positive amount, got ${String(r.budget)}`, 'budget');
		const line: BudgetLine = { label: String(r.label ?? '').trim() || `#${i + 1}`, budget };
		if (r.spentFromData === false) line.spent = Number(r.spent ?? 0);
		for (const key of ['platform', 'accountId', 'currency'] as const) {
			const v = String(r[key] ?? '').trim();
			if (v) line[key] = v;
		}
		return line;
	});
}

function readAbTests(ctx: IExecuteFunctions): AbTestSpec[] {
	const rows = ((ctx.getNodeParameter('abTests', 0, {}) as IDataObject).test ?? []) as IDataObject[];
	return rows.map((r, i) => {
		const name = String(r.name ?? '').trim() || `A/B #${i + 1}`;
		const fromPosts = r.source === 'posts';
		const arm = (side: 'a' | 'b') => {
			const label = String(r[`${side}Label`] ?? side.toUpperCase()).trim() || side.toUpperCase();
			if (fromPosts) return { label, postIds: splitList(String(r[`${side}PostIds`] ?? '')) };
			return { label, successes: Number(r[`${side}Successes`] ?? 0), trials: Number(r[`${side}Trials`] ?? 0) };
		};
		const spec: AbTestSpec = { name, a: arm('a'), b: arm('b') };
		if (r.confidence !== undefined) spec.confidence = Number(r.confidence);
		if (fromPosts) {
			spec.successMetric = (r.successMetric ?? 'likes') as ReportMetric;
			spec.trialMetric = (r.trialMetric ?? 'views') as ReportMetric;
		}
		return spec;
	});
}

function splitList(text: string): string[] {
	return String(text ?? '')
		.split(/[,，\n]/)
		.map((s) => s.trim())
		.filter((s) => s.length > 0);
}

/** `<prefix>_<start>_<end>`, with anything a file system could trip on replaced. */
function fileNamePrefix(prefix: unknown, report: Report): string {
	const clean = String(prefix ?? '').trim().replace(/[^\p{L}\p{N}._-]+/gu, '-') || 'ops-report';
	return `${clean}_${report.period.start}_${report.period.end}`;
}

/** The fields a downstream node or an agent reads first: period, headline numbers, KPI and finding counts. */
function summary(report: Report, language: ReportLanguage, items: number, inputs: ReturnType<typeof readReportInputs>, skipped: number): IDataObject {
	const p = report.period;
	const totals: IDataObject = {};
	const changes: IDataObject = {};
	for (const r of report.trends.changes) {
		if (r.scope !== 'all') continue;
		totals[r.metric] = r.current;
		changes[r.metric] = r.change;
	}
	const count = <T>(list: T[], pred: (x: T) => boolean) => list.filter(pred).length;
	return {
		title: report.title ?? null,
		language,
		period: { kind: p.kind, start: p.start, end: p.end, days: p.days, timezone: p.timezone, complete: p.complete, previousStart: p.previous.start, previousEnd: p.previous.end },
		totals,
		changes,
		kpis: {
			total: report.kpis.length,
			onTrack: count(report.kpis, (k) => k.status === 'on_track'),
			atRisk: count(report.kpis, (k) => k.status === 'at_risk'),
			offTrack: count(report.kpis, (k) => k.status === 'off_track'),
		},
		findings: report.findings.map((f) => ({ rule: f.rule, kind: f.kind, severity: f.severity, text: describeFinding(f, { language }) })),
		input: {
			items,
			snapshots: inputs.snapshots.length,
			posts: inputs.posts.length,
			assessments: inputs.assessments.length,
			alerts: inputs.alerts.length,
			used: report.input.used,
			outOfRange: report.input.outOfRange,
			invalid: report.input.invalid,
			skippedItems: skipped,
			accounts: report.input.accounts,
			competitors: report.input.competitors,
		},
		generatedAt: report.generatedAt,
	};
}
