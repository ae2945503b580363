/**
 * workflows/negative-spike-watch.json end to end in a real n8n against the sandbox. The workflow is published and
 * its schedule (hourly when shipped) fires every 20 seconds here, so the test sees four production runs:
 * 1. the seeded complaint wave on a controversial article opens an incident: one alert card per incident at the
 *    sandbox's WeCom group bot and one row per incident in the Data Table `mediaops_risk_events`;
 * 2. the next run sends nothing and changes no row (baselines and open incidents in workflow static data);
 * 3. the wave grows (more negative comments become visible) and the incident escalates: one "escalated" card with
 *    the higher level, the same incident id, its row updated in place;
 * 4. the run after that sends nothing again.
 *
 * The sandbox clock runs `lag` hours behind the suite clock until step 3, when it catches up and the comments of
 * those hours appear. The suite clock (risk-support.ts) reads 14:00 Asia/Shanghai when the suite starts, in n8n
 * too, so the suite passes at any real time of day (a lag never crosses the China date). The seed and the lag are
 * picked at start, with the core library on the sandbox's seeded truth, such that the wave alerts, then
 * escalates, and the picture holds for the next minutes.
 */
import { waitFor as waitUntil, workflowExecutions, type Execution } from './n8n-rest';
import { SANDBOX_WECHAT_ACCOUNTS } from '../../sandbox';
import { WechatDataset } from '../../sandbox/platforms/wechat/data';
import { sandboxWebhookUrl } from '../../sandbox/platforms/notify';
import { addDays } from '../../sandbox/dates';
import { commentToMention } from '../../lib/platforms/wechat-oa-comments';
import { assessMentions, detectSpikes } from '../../lib/risk';
import { escapeChatMarkdown } from '../../lib/notify/escape';
import type { RiskAlert, RiskAssessment } from '../../lib/model';
import { PACKAGE_NAME, readWorkflow, type E2eEnv } from './support';
import { nodeItems as storedItems, onSuiteClock, setUpRiskE2e, shanghaiDay, suiteClock, type SuiteClock } from './risk-support';

const WORKFLOW_ID = 'mediaopsNegSpikeWatch';
const TABLE = 'mediaops_risk_events';
const BRAND = SANDBOX_WECHAT_ACCOUNTS[0];
const HOUR = 3_600_000;
const LEVEL_ZH: Record<string, string> = { low: '低', medium: '中', high: '高', critical: '严重' };

type Json = Record<string, unknown>;

const spikeOptions = (now: number) => ({ now: new Date(now), preset: 'socialmetrix' as const, timezone: 'Asia/Shanghai', owner: '舆情值班 PR on duty', maxSeenIds: 20000 });

interface Scenario {
	seed: number;
	lagMs: number;
	/** Alerts of run 1 (lagging clock) and of run 3 (clock caught up), as the workflow's chain computes them. */
	opened: RiskAlert[];
	escalated: RiskAlert[];
}

/** What runs 1–4 raise for a seed and a lag, if the script holds: alerts, nothing, an escalation, nothing. */
function simulate(seed: number, lagHours: number, t0: number): Scenario | undefined {
	let clock = new Date(t0);
	const data = new WechatDataset(seed, () => clock);
	const cache = new Map<string, RiskAssessment>();
	const assessedAt = (at: number): RiskAssessment[] | undefined => {
		clock = new Date(at);
		const yesterday = data.yesterday();
		const articles = data.articlesPublished(BRAND.appId, addDays(yesterday, -7), yesterday);
		if (!articles.some((a) => a.controversial)) return undefined;
		const mentions = articles.flatMap((a) =>
			(data.comments(a.msgDataId, a.index - 1) ?? []).map((c) => commentToMention(c as unknown as Record<string, unknown>, { msgDataId: a.msgDataId, index: a.index - 1 }, BRAND.appId)!),
		);
		const fresh = mentions.filter((m) => !cache.has(m.id));
		assessMentions(fresh).forEach((a, i) => cache.set(fresh[i].id, a));
		return mentions.map((m) => cache.get(m.id)!);
	};
	const all = assessedAt(t0);
	if (!all) return undefined;
	const early = assessedAt(t0 - lagHours * HOUR)!;
	const r1 = detectSpikes({ assessments: early }, undefined, spikeOptions(t0));
	if (!r1.alerts.length) return undefined;
	const r2 = detectSpikes({ assessments: early }, r1.state, spikeOptions(t0 + 20_000));
	const r3 = detectSpikes({ assessments: all }, r2.state, spikeOptions(t0 + 40_000));
	const r4 = detectSpikes({ assessments: all }, r3.state, spikeOptions(t0 + 60_000));
	if (r2.alerts.length || r4.alerts.length || r3.alerts.length !== 1 || r3.alerts[0].status !== 'escalated') return undefined;
	return { seed, lagMs: lagHours * HOUR, opened: r1.alerts, escalated: r3.alerts };
}

const signature = (s: Scenario) => JSON.stringify([s.opened.map((a) => [a.id, a.level, a.observed]), s.escalated.map((a) => [a.id, a.level, a.observed])]);

/** A seed and a lag whose wave alerts now and escalates when the lag goes, identically if the test runs 6 minutes late. */
function pickScenario(): Scenario {
	const now = clock.now();
	for (let seed = 1; seed < 5000; seed++) {
		for (const lagHours of [3, 6, 9]) {
			// n8n asks the datacube for days up to its own yesterday: the lagging sandbox must be on the same China date.
			if (shanghaiDay(now - lagHours * HOUR) !== shanghaiDay(now)) continue;
			const s = simulate(seed, lagHours, now);
			if (!s) continue;
			const later = simulate(seed, lagHours, now + 6 * 60_000);
			if (later && signature(later) === signature(s)) return s;
		}
	}
	throw new Error('no sandbox seed whose complaint wave escalates within the lag');
}

const clock: SuiteClock = suiteClock();
let env: E2eEnv;
const executions = (): Promise<Execution[]> => workflowExecutions(env.n8n, WORKFLOW_ID, 50);
const waitFor = <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> => waitUntil(what, probe, timeoutMs, 250);

let scenario: Scenario;
let lagMs = 0;

/** The first `count` schedule runs once they have all finished (and no later one is running). */
async function scheduleRuns(count: number): Promise<Execution[]> {
	return waitFor(`${count} finished schedule runs`, async () => {
		const runs = (await executions()).filter((e) => e.mode === 'trigger');
		return runs.length >= count && runs.every((e) => e.status !== 'running' && e.status !== 'new') ? runs.slice(0, count) : undefined;
	});
}

const nodeItems = (executionId: string, node: string, index = 0): Promise<Json[]> => storedItems(env, executionId, node, index);

async function wecomMessages(): Promise<string[]> {
	const res = await fetch(`${env.sandbox.url}/__sandbox/notify/messages?channel=wecom`);
	const body = (await res.json()) as { messages: Array<{ body: { markdown?: { content: string } } }> };
	return body.messages.map((m) => m.body.markdown?.content ?? '');
}

beforeAll(async () => {
	scenario = pickScenario();
	lagMs = scenario.lagMs;
	env = await setUpRiskE2e('negative-spike-watch', clock, { seed: scenario.seed, now: () => new Date(clock.now() - lagMs) });
	await env.n8n.importCredentials([
		{ id: 'mediaopsWecomBot01', name: 'WeCom bot (risk alerts)', type: 'weComBotApi', data: { webhookUrl: sandboxWebhookUrl('https://qyapi.weixin.qq.com', 'wecom'), baseUrl: env.sandbox.url } },
	]);
	const workflow = readWorkflow('negative-spike-watch.json') as { nodes: Array<{ name: string; parameters: Json }> };
	// The shipped schedule is hourly; a test cannot wait for that, so this copy fires every 20 seconds.
	workflow.nodes.find((n) => n.name === 'Every hour')!.parameters = { rule: { interval: [{ field: 'seconds', secondsInterval: 20 }] } };
	await env.n8n.importWorkflow(workflow);
	await env.n8n.publish(WORKFLOW_ID);
	await env.n8n.start();
	await env.n8n.setupOwner();
}, 600_000);

afterAll(async () => env?.close());

describe('negative-spike-watch in real n8n', () => {
	let firstRows: Json[];
	let firstMessages: string[];

	it('loads the nodes it uses', async () => {
		const types = await env.n8n.nodeTypes({ via: 'http' });
		expect(types).toEqual(expect.arrayContaining([`${PACKAGE_NAME}.sentimentRisk`, `${PACKAGE_NAME}.teamNotify`]));
	});

	it('run 1: the complaint wave opens incidents, each sent once to the WeCom group and logged once', async () => {
		const [first] = await scheduleRuns(1);
		expect(first.status).toBe('success');
		// n8n itself runs on the suite clock (else the scenario below would not be the one picked).
		expect(onSuiteClock(first.startedAt, clock)).toBe(true);
		const alerts = await nodeItems(first.id, 'Detect spikes');
		expect(alerts.map((a) => [a.id, a.status, a.level, a.observed])).toEqual(scenario.opened.map((a) => [a.id, 'open', a.level, a.observed]));
		for (const a of alerts) expect(a).toMatchObject({ type: 'negative_spike', accountId: BRAND.appId, platform: 'wechat_oa', owner: '舆情值班 PR on duty' });

		const sent = await nodeItems(first.id, 'Notify team (WeCom)');
		expect(sent.map((s) => [s.alertId, s.level, s.ok])).toEqual(alerts.map((a) => [a.id, a.level, true]));
		firstMessages = await wecomMessages();
		expect(firstMessages).toHaveLength(alerts.length);
		alerts.forEach((a, i) => {
			expect(firstMessages[i]).toContain(`【${LEVEL_ZH[String(a.level)]}】负面声量激增`);
			expect(firstMessages[i]).toContain(a.metric === 'negative_volume' ? '负面声量' : '负面占比');
			expect(firstMessages[i]).toContain('启动舆情应急预案');
		});
		// Evidence: the most negative comments of the window, as plain words (never markup).
		const evidence = (alerts[0].evidence as Json[]).slice(0, 3);
		for (const e of evidence) expect(firstMessages[0]).toContain(escapeChatMarkdown(String(e.text)).slice(0, 10));

		firstRows = await env.n8n.dataTableRows(TABLE);
		expect(firstRows.map((r) => r.incidentId).sort()).toEqual(alerts.map((a) => a.id).sort());
		for (const a of alerts) {
			expect(firstRows.find((r) => r.incidentId === a.id)).toMatchObject({ type: 'negative_spike', status: 'open', level: a.level, metric: a.metric, observed: a.observed, platform: 'wechat_oa', accountId: BRAND.appId });
		}
	}, 180_000);

	it('run 2: nothing new, no card, no row touched', async () => {
		const runs = await scheduleRuns(2);
		expect(runs[1].status).toBe('success');
		expect(await nodeItems(runs[1].id, 'Detect spikes')).toEqual([]);
		expect(await wecomMessages()).toEqual(firstMessages);
		const rows = await env.n8n.dataTableRows(TABLE);
		expect(rows.map((r) => [r.incidentId, r.updatedAt])).toEqual(firstRows.map((r) => [r.incidentId, r.updatedAt]));
		// The wave grows: the comments of the last `lag` hours become visible before run 3 starts.
		expect((await executions()).filter((e) => e.mode === 'trigger')).toHaveLength(2);
		lagMs = 0;
	}, 180_000);

	it('run 3: the growing wave escalates the same incident: one "escalated" card, its row updated in place', async () => {
		const runs = await scheduleRuns(3);
		expect(runs[2].status).toBe('success');
		const alerts = await nodeItems(runs[2].id, 'Detect spikes');
		const [want] = scenario.escalated;
		expect(alerts).toHaveLength(1);
		expect(alerts[0]).toMatchObject({ id: want.id, status: 'escalated', level: want.level, observed: want.observed, metric: want.metric });
		const opened = scenario.opened.find((a) => a.id === want.id)!;
		expect(['none', 'low', 'medium', 'high', 'critical'].indexOf(want.level)).toBeGreaterThan(['none', 'low', 'medium', 'high', 'critical'].indexOf(opened.level));

		const messages = await wecomMessages();
		expect(messages).toHaveLength(firstMessages.length + 1);
		expect(messages[messages.length - 1]).toContain(`【${LEVEL_ZH[want.level]}】负面声量激增`);
		expect(messages[messages.length - 1]).toContain('（已升级）');

		const rows = await env.n8n.dataTableRows(TABLE);
		expect(rows).toHaveLength(firstRows.length);
		expect(rows.find((r) => r.incidentId === want.id)).toMatchObject({ status: 'escalated', level: want.level, observed: want.observed });
	}, 180_000);

	it('run 4: the ongoing incident stays quiet', async () => {
		const runs = await scheduleRuns(4);
		expect(runs[3].status).toBe('success');
		expect(await nodeItems(runs[3].id, 'Detect spikes')).toEqual([]);
		expect(await wecomMessages()).toHaveLength(firstMessages.length + 1);
	}, 180_000);
});
