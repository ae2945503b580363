/**
 * MediaOps Trigger in a real n8n: the workflow is published (active), so n8n polls at activation. Two server
 * starts mean two polls in two processes; every comment of the watched articles must land in the table once.
 * The table is filled with plain inserts, so a comment emitted twice would show as a second row.
 */
import { SANDBOX_WECHAT_ACCOUNTS } from '../../sandbox';
import { addDays } from '../../lib/time/date-range';
import { setUpE2e, WECHAT_CREDENTIAL, type E2eEnv } from './support';
import { createTableWorkflow, inboxWorkflow, prepareInboxes, waitForRows } from './trigger-support';

const TABLE = 'mediaops_test_comment_inbox';
const account = SANDBOX_WECHAT_ACCOUNTS[0];

const setupWorkflow = createTableWorkflow('e2eTriggerSetup', 'e2e: create the comment inbox table', TABLE, ['mentionId', 'postId', 'text', 'commentedAt']);
const triggerWorkflow = inboxWorkflow({
	id: 'e2eCommentInbox',
	name: 'e2e: comment inbox',
	trigger: 'New comments',
	table: TABLE,
	parameters: { event: 'newComments', days: 3, firstRun: 'emitExisting' },
	credentials: { weChatOfficialAccountApi: WECHAT_CREDENTIAL },
	columns: { mentionId: '={{ $json.id }}', postId: '={{ $json.postId }}', text: '={{ $json.text }}', commentedAt: '={{ $json.createdAt }}' },
});

let env: E2eEnv;
beforeAll(async () => {
	env = await setUpE2e('mediaops-trigger');
	await prepareInboxes(env, setupWorkflow, [triggerWorkflow]);
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

describe('MediaOps Trigger in real n8n', () => {
	it('emits every comment of the watched articles once, across two server starts', async () => {
		await env.n8n.start();
		const before = expectedCommentIds();
		expect(before.length).toBeGreaterThan(0);
		const first = await waitForRows(env, TABLE, (rows) => rows.length >= before.length, 30_000);
		await env.n8n.stop();

		const listCalls = () => env.sandbox.stats().requests['/cgi-bin/comment/list'] ?? 0;
		const callsAfterFirst = listCalls();
		await env.n8n.start();
		// The second start polls again at activation; give its execution time to finish.
		await new Promise((r) => setTimeout(r, 4000));
		expect(listCalls()).toBeGreaterThan(callsAfterFirst);
		const expected = expectedCommentIds();
		const rows = await waitForRows(env, TABLE, (rows) => rows.length >= expected.length, 30_000);
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

	it('serves no output schema for the trigger (n8n shows none for triggers; its items depend on the event), one per operation elsewhere', async () => {
		const { url } = await env.n8n.start();
		try {
			const schema = (p: string) => fetch(`${url}/schemas/${p}.json`);
			expect((await schema('n8n-nodes-mediaops.mediaOpsTrigger/1.0.0')).status).toBe(404);
			expect((await schema('n8n-nodes-mediaops.commentPushTrigger/1.0.0')).status).toBe(404);
			const assess = await schema('n8n-nodes-mediaops.sentimentRisk/1.0.0/assessMentions');
			expect(assess.status).toBe(200);
			expect(((await assess.json()) as { properties: Record<string, unknown> }).properties).toHaveProperty('riskLevel');
		} finally {
			await env.n8n.stop();
		}
	});
});
