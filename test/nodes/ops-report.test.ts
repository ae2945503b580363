/**
 * Ops Report through n8n-core's real engine: the node's report equals the core's buildReport for the same
 * data and options, whether snapshots arrive nested or as flat table rows; files come out as binaries on
 * one item and one per item on the second output; bad items are named, or skipped under Continue On Fail.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IBinaryData, IDataObject, INode, INodeParameters } from 'n8n-workflow';
import { rowToSnapshot, snapshotToRow } from '../../lib/metrics/snapshot-row';
import { MetricSnapshotSchema, type MetricSnapshot } from '../../lib/model';
import { buildReport, type Report } from '../../lib/report';
import { OpsReport } from '../../nodes/OpsReport/OpsReport.node';
import { readReportInputs } from '../../nodes/OpsReport/actions/inputs';
import { fixtureAlerts, fixtureAssessments, fixtureOptions, fixturePosts, weekFixture } from '../lib/report/report-fixture';
import { PACKAGE, registerTypes, runWorkflow, singleNodeWorkflow, type RunResult } from './harness';

const TYPE = `${PACKAGE}.opsReport`;
const NODE = 'Ops Report';
registerTypes({ [TYPE]: new OpsReport() });

/** Parameters equal to fixtureOptions() (the core's own report fixture), in the node's terms. */
const FIXTURE_PARAMETERS: INodeParameters = {
	operation: 'build',
	period: 'week',
	anchor: 'previous',
	competitorAccountIds: 'rival2',
	targets: {
		target: [
			{ metric: 'followers', changePercent: 30, by: '2026-12-31', accountId: 'w1', label: 'long' },
			{ metric: 'followers', changePercent: 100, by: '2026-03-20', accountId: 'w1', label: 'double' },
			{ metric: 'views', changePercent: 50, by: '2026-06-30', platform: 'weibo', label: 'views' },
		],
	},
	budget: {
		line: [
			{ label: 'near', budget: 100, spentFromData: false, spent: 85 },
			{ label: 'weibo spend', budget: 80, platform: 'weibo', spentFromData: true },
		],
	},
	abTests: {
		test: [
			{ name: 'fun vs news', source: 'posts', aLabel: 'fun', aPostIds: 'p1, p2', bLabel: 'news', bPostIds: 'p4,p5', successMetric: 'likes', trialMetric: 'views', confidence: 0.95 },
			{ name: 'tiny', source: 'counts', aLabel: 'x', aSuccesses: 1, aTrials: 10, bLabel: 'y', bSuccesses: 5, bTrials: 10, confidence: 0.95 },
		],
	},
	options: { referenceTime: '2026-03-10T10:00:00+08:00', topN: 2 },
};

const expectedOptions = () => {
	const o = fixtureOptions();
	return {
		...o,
		now: new Date('2026-03-10T10:00:00+08:00'),
		targets: o.targets!.filter((t) => ['long', 'double', 'views'].includes(t.label!)),
		budget: { lines: [{ label: 'near', budget: 100, spent: 85, currency: 'CNY' }, { label: 'weibo spend', budget: 80, platform: 'weibo', currency: 'CNY' }] },
		abTests: o.abTests!.map((t) => ({ ...t, confidence: 0.95, ...(t.a.postIds ? { successMetric: 'likes' as const, trialMetric: 'views' as const } : {}) })),
	};
};

function reportNode(parameters: INodeParameters, extra: Partial<INode> = {}): Omit<INode, 'id' | 'position'> {
	return { name: NODE, type: TYPE, typeVersion: 1, parameters: { ...FIXTURE_PARAMETERS, ...parameters }, ...extra };
}

async function run(items: IDataObject[], parameters: INodeParameters = {}, extra: Partial<INode> = {}, timezone = 'Asia/Shanghai'): Promise<RunResult> {
	const wf = singleNodeWorkflow(reportNode(parameters, extra), items);
	wf.settings = { timezone };
	return runWorkflow(wf);
}

const mixedInput = (snapshots: IDataObject[]): IDataObject[] => [
	...snapshots,
	...(fixturePosts() as unknown as IDataObject[]),
	...(fixtureAssessments() as unknown as IDataObject[]),
	...(fixtureAlerts() as unknown as IDataObject[]),
];

const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const text = (b: IBinaryData) => Buffer.from(b.data, 'base64').toString('utf8');

describe('Ops Report node (n8n-core engine)', () => {
	const expected = plain(buildReport(weekFixture(), expectedOptions()));

	describe('nested snapshots with posts, assessments and alerts recognised by shape', () => {
		let result: RunResult;
		const input = mixedInput(weekFixture() as unknown as IDataObject[]);
		beforeAll(async () => {
			result = await run(input);
		});

		it('outputs one report item equal to the core’s buildReport, paired with every input item', () => {
			expect(result.error).toBeUndefined();
			const items = result.nodeItems(NODE);
			expect(items).toHaveLength(1);
			expect(items[0].pairedItem).toEqual(input.map((_, item) => ({ item })));
			expect(plain(items[0].json.report)).toEqual(expected);
			expect(expected.sentiment?.total).toBe(3);
			expect(expected.risk?.total).toBe(2);
			expect(expected.kpis).toHaveLength(3);
			expect(expected.abTests.map((t) => t.verdict)).toContain('not_enough_data');
		});

		it('puts a summary an agent can read first: period, totals, changes, KPI counts, findings as sentences, input counts', () => {
			const json = result.nodeOutput(NODE)[0];
			expect(json.period).toMatchObject({ kind: 'week', start: '2026-03-02', end: '2026-03-08', days: 7, timezone: 'Asia/Shanghai', previousStart: '2026-02-23', previousEnd: '2026-03-01' });
			expect((json.totals as IDataObject).followers).toBe(1130);
			expect((json.kpis as IDataObject).total).toBe(3);
			const findings = json.findings as IDataObject[];
			expect(findings.length).toBe(expected.findings.length);
			expect(findings.every((f) => typeof f.text === 'string' && /[\u4e00-\u9fff]/.test(String(f.text)))).toBe(true);
			expect(json.input).toMatchObject({ items: input.length, snapshots: weekFixture().length, posts: 3, assessments: 4, alerts: 2, skippedItems: 0, invalid: 0 });
		});

		it('attaches report.html, report.md and one CSV per table (UTF-8 BOM) as binaries, and lists them', () => {
			const item = result.nodeItems(NODE)[0];
			const binary = item.binary!;
			expect(binary.html).toMatchObject({ mimeType: 'text/html', fileName: 'ops-report_2026-03-02_2026-03-08.html' });
			expect(binary.markdown).toMatchObject({ mimeType: 'text/markdown', fileName: 'ops-report_2026-03-02_2026-03-08.md' });
			expect(text(binary.html)).toContain('问题与建议');
			expect(text(binary.html)).toContain('<svg');
			expect(text(binary.markdown)).toMatch(/^# /);
			const csvKeys = Object.keys(binary).filter((k) => k.startsWith('csv_'));
			expect(csvKeys).toEqual(expect.arrayContaining(['csv_summary', 'csv_kpis', 'csv_budget', 'csv_daily']));
			for (const k of csvKeys) {
				expect(binary[k].mimeType).toBe('text/csv');
				expect(Buffer.from(binary[k].data, 'base64').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
			}
			expect((item.json.files as IDataObject[]).map((f) => f.binaryProperty)).toEqual(Object.keys(binary));
			expect(item.json.html).toBe(text(binary.html));
			expect(item.json.markdown).toBe(text(binary.markdown));
		});

		it('gives the same files one per item on the Files output, ready for Write File', () => {
			const files = result.runData[NODE][0].data!.main[1]!;
			const report = result.nodeItems(NODE)[0];
			expect(files.map((f) => f.json.fileName)).toEqual(Object.values(report.binary!).map((b) => b.fileName));
			for (const f of files) {
				expect(Object.keys(f.binary!)).toEqual(['data']);
				expect(f.binary!.data.data).toBe(report.binary![String(f.json.binaryProperty)].data);
				expect(f.pairedItem).toEqual(input.map((_, item) => ({ item })));
			}
		});
	});

	it('reads flat table rows (Data Table / Postgres: extra as JSON text, nulls, system columns) to the same report', async () => {
		const rows = weekFixture().map((s, i) => ({ id: i + 1, createdAt: '2026-03-10T01:00:00.000Z', updatedAt: '2026-03-10T01:00:00.000Z', ...snapshotToRow(s) }));
		const result = await run(mixedInput(rows));
		expect(result.error).toBeUndefined();
		expect(plain(result.nodeOutput(NODE)[0].report)).toEqual(expected);
	});

	it('reads data from named item fields when Input Fields is set', async () => {
		const item = { snapshots: weekFixture(), posts: fixturePosts(), assessments: fixtureAssessments(), alerts: fixtureAlerts() } as unknown as IDataObject;
		const result = await run([item], { options: { ...(FIXTURE_PARAMETERS.options as IDataObject), inputFields: { fields: { snapshot: 'snapshots', post: 'posts', assessment: 'assessments', alert: 'alerts' } } } });
		expect(result.error).toBeUndefined();
		expect(plain(result.nodeOutput(NODE)[0].report)).toEqual(expected);
	});

	it('counts the period in the workflow’s time zone unless one is given', async () => {
		// 2026-03-09T20:00Z is Monday 04:00 in Shanghai but still Monday 9 March in UTC too; 2026-03-08T20:00Z is Monday in Shanghai, Sunday in UTC.
		const ref = { options: { referenceTime: '2026-03-08T20:00:00Z' } };
		const shanghai = await run(weekFixture() as unknown as IDataObject[], ref, {}, 'Asia/Shanghai');
		const utc = await run(weekFixture() as unknown as IDataObject[], ref, {}, 'UTC');
		const given = await run(weekFixture() as unknown as IDataObject[], { ...ref, timezone: 'Asia/Shanghai' }, {}, 'UTC');
		expect(shanghai.nodeOutput(NODE)[0].period).toMatchObject({ start: '2026-03-02', end: '2026-03-08', timezone: 'Asia/Shanghai' });
		expect(utc.nodeOutput(NODE)[0].period).toMatchObject({ start: '2026-02-23', end: '2026-03-01', timezone: 'UTC' });
		expect(given.nodeOutput(NODE)[0].period).toMatchObject({ start: '2026-03-02', timezone: 'Asia/Shanghai' });
	});

	it('escapes a hostile title in every format, in English when asked', async () => {
		const result = await run(weekFixture() as unknown as IDataObject[], { title: '周报 <script>alert(1)</script> & <b>', language: 'en' });
		const item = result.nodeItems(NODE)[0];
		const html = text(item.binary!.html);
		expect(html).not.toMatch(/<script/i);
		expect(html).not.toContain('<b>');
		expect(html).toContain('&#60;script&#62;');
		expect(html).toContain('Problems and suggestions');
		expect((item.json.report as Report).title).toBe('周报 <script>alert(1)</script> & <b>');
	});

	it('produces only what Outputs asks for', async () => {
		const result = await run(weekFixture() as unknown as IDataObject[], { outputs: ['markdown'] });
		const item = result.nodeItems(NODE)[0];
		expect(Object.keys(item.binary!)).toEqual(['markdown']);
		expect(item.json.report).toBeUndefined();
		expect(item.json.html).toBeUndefined();
		expect(item.json.period).toBeDefined();
	});

	describe('invalid input', () => {
		const bad = (): IDataObject[] => {
			const items = weekFixture().map((s) => ({ ...s })) as unknown as IDataObject[];
			items[3] = { ...items[3], followers: '1,200' };
			items[5] = { ...snapshotToRow(weekFixture()[5] as MetricSnapshot), extra: '{not json' };
			items.push({ hello: 'world' });
			return items;
		};

		it('stops naming the item and the field', async () => {
			const result = await run(bad());
			const error = result.error as (Error & { description?: string }) | undefined;
			expect(error).toBeDefined();
			expect(`${error!.message} ${error!.description ?? ''}`).toMatch(/Item 3: not a valid MetricSnapshot: "followers" Expected number, received string \(got "1,200"\)/);
			expect(error!.description).toContain('"followers"');
		});

		it('under Continue On Fail skips bad items, counts them and returns them as error items', async () => {
			const items = bad();
			const result = await run(items, {}, { onError: 'continueRegularOutput' });
			expect(result.error).toBeUndefined();
			const out = result.nodeItems(NODE);
			expect(out).toHaveLength(4);
			const [report, ...errors] = out;
			expect(report.json.input).toMatchObject({ items: items.length, snapshots: items.length - 3, skippedItems: 3, invalid: 3 });
			expect((report.json.report as Report).input).toMatchObject({ snapshots: items.length, invalid: 3 });
			expect(errors.map((e) => e.pairedItem)).toEqual([{ item: 3 }, { item: 5 }, { item: items.length - 1 }]);
			expect(errors.map((e) => e.json.field)).toEqual(['followers', 'extra', 'item']);
			expect(String(errors[2].json.error)).toMatch(/^Item \d+: not report input/);
		});
	});

	it('accepts and rejects snapshots exactly as the MetricSnapshot schema does (fast path included)', () => {
		const good = weekFixture()[0];
		const variants: Array<Record<string, unknown>> = [
			{},
			{ followers: -1 },
			{ followers: '5' },
			{ followers: NaN },
			{ views: Infinity },
			{ netFollowers: -12 },
			{ periodStart: '2026-3-1' },
			{ timezone: 'Mars/Base' },
			{ timezone: 'Europe/Berlin' },
			{ platform: 'myspace' },
			{ window: 'week' },
			{ collectedAt: '2026-03-01' },
			{ publishedAt: '2026-03-01T25:00:00+08:00' },
			{ extra: { a: null } },
			{ extra: { a: { b: 'x' } } },
			{ extra: { a: { b: 1 }, c: 'x', d: 2 } },
			{ rates: { a: '1' } },
			{ completionRate: 1.5 },
			{ postId: '' },
			{ accountName: 7 },
			{ source: '' },
		];
		for (const change of variants) {
			const snapshot = { ...good, ...change };
			// Empty cells and nulls count as absent (table rows), so the schema judges what rowToSnapshot makes of it.
			const schemaSays = MetricSnapshotSchema.safeParse(rowToSnapshot(snapshot)).success;
			const read = readReportInputs([{ json: snapshot as unknown as IDataObject }], {}, true);
			expect([change, read.snapshots.length === 1]).toEqual([change, schemaSays]);
		}
	});

	it('rejects a bad KPI date with a clear message', async () => {
		const result = await run(weekFixture() as unknown as IDataObject[], { targets: { target: [{ metric: 'followers', changePercent: 30, by: 'next year' }] } });
		expect(result.error?.message).toMatch(/KPI target 1 \(followers\): By Date must be a date like 2026-12-31, got "next year"/);
	});

	it('is usable as an AI tool, with a codex an editor search finds in English and Chinese', () => {
		const description = new OpsReport().description;
		expect(description.usableAsTool).toBe(true);
		expect(description.outputNames).toEqual(['Report', 'Files']);
		const codex = JSON.parse(readFileSync(join(__dirname, '../../nodes/OpsReport/OpsReport.node.json'), 'utf8')) as { alias: string[]; categories: string[] };
		expect(codex.alias).toEqual(expect.arrayContaining(['数据报表', '周报', '月报', '运营报告', 'report', 'KPI']));
		expect(codex.categories.length).toBeGreaterThan(0);
	});
});
