/**
 * Social Publish through n8n-core's real engine against the in-process WeChat sandbox: statuses, the
 * ledger within a run, read-back across runs, dry run, compliance blocking, errors, secrets.
 */
import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';
import { startSandbox, type Sandbox } from '../../sandbox';
import { SocialPublish } from '../../nodes/SocialPublish/SocialPublish.node';
import { MastodonApi } from '../../credentials/MastodonApi.credentials';
import { BlueskyAccountApi } from '../../credentials/BlueskyAccountApi.credentials';
import { XAccountApi } from '../../credentials/XAccountApi.credentials';
import { SANDBOX_X_USER_TOKEN } from '../../sandbox/platforms/x/publish';
import { SANDBOX_BLUESKY_APP_PASSWORD } from '../../sandbox/platforms/bluesky/publish';
import { SANDBOX_MASTODON_TOKEN } from '../../sandbox/platforms/mastodon';
import { PACKAGE, registerTypes, runWorkflow, singleNodeWorkflow, type RunResult } from './harness';
import { BRAND, allText, pairedIndexes, wechatCredential } from './support';

const TYPE = `${PACKAGE}.socialPublish`;
const NODE = 'Social Publish';
registerTypes({ [TYPE]: new SocialPublish() }, { mastodonApi: new MastodonApi(), blueskyAccountApi: new BlueskyAccountApi(), xAccountApi: new XAccountApi() });

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
	await fetch(`${sandbox.url}/__sandbox/wechat/publish`, { method: 'DELETE' });
});

async function publishedCount(): Promise<number> {
	return ((await (await fetch(`${sandbox.url}/__sandbox/wechat/publish`)).json()) as { published: number }).published;
}

function run(parameters: INodeParameters, items: IDataObject[], extra: Partial<INode> = {}): Promise<RunResult> {
	const node = {
		name: NODE,
		type: TYPE,
		typeVersion: 1,
		parameters: { platform: 'wechatOa', operation: 'publish', pollIntervalSeconds: 0.1, maxWaitSeconds: 5, ...parameters },
		credentials: { weChatOfficialAccountApi: { id: 'cred-1', name: 'WeChat sandbox' }, mastodonApi: { id: 'cred-2', name: 'Mastodon sandbox' }, blueskyAccountApi: { id: 'cred-3', name: 'Bluesky sandbox' }, xAccountApi: { id: 'cred-4', name: 'X sandbox' } },
		...extra,
	};
	return runWorkflow(singleNodeWorkflow(node, items), {
		credentials: { ...wechatCredential(sandbox.url, BRAND, BRAND.name), mastodonApi: { instanceUrl: sandbox.url, accessToken: SANDBOX_MASTODON_TOKEN }, blueskyAccountApi: { pdsUrl: sandbox.url, identifier: 'xinghe-coffee.bsky.social', appPassword: SANDBOX_BLUESKY_APP_PASSWORD }, xAccountApi: { accessToken: SANDBOX_X_USER_TOKEN, baseUrl: sandbox.url } },
	});
}

let n = 0;
const post = (title: string, extra: IDataObject = {}): IDataObject => {
	n += 1;
	return { id: `sp-${n}`, platform: 'wechat_oa', account: BRAND.name, title, body: '<p>今天上新</p>', status: 'scheduled', scheduledAt: '2026-03-02T09:00:00+08:00', media: [{ type: 'image', mediaId: 'THUMB_1' }], ...extra };
};

describe('Social Publish node (n8n-core engine, WeChat sandbox)', () => {
	it('publishes once, returns the post as published with article id, URL, history and event; a duplicate item in the same run is not published again', async () => {
		const p = post('春季新品上市');
		const result = await run({}, [p, p]);
		expect(result.error).toBeUndefined();
		const [first, second] = result.nodeOutput(NODE);
		expect(first).toMatchObject({ id: p.id, status: 'published', externalId: expect.stringMatching(/^SANDBOX_ART_/), url: expect.stringMatching(/^https:\/\/mp\.weixin/) });
		expect(first.publish).toMatchObject({ status: 'published', targets: [{ outcome: 'published', platformStatus: 0, refs: { publishId: expect.any(String) } }] });
		expect(first.event).toMatchObject({ type: 'published', postId: p.id, details: { outcome: 'published' } });
		expect((first.history as IDataObject[]).at(-1)).toMatchObject({ action: 'publish:published', fromStatus: 'scheduled', toStatus: 'published' });
		expect(second).toMatchObject({ status: 'published', publish: { targets: [{ outcome: 'already_published' }] } });
		expect(second.event).toBeUndefined();
		expect(pairedIndexes(result.nodeItems(NODE))).toEqual([0, 1]);
		expect(await publishedCount()).toBe(1);

		// A new run (its static data not carried over here) reads the publication back instead of posting again.
		const again = await run({}, [p]);
		expect(again.nodeOutput(NODE)[0]).toMatchObject({ status: 'published', publish: { targets: [{ outcome: 'found_on_platform', readBack: true }] } });
		expect(await publishedCount()).toBe(1);
	});

	it('maps 审核不通过 to failed with the raw WeChat answer and a failed event; rows carry the cause', async () => {
		const result = await run({ outputFormat: 'row' }, [post('秋季 [sandbox:reject]')]);
		const [row] = result.nodeOutput(NODE);
		expect(row).toMatchObject({ status: 'failed', publishStatus: 'failed', publishError: expect.stringContaining('[publish_status_4] 审核不通过') });
		const events = await run({ outputFormat: 'events' }, [post('冬季 [sandbox:original]')]);
		expect(events.nodeOutput(NODE)).toEqual([expect.objectContaining({ type: 'failed', details: expect.objectContaining({ outcome: 'original_check_failed', error: { code: 'publish_status_2', message: expect.stringContaining('原创失败') } }) })]);
	});

	it('dry run validates without posting; compliance errors block publishing with the findings', async () => {
		const ok = await run({ dryRun: true }, [post('新品')]);
		expect(ok.nodeOutput(NODE)[0]).toMatchObject({ status: 'scheduled', publish: { status: 'pending', dryRun: true, targets: [{ outcome: 'dry_run_ok' }] } });
		const bad = await run({}, [post('全网最好的咖啡', { media: [] })]);
		const [out] = bad.nodeOutput(NODE);
		expect(out).toMatchObject({ status: 'failed', publish: { targets: [{ outcome: 'compliance_failed', error: { code: 'compliance' } }] } });
		expect(String((out.publish as { targets: IDataObject[] }).targets[0].message)).toContain('最好');
		const flagged = await run({ checkBeforePublishing: false }, [{ ...post('新品'), compliance: { passed: false, errors: 1, warnings: 0, findings: [{ rule: 'banned_term', severity: 'error', field: 'body', message: '包含禁用词', suggestion: '删除' }] } }]);
		expect(flagged.nodeOutput(NODE)[0]).toMatchObject({ status: 'failed', publish: { targets: [{ outcome: 'compliance_failed' }] } });
		expect(await publishedCount()).toBe(0);
	});

	it('Platform Limits (JSON) merges over the built-in WeChat rules before publishing; a wrong shape names the item', async () => {
		// Only the title limit is raised: the cover (thumb_media_id) rule still blocks a post without one.
		const limits = JSON.stringify({ wechat_oa: { limits: [{ field: 'title', max: 64 }] } });
		const result = await run({ dryRun: true, platformRules: limits }, [post('标'.repeat(40)), post('标'.repeat(40), { media: [] })]);
		expect(result.error).toBeUndefined();
		expect(result.nodeOutput(NODE).map((o) => (o.publish as { targets: IDataObject[] }).targets[0].outcome)).toEqual(['dry_run_ok', 'compliance_failed']);
		const bad = await run({ dryRun: true, platformRules: JSON.stringify({ wechat_oa: { limits: 'none' } }) }, [post('a')]);
		expect(bad.error?.message).toBe('Item 0: Platform Limits (JSON): wechat_oa.limits must be an array (got "none")');
		expect(await publishedCount()).toBe(0);
	});

	it('refuses a post for another account or platform, visibly', async () => {
		const result = await run({}, [post('新品', { account: '别的号' }), post('hello', { platform: 'weibo' })]);
		expect(result.nodeOutput(NODE).map((o) => [o.status, (o.publish as { targets: IDataObject[] }).targets[0].outcome])).toEqual([
			['failed', 'wrong_account'],
			['failed', 'unsupported_platform'],
		]);
		expect(await publishedCount()).toBe(0);
	});

	it('keeps going through injected faults and never shows the app secret', async () => {
		sandbox.setFaults([
			{ route: '/cgi-bin/draft/add', kind: 'http503', count: 2 },
			{ route: '/cgi-bin/freepublish/get', kind: 'expiredToken', count: 1 },
		]);
		const result = await run({}, [post('故障也能发')]);
		sandbox.clearFaults();
		expect(result.nodeOutput(NODE)[0]).toMatchObject({ status: 'published' });
		expect(await publishedCount()).toBe(1);
		expect(allText(result.run)).not.toContain(BRAND.appSecret);
	});

	it('publishes to Mastodon once per post version, refusing posts for another account, never showing the token', async () => {
		const toot = { id: `toot-${Date.now()}`, platform: 'mastodon', account: 'xinghecoffee', title: '', body: 'Cherry blossom latte is back 🌸', status: 'scheduled' };
		const result = await run({ platform: 'mastodon' }, [toot, toot, { ...toot, id: 'other', account: 'someone@else.social' }, post('微信内容')]);
		const out = result.nodeOutput(NODE);
		expect(out.map((o) => [o.status, (o.publish as { targets: IDataObject[] }).targets[0].outcome])).toEqual([
			['published', 'published'],
			['published', 'already_published'],
			['failed', 'wrong_account'],
			['failed', 'unsupported_platform'],
		]);
		expect(out[0].url).toMatch(/^https:\/\/mastodon\.example\/@xinghecoffee\//);
		const posted = (await (await fetch(`${sandbox.url}/__sandbox/mastodon/publish`)).json()) as { statuses: Array<{ text: string }> };
		expect(posted.statuses.filter((st) => st.text === toot.body)).toHaveLength(1);
		expect(allText(result.run)).not.toContain(SANDBOX_MASTODON_TOKEN);
	});

	it('posts to Bluesky once, reads it back on the next run, never shows the app password', async () => {
		const skeet = { id: `skeet-${Date.now()}`, platform: 'bluesky', account: 'xinghe-coffee.bsky.social', title: '', body: '杭州西湖店今天开业！', status: 'scheduled', scheduledAt: '2026-03-02T09:00:00+08:00' };
		const first = await run({ platform: 'bluesky' }, [skeet, skeet]);
		expect(first.error?.message ?? '').toBe('');
		expect(first.nodeOutput(NODE).map((o) => (o.publish as { targets: IDataObject[] }).targets[0].outcome)).toEqual(['published', 'already_published']);
		const again = await run({ platform: 'bluesky' }, [skeet]);
		expect(again.nodeOutput(NODE)[0]).toMatchObject({ status: 'published', externalId: first.nodeOutput(NODE)[0].externalId, publish: { targets: [{ outcome: 'found_on_platform' }] } });
		expect(allText([first.run, again.run])).not.toContain(SANDBOX_BLUESKY_APP_PASSWORD);
	});

	it('Check Published turns a post removed after publishing into failed with the cause; live ones pass unchanged', async () => {
		const [live, gone] = (await run({}, [post('在线文章'), post('将被删除的文章')])).nodeOutput(NODE);
		await fetch(`${sandbox.url}/__sandbox/wechat/publish`, { method: 'POST', body: JSON.stringify({ removeArticle: gone.externalId, by: 'user' }) });
		const checked = await run({ operation: 'checkPublished' }, [live, gone, post('未发布')]);
		const out = checked.nodeOutput(NODE);
		expect(out.map((o) => [o.status, (o.publish as { targets: IDataObject[] }).targets[0].outcome])).toEqual([
			['published', 'still_published'],
			['failed', 'removed_after_publishing'],
			['scheduled', 'not_published'],
		]);
		expect(out[1].event).toMatchObject({ type: 'failed', details: { outcome: 'removed_after_publishing' } });
		const rows = await run({ operation: 'checkPublished', outputFormat: 'row' }, [gone]);
		expect(rows.nodeOutput(NODE)[0]).toMatchObject({ status: 'failed', publishStatus: 'failed', publishError: expect.stringContaining('removed after publishing') });
	});

	it('posts on X once; a lost ledger meets X’s duplicate-content rule instead of a second post', async () => {
		const me = (await (await fetch(`${sandbox.url}/2/users/me`, { headers: { authorization: `Bearer ${SANDBOX_X_USER_TOKEN}` } })).json()) as { data: { username: string } };
		const tweet = { id: `tweet-${Date.now()}`, platform: 'x', account: me.data.username, title: '', body: `Member day: 20% off ${Date.now()}`, status: 'scheduled' };
		const first = await run({ platform: 'x' }, [tweet, tweet]);
		expect(first.nodeOutput(NODE).map((o) => (o.publish as { targets: IDataObject[] }).targets[0].outcome)).toEqual(['published', 'already_published']);
		const again = await run({ platform: 'x' }, [tweet]);
		expect(again.nodeOutput(NODE)[0]).toMatchObject({ status: 'published', publish: { targets: [{ outcome: 'duplicate_on_platform' }] } });
		expect(allText([first.run, again.run])).not.toContain(SANDBOX_X_USER_TOKEN);
	});

	it('stops on a bad item naming it, or gives an error item under Continue On Fail', async () => {
		const stopped = await run({}, [post('a'), { id: 'x', platform: 'wechat_oa', account: 'a', status: 'sent' }]);
		expect(stopped.error?.message).toMatch(/Item 1: not a valid Post: "status"/);
		const cont = await run({ dryRun: true }, [post('a'), { id: 'x', platform: 'wechat_oa', account: 'a', status: 'sent' }], { continueOnFail: true });
		expect(cont.nodeOutput(NODE)[1]).toMatchObject({ itemIndex: 1, field: 'status' });
	});
});
