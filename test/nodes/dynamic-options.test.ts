/**
 * Dynamic dropdowns at node level: the nodes' `methods.loadOptions` called on the node classes with a small
 * ILoadOptionsFunctions (credentials, current parameters, and helpers.httpRequest over fetch, the shape n8n's
 * helper has) against the sandbox; and the pure listing functions of lib/platforms/platform-lists.ts.
 */
import type { ICredentialDataDecryptedObject, IHttpRequestOptions, ILoadOptionsFunctions, INode } from 'n8n-workflow';
import { startSandbox, type Sandbox } from '../../sandbox';
import { SANDBOX_YOUTUBE_API_KEY, SANDBOX_YOUTUBE_CHANNELS } from '../../sandbox/platforms/youtube';
import { EngagementMetrics } from '../../nodes/EngagementMetrics/EngagementMetrics.node';
import { SentimentRisk } from '../../nodes/SentimentRisk/SentimentRisk.node';
import { BRAND } from './support';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => sandbox?.close());

/** n8n's helpers.httpRequest as createN8nHttpClient uses it: full response, HTTP errors returned. */
async function httpRequest(options: IHttpRequestOptions): Promise<unknown> {
	const url = new URL(options.url);
	for (const [k, v] of Object.entries(options.qs ?? {})) if (v !== undefined) url.searchParams.append(k, String(v));
	const res = await fetch(url, { method: options.method ?? 'GET', headers: options.headers as Record<string, string>, body: options.body as string | undefined });
	return { statusCode: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
}

function loadOptionsContext(credentials: Record<string, ICredentialDataDecryptedObject>, parameters: Record<string, unknown>, calls: string[] = []): ILoadOptionsFunctions {
	const node = { id: 'n1', name: 'Node', type: 'test', typeVersion: 1, position: [0, 0], parameters } as unknown as INode;
	return {
		getNode: () => node,
		getCredentials: async (type: string) => {
			if (!credentials[type]) throw new Error(`no ${type} credential`);
			return credentials[type];
		},
		getCurrentNodeParameter: (name: string) => parameters[name],
		getCurrentNodeParameters: () => parameters,
		helpers: {
			httpRequest: async (options: IHttpRequestOptions) => {
				calls.push(new URL(options.url).pathname);
				return httpRequest(options);
			},
		},
	} as unknown as ILoadOptionsFunctions;
}

describe('Sentiment Risk › wechatRecentArticles', () => {
	const wechat = () => ({ weChatOfficialAccountApi: { appId: BRAND.appId, appSecret: BRAND.appSecret, baseUrl: `${sandbox.url}/` } });

	it('lists the last 7 days of articles as "title (msgid)", newest first, one datacube call per day', async () => {
		const calls: string[] = [];
		const node = new SentimentRisk();
		const started = Date.now();
		const options = await node.methods.loadOptions.wechatRecentArticles.call(loadOptionsContext(wechat(), { operation: 'listComments', articleSource: 'pick' }, calls));
		const ms = Date.now() - started;
		expect(options.length).toBeGreaterThan(0);
		for (const o of options) {
			expect(o.value).toMatch(/^\d+_\d+$/);
			expect(o.name).toBe(`${o.name.replace(/ \(\d+_\d+\)$/, '')} (${o.value})`);
			expect(o.name).not.toMatch(/^\(untitled\)/);
			expect(o.description).toMatch(/^Published \d{4}-\d{2}-\d{2}/);
		}
		const dates = options.map((o) => String(o.description).slice(10, 20));
		expect([...dates].sort().reverse()).toEqual(dates);
		expect(new Set(options.map((o) => o.value)).size).toBe(options.length);
		expect(calls.filter((p) => p === '/datacube/getarticletotaldetail')).toHaveLength(7);
		expect(ms).toBeLessThan(5000);
	});

	it('the picked values are what List WeChat Comments takes (the description wires the method)', () => {
		const pick = new SentimentRisk().description.properties.find((p) => p.name === 'articlePick');
		expect(pick?.type).toBe('multiOptions');
		expect(pick?.typeOptions?.loadOptionsMethod).toBe('wechatRecentArticles');
		expect(pick?.displayOptions?.show?.articleSource).toEqual(['pick']);
	});

	it('a wrong AppSecret is a clear error without the secret', async () => {
		const ctx = loadOptionsContext({ weChatOfficialAccountApi: { appId: BRAND.appId, appSecret: 'wrong-secret-value', baseUrl: sandbox.url } }, {});
		const error = await new SentimentRisk().methods.loadOptions.wechatRecentArticles.call(ctx).catch((e: Error) => e);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toMatch(/^Could not list the WeChat articles: invalid appsecret.* \(code 40125\)$/);
		expect((error as Error).message).not.toContain('wrong-secret-value');
	});
});

describe('Engagement Metrics › youtubeChannelUploads', () => {
	const youtube = () => ({ youTubeApi: { apiKey: SANDBOX_YOUTUBE_API_KEY, baseUrl: sandbox.url } });
	const channel = SANDBOX_YOUTUBE_CHANNELS[0];

	it.each([
		['channel id', channel.id],
		['@handle', channel.handle],
	])('lists the newest uploads of a channel given by %s as "title (videoId)" for 2 calls', async (_what, value) => {
		const calls: string[] = [];
		const options = await new EngagementMetrics().methods.loadOptions.youtubeChannelUploads.call(loadOptionsContext(youtube(), { platform: 'youtube', youtubeChannel: value }, calls));
		expect(options.length).toBeGreaterThan(0);
		expect(options.length).toBeLessThanOrEqual(50);
		for (const o of options) expect(o.name).toMatch(new RegExp(`\\(${String(o.value)}\\)$`));
		expect(calls).toEqual(['/youtube/v3/channels', '/youtube/v3/playlistItems']);
	});

	it('an empty Channel lists nothing and calls nothing', async () => {
		const calls: string[] = [];
		expect(await new EngagementMetrics().methods.loadOptions.youtubeChannelUploads.call(loadOptionsContext(youtube(), { youtubeChannel: '' }, calls))).toEqual([]);
		expect(calls).toEqual([]);
	});

	it('a wrong API key is a clear error without the key', async () => {
		const ctx = loadOptionsContext({ youTubeApi: { apiKey: 'AIza-wrong-key-123', baseUrl: sandbox.url } }, { youtubeChannel: channel.id });
		const error = (await new EngagementMetrics().methods.loadOptions.youtubeChannelUploads.call(ctx).catch((e: Error) => e)) as Error;
		expect(error.message).toMatch(/^Could not list the channel’s uploads: API key not valid.* \(code keyInvalid\)$/);
		expect(error.message).not.toContain('AIza-wrong-key-123');
	});
});
