/**
 * Rendering check: generated HTML reports opened in headless Chromium (Debian's `chromium` package, driven
 * by playwright-core). The SVG charts must lay out (non-zero boxes, as many as the page carries), the page
 * must log no error, load nothing but itself, run no script, and show a hostile title as text. The
 * committed sample report is screenshotted to docs/sample-report.png for the README.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildReport, renderHtml } from '../../lib/report';
import { benchOptions, syntheticSnapshots } from '../../bench/report';
import { ROOT } from './support';

const CHROMIUM = '/usr/bin/chromium';
const SAMPLE = path.join(ROOT, 'docs', 'sample-report.html');
const SCREENSHOT = path.join(ROOT, 'docs', 'sample-report.png');
const HOSTILE = 'Weekly <script>alert(1)</script> & <img src=x onerror=alert(2)>';

let context: BrowserContext;
let userDataDir: string;

beforeAll(async () => {
	if (!fs.existsSync(CHROMIUM)) {
		throw new Error(`Debian's chromium is missing (${CHROMIUM}): .ci/run must install it (apt-get update && apt-get install -y chromium)`);
	}
	userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaops-chromium-'));
	context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: CHROMIUM,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
		viewport: { width: 900, height: 1400 },
		offline: true,
	});
});

afterAll(async () => {
	await context?.close();
	if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

interface Opened {
	page: Page;
	errors: string[];
	requests: string[];
}

/** Opens a file and records console errors, page errors and every request the page makes. */
async function open(file: string): Promise<Opened> {
	const page = await context.newPage();
	const errors: string[] = [];
	const requests: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error' || m.type() === 'warning') errors.push(`console.${m.type()}: ${m.text()}`);
	});
	page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
	page.on('dialog', (d) => {
		errors.push(`dialog: ${d.message()}`);
		void d.dismiss();
	});
	page.on('request', (r) => requests.push(r.url()));
	await page.goto(`file://${file}`, { waitUntil: 'load' });
	return { page, errors, requests };
}

/** Every chart and every chart mark has a real box on the page; counts equal what the HTML carries. */
async function expectChartsRender(page: Page, html: string): Promise<{ charts: number; lines: number; bars: number }> {
	const count = (re: RegExp) => (html.match(re) ?? []).length;
	const expected = { charts: count(/<svg\b/g), lines: count(/<polyline\b/g), bars: count(/<rect\b/g) };
	const charts = page.locator('svg');
	expect(await charts.count()).toBe(expected.charts);
	expect(expected.charts).toBeGreaterThanOrEqual(3);
	for (let i = 0; i < expected.charts; i++) {
		const box = await charts.nth(i).boundingBox();
		expect(box && box.width > 100 && box.height > 50).toBe(true);
	}
	const lines = page.locator('svg polyline');
	expect(await lines.count()).toBe(expected.lines);
	expect(expected.lines).toBeGreaterThan(0);
	for (let i = 0; i < expected.lines; i++) {
		const box = await lines.nth(i).boundingBox();
		expect(box !== null && box.width > 10).toBe(true);
	}
	const bars = page.locator('svg rect');
	expect(await bars.count()).toBe(expected.bars);
	let visibleBars = 0;
	for (let i = 0; i < expected.bars; i++) {
		const box = await bars.nth(i).boundingBox();
		if (box && box.width > 0 && box.height > 0) visibleBars++;
	}
	// Bars of value 0 have no width; most bars and all legend swatches do.
	expect(visibleBars).toBeGreaterThan(expected.bars / 2);
	return expected;
}

describe('HTML report in headless Chromium', () => {
	it('renders the committed sample report (zh): charts laid out, no console errors, nothing loaded; saves the README screenshot', async () => {
		const html = fs.readFileSync(SAMPLE, 'utf8');
		const { page, errors, requests } = await open(SAMPLE);
		const found = await expectChartsRender(page, html);
		expect(found.bars).toBeGreaterThan(10);
		expect(errors).toEqual([]);
		expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
		expect(await page.locator('script').count()).toBe(0);
		expect(await page.locator('h2').first().textContent()).toBe('核心指标');
		await page.screenshot({ path: SCREENSHOT, clip: { x: 0, y: 0, width: 900, height: 1400 } });
		expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(20_000);
		await page.close();
	});

	it('renders a freshly generated report (en) and shows a hostile title as text, running nothing', async () => {
		const report = buildReport(syntheticSnapshots(5_000), { ...benchOptions(), period: 'month', title: HOSTILE });
		const html = renderHtml(report, { language: 'en' });
		const file = path.join(userDataDir, 'generated-report.html');
		fs.writeFileSync(file, html);
		const { page, errors, requests } = await open(file);
		await expectChartsRender(page, html);
		expect(errors).toEqual([]);
		expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
		expect(await page.title()).toBe(HOSTILE);
		expect(await page.locator('script, img').count()).toBe(0);
		expect(await page.getByText(HOSTILE).count()).toBeGreaterThan(0);
		expect(await page.locator('h2').first().textContent()).toBe('Key metrics');
		await page.close();
	});
});
