/**
 * workflows/risk-monitoring.json end to end in a real n8n against the sandbox:
 * - production runs (the schedule, shortened here to 20 s so the test sees two of them) fetch the
 *   comments of the last 8 days' articles, assess them, and raise alerts for the seeded complaint wave
 *   on a controversial article, stored as rows in the Data Table `mediaops_risk_events`;
 * - the second production run raises nothing new (baselines and open incidents in workflow static data);
 * - the WeChat push webhook answers the echostr handshake, accepts a correctly signed message and
 *   rejects a bad signature with 401 without starting an execution.
 *
 * The sandbox is real-time (n8n reads the real clock), so the test picks a sandbox seed whose data has
 * a complaint wave in the last 24 hours right now, using the core library on the sandbox's seeded truth.
 */
import * as path from 'node:path';
import { SANDBOX_WECHAT_ACCOUNTS, type Sandbox } from '../../sandbox';
import { WechatDataset } from '../../sandbox/platforms/wechat/data';
import { addDays } from '../../sandbox/dates';
import { commentToMention } from '../../lib/platforms/wechat-oa-comments';
import { wechatSignature } from '../../lib/platforms/wechat-oa-push';
import { assessMentions, detectSpikes } from '../../lib/risk';
import type { RiskAlert } from '../../lib/model';
import { PACKAGE_NAME, readWorkflow, setUpE2e, type E2eEnv } from './support';

const WORKFLOW_ID = 'mediaopsRiskMonitor';
const TABLE = 'mediaops_risk_events';
const BRAND = SANDBOX_WECHAT_ACCOUNTS[0];
const PUSH_TOKEN = 'mediaopsSandboxPushToken';
const PUSH_CREDENTIAL = { id: 'mediaopsCommentPush01', name: 'MediaOps Comment Push (sandbox)', type: 'commentPushApi', data: { wechatToken: PUSH_TOKEN, hmacSecret: 'sandbox-hmac-secret-0123456789' } };

/** What the workflow's Fetch → Assess → Detect chain would conclude now for a seed (same days, same preset). */
function expectedAlerts(seed: number, now: Date): RiskAlert[] {
	const data = new WechatDataset(seed, () => now);
	const yesterday = data.yesterday();
	const articles = data.articlesPublished(BRAND.appId, addDays(yesterday, -7), yesterday);
	if (!articles.some((a) => a.controversial)) return [];
	const mentions = articles.flatMap((a) =>
		(data.comments(a.msgDataId, a.index - 1) ?? []).map((c) => commentToMention(c as unknown as Record<string, unknown>, { msgDataId: a.msgDataId, index: a.index - 1 }, BRAND.appId)!),
	);
	return detectSpikes({ assessments: assessMentions(mentions) }, undefined, { now, preset: 'socialmetrix', timezone: 'Asia/Shanghai' }).alerts;
}

/** A seed with a clear negative-volume spike now (well past its threshold, so the next hour cannot undo it). */
function seedWithComplaintWave(): { seed: number; alerts: RiskAlert[] } {
	const now = new Date();
	for (let seed = 1; seed < 2000; seed++) {
		const alerts = expectedAlerts(seed, now);
		const volume = alerts.find((a) => a.metric === 'negative_volume');
		if (volume && volume.observed >= 2 * volume.threshold && volume.observed >= 20) return { seed, alerts };
	}
	throw new Error('no sandbox seed with a complaint wave in the last 24 hours');
}

let env: E2eEnv;
let sandbox: Sandbox;
let expected: RiskAlert[];

type Execution = { id: string; mode: string; status: string; finished?: boolean };
type Json = Record<string, unknown>;

async function api<T>(pathname: string, init?: RequestInit): Promise<T> {
	const res = await env.n8n.request(pathname, init);
	const body = (await res.json()) as { data: T };
	return body.data;
}

async function executions(): Promise<Execution[]> {
	const q = new URLSearchParams({ filter: JSON.stringify({ workflowId: WORKFLOW_ID }), limit: '50' });
	const page = await api<{ results: Execution[] }>(`/rest/executions?${q}`);
	return page.results.sort((a, b) => Number(a.id) - Number(b.id));
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 500));
	}
}

/** Finished production (schedule) executions, oldest first. */
async function finishedTriggerRuns(count: number): Promise<Execution[]> {
	return waitFor(`${count} finished schedule runs`, async () => {
		const done = (await executions()).filter((e) => e.mode === 'trigger' && e.status !== 'running' && e.status !== 'new');
		return done.length >= count ? done : undefined;
	});
}

/** A node's first-run output items (output `index`) of a stored execution. */
async function nodeItems(executionId: string, node: string, index = 0): Promise<Json[]> {
	const execution = await api<{ data: string | Json }>(`/rest/executions/${executionId}`);
	const n8nDir = path.dirname(path.dirname(env.n8n.bin));
	const flatted = require(require.resolve('flatted', { paths: [n8nDir] })) as { parse(s: string): unknown };
	const data = (typeof execution.data === 'string' ? flatted.parse(execution.data) : execution.data) as { resultData: { runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: Json }> | null> } }>> } };
	return (data.resultData.runData[node]?.[0]?.data?.main?.[index] ?? []).map((i) => i.json);
}

beforeAll(async () => {
	const picked = seedWithComplaintWave();
	expected = picked.alerts;
	env = await setUpE2e('risk-monitoring', { seed: picked.seed });
	sandbox = env.sandbox;
	await env.n8n.importCredentials([PUSH_CREDENTIAL]);
	const workflow = readWorkflow('risk-monitoring.json') as { nodes: Array<{ name: string; parameters: Json }> };
	// The shipped schedule is hourly; a test cannot wait for that, so this copy fires every 20 seconds.
	workflow.nodes.find((n) => n.name === 'Every hour')!.parameters = { rule: { interval: [{ field: 'seconds', secondsInterval: 20 }] } };
	await env.n8n.importWorkflow(workflow);
	await env.n8n.publish(WORKFLOW_ID);
	await env.n8n.start();
	await env.n8n.setupOwner();
}, 600_000);

afterAll(async () => env?.close());

describe('risk-monitoring in real n8n', () => {
	let firstRows: Json[];

	it('loads the nodes, including the Sentiment Risk tool variant', async () => {
		const types = await env.n8n.nodeTypes({ via: 'http' });
		expect(types).toEqual(expect.arrayContaining([`${PACKAGE_NAME}.sentimentRisk`, `${PACKAGE_NAME}.sentimentRiskTool`, `${PACKAGE_NAME}.commentPushTrigger`]));
	});

	it('a production run alerts on the seeded complaint wave and logs each incident once', async () => {
		const [first] = await finishedTriggerRuns(1);
		expect(first.status).toBe('success');
		const alerts = await nodeItems(first.id, 'Detect spikes');
		expect(alerts.length).toBeGreaterThan(0);
		const volume = alerts.find((a) => a.metric === 'negative_volume')!;
		const want = expected.find((a) => a.metric === 'negative_volume')!;
		expect(volume).toMatchObject({ type: 'negative_spike', status: 'open', accountId: BRAND.appId, platform: 'wechat_oa', owner: '舆情值班 PR on duty' });
		expect(volume.observed as number).toBeGreaterThanOrEqual(want.observed);
		expect(['medium', 'high', 'critical']).toContain(volume.level);
		expect((volume.suggestedActions as string[])[0]).toMatch(/舆情应急预案/);
		// The evidence is the most negative comments, mostly from the controversial article.
		const controversial = new Set(
			sandbox.wechat.articlesPublished(BRAND.appId, addDays(sandbox.wechat.yesterday(), -7), sandbox.wechat.yesterday()).filter((a) => a.controversial).map((a) => a.msgid),
		);
		const evidence = volume.evidence as Json[];
		expect(evidence).toHaveLength(5);
		expect(evidence.filter((e) => controversial.has(String(e.mentionId).split(':')[0])).length).toBeGreaterThanOrEqual(3);

		firstRows = await env.n8n.dataTableRows(TABLE);
		expect(firstRows.map((r) => r.incidentId).sort()).toEqual(alerts.map((a) => a.id).sort());
		const row = firstRows.find((r) => r.incidentId === volume.id)!;
		expect(row).toMatchObject({ type: 'negative_spike', status: 'open', level: volume.level, metric: 'negative_volume', observed: volume.observed, platform: 'wechat_oa', accountId: BRAND.appId });
		expect(String(row.suggestedActions)).toContain('舆情应急预案');
	}, 180_000);

	it('the next production run raises no duplicate alert and adds no row', async () => {
		const runs = await finishedTriggerRuns(2);
		const second = runs[1];
		expect(second.status).toBe('success');
		expect(await nodeItems(second.id, 'Detect spikes')).toEqual([]);
		const rows = await env.n8n.dataTableRows(TABLE);
		expect(rows.map((r) => [r.incidentId, r.updatedAt])).toEqual(firstRows.map((r) => [r.incidentId, r.updatedAt]));
	}, 180_000);

	describe('WeChat push webhook', () => {
		const url = () => `${env.n8n.url}/webhook/mediaops-comments`;
		function signed(extra: Record<string, string> = {}, token = PUSH_TOKEN): URLSearchParams {
			const timestamp = String(Math.floor(Date.now() / 1000));
			const nonce = String(Math.floor(Math.random() * 1e9));
			return new URLSearchParams({ timestamp, nonce, signature: wechatSignature(token, timestamp, nonce), ...extra });
		}
		const xml = (content: string, msgId: string) =>
			`<xml><ToUserName><![CDATA[gh_sandbox0brand]]></ToUserName><FromUserName><![CDATA[oSandboxUser0000000000000001]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${msgId}</MsgId></xml>`;
		const webhookRuns = async () => (await executions()).filter((e) => e.mode === 'webhook');

		it('answers the echostr handshake', async () => {
			const res = await fetch(`${url()}?${signed({ echostr: '5838479218127813673' })}`);
			expect(res.status).toBe(200);
			expect(await res.text()).toBe('5838479218127813673');
		});

		it('accepts a correctly signed message, replies "success" and scores it', async () => {
			const before = (await webhookRuns()).length;
			const res = await fetch(`${url()}?${signed()}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: xml('你们的咖啡喝完拉肚子了，再不退款我就打12315投诉', '880001') });
			expect(res.status).toBe(200);
			expect(await res.text()).toBe('success');
			const run = await waitFor('the webhook execution', async () => {
				const runs = (await webhookRuns()).filter((e) => e.status === 'success' || e.status === 'error');
				return runs.length > before ? runs[runs.length - 1] : undefined;
			});
			expect(run.status).toBe('success');
			const [assessment] = await nodeItems(run.id, 'Assess pushed message');
			expect(assessment).toMatchObject({ mentionId: '880001', platform: 'wechat_oa', riskLevel: 'critical' });
			expect(assessment.categories).toEqual(expect.arrayContaining(['safety_quality', 'refund_dispute', 'media_exposure']));
			expect(await nodeItems(run.id, 'High or critical')).toHaveLength(1);
		}, 60_000);

		it('rejects a bad signature with 401 and starts nothing', async () => {
			const before = (await webhookRuns()).length;
			const forged = signed({}, 'not-the-token');
			for (const query of [forged, new URLSearchParams({ timestamp: '1', nonce: '2' })]) {
				const res = await fetch(`${url()}?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: xml('伪造的消息', '880002') });
				expect(res.status).toBe(401);
				expect(await res.text()).not.toBe('success');
			}
			await new Promise((r) => setTimeout(r, 1500));
			expect((await webhookRuns()).length).toBe(before);
		});
	});
});
