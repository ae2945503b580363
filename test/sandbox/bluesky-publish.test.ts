import { startSandbox, type Sandbox } from '../../sandbox';
import { SANDBOX_BLUESKY_APP_PASSWORD } from '../../sandbox/platforms/bluesky/publish';

describe('sandbox: Bluesky posting (PDS)', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
	});
	afterAll(() => sandbox.close());
	const xrpc = async (method: string, body?: unknown, token?: string) => {
		const res = await fetch(`${sandbox.url}/xrpc/${method}`, { method: body ? 'POST' : 'GET', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body ? JSON.stringify(body) : undefined });
		return { status: res.status, json: (await res.json()) as Record<string, any> };
	};

	it('logs in with the app password, creates records under TID keys once, reads them back', async () => {
		expect((await xrpc('com.atproto.server.createSession', { identifier: 'xinghe-coffee.bsky.social', password: 'nope' })).status).toBe(401);
		const session = (await xrpc('com.atproto.server.createSession', { identifier: 'xinghe-coffee.bsky.social', password: SANDBOX_BLUESKY_APP_PASSWORD })).json;
		const create = (rkey: string, text = 'hello') => xrpc('com.atproto.repo.createRecord', { repo: session.did, collection: 'app.bsky.feed.post', rkey, record: { $type: 'app.bsky.feed.post', text, createdAt: '2026-03-02T01:00:00Z' } }, session.accessJwt);
		const made = await create('3ldtqyqkrzs2a');
		expect(made).toMatchObject({ status: 200, json: { uri: `at://${session.did}/app.bsky.feed.post/3ldtqyqkrzs2a` } });
		expect((await create('3ldtqyqkrzs2a')).json.message).toMatch(/already exists/);
		expect((await create('not-a-tid')).status).toBe(400);
		expect((await create('3ldtqyqkrzs2b', 'x'.repeat(301))).json.error).toBe('InvalidRecord');
		expect((await xrpc('com.atproto.repo.createRecord', { repo: session.did }, 'bad')).status).toBe(401);
		const got = await xrpc(`com.atproto.repo.getRecord?repo=${session.did}&collection=app.bsky.feed.post&rkey=3ldtqyqkrzs2a`);
		expect(got.json.value).toMatchObject({ text: 'hello' });
		expect((await xrpc(`com.atproto.repo.getRecord?repo=${session.did}&collection=app.bsky.feed.post&rkey=3ldtqyqkrzs2c`)).json.error).toBe('RecordNotFound');
	});
});
