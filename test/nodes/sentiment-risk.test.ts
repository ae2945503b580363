/**
 * Sentiment Risk through n8n-core's real engine: every operation, pairing, Continue On Fail, the spike
 * and incident state in workflow static data across runs, and List WeChat Comments against the in-process sandbox.
 */
import { Workflow, type IDataObject, type INode, type INodeParameters } from 'n8n-workflow';
import { startSandbox, type Sandbox } from '../../sandbox';
import { addDays } from '../../sandbox/dates';
import { SentimentRisk } from '../../nodes/SentimentRisk/SentimentRisk.node';
import { CAPACITY_OUTCOME, SERIES_CAPACITY_OUTCOME } from '../../lib/risk';
import { PACKAGE, registerTypes, runWorkflow, singleNodeWorkflow, type RunResult } from './harness';
import { BRAND, allText, pairedIndexes, wechatCredential } from './support';

const TYPE = `${PACKAGE}.sentimentRisk`;
const NODE = 'Sentiment Risk';
registerTypes({ [TYPE]: new SentimentRisk() });

function run(parameters: INodeParameters, items: IDataObject[] | undefined, extra: Partial<INode> = {}, baseUrl = 'http://127.0.0.1:9'): Promise<RunResult> {
	const node = { name: NODE, type: TYPE, typeVersion: 1, parameters, credentials: { weChatOfficialAccountApi: { id: 'cred-1', name: 'WeChat sandbox' } }, ...extra };
	return runWorkflow(singleNodeWorkflow(node, items), { credentials: wechatCredential(baseUrl) });
}

/** Items of one output (0 or 1) of our node. */
function output(result: RunResult, index: number): IDataObject[] {
	return (result.runData[NODE]?.[0]?.data?.main?.[index] ?? []).map((i) => i.json);
}

const NOW = Date.parse('2026-03-01T12:30:00+08:00');
const iso = (ms: number) => new Date(ms).toISOString();
let seq = 0;
function mention(text: string, minutesAgo = 5, extra: IDataObject = {}): IDataObject {
	seq++;
	return { platform: 'wechat_oa', id: `m${seq}`, accountId: 'wxbrand', author: { id: `u${seq}` }, text, createdAt: iso(NOW - minutesAgo * 60000), ...extra };
}

describe('Sentiment Risk node (n8n-core engine)', () => {
	describe('Analyze Sentiment', () => {
		it('scores Chinese, English, traditional and mixed text, paired to its item', async () => {
			const items = [{ text: '质量太差了，再也不买了' }, { text: 'Absolutely love it, great service!' }, { text: '這個產品真的很棒' }, { text: '包装不错 but the delivery was terrible' }];
			const result = await run({ operation: 'analyzeSentiment' }, items);
			expect(result.error).toBeUndefined();
			const out = result.nodeOutput(NODE);
			expect(out.map((o) => (o.sentiment as IDataObject).label)).toEqual(['negative', 'positive', 'positive', 'negative']);
			expect(out.map((o) => (o.sentiment as IDataObject).language)).toEqual(['zh', 'en', 'zh', 'mixed']);
			expect(out[0].text).toBe(items[0].text);
			expect(pairedIndexes(result.nodeItems(NODE))).toEqual([0, 1, 2, 3]);
		});

		it('reads another field, takes an upstream score when the item has one, and applies ruleset terms', async () => {
			const items = [{ body: { comment: '小黑瓶又到货了' } }, { body: { comment: '小黑瓶又到货了' }, llm: { score: -0.8 } }];
			const plain = await run({ operation: 'analyzeSentiment', textField: 'body.comment', upstreamScoreField: 'llm.score' }, items);
			const [a, b] = plain.nodeOutput(NODE).map((o) => o.sentiment as IDataObject);
			expect(a.source).toBe('builtin');
			expect(b).toMatchObject({ score: -0.8, label: 'negative', source: 'upstream' });

			// 踩雷 is negative slang; a brand whose product line is called 踩雷系列 neutralises it.
			const items2 = [{ text: '踩雷系列新品上架' }];
			const before = (await run({ operation: 'analyzeSentiment' }, items2)).nodeOutput(NODE)[0].sentiment as IDataObject;
			const after = (await run({ operation: 'analyzeSentiment', rulesetTerms: { term: [{ term: '踩雷系列', weight: 0 }] } }, items2)).nodeOutput(NODE)[0].sentiment as IDataObject;
			expect(before.label).toBe('negative');
			expect(after.label).toBe('neutral');
		});

		it('names the item without text; Continue On Fail keeps the others', async () => {
			const failed = await run({ operation: 'analyzeSentiment' }, [{ text: '好' }, { other: 1 }]);
			expect(failed.error?.message).toMatch(/Item 1 has no text in field "text"/);
			const soft = await run({ operation: 'analyzeSentiment' }, [{ text: '好' }, { other: 1 }], { continueOnFail: true });
			const out = soft.nodeOutput(NODE);
			expect(out[1]).toMatchObject({ itemIndex: 1, field: 'text' });
			expect(pairedIndexes(soft.nodeItems(NODE))).toEqual([0, 1]);
		});
	});

	describe('Assess Mentions', () => {
		it('emits one paired RiskAssessment per Mention with categories, term positions and a level', async () => {
			const items = [
				mention('喝了你们的咖啡拉肚子，已经打12315投诉了', 5, { author: { id: 'u', followers: 5000 } }),
				mention('今天的拿铁很好喝'),
				mention('Refund me now or I will sue, worst service ever'),
			];
			const result = await run({ operation: 'assessMentions' }, items);
			expect(result.error).toBeUndefined();
			const [bad, fine, en] = result.nodeOutput(NODE);
			expect(bad).toMatchObject({ mentionId: items[0].id, platform: 'wechat_oa', accountId: 'wxbrand', riskLevel: 'critical', impact: 'severe' });
			expect(bad.categories).toEqual(expect.arrayContaining(['safety_quality', 'media_exposure', 'complaint']));
			for (const m of bad.matches as Array<{ term: string; start: number; end: number }>) expect(String(items[0].text).slice(m.start, m.end)).toBe(m.term);
			expect(fine).toMatchObject({ riskLevel: 'none', categories: [] });
			expect(en.categories).toEqual(expect.arrayContaining(['refund_dispute', 'legal_threat']));
			expect(['high', 'critical']).toContain(en.riskLevel);
			expect(pairedIndexes(result.nodeItems(NODE))).toEqual([0, 1, 2]);
		});

		it('sensitive and banned lists, topic, matrix and impact overrides', async () => {
			const items = [mention('听说竞品A更便宜'), mention('你们的代言人翻车了')];
			const result = await run(
				{ operation: 'assessMentions', sensitiveTerms: '竞品A', bannedTerms: '代言人', topic: 'launch', matrixOverrides: '{"medium": {"moderate": "high"}}' },
				items,
			);
			const [a, b] = result.nodeOutput(NODE);
			expect(a.categories).toEqual(expect.arrayContaining(['sensitive_term']));
			expect(a.topic).toBe('launch');
			expect(b.matches).toEqual(expect.arrayContaining([expect.objectContaining({ category: 'sensitive_term', term: '代言人' })]));
			expect(['high', 'critical']).toContain(b.riskLevel);

			const calm = await run({ operation: 'assessMentions', categoryImpact: '{"complaint": "severe"}' }, [mention('客服态度差，我要投诉')]);
			expect(calm.nodeOutput(NODE)[0].impact).toBe('severe');
			const wrong = await run({ operation: 'assessMentions', matrixOverrides: '{"medium": {"huge": "high"}}' }, [mention('x')]);
			expect(wrong.error?.message).toMatch(/unknown impact "huge"/);
		});

		it('passes a Schedule Trigger tick over without output or error; a Mention beside it is assessed', async () => {
			const tick = { timestamp: '2026-03-01T12:30:00.000+08:00', 'Readable date': 'March 1st 2026, 12:30:00 pm', Timezone: 'Asia/Shanghai (UTC+08:00)' };
			const result = await run({ operation: 'assessMentions' }, [tick, mention('退款！太差了', 1)]);
			expect(result.error).toBeUndefined();
			const out = result.nodeOutput(NODE);
			expect(out).toHaveLength(1);
			expect(out[0]).toMatchObject({ mentionId: `m${seq}`, platform: 'wechat_oa' });
			expect(result.runData[NODE][0].data!.main[0]![0].pairedItem).toEqual({ item: 1 });
		});

		it('rejects an item that is not a Mention, naming the field; Continue On Fail', async () => {
			const result = await run({ operation: 'assessMentions' }, [{ text: 'no id' }]);
			expect(result.error?.message).toMatch(/Item 0 is not a Mention: platform/);
			const soft = await run({ operation: 'assessMentions' }, [mention('好'), { text: 'no id' }], { continueOnFail: true });
			expect(soft.nodeOutput(NODE)[1]).toMatchObject({ itemIndex: 1 });
		});

		it('a comment under other field names is an error naming the item and field, not a tick passed over', async () => {
			// A comment from another system, mapped with its own names: none of platform, id, text.
			const comment = { commentId: 'c9', content: '退款！我要投诉', author: { id: 'u1' }, createdAt: iso(NOW) };
			const result = await run({ operation: 'assessMentions' }, [mention('好'), comment]);
			expect(result.error?.message).toMatch(/Item 1 is not a Mention: platform/);
		});
	});

	describe('Detect Spikes', () => {
		/** Static data kept across runs, as n8n keeps it between production executions. */
		const store: Record<string, IDataObject> = {};
		let spy: jest.SpyInstance;
		beforeAll(() => {
			spy = jest.spyOn(Workflow.prototype, 'getStaticData').mockImplementation((_type: string, node?: INode) => (store[node?.name ?? 'global'] ??= {}));
		});
		afterAll(() => spy.mockRestore());

		async function assessed(items: IDataObject[]): Promise<IDataObject[]> {
			return (await run({ operation: 'assessMentions' }, items)).nodeOutput(NODE);
		}
		const params = (extra: IDataObject = {}): INodeParameters => ({ operation: 'detectSpikes', eventLogOutput: true, options: { referenceTime: '2026-03-01T12:30:00+08:00', language: 'en', owner: 'pr-duty', ...extra } });

		it('learns a baseline, alerts once on a complaint wave, then updates instead of re-alerting', async () => {
			// 12 quiet hours: 6 comments an hour, one negative.
			const history: IDataObject[] = [];
			for (let h = 12; h >= 1; h--) {
				history.push(mention('很好喝，推荐', h * 60), mention('不错', h * 60 + 5), mention('还可以', h * 60 + 7), mention('喜欢这个包装', h * 60 + 9), mention('支持', h * 60 + 11), mention('太难喝了', h * 60 + 13));
			}
			const quiet = await run(params(), await assessed(history));
			expect(quiet.error).toBeUndefined();
			expect(output(quiet, 0)).toEqual([]);
			const state = store[NODE].spikeState as IDataObject;
			expect(Object.keys(state.series as IDataObject)).toEqual(['wxbrand|*']);

			const wave = await assessed([...Array.from({ length: 14 }, (_, i) => mention(`喝完拉肚子，要求退款，太恶心了 ${i}`, 2 + i)), mention('还行', 3)]);
			const first = await run(params(), wave);
			const alerts = output(first, 0);
			expect(alerts.map((a) => a.metric).sort()).toEqual(['negative_share', 'negative_volume']);
			const volume = alerts.find((a) => a.metric === 'negative_volume')!;
			expect(volume).toMatchObject({ type: 'negative_spike', status: 'open', accountId: 'wxbrand', observed: 14, owner: 'pr-duty' });
			expect(volume.evidence as IDataObject[]).toHaveLength(5);
			expect(String((volume.suggestedActions as string[]).join(' '))).toMatch(/emergency/i);
			// Paired with the evidence items, so $('Sentiment Risk').item resolves to a real mention.
			const paired = first.runData[NODE][0].data!.main[0]![0].pairedItem as Array<{ item: number }>;
			expect(paired.map((p) => wave[p.item].mentionId)).toEqual((volume.evidence as IDataObject[]).map((e) => e.mentionId));

			const log = output(first, 1);
			expect(log).toHaveLength(2);
			expect(log[0]).toMatchObject({ incidentId: alerts[0].id, status: 'open', owner: 'pr-duty', platform: 'wechat_oa' });
			expect(typeof log[0].evidenceIds).toBe('string');

			// The same mentions again (a polling overlap) and the same hour: nothing new to say.
			const again = await run(params(), wave);
			expect(output(again, 0)).toEqual([]);
			expect(output(again, 1)).toEqual([]);

			// A bigger wave in the same hour escalates the same incident.
			const more = await assessed(Array.from({ length: 40 }, (_, i) => mention(`退款！投诉！太差了 ${i}`, 1 + (i % 20))));
			const escalated = output(await run(params({ kCritical: 100 }), more), 0).find((a) => a.metric === 'negative_volume');
			if (escalated) {
				expect(escalated.status).toBe('escalated');
				expect(escalated.id).toBe(volume.id);
			}
		});

		it('has one output unless the event log is asked for, and keeps its state bounded', async () => {
			delete store[NODE];
			const result = await run({ operation: 'detectSpikes', options: { maxSeenIds: 100, referenceTime: '2026-03-01T12:30:00+08:00' } }, await assessed(Array.from({ length: 150 }, (_, i) => mention(`好 ${i}`, i))));
			expect(result.runData[NODE][0].data!.main).toHaveLength(1);
			expect((store[NODE].spikeState as { seen: string[] }).seen).toHaveLength(100);
		});

		it('rejects items that are not assessments', async () => {
			const result = await run(params(), [mention('not assessed')]);
			expect(result.error?.message).toMatch(/Item 0 is not a RiskAssessment/);
		});

		it('passes Resolve Margin and Resolve After Quiet Windows to the detector, and a schedule tick is no error', async () => {
			const tickItem = { timestamp: '2026-03-01T12:30:00+08:00', Timezone: 'Asia/Shanghai' };
			const tick = await run(params({ resolveAfterQuietWindows: 1, resolveMargin: 0.5 }), [tickItem]);
			expect(tick.error).toBeUndefined();
			expect((await run(params({ resolveMargin: -1 }), [tickItem])).error?.message).toMatch(/resolveMargin/);
			expect((await run(params({ resolveAfterQuietWindows: 0 }), [tickItem])).error?.message).toMatch(/resolveAfterQuietWindows/);
		});

		it('closes the open spikes of a series dropped beyond Max Series with resolved alerts and event-log rows saying so', async () => {
			delete store[NODE];
			// Two accounts with 12 quiet hours each, then a complaint wave on each, ten minutes apart; the second run has room for one series.
			const history: IDataObject[] = [];
			for (const accountId of ['wxbrand', 'wxshop']) {
				for (let h = 12; h >= 1; h--) history.push(...['很好喝，推荐', '不错', '还可以', '支持', '太难喝了'].map((t, i) => mention(t, h * 60 + i * 3, { accountId })));
			}
			expect((await run(params(), await assessed(history))).error).toBeUndefined();
			const wave = (accountId: string, minutesAgo: number) => assessed(Array.from({ length: 14 }, (_, i) => mention(`喝完拉肚子，要求退款，太恶心了 ${i}`, minutesAgo + i, { accountId })));
			const first = output(await run(params(), await wave('wxbrand', 2)), 0);
			expect(first.map((a) => [a.accountId, a.status])).toEqual([
				['wxbrand', 'open'],
				['wxbrand', 'open'],
			]);
			const second = await run(params({ maxSeries: 1, referenceTime: '2026-03-01T12:40:00+08:00' }), await wave('wxshop', 0));
			expect(output(second, 0).map((a) => [a.accountId, a.status, a.resolution])).toEqual([
				['wxshop', 'open', undefined],
				['wxshop', 'open', undefined],
				['wxbrand', 'resolved', 'capacity'],
				['wxbrand', 'resolved', 'capacity'],
			]);
			expect(output(second, 0).slice(2).map((a) => a.id)).toEqual(first.map((a) => a.id));
			expect(output(second, 1).slice(2)).toMatchObject(first.map((a) => ({ incidentId: a.id, status: 'resolved', outcome: SERIES_CAPACITY_OUTCOME })));
			expect(Object.keys((store[NODE].spikeState as { series: IDataObject }).series)).toEqual(['wxshop|*']);
		});
	});

	describe('Raise Alerts', () => {
		/** Static data kept across runs, as n8n keeps it between production executions. */
		const store: Record<string, IDataObject> = {};
		let spy: jest.SpyInstance;
		beforeAll(() => {
			spy = jest.spyOn(Workflow.prototype, 'getStaticData').mockImplementation((_type: string, node?: INode) => (store[node?.name ?? 'global'] ??= {}));
		});
		afterAll(() => spy.mockRestore());

		async function assessed(items: IDataObject[]): Promise<IDataObject[]> {
			return (await run({ operation: 'assessMentions' }, items)).nodeOutput(NODE);
		}
		const params = (extra: IDataObject = {}, options: IDataObject = {}): INodeParameters => ({
			operation: 'raiseAlerts',
			eventLogOutput: true,
			categoryOwners: { owner: [{ category: 'legal_threat', owner: '法务 legal@brand.cn' }] },
			options: { referenceTime: '2026-03-01T12:30:00+08:00', language: 'en', owner: 'pr-duty', ...options },
			...extra,
		});

		it('one alert per category and account, evidence by reach, owners per category; the same wave again stays quiet', async () => {
			const refunds = Array.from({ length: 12 }, (_, i) => mention(`喝完拉肚子，要求退款，我要投诉到12315 ${i}`, 2 + i, { author: { id: `r${i}`, followers: i * 100 } }));
			const legal = mention('My lawyer will sue you, see you in court', 3);
			const items = await assessed([mention('很好喝，推荐', 1), ...refunds, legal]);
			const high = items.filter((a) => ['high', 'critical'].includes(String(a.riskLevel)));
			expect(high.length).toBeGreaterThanOrEqual(12);

			const first = await run(params(), items);
			expect(first.error).toBeUndefined();
			const alerts = output(first, 0);
			// Twelve comments about the same thing are one incident, not twelve alerts.
			expect(alerts.length).toBeLessThanOrEqual(3);
			const wave = alerts.find((a) => (a.evidence as IDataObject[]).some((e) => e.mentionId === refunds[11].id))!;
			expect(wave).toMatchObject({ status: 'open', platform: 'wechat_oa', accountId: 'wxbrand', metric: 'risk_mentions', observed: 12, owner: 'pr-duty' });
			expect((wave.evidence as IDataObject[]).map((e) => e.mentionId)).toEqual([11, 10, 9, 8, 7].map((k) => refunds[k].id));
			expect(String((wave.suggestedActions as string[]).join(' '))).toMatch(/batch/);
			const legalAlert = alerts.find((a) => a.type === 'legal_threat')!;
			expect(legalAlert).toMatchObject({ owner: '法务 legal@brand.cn', observed: 1 });
			// Paired with the evidence items, so $('Sentiment Risk').item resolves to a real mention.
			const firstItem = first.runData[NODE][0].data!.main[0]!.find((i) => (i.json as IDataObject).id === wave.id)!;
			expect((firstItem.pairedItem as Array<{ item: number }>).map((p) => items[p.item].mentionId)).toEqual((wave.evidence as IDataObject[]).map((e) => e.mentionId));

			const log = output(first, 1);
			expect(log.map((r) => r.incidentId)).toEqual(alerts.map((a) => a.id));
			expect(log[0]).toMatchObject({ status: 'open', platform: 'wechat_oa' });
			// Logged at the reference time, written in the workflow's zone.
			expect(Date.parse(String(log[0].loggedAt))).toBe(NOW);

			// The same comments again (a webhook retry, a polling overlap): nothing to say.
			const again = await run(params(), items);
			expect(output(again, 0)).toEqual([]);
			expect(output(again, 1)).toEqual([]);

			// A day of quiet later the incidents resolve, once.
			const later = await run(params({}, { referenceTime: '2026-03-02T13:00:00+08:00' }), await assessed([mention('不错', 1)]));
			expect(output(later, 0).map((a) => [a.id, a.status]).sort()).toEqual(alerts.map((a) => [a.id, 'resolved']).sort());
		});

		it('pairs an escalation with the mentions that caused it, not with every input item, when they are not among the top evidence', async () => {
			delete store[NODE];
			const wide = await assessed(Array.from({ length: 9 }, (_, i) => mention(`退款！太差了，投诉 w${i}`, 30 + i, { author: { id: `w${i}`, followers: 500 + i } })));
			expect(output(await run(params(), wide), 0)).toMatchObject([{ status: 'open', level: 'high', observed: 9 }]);
			// The tenth mention (no followers) escalates the incident on volume; the praise beside it is unrelated.
			const items = await assessed([mention('很好喝，推荐', 1), mention('退款！太差了，投诉 tenth', 2)]);
			const second = await run(params(), items);
			expect(output(second, 0)).toMatchObject([{ status: 'escalated', level: 'critical', observed: 10 }]);
			const [alertItem] = second.runData[NODE][0].data!.main[0]!;
			expect(alertItem.pairedItem).toEqual([{ item: 1 }]);
			expect(second.runData[NODE][0].data!.main[1]![0].pairedItem).toEqual([{ item: 1 }]);
		});

		it('per mention, with a minimum level, and one output without the event log', async () => {
			delete store[NODE];
			const items = await assessed([mention('退款！太差了，投诉', 1), mention('再也不买了，退款', 2), mention('请问几点开门', 3)]);
			const result = await run({ operation: 'raiseAlerts', groupBy: 'mention', minLevel: 'low', options: { referenceTime: '2026-03-01T12:30:00+08:00' } }, items);
			expect(result.runData[NODE][0].data!.main).toHaveLength(1);
			const alerts = output(result, 0);
			const risky = items.filter((a) => a.riskLevel !== 'none');
			expect(alerts.map((a) => a.id)).toEqual(risky.map((a) => `mention:wechat_oa:${String(a.mentionId)}`));
			expect(alerts.every((a) => a.owner === undefined)).toBe(true);
			expect(String((alerts[0].suggestedActions as string[])[0])).toMatch(/[退款投诉回复]/);
		});

		it('names the item that is not an assessment; Continue On Fail lets the good ones through', async () => {
			delete store[NODE];
			const good = await assessed([mention('My lawyer will sue you, see you in court', 1)]);
			const bad = await run(params(), [...good, { mentionId: 'x', text: 'no platform' }]);
			expect(bad.error?.message).toMatch(/Item 1 is not a RiskAssessment: platform/);
			const soft = await run(params(), [...good, { mentionId: 'x', text: 'no platform' }], { continueOnFail: true });
			const out = output(soft, 0);
			expect(out[0]).toMatchObject({ type: 'legal_threat', status: 'open' });
			expect(out[1]).toMatchObject({ itemIndex: 1 });
			expect(String(out[1].error)).toMatch(/platform/);
		});

		it('a Schedule Trigger tick (or an empty item) runs the resolve pass: quiet incidents close on time, paired to the tick', async () => {
			delete store[NODE];
			const opened = output(await run(params(), await assessed([mention('My lawyer will sue you, see you in court', 1)])), 0);
			expect(opened).toMatchObject([{ type: 'legal_threat', status: 'open' }]);
			// What n8n's Schedule Trigger emits: no assessment field at all.
			const tick = { timestamp: '2026-03-02T13:00:00.000+08:00', 'Readable date': 'March 2nd 2026, 1:00:00 pm', 'Readable time': '1:00:00 pm', 'Day of week': 'Monday', Year: '2026', Month: 'March', 'Day of month': '02', Hour: '13', Minute: '00', Second: '00', Timezone: 'Asia/Shanghai (UTC+08:00)' };
			const early = await run(params({}, { referenceTime: '2026-03-01T18:00:00+08:00' }), [tick]);
			expect(early.error).toBeUndefined();
			expect(output(early, 0)).toEqual([]);
			const resolved = await run(params({}, { referenceTime: '2026-03-02T13:00:00+08:00' }), [tick]);
			expect(resolved.error).toBeUndefined();
			expect(output(resolved, 0)).toMatchObject([{ id: opened[0].id, status: 'resolved', resolution: 'quiet' }]);
			expect(resolved.runData[NODE][0].data!.main[0]![0].pairedItem).toEqual([{ item: 0 }]);
			expect(output(resolved, 1)).toMatchObject([{ incidentId: opened[0].id, status: 'resolved' }]);
			// Resolved once: the next tick has nothing to say; the empty item of Always Output Data is a tick too.
			const after = await run(params({}, { referenceTime: '2026-03-02T13:30:00+08:00' }), [{}]);
			expect(after.error).toBeUndefined();
			expect(output(after, 0)).toEqual([]);
			// A Mention wired in by mistake is still an error, not a tick; so is another node's output (Team Notify's).
			expect((await run(params(), [mention('not assessed')])).error?.message).toMatch(/Item 0 is not a RiskAssessment/);
			expect((await run(params(), [{ ok: true, channel: 'wecom', status: 'sent' }])).error?.message).toMatch(/Item 0 is not a RiskAssessment/);
		});

		it('closes an incident dropped beyond Max Open Incidents with a resolved alert and an event-log row saying so', async () => {
			delete store[NODE];
			const legal = await assessed([mention('My lawyer will sue you, see you in court', 5)]);
			const [first] = output(await run(params({}, { maxIncidents: 1 }), legal), 0);
			const refund = await assessed([mention('退款！太差了，投诉', 1)]);
			const second = await run(params({}, { maxIncidents: 1, referenceTime: '2026-03-01T12:40:00+08:00' }), refund);
			expect(output(second, 0).map((a) => [a.type, a.status, a.resolution])).toEqual([
				['refund_dispute', 'open', undefined],
				['legal_threat', 'resolved', 'capacity'],
			]);
			expect(output(second, 0)[1].id).toBe(first.id);
			expect(output(second, 1)[1]).toMatchObject({ incidentId: first.id, status: 'resolved', outcome: CAPACITY_OUTCOME });
		});

		it('rejects a bad reference time, naming the field', async () => {
			const result = await run(params({}, { referenceTime: 'tomorrow' }), await assessed([mention('退款', 1)]));
			expect(result.error?.message).toMatch(/Reference Time must be an ISO instant/);
		});
	});

	describe('Check Reply Deadlines', () => {
		it('alerts on unanswered mentions past the limit, paired, and skips answered ones', async () => {
			const items = [mention('请问什么时候发货？', 300), mention('怎么还不退款，太差了', 300), mention('谢谢', 300, { repliedAt: iso(NOW - 200 * 60000) }), mention('在吗', 10)];
			const result = await run({ operation: 'checkReplyDeadlines', limitMinutes: 120, options: { referenceTime: '2026-03-01T12:30:00+08:00' } }, items);
			const out = result.nodeOutput(NODE);
			expect(out.map((a) => a.type)).toEqual(['reply_overdue', 'reply_overdue']);
			expect(out[0]).toMatchObject({ level: 'medium', observed: 300, threshold: 120 });
			expect(out[1].level).toBe('high'); // negative: one step up
			expect(pairedIndexes(result.nodeItems(NODE))).toEqual([0, 1]);
			expect((out[0].suggestedActions as string[])[0]).toMatch(/回复/);
		});
	});

	describe('Train Model', () => {
		it('fits a model from labelled items that Analyze Sentiment then uses', async () => {
			const examples: IDataObject[] = [];
			for (let i = 0; i < 30; i++) examples.push({ text: `这款豆子回购第${i}次了`, label: '正面' }, { text: `豆子发酸有怪味${i}`, label: 'negative' });
			const trained = await run({ operation: 'trainModel' }, examples);
			const [out] = trained.nodeOutput(NODE);
			expect(out).toMatchObject({ trainedOn: 60, labels: ['positive', 'negative'] });
			expect(pairedIndexes([trained.nodeItems(NODE)[0]].map((it) => ({ ...it, pairedItem: (it.pairedItem as Array<{ item: number }>)[0] })))).toEqual([0]);
			const scored = await run({ operation: 'analyzeSentiment', modelSource: 'json', model: JSON.stringify(out.model) }, [{ text: '回购' }, { text: '有怪味' }]);
			expect(scored.nodeOutput(NODE).map((o) => (o.sentiment as IDataObject).source)).toEqual(['learned', 'learned']);
			expect(scored.nodeOutput(NODE).map((o) => (o.sentiment as IDataObject).label)).toEqual(['positive', 'negative']);
			const bad = await run({ operation: 'trainModel' }, [{ text: 'x', label: 'meh' }]);
			expect(bad.error?.message).toMatch(/label "meh"/);
		});
	});

	describe('List WeChat Comments (sandbox)', () => {
		let sandbox: Sandbox;
		beforeAll(async () => {
			sandbox = await startSandbox({ port: 0 });
		});
		afterAll(() => sandbox.close());

		it('pages every comment of an article exactly once, as Mentions', async () => {
			const yesterday = sandbox.wechat.yesterday();
			const articles = sandbox.wechat.articlesPublished(BRAND.appId, addDays(yesterday, -119), addDays(yesterday, -30));
			const count = (a: (typeof articles)[number]) => sandbox.wechat.comments(a.msgDataId, a.index - 1)?.length ?? 0;
			const busiest = articles.reduce((best, a) => (count(a) > count(best) ? a : best));
			const truth = sandbox.wechat.comments(busiest.msgDataId, busiest.index - 1)!;
			expect(truth.length).toBeGreaterThan(49);
			const result = await run({ operation: 'listComments', articleSource: 'input' }, [{ postId: busiest.msgid }], {}, sandbox.url);
			expect(result.error).toBeUndefined();
			const out = result.nodeOutput(NODE);
			expect(out.map((m) => m.text)).toEqual(truth.map((c) => c.content));
			expect(new Set(out.map((m) => m.id)).size).toBe(truth.length);
			expect(out[0]).toMatchObject({ platform: 'wechat_oa', kind: 'comment', accountId: BRAND.appId, postId: busiest.msgid, author: { id: truth[0].openid } });
			expect(String(out[0].createdAt)).toMatch(/\+08:00$/);
			expect(Date.parse(String(out[0].createdAt)) / 1000).toBe(truth[0].create_time);
			const replied = truth.findIndex((c) => c.reply);
			expect(Date.parse(String(out[replied].repliedAt)) / 1000).toBe(truth[replied].reply!.create_time);
			expect(pairedIndexes(result.nodeItems(NODE)).every((i) => i === 0)).toBe(true);
			expect(allText(result)).not.toContain(BRAND.appSecret);
		});

		it('finds the articles of the last N days through the datacube', async () => {
			const yesterday = sandbox.wechat.yesterday();
			const articles = sandbox.wechat.articlesPublished(BRAND.appId, addDays(yesterday, -2), yesterday);
			const result = await run({ operation: 'listComments', articleSource: 'recent', days: 3 }, undefined, {}, sandbox.url);
			expect(result.error).toBeUndefined();
			const out = result.nodeOutput(NODE);
			const expected = articles.flatMap((a) => sandbox.wechat.comments(a.msgDataId, a.index - 1) ?? []);
			expect(out).toHaveLength(expected.length);
			expect(new Set(out.map((m) => m.postId))).toEqual(new Set(articles.filter((a) => count(a) > 0).map((a) => a.msgid)));
			function count(a: (typeof articles)[number]) {
				return sandbox.wechat.comments(a.msgDataId, a.index - 1)?.length ?? 0;
			}
		});

		it('reports WeChat’s own error for an unknown article', async () => {
			const result = await run({ operation: 'listComments', articleSource: 'ids', articleIds: '1_1' }, undefined, {}, sandbox.url);
			expect(result.error?.message).toMatch(/88001/);
		});

		// Last in the block: a deletion stays in the sandbox.
		it('skips and logs a recent article deleted since the datacube listed it (88001); a named one stays an error naming item and article', async () => {
			const yesterday = sandbox.wechat.yesterday();
			const articles = sandbox.wechat.articlesPublished(BRAND.appId, addDays(yesterday, -2), yesterday);
			const count = (a: (typeof articles)[number]) => sandbox.wechat.comments(a.msgDataId, a.index - 1)?.length ?? 0;
			const withComments = articles.filter((a) => count(a) > 0);
			expect(withComments.length).toBeGreaterThan(1);
			const gone = withComments[0];
			await fetch(`${sandbox.url}/__sandbox/wechat/deleted`, { method: 'POST', body: JSON.stringify({ msgid: gone.msgid }) });

			const recent = await run({ operation: 'listComments', articleSource: 'recent', days: 3 }, undefined, {}, sandbox.url);
			expect(recent.error).toBeUndefined();
			const out = recent.nodeOutput(NODE);
			expect(new Set(out.map((m) => m.postId))).toEqual(new Set(withComments.slice(1).map((a) => a.msgid)));
			expect(out).toHaveLength(withComments.slice(1).reduce((n, a) => n + count(a), 0));

			for (const named of [
				{ articleSource: 'ids', articleIds: `${withComments[1].msgid}, ${gone.msgid}` },
				{ articleSource: 'input', articleField: 'postId' },
			]) {
				const result = await run({ operation: 'listComments', ...named }, [{ postId: gone.msgid }], {}, sandbox.url);
				expect(result.error?.message).toMatch(/88001/);
				expect(result.error?.message).toContain(gone.msgid);
				expect(result.error?.description).toMatch(/^Item 0\b/);
			}
		});
	});
});
