/**
 * Team Notify through n8n-core's engine against the in-process sandbox's chat receivers: one message per item on
 * each channel (signed DingTalk and Feishu bots included), paired outputs, the platform's own error code for a
 * wrong secret or key, Continue On Fail, and no webhook URL, token or secret in any output or error.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INode, INodeParameters } from 'n8n-workflow';
import { DingTalkBotApi } from '../../credentials/DingTalkBotApi.credentials';
import { FeishuBotApi } from '../../credentials/FeishuBotApi.credentials';
import { SlackIncomingWebhookApi } from '../../credentials/SlackIncomingWebhookApi.credentials';
import { WeComBotApi } from '../../credentials/WeComBotApi.credentials';
import { TeamNotify } from '../../nodes/TeamNotify/TeamNotify.node';
import { startSandbox, type Sandbox } from '../../sandbox';
import { SANDBOX_NOTIFY_BOTS, sandboxWebhookUrl } from '../../sandbox/platforms/notify';
import { spikeAlert } from '../lib/notify/fixtures';
import { PACKAGE, registerTypes, runWorkflow, singleNodeWorkflow, type RunResult } from './harness';
import { allText, pairedIndexes } from './support';

const TYPE = `${PACKAGE}.teamNotify`;
const NODE = 'Team Notify';
registerTypes(
	{ [TYPE]: new TeamNotify() },
	{ weComBotApi: new WeComBotApi(), dingTalkBotApi: new DingTalkBotApi(), feishuBotApi: new FeishuBotApi(), slackIncomingWebhookApi: new SlackIncomingWebhookApi() },
);

const CREDENTIAL_OF: Record<string, string> = { wecom: 'weComBotApi', dingtalk: 'dingTalkBotApi', feishu: 'feishuBotApi', slack: 'slackIncomingWebhookApi' };

function run(channel: string, credential: ICredentialDataDecryptedObject, parameters: INodeParameters, items: IDataObject[], extra: Partial<INode> = {}): Promise<RunResult> {
	const type = CREDENTIAL_OF[channel];
	const node: Omit<INode, 'id' | 'position'> = {
		name: NODE,
		type: TYPE,
		typeVersion: 1,
		parameters: { channel, options: { maxAttempts: 2 }, ...parameters },
		credentials: { [type]: { id: `cred-${channel}`, name: `${channel} sandbox` } },
		...extra,
	};
	return runWorkflow(singleNodeWorkflow(node, items), { credentials: { [type]: credential } });
}

describe('Team Notify node (n8n-core engine, sandbox receivers)', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
	});
	afterAll(() => sandbox.close());
	beforeEach(() => fetch(`${sandbox.url}/__sandbox/notify/messages`, { method: 'DELETE' }));
	const received = async (channel: string) => ((await (await fetch(`${sandbox.url}/__sandbox/notify/messages?channel=${channel}`)).json()) as { messages: IDataObject[] }).messages;

	it('WeCom: an alert card per RiskAlert item, paired, with the owner mentioned', async () => {
		const alerts = [spikeAlert(), spikeAlert({ id: 'alert-2', level: 'high', owner: undefined })];
		const result = await run('wecom', { webhookUrl: sandboxWebhookUrl(sandbox.url, 'wecom') }, { operation: 'sendAlert', mentions: 'lisi' }, alerts as unknown as IDataObject[]);
		expect(result.error).toBeUndefined();
		expect(result.nodeOutput(NODE)).toEqual([
			{ channel: 'wecom', ok: true, status: 'sent', code: '0', truncated: false, alertId: 'alert-weibo-brand-1', level: 'critical' },
			{ channel: 'wecom', ok: true, status: 'sent', code: '0', truncated: false, alertId: 'alert-2', level: 'high' },
		]);
		expect(pairedIndexes(result.nodeItems(NODE))).toEqual([0, 1]);
		const [first, second] = await received('wecom');
		const content = ((first.body as IDataObject).markdown as IDataObject).content as string;
		expect(content).toContain('舆情预警【严重】负面声量激增');
		expect(content.endsWith('<@lisi> <@zhangsan>')).toBe(true);
		expect((((second.body as IDataObject).markdown as IDataObject).content as string).endsWith('<@lisi>')).toBe(true);
	});

	it('DingTalk signed robot: the alert arrives signed, in English, with the mobile in `at`', async () => {
		const credential = { webhookUrl: sandboxWebhookUrl(sandbox.url, 'dingtalk', 'signed'), signingSecret: SANDBOX_NOTIFY_BOTS.dingtalk.signed.secret };
		const result = await run('dingtalk', credential, { operation: 'sendAlert', language: 'en', mentions: '13800001111' }, [spikeAlert() as unknown as IDataObject]);
		expect(result.error).toBeUndefined();
		expect(result.nodeOutput(NODE)[0]).toMatchObject({ channel: 'dingtalk', ok: true, status: 'sent' });
		const [message] = await received('dingtalk');
		expect(message).toMatchObject({ signed: true, body: { msgtype: 'markdown', at: { atMobiles: ['13800001111'], atUserIds: ['zhangsan'], isAtAll: false } } });
		expect(((message.body as IDataObject).markdown as IDataObject).title).toBe('🔴 Risk alert【Critical】Negative spike');
	});

	it('DingTalk with a wrong signing secret: errcode 310000 from the platform, and no secret or token anywhere', async () => {
		const credential = { webhookUrl: sandboxWebhookUrl(sandbox.url, 'dingtalk', 'signed'), signingSecret: 'SECthisIsNotTheSecret0001' };
		const hard = await run('dingtalk', credential, { operation: 'sendText', text: 'hello' }, [{}]);
		expect(hard.error?.message).toContain('[310000]');
		const soft = await run('dingtalk', credential, { operation: 'sendText', text: 'hello' }, [{}], { onError: 'continueRegularOutput' });
		expect(soft.error).toBeUndefined();
		expect(soft.nodeOutput(NODE)).toEqual([expect.objectContaining({ platform: 'dingtalk', code: '310000', operation: 'robot/send', itemIndex: 0 })]);
		for (const text of [allText(hard.error), allText(hard.run.data.resultData), allText(soft.nodeOutput(NODE))]) {
			expect(text).not.toContain(SANDBOX_NOTIFY_BOTS.dingtalk.signed.accessToken);
			expect(text).not.toContain('SECthisIsNotTheSecret0001');
		}
		expect(await received('dingtalk')).toEqual([]);
	});

	it('Feishu signed bot: a report summary card; a wrong secret gives 19021', async () => {
		const report = {
			schemaVersion: 1,
			title: 'Weekly report',
			generatedAt: '2026-03-09T09:00:00+08:00',
			period: { kind: 'week', timezone: 'Asia/Shanghai', start: '2026-03-02', end: '2026-03-08', days: 7 },
			kpis: [],
			findings: [{ rule: 'negative_sentiment', kind: 'problem', severity: 'high', params: { share: 0.42, negative: 42, total: 100 } }],
		};
		const url = sandboxWebhookUrl(sandbox.url, 'feishu', 'signed');
		const ok = await run('feishu', { webhookUrl: url, signingSecret: SANDBOX_NOTIFY_BOTS.feishu.signed.secret }, { operation: 'sendReport', language: 'en', mentions: 'all' }, [{ report } as IDataObject]);
		expect(ok.error).toBeUndefined();
		expect(ok.nodeOutput(NODE)).toEqual([{ channel: 'feishu', ok: true, status: 'sent', code: '0', truncated: false }]);
		const [message] = await received('feishu');
		const card = (message.body as IDataObject).card as { header: { title: { content: string } }; elements: Array<{ text?: { content: string } }> };
		expect(card.header.title.content).toBe('📊 Weekly report');
		expect(card.elements.map((e) => e.text?.content ?? '').join('\n')).toContain('<at id=all></at>');

		const bad = await run('feishu', { webhookUrl: url, signingSecret: 'wrong-secret-123' }, { operation: 'sendReport' }, [report as IDataObject], { onError: 'continueRegularOutput' });
		expect(bad.nodeOutput(NODE)).toEqual([expect.objectContaining({ platform: 'feishu', code: '19021' })]);
		expect(allText(bad.nodeOutput(NODE))).not.toContain(SANDBOX_NOTIFY_BOTS.feishu.signed.token);
	});

	it('Slack: one message per item; plain text from data is escaped (no channel ping)', async () => {
		const credential = { webhookUrl: sandboxWebhookUrl(sandbox.url, 'slack') };
		const result = await run('slack', credential, { operation: 'sendText', title: 'Heads-up', text: '={{ $json.msg }}', language: 'en' }, [{ msg: 'server down <!channel>' }, { msg: 'second' }]);
		expect(result.error).toBeUndefined();
		expect(result.nodeOutput(NODE).map((o) => o.code)).toEqual(['ok', 'ok']);
		const [first] = await received('slack');
		expect(JSON.stringify(first.body)).toContain('server down &lt;!channel&gt;');
		expect(JSON.stringify(first.body)).not.toContain('<!channel>');
	});

	it('Continue On Fail: a bad item becomes an error item paired to it while the others are sent; a wrong WeCom key is 93000 without the key', async () => {
		const credential = { webhookUrl: sandboxWebhookUrl(sandbox.url, 'wecom') };
		const items = [spikeAlert(), { level: 'huge' }, spikeAlert({ id: 'third' })] as unknown as IDataObject[];
		const result = await run('wecom', credential, { operation: 'sendAlert' }, items, { onError: 'continueRegularOutput' });
		const out = result.nodeOutput(NODE);
		expect(out[0]).toMatchObject({ ok: true });
		expect(out[1]).toMatchObject({ itemIndex: 1, error: expect.stringContaining('not a RiskAlert') });
		expect(out[2]).toMatchObject({ ok: true, alertId: 'third' });
		expect(pairedIndexes(result.nodeItems(NODE))).toEqual([0, 1, 2]);

		const wrongKey = `${sandbox.url}/cgi-bin/webhook/send?key=00000000-dead-beef-0000-000000000000`;
		const bad = await run('wecom', { webhookUrl: wrongKey }, { operation: 'sendText', text: 'x' }, [{}]);
		expect(bad.error?.message).toContain('[93000]');
		expect(allText(bad.error) + allText(bad.run.data.resultData)).not.toContain('dead-beef');
	});

	it('a webhook URL of the wrong platform is refused before any request, without echoing it', async () => {
		const result = await run('slack', { webhookUrl: sandboxWebhookUrl(sandbox.url, 'wecom') }, { operation: 'sendText', text: 'x' }, [{}]);
		expect(result.error?.message).toContain('does not look like https://hooks.slack.com/services/');
		expect(allText(result.error)).not.toContain(SANDBOX_NOTIFY_BOTS.wecom.key);
	});
});
