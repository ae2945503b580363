/**
 * workflows/content-publishing-pipeline.json in a real n8n against the sandbox: calendar rows in a Data Table →
 * Get Due → Check Compliance → Publish → status written back → event log. Duplicate protection is checked on the
 * sandbox's own publish count: a second run, two runs at once and runs under injected faults never post twice,
 * and every failure ends up in the calendar with its cause.
 */
import * as fs from 'node:fs';
import { readWorkflow, setUpE2e, type E2eEnv } from './support';
import { ACCOUNT, APPROVAL_CREDENTIAL, CALENDAR, EVENTS, overlaps, post, publishState, seedPosts } from './content-support';
import { createAxiosHttpClient } from '../../lib/http/axios-client';
import { PostSchema } from '../../lib/model';
import { WechatOaApi } from '../../lib/platforms/wechat-oa-api';
import { WechatOaPublisher } from '../../lib/platforms/wechat-oa-publish';
import { keyFor } from '../../lib/publish/run';

const WORKFLOW_ID = 'mediaopsContentPublishing';
let env: E2eEnv;

beforeAll(async () => {
	env = await setUpE2e('content-publishing');
	await env.n8n.importCredentials([APPROVAL_CREDENTIAL]);
	await env.n8n.importWorkflow(readWorkflow('content-publishing-pipeline.json'));
	await env.n8n.start();
	await env.n8n.runWorkflow(WORKFLOW_ID); // creates the tables
});

afterAll(async () => env?.close());

type Row = Record<string, any>;
const byId = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.postId, r]));
const calendar = async () => byId(await env.n8n.dataTableRows(CALENDAR));

describe('content-publishing-pipeline in real n8n', () => {
	it('loads both nodes, Content Calendar also as an AI tool', async () => {
		const types = await env.n8n.nodeTypes({ via: 'http' });
		expect(types).toEqual(expect.arrayContaining(['n8n-nodes-mediaops.contentCalendar', 'n8n-nodes-mediaops.contentCalendarTool', 'n8n-nodes-mediaops.socialPublish']));
	});

	it('is laid out without overlaps and references credentials by name only', () => {
		const wf = readWorkflow('content-publishing-pipeline.json') as any;
		expect(overlaps(wf)).toEqual([]);
		const text = JSON.stringify(wf);
		expect(text).not.toContain(ACCOUNT.appSecret);
		expect(wf.nodes.find((n: Row) => n.name === 'Publish').credentials).toEqual({ weChatOfficialAccountApi: { id: 'mediaopsWechatOa01', name: 'WeChat OA (sandbox)' } });
	});

	it('publishes what is due, blocks non-compliant and rejected posts with the cause, marks overdue ones, leaves the rest', async () => {
		await seedPosts(env.n8n, [
			post('due-1', -1, { status: 'approved' }),
			post('late-1', -120),
			post('future-1', 60),
			post('reject-1', -2, { title: '新品 [sandbox:reject]' }),
			post('adlaw-1', -3, { title: '全网最低价的咖啡' }),
			post('done-1', -5, { status: 'published', externalId: 'EXISTING' }),
		]);
		await env.n8n.runWorkflow(WORKFLOW_ID);
		const rows = await calendar();
		expect(rows['due-1']).toMatchObject({ status: 'published', publishStatus: 'published', externalId: expect.stringMatching(/^SANDBOX_ART_/), publishKey: expect.stringMatching(/^pub_/) });
		expect(rows['reject-1']).toMatchObject({ status: 'failed', publishStatus: 'failed', publishError: expect.stringContaining('审核不通过') });
		expect(rows['adlaw-1']).toMatchObject({ status: 'failed', publishError: expect.stringContaining('全网最低') });
		expect(rows['late-1']).toMatchObject({ status: 'scheduled', publishStatus: 'overdue', publishError: expect.stringContaining('missed_window') });
		expect(rows['future-1']).toMatchObject({ status: 'scheduled', publishStatus: null });
		expect(rows['done-1']).toMatchObject({ status: 'published', externalId: 'EXISTING' });
		expect(JSON.parse(rows['due-1'].history).at(-1)).toMatchObject({ actor: 'mediaops:publisher', toStatus: 'published' });

		const events = await env.n8n.dataTableRows(EVENTS);
		expect(events.map((e) => [e.postId, e.eventType]).sort()).toEqual([
			['adlaw-1', 'failed'],
			['due-1', 'published'],
			['reject-1', 'failed'],
		]);
		expect(events.find((e) => e.postId === 'due-1')).toMatchObject({ url: expect.stringMatching(/^https:\/\/mp\.weixin/) });
		const state = await publishState(env.sandbox);
		expect(state.published).toBe(1);
		expect(state.submits).toBe(2); // due-1 and reject-1 (rejected by WeChat review); adlaw-1 never left n8n
	});

	it('a second run publishes nothing again', async () => {
		const before = await publishState(env.sandbox);
		await env.n8n.runWorkflow(WORKFLOW_ID);
		const after = await publishState(env.sandbox);
		expect(after.submits).toBe(before.submits);
		expect((await calendar())['due-1'].status).toBe('published');
	});

	it('two runs at once publish each due post exactly once', async () => {
		await seedPosts(env.n8n, [post('race-1', -1), post('race-2', -1)]);
		const before = await publishState(env.sandbox);
		const runs = await Promise.all([env.n8n.runWorkflow(WORKFLOW_ID), env.n8n.runWorkflow(WORKFLOW_ID)]);
		expect(runs.map((r) => r.status)).toEqual(['success', 'success']);
		// They really overlapped (each publish polls WeChat for about 2 s).
		expect(Date.parse(runs[0].startedAt) < Date.parse(String(runs[1].stoppedAt)) && Date.parse(runs[1].startedAt) < Date.parse(String(runs[0].stoppedAt))).toBe(true);
		const after = await publishState(env.sandbox);
		expect(after.published - before.published).toBe(2);
		expect(after.submits - before.submits).toBe(2); // a run that loses the race never submits
		const titles = after.publications.filter((p) => p.status === 0).flatMap((p) => p.titles);
		expect(titles.filter((t) => t.endsWith('race-1'))).toHaveLength(1);
		expect(titles.filter((t) => t.endsWith('race-2'))).toHaveLength(1);
		const rows = await calendar();
		expect([rows['race-1'].status, rows['race-2'].status]).toEqual(['published', 'published']);
		// Both runs may report; whatever they wrote, the calendar agrees with WeChat on the article id.
		expect(new Set([rows['race-1'].externalId, rows['race-2'].externalId]).size).toBe(2);
	});

	it('under injected faults nothing is lost or doubled, and an exhausted retry is visible with its cause and retried next run', async () => {
		await seedPosts(env.n8n, [post('fault-1', -1), post('fault-2', -1, { title: '新品 fault-2' })]);
		const before = await publishState(env.sandbox);
		env.sandbox.setFaults([
			{ route: '/cgi-bin/freepublish/submit', kind: 'reset', count: 1 },
			{ route: '/cgi-bin/freepublish/get', kind: 'expiredToken', count: 1 },
			{ route: '/cgi-bin/draft/batchget', kind: 'http429', count: 1, retryAfterSeconds: 1 },
		]);
		await env.n8n.runWorkflow(WORKFLOW_ID);
		let rows = await calendar();
		expect([rows['fault-1'].status, rows['fault-2'].status]).toEqual(['published', 'published']);
		expect((await publishState(env.sandbox)).published - before.published).toBe(2);

		await seedPosts(env.n8n, [post('fault-3', -1)]);
		env.sandbox.setFaults([{ route: '/cgi-bin/draft/add', kind: 'http503', count: 6 }]);
		await env.n8n.runWorkflow(WORKFLOW_ID);
		rows = await calendar();
		expect(rows['fault-3']).toMatchObject({ status: 'scheduled', publishStatus: 'failed', publishError: expect.stringContaining('[503]') });
		const failedEvent = (await env.n8n.dataTableRows(EVENTS)).find((e) => e.postId === 'fault-3');
		expect(failedEvent).toMatchObject({ eventType: 'failed', message: expect.stringContaining('503') });

		env.sandbox.clearFaults();
		await env.n8n.runWorkflow(WORKFLOW_ID);
		rows = await calendar();
		expect(rows['fault-3']).toMatchObject({ status: 'published', publishStatus: 'published' });
		expect((await publishState(env.sandbox)).published - before.published).toBe(3);
	});

	it('resolves posts stuck in publishing by reading WeChat back, publishing only what never went out', async () => {
		const wentOut = post('stuck-1', -60, { status: 'publishing' });
		const neverSent = post('stuck-2', -60, { status: 'publishing' });
		// A run that published stuck-1 on WeChat but ended before writing the calendar.
		const api = new WechatOaApi({ appId: ACCOUNT.appId, appSecret: ACCOUNT.appSecret, baseUrl: env.sandbox.url }, { http: createAxiosHttpClient() });
		const earlier = await new WechatOaPublisher(api, ACCOUNT.name, { pollIntervalMs: 50 }).publish(PostSchema.parse(wentOut), keyFor(PostSchema.parse(wentOut)));
		expect(earlier.status).toBe('published');
		await seedPosts(env.n8n, [wentOut, neverSent]);
		await env.n8n.runWorkflow(WORKFLOW_ID);
		const rows = await calendar();
		expect(rows['stuck-1']).toMatchObject({ status: 'published', externalId: earlier.externalId });
		expect(rows['stuck-2']).toMatchObject({ status: 'published', publishStatus: 'published' });
		const titles = (await publishState(env.sandbox)).publications.filter((p) => p.status === 0).flatMap((p) => p.titles);
		expect(titles.filter((t) => t.endsWith('stuck-1'))).toHaveLength(1);
		expect(titles.filter((t) => t.endsWith('stuck-2'))).toHaveLength(1);
	});

	it('keeps the app secret and tokens out of n8n’s logs', () => {
		const logs = [env.n8n.logs.server, env.n8n.logs.commands].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f, 'utf8'));
		for (const text of logs) {
			expect(text).not.toContain(ACCOUNT.appSecret);
			expect(text).not.toMatch(/access_token=[A-Za-z0-9_-]{8,}/);
		}
	});
});
