/**
 * Shared by the MediaOps Trigger suites (mediaops-trigger, mediaops-trigger-platforms): published workflows in
 * which the trigger feeds a Data Table through plain inserts (an item emitted twice shows as a second row), the
 * table created once by a manual workflow, and a wait for the rows.
 */
import type { E2eEnv } from './support';

export type Row = Record<string, unknown>;
type Workflow = { id: string } & Record<string, unknown>;

const SETTINGS = { executionOrder: 'v1', timezone: 'Asia/Shanghai' };

/** A manual workflow that creates `table` with these string columns, if it does not exist yet. */
export function createTableWorkflow(id: string, name: string, table: string, columns: string[]): Workflow {
	return {
		id,
		name,
		nodes: [
			{ parameters: {}, id: `${id}-run`, name: 'Run now', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] },
			{
				parameters: {
					resource: 'table',
					operation: 'create',
					tableName: table,
					columns: { column: columns.map((column) => ({ name: column, type: 'string' })) },
					options: { createIfNotExists: true },
				},
				id: `${id}-create`,
				name: 'Create table',
				type: 'n8n-nodes-base.dataTable',
				typeVersion: 1.1,
				position: [240, 0],
			},
		],
		connections: { 'Run now': { main: [[{ node: 'Create table', type: 'main', index: 0 }]] } },
		settings: SETTINGS,
	};
}

export interface InboxOptions {
	id: string;
	name: string;
	/** The trigger node's name. */
	trigger: string;
	table: string;
	/** The trigger's parameters besides the poll times (every hour; n8n also polls at activation). */
	parameters: Record<string, unknown>;
	credentials: Record<string, unknown>;
	/** Column → expression over the emitted item. */
	columns: Record<string, string>;
}

/** MediaOps Trigger → Data Table insert. */
export function inboxWorkflow(o: InboxOptions): Workflow {
	return {
		id: o.id,
		name: o.name,
		nodes: [
			{
				parameters: { pollTimes: { item: [{ mode: 'everyHour', minute: 0 }] }, ...o.parameters },
				id: `${o.id}-t`,
				name: o.trigger,
				type: 'n8n-nodes-mediaops.mediaOpsTrigger',
				typeVersion: 1,
				position: [0, 0],
				credentials: o.credentials,
			},
			{
				parameters: {
					resource: 'row',
					operation: 'insert',
					dataTableId: { __rl: true, mode: 'name', value: o.table },
					columns: { mappingMode: 'defineBelow', value: o.columns, matchingColumns: [], schema: [] },
					options: {},
				},
				id: `${o.id}-i`,
				name: 'Insert',
				type: 'n8n-nodes-base.dataTable',
				typeVersion: 1.1,
				position: [240, 0],
			},
		],
		connections: { [o.trigger]: { main: [[{ node: 'Insert', type: 'main', index: 0 }]] } },
		settings: SETTINGS,
	};
}

/** Imports the workflows, creates the table in one server start, and publishes the inboxes: n8n polls them at each later start. */
export async function prepareInboxes(env: E2eEnv, createTable: Workflow, inboxes: Workflow[]): Promise<void> {
	await env.n8n.importWorkflow([createTable, ...inboxes]);
	await env.n8n.start();
	await env.n8n.runWorkflow(createTable.id);
	await env.n8n.stop();
	for (const inbox of inboxes) await env.n8n.publish(inbox.id);
}

/** The table's rows as soon as `accept` holds, or whatever is there after `timeoutMs`. */
export async function waitForRows(env: E2eEnv, table: string, accept: (rows: Row[]) => boolean, timeoutMs: number): Promise<Row[]> {
	const started = Date.now();
	for (;;) {
		const rows = await env.n8n.dataTableRows(table);
		if (accept(rows) || Date.now() - started > timeoutMs) return rows;
		await new Promise((r) => setTimeout(r, 500));
	}
}

/** POSTs to a sandbox control route (`weibo/comments`, `bluesky/posts`, …) to insert data; its JSON answer. */
export async function insert(env: E2eEnv, path: string, body: unknown): Promise<Record<string, any>> {
	return (await fetch(`${env.sandbox.url}/__sandbox/${path}`, { method: 'POST', body: JSON.stringify(body) })).json() as Promise<Record<string, any>>;
}
