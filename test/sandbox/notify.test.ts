/**
 * The sandbox's chat webhook receivers: tokens, signatures (DingTalk 加签, Feishu 签名校验) with the one-hour
 * window, payload shapes and limits answered with each platform's own error, per-minute limits, fault injection,
 * and the message log control route.
 */
import { dingTalkSign, feishuSign } from '../../lib/notify';
import { SANDBOX_NOTIFY_BOTS, sandboxWebhookUrl } from '../../sandbox/platforms/notify';
import { startTestSandbox, type Json, type TestSandbox } from './helpers';

let t: TestSandbox;
beforeEach(async () => {
	t = await startTestSandbox();
});
afterEach(() => t.sandbox.close());

async function post(url: string, body: unknown): Promise<{ status: number; text: string; json?: Json }> {
	const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
	const text = await res.text();
	let json: Json | undefined;
	try {
		json = JSON.parse(text) as Json;
	} catch {
		json = undefined;
	}
	return { status: res.status, text, json };
}
const md = (content: string) => ({ msgtype: 'markdown', markdown: { content } });
const messages = async (channel?: string) => ((await t.get(`/__sandbox/notify/messages${channel ? `?channel=${channel}` : ''}`)).messages as Json[]);

describe('WeCom group bot /cgi-bin/webhook/send', () => {
	it('accepts a markdown message and records it', async () => {
		const r = await post(sandboxWebhookUrl(t.sandbox.url, 'wecom'), md('**hi**'));
		expect(r.json).toEqual({ errcode: 0, errmsg: 'ok' });
		expect(await messages('wecom')).toEqual([expect.objectContaining({ channel: 'wecom', signed: false, body: md('**hi**') })]);
	});

	it('answers WeCom’s errcodes: 93000 unknown key, 40008 message type, 44004 empty, 40058 over 4096 bytes, 45009 over 20 a minute', async () => {
		const url = sandboxWebhookUrl(t.sandbox.url, 'wecom');
		expect((await post(`${t.sandbox.url}/cgi-bin/webhook/send?key=nope`, md('x'))).json?.errcode).toBe(93000);
		expect((await post(url, { msgtype: 'voice' })).json?.errcode).toBe(40008);
		expect((await post(url, md(' '))).json?.errcode).toBe(44004);
		expect((await post(url, md('字'.repeat(1366)))).json?.errcode).toBe(40058); // 4098 bytes
		expect((await post(url, md('字'.repeat(1365)))).json?.errcode).toBe(0); // 4095 bytes
		for (let i = 0; i < 19; i++) await post(url, md(`m${i}`));
		expect((await post(url, md('one too many'))).json?.errcode).toBe(45009);
		t.clock.ms += 60_000;
		expect((await post(url, md('next minute'))).json?.errcode).toBe(0);
	});
});

describe('DingTalk custom robot /robot/send', () => {
	const body = { msgtype: 'markdown', markdown: { title: '预警', text: '### 预警' }, at: { atMobiles: ['13800001111'], isAtAll: false } };
	const signedUrl = (ts: number, secret: string = SANDBOX_NOTIFY_BOTS.dingtalk.signed.secret) => {
		const u = new URL(sandboxWebhookUrl(t.sandbox.url, 'dingtalk', 'signed'));
		u.searchParams.set('timestamp', String(ts));
		u.searchParams.set('sign', dingTalkSign(secret, ts));
		return u.toString();
	};

	it('accepts a correctly signed message within the hour and records it as signed', async () => {
		expect((await post(signedUrl(t.clock.ms - 30 * 60_000), body)).json).toEqual({ errcode: 0, errmsg: 'ok' });
		expect(await messages('dingtalk')).toEqual([expect.objectContaining({ bot: 'signed', signed: true, body })]);
	});

	it('310000 for a wrong secret, a missing sign or a timestamp over an hour off; 300001 for an unknown token', async () => {
		expect((await post(signedUrl(t.clock.ms, 'SECwrong'), body)).json).toMatchObject({ errcode: 310000, errmsg: expect.stringContaining('sign not match') });
		expect((await post(sandboxWebhookUrl(t.sandbox.url, 'dingtalk', 'signed'), body)).json?.errcode).toBe(310000);
		expect((await post(signedUrl(t.clock.ms - 61 * 60_000), body)).json?.errcode).toBe(310000);
		expect((await post(`${t.sandbox.url}/robot/send?access_token=unknown`, body)).json).toEqual({ errcode: 300001, errmsg: 'token is not exist' });
		expect(await messages('dingtalk')).toEqual([]);
	});

	it('checks the payload: markdown needs title and text; plain bots need no signature; 130101 over 20 a minute', async () => {
		const url = sandboxWebhookUrl(t.sandbox.url, 'dingtalk');
		expect((await post(url, { msgtype: 'markdown', markdown: { text: 'x' } })).json?.errcode).toBe(40035);
		expect((await post(url, 'not json')).json?.errcode).toBe(40035);
		for (let i = 0; i < 20; i++) expect((await post(url, body)).json?.errcode).toBe(0);
		expect((await post(url, body)).json).toEqual({ errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' });
	});
});

describe('Feishu custom bot /open-apis/bot/v2/hook/<token>', () => {
	const card = { msg_type: 'interactive', card: { header: { title: { tag: 'plain_text', content: 'x' }, template: 'red' }, elements: [{ tag: 'div', text: { tag: 'lark_md', content: 'hi' } }] } };

	it('signed bot: timestamp (s) + sign in the body; 19021 for a bad sign or stale timestamp', async () => {
		const url = sandboxWebhookUrl(t.sandbox.url, 'feishu', 'signed');
		const ts = String(Math.floor(t.clock.ms / 1000));
		const ok = await post(url, { timestamp: ts, sign: feishuSign(SANDBOX_NOTIFY_BOTS.feishu.signed.secret, ts), ...card });
		expect(ok.json).toEqual({ StatusCode: 0, StatusMessage: 'success', code: 0, data: {}, msg: 'success' });
		const bad = await post(url, { timestamp: ts, sign: feishuSign('wrong', ts), ...card });
		expect(bad.json).toMatchObject({ code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time' });
		const old = String(Math.floor(t.clock.ms / 1000) - 3601);
		expect((await post(url, { timestamp: old, sign: feishuSign(SANDBOX_NOTIFY_BOTS.feishu.signed.secret, old), ...card })).json?.code).toBe(19021);
		const recorded = await messages('feishu');
		expect(recorded).toHaveLength(1);
		expect(recorded[0].body).toEqual(card);
	});

	it('9499 for a bad shape or a body over 20 KB; 19001 for a revoked hook', async () => {
		const url = sandboxWebhookUrl(t.sandbox.url, 'feishu');
		expect((await post(url, { msg_type: 'interactive', card: { elements: [] } })).json?.code).toBe(9499);
		expect((await post(url, { msg_type: 'text', content: { text: 'x'.repeat(21 * 1024) } })).json?.code).toBe(9499);
		expect((await post(sandboxWebhookUrl(t.sandbox.url, 'feishu', 'revoked'), card)).json?.code).toBe(19001);
		expect((await post(url, card)).json?.code).toBe(0);
	});
});

describe('Slack incoming webhook /services/T/B/X', () => {
	it('ok for text or valid blocks; invalid_payload, no_text, invalid_blocks, no_service as Slack answers', async () => {
		const url = sandboxWebhookUrl(t.sandbox.url, 'slack');
		expect(await post(url, { text: 'hi' })).toMatchObject({ status: 200, text: 'ok' });
		expect(await post(url, 'not json')).toMatchObject({ status: 400, text: 'invalid_payload' });
		expect(await post(url, { username: 'x' })).toMatchObject({ status: 400, text: 'no_text' });
		expect(await post(url, { blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }] })).toMatchObject({ status: 400, text: 'invalid_blocks' });
		expect(await post(url, { blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) })).toMatchObject({ status: 400, text: 'invalid_blocks' });
		expect(await post(sandboxWebhookUrl(t.sandbox.url, 'slack', 'revoked'), { text: 'x' })).toMatchObject({ status: 404, text: 'no_service' });
		expect(await messages('slack')).toHaveLength(1);
	});
});

describe('faults and the message log', () => {
	it('honours fault injection on the webhook paths with each platform’s body for quota faults', async () => {
		t.sandbox.setFaults([
			{ route: '/robot/send', kind: 'quota', count: 1 },
			{ route: '/cgi-bin/webhook/send', kind: 'http503', count: 1 },
		]);
		expect((await post(sandboxWebhookUrl(t.sandbox.url, 'dingtalk'), { msgtype: 'text', text: { content: 'x' } })).json?.errcode).toBe(130101);
		expect((await post(sandboxWebhookUrl(t.sandbox.url, 'wecom'), md('x'))).status).toBe(503);
		expect((await post(sandboxWebhookUrl(t.sandbox.url, 'wecom'), md('x'))).json?.errcode).toBe(0);
		expect(t.sandbox.stats().faultsInjected).toEqual({ '/robot/send': 1, '/cgi-bin/webhook/send': 1 });
	});

	it('lists all channels’ messages without tokens, and DELETE clears them', async () => {
		await post(sandboxWebhookUrl(t.sandbox.url, 'wecom'), md('a'));
		await post(sandboxWebhookUrl(t.sandbox.url, 'slack'), { text: 'b' });
		const all = await messages();
		expect(all.map((m) => m.channel)).toEqual(['wecom', 'slack']);
		expect(JSON.stringify(all)).not.toContain(SANDBOX_NOTIFY_BOTS.wecom.key);
		await fetch(`${t.sandbox.url}/__sandbox/notify/messages`, { method: 'DELETE' });
		expect(await messages()).toEqual([]);
	});
});
