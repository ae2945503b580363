/**
 * MediaOps Trigger's poll() on the REST platforms (and WeChat's deleted-article case; its polling is otherwise covered by
 * test/e2e/mediaops-trigger.test.ts) through n8n-core's own PollContext (the object n8n hands a
 * polling node), against the sandbox over HTTP. Workflow static data is carried from poll to poll through a JSON
 * round trip, as n8n stores it, so "exactly once" is checked across what would be separate executions.
 */
import './n8n-env';

import { PollContext } from 'n8n-core';
import {
	ICredentialsHelper,
	NodeApiError,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { MediaOpsTrigger } from '../../nodes/MediaOpsTrigger/MediaOpsTrigger.node';
import { startSandbox, type Sandbox } from '../../sandbox';
import { SANDBOX_BLUESKY_ACCOUNTS } from '../../sandbox/platforms/bluesky';
import { SANDBOX_WEIBO_ACCOUNTS, SANDBOX_WEIBO_TOKENS, WeiboDataset } from '../../sandbox/platforms/weibo';
import { SANDBOX_X_ACCOUNTS, SANDBOX_X_BEARER } from '../../sandbox/platforms/x';
import { SANDBOX_YOUTUBE_API_KEY, SANDBOX_YOUTUBE_CHANNELS } from '../../sandbox/platforms/youtube';
import { SANDBOX_MASTODON_ACCOUNTS, SANDBOX_MASTODON_TOKEN } from '../../sandbox/platforms/mastodon';
import { SANDBOX_WECHAT_ACCOUNTS } from '../../sandbox/platforms/wechat';
import { SANDBOX_DOUYIN_ACCOUNTS, SANDBOX_DOUYIN_CLIENT } from '../../sandbox/platforms/douyin';
import { MentionSchema } from '../../lib/model';
import { allText } from './support';

const TYPE = 'n8n-nodes-mediaops.mediaOpsTrigger';
const trigger = new MediaOpsTrigger();
const nodeTypes: INodeTypes = {
	getByName: () => trigger,
	getByNameAndVersion: () => trigger as INodeType,
	getKnownTypes: () => ({}),
};

class Credentials extends ICredentialsHelper {
	constructor(private readonly data: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}
	getParentTypes(): string[] {
		return [];
	}
	async authenticate(_c: ICredentialDataDecryptedObject, _t: string, options: never): Promise<never> {
		return options;
	}
	async preAuthentication(): Promise<undefined> {
		return undefined;
	}
	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used');
	}
	async getDecrypted(_a: unknown, _n: unknown, type: string): Promise<ICredentialDataDecryptedObject> {
		if (!this.data[type]) throw new Error(`no credential ${type}`);
		return { ...this.data[type] };
	}
	async updateCredentials(): Promise<void> {}
	async updateCredentialsOauthTokenData(): Promise<void> {}
	getCredentialsProperties(): never[] {
		return [];
	}
}

/** The sandbox's clock stands still at the suite's start, so no seeded comment appears between two polls by chance. */
const FROZEN = new Date();
let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, now: () => FROZEN });
});
afterAll(async () => sandbox.close());
afterEach(() => sandbox.clearFaults());

const weiboToken = Object.keys(SANDBOX_WEIBO_TOKENS)[0];
const credentials = () => ({
	weiboApi: { accessToken: weiboToken, baseUrl: sandbox.url },
	blueskyApi: { baseUrl: sandbox.url },
	xApi: { bearerToken: SANDBOX_X_BEARER, baseUrl: sandbox.url },
	youTubeApi: { apiKey: SANDBOX_YOUTUBE_API_KEY, baseUrl: sandbox.url },
	mastodonApi: { instanceUrl: sandbox.url, accessToken: SANDBOX_MASTODON_TOKEN },
	douyinApi: { ...SANDBOX_DOUYIN_CLIENT, accessToken: `act.sandbox-${SANDBOX_DOUYIN_ACCOUNTS[0].handle}-token`, openId: SANDBOX_DOUYIN_ACCOUNTS[0].openId, baseUrl: sandbox.url },
	weChatOfficialAccountApi: { appId: SANDBOX_WECHAT_ACCOUNTS[0].appId, appSecret: SANDBOX_WECHAT_ACCOUNTS[0].appSecret, baseUrl: sandbox.url },
});

/** One poll as n8n runs it: a fresh Workflow around the node, static data restored from its stored JSON. */
async function poll(parameters: IDataObject, stored: { json: string }, mode: 'trigger' | 'manual' = 'trigger'): Promise<IDataObject[]> {
	const node: INode = {
		id: 'trigger',
		name: 'MediaOps Trigger',
		type: TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		credentials: Object.fromEntries(['weiboApi', 'blueskyApi', 'xApi', 'youTubeApi', 'mastodonApi', 'douyinApi', 'weChatOfficialAccountApi'].map((type, i) => [type, { id: String(i + 1), name: type }])),
	};
	const workflow = new Workflow({ id: 'wf', name: 'wf', nodes: [node], connections: {}, nodeTypes, active: true, staticData: JSON.parse(stored.json) as IDataObject, settings: { timezone: 'Asia/Shanghai' } });
	const additionalData = { credentialsHelper: new Credentials(credentials()), currentNodeParameters: undefined, variables: {}, restApiUrl: '', instanceBaseUrl: '', webhookBaseUrl: '', webhookWaitingBaseUrl: '', webhookTestBaseUrl: '', formWaitingBaseUrl: '' } as unknown as IWorkflowExecuteAdditionalData;
	const ctx = new PollContext(workflow, workflow.getNode(node.name)!, additionalData, mode, 'activate');
	const out = (await trigger.poll!.call(ctx)) as INodeExecutionData[][] | null;
	stored.json = JSON.stringify(workflow.staticData);
	return out ? out[0].map((i) => i.json) : [];
}

const [weiboBrand] = SANDBOX_WEIBO_ACCOUNTS;
const control = async (platform: string, route: string, body: unknown) => (await fetch(`${sandbox.url}/__sandbox/${platform}/${route}`, { method: 'POST', body: JSON.stringify(body) })).json() as Promise<Record<string, any>>;

describe('MediaOps Trigger description', () => {
	it('keeps WeChat the default and ties every credential to its platform with hide, never show', () => {
		const d = trigger.description;
		expect(d.properties.find((p) => p.name === 'platform')?.default).toBe('wechatOa');
		const platforms = (d.properties.find((p) => p.name === 'platform')!.options as Array<{ value: string }>).map((o) => o.value);
		const own: Record<string, string> = { weChatOfficialAccountApi: 'wechatOa', weiboApi: 'weibo', youTubeApi: 'youtube', mastodonApi: 'mastodon', blueskyApi: 'bluesky', xApi: 'x', douyinApi: 'douyin' };
		expect(Object.keys(own).sort()).toEqual((d.credentials ?? []).map((c) => c.name).sort());
		for (const c of d.credentials ?? []) {
			expect(c.displayOptions?.show).toBeUndefined();
			expect([...(c.displayOptions?.hide?.platform as string[])].sort()).toEqual(platforms.filter((p) => p !== own[c.name]).sort());
		}
		const wechatEvent = d.properties.find((p) => p.name === 'event' && p.displayOptions?.show?.platform?.includes('wechatOa'))!;
		expect(wechatEvent.default).toBe('newComments');
		expect((wechatEvent.options as Array<{ value: string }>).map((o) => o.value)).toEqual(['newComments', 'newPosts']);
		expect(d.properties.filter((p) => p.name === 'days').map((p) => p.default)).toEqual([7, 7]);
	});
});

describe('MediaOps Trigger polls Weibo comments', () => {
	const params = { platform: 'weibo', event: 'newComments', weiboAccount: weiboBrand.id, days: 10, maxPosts: 10, firstRun: 'emitExisting' };

	it('emits each comment once across polls, then only the new one; Mention items with China-time instants', async () => {
		const stored = { json: '{}' };
		const first = await poll(params, stored);
		expect(first.length).toBeGreaterThan(0);
		for (const m of first) expect(MentionSchema.parse(m)).toMatchObject({ platform: 'weibo', accountId: weiboBrand.id });
		expect(String(first[0].createdAt)).toMatch(/\+08:00$/);
		expect(new Set(first.map((m) => m.id)).size).toBe(first.length);
		expect(await poll(params, stored)).toEqual([]);

		const truth = new WeiboDataset(20250101, () => FROZEN);
		const newest = truth.statuses(weiboBrand.id)[0];
		const inserted = await control('weibo', 'comments', { id: truth.statusId(newest), text: '杯子漏了，客服也不回 😡' });
		const third = await poll(params, stored);
		expect(third.map((m) => m.id)).toEqual([inserted.idstr]);
		expect(third[0]).toMatchObject({ text: '杯子漏了，客服也不回 😡', postId: truth.statusId(newest), url: `https://weibo.com/${weiboBrand.id}/${truth.statusId(newest)}` });
		expect(await poll(params, stored)).toEqual([]);
	});

	it('Start From Now remembers the backlog silently; Fetch Test Event shows a few without moving the cursor', async () => {
		const stored = { json: '{}' };
		expect(await poll({ ...params, firstRun: 'startFromNow' }, stored)).toEqual([]);
		const manual = { json: '{}' };
		const sample = await poll(params, manual, 'manual');
		expect(sample.length).toBeGreaterThan(0);
		expect(sample.length).toBeLessThanOrEqual(5);
		expect(manual.json).toBe('{}');
		expect(await poll({ ...params, firstRun: 'startFromNow' }, stored)).toEqual([]);
	});

	it('fails with Weibo’s code and message as a NodeApiError, the token nowhere in it', async () => {
		sandbox.setFaults([{ route: '/2/statuses/user_timeline.json', kind: 'expiredToken' }]);
		const error = (await poll(params, { json: '{}' }).catch((e) => e)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('21327');
		expect(allText(error)).not.toContain(weiboToken);
	});

	it('a post deleted between the listing and its comments (20101) is skipped; the poll emits the other posts’ comments', async () => {
		const before = await poll(params, { json: '{}' });
		const byPost = new Map<string, string[]>();
		for (const m of before) byPost.set(String(m.postId), [...(byPost.get(String(m.postId)) ?? []), String(m.id)]);
		expect(byPost.size).toBeGreaterThan(1);
		const gone = [...byPost.keys()].pop()!;
		await control('weibo', 'deleted', { id: gone, listed: true });
		const after = await poll(params, { json: '{}' });
		expect(after.map((m) => m.id).sort()).toEqual(before.filter((m) => m.postId !== gone).map((m) => m.id).sort());
	});
});

describe('MediaOps Trigger polls new posts and mentions', () => {
	it('Bluesky: a post published between polls is emitted once, with its bsky.app link', async () => {
		const [brand] = SANDBOX_BLUESKY_ACCOUNTS;
		const params = { platform: 'bluesky', event: 'newPosts', blueskyActor: brand.handle, days: 30, maxPosts: 50, firstRun: 'startFromNow' };
		const stored = { json: '{}' };
		expect(await poll(params, stored)).toEqual([]);
		const { uri } = await control('bluesky', 'posts', { actor: brand.handle, text: 'New: oat milk flat white 燕麦拿铁上新' });
		const second = await poll(params, stored);
		expect(second.map((p) => p.postId)).toEqual([uri]);
		expect(second[0]).toMatchObject({ platform: 'bluesky', accountId: brand.id, title: 'New: oat milk flat white 燕麦拿铁上新', url: `https://bsky.app/profile/${brand.id}/post/${String(uri).split('/').pop()}` });
		expect(await poll(params, stored)).toEqual([]);
	});

	it('Start From Now also holds when the node is switched to another account or event: no backlog of the new one', async () => {
		const [first, second] = SANDBOX_BLUESKY_ACCOUNTS;
		const stored = { json: '{}' };
		const params = { platform: 'bluesky', event: 'newPosts', blueskyActor: first.handle, days: 30, maxPosts: 50, firstRun: 'startFromNow' };
		expect(await poll(params, stored)).toEqual([]);
		expect(await poll({ ...params, blueskyActor: second.handle }, stored)).toEqual([]);
		const { uri } = await control('bluesky', 'posts', { actor: second.handle, text: '新品：桂花拿铁' });
		expect((await poll({ ...params, blueskyActor: second.handle }, stored)).map((p) => p.postId)).toEqual([uri]);
		expect(await poll({ ...params, blueskyActor: second.handle, event: 'newComments' }, stored)).toEqual([]);
	});

	it('X: mentions of the window once, then a new reply once', async () => {
		const [brand] = SANDBOX_X_ACCOUNTS;
		const params = { platform: 'x', event: 'newMentions', xUsername: `@${brand.handle}`, days: 2, firstRun: 'emitExisting' };
		const stored = { json: '{}' };
		const first = await poll(params, stored);
		expect(first.length).toBeGreaterThan(0);
		expect(first.every((m) => m.kind === 'mention' && m.accountId === brand.id)).toBe(true);
		const tweetId = String(first[first.length - 1].postId);
		const inserted = await control('x', 'comments', { tweetId, text: 'still waiting for my refund' });
		const second = await poll(params, stored);
		expect(second.map((m) => m.id)).toEqual([inserted.id]);
	});

	it('YouTube, Mastodon and Douyin: comments of recent posts once, then a comment written between polls once', async () => {
		const cases = [
			{ platform: 'youtube', params: { youtubeChannel: SANDBOX_YOUTUBE_CHANNELS[0].handle }, insert: (postId: string) => control('youtube', 'comments', { videoId: postId, text: 'Great video 👍 很实用' }).then((r) => String(r.id)) },
			{ platform: 'mastodon', params: { mastodonAccount: SANDBOX_MASTODON_ACCOUNTS[0].handle }, insert: (postId: string) => control('mastodon', 'comments', { statusId: postId, text: 'Where is the Shanghai store?' }).then((r) => String(r.id)) },
			{ platform: 'douyin', params: {}, insert: (postId: string) => control('douyin', 'comments', { itemId: postId, text: '发货太慢了' }).then((r) => String(r.comment_id)) },
		];
		for (const c of cases) {
			const params = { platform: c.platform, event: 'newComments', days: 30, maxPosts: 5, firstRun: 'emitExisting', ...c.params };
			const stored = { json: '{}' };
			const first = await poll(params, stored);
			expect(first.length).toBeGreaterThan(0);
			for (const m of first) expect(MentionSchema.parse(m).platform).toBe(c.platform);
			expect(new Set(first.map((m) => m.id)).size).toBe(first.length);
			expect(await poll(params, stored)).toEqual([]);
			const id = await c.insert(String(first[first.length - 1].postId));
			expect((await poll(params, stored)).map((m) => m.id)).toEqual([id]);
		}
	});

	it('Douyin: a video published between polls is emitted once', async () => {
		const params = { platform: 'douyin', event: 'newPosts', days: 3, maxPosts: 20, firstRun: 'startFromNow' };
		const stored = { json: '{}' };
		expect(await poll(params, stored)).toEqual([]);
		const { item_id } = await control('douyin', 'posts', { text: '新品：燕麦拿铁 30 秒看懂' });
		const second = await poll(params, stored);
		expect(second.map((p) => p.postId)).toEqual([item_id]);
		expect(second[0]).toMatchObject({ platform: 'douyin', title: '新品：燕麦拿铁 30 秒看懂' });
	});
});

// Last in the file: a deletion stays in the sandbox.
describe('MediaOps Trigger skips a post deleted since it was listed, and emits the other posts’ comments', () => {
	const byPost = (mentions: IDataObject[]) => [...new Set(mentions.map((m) => String(m.postId)))];

	it('Douyin: a video deleted between video/list and its comments (2111007)', async () => {
		const params = { platform: 'douyin', event: 'newComments', days: 30, maxPosts: 5, firstRun: 'emitExisting' };
		const before = await poll(params, { json: '{}' });
		expect(byPost(before).length).toBeGreaterThan(1);
		const gone = byPost(before).pop()!;
		await control('douyin', 'deleted', { itemId: gone, listed: true });
		const after = await poll(params, { json: '{}' });
		expect(after.map((m) => m.id).sort()).toEqual(before.filter((m) => m.postId !== gone).map((m) => m.id).sort());
	});

	it('WeChat: an article deleted since the datacube listed it (88001)', async () => {
		const params = { platform: 'wechatOa', event: 'newComments', days: 5, commentType: 0, firstRun: 'emitExisting' };
		const before = await poll(params, { json: '{}' });
		expect(byPost(before).length).toBeGreaterThan(1);
		const gone = byPost(before).pop()!;
		await control('wechat', 'deleted', { msgid: gone });
		const after = await poll(params, { json: '{}' });
		expect(after.map((m) => m.id).sort()).toEqual(before.filter((m) => m.postId !== gone).map((m) => m.id).sort());
	});

	it('WeChat: every article of the poll answering 88001 fails the poll (more likely wrong ids than all deleted)', async () => {
		const params = { platform: 'wechatOa', event: 'newComments', days: 5, commentType: 0, firstRun: 'emitExisting' };
		const articles = (await poll({ ...params, event: 'newPosts' }, { json: '{}' })).map((a) => String(a.postId));
		expect(articles.length).toBeGreaterThan(1);
		for (const msgid of articles) await control('wechat', 'deleted', { msgid });
		const error = (await poll(params, { json: '{}' }).catch((e) => e)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain(`all ${articles.length} posts`);
		expect(error.message).toContain(SANDBOX_WECHAT_ACCOUNTS[0].appId);
		expect(error.message).toContain('88001');
		expect(allText(error)).not.toContain(SANDBOX_WECHAT_ACCOUNTS[0].appSecret);
	});
});
