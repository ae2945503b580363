/**
 * MediaOps Trigger on Weibo (new comments) and Bluesky (new posts) in a real n8n, against the sandbox: both
 * workflows are published, so n8n polls at activation. Two server starts mean two polls in two processes; between
 * them the test writes a new Weibo comment and a new Bluesky post through the sandbox. The table is filled with
 * plain inserts, so anything emitted twice would show as a second row.
 */
import { SANDBOX_BLUESKY_ACCOUNTS } from '../../sandbox/platforms/bluesky';
import { SANDBOX_WEIBO_ACCOUNTS, SANDBOX_WEIBO_TOKENS, WeiboDataset } from '../../sandbox/platforms/weibo';
import { DEFAULT_SEED } from '../../sandbox';
import { setUpE2e, type E2eEnv } from './support';
import { createTableWorkflow, inboxWorkflow, insert, prepareInboxes, waitForRows, type Row } from './trigger-support';

const TABLE = 'mediaops_test_platform_inbox';
const WEIBO_CREDENTIAL = { id: 'mediaopsWeibo01', name: 'Weibo (sandbox)' };
const BLUESKY_CREDENTIAL = { id: 'mediaopsBluesky01', name: 'Bluesky (sandbox)' };
const [weiboBrand] = SANDBOX_WEIBO_ACCOUNTS;
const [blueskyBrand] = SANDBOX_BLUESKY_ACCOUNTS;

const setupWorkflow = createTableWorkflow('e2ePlatformInboxSetup', 'e2e: create the platform inbox table', TABLE, ['itemId', 'platform', 'postId', 'text', 'at']);
/** Trigger → Data Table insert; `id` and `text` expressions differ between comments and posts. */
const inbox = (id: string, parameters: Record<string, unknown>, credentials: Record<string, unknown>, columns: Record<string, string>) =>
	inboxWorkflow({ id, name: `e2e: ${id}`, trigger: 'Trigger', table: TABLE, parameters, credentials, columns });

const weiboWorkflow = inbox(
	'e2eWeiboComments',
	{ platform: 'weibo', event: 'newComments', weiboAccount: weiboBrand.id, days: 7, maxPosts: 10, firstRun: 'emitExisting' },
	{ weiboApi: WEIBO_CREDENTIAL },
	{ itemId: '={{ $json.id }}', platform: '={{ $json.platform }}', postId: '={{ $json.postId }}', text: '={{ $json.text }}', at: '={{ $json.createdAt }}' },
);
const blueskyWorkflow = inbox(
	'e2eBlueskyPosts',
	{ platform: 'bluesky', event: 'newPosts', blueskyActor: blueskyBrand.handle, days: 30, maxPosts: 100, firstRun: 'emitExisting' },
	{ blueskyApi: BLUESKY_CREDENTIAL },
	{ itemId: '={{ $json.postId }}', platform: '={{ $json.platform }}', postId: '={{ $json.postId }}', text: '={{ $json.title }}', at: '={{ $json.publishedAt }}' },
);

let env: E2eEnv;
beforeAll(async () => {
	env = await setUpE2e('mediaops-trigger-platforms');
	const weiboToken = Object.keys(SANDBOX_WEIBO_TOKENS).find((t) => SANDBOX_WEIBO_TOKENS[t] === weiboBrand.id)!;
	await env.n8n.importCredentials([
		{ ...WEIBO_CREDENTIAL, type: 'weiboApi', data: { accessToken: weiboToken, baseUrl: env.sandbox.url } },
		{ ...BLUESKY_CREDENTIAL, type: 'blueskyApi', data: { baseUrl: env.sandbox.url } },
	]);
	await prepareInboxes(env, setupWorkflow, [weiboWorkflow, blueskyWorkflow]);
});
afterAll(async () => env?.close());

const of = (rows: Row[], platform: string) => rows.filter((r) => r.platform === platform).map((r) => String(r.itemId));
const waitFor = (accept: (rows: Row[]) => boolean) => waitForRows(env, TABLE, accept, 45_000);

describe('MediaOps Trigger on Weibo and Bluesky in real n8n', () => {
	it('emits comments and posts once across two server starts, and what appears between them once', async () => {
		const weibo = new WeiboDataset(DEFAULT_SEED, () => new Date());
		await env.n8n.start();
		const first = await waitFor((rows) => of(rows, 'weibo').length > 0 && of(rows, 'bluesky').length > 0);
		await env.n8n.stop();
		const firstWeibo = of(first, 'weibo');
		const firstBluesky = of(first, 'bluesky');
		expect(firstWeibo.length).toBeGreaterThan(0);
		expect(firstBluesky.length).toBeGreaterThan(0);

		// Between the polls: a new comment on the newest watched Weibo post, and a new Bluesky post.
		const watchedPost = String(first.find((r) => r.platform === 'weibo')!.postId);
		const comment = await insert(env, 'weibo/comments', { id: watchedPost, text: 'E2E 新评论：排队一小时 😡' });
		const bluesky = await insert(env, 'bluesky/posts', { actor: blueskyBrand.handle, text: 'E2E new post: oat latte 燕麦拿铁' });
		expect(weibo.find(watchedPost)).toBeDefined();

		await env.n8n.start();
		const rows = await waitFor((r) => of(r, 'weibo').includes(comment.idstr) && of(r, 'bluesky').includes(bluesky.uri));
		// Give a (wrong) second emission of the old items time to land before judging.
		await new Promise((r) => setTimeout(r, 3000));
		const final = await env.n8n.dataTableRows(TABLE);
		await env.n8n.stop();
		expect(rows.length).toBeGreaterThan(first.length);

		for (const platform of ['weibo', 'bluesky']) {
			const ids = of(final, platform);
			expect(new Set(ids).size).toBe(ids.length);
		}
		for (const id of firstWeibo) expect(of(final, 'weibo')).toContain(id);
		for (const id of firstBluesky) expect(of(final, 'bluesky')).toContain(id);
		expect(of(final, 'weibo').filter((id) => id === comment.idstr)).toHaveLength(1);
		expect(of(final, 'bluesky').filter((id) => id === bluesky.uri)).toHaveLength(1);
		const insertedRow = final.find((r) => r.itemId === comment.idstr)!;
		expect(insertedRow.text).toBe('E2E 新评论：排队一小时 😡');
		expect(String(insertedRow.at)).toMatch(/\+08:00$/);
		expect(final.find((r) => r.itemId === bluesky.uri)!.text).toBe('E2E new post: oat latte 燕麦拿铁');
	});
});
