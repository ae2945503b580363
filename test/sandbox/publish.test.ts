import { Json, TestSandbox, startTestSandbox } from './helpers';

const article = (title: string, extra: Json = {}) => ({ title, content: '<p>正文</p><script>alert(1)</script>', thumb_media_id: 'THUMB_MEDIA_1', digest: '摘要', ...extra });

describe('sandbox: WeChat publishing (draft → freepublish)', () => {
	let t: TestSandbox;
	let token: string;
	beforeAll(async () => {
		t = await startTestSandbox();
		token = await t.token();
	});
	afterAll(() => t.sandbox.close());
	beforeEach(async () => {
		await fetch(`${t.sandbox.url}/__sandbox/wechat/publish`, { method: 'DELETE' });
		await t.post('/__sandbox/wechat/publish', { pollsBeforeFinal: 2 });
	});

	async function publish(title: string): Promise<{ mediaId: string; publishId: string }> {
		const draft = await t.call('/cgi-bin/draft/add', token, { articles: [article(title)] });
		const submit = await t.call('/cgi-bin/freepublish/submit', token, { media_id: draft.media_id });
		expect(submit).toMatchObject({ errcode: 0, errmsg: 'ok', publish_id: expect.any(String), msg_data_id: expect.any(String) });
		return { mediaId: draft.media_id, publishId: submit.publish_id };
	}

	it('publishes asynchronously: status 1 for the configured polls, then 0 with article_id and URL', async () => {
		const { publishId } = await publish('春季新品上市');
		expect(await t.call('/cgi-bin/freepublish/get', token, { publish_id: publishId })).toEqual({ publish_id: publishId, publish_status: 1 });
		expect((await t.call('/cgi-bin/freepublish/get', token, { publish_id: publishId })).publish_status).toBe(1);
		const done = await t.call('/cgi-bin/freepublish/get', token, { publish_id: publishId });
		expect(done).toMatchObject({ publish_status: 0, article_id: expect.any(String), article_detail: { count: 1, item: [{ idx: 1, article_url: expect.stringMatching(/^https:\/\/mp\.weixin\.qq\.com\/s\?/) }] }, fail_idx: [] });
		const list = await t.call('/cgi-bin/freepublish/batchget', token, { offset: 0, count: 20, no_content: 0 });
		expect(list).toMatchObject({ total_count: 1, item_count: 1, item: [{ article_id: done.article_id, content: { news_item: [{ title: '春季新品上市', content: '<p>正文</p>' }] } }] });
		expect((await t.get('/__sandbox/wechat/publish')).published).toBe(1);
	});

	it.each([
		['[sandbox:original]', 2],
		['[sandbox:fail]', 3],
		['[sandbox:reject]', 4],
		['[sandbox:deleted]', 5],
		['[sandbox:banned]', 6],
	])('title marker %s gives final publish_status %d', async (marker, status) => {
		const { publishId } = await publish(`测试 ${marker}`);
		for (let i = 0; i < 2; i++) await t.call('/cgi-bin/freepublish/get', token, { publish_id: publishId });
		const final = await t.call('/cgi-bin/freepublish/get', token, { publish_id: publishId });
		expect(final.publish_status).toBe(status);
		if (status >= 5) expect(final.article_id).toEqual(expect.any(String));
		else expect(final.fail_idx).toEqual([1]);
		const list = await t.call('/cgi-bin/freepublish/batchget', token, { offset: 0, count: 20 });
		expect(list.total_count).toBe(0);
	});

	it('validates draft/add like WeChat: title ≤ 32, content < 20,000 chars, thumb_media_id required', async () => {
		expect((await t.call('/cgi-bin/draft/add', token, { articles: [article('标'.repeat(33))] })).errcode).toBe(45003);
		expect((await t.call('/cgi-bin/draft/add', token, { articles: [article('ok', { content: 'x'.repeat(20_000) })] })).errcode).toBe(45002);
		expect((await t.call('/cgi-bin/draft/add', token, { articles: [article('ok', { thumb_media_id: '' })] })).errcode).toBe(40007);
		expect((await t.call('/cgi-bin/draft/add', token, { articles: [] })).errcode).toBe(44003);
		expect((await t.call('/cgi-bin/draft/add', token, { articles: [article('标'.repeat(32))] })).media_id).toEqual(expect.any(String));
		expect((await t.call('/cgi-bin/freepublish/get', token, { publish_id: '1' })).errcode).toBe(53600);
		expect((await t.call('/cgi-bin/freepublish/submit', token, { media_id: 'nope' })).errcode).toBe(40007);
	});

	it('lists drafts newest first and deletes them; needs a valid token', async () => {
		const a = await t.call('/cgi-bin/draft/add', token, { articles: [article('A')] });
		const b = await t.call('/cgi-bin/draft/add', token, { articles: [article('B')] });
		const list = await t.call('/cgi-bin/draft/batchget', token, { offset: 0, count: 20, no_content: 1 });
		expect(list.item.map((i: Json) => i.media_id)).toEqual([b.media_id, a.media_id]);
		expect(list.item[0].content.news_item[0].content).toBe('');
		expect(await t.call('/cgi-bin/draft/delete', token, { media_id: a.media_id })).toEqual({ errcode: 0, errmsg: 'ok' });
		expect((await t.call('/cgi-bin/draft/batchget', token, { offset: 0, count: 20 })).total_count).toBe(1);
		expect((await t.call('/cgi-bin/draft/add', 'bogus', { articles: [article('A')] })).errcode).toBe(40001);
	});

	it('getarticle shows a published article and is_deleted once it is removed', async () => {
		const { publishId } = await publish('会被删除');
		for (let i = 0; i < 3; i++) await t.call('/cgi-bin/freepublish/get', token, { publish_id: publishId });
		const { article_id } = await t.call('/cgi-bin/freepublish/get', token, { publish_id: publishId });
		expect((await t.call('/cgi-bin/freepublish/getarticle', token, { article_id })).news_item[0]).toMatchObject({ title: '会被删除', is_deleted: false });
		expect(await t.post('/__sandbox/wechat/publish', { removeArticle: article_id, by: 'user' })).toEqual({ articleId: article_id, publish_status: 5 });
		expect((await t.call('/cgi-bin/freepublish/getarticle', token, { article_id })).news_item[0].is_deleted).toBe(true);
		expect((await t.call('/cgi-bin/freepublish/get', token, { publish_id: publishId })).publish_status).toBe(5);
		expect((await t.call('/cgi-bin/freepublish/getarticle', token, { article_id: 'nope' })).errcode).toBe(53600);
	});

	it('applies injected faults to publishing routes', async () => {
		t.sandbox.setFaults([{ route: '/cgi-bin/freepublish/submit', kind: 'http503', count: 1 }]);
		const draft = await t.call('/cgi-bin/draft/add', token, { articles: [article('A')] });
		const res = await fetch(`${t.sandbox.url}/cgi-bin/freepublish/submit?access_token=${token}`, { method: 'POST', body: JSON.stringify({ media_id: draft.media_id }) });
		expect(res.status).toBe(503);
		t.sandbox.clearFaults();
		expect((await t.get('/__sandbox/wechat/publish')).submits).toBe(0);
	});
});
