/** Posting on Weibo (statuses/share.json) against the sandbox: safe-domain link, read-back on the own timeline, repeated-text guard, errors, token never shown. */
import { startSandbox, type Sandbox } from '../../../sandbox';
import { SANDBOX_WEIBO_SAFE_DOMAIN, type SharedStatus } from '../../../sandbox/platforms/weibo/publish';
import { createAxiosHttpClient } from '../../../lib/http/axios-client';
import { HttpTransportError, type HttpRequest } from '../../../lib/http/http-client';
import { DEFAULT_RETRY_POLICY } from '../../../lib/http/retry';
import { PostSchema, type Post } from '../../../lib/model';
import { weiboMatchText, WeiboPublisher, weiboStatusText } from '../../../lib/platforms/weibo-publish';
import { publishOnce, type PublishState } from '../../../lib/publish/run';

const TOKEN = '2.00sandboxBrandToken_not_real';
const UID = '7312345678';
let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => sandbox.close());
beforeEach(async () => {
	sandbox.clearFaults();
	await fetch(`${sandbox.url}/__sandbox/weibo/publish`, { method: 'DELETE' });
});

const shared = async () => ((await (await fetch(`${sandbox.url}/__sandbox/weibo/publish`)).json()) as { published: number; statuses: SharedStatus[] });
const requests: HttpRequest[] = [];
const publisher = (options: { token?: string; safeDomain?: string; rip?: string } = {}) => {
	const http = createAxiosHttpClient();
	return new WeiboPublisher(
		{ accessToken: options.token ?? TOKEN, safeDomain: options.safeDomain ?? SANDBOX_WEIBO_SAFE_DOMAIN, baseUrl: sandbox.url, rip: options.rip },
		{ http: { request: (req) => (requests.push(req), http.request(req)) }, retryPolicy: { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5, maxDelayMs: 20 }, timeoutMs: 2000 },
	);
};
const link = `https://${SANDBOX_WEIBO_SAFE_DOMAIN}/spring`;
const soon = () => new Date(Date.now() - 60_000).toISOString();
const post = (id: string, extra: Record<string, unknown> = {}): Post =>
	PostSchema.parse({ id, platform: 'weibo', account: UID, title: '', body: `樱花拿铁回归 ${id} ${link}`, status: 'scheduled', scheduledAt: soon(), ...extra });
const run = (p: Post, state: PublishState, executionId = 'e1', adapter = publisher()) => publishOnce(p, adapter, state, { executionId, now: () => new Date() });

describe('Weibo status text', () => {
	it('drops tags (share.json forbids #话题#) and matches with links removed, whitespace collapsed', () => {
		expect(weiboStatusText({ title: '春季', body: '<p>上新 https://a.b/c</p>', media: [] })).toBe('春季\n\n上新 https://a.b/c');
		expect(weiboMatchText('上新  http://t.cn/A6abc \n 快来')).toBe(weiboMatchText('上新 https://xinghe.example.com/x 快来'));
	});
});

describe('Weibo posting', () => {
	it('shares form-encoded with the token as a form field (not in the URL), returns the id and weibo.com URL', async () => {
		requests.length = 0;
		const r = await run(post('w1'), {}, 'e1', publisher({ rip: '211.156.0.1' }));
		expect(r).toMatchObject({ status: 'published', outcome: 'published', externalId: expect.stringMatching(/^\d{16}$/), refs: { statusId: expect.any(String) } });
		expect(r.url).toBe(`https://weibo.com/${UID}/${r.externalId}`);
		const share = requests.find((q) => q.url.endsWith('/2/statuses/share.json'))!;
		expect(share.headers).toMatchObject({ 'Content-Type': 'application/x-www-form-urlencoded' });
		expect(share.query?.access_token).toBeUndefined();
		expect(new URLSearchParams(String(share.body)).get('access_token')).toBe(TOKEN);
		const { statuses } = await shared();
		expect(statuses).toEqual([expect.objectContaining({ sent: `樱花拿铁回归 w1 ${link}`, text: expect.stringMatching(/^樱花拿铁回归 w1 http:\/\/t\.cn\//), rip: '211.156.0.1' })]);
	});

	it('never twice: the ledger for re-runs, the own timeline (t.cn links and all) for a lost ledger, 20019 for a race', async () => {
		const state: PublishState = {};
		const p = post('w2');
		const first = await run(p, state);
		expect(await run(p, state, 'e2')).toMatchObject({ outcome: 'already_published' });
		expect(await run(p, {}, 'e3')).toMatchObject({ status: 'published', outcome: 'found_on_platform', externalId: first.externalId, readBack: true });
		const racing = await Promise.all([run(post('w3'), {}, 'a'), run(post('w3'), {}, 'b')]);
		expect(racing.map((r) => r.status)).toEqual(['published', 'published']);
		expect(racing[0].externalId).toBe(racing[1].externalId);
		expect((await shared()).published).toBe(2);
	});

	it('does not take an older post with the same text for this one (read-back starts 15 min before the scheduled time)', async () => {
		const p = post('w4');
		await run(p, {});
		const later = { ...p, id: 'w4-next-week', scheduledAt: new Date(Date.now() + 3_600_000).toISOString() };
		expect(await publisher().findPublished(later)).toBeUndefined();
	});

	it('refuses before any call: no safe-domain link, a #topic#, an image; a link media item on the domain is appended', async () => {
		requests.length = 0;
		expect(await run(post('w5', { body: '没有链接' }), {})).toMatchObject({ status: 'failed', outcome: 'compliance_failed', error: { code: 'weibo_safe_domain' } });
		expect(await run(post('w6', { body: `#樱花拿铁# 回归 ${link}` }), {})).toMatchObject({ status: 'failed', error: { code: 'weibo_topic' } });
		expect(await run(post('w7', { media: [{ type: 'image', url: 'https://cdn/x.jpg' }] }), {})).toMatchObject({ status: 'failed', error: { code: 'weibo_media' } });
		expect(requests.filter((q) => q.url.endsWith('share.json'))).toHaveLength(0);
		const appended = await run(post('w8', { body: '链接在附件里', media: [{ type: 'link', url: `${link}?from=w8` }] }), {});
		expect(appended).toMatchObject({ status: 'published' });
		expect((await shared()).statuses[0].sent).toBe(`链接在附件里 ${link}?from=w8`);
	});

	it('reports Weibo’s errors with error_code: 20012 too long, 10017 domain not bound, 20016 posting limit, 21332 bad token; token never shown', async () => {
		expect(await run(post('w9', { body: `${'长'.repeat(140)} ${link}` }), {})).toMatchObject({ status: 'failed', outcome: 'platform_error', error: { code: '20012' } });
		expect(await run(post('w10'), {}, 'e1', publisher({ safeDomain: 'other.example.org', token: TOKEN }))).toMatchObject({ status: 'failed', error: { code: 'weibo_safe_domain' } });
		const unbound = await run(post('w11', { body: `x https://other.example.org/a` }), {}, 'e1', publisher({ safeDomain: 'other.example.org' }));
		expect(unbound).toMatchObject({ status: 'failed', error: { code: '10017', message: 'appkey not bind domain!' } });
		await fetch(`${sandbox.url}/__sandbox/weibo/publish`, { method: 'POST', body: JSON.stringify({ postsPerHour: 0 }) });
		expect(await run(post('w12'), {})).toMatchObject({ status: 'failed', error: { code: '20016' } });
		await fetch(`${sandbox.url}/__sandbox/weibo/publish`, { method: 'DELETE' });
		const denied = await run(post('w13'), {}, 'e1', publisher({ token: '2.00not-a-real-token-xyz' }));
		expect(denied).toMatchObject({ status: 'failed', error: { code: '21332' } });
		expect(JSON.stringify([unbound, denied])).not.toMatch(/2\.00sandboxBrandToken_not_real|2\.00not-a-real-token-xyz/);
		expect((await shared()).published).toBe(0);
	});

	it('an expired token (21327) says to re-authorise, and a share whose answer was lost is read back, not posted twice', async () => {
		const p = post('w14');
		sandbox.setFaults([{ route: '/2/statuses/share.json', kind: 'expiredToken', count: 1 }]);
		expect(await run(p, {})).toMatchObject({ status: 'failed', error: { code: '21327', message: expect.stringContaining('re-authorise') } });
		// The share goes through but its answer is lost (timeout): the retry meets 20019 and reads the status back.
		const http = createAxiosHttpClient();
		let lost = 0;
		const losing = new WeiboPublisher(
			{ accessToken: TOKEN, safeDomain: SANDBOX_WEIBO_SAFE_DOMAIN, baseUrl: sandbox.url },
			{
				http: {
					request: async (req) => {
						const res = await http.request(req);
						if (req.url.endsWith('share.json') && lost++ === 0) throw new HttpTransportError('ETIMEDOUT', 'request timed out after 2000 ms');
						return res;
					},
				},
				retryPolicy: { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5, maxDelayMs: 20 },
			},
		);
		const r = await run(p, {}, 'e1', losing);
		expect(r).toMatchObject({ status: 'published', outcome: 'found_on_platform', message: expect.stringContaining('not published twice') });
		expect(lost).toBe(2);
		expect((await shared()).published).toBe(1);
	});
});
