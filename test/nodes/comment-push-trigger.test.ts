/**
 * Comment Push Trigger's webhook(): WeChat's signature and echostr handshake, plain-text XML messages,
 * the signed (HMAC-SHA256) webhook with its replay window, and 401 without starting anything.
 * The webhook context is faked (n8n-core's engine does not serve HTTP); the real server path is covered
 * by test/e2e/risk-monitoring.test.ts.
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { CommentPushTrigger } from '../../nodes/CommentPushTrigger/CommentPushTrigger.node';
import { hmacSignature, parseWechatXml, wechatSignature } from '../../lib/platforms/wechat-oa-push';

const TOKEN = 'mediaopsPushToken01';
const SECRET = 'a-shared-secret-of-some-length';

interface Call {
	name: 'setup' | 'default';
	params?: IDataObject;
	query?: IDataObject;
	headers?: IDataObject;
	raw?: string;
}

async function call(c: Call): Promise<{ result: IWebhookResponseData; status: number; body: unknown }> {
	const sent = { status: 200, body: undefined as unknown };
	const res = {
		status(code: number) {
			sent.status = code;
			return res;
		},
		type() {
			return res;
		},
		send(body: unknown) {
			sent.body = body;
			return res;
		},
		json(body: unknown) {
			sent.body = body;
			return res;
		},
	};
	const params: IDataObject = { source: 'wechatOa', path: 'p', accountId: '', replayWindowSeconds: 300, ...c.params };
	const ctx = {
		getNodeParameter: (name: string, fallback?: unknown) => params[name] ?? fallback,
		getCredentials: async () => ({ wechatToken: TOKEN, hmacSecret: SECRET }),
		getResponseObject: () => res,
		getRequestObject: () => ({ rawBody: c.raw === undefined ? undefined : Buffer.from(c.raw) }),
		getQueryData: () => c.query ?? {},
		getHeaderData: () => c.headers ?? {},
		getBodyData: () => ({}),
		getWebhookName: () => c.name,
	} as unknown as IWebhookFunctions;
	const result = await new CommentPushTrigger().webhook.call(ctx);
	return { result, status: sent.status, body: sent.body };
}

function signedQuery(extra: IDataObject = {}): IDataObject {
	const timestamp = String(Math.floor(Date.now() / 1000));
	const nonce = '1538362473';
	return { timestamp, nonce, signature: wechatSignature(TOKEN, timestamp, nonce), ...extra };
}

const XML = `<xml><ToUserName><![CDATA[gh_3e1c0ffee]]></ToUserName><FromUserName><![CDATA[oUser123]]></FromUserName><CreateTime>1772338200</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[喝了你们的咖啡拉肚子，要投诉 <不是玩笑> & 要退款]]></Content><MsgId>24567890123456789</MsgId></xml>`;

describe('Comment Push Trigger', () => {
	it('answers WeChat’s handshake with echostr when the signature is right, 401 otherwise', async () => {
		const ok = await call({ name: 'setup', query: signedQuery({ echostr: '7093384729' }) });
		expect(ok).toMatchObject({ status: 200, body: '7093384729' });
		expect(ok.result.workflowData).toBeUndefined();
		const bad = await call({ name: 'setup', query: { ...signedQuery({ echostr: 'x' }), signature: '0'.repeat(40) } });
		expect(bad.status).toBe(401);
		expect(bad.body).not.toBe('x');
	});

	it('turns a signed text message into a Mention and answers "success"', async () => {
		const { result, status, body } = await call({ name: 'default', query: signedQuery(), raw: XML, params: { accountId: 'wxsandbox0000brand' } });
		expect(status).toBe(200);
		expect(body).toBe('success');
		const [[item]] = result.workflowData!;
		expect(item.json).toEqual({
			platform: 'wechat_oa',
			id: '24567890123456789',
			kind: 'dm',
			accountId: 'wxsandbox0000brand',
			author: { id: 'oUser123' },
			text: '喝了你们的咖啡拉肚子，要投诉 <不是玩笑> & 要退款',
			createdAt: '2026-03-01T12:10:00+08:00',
		});
	});

	it('rejects a bad or missing signature with 401 and starts nothing', async () => {
		for (const query of [{ ...signedQuery(), signature: 'f'.repeat(40) }, { timestamp: '1', nonce: '2' }, {}]) {
			const { result, status } = await call({ name: 'default', query, raw: XML });
			expect(status).toBe(401);
			expect(result.workflowData).toBeUndefined();
		}
	});

	it('acknowledges events without starting the workflow', async () => {
		const event = '<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[o1]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event></xml>';
		const { result, body } = await call({ name: 'default', query: signedQuery(), raw: event });
		expect(body).toBe('success');
		expect(result.workflowData).toBeUndefined();
	});

	describe('signed webhook', () => {
		const mention = { platform: 'weibo', id: 'c1', author: { id: 'u1', followers: 120000 }, text: '再不退款就找记者曝光', createdAt: '2026-03-01T12:00:00+08:00' };
		const signed = (raw: string, at = Math.floor(Date.now() / 1000)) => ({ 'x-mediaops-timestamp': String(at), 'x-mediaops-signature': hmacSignature(SECRET, String(at), raw) });

		it('accepts a correctly signed body of Mentions', async () => {
			const raw = JSON.stringify({ mentions: [mention, { ...mention, id: 'c2' }] });
			const { result, status, body } = await call({ name: 'default', params: { source: 'signed' }, raw, headers: signed(raw) });
			expect(status).toBe(200);
			expect(body).toEqual({ received: 2 });
			expect(result.workflowData![0].map((i) => i.json.id)).toEqual(['c1', 'c2']);
		});

		it('rejects a tampered body, a stale timestamp and invalid Mentions', async () => {
			const raw = JSON.stringify(mention);
			const tampered = await call({ name: 'default', params: { source: 'signed' }, raw: raw.replace('退款', '退货'), headers: signed(raw) });
			expect(tampered.status).toBe(401);
			expect(tampered.result.workflowData).toBeUndefined();
			const stale = await call({ name: 'default', params: { source: 'signed' }, raw, headers: signed(raw, Math.floor(Date.now() / 1000) - 3600) });
			expect(stale).toMatchObject({ status: 401, body: { error: 'timestamp outside the replay window' } });
			const invalid = JSON.stringify({ text: 'no id' });
			const bad = await call({ name: 'default', params: { source: 'signed' }, raw: invalid, headers: signed(invalid) });
			expect(bad.status).toBe(400);
		});
	});

	it('parses WeChat XML without being fooled by nested markup', () => {
		expect(parseWechatXml(XML)).toMatchObject({ MsgType: 'text', FromUserName: 'oUser123', CreateTime: '1772338200' });
		expect(parseWechatXml('<xml><Content>a &lt;b&gt; &amp; c</Content></xml>')).toEqual({ Content: 'a <b> & c' });
		expect(parseWechatXml('not xml')).toEqual({});
	});
});
