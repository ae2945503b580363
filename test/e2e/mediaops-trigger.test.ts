/**
 * MediaOps Trigger in a real n8n: the workflow is published (active), so n8n polls at activation. Two server
 * starts mean two polls in two processes; every comment of the watched articles must land in the table once.
 * The table is filled with plain inserts, so a comment emitted twice would show as a second row.
 */
import { SANDBOX_WECHAT_ACCOUNTS } from '../../sandbox';
import { addDays } from '../../lib/time/date-range';
import { setUpE2e, WECHAT_CREDENTIAL, type E2eEnv } from './support';

const TABLE = 'mediaops_test_comment_inbox';
const account = SANDBOX_WECHAT_ACCOUNTS[0];

const setupWorkflow = {
	id: 'e2eTriggerSetup',
	name: 'e2e: create the comment inbox table',
	nodes: [
		{ parameters: {}, id: 'a1000000-0000-4000-8000-000000000001', name: 'Run now', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] },
		{
			parameters: {
				resource: 'table',
				operation: 'create',
				tableName: TABLE,
				columns: { column: [{ name: 'mentionId', type: 'string' }, { name: 'postId', type: 'string' }, { name: 'text', type: 'string' }, { name: 'commentedAt', type: 'string' }] },
				options: { createIfNotExists: true },
			},
			id: 'a1000000-0000-4000-8000-000000000002',
			name: 'Create table',
			type: 'n8n-nodes-base.dataTable',
			typeVersion: 1.1,
			position: [240, 0],
		},
	],
	connections: { 'Run now': { main: [[{ node: 'Create table', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1', timezone: 'Asia/Shanghai' },
};

const triggerWorkflow = {
	id: 'e2eCommentInbox',
	name: 'e2e: comment inbox',
	nodes: [
		{
			parameters: { pollTimes: { item: [{ mode: 'everyHour', minute: 0 }] }, event: 'newComments', days: 3, firstRun: 'emitExisting' },
			id: 'a2000000-0000-4000-8000-000000000001',
			name: 'New comments',
			type: 'n8n-nodes-mediaops.mediaOpsTrigger',
			typeVersion: 1,
			position: [0, 0],
			credentials: { weChatOfficialAccountApi: WECHAT_CREDENTIAL },
		},
		{
			parameters: {
				resource: 'row',
				operation: 'insert',
				dataTableId: { __rl: true, mode: 'name', value: TABLE },
				columns: {
					mappingMode: 'defineBelow',
					value: { mentionId: '={{ $json.id }}', postId: '={{ $json.postId }}', text: '={{ $json.text }}', commentedAt: '={{ $json.createdAt }}' },
					matchingColumns: [],
					schema: [],
				},
				options: {},
			},
			id: 'a2000000-0000-4000-8000-000000000002',
			name: 'Insert',
			type: 'n8n-nodes-base.dataTable',
			typeVersion: 1.1,
			position: [240, 0],
		},
	],
	connections: { 'New comments': { main: [[{ node: 'Insert', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1', timezone: 'Asia/Shanghai' },
};

let env: E2eEnv;
beforeAll(async () => {
	env = await setUpE2e('mediaops-trigger');
	await env.n8n.importWorkflow([setupWorkflow, triggerWorkflow]);
	await env.n8n.start();
	await env.n8n.runWorkflow(setupWorkflow.id);
	await env.n8n.stop();
	await env.n8n.publish(triggerWorkflow.id);
});
afterAll(async () => env?.close());

/** Every comment visible now on the articles the trigger watches (published in the last 3 complete days). */
function expectedCommentIds(): string[] {
	const truth = env.sandbox.wechat;
	const end = truth.yesterday();
	const ids: string[] = [];
	for (const article of truth.articlesPublished(account.appId, addDays(end, -2), end)) {
		for (const c of truth.comments(article.msgDataId, article.index - 1) ?? []) ids.push(`${article.msgid}:${c.user_comment_id}`);
	}
	return ids.sort();
}

async function waitForRows(min: number, timeoutMs = 30_000): Promise<Array<Record<string, unknown>>> {
	const started = Date.now();
	for (;;) {
		const rows = await env.n8n.dataTableRows(TABLE);
		if (rows.length >= min || Date.now() - started > timeoutMs) return rows;
		await new Promise((r) => setTimeout(r, 500));
	}
}

describe('MediaOps Trigger in real n8n', () => {
	it('emits every comment of the watched articles once, across two server starts', async () => {
		await env.n8n.start();
		const before = expectedCommentIds();
		expect(before.length).toBeGreaterThan(0);
		const first = await waitForRows(before.length);
		await env.n8n.stop();

		const listCalls = () => env.sandbox.stats().requests['/cgi-bin/comment/list'] ?? 0;
		const callsAfterFirst = listCalls();
		await env.n8n.start();
		// The second start polls again at activation; give its execution time to finish.
		await new Promise((r) => setTimeout(r, 4000));
		expect(listCalls()).toBeGreaterThan(callsAfterFirst);
		const expected = expectedCommentIds();
		const rows = await waitForRows(expected.length);
		await env.n8n.stop();

		const ids = rows.map((r) => String(r.mentionId));
		expect(new Set(ids).size).toBe(ids.length);
		expect(first.length).toBeGreaterThanOrEqual(before.length);
		// Comments that appeared between the polls come in with the second one; none is missing or doubled.
		for (const id of before) expect(ids).toContain(id);
		expect(ids.every((id) => expected.includes(id))).toBe(true);
		expect(ids.length).toBeGreaterThanOrEqual(before.length);
		const sample = rows.find((r) => r.mentionId === before[0])!;
		expect(String(sample.commentedAt)).toMatch(/\+08:00$/);
	});
});
