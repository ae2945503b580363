/**
 * Every credential's "Test" button in real n8n 2.8.4: the package installed as a community package, each
 * credential saved through the REST API and tested through the endpoint the editor's Test button calls
 * (`POST /rest/credentials/test` with `{ credentials: { id, name, type, data } }`), once with the sandbox's
 * valid credentials (status OK) and once with a wrong secret (status Error with a message a person can act on).
 * Base URLs are given with a trailing slash on purpose, and the webhook bots through their Base URL Override
 * with the real hosts in the webhook URL, so the URL joins and overrides are proven too.
 *
 *   npm run build && npx jest --selectProjects e2e --runInBand --forceExit --runTestsByPath test/e2e/credential-tests.test.ts
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { SANDBOX_WECHAT_ACCOUNTS } from '../../sandbox';
import { SANDBOX_BLUESKY_ACCOUNTS } from '../../sandbox/platforms/bluesky';
import { SANDBOX_BLUESKY_APP_PASSWORD } from '../../sandbox/platforms/bluesky/publish';
import { SANDBOX_DOUYIN_ACCOUNTS } from '../../sandbox/platforms/douyin';
import { SANDBOX_MASTODON_TOKEN } from '../../sandbox/platforms/mastodon';
import { SANDBOX_NOTIFY_BOTS } from '../../sandbox/platforms/notify';
import { SANDBOX_TELEGRAM_BOT_TOKEN, SANDBOX_TELEGRAM_REVOKED_TOKEN } from '../../sandbox/platforms/telegram';
import { SANDBOX_WEIBO_TOKENS } from '../../sandbox/platforms/weibo';
import { SANDBOX_X_BEARER } from '../../sandbox/platforms/x';
import { SANDBOX_X_USER_TOKEN } from '../../sandbox/platforms/x/publish';
import { SANDBOX_YOUTUBE_API_KEY } from '../../sandbox/platforms/youtube';
import { PACKAGE_NAME, ROOT, setUpE2e, WECHAT_CREDENTIAL, type E2eEnv } from './support';

type Data = Record<string, unknown>;

interface Case {
	type: string;
	valid: Data;
	/** The same credential with one secret (or the host) wrong. */
	wrong: Data;
	/** What the Test button must say for `wrong`. */
	message: RegExp;
	/** Further valid variants (e.g. without the optional token). */
	alsoValid?: Data[];
}

/**
 * What n8n 2.8.4 says when a test request gets an HTTP error status. Its `responseCode` rules never fire there
 * (the tester looks for `error.cause.response`, which the routing node's NodeApiError does not carry), so
 * platforms that answer a wrong secret with 4xx get n8n's own per-status message; platforms that answer with
 * HTTP 200 and an error code (WeChat, Douyin, WeCom, DingTalk) get the credential's own `responseSuccessBody` rule.
 */
const N8N_HTTP: Record<number, RegExp> = {
	400: /^Bad request - please check your parameters$/,
	401: /^Authorization failed - please check your credentials$/,
	403: /^Forbidden - perhaps check your credentials\?$/,
	404: /^The resource you are requesting could not be found$/,
};

/** Credentials with no Test button, on purpose. */
const EXCEPTIONS: Record<string, string> = {
	feishuBotApi: 'Feishu/Lark custom bots have no endpoint that checks the token without posting a message to the group',
	slackIncomingWebhookApi: 'a Slack incoming webhook can only post: any call that reaches it with a valid body writes to the channel',
	commentPushApi: 'inbound secrets (the WeChat Token and an HMAC secret) that verify pushes n8n receives; nothing is called with them',
	mediaOpsApprovalApi: 'a local signing secret for approval links; it never leaves n8n, so there is nothing to call',
};

let env: E2eEnv;
const timings: Array<{ type: string; variant: string; ms: number; status: string; message: string }> = [];

function packageCredentialTypes(): string[] {
	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { n8n: { credentials: string[] } };
	return pkg.n8n.credentials.map((file) => {
		const base = path.basename(file, '.credentials.js');
		return base.charAt(0).toLowerCase() + base.slice(1);
	});
}

function cases(sandboxUrl: string): Case[] {
	const base = `${sandboxUrl}/`; // trailing slash on purpose
	const wechat = SANDBOX_WECHAT_ACCOUNTS[0];
	const douyin = SANDBOX_DOUYIN_ACCOUNTS[0];
	const weiboToken = Object.keys(SANDBOX_WEIBO_TOKENS)[0];
	const wecomUrl = `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${SANDBOX_NOTIFY_BOTS.wecom.key}`;
	const dingUrl = `https://oapi.dingtalk.com/robot/send?access_token=${SANDBOX_NOTIFY_BOTS.dingtalk.plain.accessToken}`;
	return [
		{
			type: 'weChatOfficialAccountApi',
			valid: { appId: wechat.appId, appSecret: wechat.appSecret, accountName: wechat.name, baseUrl: base },
			wrong: { appId: wechat.appId, appSecret: 'not-the-app-secret', accountName: wechat.name, baseUrl: base },
			message: /^Invalid AppSecret \(errcode 40125\)$/,
		},
		{
			type: 'bilibiliApi',
			valid: { baseUrl: base },
			wrong: { baseUrl: `${sandboxUrl}/not-bilibili/` },
			message: N8N_HTTP[404],
		},
		{
			type: 'blueskyApi',
			valid: { baseUrl: base, testActor: SANDBOX_BLUESKY_ACCOUNTS[0].handle },
			wrong: { baseUrl: base, testActor: 'nobody-here.bsky.social' },
			message: N8N_HTTP[400],
		},
		{
			type: 'blueskyAccountApi',
			valid: { pdsUrl: base, identifier: SANDBOX_BLUESKY_ACCOUNTS[0].handle, appPassword: SANDBOX_BLUESKY_APP_PASSWORD },
			wrong: { pdsUrl: base, identifier: SANDBOX_BLUESKY_ACCOUNTS[0].handle, appPassword: 'wron-gpas-swor-d000' },
			message: N8N_HTTP[401],
		},
		{
			type: 'mastodonApi',
			valid: { instanceUrl: base, accessToken: SANDBOX_MASTODON_TOKEN },
			alsoValid: [{ instanceUrl: base, accessToken: '' }],
			wrong: { instanceUrl: base, accessToken: 'not-the-token' },
			message: N8N_HTTP[401],
		},
		{
			type: 'youTubeApi',
			valid: { apiKey: SANDBOX_YOUTUBE_API_KEY, baseUrl: base },
			wrong: { apiKey: 'AIza-wrong-key', baseUrl: base },
			message: N8N_HTTP[400],
		},
		{
			type: 'weiboApi',
			valid: { accessToken: weiboToken, baseUrl: base },
			wrong: { accessToken: '2.00wrongToken', baseUrl: base },
			message: N8N_HTTP[403],
		},
		{
			type: 'xApi',
			valid: { bearerToken: SANDBOX_X_BEARER, baseUrl: base },
			wrong: { bearerToken: 'AAAAwrong', baseUrl: base },
			message: N8N_HTTP[401],
		},
		{
			type: 'xAccountApi',
			valid: { accessToken: SANDBOX_X_USER_TOKEN, baseUrl: base },
			wrong: { accessToken: 'not-the-user-token', baseUrl: base },
			message: N8N_HTTP[401],
		},
		{
			type: 'telegramBotApi',
			valid: { botToken: SANDBOX_TELEGRAM_BOT_TOKEN, baseUrl: base },
			wrong: { botToken: SANDBOX_TELEGRAM_REVOKED_TOKEN, baseUrl: base },
			message: N8N_HTTP[401],
		},
		{
			type: 'douyinApi',
			valid: { clientKey: 'awsandboxclientkey01', clientSecret: '', accessToken: `act.sandbox-${douyin.handle}-token`, refreshToken: '', openId: douyin.openId, baseUrl: base },
			wrong: { clientKey: 'awsandboxclientkey01', clientSecret: '', accessToken: 'act.wrong', refreshToken: '', openId: douyin.openId, baseUrl: base },
			message: /^The access token is invalid \(2190002\)$/,
		},
		{
			type: 'weComBotApi',
			valid: { webhookUrl: wecomUrl, baseUrl: base },
			wrong: { webhookUrl: wecomUrl.replace(/key=.*/, 'key=00000000-0000-0000-0000-000000000000'), baseUrl: base },
			message: /^WeCom does not know this webhook key \(errcode 93000\)/,
		},
		{
			type: 'dingTalkBotApi',
			valid: { webhookUrl: dingUrl, signingSecret: '', baseUrl: base },
			wrong: { webhookUrl: dingUrl.replace(/access_token=.*/, 'access_token=wrongtoken'), signingSecret: '', baseUrl: base },
			message: /^DingTalk does not know this access_token \(errcode 300001\)/,
		},
	];
}

async function rest<T>(pathname: string, body: unknown): Promise<T> {
	const res = await env.n8n.request(pathname, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	const text = await res.text();
	if (!res.ok) throw new Error(`POST ${pathname}: HTTP ${res.status} ${text.slice(0, 500)}`);
	return (JSON.parse(text) as { data: T }).data;
}

/** Saves a credential and presses its Test button with `data` (as the editor does: id of the saved one, current form data). */
async function pressTest(type: string, variant: string, saved: Data, data: Data): Promise<{ status: string; message: string }> {
	const name = `${type} ${variant}`;
	const created = await rest<{ id: string }>('/rest/credentials', { name, type, data: saved });
	const started = Date.now();
	const result = await rest<{ status: string; message: string }>('/rest/credentials/test', { credentials: { id: created.id, name, type, data } });
	timings.push({ type, variant, ms: Date.now() - started, ...result });
	return result;
}

beforeAll(async () => {
	env = await setUpE2e('credential-tests');
	await env.n8n.start();
	await env.n8n.setupOwner();
});

afterAll(async () => {
	if (timings.length) process.stdout.write(`credential tests (ms):\n${timings.map((t) => `  ${t.type} ${t.variant}: ${t.ms} ${t.status} ${t.message}`).join('\n')}\n`);
	await env?.close();
});

describe('credential Test buttons in real n8n', () => {
	it('covers every credential type the package lists: a test case or a stated exception', () => {
		const covered = [...cases('http://x').map((c) => c.type), ...Object.keys(EXCEPTIONS)].sort();
		expect(covered).toEqual([...packageCredentialTypes()].sort());
	});

	it('n8n knows a test for every credential but the exceptions', async () => {
		const res = await env.n8n.request('/types/credentials.json');
		const types = (await res.json()) as Array<{ name: string; test?: unknown }>;
		const ours = types.filter((t) => packageCredentialTypes().includes(t.name));
		expect(ours.map((t) => t.name).sort()).toEqual(packageCredentialTypes().sort());
		for (const t of ours) expect([t.name, t.test !== undefined]).toEqual([t.name, !(t.name in EXCEPTIONS)]);
	});

	const types = cases('http://sandbox.invalid').map((c) => c.type);
	describe.each(types)('%s', (type) => {
		const theCase = (): Case => cases(env.sandbox.url).find((c) => c.type === type)!;

		it('valid credentials: status OK', async () => {
			const c = theCase();
			const result = await pressTest(type, 'valid', c.valid, c.valid);
			expect(result).toEqual({ status: 'OK', message: expect.any(String) });
			for (const [i, data] of (c.alsoValid ?? []).entries()) {
				expect(await pressTest(type, `valid-${i + 2}`, data, data)).toMatchObject({ status: 'OK' });
			}
		});

		it('a wrong secret: status Error with a clear message', async () => {
			const c = theCase();
			// Saved valid, tested with the form's wrong value: what the editor sends after the user edits a field.
			const result = await pressTest(type, 'wrong', c.valid, c.wrong);
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(c.message);
		});
	});
});

describe('a dynamic dropdown in real n8n', () => {
	it('POST /rest/dynamic-node-parameters/options lists the WeChat articles of the last 7 days as "title (msgid)"', async () => {
		const started = Date.now();
		const options = await rest<Array<{ name: string; value: string; description?: string }>>('/rest/dynamic-node-parameters/options', {
			nodeTypeAndVersion: { name: `${PACKAGE_NAME}.sentimentRisk`, version: 1 },
			path: 'parameters.articlePick',
			methodName: 'wechatRecentArticles',
			currentNodeParameters: { operation: 'listComments', articleSource: 'pick' },
			credentials: { weChatOfficialAccountApi: { id: WECHAT_CREDENTIAL.id, name: WECHAT_CREDENTIAL.name } },
		});
		timings.push({ type: 'options wechatRecentArticles', variant: `${options.length} options`, ms: Date.now() - started, status: 'OK', message: options[0]?.name ?? '' });
		expect(options.length).toBeGreaterThan(0);
		for (const o of options) expect(o.name).toMatch(new RegExp(`^.+ \\(${o.value}\\)$`));
		for (const o of options) expect(o.value).toMatch(/^\d+_\d+$/);
	});
});
