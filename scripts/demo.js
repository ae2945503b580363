#!/usr/bin/env node
'use strict';
/**
 * `npm run demo [-- --once]`: the main job on a fresh machine, no accounts needed.
 * Builds the package, starts the sandbox platform and a real n8n (pinned, installed once into a cache) with
 * the package installed as a community package and every shipped workflow imported, runs the pipeline once,
 * writes what it produced under demo-output/, and keeps the editor on http://127.0.0.1:5678 until Ctrl-C.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'demo-output');
const WORK = path.join(ROOT, '.demo');
const once = process.argv.includes('--once');
const port = Number(process.env.N8N_PORT || 5678);
const sandboxPort = Number(process.env.SANDBOX_PORT || 8787);
const OWNER = { email: 'demo@mediaops.local', password: 'MediaOps-demo-1', firstName: 'Demo', lastName: 'Operator' };

const t0 = Date.now();
const step = (msg) => console.log(`[demo ${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);

function toCsv(rows) {
	if (rows.length === 0) return '';
	const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
	const cell = (v) => {
		if (v === null || v === undefined) return '';
		let s = typeof v === 'object' ? JSON.stringify(v) : String(v);
		if (/^[=+\-@]/.test(s)) s = `'${s}`; // spreadsheet formula injection guard
		return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
	};
	return '\ufeff' + [cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}

async function main() {
	step('building the package (tsc + icons)');
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
	fs.mkdirSync(path.join(WORK, 'pack'), { recursive: true });
	const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', path.join(WORK, 'pack')], { cwd: ROOT, encoding: 'utf8' }));
	const tarball = path.join(WORK, 'pack', packed[0].filename);

	const { startSandbox } = require(path.join(ROOT, 'dist', 'sandbox'));
	const sandbox = await startSandbox({ port: sandboxPort });
	step(`sandbox platform on ${sandbox.url} (WeChat OA API emulation, seeded data)`);

	const { createN8n } = require('./n8n/harness');
	step('preparing n8n (the first run installs n8n 2.8.4 into ~/.cache/mediaops-n8n: several minutes, progress below)');
	fs.rmSync(path.join(WORK, 'n8n'), { recursive: true, force: true });
	const n8n = await createN8n({ workDir: path.join(WORK, 'n8n'), port, env: { GENERIC_TIMEZONE: 'Asia/Shanghai' }, log: (line) => console.log(`  ${line}`) });
	await n8n.installPackage(tarball);
	// Every credential the shipped workflows reference, pointing at the sandbox, so each opens and runs.
	await n8n.importCredentials(require('./sandbox-credentials').sandboxCredentials(sandbox.url));
	const workflows = fs.readdirSync(path.join(ROOT, 'workflows')).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(fs.readFileSync(path.join(ROOT, 'workflows', f), 'utf8')));
	// The demo's copy of the daily collection backfills 60 days so the reports have two full periods to compare;
	// the reports write their files where n8n 2.x allows by default (~/.n8n-files).
	const filesDir = path.join(os.homedir(), '.n8n-files', 'mediaops-demo');
	fs.mkdirSync(filesDir, { recursive: true });
	for (const wf of workflows) {
		for (const node of wf.nodes) {
			if (wf.id === 'mediaopsDailyMetrics' && node.parameters && node.parameters.lastDays) node.parameters.lastDays = 60;
			const assignments = node.name === 'Report settings' && node.parameters.assignments && node.parameters.assignments.assignments;
			if (assignments) for (const a of assignments) if (a.name === 'outputFolder') a.value = filesDir;
		}
	}
	await n8n.importWorkflow(workflows);
	step(`imported ${workflows.length} workflow(s): ${workflows.map((w) => w.name).join('; ')}`);

	const server = await n8n.start();
	await n8n.setupOwner(OWNER);
	step(`n8n is up on ${server.url}`);

	step('running "Daily metrics collection" once (the demo copy backfills 60 days)');
	const run = await n8n.runWorkflow('mediaopsDailyMetrics');
	const rows = await n8n.dataTableRows('mediaops_metric_snapshots');
	fs.mkdirSync(OUT, { recursive: true });
	fs.writeFileSync(path.join(OUT, 'metric-snapshots.json'), JSON.stringify(rows, null, 2));
	fs.writeFileSync(path.join(OUT, 'metric-snapshots.csv'), toCsv(rows));
	fs.writeFileSync(path.join(OUT, 'daily-metrics-run.json'), JSON.stringify(run.data.resultData.runData, null, 2));
	step(`stored ${rows.length} metric rows in the n8n Data Table "mediaops_metric_snapshots"`);

	const { nodeOutput } = require('./n8n/harness');
	for (const [id, label, file] of [
		['mediaopsWeeklyReport', 'Weekly report', 'weekly-report'],
		['mediaopsMonthlyReport', 'Monthly report', 'monthly-report'],
	]) {
		if (!workflows.some((w) => w.id === id)) continue;
		step(`running "${label}" over the stored snapshots`);
		const reportRun = await n8n.runWorkflow(id);
		const [report] = nodeOutput(reportRun, 'Ops Report');
		if (report && report.html) fs.writeFileSync(path.join(OUT, `${file}.html`), String(report.html));
		if (report && report.markdown) fs.writeFileSync(path.join(OUT, `${file}.md`), String(report.markdown));
	}

	console.log(`
What to open:
  ${path.relative(process.cwd(), path.join(OUT, 'metric-snapshots.csv'))}   the stored snapshots (opens in Excel, Chinese intact)
  ${path.relative(process.cwd(), path.join(OUT, 'metric-snapshots.json'))}  the same as JSON
  ${path.relative(process.cwd(), path.join(OUT, 'weekly-report.html'))}      the weekly operations report (charts, KPIs, findings; opens offline)
  ${path.relative(process.cwd(), path.join(OUT, 'monthly-report.md'))}       the monthly report as Markdown, ready for a chat message
  ${server.url}   the n8n editor — log in as ${OWNER.email} / ${OWNER.password}
                  (Overview → workflows; Data tables → mediaops_metric_snapshots)
`);
	const shutdown = async () => {
		step('stopping n8n and the sandbox');
		await n8n.stop().catch(() => undefined);
		await sandbox.close();
		process.exit(0);
	};
	if (once) return shutdown();
	step('editor stays up until Ctrl-C');
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
}

main().catch((e) => {
	console.error(`demo failed: ${e && e.message ? e.message : e}`);
	process.exit(1);
});
