/** Bluesky posting against the sandbox PDS: record keys from idempotency keys, exact read-back, races, errors. */
import { startSandbox, type Sandbox } from '../../../sandbox';
import { SANDBOX_BLUESKY_ACCOUNTS } from '../../../sandbox/platforms/bluesky';
import { SANDBOX_BLUESKY_APP_PASSWORD } from '../../../sandbox/platforms/bluesky/publish';
import { createAxiosHttpClient } from '../../../lib/http/axios-client';
import { DEFAULT_RETRY_POLICY } from '../../../lib/http/retry';
import { PostSchema, type Post } from '../../../lib/model';
import { BlueskyPublisher, recordKeyFor } from '../../../lib/platforms/bluesky-publish';
import { keyFor, publishOnce, type PublishState } from '../../../lib/publish/run';

const me = SANDBOX_BLUESKY_ACCOUNTS[0];
let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => sandbox.close());
beforeEach(async () => {
	sandbox.clearFaults();
	await fetch(`${sandbox.url}/__sandbox/bluesky/publish`, { method: 'DELETE' });
});

const count = async () => ((await (await fetch(`${sandbox.url}/__sandbox/bluesky/publish`)).json()) as { published: number }).published;
const publisher = (password = SANDBOX_BLUESKY_APP_PASSWORD) =>
	new BlueskyPublisher({ pdsUrl: sandbox.url, identifier: me.handle, appPassword: password }, { http: createAxiosHttpClient(), retryPolicy: { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5, maxDelayMs: 20 }, timeoutMs: 2000 });
const post = (id: string, extra: Partial<Post> = {}): Post =>
	PostSchema.parse({ id, platform: 'bluesky', account: me.handle, title: '', body: 'Cherry blossom latte is back 🌸', status: 'scheduled', scheduledAt: '2026-03-02T09:00:00+08:00', ...extra });
const run = (p: Post, state: PublishState, executionId = 'e1', adapter = publisher()) => publishOnce(p, adapter, state, { executionId, now: () => new Date() });

describe('Bluesky posting', () => {
	it('derives a valid, stable TID record key per idempotency key', () => {
		const a = recordKeyFor('pub_a', '2026-03-02T09:00:00+08:00');
		expect(a).toMatch(/^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/);
		expect(recordKeyFor('pub_a', '2026-03-02T09:00:00+08:00')).toBe(a);
		expect(recordKeyFor('pub_b', '2026-03-02T09:00:00+08:00')).not.toBe(a);
		expect(recordKeyFor('pub_a', undefined)).toMatch(/^[234567abcdefghij]/);
	});

	it('posts under the derived key and returns the at:// URI and bsky.app URL', async () => {
		const p = post('b1');
		const r = await run(p, {});
		const rkey = recordKeyFor(keyFor(p), p.scheduledAt);
		expect(r).toMatchObject({ status: 'published', outcome: 'published', externalId: `at://${me.id}/app.bsky.feed.post/${rkey}`, url: `https://bsky.app/profile/${me.handle}/post/${rkey}` });
		expect(await count()).toBe(1);
	});

	it('never posts twice: ledger, exact read-back without a ledger, the PDS refusing a racing second copy', async () => {
		const p = post('b2');
		const state: PublishState = {};
		const first = await run(p, state);
		expect(await run(p, state, 'e2')).toMatchObject({ outcome: 'already_published' });
		expect(await run(p, {}, 'e3')).toMatchObject({ outcome: 'found_on_platform', externalId: first.externalId, readBack: true });
		const racing = await Promise.all([run(post('b3'), {}, 'a'), run(post('b3'), {}, 'b'), run(post('b3'), {}, 'c')]);
		expect(racing.map((r) => r.status)).toEqual(['published', 'published', 'published']);
		expect(new Set(racing.map((r) => r.externalId)).size).toBe(1);
		expect(await count()).toBe(2);
	});

	it('checks a post is still on the PDS', async () => {
		const p = post('b6');
		const r = await run(p, {});
		expect(await publisher().checkPublished({ ...p, status: 'published', externalId: r.externalId }, keyFor(p))).toMatchObject({ status: 'published', outcome: 'still_published' });
		await fetch(`${sandbox.url}/__sandbox/bluesky/publish`, { method: 'DELETE' });
		expect(await publisher().checkPublished({ ...p, status: 'published', externalId: r.externalId }, keyFor(p))).toMatchObject({ status: 'failed', outcome: 'removed_after_publishing' });
	});

	it('reports the PDS’s own errors: too long, wrong app password (never shown)', async () => {
		expect(await run(post('b4', { body: 'x'.repeat(301) }), {})).toMatchObject({ status: 'failed', error: { code: 'InvalidRecord', message: expect.stringContaining('300 graphemes') } });
		const denied = await run(post('b5'), {}, 'e1', publisher('wrong-pass-0000'));
		expect(denied).toMatchObject({ status: 'failed', error: { code: 'AuthenticationRequired' } });
		expect(JSON.stringify(denied)).not.toContain('wrong-pass-0000');
		expect(await count()).toBe(0);
	});
});
