/** Small helpers over the n8n editor's REST API for suites that watch production executions. */
import type { N8nInstance } from '../../scripts/n8n/harness';

export type Execution = { id: string; mode: string; status: string; startedAt?: string };

/** GET/POST a REST route with the owner's cookie and unwrap n8n's `{ data }` envelope. */
export async function restData<T>(n8n: N8nInstance, pathname: string, init?: RequestInit): Promise<T> {
	const res = await n8n.request(pathname, init);
	const body = (await res.json()) as { data: T };
	return body.data;
}

/** A workflow's executions, oldest first. */
export async function workflowExecutions(n8n: N8nInstance, workflowId: string, limit = 100): Promise<Execution[]> {
	const q = new URLSearchParams({ filter: JSON.stringify({ workflowId }), limit: String(limit) });
	const page = await restData<{ results: Execution[] }>(n8n, `/rest/executions?${q}`);
	return page.results.sort((a, b) => Number(a.id) - Number(b.id));
}

/** Polls `probe` until it returns a value, or fails naming what it waited for. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 120_000, intervalMs = 250): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, intervalMs));
	}
}
