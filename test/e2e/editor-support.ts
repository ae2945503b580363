/**
 * Browser helpers for the editor test (test/e2e/editor.test.ts): Debian's chromium driven by playwright-core,
 * the selectors of n8n 2.8.4's editor (found by dumping its DOM), and a console/page-error log with the few
 * filters for noise an offline n8n editor always produces.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { INodeType } from 'n8n-workflow';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { schemaFilesFor } from '../../scripts/build-schemas';

const PACKAGE_PREFIX = 'n8n-nodes-mediaops.';

/** Our node types that ship no output schema by design (the triggers, see scripts/build-schemas.js). */
const TYPES_WITHOUT_SCHEMA: ReadonlySet<string> = (() => {
	const root = path.resolve(__dirname, '..', '..');
	const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
	const types = new Set<string>();
	for (const file of pkg.n8n.nodes) {
		const mod = require(path.join(root, file.replace(/^dist\//, '').replace(/\.js$/, ''))) as Record<string, new () => INodeType>;
		const { description } = new (Object.values(mod)[0])();
		if (schemaFilesFor(description).length === 0) types.add(PACKAGE_PREFIX + description.name);
	}
	return types;
})();

export const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** Launches Debian's chromium (never a downloaded browser); a missing binary is a failure with the fix in its message. */
export async function launchChromium(): Promise<Browser> {
	if (!fs.existsSync(CHROMIUM_PATH)) {
		throw new Error(
			`The editor test needs Debian's chromium at ${CHROMIUM_PATH}, which is missing. ` +
				'Install it with `apt-get update && apt-get install -y chromium` (.ci/run does this in CI).',
		);
	}
	return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** n8n 2.8.4 editor selectors (data-test-id attributes of its Vue components). */
export const SEL = {
	/** every node on the canvas, sticky notes included; data-id is the workflow node's id */
	flowNode: '.vue-flow__node',
	/** a regular node (not a sticky note), with data-node-name and data-node-type */
	canvasNode: '[data-test-id="canvas-node"]',
	sticky: '[data-test-id="sticky"]',
	/** the node's icon container inside a canvas node; holds an <img> (file: icons) or an inline <svg> */
	canvasNodeIcon: '.n8n-node-icon',
	/** the grey line under a node's name (the description's `subtitle`); its class is a CSS-module name */
	canvasNodeSubtitle: '[data-test-id="canvas-default-node"] [class*="_subtitle_"]',
	zoomOut: '[data-test-id="zoom-out-button"]',
	ndv: '[data-test-id="ndv"]',
	ndvTitle: '[data-test-id="node-title-container"]',
	ndvClose: '[data-test-id="ndv-close-button"]',
	ndvParameters: '[data-test-id="node-parameters"]',
	/** NDV parameter labels are <label for="<parameter name>" class="n8n-input-label"> */
	ndvParameterLabel: 'label.n8n-input-label',
	nodeCreator: '[data-test-id="node-creator"]',
	nodeCreatorPlus: '[data-test-id="node-creator-plus-button"]',
	nodeCreatorSearch: '[data-test-id="node-creator-search-bar"]',
	/** a result row; data-keyboard-nav-id is `<node type>-<uuid>` */
	nodeCreatorItem: '[data-test-id="item-iterator-item"]',
} as const;

/** CSS attribute selector for an exact value (node names may contain spaces, quotes, Chinese). */
export const attr = (name: string, value: string) => `[${name}=${JSON.stringify(value)}]`;

export interface BrowserProblem {
	kind: 'console' | 'pageerror' | 'requestfailed' | 'http';
	/** what the test was doing when it happened, e.g. "daily-metrics-collection.json › NDV of Account Metrics" */
	phase: string;
	text: string;
	url?: string;
}

/**
 * Known noise of an n8n 2.8.4 editor without internet access. Each filter is narrow on purpose: anything else
 * that reaches the console as an error fails the test.
 */
const NOISE: Array<{ why: string; test: (p: BrowserProblem, origin: string) => boolean }> = [
	{
		// banners.store fetches "dynamic banners" from api.n8n.io on every page load; offline that fetch fails and
		// the store logs it. Not related to any node.
		why: 'n8n dynamic banners fetched from api.n8n.io',
		test: (p) => p.kind === 'console' && p.text.startsWith('Failed to fetch dynamic banners:'),
	},
	{
		// Chromium logs every failed network request; requests to hosts other than our n8n (api.n8n.io banners,
		// telemetry) cannot resolve in this sandbox. A failed request to the n8n server itself is NOT filtered.
		why: 'network failure to an external host (no internet here)',
		test: (p, origin) =>
			(p.kind === 'console' && p.text.startsWith('Failed to load resource: net::ERR_') && !!p.url && !p.url.startsWith(origin)) ||
			(p.kind === 'requestfailed' && !!p.url && !p.url.startsWith(origin)),
	},
	{
		// Opening a node's panel makes the editor ask GET /schemas/<type>/<version>/<resource>/<operation>.json for the
		// *upstream* node's output schema (its "schema preview"); n8n answers 404 when that node ships no
		// __schema__ file, and Chromium logs the 404. Filtered only for nodes that are not ours: a 404 for one of
		// our node types stays a failure (ship nodes/<Node>/__schema__/v1.0.0/<operation>.json).
		why: "schema preview probe for another package's node",
		test: (p, origin) =>
			(p.kind === 'http' || (p.kind === 'console' && p.text.includes('status of 404'))) &&
			!!p.url &&
			p.url.startsWith(`${origin}/schemas/`) &&
			!p.url.startsWith(`${origin}/schemas/${PACKAGE_PREFIX}`),
	},
	{
		// The same probe for one of our triggers, which ship no schema on purpose: the input panel asks for the
		// upstream trigger's schema only to decide whether to offer a preview, and n8n never shows one for a trigger
		// (VirtualSchema: "Trigger nodes do not have schema previews"), as for n8n's own triggers.
		why: 'schema preview probe for one of our triggers (n8n shows no trigger schema preview)',
		test: (p, origin) =>
			(p.kind === 'http' || (p.kind === 'console' && p.text.includes('status of 404'))) &&
			!!p.url &&
			[...TYPES_WITHOUT_SCHEMA].some((type) => p.url!.startsWith(`${origin}/schemas/${type}/`)),
	},
];

/** Collects console errors, page errors, failed requests and HTTP ≥ 400 answers of the n8n server while the test runs. */
export class BrowserLog {
	readonly all: BrowserProblem[] = [];
	phase = 'start';

	constructor(
		private readonly origin: string,
		/** words that tie a console warning to our package (type prefix, display names) */
		private readonly ours: string[],
	) {}

	attach(page: Page): void {
		page.on('console', (m) => this.onConsole(m));
		page.on('pageerror', (e) => this.all.push({ kind: 'pageerror', phase: this.phase, text: `${e.name}: ${e.message}\n${e.stack ?? ''}` }));
		page.on('requestfailed', (r) => {
			// an aborted request is the editor cancelling its own fetch (navigation, superseded search)
			const error = r.failure()?.errorText ?? '';
			if (error === 'net::ERR_ABORTED') return;
			this.all.push({ kind: 'requestfailed', phase: this.phase, text: `${r.method()} ${r.url()}: ${error}`, url: r.url() });
		});
		page.on('response', (r) => {
			if (r.status() >= 400 && r.url().startsWith(this.origin)) {
				this.all.push({ kind: 'http', phase: this.phase, text: `HTTP ${r.status()} ${r.request().method()} ${r.url()}`, url: r.url() });
			}
		});
	}

	private onConsole(m: ConsoleMessage): void {
		const text = m.text();
		const isOurWarning = m.type() === 'warning' && this.ours.some((w) => text.includes(w));
		if (m.type() !== 'error' && !isOurWarning) return;
		this.all.push({ kind: 'console', phase: this.phase, text: `${m.type()}: ${text}`.replace(/^error: /, ''), url: m.location().url });
	}

	/** Everything that is not known noise. */
	problems(): BrowserProblem[] {
		return this.all.filter((p) => !NOISE.some((n) => n.test(p, this.origin)));
	}

	/** How often each noise filter matched (printed so a reader sees what was filtered). */
	noiseCounts(): Record<string, number> {
		const counts: Record<string, number> = {};
		for (const p of this.all) {
			const n = NOISE.find((f) => f.test(p, this.origin));
			if (n) counts[n.why] = (counts[n.why] ?? 0) + 1;
		}
		return counts;
	}
}

export interface CanvasNode {
	/** the workflow node's id (vue-flow's data-id) */
	id: string;
	/** regular nodes only (sticky notes carry no name in the DOM) */
	name?: string;
	type?: string;
	sticky: boolean;
	/** 'img' (loaded, natural size > 0), 'img-broken', 'svg' (inline), or 'none' */
	icon: 'img' | 'img-broken' | 'svg' | 'none';
	iconSrc?: string;
	subtitle?: string;
}

/** The nodes drawn on the canvas, sticky notes included, with the state of each regular node's icon. */
export async function canvasNodes(page: Page): Promise<CanvasNode[]> {
	return page.$$eval(
		SEL.flowNode,
		(els, sel) =>
			els.map((el) => {
				const node = el.querySelector(sel.canvasNode);
				const box = node?.querySelector(sel.icon);
				const img = box?.querySelector('img');
				const svg = box?.querySelector('svg');
				let icon: 'img' | 'img-broken' | 'svg' | 'none' = 'none';
				if (img) icon = img.complete && img.naturalWidth > 0 && img.naturalHeight > 0 ? 'img' : 'img-broken';
				else if (svg) icon = 'svg';
				return {
					id: el.getAttribute('data-id') ?? '',
					name: node?.getAttribute('data-node-name') ?? undefined,
					type: node?.getAttribute('data-node-type') ?? undefined,
					sticky: !!el.querySelector(sel.sticky),
					icon,
					iconSrc: img?.getAttribute('src') ?? undefined,
					subtitle: node?.querySelector(sel.subtitle)?.textContent?.trim() || undefined,
				};
			}),
		{ canvasNode: SEL.canvasNode, icon: SEL.canvasNodeIcon, sticky: SEL.sticky, subtitle: SEL.canvasNodeSubtitle },
	);
}

/** Polls `probe` until it returns true or `timeoutMs` passes; resolves whether it became true. */
export async function poll(probe: () => Promise<boolean>, timeoutMs: number, intervalMs = 200): Promise<boolean> {
	const end = Date.now() + timeoutMs;
	for (;;) {
		if (await probe().catch(() => false)) return true;
		if (Date.now() >= end) return false;
		await new Promise((r) => setTimeout(r, intervalMs));
	}
}

/** Waits until every <img> on the page has finished loading (or failed) and fonts are ready, so icon checks and screenshots are stable. */
export async function waitForImages(page: Page, timeoutMs = 10_000): Promise<void> {
	await poll(() => page.$$eval('img', (imgs) => imgs.every((i) => (i as unknown as { complete: boolean }).complete)), timeoutMs);
	await page.evaluate('document.fonts.ready.then(() => true)');
}
