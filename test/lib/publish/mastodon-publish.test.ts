/** Mastodon publishing against the sandbox: text, Idempotency-Key deduplication (retries, concurrent runs), 422s, tokens. */
import { startSandbox, type Sandbox } from '../../../sandbox';
import { SANDBOX_MASTODON_ACCOUNTS, SANDBOX_MASTODON_TOKEN } from '../../../sandbox/platforms/mastodon';
import { createAxiosHttpClient } from '../../../lib/http/axios-client';
import { DEFAULT_RETRY_POLICY } from '../../../lib/http/retry';
import { PostSchema, type Post } from '../../../lib/model';
import { MastodonPublisher, mastodonStatusText } from '../../../lib/platforms/mastodon-publish';
import { publishOnce, type PublishState } from '../../../lib/publish/run';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => sandbox.close());
beforeEach(async () => {
	sandbox.clearFaults();
	await fetch(`${sandbox.url}/__sandbox/mastodon/publish`, { method: 'DELETE' });
});

const published = async () => ((await (await fetch(`${sandbox.url}/__sandbox/mastodon/publish`)).json()) as { published: number; statuses: Array<{ text: string }> });
const publisher = (token = SANDBOX_MASTODON_TOKEN) =>
	new MastodonPublisher({ instanceUrl: sandbox.url, accessToken: token }, 'xinghecoffee', { http: createAxiosHttpClient(), retryPolicy: { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5, maxDelayMs: 20 }, timeoutMs: 2000 });
const post = (id: string, extra: Partial<Post> = {}): Post => PostSchema.parse({ id, platform: 'mastodon', account: 'xinghecoffee', title: '', body: 'Cherry blossom latte is back 🌸', status: 'scheduled', ...extra });
const run = (p: Post, state: PublishState, executionId = 'e1', adapter = publisher()) => publishOnce(p, adapter, state, { executionId, now: () => new Date() });

describe('Mastodon publishing', () => {
	it('knows its own account', async () => {
		expect(await publisher().whoAmI()).toEqual({ id: SANDBOX_MASTODON_ACCOUNTS[0].id, acct: 'xinghecoffee', username: 'xinghecoffee' });
	});

	it('posts the status and returns its id and URL', async () => {
		const r = await run(post('m1', { tags: ['latte'] }), {});
		expect(r).toMatchObject({ status: 'published', outcome: 'published', externalId: expect.stringMatching(/^\d+$/), url: expect.stringMatching(/^https:\/\/mastodon\.example\/@xinghecoffee\/\d+$/) });
		expect((await published()).statuses.map((s) => s.text)).toEqual(['Cherry blossom latte is back 🌸\n\n#latte']);
	});

	it('never posts twice: the ledger for re-runs, Mastodon’s Idempotency-Key for lost ledgers, retries and races', async () => {
		const p = post('m2');
		const state: PublishState = {};
		const first = await run(p, state);
		expect(await run(p, state, 'e2')).toMatchObject({ outcome: 'already_published', externalId: first.externalId });
		expect(await run(p, {}, 'e3')).toMatchObject({ status: 'published', externalId: first.externalId });
		const racing = await Promise.all([run(post('m3'), {}, 'a'), run(post('m3'), {}, 'b')]);
		expect(racing[0].externalId).toBe(racing[1].externalId);
		sandbox.setFaults([{ route: '/api/v1/statuses', kind: 'http503', count: 2 }]);
		expect((await run(post('m4'), {})).status).toBe('published');
		expect((await published()).published).toBe(3);
	});

	it('reports Mastodon’s 422 and a bad token as failures with the platform’s message', async () => {
		const long = await run(post('m5', { body: 'x'.repeat(501) }), {});
		expect(long).toMatchObject({ status: 'failed', outcome: 'platform_error', error: { code: '422', message: expect.stringContaining('character limit of 500') } });
		const denied = await run(post('m6'), {}, 'e1', publisher('wrong-token-000'));
		expect(denied).toMatchObject({ status: 'failed', error: { code: '401' } });
		expect(JSON.stringify(denied)).not.toContain('wrong-token-000');
		expect((await published()).published).toBe(0);
	});

	it('turns an HTML body into plain status text with the title and tags', () => {
		expect(mastodonStatusText({ title: '新品', body: '<p>云南冷萃 &amp; 拿铁</p><p>今天开始</p>', tags: ['咖啡', '#coffee'] })).toBe('新品\n\n云南冷萃 & 拿铁\n\n今天开始\n\n#咖啡 #coffee');
	});
});
