/** Posting on X against the sandbox: user token, duplicate-content refusal as the platform-side guard, errors. */
import { startSandbox, type Sandbox } from '../../../sandbox';
import { SANDBOX_X_USER_TOKEN } from '../../../sandbox/platforms/x/publish';
import { createAxiosHttpClient } from '../../../lib/http/axios-client';
import { DEFAULT_RETRY_POLICY } from '../../../lib/http/retry';
import { PostSchema, type Post } from '../../../lib/model';
import { XPublisher } from '../../../lib/platforms/x-publish';
import { publishOnce, type PublishState } from '../../../lib/publish/run';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => sandbox.close());
beforeEach(async () => {
	sandbox.clearFaults();
	await fetch(`${sandbox.url}/__sandbox/x/publish`, { method: 'DELETE' });
});

const count = async () => ((await (await fetch(`${sandbox.url}/__sandbox/x/publish`)).json()) as { published: number }).published;
const publisher = (token = SANDBOX_X_USER_TOKEN) => new XPublisher({ accessToken: token, baseUrl: sandbox.url }, { http: createAxiosHttpClient(), retryPolicy: { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5, maxDelayMs: 20 }, timeoutMs: 2000 });
const post = (id: string, body = `Cherry blossom latte is back ${id}`): Post => PostSchema.parse({ id, platform: 'x', account: 'xinghecoffee', title: '', body, status: 'scheduled' });
const run = (p: Post, state: PublishState, executionId = 'e1', adapter = publisher()) => publishOnce(p, adapter, state, { executionId, now: () => new Date() });

describe('X posting', () => {
	it('posts with the user token and returns the id and x.com URL', async () => {
		const me = await publisher().whoAmI();
		const r = await run(post('x1'), {});
		expect(r).toMatchObject({ status: 'published', outcome: 'published', externalId: expect.stringMatching(/^\d+$/) });
		expect(r.url).toBe(`https://x.com/${me.username}/status/${r.externalId}`);
		expect(await count()).toBe(1);
	});

	it('never posts twice: ledger for re-runs, X’s duplicate-content refusal for lost ledgers and racing runs', async () => {
		const state: PublishState = {};
		const p = post('x2');
		await run(p, state);
		expect(await run(p, state, 'e2')).toMatchObject({ outcome: 'already_published' });
		expect(await run(p, {}, 'e3')).toMatchObject({ status: 'published', outcome: 'duplicate_on_platform' });
		const racing = await Promise.all([run(post('x3'), {}, 'a'), run(post('x3'), {}, 'b')]);
		expect(racing.map((r) => r.status)).toEqual(['published', 'published']);
		expect(await count()).toBe(2);
	});

	it('reports X’s refusals and a bad token with X’s own message, token never shown', async () => {
		expect(await run(post('x4', '长'.repeat(141)), {})).toMatchObject({ status: 'failed', error: { code: 'Forbidden', message: expect.stringContaining('too long') } });
		const denied = await run(post('x5'), {}, 'e1', publisher('bad-user-token-000'));
		expect(denied).toMatchObject({ status: 'failed', error: { code: 'Unauthorized' } });
		expect(JSON.stringify(denied)).not.toContain('bad-user-token-000');
		expect(await count()).toBe(0);
	});

	it('keeps the read routes: GET /2/tweets still answers lookups with the app bearer', async () => {
		const res = await fetch(`${sandbox.url}/2/tweets?ids=1`, { headers: { authorization: 'Bearer nope' } });
		expect(res.status).toBe(401);
	});
});
