/**
 * lib/notify: signing against known vectors, escaping per dialect, truncation at each platform's limit,
 * mentions, documents from RiskAlert / Report / text, and the webhook transport over a fake HttpClient.
 */
import { PlatformError } from '../../../lib/errors';
import type { HttpClient, HttpRequest, HttpResponse } from '../../../lib/http/http-client';
import { HttpTransportError } from '../../../lib/http/http-client';
import {
	alertDocument,
	dingTalkSign,
	escapeChatMarkdown,
	escapeSlackMrkdwn,
	feishuSign,
	parseMentions,
	parseReport,
	parseRiskAlert,
	renderMessage,
	reportDocument,
	resolveWebhook,
	sendToWebhook,
	signRequest,
	textDocument,
	utf8Bytes,
	type NotifyChannel,
	type NotifyDocument,
} from '../../../lib/notify';
import { spikeAlert } from './fixtures';

const ALL: NotifyChannel[] = ['wecom', 'dingtalk', 'feishu', 'slack'];

describe('signing', () => {
	it('DingTalk: Base64(HmacSHA256(key = secret, timestamp + "\\n" + secret)), the doc’s "this is secret" example', () => {
		// Same value from Python's hmac/hashlib/base64 following DingTalk's Python sample.
		expect(dingTalkSign('this is secret', 1577808000000)).toBe('ijHEivi6YiCNPZOq4hZstmvZ3sPfbioAiMhP30ae7W0=');
	});

	it('Feishu: Base64(HmacSHA256(key = timestamp + "\\n" + secret, empty message))', () => {
		// Same value from Python: hmac.new(b"1599360473\ntest-secret", b"", sha256).
		expect(feishuSign('test-secret', 1599360473)).toBe('wSds2BzzFIIGf/WrhUO+NI1q/9j+FRJd3JNHKAq0NZY=');
		expect(feishuSign('test-secret', '1599360473')).toBe(feishuSign('test-secret', 1599360473));
	});

	it('DingTalk sign goes URL-encoded into the query; Feishu timestamp (seconds, string) and sign into the body', () => {
		const url = new URL('https://oapi.dingtalk.com/robot/send?access_token=abc123');
		const now = 1577808000000;
		const d = signRequest({ channel: 'dingtalk', webhookUrl: url.toString(), secret: 'this is secret' }, url, { msgtype: 'markdown' }, now);
		expect(d.requestUrl).toBe('https://oapi.dingtalk.com/robot/send?access_token=abc123&timestamp=1577808000000&sign=ijHEivi6YiCNPZOq4hZstmvZ3sPfbioAiMhP30ae7W0%3D');
		const f = signRequest({ channel: 'feishu', webhookUrl: 'x', secret: 'test-secret' }, new URL('https://open.feishu.cn/open-apis/bot/v2/hook/t'), { msg_type: 'text' }, 1599360473_123);
		expect(f.body).toEqual({ timestamp: '1599360473', sign: 'wSds2BzzFIIGf/WrhUO+NI1q/9j+FRJd3JNHKAq0NZY=', msg_type: 'text' });
		const plain = signRequest({ channel: 'dingtalk', webhookUrl: 'x' }, url, {}, now);
		expect(plain.requestUrl).toBe(url.toString());
	});
});

describe('escaping user text', () => {
	const hostile = 'a <@all> [x](http://evil.example) **b** `c` # d | e @f & g\nnew line';
	it('WeCom/DingTalk/Feishu: no markup, mention, link or line break survives', () => {
		const out = escapeChatMarkdown(hostile);
		expect(out).not.toMatch(/[<>[\]*`#|@&\n]/);
		expect(out).not.toContain('://');
		expect(out).toContain('＜＠all＞');
	});
	it('Slack: &, <, > are entity-escaped, so <@U…>, <!channel> and <url|label> are text', () => {
		const out = escapeSlackMrkdwn('<!channel> <@U123> <https://x.example|y> & www.evil.example');
		expect(out).toBe('&lt;!channel&gt; &lt;@U123&gt; &lt;https：//x.example|y&gt; &amp; www\u2024evil.example');
	});
	it('bidi overrides and control characters are removed', () => {
		expect(escapeChatMarkdown('ab\u202Ecd\u0007e')).toBe('abcde');
	});
});

describe('alert cards', () => {
	const doc = alertDocument(spikeAlert(), { language: 'zh', mentions: parseMentions(['13800001111', 'all']).mentions });

	it('carry level, type, metric vs baseline and threshold, window, evidence, actions and the owner', () => {
		const wecom = String((renderMessage('wecom', doc).payload.markdown as { content: string }).content);
		expect(wecom).toContain('### 🔴 舆情预警【严重】负面声量激增');
		expect(wecom).toContain('<font color="warning">🔴 严重</font>');
		expect(wecom).toContain('负面声量: 128（基线 21.5，阈值 48）');
		expect(wecom).toContain('1h vs 12h');
		expect(wecom).toContain('[退款三周没到账');
		expect(wecom).toContain('](https://weibo.com/1/abc)');
		expect(wecom).toContain('30 分钟内在评论区置顶说明');
		expect(wecom).toMatch(/<@zhangsan>$/);
	});

	it('never let evidence inject a mention or a link in any dialect', () => {
		const quiet = alertDocument(spikeAlert({ owner: undefined }), { language: 'zh' });
		for (const channel of ALL) {
			const text = JSON.stringify(renderMessage(channel, quiet).payload);
			expect(text).not.toContain('<@all>');
			expect(text).not.toContain('<!channel>');
			expect(text).not.toContain('<at ');
			expect(text).not.toContain('http://evil.example');
			expect(text).not.toContain('javascript:');
			expect(text).not.toContain('<https://phish.example|click>');
		}
	});

	it('mention per channel: DingTalk at + @ in text, Feishu <at>, Slack <@U>/<!channel>, WeCom <@userid>; the rest skipped', () => {
		const dt = renderMessage('dingtalk', doc);
		expect(dt.payload.at).toEqual({ atMobiles: ['13800001111'], atUserIds: ['zhangsan'], isAtAll: true });
		expect((dt.payload.markdown as { text: string }).text).toMatch(/@13800001111 @zhangsan @all$/);
		const fs = renderMessage('feishu', doc);
		expect(JSON.stringify(fs.payload)).toContain('<at id=all></at> <at id=zhangsan></at>');
		expect(fs.skippedMentions).toEqual([{ kind: 'mobile', id: '13800001111' }]);
		const slack = renderMessage('slack', doc);
		expect(JSON.stringify(slack.payload)).toContain('<!channel> <@zhangsan>');
		expect(renderMessage('wecom', doc).skippedMentions.map((m) => m.kind)).toEqual(['mobile', 'all']);
	});

	it('Feishu header colour and Slack blocks follow the level; English labels by option', () => {
		const fs = renderMessage('feishu', alertDocument(spikeAlert({ level: 'medium' }), { language: 'en' }));
		expect((fs.payload.card as { header: { template: string; title: { content: string } } }).header).toMatchObject({ template: 'yellow', title: { content: '🟡 Risk alert【Medium】Negative spike' } });
		const slack = renderMessage('slack', alertDocument(spikeAlert({ metric: 'negative_share', observed: 0.42, baseline: 0.1, threshold: 0.2 }), { language: 'en' }));
		const blocks = slack.payload.blocks as Array<{ type: string; text?: { text: string } }>;
		expect(blocks[0].type).toBe('header');
		expect(blocks.map((b) => b.text?.text ?? '').join('\n')).toContain('Negative share: 42% (baseline 10%, threshold 20%)');
	});

	it('every metric an alert can carry has a label in both languages (Raise Alerts counts risk mentions)', () => {
		for (const [language, label] of [['zh', '风险评论数'], ['en', 'Risk mentions']] as const) {
			const d = alertDocument(spikeAlert({ type: 'complaint', metric: 'risk_mentions', observed: 12, baseline: 0, threshold: 1 }), { language });
			expect(d.fields.map((f) => f.value).join('\n')).toContain(`${label}: 12`);
		}
	});

	it('labels every status, and says an incident closed over Max Open Incidents (a spike: Max Series) was not confirmed resolved', () => {
		const level = (alert: ReturnType<typeof spikeAlert>, language: 'zh' | 'en') => alertDocument(parseRiskAlert(alert), { language }).fields[0].value;
		expect(level(spikeAlert({ status: 'ongoing' }), 'zh')).toContain('（持续中）');
		expect(level(spikeAlert({ status: 'ongoing' }), 'en')).toContain('(ongoing)');
		expect(level(spikeAlert({ status: 'resolved', resolution: 'quiet' }), 'zh')).toContain('（已解除）');
		const incident = { type: 'complaint', metric: 'risk_mentions', status: 'resolved', resolution: 'capacity' } as const;
		const closed = level(spikeAlert(incident), 'en');
		expect(closed).toContain('not confirmed resolved');
		expect(closed).toContain('Max Open Incidents');
		expect(level(spikeAlert(incident), 'zh')).toContain('未确认解除：超出最大未结事件数');
		// Detect Spikes drops whole account × topic series: its card names that limit.
		const spike = level(spikeAlert({ status: 'resolved', resolution: 'capacity' }), 'en');
		expect(spike).toContain('not confirmed resolved: over Max Series');
		expect(level(spikeAlert({ status: 'resolved', resolution: 'capacity' }), 'zh')).toContain('未确认解除：超出最大序列数');
	});

	it('an owner that is not a plain id is shown escaped but never mentioned', () => {
		const d = alertDocument(spikeAlert({ owner: '<!channel>' }), { language: 'en' });
		expect(d.mentions).toEqual([]);
		expect(JSON.stringify(renderMessage('slack', d).payload)).not.toContain('<!channel>');
	});

	it('rejects an item that is not a RiskAlert, naming the field', () => {
		expect(() => parseRiskAlert({ ...spikeAlert(), level: 'huge' })).toThrow(/level/);
	});
});

describe('truncation at each platform’s limit', () => {
	const longAlert = spikeAlert({
		evidence: Array.from({ length: 10 }, (_, i) => ({ mentionId: `m${i}`, text: `第${i}条👨‍👩‍👧‍👦评论`.repeat(40), url: `https://weibo.com/${i}` })),
		suggestedActions: Array.from({ length: 40 }, (_, i) => `措施 ${i}：` + '联系用户并核实订单状态，'.repeat(12)),
	});
	const doc = alertDocument(longAlert, { language: 'zh', maxEvidence: 10 });

	it('WeCom: content ≤ 4096 bytes, whole lines and graphemes, a truncation marker, mentions kept', () => {
		const m = renderMessage('wecom', doc);
		const content = (m.payload.markdown as { content: string }).content;
		expect(m.truncated).toBe(true);
		expect(utf8Bytes(content)).toBeLessThanOrEqual(4096);
		expect(content).toContain('…（内容过长，已截断）');
		expect(content.endsWith('<@zhangsan>')).toBe(true);
		expect(content).not.toMatch(/\uFFFD|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
		// Every line is balanced: bold markers in pairs, link brackets closed, font tags closed.
		for (const line of content.split('\n')) {
			expect((line.match(/\*\*/g) ?? []).length % 2).toBe(0);
			expect((line.match(/<font/g) ?? []).length).toBe((line.match(/<\/font>/g) ?? []).length);
			if (line.includes('](')) expect(line).toMatch(/\]\(https:\/\/weibo\.com\/\d\)/);
		}
		// Family emoji (a ZWJ sequence) is either whole or absent.
		expect(content.replace(/👨‍👩‍👧‍👦/g, '')).not.toMatch(/[👨👩👧👦]/u);
	});

	it('Feishu: the whole JSON body stays under 20 KB; DingTalk text under 20,000 bytes', () => {
		const huge = textDocument('很长的一行内容'.repeat(400) + '\n' + Array.from({ length: 2000 }, (_, i) => `第 ${i} 行 🚀`).join('\n'), { language: 'zh' });
		const fs = renderMessage('feishu', huge);
		expect(fs.truncated).toBe(true);
		expect(utf8Bytes(JSON.stringify({ timestamp: '1700000000', sign: 'x'.repeat(44), ...fs.payload }))).toBeLessThanOrEqual(20 * 1024);
		const dt = renderMessage('dingtalk', huge);
		expect(utf8Bytes((dt.payload.markdown as { text: string }).text)).toBeLessThanOrEqual(20_000);
	});

	it('Slack: ≤ 50 blocks, every section ≤ 3000 characters, header ≤ 150', () => {
		const huge = textDocument(Array.from({ length: 3000 }, (_, i) => `line ${i} & <tag> ${'x'.repeat(60)}`).join('\n'), { language: 'en', title: 'T'.repeat(400) });
		const m = renderMessage('slack', huge);
		const blocks = m.payload.blocks as Array<{ type: string; text?: { text: string } }>;
		expect(m.truncated).toBe(true);
		expect(blocks.length).toBeLessThanOrEqual(50);
		expect(blocks[0].text!.text.length).toBeLessThanOrEqual(150);
		for (const b of blocks) if (b.type === 'section') expect(b.text!.text.length).toBeLessThanOrEqual(3000);
		expect(blocks[blocks.length - 1].text!.text).toContain('truncated');
	});

	it('a single over-long line is cut as plain text on a grapheme boundary', () => {
		const m = renderMessage('wecom', textDocument('🇨🇳'.repeat(3000), { language: 'zh' }));
		const content = (m.payload.markdown as { content: string }).content;
		expect(utf8Bytes(content)).toBeLessThanOrEqual(4096);
		expect(content.replace(/🇨🇳/g, '')).not.toMatch(/\p{Regional_Indicator}/u);
	});
});

describe('report and text documents', () => {
	const report = {
		schemaVersion: 1,
		title: '三月周报 <@all>',
		generatedAt: '2026-03-09T09:00:00+08:00',
		period: { kind: 'week', timezone: 'Asia/Shanghai', start: '2026-03-02', end: '2026-03-08', days: 7 },
		trends: { days: [], daily: [], changes: [{ scope: 'all', competitor: false, metric: 'followers', kind: 'stock', current: 125000, previous: 120000, change: 0.0417, lastYear: null, yoyChange: null, slope: null, slopeRelative: null }] },
		kpis: [{ metric: 'followers', by: '2026-06-30', baseline: 100000, goal: 150000, current: 125000, progress: 0.5, daysRemaining: 100, pacePerDay: 1, pacePerWeek: 7, projected: 140000, status: 'at_risk', achieved: false }],
		risk: { total: 3, open: 2, openHigh: 1, byLevel: {}, byType: [], highest: [] },
		findings: [{ rule: 'engagement_drop', kind: 'problem', severity: 'high', params: { change: -0.25, previous: 4000, current: 3000 } }],
	};

	it('a Report summary has title, period, key metrics, KPI targets and findings', () => {
		const doc = reportDocument(parseReport(report), { language: 'zh' });
		const content = (renderMessage('wecom', doc).payload.markdown as { content: string }).content;
		expect(content).toContain('### 📊 三月周报 ＜＠all＞');
		expect(content).toContain('2026-03-02 – 2026-03-08 (7 天, Asia/Shanghai)');
		expect(content).toContain('粉丝数: 12.5万 (+4.2%)');
		expect(content).toContain('有风险');
		expect(content).toContain('互动量环比');
		expect(content).toContain('未处理的高风险预警 1 条');
	});

	it('plain text is escaped line by line; markdown passes through', () => {
		const plain = renderMessage('slack', textDocument('hi <!here>\n*bold*', { language: 'en', title: 'Heads-up' }));
		expect(JSON.stringify(plain.payload)).toContain('hi &lt;!here&gt;\\n*bold*');
		const md = renderMessage('wecom', textDocument('**明天 10:00** 发布\n[排期表](https://docs.example/cal)', { language: 'zh', format: 'markdown' }));
		expect((md.payload.markdown as { content: string }).content).toBe('### 通知\n**明天 10:00** 发布\n[排期表](https://docs.example/cal)');
		expect(() => textDocument('  ', { language: 'zh' })).toThrow(/empty/);
	});

	it('mention parsing: ids, mobiles, emails, all; anything with markup is refused', () => {
		const { mentions, invalid } = parseMentions(['@all', '+8613800001111', 'ou_7d8a6e', 'a.b@corp.example', '<!channel>', 'U024BE7LH']);
		expect(mentions).toEqual([
			{ kind: 'all', id: 'all' },
			{ kind: 'mobile', id: '8613800001111' },
			{ kind: 'user', id: 'ou_7d8a6e' },
			{ kind: 'email', id: 'a.b@corp.example' },
			{ kind: 'user', id: 'U024BE7LH' },
		]);
		expect(invalid).toEqual(['<!channel>']);
	});
});

// ------------------------------------------------------------------ transport

function fakeHttp(answers: Array<HttpResponse | Error>): HttpClient & { calls: HttpRequest[] } {
	const calls: HttpRequest[] = [];
	return {
		calls,
		async request(req) {
			calls.push(req);
			const next = answers.shift();
			if (!next) throw new Error('no more answers');
			if (next instanceof Error) throw next;
			return next;
		},
	};
}
const json = (status: number, body: unknown): HttpResponse => ({ status, headers: {}, text: JSON.stringify(body) });
const noSleep = { sleep: async () => undefined, random: () => 0.5 };
const WECOM_URL = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';
const doc: NotifyDocument = textDocument('hello', { language: 'en' });

describe('sendToWebhook', () => {
	it('retries a 5xx and a reset with the shared policy, then reports the attempts', async () => {
		const http = fakeHttp([json(502, {}), new HttpTransportError('ECONNRESET', 'network error ECONNRESET'), json(200, { errcode: 0, errmsg: 'ok' })]);
		const result = await sendToWebhook({ channel: 'wecom', webhookUrl: WECOM_URL }, renderMessage('wecom', doc), { http, retryDeps: noSleep });
		expect(result).toEqual({ channel: 'wecom', ok: true, status: 'sent', code: '0', attempts: 3 });
		expect(http.calls[0]).toMatchObject({ method: 'POST', url: WECOM_URL });
	});

	it('surfaces the platform’s own code and message, without the webhook key', async () => {
		const http = fakeHttp([json(200, { errcode: 93000, errmsg: `invalid webhook url, hint: [key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa]` })]);
		const error = await sendToWebhook({ channel: 'wecom', webhookUrl: WECOM_URL }, renderMessage('wecom', doc), { http, retryDeps: noSleep }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(PlatformError);
		expect((error as PlatformError).code).toBe('93000');
		expect((error as PlatformError).retryable).toBe(false);
		expect((error as PlatformError).describe()).toBe('wecom webhook/send failed: [93000] invalid webhook url, hint: [key=***');
		expect(JSON.stringify(error) + (error as Error).message).not.toContain('693a91f6');
	});

	it('DingTalk 310000 and Feishu 19021 are not retried; Feishu 11232 and WeCom 45009 are', async () => {
		const dt = fakeHttp([json(200, { errcode: 310000, errmsg: 'sign not match' })]);
		await expect(sendToWebhook({ channel: 'dingtalk', webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=tok12345', secret: 'SECabc' }, renderMessage('dingtalk', doc), { http: dt, retryDeps: noSleep })).rejects.toMatchObject({ code: '310000', platform: 'dingtalk' });
		expect(dt.calls).toHaveLength(1);
		const fs = fakeHttp([json(200, { code: 11232, msg: 'frequency limited psm', data: {} }), json(200, { StatusCode: 0, code: 0, msg: 'success' })]);
		await expect(sendToWebhook({ channel: 'feishu', webhookUrl: 'https://open.feishu.cn/open-apis/bot/v2/hook/abcd-1234' }, renderMessage('feishu', doc), { http: fs, retryDeps: noSleep })).resolves.toMatchObject({ attempts: 2 });
		const sleeps: number[] = [];
		const wc = fakeHttp([json(200, { errcode: 45009, errmsg: 'api freq out of limit' }), json(200, { errcode: 0 })]);
		await sendToWebhook({ channel: 'wecom', webhookUrl: WECOM_URL }, renderMessage('wecom', doc), { http: wc, retryDeps: { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 } });
		expect(sleeps).toEqual([60_000]);
	});

	it('each retry of a signed DingTalk message carries a fresh timestamp and signature', async () => {
		let t = 1_700_000_000_000;
		const http = fakeHttp([json(500, {}), json(200, { errcode: 0, errmsg: 'ok' })]);
		await sendToWebhook({ channel: 'dingtalk', webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=tok12345', secret: 'SECabc' }, renderMessage('dingtalk', doc), {
			http,
			now: () => new Date((t += 5000)),
			retryDeps: noSleep,
		});
		const stamps = http.calls.map((c) => new URL(c.url).searchParams.get('timestamp'));
		expect(stamps[0]).not.toBe(stamps[1]);
		expect(new URL(http.calls[1].url).searchParams.get('sign')).toBe(dingTalkSign('SECabc', stamps[1]!));
	});

	it('Slack: `ok` is success; error words are codes (invalid_payload, no_service); 429 honours Retry-After', async () => {
		const url = 'https://hooks.slack.com/services/T000/B000/XXXXSECRET';
		const text = (status: number, body: string, headers: Record<string, string> = {}): HttpResponse => ({ status, headers, text: body });
		const sleeps: number[] = [];
		const ok = fakeHttp([text(429, 'rate_limited', { 'retry-after': '2' }), text(200, 'ok')]);
		await expect(sendToWebhook({ channel: 'slack', webhookUrl: url }, renderMessage('slack', doc), { http: ok, retryDeps: { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 } })).resolves.toMatchObject({ code: 'ok' });
		expect(sleeps[0]).toBeGreaterThanOrEqual(2000);
		const bad = fakeHttp([text(400, 'invalid_payload')]);
		const error = (await sendToWebhook({ channel: 'slack', webhookUrl: url }, renderMessage('slack', doc), { http: bad }).catch((e: unknown) => e)) as PlatformError;
		expect([error.code, error.httpStatus, error.message]).toEqual(['invalid_payload', 400, 'the payload could not be understood (invalid JSON or structure)']);
	});

	it('checks the URL shape per channel and never echoes it; the base URL override keeps path and token', () => {
		expect(() => resolveWebhook({ channel: 'dingtalk', webhookUrl: WECOM_URL })).toThrow(/does not look like https:\/\/oapi\.dingtalk\.com/);
		try {
			resolveWebhook({ channel: 'slack', webhookUrl: 'https://hooks.slack.com/services/only/two' });
		} catch (e) {
			expect((e as Error).message).not.toContain('only/two');
		}
		const r = resolveWebhook({ channel: 'feishu', webhookUrl: 'https://open.feishu.cn/open-apis/bot/v2/hook/tok-123', secret: 'sec-xyz', baseUrl: 'http://127.0.0.1:8787/' });
		expect(r.url.toString()).toBe('http://127.0.0.1:8787/open-apis/bot/v2/hook/tok-123');
		expect(r.secrets).toEqual(expect.arrayContaining(['https://open.feishu.cn/open-apis/bot/v2/hook/tok-123', 'sec-xyz', 'tok-123']));
	});
});
