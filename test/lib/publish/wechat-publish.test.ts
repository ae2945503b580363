/**
 * WeChat publishing against the sandbox: each publish_status mapped, the idempotency ledger, read-back,
 * concurrent runs racing on the same post, and faults. The sandbox's publish count is the truth.
 */
import { startSandbox, SANDBOX_WECHAT_ACCOUNTS, type Sandbox } from '../../../sandbox';
import { createAxiosHttpClient } from '../../../lib/http/axios-client';
import { DEFAULT_RETRY_POLICY } from '../../../lib/http/retry';
import { PostSchema, type Post } from '../../../lib/model';
import { WechatOaApi } from '../../../lib/platforms/wechat-oa-api';
import { WechatOaPublisher, publishMarker } from '../../../lib/platforms/wechat-oa-publish';
import { keyFor, overallStatus, publishOnce, type PublishState } from '../../../lib/publish/run';

const account = SANDBOX_WECHAT_ACCOUNTS[0];
const fastRetry = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 4, maxRetryAfterMs: 2_000 };

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => sandbox.close());
beforeEach(async () => {
	sandbox.clearFaults();
	await fetch(`${sandbox.url}/__sandbox/wechat/publish`, { method: 'DELETE' });
	await fetch(`${sandbox.url}/__sandbox/wechat/publish`, { method: 'POST', body: JSON.stringify({ pollsBeforeFinal: 1 }) });
});

async function published(): Promise<number> {
	return ((await (await fetch(`${sandbox.url}/__sandbox/wechat/publish`)).json()) as { published: number }).published;
}

function publisher(options: { maxWaitMs?: number } = {}) {
	const api = new WechatOaApi({ appId: account.appId, appSecret: account.appSecret, baseUrl: sandbox.url }, { http: createAxiosHttpClient(), retryPolicy: fastRetry, timeoutMs: 2_000 });
	return new WechatOaPublisher(api, account.name, { pollIntervalMs: 10, maxWaitMs: options.maxWaitMs ?? 2_000 });
}

let n = 0;
function post(title: string, extra: Partial<Post> = {}): Post {
	n += 1;
	return PostSchema.parse({ id: `post-${n}`, platform: 'wechat_oa', account: account.name, title, body: '<p>正文</p>', status: 'scheduled', media: [{ type: 'image', mediaId: 'THUMB_1' }], ...extra });
}

const run = (p: Post, state: PublishState, executionId = 'exec-1', adapter = publisher()) => publishOnce(p, adapter, state, { executionId, now: () => new Date() });

describe('WeChat OA publishing', () => {
	it('publishes through draft/add → submit → get and maps status 0 to published with article id and URL', async () => {
		const state: PublishState = {};
		const p = post('春季新品上市');
		const r = await run(p, state);
		expect(r).toMatchObject({ status: 'published', outcome: 'published', platformStatus: 0, externalId: expect.stringMatching(/^SANDBOX_ART_/), url: expect.stringMatching(/^https:\/\/mp\.weixin\.qq\.com/), key: keyFor(p) });
		expect(r.refs).toMatchObject({ publishId: expect.any(String), mediaId: expect.any(String) });
		expect(await published()).toBe(1);
		expect(state.entries![keyFor(p)]).toMatchObject({ status: 'published', externalId: r.externalId });
	});

	it.each([
		['[sandbox:original]', 2, 'original_check_failed', '原创失败'],
		['[sandbox:fail]', 3, 'publish_failed', '常规失败'],
		['[sandbox:reject]', 4, 'review_rejected', '审核不通过'],
		['[sandbox:deleted]', 5, 'removed_by_user', '用户删除'],
		['[sandbox:banned]', 6, 'blocked_by_platform', '系统封禁'],
	])('%s: publish_status %d is failed/%s with the raw response kept', async (marker, code, outcome, zh) => {
		const state: PublishState = {};
		const r = await run(post(`测试 ${marker}`), state);
		expect(r).toMatchObject({ status: 'failed', outcome, platformStatus: code, error: { code: `publish_status_${code}`, raw: expect.objectContaining({ publish_status: code }) } });
		expect(r.message).toContain(zh);
		// Removed after publishing: it went out, so it is never published again automatically.
		const again = await run(post(`测试 ${marker}`, { id: `post-${n}` }), state, 'exec-2');
		expect(again.outcome).toBe(outcome);
	});

	it('never publishes twice: the ledger answers a re-run, a lost ledger is covered by read-back', async () => {
		const state: PublishState = {};
		const p = post('只发一次');
		await run(p, state);
		const second = await run(p, state, 'exec-2');
		expect(second).toMatchObject({ status: 'published', outcome: 'already_published' });
		const third = await run(p, {}, 'exec-3');
		expect(third).toMatchObject({ status: 'published', outcome: 'found_on_platform', readBack: true });
		expect(await published()).toBe(1);
		const edited = await run({ ...p, version: 2 }, state, 'exec-4');
		expect(edited.outcome).toBe('published');
		expect(await published()).toBe(2);
	});

	it('two runs racing on the same post (each with its own empty ledger) publish it once and both report it', async () => {
		await fetch(`${sandbox.url}/__sandbox/wechat/publish`, { method: 'POST', body: JSON.stringify({ pollsBeforeFinal: 3 }) });
		const p = post('并发发布');
		const results = await Promise.all([run(p, {}, 'a'), run(p, {}, 'b'), run(p, {}, 'c')]);
		expect(await published()).toBe(1);
		expect(results.map((r) => r.status)).toEqual(['published', 'published', 'published']);
		expect(new Set(results.map((r) => r.externalId)).size).toBe(1);
	});

	it('keeps 503s while polling visible (ambiguous), then reads back instead of publishing again', async () => {
		sandbox.setFaults([{ route: '/cgi-bin/freepublish/get', kind: 'http503', count: 10 }]);
		const state: PublishState = {};
		const p = post('故障中发布');
		const r = await run(p, state);
		expect(r).toMatchObject({ status: 'failed', outcome: 'platform_error', error: { code: '503', operation: 'cgi-bin/freepublish/get' } });
		expect(state.entries![keyFor(p)]).toMatchObject({ status: 'failed', ambiguous: true });
		sandbox.clearFaults();
		const retry = await run(p, state, 'exec-2');
		expect(retry).toMatchObject({ status: 'published', outcome: 'found_on_platform' });
		expect(await published()).toBe(1);
	});

	it('takes its draft back when it fails before submitting, so the retry publishes at once', async () => {
		sandbox.setFaults([{ route: '/cgi-bin/draft/batchget', kind: 'http500', count: 4 }]);
		const state: PublishState = {};
		const p = post('草稿收回');
		expect(await run(p, state)).toMatchObject({ status: 'failed', error: { code: '500', operation: 'cgi-bin/draft/batchget' } });
		expect(((await (await fetch(`${sandbox.url}/__sandbox/wechat/publish`)).json()) as { drafts: number }).drafts).toBe(0);
		sandbox.clearFaults();
		expect(await run(p, state, 'exec-2')).toMatchObject({ status: 'published', outcome: 'published' });
		expect(await published()).toBe(1);
	});

	it('reports a WeChat errcode (title too long) as failed with the code and message', async () => {
		const r = await run(post('标'.repeat(33)), {});
		expect(r).toMatchObject({ status: 'failed', outcome: 'platform_error', error: { code: '45003', message: expect.stringContaining('title size out of limit'), operation: 'cgi-bin/draft/add' } });
		expect(await published()).toBe(0);
	});

	it('reports publishing when WeChat is still publishing after the wait, and resolves it on the next run', async () => {
		await fetch(`${sandbox.url}/__sandbox/wechat/publish`, { method: 'POST', body: JSON.stringify({ pollsBeforeFinal: 1000 }) });
		const state: PublishState = {};
		const p = post('慢慢发布');
		const r = await run(p, state, 'exec-1', publisher({ maxWaitMs: 50 }));
		expect(r).toMatchObject({ status: 'publishing', outcome: 'publishing', platformStatus: 1 });
		expect(await run(p, state, 'exec-2')).toMatchObject({ status: 'publishing', outcome: 'in_flight_elsewhere' });
		await fetch(`${sandbox.url}/__sandbox/wechat/publish`, { method: 'POST', body: JSON.stringify({ pollsBeforeFinal: 0 }) });
		// After the lease the next run checks the pending publish_id instead of publishing again.
		const later = await publishOnce(p, publisher(), state, { executionId: 'exec-3', now: () => new Date(Date.now() + 16 * 60_000) });
		expect(later).toMatchObject({ status: 'published', readBack: true });
		expect(await published()).toBe(1);
	});

	it('checks a published article is still up, and reports a removal after publishing (user or WeChat)', async () => {
		const p = post('查看是否在线');
		const r = await run(p, {});
		const published = { ...p, status: 'published' as const, externalId: r.externalId };
		expect(await publisher().checkPublished(published)).toMatchObject({ status: 'published', outcome: 'still_published' });
		await fetch(`${sandbox.url}/__sandbox/wechat/publish`, { method: 'POST', body: JSON.stringify({ removeArticle: r.externalId, by: 'system' }) });
		expect(await publisher().checkPublished(published)).toMatchObject({ status: 'failed', outcome: 'removed_after_publishing', error: { code: 'removed' } });
		expect(await publisher().checkPublished({ ...published, externalId: 'SANDBOX_ART_nope' })).toMatchObject({ outcome: 'removed_after_publishing', error: { raw: { errcode: 53600 } } });
		expect(await publisher().checkPublished({ ...published, externalId: undefined })).toMatchObject({ outcome: 'not_published' });
	});

	it('embeds the idempotency marker as an invisible HTML comment and uses the image media id as thumb', () => {
		const p = post('标题', { digest: '摘要', url: 'https://example.com/a' });
		expect(publisher().toArticle(p, 'pub_x')).toEqual({ title: '标题', content: `<p>正文</p>${publishMarker('pub_x')}`, thumb_media_id: 'THUMB_1', digest: '摘要', content_source_url: 'https://example.com/a', need_open_comment: 1, only_fans_can_comment: 0 });
	});

	it('combines target statuses', () => {
		const t = (status: 'published' | 'failed' | 'publishing') => ({ status }) as never;
		expect(overallStatus([t('published'), t('failed')])).toBe('partial');
		expect(overallStatus([t('published'), t('publishing')])).toBe('publishing');
		expect(overallStatus([t('failed')])).toBe('failed');
		expect(overallStatus([])).toBe('pending');
	});
});
