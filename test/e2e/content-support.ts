/** Helpers for the content e2e suites: seeding calendar rows over n8n's REST API, sandbox publish counts, layout checks. */
import type { N8nInstance } from '../../scripts/n8n/harness';
import type { Sandbox } from '../../sandbox';
import { PostSchema, type PostInput } from '../../lib/model';
import { postToRow } from '../../lib/publish/post-row';
import { SANDBOX_WECHAT_ACCOUNTS } from '../../sandbox';

export const CALENDAR = 'mediaops_content_calendar';
export const EVENTS = 'mediaops_content_log';
export const ACCOUNT = SANDBOX_WECHAT_ACCOUNTS[0];
export const APPROVAL_SECRET = 'e2e-approval-secret-0123456789abcdef';
export const APPROVAL_CREDENTIAL = { id: 'mediaopsApproval01', name: 'MediaOps approval (sandbox)', type: 'mediaOpsApprovalApi', data: { secret: APPROVAL_SECRET } };

async function api(n8n: N8nInstance, method: string, path: string, body?: unknown): Promise<any> {
	const res = await n8n.request(path, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
	const json = (await res.json()) as { data?: unknown };
	if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
	return json.data ?? json;
}

/** Inserts posts as rows into a data table (the table must exist: run the workflow once first). */
export async function seedPosts(n8n: N8nInstance, posts: PostInput[]): Promise<void> {
	const personal = await api(n8n, 'GET', '/rest/projects/personal');
	const q = new URLSearchParams({ filter: JSON.stringify({ name: CALENDAR }) });
	const tables = (await api(n8n, 'GET', `/rest/projects/${personal.id}/data-tables?${q}`)).data as Array<{ id: string; name: string }>;
	const table = tables.find((t) => t.name === CALENDAR);
	if (!table) throw new Error(`no data table ${CALENDAR}`);
	const rows = posts.map((p) => postToRow(PostSchema.parse(p)));
	await api(n8n, 'POST', `/rest/projects/${personal.id}/data-tables/${table.id}/insert`, { data: rows });
}

export function post(id: string, minutesFromNow: number, extra: Partial<PostInput> = {}): PostInput {
	return {
		id,
		platform: 'wechat_oa',
		account: ACCOUNT.name,
		title: `春季新品 ${id}`,
		body: '<p>今日上新，欢迎品尝。</p>',
		media: [{ type: 'image', mediaId: 'THUMB_MEDIA_1' }],
		status: 'scheduled',
		scheduledAt: new Date(Date.now() + minutesFromNow * 60_000).toISOString(),
		timezone: 'Asia/Shanghai',
		...extra,
	};
}

export async function publishState(sandbox: Sandbox): Promise<{ published: number; submits: number; publications: Array<{ titles: string[]; status: number }> }> {
	return (await fetch(`${sandbox.url}/__sandbox/wechat/publish`)).json() as Promise<any>;
}

/** Node bounding boxes (sticky notes by their size, other nodes about 100 × 100) must not overlap. */
export function overlaps(workflow: { nodes: Array<{ name: string; type: string; position: [number, number]; parameters: Record<string, unknown> }> }): string[] {
	const box = (n: (typeof workflow.nodes)[number]) => {
		const sticky = n.type === 'n8n-nodes-base.stickyNote';
		const [x, y] = n.position;
		return { name: n.name, x1: x, y1: y, x2: x + (sticky ? Number(n.parameters.width) : 100), y2: y + (sticky ? Number(n.parameters.height) : 100) };
	};
	const boxes = workflow.nodes.map(box);
	const found: string[] = [];
	for (let i = 0; i < boxes.length; i++)
		for (let j = i + 1; j < boxes.length; j++) {
			const a = boxes[i];
			const b = boxes[j];
			if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) found.push(`${a.name} / ${b.name}`);
		}
	return found;
}
