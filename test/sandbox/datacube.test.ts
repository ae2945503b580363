import { addDays, dateRange } from '../../sandbox/dates';
import { DATACUBE_MAX_SPAN_DAYS } from '../../sandbox';
import { BRAND, Json, TECH, TestSandbox, YESTERDAY, startTestSandbox } from './helpers';

const range = (end: string, days: number) => ({ begin_date: addDays(end, -(days - 1)), end_date: end });

describe('sandbox: WeChat datacube', () => {
	let t: TestSandbox;
	let token: string;
	beforeAll(async () => {
		t = await startTestSandbox();
		token = await t.token();
	});
	afterAll(() => t.sandbox.close());

	it('getusersummary: one row per user_source and day, matching the truth', async () => {
		const body = await t.call('/datacube/getusersummary', token, range(YESTERDAY, 7));
		expect(Object.keys(body)).toEqual(['list']);
		const dates = new Set(body.list.map((row: Json) => row.ref_date));
		expect([...dates]).toEqual(dateRange(addDays(YESTERDAY, -6), YESTERDAY));
		for (const row of body.list) {
			expect(Object.keys(row).sort()).toEqual(['cancel_user', 'new_user', 'ref_date', 'user_source']);
			expect([0, 1, 17, 30, 57, 100, 161, 176]).toContain(row.user_source);
		}
		expect(body.list.filter((row: Json) => row.ref_date === YESTERDAY)).toEqual(t.sandbox.wechat.userDay(BRAND.appId, YESTERDAY));
	});

	it('getusercumulate: cumulate_user per day with user_source 0', async () => {
		const body = await t.call('/datacube/getusercumulate', token, range(YESTERDAY, 7));
		expect(body.list).toHaveLength(7);
		expect(body.list[6]).toEqual({ ref_date: YESTERDAY, user_source: 0, cumulate_user: t.sandbox.wechat.cumulate(BRAND.appId, YESTERDAY) });
	});

	it('keeps cumulate(d) = cumulate(d-1) + Σnew(d) − Σcancel(d) over a 120-day walk through the API', async () => {
		const days: Array<{ date: string; net: number; cumulate: number }> = [];
		for (let end = YESTERDAY; days.length < 120; end = addDays(end, -7)) {
			const span = range(end, 7);
			const [summary, cumulate] = await Promise.all([
				t.call('/datacube/getusersummary', token, span),
				t.call('/datacube/getusercumulate', token, span),
			]);
			for (const row of [...cumulate.list].reverse()) {
				const net = summary.list
					.filter((s: Json) => s.ref_date === row.ref_date)
					.reduce((sum: number, s: Json) => sum + s.new_user - s.cancel_user, 0);
				days.unshift({ date: row.ref_date, net, cumulate: row.cumulate_user });
			}
		}
		for (let i = 1; i < days.length; i++) expect(days[i].cumulate).toBe(days[i - 1].cumulate + days[i].net);
		expect(days[0].cumulate).toBeGreaterThan(40_000);
	});

	it('getarticleread: every article read that day, msgid "<msg_data_id>_<index>"', async () => {
		const body = await t.call('/datacube/getarticleread', token, range(YESTERDAY, 1));
		expect(body.is_delay).toBe(false);
		expect(body.list.length).toBeGreaterThan(0);
		for (const item of body.list) {
			expect(item.ref_date).toBe(YESTERDAY);
			expect(item.msgid).toMatch(/^\d+_[1-3]$/);
			expect(item.detail.read_user_source[0]).toEqual({ user_count: item.detail.read_user, scene_desc: '全部' });
			const parts = item.detail.read_user_source.slice(1).reduce((sum: number, s: Json) => sum + s.user_count, 0);
			expect(parts).toBe(item.detail.read_user);
		}
	});

	it('getbizsummary: account totals per day equal the sum over articles read that day', async () => {
		const body = await t.call('/datacube/getbizsummary', token, range(YESTERDAY, 3));
		expect(body.list.map((d: Json) => d.ref_date)).toEqual(dateRange(addDays(YESTERDAY, -2), YESTERDAY));
		const day = body.list[2];
		expect(Object.keys(day.detail).sort()).toEqual(
			['collection_user', 'comment_count', 'like_user', 'read_user', 'read_user_source', 'share_user', 'zaikan_user'].sort(),
		);
		const read = t.sandbox.wechat.articlesReadOn(BRAND.appId, YESTERDAY);
		expect(day.detail.read_user).toBe(read.reduce((sum, r) => sum + r.stats.read_user, 0));
		expect(day.detail.comment_count).toBe(read.reduce((sum, r) => sum + r.stats.comment_count, 0));
	});

	it('getarticletotaldetail: articles published that day with cumulative detail_list up to yesterday', async () => {
		const wechat = t.sandbox.wechat;
		const published = wechat.articlesPublished(BRAND.appId, addDays(YESTERDAY, -10), addDays(YESTERDAY, -3));
		const article = published[0];
		const body = await t.call('/datacube/getarticletotaldetail', token, range(article.publishDate, 1));
		const item = body.list.find((i: Json) => i.msgid === article.msgid);
		expect(item).toMatchObject({ ref_date: article.publishDate, publish_type: article.publishType, title: article.title });
		expect(item.detail_list.map((d: Json) => d.stat_date)).toEqual(dateRange(article.publishDate, YESTERDAY));
		const last = item.detail_list[item.detail_list.length - 1];
		const days = dateRange(article.publishDate, YESTERDAY).map((date) => wechat.articleDay(BRAND.appId, article.msgid, date));
		expect(last.read_user).toBe(days.reduce((sum, d) => sum + (d?.read_user ?? 0), 0));
		expect(last.like_user).toBe(days.reduce((sum, d) => sum + (d?.like_user ?? 0), 0));
		for (const field of ['share_user', 'zaikan_user', 'comment_count', 'collection_user', 'read_finish_rate', 'read_avg_activetime']) {
			expect(typeof last[field]).toBe('number');
		}
	});

	it('legacy getarticlesummary and getarticletotal answer with their own fields', async () => {
		const summary = await t.call('/datacube/getarticlesummary', token, range(YESTERDAY, 1));
		expect(summary.is_delay).toBeUndefined();
		expect(Object.keys(summary.list[0]).sort()).toEqual(
			[
				'add_to_fav_count', 'add_to_fav_user', 'int_page_read_count', 'int_page_read_user', 'msgid', 'ori_page_read_count',
				'ori_page_read_user', 'ref_date', 'share_count', 'share_user', 'title',
			].sort(),
		);
		const article = t.sandbox.wechat.articlesPublished(BRAND.appId, addDays(YESTERDAY, -20), addDays(YESTERDAY, -10))[0];
		const total = await t.call('/datacube/getarticletotal', token, range(article.publishDate, 1));
		const item = total.list.find((i: Json) => i.msgid === article.msgid);
		expect(item.details).toHaveLength(7); // cumulative for 7 days after publishing
		expect(item.details[6].int_page_read_user).toBeGreaterThan(item.details[0].int_page_read_user);
		expect(item.details[0].target_user).toBe(t.sandbox.wechat.cumulate(BRAND.appId, addDays(article.publishDate, -1)));
	});

	describe('date rules', () => {
		it.each(Object.entries(DATACUBE_MAX_SPAN_DAYS))('%s accepts %i days and rejects one more with 61501', async (path, max) => {
			expect((await t.call(path, token, range(YESTERDAY, max))).list).toBeDefined();
			const tooLong = await t.call(path, token, range(YESTERDAY, max + 1));
			expect(tooLong.errcode).toBe(61501);
			expect(tooLong.errmsg).toMatch(/^date range error rid: /);
		});

		it('rejects 8 days on getusersummary (the documented 7-day limit)', async () => {
			expect((await t.call('/datacube/getusersummary', token, range(YESTERDAY, 8))).errcode).toBe(61501);
		});

		it('rejects begin > end and end later than yesterday in Asia/Shanghai', async () => {
			const path = '/datacube/getusersummary';
			expect((await t.call(path, token, { begin_date: YESTERDAY, end_date: addDays(YESTERDAY, -1) })).errcode).toBe(61501);
			expect((await t.call(path, token, range(addDays(YESTERDAY, 1), 1))).errcode).toBe(61501);
			// 23:59 on the 15th in Shanghai is still "today = 15th"; one minute later the 15th becomes yesterday.
			const late = await startTestSandbox();
			try {
				late.clock.ms = Date.parse('2025-06-15T23:59:00+08:00');
				const lateToken = await late.token();
				expect((await late.call(path, lateToken, range('2025-06-15', 1))).errcode).toBe(61501);
				late.clock.ms = Date.parse('2025-06-16T00:01:00+08:00');
				expect((await late.call(path, lateToken, range('2025-06-15', 1))).list.length).toBeGreaterThan(0);
			} finally {
				await late.sandbox.close();
			}
		});

		it('answers 61500 for malformed dates and an empty list before 2014-12-01', async () => {
			const path = '/datacube/getusercumulate';
			expect((await t.call(path, token, { begin_date: '2025/06/01', end_date: '2025-06-01' })).errcode).toBe(61500);
			expect((await t.call(path, token, { begin_date: '2025-02-30', end_date: '2025-03-01' })).errcode).toBe(61500);
			expect((await t.call(path, token, { end_date: '2025-06-01' })).errcode).toBe(61500);
			expect(await t.call(path, token, range('2014-11-30', 7))).toEqual({ list: [] });
			expect((await t.call(path, token, range('2014-12-01', 2))).list.map((r: Json) => r.ref_date)).toEqual(['2014-12-01']);
		});
	});

	it('is deterministic: two servers with the same seed serve the same data, another seed differs', async () => {
		const other = await startTestSandbox();
		const reseeded = await startTestSandbox({ seed: 7 });
		try {
			const span = range(YESTERDAY, 7);
			for (const path of ['/datacube/getusersummary', '/datacube/getusercumulate']) {
				const a = await t.call(path, token, span);
				const b = await other.call(path, await other.token(), span);
				expect(b).toEqual(a);
			}
			const detail = range(addDays(YESTERDAY, -5), 1);
			expect(await other.call('/datacube/getarticletotaldetail', await other.token(), detail)).toEqual(
				await t.call('/datacube/getarticletotaldetail', token, detail),
			);
			const differs = await reseeded.call('/datacube/getusersummary', await reseeded.token(), span);
			expect(differs).not.toEqual(await t.call('/datacube/getusersummary', token, span));
		} finally {
			await other.sandbox.close();
			await reseeded.sandbox.close();
		}
	});

	it('gives each account its own data', async () => {
		const techToken = await t.token(TECH);
		const tech = await t.call('/datacube/getusercumulate', techToken, range(YESTERDAY, 1));
		expect(tech.list[0].cumulate_user).toBe(t.sandbox.wechat.cumulate(TECH.appId, YESTERDAY));
		expect(tech.list[0].cumulate_user).toBeLessThan(t.sandbox.wechat.cumulate(BRAND.appId, YESTERDAY));
	});

	it('needs POST with a JSON body', async () => {
		const get = (await (await fetch(`${t.sandbox.url}/datacube/getusersummary?access_token=${token}`)).json()) as Json;
		expect(get.errcode).toBe(43002);
		expect((await t.call('/datacube/getusersummary', token, 'not json')).errcode).toBe(47001);
	});
});
