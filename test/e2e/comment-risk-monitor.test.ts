/**
 * workflows/comment-risk-monitor.json and its feeder workflows/comment-risk-poller.json end to end in a real n8n
 * against the sandbox, both published (production webhooks, polling and schedule):
 * - WeChat push: the echostr handshake, a correctly signed message answered "success", scored critical, raised
 *   as an incident alert (Sentiment Risk · Raise Alerts, suggested actions from lib/risk/actions.ts) sent as a card
 *   to the sandbox's WeCom group bot (level shown, the comment's markdown and @all neutralised) and logged once in
 *   the Data Table `mediaops_risk_events`; a second message about the same thing joins that incident without a
 *   second card; a bad signature gets 401 and starts nothing;
 * - signed webhook (HMAC-SHA256): a signed Mention is scored and alerted; a wrong signature or a stale timestamp
 *   gets 401 and starts nothing;
 * - polling (comment-risk-poller's MediaOps Trigger, new comments, handed to the monitor as a sub-workflow): comments
 *   that appear after activation are emitted once, scored, and the high/critical ones grouped into incidents (one card
 *   per incident) and logged;
 * - the schedule tick (comment-risk-poller's Every 30 minutes → the monitor's Raise alerts): n8n restarted on a clock
 *   25 hours on, with no comment coming in, the tick alone resolves every open incident once, those the webhooks opened
 *   and those the polls opened (a resolved card and the row updated each), then says nothing.
 *
 * The sandbox clock runs `lag` behind the suite clock, so at activation the trigger records the comments visible
 * then; setting lag to 0 reveals the comments of the last `lag` hours, which the next poll must emit. The seed and
 * lag are picked (with the core library on the sandbox's seeded truth) so that a few of those comments are high or
 * critical. The suite clock (risk-support.ts) reads 14:00 Asia/Shanghai when the suite starts, in n8n too, so the
 * suite passes at any real time of day (a lag never crosses the China date).
 */
import { restData, waitFor as waitUntil, workflowExecutions, type Execution } from './n8n-rest';
import { SANDBOX_WECHAT_ACCOUNTS, type Sandbox } from '../../sandbox';
import { WechatDataset } from '../../sandbox/platforms/wechat/data';
import { sandboxWebhookUrl } from '../../sandbox/platforms/notify';
import { addDays } from '../../sandbox/dates';
import { commentToMention } from '../../lib/platforms/wechat-oa-comments';
import { hmacSignature, wechatSignature } from '../../lib/platforms/wechat-oa-push';
import { alertsFromAssessments, assessMentions, primaryCategory } from '../../lib/risk';
import { escapeChatMarkdown } from '../../lib/notify/escape';
import type { Mention, RiskAlert, RiskAssessment } from '../../lib/model';
import { PACKAGE_NAME, readWorkflow, type E2eEnv } from './support';
import { SUITE_START_HOUR, nodeItems as storedItems, onSuiteClock, setUpRiskE2e, shanghaiDay, suiteClock, type SuiteClock } from './risk-support';

const WORKFLOW_ID = 'mediaopsCommentRisk';
const POLLER_ID = 'mediaopsCommentRiskPoller';
const TABLE = 'mediaops_risk_events';
const BRAND = SANDBOX_WECHAT_ACCOUNTS[0];
/** "New comments" watches the articles of this many days (the shipped value). */
const WATCHED_DAYS = 3;
const PUSH_TOKEN = 'mediaopsSandboxPushToken';
const HMAC_SECRET = 'sandbox-hmac-secret-0123456789';
const PUSH_CREDENTIAL = { id: 'mediaopsCommentPush01', name: 'MediaOps Comment Push (sandbox)', type: 'commentPushApi', data: { wechatToken: PUSH_TOKEN, hmacSecret: HMAC_SECRET } };
const HOUR = 3_600_000;
const OWNER = '舆情值班 PR on duty';
/** The last test restarts n8n on a clock this far on: past Raise Alerts' Resolve After (24 h). */
const JUMP_MS = 25 * HOUR;
/**
 * The hour of day (Asia/Shanghai) the suite clock reads after the jump, and only then: the copy's schedule ticks in
 * that hour alone, so it stays out of the earlier tests (they finish within the suite's first hour).
 */
const TICK_HOUR = (SUITE_START_HOUR + 1) % 24;

type Json = Record<string, unknown>;

/** Comment mentions the trigger sees with the sandbox clock at `at` (articles of the last WATCHED_DAYS complete days). */
function visibleComments(data: WechatDataset): Mention[] {
	const yesterday = data.yesterday();
	return data
		.articlesPublished(BRAND.appId, addDays(yesterday, -(WATCHED_DAYS - 1)), yesterday)
		.flatMap((a) => (data.comments(a.msgDataId, a.index - 1) ?? []).map((c) => commentToMention(c as unknown as Record<string, unknown>, { msgDataId: a.msgDataId, index: a.index - 1 }, BRAND.appId)!));
}

/** A seed and a lag whose revealed comments include 1–6 high or critical ones (WeCom bots take 20 messages a minute). */
function pickSeedAndLag(): { seed: number; lagMs: number; revealed: string[]; high: string[] } {
	const now = clock.now();
	for (let seed = 1; seed < 3000; seed++) {
		let sandboxAt = new Date(now);
		const data = new WechatDataset(seed, () => sandboxAt);
		const all = visibleComments(data);
		for (const lagHours of [2, 4, 8, 1, 3, 6, 0.5]) {
			// n8n asks the datacube for days up to its own yesterday: the lagging sandbox must be on the same China date.
			if (shanghaiDay(now - lagHours * HOUR) !== shanghaiDay(now)) continue;
			sandboxAt = new Date(now - lagHours * HOUR);
			const before = new Set(visibleComments(data).map((m) => m.id));
			// Comments a few minutes younger than the lag must not change the picture: require the same set 5 min on.
			sandboxAt = new Date(now - lagHours * HOUR + 5 * 60_000);
			const later = new Set(visibleComments(data).map((m) => m.id));
			if (later.size !== before.size) continue;
			const revealed = all.filter((m) => !before.has(m.id));
			const high = assessMentions(revealed).filter((a) => a.riskLevel === 'high' || a.riskLevel === 'critical');
			if (high.length >= 1 && high.length <= 6 && revealed.length <= 60) return { seed, lagMs: lagHours * HOUR, revealed: revealed.map((m) => m.id), high: high.map((a) => a.mentionId) };
		}
	}
	throw new Error('no sandbox seed with a few high-risk comments to reveal');
}

const clock: SuiteClock = suiteClock();
/** Unix seconds on the suite clock, as the senders of pushes and signed comments stamp them. */
const unixNow = () => Math.floor(clock.now() / 1000);
let env: E2eEnv;
const executions = (): Promise<Execution[]> => workflowExecutions(env.n8n, WORKFLOW_ID, 100);
const waitFor = <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> => waitUntil(what, probe, timeoutMs, 500);

let sandbox: Sandbox;
let lagMs = 0;
let picked: ReturnType<typeof pickSeedAndLag>;

const finished = (e: Execution) => e.status !== 'running' && e.status !== 'new' && e.status !== 'waiting';
/** The monitor's runs the poller started (as a sub-workflow: each poll that found comments, each tick). */
const fromPoller = (e: Execution) => e.mode !== 'webhook';

/** The next finished execution of `mode` after the `before` ones. */
async function nextRun(mode: string, before: number): Promise<Execution> {
	return waitFor(`a finished ${mode} execution`, async () => {
		const runs = (await executions()).filter((e) => e.mode === mode);
		return runs.length > before && runs.slice(before).every(finished) ? runs[runs.length - 1] : undefined;
	});
}

const nodeItems = (executionId: string, node: string, index = 0): Promise<Json[]> => storedItems(env, executionId, node, index);

/** What the sandbox's WeCom group bot accepted, as markdown contents. */
async function wecomMessages(): Promise<string[]> {
	const res = await fetch(`${sandbox.url}/__sandbox/notify/messages?channel=wecom`);
	const body = (await res.json()) as { messages: Array<{ body: { msgtype: string; markdown?: { content: string } } }> };
	return body.messages.map((m) => {
		expect(m.body.msgtype).toBe('markdown');
		return m.body.markdown!.content;
	});
}

beforeAll(async () => {
	picked = pickSeedAndLag();
	lagMs = picked.lagMs;
	env = await setUpRiskE2e('comment-risk-monitor', clock, { seed: picked.seed, now: () => new Date(clock.now() - lagMs) });
	sandbox = env.sandbox;
	await env.n8n.importCredentials([
		PUSH_CREDENTIAL,
		// The URL a user pastes from the group bot; the base URL override sends it to the sandbox receiver.
		{ id: 'mediaopsWecomBot01', name: 'WeCom bot (risk alerts)', type: 'weComBotApi', data: { webhookUrl: sandboxWebhookUrl('https://qyapi.weixin.qq.com', 'wecom'), baseUrl: sandbox.url } },
	]);
	await env.n8n.importWorkflow(readWorkflow('comment-risk-monitor.json'));
	const poller = readWorkflow('comment-risk-poller.json') as { nodes: Array<{ name: string; parameters: Json }> };
	// The shipped poll is every 5 minutes; this copy polls every 15 seconds (n8n refuses a '*' in the seconds field).
	poller.nodes.find((n) => n.name === 'New comments')!.parameters.pollTimes = { item: [{ mode: 'custom', cronExpression: '0,15,30,45 * * * * *' }] };
	// The shipped tick is every 30 minutes; this copy's ticks every 20 seconds, in TICK_HOUR only (see JUMP_MS).
	poller.nodes.find((n) => n.name === 'Every 30 minutes')!.parameters = { rule: { interval: [{ field: 'cronExpression', expression: `*/20 * ${TICK_HOUR} * * *` }] } };
	await env.n8n.importWorkflow(poller);
	await env.n8n.publish(WORKFLOW_ID);
	await env.n8n.publish(POLLER_ID);
	await env.n8n.start();
	await env.n8n.setupOwner();
}, 600_000);

afterAll(async () => env?.close());

describe('comment-risk-monitor in real n8n', () => {
	it('loads the nodes it uses', async () => {
		const types = await env.n8n.nodeTypes({ via: 'http' });
		expect(types).toEqual(expect.arrayContaining([`${PACKAGE_NAME}.sentimentRisk`, `${PACKAGE_NAME}.commentPushTrigger`, `${PACKAGE_NAME}.mediaOpsTrigger`, `${PACKAGE_NAME}.teamNotify`]));
	});

	describe('WeChat push', () => {
		const url = () => `${env.n8n.url}/webhook/mediaops-comments`;
		function signed(extra: Record<string, string> = {}, token = PUSH_TOKEN): URLSearchParams {
			const timestamp = String(unixNow());
			const nonce = String(Math.floor(Math.random() * 1e9));
			return new URLSearchParams({ timestamp, nonce, signature: wechatSignature(token, timestamp, nonce), ...extra });
		}
		const xml = (content: string, msgId: string) =>
			`<xml><ToUserName><![CDATA[gh_sandbox0brand]]></ToUserName><FromUserName><![CDATA[oSandboxUser0000000000000001]]></FromUserName><CreateTime>${unixNow()}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${msgId}</MsgId></xml>`;
		const webhookRuns = async () => (await executions()).filter((e) => e.mode === 'webhook');

		it('answers the echostr handshake', async () => {
			const res = await fetch(`${url()}?${signed({ echostr: '5838479218127813673' })}`);
			expect(res.status).toBe(200);
			expect(await res.text()).toBe('5838479218127813673');
		});

		let incidentId = '';
		it('a critical message is answered "success", raised as an incident, sent to the WeCom group with its markup neutralised, and logged', async () => {
			const before = (await webhookRuns()).length;
			const messagesBefore = (await wecomMessages()).length;
			const text = '你们的咖啡喝完拉肚子了，再不退款我就打12315投诉 <@all> **速看** [详情](http://evil.example/x)';
			const res = await fetch(`${url()}?${signed()}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: xml(text, '880001') });
			expect(res.status).toBe(200);
			expect(await res.text()).toBe('success');
			const run = await nextRun('webhook', before);
			expect(run.status).toBe('success');
			expect(onSuiteClock(run.startedAt, clock)).toBe(true);
			const [assessment] = await nodeItems(run.id, 'Assess mentions');
			expect(assessment).toMatchObject({ mentionId: '880001', platform: 'wechat_oa', riskLevel: 'critical' });
			expect(assessment.categories).toEqual(expect.arrayContaining(['safety_quality', 'refund_dispute', 'media_exposure']));
			const alerts = await nodeItems(run.id, 'Raise alerts');
			expect(alerts).toHaveLength(1);
			const [alert] = alerts;
			// One incident per account and main category; the push's account is the OA's original ID.
			expect(alert).toMatchObject({ type: 'safety_quality', status: 'open', level: 'critical', platform: 'wechat_oa', accountId: 'gh_sandbox0brand', metric: 'risk_mentions', observed: 1, owner: OWNER });
			expect(String(alert.id)).toMatch(/^risk:wechat_oa:gh_sandbox0brand:safety_quality:/);
			expect((alert.evidence as Json[]).map((e) => e.mentionId)).toEqual(['880001']);
			incidentId = String(alert.id);
			const [sent] = await nodeItems(run.id, 'Notify team (WeCom)');
			expect(sent).toMatchObject({ channel: 'wecom', ok: true, status: 'sent', level: 'critical', alertId: incidentId });

			const messages = await wecomMessages();
			expect(messages).toHaveLength(messagesBefore + 1);
			const card = messages[messages.length - 1];
			expect(card).toContain('🔴');
			expect(card).toContain('【严重】');
			expect(card).toContain('安全与质量');
			// The comment is evidence, rendered as the words it is: no @all, no bold, no link.
			expect(card).toContain('你们的咖啡喝完拉肚子了');
			expect(card).toContain('＜＠all＞');
			expect(card).toContain('＊＊速看＊＊');
			expect(card).toContain('［详情］(http：//evil.example/x)');
			expect(card).not.toContain('<@all>');
			expect(card).not.toContain('**速看**');
			expect(card).not.toContain('http://evil.example');

			const rows = await env.n8n.dataTableRows(TABLE);
			const row = rows.find((r) => r.incidentId === incidentId);
			expect(row).toMatchObject({ type: 'safety_quality', status: 'open', level: 'critical', platform: 'wechat_oa', metric: 'risk_mentions', observed: 1, evidenceIds: '880001', action: 'notified: wecom', owner: OWNER, handledBy: '', outcome: '' });
			// The actions of every category the incident touches, from lib/risk/actions.ts.
			expect(String(row!.suggestedActions)).toContain('立即核查涉事批次');
			expect(String(row!.suggestedActions)).toContain('核实订单与售后记录');
		}, 120_000);

		it('a second message about the same problem joins the open incident: no second card, the row unchanged', async () => {
			const before = (await webhookRuns()).length;
			const messagesBefore = (await wecomMessages()).length;
			const rowBefore = (await env.n8n.dataTableRows(TABLE)).find((r) => r.incidentId === incidentId);
			const res = await fetch(`${url()}?${signed()}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: xml('喝了你们的咖啡我也拉肚子了，要求退款，不然就打12315投诉', '880004') });
			expect(await res.text()).toBe('success');
			const run = await nextRun('webhook', before);
			expect(run.status).toBe('success');
			const [assessment] = await nodeItems(run.id, 'Assess mentions');
			expect(assessment).toMatchObject({ mentionId: '880004', riskLevel: expect.stringMatching(/^(high|critical)$/) });
			expect(primaryCategory(assessment.categories as RiskAssessment['categories'])).toBe('safety_quality');
			expect(await nodeItems(run.id, 'Raise alerts')).toEqual([]);
			expect(await wecomMessages()).toHaveLength(messagesBefore);
			const rows = await env.n8n.dataTableRows(TABLE);
			expect(rows.find((r) => r.incidentId === incidentId)).toEqual(rowBefore);
			expect(rows.some((r) => String(r.evidenceIds).includes('880004'))).toBe(false);
		}, 120_000);

		it('a neutral message is scored and raises nothing: no card, no row', async () => {
			const before = (await webhookRuns()).length;
			const messagesBefore = (await wecomMessages()).length;
			const res = await fetch(`${url()}?${signed()}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: xml('请问周末门店几点开门？', '880003') });
			expect(await res.text()).toBe('success');
			const run = await nextRun('webhook', before);
			expect(run.status).toBe('success');
			expect((await nodeItems(run.id, 'Assess mentions'))[0]).toMatchObject({ mentionId: '880003', riskLevel: 'none' });
			expect(await nodeItems(run.id, 'Raise alerts')).toEqual([]);
			expect(await wecomMessages()).toHaveLength(messagesBefore);
			expect((await env.n8n.dataTableRows(TABLE)).some((r) => String(r.evidenceIds).includes('880003'))).toBe(false);
		}, 120_000);

		it('rejects a bad signature with 401 and starts nothing', async () => {
			const before = (await webhookRuns()).length;
			for (const query of [signed({}, 'not-the-token'), new URLSearchParams({ timestamp: '1', nonce: '2' })]) {
				const res = await fetch(`${url()}?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: xml('伪造的消息：拉肚子 12315', '880002') });
				expect(res.status).toBe(401);
				expect(await res.text()).not.toBe('success');
			}
			await new Promise((r) => setTimeout(r, 1500));
			expect((await webhookRuns()).length).toBe(before);
		});
	});

	describe('signed webhook', () => {
		const url = () => `${env.n8n.url}/webhook/mediaops-comments-signed`;
		const mention = {
			platform: 'weibo',
			id: 'wb-5001',
			accountId: 'sandbox-weibo-brand',
			author: { id: 'u-9001', name: 'food-reporter', followers: 250_000 },
			text: 'Got food poisoning from your latte, my lawyer will sue and the press already knows',
			createdAt: new Date(clock.now()).toISOString(),
			url: 'https://weibo.example/wb-5001',
		};
		const post = (body: string, timestamp: string, signature: string) =>
			fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json', 'x-mediaops-timestamp': timestamp, 'x-mediaops-signature': signature }, body });

		it('a signed mention is scored, alerted and logged; a wrong signature or a stale timestamp gets 401 and starts nothing', async () => {
			const runsBefore = (await executions()).filter((e) => e.mode === 'webhook').length;
			const body = JSON.stringify({ mentions: [mention] });
			const now = String(unixNow());
			const stale = String(unixNow() - 3600);
			expect((await post(body, now, hmacSignature('wrong-secret', now, body))).status).toBe(401);
			expect((await post(body, stale, hmacSignature(HMAC_SECRET, stale, body))).status).toBe(401);
			await new Promise((r) => setTimeout(r, 1500));
			expect((await executions()).filter((e) => e.mode === 'webhook').length).toBe(runsBefore);

			const messagesBefore = (await wecomMessages()).length;
			const res = await post(body, now, hmacSignature(HMAC_SECRET, now, body));
			expect(res.status).toBe(200);
			expect(await res.json()).toEqual({ received: 1 });
			const run = await nextRun('webhook', runsBefore);
			expect(run.status).toBe('success');
			const [assessment] = await nodeItems(run.id, 'Assess mentions');
			expect(assessment).toMatchObject({ mentionId: 'wb-5001', platform: 'weibo', riskLevel: 'critical' });
			const [alert] = await nodeItems(run.id, 'Raise alerts');
			expect(alert).toMatchObject({ type: primaryCategory(assessment.categories as RiskAssessment['categories']), status: 'open', level: 'critical', platform: 'weibo', accountId: 'sandbox-weibo-brand', observed: 1 });
			const messages = await wecomMessages();
			expect(messages).toHaveLength(messagesBefore + 1);
			const card = messages[messages.length - 1];
			expect(card).toContain('【严重】');
			expect(card).toContain('Got food poisoning from your latte');
			// Evidence with an http(s) URL is linked.
			expect(card).toContain('(https://weibo.example/wb-5001)');
			const row = (await env.n8n.dataTableRows(TABLE)).find((r) => r.incidentId === alert.id);
			expect(row).toMatchObject({ level: 'critical', platform: 'weibo', accountId: 'sandbox-weibo-brand', evidenceIds: 'wb-5001', action: 'notified: wecom' });
		}, 120_000);
	});

	describe('polling (MediaOps Trigger)', () => {
		it('comments that appear after activation are emitted once, scored, and the high/critical ones raised as incidents, sent once each and logged', async () => {
			const pollsBefore = (await executions()).filter(fromPoller);
			// Nothing that existed at activation was emitted ("Start From Now").
			for (const run of pollsBefore) {
				const ids = (await nodeItems(run.id, 'Assess mentions')).map((a) => String(a.mentionId));
				expect(ids.filter((id) => picked.revealed.includes(id))).toEqual([]);
			}
			const messagesBefore = (await wecomMessages()).length;
			lagMs = 0;
			// The next polls (every 15 s) emit what the sandbox now shows.
			const runs = await waitFor('the revealed comments to be polled', async () => {
				const polls = (await executions()).filter(fromPoller).slice(pollsBefore.length);
				if (!polls.length || !polls.every(finished)) return undefined;
				const ids = (await Promise.all(polls.map((p) => nodeItems(p.id, 'Assess mentions')))).flat().map((a) => String(a.mentionId));
				return picked.revealed.every((id) => ids.includes(id)) ? polls : undefined;
			});
			const assessed = (await Promise.all(runs.map((r) => nodeItems(r.id, 'Assess mentions')))).flat();
			const ids = assessed.map((a) => String(a.mentionId));
			expect(new Set(ids).size).toBe(ids.length);
			for (const run of runs) expect(run.status).toBe('success');
			const high = assessed.filter((a) => a.riskLevel === 'high' || a.riskLevel === 'critical');
			expect(high.map((a) => a.mentionId).sort()).toEqual(expect.arrayContaining([...picked.high].sort()));

			// What Raise Alerts must make of the polls, run by run, by the core library: one alert per incident
			// (account × main category), later comments of an open incident silent unless its level rises.
			// The state starts with the polls before the reveal (they may have raised something already).
			const revealRuns = new Set(runs.map((r) => r.id));
			let state: Parameters<typeof alertsFromAssessments>[1];
			const expected: RiskAlert[] = [];
			const raised: Json[] = [];
			for (const poll of [...pollsBefore, ...runs]) {
				const input = (await nodeItems(poll.id, 'Assess mentions')) as unknown as RiskAssessment[];
				const step = alertsFromAssessments(input, state, { now: poll.startedAt ?? new Date(clock.now()).toISOString(), timezone: 'Asia/Shanghai', owner: OWNER, language: 'zh' });
				state = step.state;
				if (!revealRuns.has(poll.id)) continue;
				expected.push(...step.alerts);
				raised.push(...(await nodeItems(poll.id, 'Raise alerts')));
			}
			const shape = (a: Json | RiskAlert) => [a.type, a.status, a.level, a.accountId, a.observed, (a.evidence as Json[]).map((e) => e.mentionId)];
			expect(raised.map(shape)).toEqual(expected.map(shape));
			expect(raised.length).toBeGreaterThan(0);
			expect(raised.length).toBeLessThanOrEqual(high.length);

			// One card per alert, showing its level and its top comment as plain words.
			const messages = (await wecomMessages()).slice(messagesBefore);
			expect(messages).toHaveLength(raised.length);
			raised.forEach((a, i) => {
				expect(messages[i]).toContain(`【${a.level === 'critical' ? '严重' : '高'}】`);
				expect(messages[i]).toContain(escapeChatMarkdown(String((a.evidence as Json[])[0].text)).slice(0, 10));
			});
			// Every high or critical comment belongs to a logged incident of its account and main category.
			const rows = await env.n8n.dataTableRows(TABLE);
			for (const a of raised) expect(rows.find((r) => r.incidentId === a.id)).toMatchObject({ level: a.level, accountId: BRAND.appId, metric: 'risk_mentions', action: 'notified: wecom' });
			for (const a of high) {
				const prefix = `risk:wechat_oa:${BRAND.appId}:${primaryCategory(a.categories as RiskAssessment['categories'])}:`;
				expect(rows.some((r) => String(r.incidentId).startsWith(prefix))).toBe(true);
			}
		}, 180_000);
	});

	describe('schedule tick (Every 30 minutes)', () => {
		type Incidents = Record<string, { id: string; level: string }>;
		/** The open incidents in Raise alerts' workflow static data, as n8n stores it. */
		async function openIncidents(): Promise<Incidents> {
			const workflow = await restData<{ staticData?: string | Json | null }>(env.n8n, `/rest/workflows/${WORKFLOW_ID}`);
			const data = (typeof workflow.staticData === 'string' ? JSON.parse(workflow.staticData) : (workflow.staticData ?? {})) as Json;
			const state = (data['node:Raise alerts'] as Json | undefined)?.assessmentAlertState as { incidents?: Incidents } | undefined;
			return state?.incidents ?? {};
		}

		it('with n8n restarted 25 hours on and no comment coming in, the tick alone resolves every open incident once: a resolved card and the row updated each', async () => {
			const open = Object.values(await openIncidents());
			// Every incident the push, signed and poll tests opened is still held: none was lost to a trigger's save of
			// stale static data (why the poll and the tick live in comment-risk-poller), and every row still open is one.
			const openRows = (await env.n8n.dataTableRows(TABLE)).filter((r) => r.status !== 'resolved');
			expect(open.map((i) => i.id).sort()).toEqual(openRows.map((r) => String(r.incidentId)).sort());
			expect(open.some((i) => i.id.startsWith('risk:wechat_oa:gh_sandbox0brand:'))).toBe(true);
			expect(open.some((i) => i.id.startsWith('risk:weibo:'))).toBe(true);
			expect(open.some((i) => i.id.startsWith(`risk:wechat_oa:${BRAND.appId}:`))).toBe(true);
			const messagesBefore = (await wecomMessages()).length;
			const runsBefore = (await executions()).length;

			// Restart n8n with its clock 25 h on; the sandbox stays where it was, so no new comment can come in
			// (the poll's datacube request for n8n's yesterday is refused: that run errors before it reaches Raise alerts).
			await env.n8n.stop();
			env.n8n.env.MEDIAOPS_CLOCK_OFFSET_MS = String(clock.offsetMs + JUMP_MS);
			await env.n8n.start();
			await env.n8n.setupOwner();

			const tickRuns = async () => {
				const runs = (await executions()).slice(runsBefore).filter((e) => fromPoller(e) && finished(e));
				const ticks: Execution[] = [];
				for (const run of runs) if ((await nodeItems(run.id, 'From comment-risk-poller')).some((i) => 'timestamp' in i)) ticks.push(run);
				return ticks;
			};
			const [tick] = await waitFor('a schedule tick after the restart', async () => ((await tickRuns()).length ? tickRuns() : undefined), 120_000);
			expect(tick.status).toBe('success');
			expect(Date.parse(tick.startedAt!) - clock.now()).toBeGreaterThan(24 * HOUR);
			// The tick started the run: no comment was assessed (Assess mentions passed the tick over and handed on
			// Always Output Data's empty item), Raise alerts ran without an assessment.
			expect(await nodeItems(tick.id, 'From comment-risk-poller')).toHaveLength(1);
			expect(await nodeItems(tick.id, 'Assess mentions')).toEqual([{}]);

			const resolved = await nodeItems(tick.id, 'Raise alerts');
			expect(resolved.map((a) => a.id).sort()).toEqual(open.map((i) => i.id).sort());
			for (const a of resolved) expect(a).toMatchObject({ status: 'resolved', resolution: 'quiet' });
			expect(await openIncidents()).toEqual({});

			// One card each, saying resolved, and each incident's row updated (upsert on incidentId) to resolved.
			const cards = (await wecomMessages()).slice(messagesBefore);
			expect(cards).toHaveLength(resolved.length);
			for (const card of cards) expect(card).toContain('（已解除）');
			const sent = await nodeItems(tick.id, 'Notify team (WeCom)');
			expect(sent.map((m) => m.alertId).sort()).toEqual(resolved.map((a) => a.id).sort());
			const rows = await env.n8n.dataTableRows(TABLE);
			for (const a of resolved) {
				const matching = rows.filter((r) => r.incidentId === a.id);
				expect(matching).toHaveLength(1);
				expect(matching[0]).toMatchObject({ status: 'resolved', level: a.level, action: 'notified: wecom' });
			}

			// Resolved once: the next tick finds nothing to say.
			const next = await waitFor('a second tick', async () => (await tickRuns()).find((r) => r.id !== tick.id));
			expect(next.status).toBe('success');
			expect(await nodeItems(next.id, 'Raise alerts')).toEqual([]);
			expect(await wecomMessages()).toHaveLength(messagesBefore + resolved.length);
		}, 300_000);
	});
});
