/**
 * workflows/content-approval.json in a real n8n: drafts in the calendar are submitted for review with signed
 * approve/reject links; calling a link (the production webhook) records the decision and updates the calendar.
 * Tampered, replayed and stale links change nothing.
 */
import { nodeOutput } from '../../scripts/n8n/harness';
import { readWorkflow, setUpE2e, type E2eEnv } from './support';
import { APPROVAL_CREDENTIAL, APPROVAL_SECRET, CALENDAR, EVENTS, overlaps, post, seedPosts } from './content-support';
import { waitNodeWorkflow, WAIT_WORKFLOW_ID } from './content-wait-workflow';

const WORKFLOW_ID = 'mediaopsContentApproval';
let env: E2eEnv;

beforeAll(async () => {
	env = await setUpE2e('content-approval');
	await env.n8n.importCredentials([APPROVAL_CREDENTIAL]);
	await env.n8n.importWorkflow(readWorkflow('content-approval.json'));
	await env.n8n.importWorkflow(waitNodeWorkflow());
	await env.n8n.publish(WORKFLOW_ID);
	await env.n8n.start();
	await env.n8n.runWorkflow(WORKFLOW_ID); // creates the tables
});

afterAll(async () => env?.close());

type Row = Record<string, any>;
const calendar = async (): Promise<Record<string, Row>> => Object.fromEntries((await env.n8n.dataTableRows(CALENDAR)).map((r) => [r.postId, r]));
/** The link as the reviewer would click it, pointed at this test's n8n. */
const local = (url: string) => {
	const u = new URL(url);
	return `${env.n8n.url}${u.pathname}${u.search}`;
};

describe('content-approval in real n8n', () => {
	let links: Record<string, Row>;

	it('is laid out without overlaps and holds no secret', () => {
		const wf = readWorkflow('content-approval.json') as any;
		expect(overlaps(wf)).toEqual([]);
		expect(JSON.stringify(wf)).not.toContain(APPROVAL_SECRET);
	});

	it('submits drafts for review and sends signed approve/reject links', async () => {
		await seedPosts(env.n8n, [post('draft-1', 600, { status: 'draft', author: 'writer@brand.cn' }), post('draft-2', 600, { status: 'draft', author: 'writer@brand.cn' }), post('ok-1', 600, { status: 'approved' })]);
		await env.n8n.runWorkflow(WORKFLOW_ID);
		const rows = await calendar();
		expect([rows['draft-1'].status, rows['draft-2'].status, rows['ok-1'].status]).toEqual(['in_review', 'in_review', 'approved']);
		expect(JSON.parse(rows['draft-1'].history).at(-1)).toMatchObject({ action: 'submit', actor: 'writer@brand.cn', toStatus: 'in_review', version: 1 });
		const events = (await env.n8n.dataTableRows(EVENTS)).filter((e) => e.eventType === 'approval_requested');
		links = Object.fromEntries(events.map((e) => [e.postId, e]));
		expect(Object.keys(links).sort()).toEqual(['draft-1', 'draft-2']);
		expect(links['draft-1']).toMatchObject({ actor: 'editor@brand.cn', approveUrl: expect.stringContaining('/webhook/mediaops-approval?postId=draft-1&token=v1.') });
		expect(links['draft-1'].approveUrl).not.toContain(APPROVAL_SECRET);
	});

	it('approves by link and records who, when and which version', async () => {
		const res = await fetch(local(links['draft-1'].approveUrl) + '&comment=' + encodeURIComponent('可以发'));
		expect(res.status).toBe(200);
		const row = (await calendar())['draft-1'];
		expect(row.status).toBe('approved');
		expect(JSON.parse(row.history).at(-1)).toMatchObject({ actor: 'editor@brand.cn', action: 'approve', version: 1, toStatus: 'approved', comment: '可以发' });
		expect((await env.n8n.dataTableRows(EVENTS)).find((e) => e.postId === 'draft-1' && e.eventType === 'approved')).toBeDefined();
	});

	it('rejects by link', async () => {
		expect((await fetch(local(links['draft-2'].rejectUrl))).status).toBe(200);
		expect((await calendar())['draft-2'].status).toBe('rejected');
	});

	it('refuses tampered and replayed links without changing the calendar', async () => {
		const before = await calendar();
		const tampered = links['draft-2'].approveUrl.replace(/token=v1\.([^.]+)\./, (_m: string, body: string) => `token=v1.${body}x.`);
		expect((await fetch(local(tampered))).status).not.toBe(200);
		expect((await fetch(local(links['draft-1'].approveUrl))).status).not.toBe(200); // already approved
		const after = await calendar();
		expect(after['draft-1'].history).toBe(before['draft-1'].history);
		expect(after['draft-2'].status).toBe('rejected');
	});

	it('works with n8n’s Wait node: the execution waits for the link and applies the decision when it is called', async () => {
		const waiting = await env.n8n.runWorkflow(WAIT_WORKFLOW_ID);
		expect(waiting.status).toBe('waiting');
		const [linked] = nodeOutput(waiting, 'Create Approval Link');
		const approveUrl = String((linked.approval as Record<string, unknown>).approveUrl);
		expect(approveUrl).toContain(`/webhook-waiting/${waiting.executionId}`);
		const res = await fetch(local(approveUrl));
		expect(res.status).toBe(200);
		let decided: Row | undefined;
		for (let i = 0; i < 50 && !decided; i++) {
			decided = (await env.n8n.dataTableRows(EVENTS)).find((e) => e.postId === 'wait-1');
			if (!decided) await new Promise((r) => setTimeout(r, 200));
		}
		expect(decided).toMatchObject({ eventType: 'approved', actor: 'editor@brand.cn' });
	});
});
