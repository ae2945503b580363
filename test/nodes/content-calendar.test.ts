/**
 * Content Calendar through n8n-core's real engine: every operation with Post items in, Post items (or rows,
 * or lifecycle events) out, pairing, bad items with and without Continue On Fail, secrets kept out.
 */
import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';
import { ContentCalendar } from '../../nodes/ContentCalendar/ContentCalendar.node';
import { MediaOpsApprovalApi } from '../../credentials/MediaOpsApprovalApi.credentials';
import { PACKAGE, registerTypes, runWorkflow, singleNodeWorkflow, type RunResult } from './harness';
import { allText, pairedIndexes } from './support';

const TYPE = `${PACKAGE}.contentCalendar`;
const NODE = 'Content Calendar';
const SECRET = 'test-approval-secret-0123456789';
registerTypes({ [TYPE]: new ContentCalendar() }, { mediaOpsApprovalApi: new MediaOpsApprovalApi() });

// Monday 2026-03-02 09:00 in Shanghai.
const NOW = '2026-03-02T09:00:00+08:00';

function run(parameters: INodeParameters, items: IDataObject[], extra: Partial<INode> = {}): Promise<RunResult> {
	const node = { name: NODE, type: TYPE, typeVersion: 1, parameters: { ...parameters, options: { referenceTime: NOW, ...((parameters.options as IDataObject) ?? {}) } }, credentials: { mediaOpsApprovalApi: { id: 'approval-1', name: 'Approval' } }, ...extra };
	return runWorkflow(singleNodeWorkflow(node, items), { credentials: { mediaOpsApprovalApi: { secret: SECRET } } });
}

function output(result: RunResult, index: number): IDataObject[] {
	return (result.runData[NODE]?.[0]?.data?.main?.[index] ?? []).map((item) => item.json);
}

function errorText(result: RunResult): string {
	const error = result.error as (Error & { description?: string | null }) | undefined;
	return `${error?.message ?? ''} ${error?.description ?? ''}`;
}

const post = (id: string, extra: IDataObject = {}): IDataObject => ({ id, platform: 'wechat_oa', account: '星河咖啡', title: `标题 ${id}`, body: '<p>正文</p>', status: 'approved', timezone: 'Asia/Shanghai', ...extra });

describe('Content Calendar node (n8n-core engine)', () => {
	describe('Plan', () => {
		const params = { operation: 'plan', rulesSource: 'simple', timezone: 'Asia/Shanghai', weekdaySlots: '08:00, 12:30, 20:00', weekendSlots: '', maxPerDay: 2, minGapMinutes: 120, horizonDays: 14, leadMinutes: 30 };

		it('puts approved posts into the slot grid in Shanghai time, at most 2 a day, with scheduled events', async () => {
			const result = await run(params, [post('a'), post('b'), post('c'), post('draft', { status: 'draft' })]);
			expect(result.error).toBeUndefined();
			const out = output(result, 0);
			expect(out.map((p) => [p.id, p.scheduledAt, p.status])).toEqual([
				['a', '2026-03-02T12:30:00+08:00', 'scheduled'],
				['b', '2026-03-02T20:00:00+08:00', 'scheduled'],
				['c', '2026-03-03T08:00:00+08:00', 'scheduled'],
			]);
			expect(out[0].event).toMatchObject({ type: 'scheduled', postId: 'a', details: { platform: 'wechat_oa', account: '星河咖啡', timezone: 'Asia/Shanghai' } });
			expect((out[0].history as IDataObject[]).at(-1)).toMatchObject({ action: 'scheduled', fromStatus: 'approved', toStatus: 'scheduled' });
			expect(pairedIndexes(result.nodeItems(NODE))).toEqual([0, 1, 2]);
		});

		it('emits lifecycle events only when asked, and reads rules from JSON with blackout days', async () => {
			const rules = [{ account: '星河咖啡', timezone: 'Asia/Shanghai', slots: { daily: ['10:00'] }, blackoutDates: ['2026-03-03..2026-03-04'] }];
			const result = await run({ ...params, rulesSource: 'json', rulesJson: JSON.stringify(rules), outputFormat: 'events' }, [post('a'), post('b')]);
			expect(output(result, 0).map((e) => [e.type, e.postId, (e.details as IDataObject).scheduledAt])).toEqual([
				['scheduled', 'a', '2026-03-02T10:00:00+08:00'],
				['scheduled', 'b', '2026-03-05T10:00:00+08:00'],
			]);
		});

		it('ranks slots by the account’s own history when MetricSnapshot items come along (best time), and falls back when thin', async () => {
			// 12 past posts: those published at 20:xx engaged far better than those at 08:xx.
			const history = Array.from({ length: 12 }, (_, i) => ({
				platform: 'wechat_oa', accountId: '星河咖啡', postId: `h${i}`, publishedAt: `2026-02-${String(2 + i).padStart(2, '0')}T${i % 2 ? '20' : '08'}:05:00+08:00`,
				periodStart: '2026-02-01', periodEnd: '2026-02-28', timezone: 'Asia/Shanghai', window: 'cumulative', views: 1000, likes: i % 2 ? 90 : 5, collectedAt: '2026-03-01T00:00:00Z', source: 'test',
			}));
			const ranked = output(await run({ ...params, bestTime: true, maxPerDay: 1 }, [post('a'), ...history]), 0);
			expect(ranked[0]).toMatchObject({ id: 'a', scheduledAt: '2026-03-02T20:00:00+08:00', plan: { bestTime: { '*:星河咖啡': { method: 'history', postsUsed: 12 } } } });
			const thin = output(await run({ ...params, bestTime: true, maxPerDay: 1 }, [post('a'), ...history.slice(0, 3)]), 0);
			expect(thin[0]).toMatchObject({ scheduledAt: '2026-03-02T12:30:00+08:00', plan: { bestTime: { '*:星河咖啡': { method: 'fallback' } } } });
		});

		it('flags posts that find no slot instead of dropping them', async () => {
			const result = await run({ ...params, weekdaySlots: '', weekendSlots: '' }, [post('a')]);
			expect(output(result, 0)).toEqual([expect.objectContaining({ id: 'a', status: 'approved', plan: expect.objectContaining({ placed: false, reason: 'no_slots' }) })]);
		});

		it('stops on a bad item naming the item and the field', async () => {
			const result = await run(params, [post('a'), post('bad', { scheduledAt: '2026-03-01 09:00' })]);
			expect(result.error).toBeDefined();
			expect(errorText(result)).toMatch(/Item 1: not a valid Post: "scheduledAt" must be an ISO-8601 instant/);
			expect(errorText(result)).toContain('"2026-03-01 09:00"');
		});

		it('turns a bad item into an error item under Continue On Fail and plans the rest', async () => {
			const result = await run(params, [post('a'), { id: 'x', title: 'no platform' }], { continueOnFail: true });
			expect(result.error).toBeUndefined();
			const out = output(result, 0);
			expect(out[0]).toMatchObject({ itemIndex: 1, field: 'platform' });
			expect(String(out[0].error)).toContain('Item 1');
			expect(out[1]).toMatchObject({ id: 'a', status: 'scheduled' });
		});

		it('reads table rows (postId, JSON text columns, nulls) and writes rows back', async () => {
			const row = { id: 7, postId: 'r1', platform: 'wechat_oa', account: '星河咖啡', title: 't', body: 'b', media: '[]', tags: '["新品"]', status: 'approved', version: '1', timezone: 'Asia/Shanghai', scheduledAt: null, recurrence: '', history: '[]', createdAt: '2026-03-01T00:00:00Z', updatedAt: '2026-03-01T00:00:00Z' };
			const result = await run({ ...params, outputFormat: 'row' }, [row]);
			const [out] = output(result, 0);
			expect(out).toMatchObject({ postId: 'r1', status: 'scheduled', scheduledAt: '2026-03-02T12:30:00+08:00', tags: '["新品"]', version: 1 });
			expect(out.id).toBeUndefined();
			expect(JSON.parse(String(out.history))).toHaveLength(1);
		});
	});

	describe('Get Due', () => {
		const items = [
			post('due', { status: 'scheduled', scheduledAt: '2026-03-02T08:50:00+08:00' }),
			post('late', { status: 'scheduled', scheduledAt: '2026-03-02T07:00:00+08:00' }),
			post('future', { status: 'scheduled', scheduledAt: '2026-03-02T12:00:00+08:00' }),
			post('stuck', { status: 'publishing', scheduledAt: '2026-03-02T06:00:00+08:00' }),
			post('done', { status: 'published', scheduledAt: '2026-03-02T08:00:00+08:00', externalId: 'A1' }),
		];

		it('sorts every post into Due, Overdue or Not Due with reasons, paired with its input', async () => {
			const result = await run({ operation: 'getDue', graceMinutes: 30 }, items);
			expect(result.error).toBeUndefined();
			expect(output(result, 0).map((p) => p.id)).toEqual(['due']);
			expect(output(result, 1).map((p) => [p.id, (p.due as IDataObject).reason, (p.due as IDataObject).minutesLate])).toEqual([
				['late', 'missed_window', 120],
				['stuck', 'stuck_publishing', 180],
			]);
			expect(output(result, 2).map((p) => [p.id, (p.due as IDataObject).reason])).toEqual([
				['future', 'not_yet'],
				['done', 'published'],
			]);
			const overdueItems = result.runData[NODE][0].data!.main[1]!;
			expect(pairedIndexes(overdueItems)).toEqual([1, 3]);
		});

		it('Max per Platform per Run (JSON) with 0 caps nothing, like Max per Run 0; a wrong platform id stops the node naming it', async () => {
			const result = await run({ operation: 'getDue', graceMinutes: 300, perRun: 0, perPlatform: JSON.stringify({ wechat_oa: 0 }) }, items);
			expect(output(result, 0).map((p) => p.id)).toEqual(['late', 'due']);
			const wrong = await run({ operation: 'getDue', graceMinutes: 300, perPlatform: JSON.stringify({ twitter: 2 }) }, items);
			expect(errorText(wrong)).toContain('Max per Platform per Run (JSON): "twitter" is not a platform id');
		});

		it('Max per Run and Max per Account per Run must be whole numbers, 0 or more: 2.5 or -1 stops the node naming the parameter', async () => {
			expect(errorText(await run({ operation: 'getDue', graceMinutes: 300, perRun: 2.5 }, items))).toContain('Max per Run must be a whole number, 0 or more (0 = no cap), got 2.5');
			expect(errorText(await run({ operation: 'getDue', graceMinutes: 300, perAccount: 1.5 }, items))).toContain('Max per Account per Run must be a whole number, 0 or more (0 = no cap), got 1.5');
			expect(errorText(await run({ operation: 'getDue', graceMinutes: 300, perRun: -1 }, items))).toContain('Max per Run must be a whole number');
		});

		it('Rules (JSON) maxPerDay 0 means no cap, as Max Posts per Day 0 does', async () => {
			const rules = [{ account: '星河咖啡', timezone: 'Asia/Shanghai', slots: { daily: ['10:00', '14:00', '18:00'] }, maxPerDay: 0, minGapMinutes: 0 }];
			const result = await run({ operation: 'plan', rulesSource: 'json', rulesJson: JSON.stringify(rules), horizonDays: 1, leadMinutes: 0 }, [post('a'), post('b'), post('c')]);
			expect(output(result, 0).map((p) => [p.id, p.scheduledAt])).toEqual([
				['a', '2026-03-02T10:00:00+08:00'],
				['b', '2026-03-02T14:00:00+08:00'],
				['c', '2026-03-02T18:00:00+08:00'],
			]);
		});

		it('keeps capped posts queued on Not Due', async () => {
			const result = await run({ operation: 'getDue', graceMinutes: 300, perRun: 1 }, items);
			expect(output(result, 0).map((p) => p.id)).toEqual(['late']);
			expect(output(result, 2).find((p) => p.id === 'due')?.due).toMatchObject({ reason: 'capped' });
		});
	});

	describe('Expand Recurrence', () => {
		it('keeps 09:00 New York wall-clock time across the March DST change, one post per occurrence', async () => {
			const series = post('weekly', { status: 'scheduled', timezone: 'America/New_York', scheduledAt: '2026-03-02T09:00:00-05:00', recurrence: { freq: 'weekly', byDay: ['MO'], count: 3 } });
			const result = await run({ operation: 'expandRecurrence', rangeFrom: '2026-03-01T00:00:00Z', daysAhead: 30 }, [series]);
			expect(result.error).toBeUndefined();
			expect(output(result, 0).map((p) => [p.id, p.scheduledAt])).toEqual([
				['weekly@2026-03-02T09:00:00-05:00', '2026-03-02T09:00:00-05:00'],
				['weekly@2026-03-09T09:00:00-04:00', '2026-03-09T09:00:00-04:00'],
				['weekly@2026-03-16T09:00:00-04:00', '2026-03-16T09:00:00-04:00'],
			]);
		});

		it('skips one occurrence given as an edit', async () => {
			const series = post('daily', { status: 'scheduled', scheduledAt: '2026-03-02T20:00:00+08:00', recurrence: { freq: 'daily', count: 3 } });
			const result = await run({ operation: 'expandRecurrence', rangeFrom: '2026-03-02T00:00:00+08:00', daysAhead: 7, overrides: JSON.stringify({ '2026-03-03T20:00:00+08:00': { skip: true } }) }, [series]);
			expect(output(result, 0).map((p) => p.scheduledAt)).toEqual(['2026-03-02T20:00:00+08:00', '2026-03-04T20:00:00+08:00']);
		});
	});

	describe('Expand Recurrence windows (local days, edited times)', () => {
		const ny = (id: string, scheduledAt: string) => post(id, { status: 'scheduled', timezone: 'America/New_York', scheduledAt, recurrence: { freq: 'daily' } });

		it('Days Ahead counts New York calendar days across the November change: 09:00 on the last day is in', async () => {
			const result = await run({ operation: 'expandRecurrence', rangeFrom: '2026-10-30T09:00:00-04:00', daysAhead: 7 }, [ny('d', '2026-10-30T09:00:00-04:00')]);
			expect(result.error).toBeUndefined();
			const times = output(result, 0).map((p) => p.scheduledAt);
			expect(times).toHaveLength(8);
			expect(times.slice(-2)).toEqual(['2026-11-05T09:00:00-05:00', '2026-11-06T09:00:00-05:00']);
		});

		it('… and across the March change: 09:30 on the last day is out (the window ends at 09:00 local)', async () => {
			const result = await run({ operation: 'expandRecurrence', rangeFrom: '2026-03-02T09:00:00-05:00', daysAhead: 7 }, [ny('d', '2026-03-02T09:30:00-05:00')]);
			expect(output(result, 0).map((p) => p.scheduledAt).at(-1)).toBe('2026-03-08T09:30:00-04:00');
		});

		it('From as a date starts at midnight in the post’s zone', async () => {
			const result = await run({ operation: 'expandRecurrence', rangeFrom: '2026-03-08', daysAhead: 1 }, [ny('d', '2026-03-02T00:00:00-05:00')]);
			expect(output(result, 0).map((p) => p.scheduledAt)).toEqual(['2026-03-08T00:00:00-05:00', '2026-03-09T00:00:00-04:00']);
		});

		it('Occurrence Edits apply before the window: moved out is left out, moved in from outside comes in', async () => {
			const edits = { '2026-03-04T09:00:00-05:00': { at: '2026-03-20T09:00:00-04:00' }, '2026-03-12T09:00:00-04:00': { at: '2026-03-05T15:00:00-05:00', title: 'pulled in' } };
			const result = await run({ operation: 'expandRecurrence', rangeFrom: '2026-03-03T00:00:00-05:00', daysAhead: 3, overrides: JSON.stringify(edits) }, [ny('d', '2026-03-02T09:00:00-05:00')]);
			expect(output(result, 0).map((p) => [p.id, p.scheduledAt, p.title])).toEqual([
				['d@2026-03-03T09:00:00-05:00', '2026-03-03T09:00:00-05:00', '标题 d'],
				['d@2026-03-05T09:00:00-05:00', '2026-03-05T09:00:00-05:00', '标题 d'],
				['d@2026-03-12T09:00:00-04:00', '2026-03-05T15:00:00-05:00', 'pulled in'],
			]);
			expect(output(result, 0)[2].occurrence).toEqual({ seriesId: 'd', index: 10, originalAt: '2026-03-12T09:00:00-04:00' });
		});
	});

	describe('Check Compliance', () => {
		it('finds Advertising Law terms and user-banned terms with positions and suggestions, and WeChat limits', async () => {
			const title = '全网最低价的咖啡，你一定没喝过这么好喝的精品手冲挂耳';
			const result = await run({ operation: 'checkCompliance', bannedTerms: '保本 => 删除收益承诺', language: 'zh' }, [post('c', { title, body: '保本理财，国家级品质' })]);
			expect(result.error).toBeUndefined();
			const [out] = output(result, 0);
			const compliance = out.compliance as { passed: boolean; findings: IDataObject[] };
			expect(compliance.passed).toBe(false);
			const rules = compliance.findings.map((f) => [f.rule, f.field, f.term, f.start]);
			expect(rules).toEqual(
				expect.arrayContaining([
					['ad_law.absolute_term', 'title', '全网最低', 0],
					['banned_term', 'body', '保本', 0],
					['ad_law.absolute_term', 'body', '国家级', 5],
					['field.required', 'thumb_media_id', undefined, undefined],
				]),
			);
			expect(compliance.findings.find((f) => f.rule === 'banned_term')?.suggestion).toBe('删除收益承诺');
			expect(compliance.findings.every((f) => typeof f.message === 'string' && typeof f.suggestion === 'string')).toBe(true);
		});

		it('passes a clean post', async () => {
			const clean = post('ok', { title: '春季新品上市', body: '<p>欢迎品尝</p>', media: [{ type: 'image', mediaId: 'THUMB_1' }] });
			const result = await run({ operation: 'checkCompliance' }, [clean]);
			expect(output(result, 0)[0].compliance).toMatchObject({ passed: true, errors: 0 });
		});

		it('merges a partial Platform Limits (JSON) over the built-in rules: a WeChat title limit alone keeps the cover and body rules', async () => {
			const long = post('t', { title: '标'.repeat(40), media: [] });
			const result = await run({ operation: 'checkCompliance', advertisingLaw: false, platformRules: JSON.stringify({ wechat_oa: { limits: [{ field: 'title', max: 64 }] } }) }, [long]);
			expect(result.error).toBeUndefined();
			const compliance = output(result, 0)[0].compliance as { findings: IDataObject[] };
			expect(compliance.findings.map((f) => [f.rule, f.field])).toEqual([
				['media.required', 'media'],
				['field.required', 'thumb_media_id'],
			]);
		});

		it('a wrong Platform Limits (JSON) shape stops the node naming the item and the field', async () => {
			const result = await run({ operation: 'checkCompliance', platformRules: JSON.stringify({ mastodon: { media: { max: '8' } } }) }, [post('a')]);
			expect(result.error).toBeDefined();
			expect(errorText(result)).toContain('Item 0: Platform Limits (JSON): mastodon.media.max must be a number (got "8")');
			expect(errorText(result)).toContain('field "platformRules"');
		});

		it('under Continue On Fail only the item whose Platform Limits (JSON) is wrong becomes an error item', async () => {
			const result = await run({ operation: 'checkCompliance', advertisingLaw: false, platformRules: '={{ $json.limits ?? {} }}' }, [post('a'), post('b', { limits: { wechat_oa: { limits: [{ field: 'title' }] } } }), post('c')], { continueOnFail: true });
			expect(result.error).toBeUndefined();
			const out = output(result, 0);
			expect(out.map((o) => o.id ?? o.itemIndex)).toEqual(['a', 1, 'c']);
			expect(out[1]).toMatchObject({ field: 'platformRules', error: 'Item 1: Platform Limits (JSON): wechat_oa.limits[0].max is required' });
			expect(pairedIndexes(result.nodeItems(NODE))).toEqual([0, 1, 2]);
		});
	});

	describe('Review and approval links', () => {
		const steps = JSON.stringify([
			{ name: 'Editor', approvers: ['editor'], mode: 'any' },
			{ name: 'Legal', approvers: ['legal', 'pr'], mode: 'all' },
		]);
		const draft = post('p', { status: 'draft', author: 'writer', version: 2 });

		it('records submit and approve decisions with actor, version and comment; refuses self-approval', async () => {
			const submitted = output(await run({ operation: 'review', decision: 'submit', actor: 'writer', reviewSteps: steps }, [draft]), 0)[0];
			expect(submitted).toMatchObject({ status: 'in_review', event: { type: 'submitted', details: { step: 1, pending: ['editor'] } } });
			const approved = output(await run({ operation: 'review', decision: 'approve', actor: 'editor', comment: '可以', reviewSteps: steps }, [submitted]), 0)[0];
			expect(approved).toMatchObject({ status: 'in_review', event: { type: 'step_approved', actor: 'editor', details: { nextStep: 2 } } });
			expect((approved.history as IDataObject[]).at(-1)).toMatchObject({ actor: 'editor', action: 'approve', version: 2, step: 1, comment: '可以' });
			const self = await run({ operation: 'review', decision: 'approve', actor: 'writer', reviewSteps: steps }, [approved]);
			expect(errorText(self)).toMatch(/writer is the author/);
		});

		it('refuses at creation a Reviewer who is not a pending approver of the current step, naming the item, reviewer and step', async () => {
			const oneStep = JSON.stringify([{ name: 'Editor', approvers: ['editor'], mode: 'any' }]);
			const submitted = output(await run({ operation: 'review', decision: 'submit', actor: 'writer', reviewSteps: oneStep }, [draft]), 0)[0];
			const linkParams = { operation: 'createApprovalLink', linkBaseUrl: 'https://n8n.example.com/webhook/mediaops-approval', reviewSteps: oneStep };
			const stranger = await run({ ...linkParams, reviewer: 'legal' }, [submitted]);
			expect(stranger.error).toBeDefined();
			expect(errorText(stranger)).toContain('Item 0: no approval links for reviewer "legal" on post p: legal is not an approver of step 1 "Editor" (its approvers: editor)');
			expect(errorText(stranger)).toContain('field "reviewer"');
			const author = await run({ ...linkParams, reviewer: 'writer' }, [submitted]);
			expect(errorText(author)).toMatch(/writer is the author and cannot decide on their own post \(step 1 "Editor"\)/);

			// Per item: under Continue On Fail the refused item is an error item and the other gets its links.
			const perItem = await run({ ...linkParams, reviewer: '={{ $json.id === "q" ? "legal" : "editor" }}' }, [submitted, { ...submitted, id: 'q' }], { continueOnFail: true });
			expect(perItem.error).toBeUndefined();
			const [ok, refused] = output(perItem, 0);
			expect(ok).toMatchObject({ id: 'p', approval: { reviewer: 'editor', step: 1 } });
			expect(refused).toMatchObject({ itemIndex: 1, field: 'reviewer', error: expect.stringContaining('Item 1: no approval links for reviewer "legal" on post q') });
			expect(allText(perItem.run)).not.toContain(SECRET);
		});

		it('signs approve/reject links and applies a clicked link; tampered and stale links are refused; the secret never shows', async () => {
			const submitted = output(await run({ operation: 'review', decision: 'submit', actor: 'writer', reviewSteps: JSON.stringify([{ name: 'Editor', approvers: ['editor'], mode: 'any' }]) }, [draft]), 0)[0];
			const linkParams = { operation: 'createApprovalLink', linkBaseUrl: 'https://n8n.example.com/webhook/mediaops-approval', reviewSteps: JSON.stringify([{ name: 'Editor', approvers: ['editor'], mode: 'any' }]) };
			const linked = await run(linkParams, [submitted]);
			expect(linked.error).toBeUndefined();
			const [withLinks] = output(linked, 0);
			const approval = withLinks.approval as IDataObject;
			expect(approval).toMatchObject({ reviewer: 'editor', step: 1, version: 2 });
			expect(String(approval.approveUrl)).toMatch(/^https:\/\/n8n\.example\.com\/webhook\/mediaops-approval\?postId=p&token=v1\./);
			expect(allText(linked.run)).not.toContain(SECRET);

			const token = new URL(String(approval.approveUrl)).searchParams.get('token')!;
			const verify = { operation: 'verifyApproval', token, reviewSteps: linkParams.reviewSteps };
			const approved = output(await run(verify, [submitted]), 0)[0];
			expect(approved).toMatchObject({ status: 'approved', approval: { valid: true, reviewer: 'editor', decision: 'approve' }, event: { type: 'approved', actor: 'editor' } });

			const tampered = await run({ ...verify, token: token.slice(0, -3) + 'AAA' }, [submitted]);
			expect(errorText(tampered)).toMatch(/签名无效 \/ the signature does not match/);
			const stale = await run(verify, [{ ...submitted, version: 3 }]);
			expect(errorText(stale)).toMatch(/post changed after the link was sent/);
			const wrongSecret = await run({ ...verify, secretSource: 'parameter', approvalSecret: 'another-secret-abcdefghijkl' }, [submitted]);
			expect(errorText(wrongSecret)).toMatch(/signature/);
			expect(allText([tampered.run, stale.run, wrongSecret.run])).not.toContain(SECRET);
			// A secret typed as a parameter lives in the workflow itself (hence the credential); it still never reaches the error.
			expect(errorText(wrongSecret)).not.toContain('another-secret-abcdefghijkl');
		});
	});
});
