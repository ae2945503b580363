import { startSandbox, type Sandbox } from '../../sandbox';
import { SANDBOX_MASTODON_TOKEN } from '../../sandbox/platforms/mastodon';

describe('sandbox: Mastodon publishing', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
	});
	afterAll(() => sandbox.close());

	const toot = (body: unknown, headers: Record<string, string> = {}) =>
		fetch(`${sandbox.url}/api/v1/statuses`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${SANDBOX_MASTODON_TOKEN}`, ...headers }, body: JSON.stringify(body) });

	it('creates a status, answers the same Idempotency-Key with the same status, validates like Mastodon', async () => {
		const a = await toot({ status: 'hello\n\nworld <3' }, { 'Idempotency-Key': 'k1' });
		expect(a.status).toBe(200);
		const status = (await a.json()) as Record<string, any>;
		expect(status).toMatchObject({ id: expect.stringMatching(/^\d+$/), content: '<p>hello</p><p>world &lt;3</p>', visibility: 'public', account: { username: 'xinghecoffee' } });
		const again = (await (await toot({ status: 'hello\n\nworld <3' }, { 'Idempotency-Key': 'k1' })).json()) as Record<string, any>;
		expect(again.id).toBe(status.id);
		expect((await toot({ status: 'x'.repeat(501) })).status).toBe(422);
		expect((await toot({ status: ' ' })).status).toBe(422);
		expect((await toot({ status: 'hi' }, { authorization: 'Bearer nope' })).status).toBe(401);
		const verify = await fetch(`${sandbox.url}/api/v1/accounts/verify_credentials`, { headers: { authorization: `Bearer ${SANDBOX_MASTODON_TOKEN}` } });
		expect(((await verify.json()) as Record<string, any>).acct).toBe('xinghecoffee');
		const log = (await (await fetch(`${sandbox.url}/__sandbox/mastodon/publish`)).json()) as { published: number };
		expect(log.published).toBe(1);
	});
});
