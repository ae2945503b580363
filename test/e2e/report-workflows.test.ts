/**
 * The report workflows end to end in a real n8n: the daily collection (a copy collecting 100 days instead of
 * 3) fills the Data Table from the sandbox, then workflows/weekly-report.json and monthly-report.json run
 * as shipped (only the output folder and, for the weekly one, a hostile title changed) and their numbers are
 * checked against the sandbox's seeded truth; the files land on disk under n8n 2.x's default file-access
 * rule (~/.n8n-files), in Chinese, with user text escaped.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DateTime } from 'luxon';
import { nodeOutput, type N8nRun } from '../../scripts/n8n/harness';
import { SANDBOX_WECHAT_ACCOUNTS } from '../../sandbox';
import { eachDay } from '../../lib/time/date-range';
import { PACKAGE_NAME, readWorkflow, setUpE2e, type E2eEnv } from './support';

const TABLE = 'mediaops_metric_snapshots';
const ZONE = 'Asia/Shanghai';
const account = SANDBOX_WECHAT_ACCOUNTS[0];
const HOSTILE_TITLE = '新媒体运营周报 <script>alert("x")</script> & <b>粗</b>';

type Node = { name: string; parameters: Record<string, unknown> };
type Workflow = { id: string; nodes: Node[] };
type Json = Record<string, unknown>;

// n8n 2.x's default N8N_RESTRICT_FILE_ACCESS_TO is ~/.n8n-files of the user running n8n (this user here).
const filesRoot = path.join(os.homedir(), '.n8n-files');
const createdRoot = !fs.existsSync(filesRoot);
const outDir = path.join(filesRoot, `mediaops-e2e-${process.pid}`);

let env: E2eEnv;
const timings: Record<string, number> = {};

function edit(wf: Workflow, nodeName: string, change: (p: Record<string, unknown>) => void): Workflow {
	const node = wf.nodes.find((n) => n.name === nodeName);
	if (!node) throw new Error(`${wf.id} has no node "${nodeName}"`);
	change(node.parameters);
	return wf;
}

function withFolder(file: string, folder: string): Workflow {
	fs.mkdirSync(folder, { recursive: true });
	return edit(readWorkflow(file) as unknown as Workflow, 'Report settings', (p) => {
		const assignments = (p.assignments as { assignments: Array<{ name: string; value: string }> }).assignments;
		assignments.find((a) => a.name === 'outputFolder')!.value = folder;
	});
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
	const t0 = Date.now();
	try {
		return await work();
	} finally {
		timings[label] = Date.now() - t0;
	}
}

beforeAll(async () => {
	env = await timed('set-up (pack, sandbox, n8n, package)', () => setUpE2e('report-workflows'));
	// The shipped daily workflow collects 3 days; a month and the month before it need ~100.
	const daily = readWorkflow('daily-metrics-collection.json') as unknown as Workflow;
	for (const name of ['Account Metrics', 'Post Metrics']) edit(daily, name, (p) => (p.lastDays = 100));
	const weekly = edit(withFolder('weekly-report.json', path.join(outDir, 'weekly')), 'Ops Report', (p) => (p.title = HOSTILE_TITLE));
	const monthly = withFolder('monthly-report.json', path.join(outDir, 'monthly'));
	await env.n8n.importWorkflow([daily, weekly, monthly]);
	await env.n8n.start();
	await timed('seed: daily collection of 100 days', () => env.n8n.runWorkflow('mediaopsDailyMetrics'));
});

afterAll(async () => {
	await env?.close();
	fs.rmSync(outDir, { recursive: true, force: true });
	if (createdRoot) fs.rmSync(filesRoot, { recursive: true, force: true });
	console.log(`report-workflows timings (ms): ${JSON.stringify(timings)}`);
});

/** What the sandbox says about the brand account over some days. */
function truthOver(days: string[]) {
	const t = env.sandbox.wechat;
	const users = days.flatMap((d) => t.userDay(account.appId, d));
	return {
		newFollowers: users.reduce((s, u) => s + u.new_user, 0),
		lostFollowers: users.reduce((s, u) => s + u.cancel_user, 0),
		views: days.reduce((s, d) => s + t.bizDay(account.appId, d).read_user, 0),
		followersAtEnd: t.cumulate(account.appId, days[days.length - 1]),
	};
}

interface ReportRun {
	run: N8nRun;
	item: Json;
	files: string[];
	folder: string;
}

async function runReport(id: string, folder: string): Promise<ReportRun> {
	const run = await timed(`${id} run`, () => env.n8n.runWorkflow(id));
	const [item] = nodeOutput(run, 'Ops Report');
	const written = nodeOutput(run, 'Write report files').map((j) => String(j.fileName));
	return { run, item, files: written, folder };
}

function expectNumbersMatchTruth(item: Json, start: string, end: string): void {
	const period = item.period as Json;
	expect(period).toMatchObject({ start, end, timezone: ZONE });
	const days = eachDay({ start, end });
	const truth = truthOver(days);
	const totals = item.totals as Json;
	expect(totals.newFollowers).toBe(truth.newFollowers);
	expect(totals.lostFollowers).toBe(truth.lostFollowers);
	expect(totals.netFollowers).toBe(truth.newFollowers - truth.lostFollowers);
	expect(totals.followers).toBe(truth.followersAtEnd);
	expect(totals.views).toBe(truth.views);
	// The comparison period: the same number of days just before.
	const prev = eachDay({ start: String(period.previousStart), end: String(period.previousEnd) });
	expect(prev).toHaveLength(days.length);
	const before = truthOver(prev);
	const changes = (item.report as { trends: { changes: Array<Json> } }).trends.changes.filter((r) => r.scope === 'all');
	expect(changes.find((r) => r.metric === 'newFollowers')).toMatchObject({ current: truth.newFollowers, previous: before.newFollowers });
	expect(changes.find((r) => r.metric === 'followers')).toMatchObject({ current: truth.followersAtEnd, previous: before.followersAtEnd });
}

function expectFiles(r: ReportRun, prefix: string, start: string, end: string): { html: string; md: string; csv: Record<string, Buffer> } {
	const base = `${prefix}_${start}_${end}`;
	const onDisk = fs.readdirSync(r.folder).sort();
	expect(onDisk).toEqual(expect.arrayContaining([`${base}.html`, `${base}.md`, `${base}_summary.csv`, `${base}_daily.csv`, `${base}_statistics.csv`]));
	expect(r.files.map((f) => path.basename(f)).sort()).toEqual(onDisk);
	const html = fs.readFileSync(path.join(r.folder, `${base}.html`), 'utf8');
	const md = fs.readFileSync(path.join(r.folder, `${base}.md`), 'utf8');
	const csv = Object.fromEntries(onDisk.filter((f) => f.endsWith('.csv')).map((f) => [f.slice(base.length + 1, -4), fs.readFileSync(path.join(r.folder, f))]));
	for (const label of ['核心指标', '问题与建议', '趋势', '粉丝数', '新增关注']) expect(html).toContain(label);
	expect(html).toMatch(/<svg[^>]*role="img"/);
	expect(md).toContain('## 问题与建议');
	for (const [name, content] of Object.entries(csv)) {
		expect([name, content.subarray(0, 3).toString('hex')]).toEqual([name, 'efbbbf']);
	}
	expect(csv.summary.toString('utf8')).toContain('指标');
	return { html, md, csv };
}

describe('weekly-report and monthly-report in real n8n', () => {
	it('loads the Ops Report node and its AI tool variant', async () => {
		const types = await env.n8n.nodeTypes({ via: 'cli' });
		expect(types).toEqual(expect.arrayContaining([`${PACKAGE_NAME}.opsReport`, `${PACKAGE_NAME}.opsReportTool`]));
	});

	it('seeded the Data Table with 100 days of the sandbox account', async () => {
		const rows = await env.n8n.dataTableRows(TABLE);
		const accountDays = rows.filter((r) => !r.postId).map((r) => String(r.periodStart));
		expect(new Set(accountDays).size).toBe(100);
	});

	describe('weekly (previous complete week, Asia/Shanghai)', () => {
		let r: ReportRun;
		let start: string;
		let end: string;
		beforeAll(async () => {
			r = await runReport('mediaopsWeeklyReport', path.join(outDir, 'weekly'));
			const generated = DateTime.fromISO(String(r.item.generatedAt), { zone: ZONE });
			start = generated.startOf('week').minus({ weeks: 1 }).toISODate()!;
			end = generated.startOf('week').minus({ days: 1 }).toISODate()!;
		});

		it('reports last Monday..Sunday with the week’s new followers, the level at the end and views equal to the sandbox truth', () => {
			expect(r.item.period).toMatchObject({ kind: 'week', days: 7 });
			expectNumbersMatchTruth(r.item, start, end);
			expect((r.item.input as Json).skippedItems).toBe(0);
		});

		it('writes the HTML, Markdown and CSV files with Chinese labels, and escapes a <script> title', () => {
			const { html, md, csv } = expectFiles(r, 'weekly-report', start, end);
			expect(html).not.toMatch(/<script/i);
			expect(html).not.toContain('<b>');
			expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;');
			// Markdown: backslash-escaped, so chat renderers show the brackets as text.
			expect(md).toContain('\\<script\\>');
			expect(md).not.toMatch(/(^|[^\\])<(script|b)\b/m);
			expect(r.item.title).toBe(HOSTILE_TITLE);
			const summary = csv.summary.toString('utf8');
			const newFollowersRow = summary.split('\r\n').find((line) => line.startsWith('新增关注,'));
			expect(newFollowersRow?.split(',')[1]).toBe(String((r.item.totals as Json).newFollowers));
		});

		it('keeps the app secret out of the report', () => {
			expect(JSON.stringify(r.item)).not.toContain(account.appSecret);
		});
	});

	describe('monthly (previous calendar month)', () => {
		let r: ReportRun;
		let start: string;
		let end: string;
		beforeAll(async () => {
			r = await runReport('mediaopsMonthlyReport', path.join(outDir, 'monthly'));
			const generated = DateTime.fromISO(String(r.item.generatedAt), { zone: ZONE });
			start = generated.startOf('month').minus({ months: 1 }).toISODate()!;
			end = generated.startOf('month').minus({ days: 1 }).toISODate()!;
		});

		it('reports the previous month with totals equal to the sandbox truth', () => {
			expect(r.item.period).toMatchObject({ kind: 'month' });
			expectNumbersMatchTruth(r.item, start, end);
			expect(r.item.title).toBe('新媒体运营月报');
		});

		it('writes the files into the configured folder', () => {
			const { html } = expectFiles(r, 'monthly-report', start, end);
			expect(html).toContain('新媒体运营月报');
		});
	});
});
