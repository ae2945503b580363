import { addDays } from '../../sandbox/dates';
import type { WechatArticle } from '../../sandbox';
import { BRAND, Json, TECH, TestSandbox, YESTERDAY, startTestSandbox } from './helpers';

const LIST = '/cgi-bin/comment/list';

describe('sandbox: WeChat comments', () => {
	let t: TestSandbox;
	let token: string;
	let busiest: WechatArticle;
	beforeAll(async () => {
		t = await startTestSandbox();
		token = await t.token();
		const articles = t.sandbox.wechat.articlesPublished(BRAND.appId, addDays(YESTERDAY, -119), addDays(YESTERDAY, -30));
		const count = (a: WechatArticle) => t.sandbox.wechat.comments(a.msgDataId, a.index - 1)?.length ?? 0;
		busiest = articles.reduce((best, a) => (count(a) > count(best) ? a : best));
	});
	afterAll(() => t.sandbox.close());

	const list = (article: WechatArticle, begin: number, count: number, type = 0) =>
		t.call(LIST, token, { msg_data_id: article.msgDataId, index: article.index - 1, begin, count, type });

	it('returns the documented shape', async () => {
		const body = await list(busiest, 0, 5);
		expect(body).toMatchObject({ errcode: 0, errmsg: 'ok', total: expect.any(Number) });
		expect(body.comment).toHaveLength(5);
		for (const comment of body.comment) {
			expect(comment).toEqual({
				user_comment_id: expect.any(Number),
				openid: expect.stringMatching(/^o[A-Za-z0-9_-]{27}$/),
				create_time: expect.any(Number),
				content: expect.any(String),
				comment_type: expect.any(Number),
				...(comment.reply ? { reply: { content: expect.any(String), create_time: expect.any(Number) } } : {}),
			});
		}
	});

	it.each([7, 49])('pages exactly with count=%i: no gaps, no doubles', async (pageSize) => {
		const truth = t.sandbox.wechat.comments(busiest.msgDataId, busiest.index - 1) ?? [];
		expect(truth.length).toBeGreaterThan(49); // the busiest article needs several pages
		const collected: Json[] = [];
		for (let begin = 0; ; begin += pageSize) {
			const page = await list(busiest, begin, pageSize);
			expect(page.total).toBe(truth.length);
			collected.push(...page.comment);
			if (page.comment.length < pageSize) break;
		}
		expect(collected).toEqual(truth);
		expect(new Set(collected.map((c) => c.user_comment_id)).size).toBe(truth.length);
	});

	it('filters by type: 1 normal, 2 elected (精选)', async () => {
		const all = (await list(busiest, 0, 49)).total as number;
		const normal = await list(busiest, 0, 49, 1);
		const elected = await list(busiest, 0, 49, 2);
		expect(normal.total + elected.total).toBe(all);
		expect(elected.comment.every((c: Json) => c.comment_type === 1)).toBe(true);
		expect(normal.comment.every((c: Json) => c.comment_type === 0)).toBe(true);
	});

	it('has as many comments per day as the datacube comment_count', () => {
		const wechat = t.sandbox.wechat;
		const comments = wechat.comments(busiest.msgDataId, busiest.index - 1) ?? [];
		const counted = [0, 1, 2, 3].reduce(
			(sum, k) => sum + (wechat.articleDay(BRAND.appId, busiest.msgid, addDays(busiest.publishDate, k))?.comment_count ?? 0),
			0,
		);
		const endOfDay3 = Date.parse(`${addDays(busiest.publishDate, 4)}T00:00:00+08:00`) / 1000;
		expect(comments.filter((c) => c.create_time < endOfDay3)).toHaveLength(counted);
	});

	it('mixes Chinese, English, emoji and complaints', () => {
		const wechat = t.sandbox.wechat;
		const texts = wechat
			.articlesPublished(BRAND.appId, addDays(YESTERDAY, -119), YESTERDAY)
			.flatMap((a) => wechat.comments(a.msgDataId, a.index - 1) ?? [])
			.map((c) => c.content);
		expect(texts.some((s) => /[\u4e00-\u9fff]/.test(s))).toBe(true);
		expect(texts.some((s) => /^[\x20-\x7e]+$/.test(s))).toBe(true);
		expect(texts.some((s) => /\p{Extended_Pictographic}/u.test(s))).toBe(true);
		expect(texts.some((s) => /退款|投诉|过期|质量问题/.test(s))).toBe(true);
	});

	it('only shows comments already written by the injected clock', async () => {
		const recent = t.sandbox.wechat.articlesPublished(BRAND.appId, addDays(YESTERDAY, -3), YESTERDAY)[0];
		const now = t.clock.ms / 1000;
		const visible = t.sandbox.wechat.comments(recent.msgDataId, recent.index - 1) ?? [];
		expect(visible.every((c) => c.create_time <= now && (!c.reply || c.reply.create_time <= now))).toBe(true);
		expect((await list(recent, 0, 49)).total).toBe(visible.length);
	});

	it('rejects count outside 1..49 with 88010 and unknown articles with 88001', async () => {
		expect((await list(busiest, 0, 49)).errcode).toBe(0);
		expect((await list(busiest, 0, 50)).errcode).toBe(88010);
		expect((await list(busiest, 0, 0)).errcode).toBe(88010);
		const missing = await t.call(LIST, token, { msg_data_id: 123, index: 0, begin: 0, count: 10, type: 0 });
		expect(missing.errcode).toBe(88001);
		expect(missing.errmsg).toMatch(/^msg_data is not exists rid: /);
		const beyond = await t.call(LIST, token, { msg_data_id: busiest.msgDataId, index: 5, begin: 0, count: 10, type: 0 });
		expect(beyond.errcode).toBe(88001);
		// Another account's article is not visible with this account's token.
		const techToken = await t.token(TECH);
		const techList = await t.call(LIST, techToken, { msg_data_id: busiest.msgDataId, index: 0, begin: 0, count: 10, type: 0 });
		expect(techList.errcode).toBe(88001);
	});
});
