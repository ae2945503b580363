/**
 * Issue 7 item 7: the package as a person meets it in the real n8n editor, driven in Debian's chromium.
 *
 * One n8n 2.8.4 with the packed package, every `workflows/*.json` and the sandbox credentials; the owner's
 * cookie goes into the browser and one page is reused throughout. For every shipped workflow the canvas must
 * draw every node of the JSON, every node of ours (type prefix `n8n-nodes-mediaops.`) with its icon loaded, and
 * each of ours must open its parameter panel (NDV) showing its top-level parameters and its documentation
 * link. The node creator must find every node of ours by a Chinese alias (微信公众号, 数据报表, ...). Console
 * errors, page errors and failed requests to n8n during all of it fail the test, except the few noise filters
 * in editor-support.ts. Nodes and workflows are discovered, never listed here.
 *
 *   npm run build && npx jest --selectProjects e2e --runInBand --forceExit --runTestsByPath test/e2e/editor.test.ts
 *
 * Screenshots (1440×900) of daily-metrics-collection and the other workflow with the most nodes of ours go to
 * .e2e-work/editor/screenshots; with MEDIAOPS_UPDATE_SCREENSHOTS=1 they replace docs/screenshots/*.png
 * (install fonts-noto-cjk first, or Chinese text renders as boxes).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { NodeTypeDescription } from '../../scripts/n8n/harness';
import { PACKAGE_NAME, ROOT, setUpE2e, type E2eEnv } from './support';
import { sandboxCredentials } from '../../scripts/sandbox-credentials';
import { attr, BrowserLog, canvasNodes, launchChromium, poll, SEL, waitForImages, type BrowserProblem } from './editor-support';

const PREFIX = `${PACKAGE_NAME}.`;
const VIEWPORT = { width: 1440, height: 900 };
const SCREENSHOT_DIR =
	process.env.MEDIAOPS_UPDATE_SCREENSHOTS === '1' ? path.join(ROOT, 'docs', 'screenshots') : path.join(ROOT, '.e2e-work', 'editor', 'screenshots');

interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
}
interface ShippedWorkflow {
	file: string;
	json: { id?: string; name?: string; nodes: WorkflowNode[] };
	ours: WorkflowNode[];
}

const WORKFLOWS: ShippedWorkflow[] = fs
	.readdirSync(path.join(ROOT, 'workflows'))
	.filter((f) => f.endsWith('.json'))
	.sort()
	.map((file) => {
		const json = JSON.parse(fs.readFileSync(path.join(ROOT, 'workflows', file), 'utf8')) as ShippedWorkflow['json'];
		return { file, json, ours: json.nodes.filter((n) => n.type.startsWith(PREFIX)) };
	});

/** daily-metrics-collection, and the other workflow that shows the most kinds of our nodes (then: most of ours, file name). */
const kinds = (w: ShippedWorkflow) => new Set(w.ours.map((n) => n.type)).size;
const SCREENSHOT_FILES = new Set(
	[
		'daily-metrics-collection.json',
		[...WORKFLOWS]
			.filter((w) => w.file !== 'daily-metrics-collection.json')
			.sort((a, b) => kinds(b) - kinds(a) || b.ours.length - a.ours.length || a.file.localeCompare(b.file))[0]?.file,
	].filter((f): f is string => !!f && WORKFLOWS.some((w) => w.file === f)),
);

/** Parameters the NDV always shows: top level, no display conditions, and not a notice or hidden field. */
function alwaysShownParameters(description: NodeTypeDescription): Array<{ name: string; displayName: string }> {
	const props = (description.properties ?? []) as Array<{ name: string; displayName: string; type: string; displayOptions?: unknown }>;
	return props.filter((p) => !p.displayOptions && !['hidden', 'notice', 'callout'].includes(p.type));
}

/** The option a subtitle shows by its internal value (e.g. "createApprovalLink" where the option is named "Create Approval Link"). */
function rawOptionValue(description: NodeTypeDescription | undefined, subtitle: string) {
	const props = (description?.properties ?? []) as Array<{ name: string; type: string; options?: Array<{ name?: string; value?: unknown }> }>;
	for (const p of props.filter((x) => x.type === 'options')) {
		const o = (p.options ?? []).find((x) => x.value === subtitle && x.name && x.name !== subtitle);
		if (o) return { parameter: p.name, value: subtitle, name: o.name! };
	}
	return undefined;
}

const hasCjk = (s: string) => /[\u3400-\u9fff]/.test(s);
const codexOf = (d: NodeTypeDescription) =>
	(d.codex ?? {}) as { alias?: string[]; categories?: string[]; resources?: { primaryDocumentation?: Array<{ url: string }> } };

let env: E2eEnv;
let browser: Browser;
let page: Page;
let log: BrowserLog;
let ourTypes: NodeTypeDescription[] = [];
const workflowIds = new Map<string, string>();
const timings: Record<string, number> = {};
const t0 = Date.now();
const mark = (step: string, since: number) => (timings[step] = Math.round((Date.now() - since) / 100) / 10);

beforeAll(async () => {
	// Fail first, and with the fix in the message, when the browser is missing (never skip).
	let since = Date.now();
	browser = await launchChromium();
	mark('chromium launch (s)', since);

	since = Date.now();
	env = await setUpE2e('editor');
	// A user opens these workflows with their credentials set up: import one per credential the workflows reference
	// (WeChat is already there), so panels that list platform data (dynamic dropdowns) can load.
	await env.n8n.importCredentials(sandboxCredentials(env.sandbox.url).filter((c) => c.type !== 'weChatOfficialAccountApi'));
	for (const w of WORKFLOWS) {
		const [id] = await env.n8n.importWorkflow(path.join(ROOT, 'workflows', w.file));
		workflowIds.set(w.file, id);
	}
	await env.n8n.start();
	const owner = await env.n8n.setupOwner();
	const all = await env.n8n.nodeTypes({ descriptions: true, via: 'http' });
	ourTypes = all.filter((d) => d.name.startsWith(PREFIX));
	mark('n8n install, import, start (s)', since);

	const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', timezoneId: 'Asia/Shanghai' });
	await context.addCookies([owner.browserCookie]);
	page = await context.newPage();
	page.setDefaultTimeout(15_000);
	// a workflow left "changed" by opening a panel must not block the next navigation
	page.on('dialog', (d) => void d.accept());
	log = new BrowserLog(env.n8n.url, [PACKAGE_NAME, ...ourTypes.map((d) => d.displayName)]);
	log.attach(page);
});

afterAll(async () => {
	timings['total (s)'] = Math.round((Date.now() - t0) / 100) / 10;
	// printed so the suite's runtime and what the noise filters swallowed stay visible in the test output
	console.info(`editor test timings: ${JSON.stringify(timings)}\nfiltered noise: ${JSON.stringify(log?.noiseCounts() ?? {})}`);
	await browser?.close().catch(() => undefined);
	await env?.close();
});

/** Our node types without the generated `<node>Tool` variants. */
function baseTypes(): NodeTypeDescription[] {
	return ourTypes.filter((d) => !(d.name.endsWith('Tool') && ourTypes.some((b) => `${b.name}Tool` === d.name)));
}

/** The description the editor uses for a node at its typeVersion. */
function descriptionFor(node: WorkflowNode): NodeTypeDescription | undefined {
	return ourTypes.find(
		(d) => d.name === node.type && (Array.isArray(d.version) ? d.version.includes(node.typeVersion) : d.version === node.typeVersion),
	);
}

describe('the n8n editor with n8n-nodes-mediaops', () => {
	it('loads every node the package lists, each with a codex category and a Chinese alias', () => {
		const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
		const loaded = baseTypes().map((d) => d.name);
		// the type name is the class name with a lower-case first letter, by this package's convention
		const typeOf = (file: string) => PREFIX + path.basename(file, '.node.js').replace(/^./, (c) => c.toLowerCase());
		expect({ listedButNotLoaded: pkg.n8n.nodes.filter((f) => !loaded.includes(typeOf(f))), loaded: loaded.length }).toEqual({
			listedButNotLoaded: [],
			loaded: pkg.n8n.nodes.length,
		});
		const gaps = baseTypes().flatMap((d) => {
			const codex = codexOf(d);
			return [
				...((codex.categories ?? []).length ? [] : [`${d.name}: the codex has no category`]),
				...((codex.alias ?? []).some(hasCjk) ? [] : [`${d.name}: the codex has no Chinese alias`]),
			];
		});
		expect(gaps).toEqual([]);
	});

	it.each(WORKFLOWS.map((w) => [w.file, w] as const))('%s: every node has its own id (the canvas draws one node per id)', (_file, w) => {
		const seen = new Map<string, string>();
		const clashes: string[] = [];
		for (const n of w.json.nodes) {
			const other = seen.get(n.id);
			if (other) clashes.push(`"${n.name}" reuses the id of "${other}" (${n.id})`);
			else seen.set(n.id, n.name);
		}
		expect(clashes).toEqual([]);
	});

	it.each(WORKFLOWS.map((w) => [w.file, w] as const))(
		'%s opens on the canvas; every node of ours shows its icon and opens its parameter panel',
		async (file, w) => {
			const since = Date.now();
			const problems: string[] = [];
			const id = workflowIds.get(file)!;

			log.phase = `${file} › open`;
			await page.goto(`${env.n8n.url}/workflow/${id}`);
			await page.waitForSelector(SEL.canvasNode, { timeout: 60_000 });
			// give the canvas the chance to draw every node; a node it never draws is reported below
			await poll(async () => (await page.locator(SEL.flowNode).count()) >= w.json.nodes.length, 10_000);
			await waitForImages(page);

			const drawn = await canvasNodes(page);
			for (const n of w.json.nodes) {
				const d = n.type === 'n8n-nodes-base.stickyNote' ? drawn.find((c) => c.sticky && c.id === n.id) : drawn.find((c) => c.name === n.name);
				if (!d) {
					problems.push(`"${n.name}" (${n.type}) is not drawn on the canvas`);
					continue;
				}
				if (!n.type.startsWith(PREFIX)) continue;
				if (d.type !== n.type) problems.push(`"${n.name}" is drawn as ${d.type}, expected ${n.type}`);
				if (!descriptionFor(n)) problems.push(`"${n.name}": the editor has no node type ${n.type} v${n.typeVersion}`);
				if (d.icon !== 'img' && d.icon !== 'svg') problems.push(`"${n.name}" (${n.type}) icon: ${d.icon}${d.iconSrc ? ` (${d.iconSrc})` : ''}`);
				const raw = d.subtitle ? rawOptionValue(descriptionFor(n), d.subtitle) : undefined;
				if (raw) problems.push(`"${n.name}": the subtitle under the node shows the raw value "${raw.value}" of ${raw.parameter} instead of "${raw.name}"`);
			}

			if (SCREENSHOT_FILES.has(file)) {
				fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
				await page.locator(SEL.zoomOut).click(); // one step out of "fit view", so the canvas controls cover no node
				await page.mouse.move(VIEWPORT.width - 8, VIEWPORT.height / 2); // empty canvas: no hover toolbar or highlighted tab
				await page.waitForTimeout(300);
				await page.screenshot({ path: path.join(SCREENSHOT_DIR, file.replace(/\.json$/, '.png')) });
			}

			for (const n of w.ours) {
				if (!drawn.some((c) => c.name === n.name)) continue;
				problems.push(...(await checkParameterPanel(file, n)));
			}
			mark(`${file} (s)`, since);
			expect(problems).toEqual([]);
		},
	);

	it('the node creator finds every node of ours by a Chinese alias', async () => {
		const since = Date.now();
		log.phase = 'node creator';
		const base = baseTypes();
		// term → node types whose codex lists it: the two aliases the issue names, plus each node's first Chinese alias
		const terms = new Map<string, string[]>();
		for (const term of ['微信公众号', '数据报表']) {
			const types = base.filter((d) => (codexOf(d).alias ?? []).includes(term)).map((d) => d.name);
			if (types.length) terms.set(term, types);
		}
		for (const d of base) {
			const first = (codexOf(d).alias ?? []).find(hasCjk);
			if (first) terms.set(first, [...new Set([...(terms.get(first) ?? []), d.name])]);
		}
		expect(terms.size).toBeGreaterThan(0);

		if (!page.url().includes('/workflow/')) await page.goto(`${env.n8n.url}/workflow/${workflowIds.values().next().value}`);
		await page.waitForSelector(SEL.canvasNode, { timeout: 60_000 });
		await page.locator(SEL.nodeCreatorPlus).click();
		const search = page.locator(SEL.nodeCreatorSearch);
		await search.waitFor({ state: 'visible' });

		const missing: string[] = [];
		for (const [term, types] of terms) {
			await search.fill(term);
			const found = await poll(async () => {
				const ids = await page.locator(SEL.nodeCreatorItem).evaluateAll((els) => els.map((e) => e.getAttribute('data-keyboard-nav-id') ?? ''));
				return types.every((t) => ids.some((id) => id.startsWith(`${t}-`)));
			}, 5_000);
			if (!found) {
				const listed = await page.locator(`${SEL.nodeCreatorItem} [data-test-id="node-creator-item-name"]`).allInnerTexts();
				missing.push(`"${term}" should list ${types.join(', ')}; the panel shows [${listed.join(', ')}]`);
			}
		}
		await page.keyboard.press('Escape');
		mark('node creator (s)', since);
		expect(missing).toEqual([]);
	});

	it('logs no console errors, page errors or failed n8n requests (beyond offline noise)', () => {
		const problems: BrowserProblem[] = log.problems();
		expect(problems.map((p) => `[${p.phase}] ${p.kind}: ${p.text}`)).toEqual([]);
	});
});

/** Opens a node's parameter panel by double-click, checks what it shows, closes it; returns what is wrong. */
async function checkParameterPanel(file: string, node: WorkflowNode): Promise<string[]> {
	const problems: string[] = [];
	const description = descriptionFor(node);
	log.phase = `${file} › parameters of "${node.name}"`;
	try {
		await page.locator(SEL.canvasNode + attr('data-node-name', node.name)).dblclick({ timeout: 10_000 });
		await page.locator(SEL.ndv).waitFor({ state: 'visible', timeout: 10_000 });
	} catch (e) {
		return [`"${node.name}": the parameter panel does not open (${(e as Error).message.split('\n')[0]})`];
	}

	const title = (await page.locator(SEL.ndvTitle).innerText()).trim();
	if (!title.includes(node.name)) problems.push(`"${node.name}": the panel's title is "${title}"`);

	// parameters render after the panel; wait for the first label before reading them
	await page.locator(`${SEL.ndv} ${SEL.ndvParameters} ${SEL.ndvParameterLabel}`).first().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => undefined);
	const labels = await page.$$eval(`${SEL.ndv} ${SEL.ndvParameters} ${SEL.ndvParameterLabel}`, (els) =>
		els.map((l) => ({ for: l.getAttribute('for') ?? '', text: (l.textContent ?? '').trim() })),
	);
	if (labels.length === 0) problems.push(`"${node.name}": the panel shows no parameters`);
	for (const p of description ? alwaysShownParameters(description) : []) {
		const shown = labels.some((l) => l.for === p.name || l.text.split('\n')[0].trim() === p.displayName);
		if (!shown) {
			problems.push(
				`"${node.name}": parameter "${p.displayName}" (${p.name}) is not in the panel; it shows [${labels.map((l) => l.text.split('\n')[0].trim()).join(', ')}]`,
			);
		}
	}

	const docs = description ? codexOf(description).resources?.primaryDocumentation?.[0]?.url : undefined;
	if (!docs) problems.push(`"${node.name}": the codex has no primaryDocumentation link`);
	else {
		const hrefs = await page.$$eval(`${SEL.ndv} a[href]`, (as) => as.map((a) => (a as unknown as { href: string }).href));
		if (!hrefs.some((h) => h.startsWith(docs))) problems.push(`"${node.name}": the panel has no Docs link to ${docs}`);
	}

	await page.locator(SEL.ndvClose).click();
	await page.locator(SEL.ndv).waitFor({ state: 'hidden', timeout: 10_000 });
	return problems;
}
