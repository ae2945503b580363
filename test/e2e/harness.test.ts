/**
 * Proves scripts/n8n/harness.js against the real pinned n8n, with a throw-away community package
 * (plain JS, generated here): install → node types → credentials → headless execute (success and
 * failure) → publish a webhook workflow → start → call the webhook → owner login → run workflows
 * inside the server (Data Table create + upsert, rows read back over REST, table deleted) → stop.
 *
 *   npx jest --selectProjects e2e --runTestsByPath test/e2e/harness.test.ts --runInBand --forceExit
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

import { createN8n, nodeOutput, type N8nInstance } from '../../scripts/n8n/harness';

// `testTimeout` in a jest *project* entry is ignored (it is a global option), so set it here.
// The first real-n8n step of a fresh machine may include the cold n8n install (about 4 minutes).
jest.setTimeout(15 * 60 * 1000);

const PKG = 'n8n-nodes-mediaops-probe';
const PROBE = `${PKG}.mediaopsProbe`;

const probeNode = `'use strict';
class MediaopsProbe {
	constructor() {
		this.description = {
			displayName: 'MediaOps Probe',
			name: 'mediaopsProbe',
			group: ['transform'],
			version: 1,
			description: 'Echoes its input (harness test)',
			defaults: { name: 'MediaOps Probe' },
			inputs: ['main'],
			outputs: ['main'],
			usableAsTool: true,
			credentials: [{ name: 'mediaopsProbeApi', required: false }],
			properties: [
				{ displayName: 'Tag', name: 'tag', type: 'string', default: 'probe' },
				{ displayName: 'Fail With', name: 'failWith', type: 'string', default: '' },
				{ displayName: 'Use Credential', name: 'useCredential', type: 'boolean', default: false },
			],
		};
	}
	async execute() {
		const items = this.getInputData();
		const failWith = this.getNodeParameter('failWith', 0, '');
		if (failWith) throw new Error(failWith);
		const useCredential = this.getNodeParameter('useCredential', 0, false);
		const creds = useCredential ? await this.getCredentials('mediaopsProbeApi') : undefined;
		return [
			items.map((item, i) => ({
				json: {
					ok: true,
					tag: this.getNodeParameter('tag', i),
					input: item.json,
					...(creds ? { token: creds.token } : {}),
				},
				pairedItem: { item: i },
			})),
		];
	}
}
module.exports = { MediaopsProbe };
`;

const probeCredential = `'use strict';
class MediaopsProbeApi {
	constructor() {
		this.name = 'mediaopsProbeApi';
		this.displayName = 'MediaOps Probe API';
		this.properties = [{ displayName: 'Token', name: 'token', type: 'string', typeOptions: { password: true }, default: '' }];
	}
}
module.exports = { MediaopsProbeApi };
`;

function writeProbePackage(dir: string): void {
	const nodeDir = path.join(dir, 'dist', 'nodes', 'MediaopsProbe');
	const credDir = path.join(dir, 'dist', 'credentials');
	fs.mkdirSync(nodeDir, { recursive: true });
	fs.mkdirSync(credDir, { recursive: true });
	fs.writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify(
			{
				name: PKG,
				version: '0.0.1',
				keywords: ['n8n-community-node-package'],
				license: 'MIT',
				main: 'index.js',
				files: ['index.js', 'dist'],
				n8n: {
					n8nNodesApiVersion: 1,
					credentials: ['dist/credentials/MediaopsProbeApi.credentials.js'],
					nodes: ['dist/nodes/MediaopsProbe/MediaopsProbe.node.js'],
				},
				peerDependencies: { 'n8n-workflow': '*' },
			},
			null,
			2,
		),
	);
	fs.writeFileSync(path.join(dir, 'index.js'), 'module.exports = {};\n');
	fs.writeFileSync(path.join(nodeDir, 'MediaopsProbe.node.js'), probeNode);
	fs.writeFileSync(path.join(credDir, 'MediaopsProbeApi.credentials.js'), probeCredential);
}

const CRED_ID = 'probeCred000001';

function manualWorkflow(id: string, name: string, probeParams: Record<string, unknown>) {
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: `${id}-t`, name: 'Manual', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: `${id}-p`,
				name: 'Probe',
				type: PROBE,
				typeVersion: 1,
				position: [220, 0],
				parameters: probeParams,
				credentials: { mediaopsProbeApi: { id: CRED_ID, name: 'Probe token' } },
			},
		],
		connections: { Manual: { main: [[{ node: 'Probe', type: 'main', index: 0 }]] } },
	};
}

const WEBHOOK_PATH = 'mediaops-probe';
const webhookWorkflow = {
	id: 'probeWebhook001',
	name: 'Probe webhook',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{
			id: 'wh-trigger',
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: '6a0d1f3e-5b7c-4e2a-9d11-0c0ffee00001',
			parameters: { httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'lastNode', options: {} },
		},
		{ id: 'wh-probe', name: 'Probe', type: PROBE, typeVersion: 1, position: [220, 0], parameters: { tag: 'web' } },
	],
	connections: { Webhook: { main: [[{ node: 'Probe', type: 'main', index: 0 }]] } },
};

/**
 * Manual → Probe (community node) → Data Table create (reused when it exists) → Code (3 rows) →
 * Data Table upsert keyed on `a`. Data Tables are an n8n module: only a started server has them.
 */
const DT_TABLE = 'probe_table';
const DT_ROWS = [
	{ a: 'alpha', b: 1 },
	{ a: 'beta', b: 2.5 },
	{ a: 'γ-伽马', b: -3 },
];
const dataTableWorkflow = {
	id: 'probeDataTbl001',
	name: 'Probe data table',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{ id: 'dt-t', name: 'Manual', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{ id: 'dt-p', name: 'Probe', type: PROBE, typeVersion: 1, position: [200, 0], parameters: { tag: 'in-server' } },
		{
			id: 'dt-c',
			name: 'Create table',
			type: 'n8n-nodes-base.dataTable',
			typeVersion: 1.1,
			position: [400, 0],
			parameters: {
				resource: 'table',
				operation: 'create',
				tableName: DT_TABLE,
				columns: {
					column: [
						{ name: 'a', type: 'string' },
						{ name: 'b', type: 'number' },
					],
				},
				options: { createIfNotExists: true },
			},
		},
		{
			id: 'dt-r',
			name: 'Rows',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [600, 0],
			parameters: { jsCode: `return ${JSON.stringify(DT_ROWS)}.map((json) => ({ json }));` },
		},
		{
			id: 'dt-u',
			name: 'Upsert',
			type: 'n8n-nodes-base.dataTable',
			typeVersion: 1.1,
			position: [800, 0],
			parameters: {
				resource: 'row',
				operation: 'upsert',
				dataTableId: { __rl: true, mode: 'name', value: DT_TABLE },
				filters: { conditions: [{ keyName: 'a', condition: 'eq', keyValue: '={{ $json.a }}' }] },
				columns: { mappingMode: 'autoMapInputData', value: null },
				options: {},
			},
		},
	],
	connections: {
		Manual: { main: [[{ node: 'Probe', type: 'main', index: 0 }]] },
		Probe: { main: [[{ node: 'Create table', type: 'main', index: 0 }]] },
		'Create table': { main: [[{ node: 'Rows', type: 'main', index: 0 }]] },
		Rows: { main: [[{ node: 'Upsert', type: 'main', index: 0 }]] },
	},
};

async function portFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const srv = net.createServer();
		srv.once('error', () => resolve(false));
		srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
	});
}

async function pickPort(from: number): Promise<number> {
	for (let p = from; p < from + 50; p++) if (await portFree(p)) return p;
	throw new Error(`no free port in ${from}..${from + 49}`);
}

describe('n8n harness (real n8n, throw-away community package)', () => {
	let tmp: string;
	let n8n: N8nInstance;

	beforeAll(async () => {
		tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaops-harness-'));
		writeProbePackage(path.join(tmp, 'probe-pkg'));
		n8n = await createN8n({ workDir: path.join(tmp, 'n8n'), port: await pickPort(5690) });
	});

	afterAll(async () => {
		if (n8n) {
			const table = n8n.timings.map((t) => `${t.step.padEnd(34)} ${(t.ms / 1000).toFixed(2).padStart(7)} s`).join('\n');
			console.log(`n8n ${n8n.version} harness timings:\n${table}`);
			await n8n.cleanup({ keep: process.env.MEDIAOPS_KEEP_E2E === '1' });
		}
		if (tmp && process.env.MEDIAOPS_KEEP_E2E !== '1') fs.rmSync(tmp, { recursive: true, force: true });
	});

	it('installs the package as a community package and n8n loads its node (and Tool variant)', async () => {
		const installed = await n8n.installPackage(path.join(tmp, 'probe-pkg'));
		expect(installed).toMatchObject({ name: PKG, version: '0.0.1' });
		expect(fs.existsSync(path.join(n8n.nodesDir, 'node_modules', PKG, 'dist/nodes/MediaopsProbe/MediaopsProbe.node.js'))).toBe(true);

		const types = await n8n.nodeTypes();
		expect(types).toEqual(expect.arrayContaining([PROBE, `${PROBE}Tool`, 'n8n-nodes-base.webhook', 'n8n-nodes-base.manualTrigger']));
	});

	it('imports credentials and a workflow, executes it headlessly and returns the run data', async () => {
		await n8n.importCredentials([{ id: CRED_ID, name: 'Probe token', type: 'mediaopsProbeApi', data: { token: 's3cret-令牌' } }]);
		const ids = await n8n.importWorkflow(manualWorkflow('probeManual0001', 'Probe manual', { tag: 'hello', useCredential: true }));
		expect(ids).toEqual(['probeManual0001']);

		const run = await n8n.execute('probeManual0001');
		expect(run.status).toBe('success');
		expect(nodeOutput(run, 'Probe')).toEqual([{ ok: true, tag: 'hello', input: {}, token: 's3cret-令牌' }]);
	});

	it('a failing execution throws with n8n\'s error text', async () => {
		await n8n.importWorkflow(manualWorkflow('probeFailing001', 'Probe failing', { failWith: 'probe failed on purpose' }));
		const err = await n8n.execute('probeFailing001').then(
			() => undefined,
			(e: Error & { run?: unknown; code?: number }) => e,
		);
		expect(err).toBeInstanceOf(Error);
		expect(err?.message).toMatch(/Probe: probe failed on purpose/);
		expect(err?.code).toBe(1);
	});

	// one server for the rest of the file: started here, stopped by the last test (or cleanup())
	it('publishes a webhook workflow, serves it after start, and sets up the owner', async () => {
		await n8n.importWorkflow([webhookWorkflow, dataTableWorkflow]);
		await n8n.publish(webhookWorkflow.id);
		const server = await n8n.start();
		{
			expect(server.url).toBe(`http://127.0.0.1:${n8n.port}`);
			const res = await fetch(`${server.url}/webhook/${WEBHOOK_PATH}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ hello: '世界' }),
			});
			expect(res.status).toBe(200);
			const body = (await res.json()) as { ok: boolean; tag: string; input: { body: unknown } };
			expect(body).toMatchObject({ ok: true, tag: 'web', input: { body: { hello: '世界' } } });

			const owner = await n8n.setupOwner();
			expect(owner.cookie).toMatch(/^n8n-auth=/);
			// a second call logs in instead of failing on "Instance owner already setup"
			const again = await n8n.setupOwner();
			expect(again.user).toMatchObject({ email: owner.email });
			const me = await n8n.request('/rest/login');
			expect(me.status).toBe(200);

			const viaHttp = await n8n.nodeTypes({ via: 'http' });
			expect(viaHttp).toEqual(expect.arrayContaining([PROBE, `${PROBE}Tool`]));
		}
	});

	it('runs workflows inside the server: Data Table create + upsert twice, rows read back, table deleted', async () => {
		expect(n8n.server).not.toBeNull();
		// the CLI has no modules: this is why runWorkflow() exists
		const cli = await n8n.execute(dataTableWorkflow.id).then(
			() => undefined,
			(e: Error) => e,
		);
		expect(cli?.message).toMatch(/Data table node but the module is disabled/);

		const first = await n8n.runWorkflow(dataTableWorkflow.id);
		expect(first).toMatchObject({ status: 'success', mode: 'manual', finished: true });
		expect(first.executionId).toMatch(/^\d+$/);
		expect(nodeOutput(first, 'Probe')).toEqual([{ ok: true, tag: 'in-server', input: {} }]);
		expect(nodeOutput(first, 'Create table')[0]).toMatchObject({ name: DT_TABLE });
		expect(nodeOutput(first, 'Upsert').map(({ a, b }) => ({ a, b }))).toEqual(DT_ROWS);

		const second = await n8n.runWorkflow(dataTableWorkflow.id, { startNode: 'Manual', timeoutMs: 60_000 });
		expect(second.status).toBe('success');
		expect(second.executionId).not.toBe(first.executionId);

		const rows = await n8n.dataTableRows(DT_TABLE);
		expect(rows).toHaveLength(3);
		expect(rows.map(({ a, b }) => ({ a, b }))).toEqual(DT_ROWS);
		for (const row of rows) expect(row).toEqual(expect.objectContaining({ id: expect.any(Number), createdAt: expect.anything() }));

		// credentials and a failing community node behave like execute()
		const withCred = await n8n.runWorkflow('probeManual0001');
		expect(nodeOutput(withCred, 'Probe')).toEqual([{ ok: true, tag: 'hello', input: {}, token: 's3cret-令牌' }]);
		const err = await n8n.runWorkflow('probeFailing001').then(
			() => undefined,
			(e: Error & { run?: { status: string }; executionId?: string }) => e,
		);
		expect(err?.message).toMatch(/Probe: probe failed on purpose/);
		expect(err?.run?.status).toBe('error');

		expect(await n8n.deleteDataTable(DT_TABLE)).toBe(1);
		expect(await n8n.deleteDataTable(DT_TABLE)).toBe(0);
		await expect(n8n.dataTableRows(DT_TABLE)).rejects.toThrow(/no data table named "probe_table"/);
	});

	it('stops the server and frees its port', async () => {
		const server = n8n.server;
		expect(server).not.toBeNull();
		await server?.stop();
		expect(n8n.server).toBeNull();
		expect(await portFree(n8n.port)).toBe(true);
	});
});
