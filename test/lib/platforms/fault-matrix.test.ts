/**
 * Reliability fault matrix for every non-WeChat adapter, against the real sandbox over HTTP.
 *
 * For each scenario (platform × account/post collection) the fault-free result is collected once; then every
 * fault kind is injected on every route the scenario uses, each in a fresh sandbox:
 * - transient faults (429 + Retry-After or the platform's reset header, 500 in the platform's envelope, 502/503
 *   gateway pages, a timeout, a connection reset, truncated JSON; a storm of all of them at a seeded rate) must give
 *   exactly the fault-free snapshots (ids and every value, nothing lost, nothing doubled), with one retry per injected
 *   fault and one extra request per retry, and a 429's wait equal to what the platform asked for;
 * - non-transient faults (a persistent 500/503/reset beyond the retry budget, an expired or invalid token the
 *   platform cannot refresh, a spent quota) must fail with a PlatformError carrying the platform's own code and
 *   message, naming the account, without any secret in its message, stack or fields, after exactly the attempts
 *   the policy allows (one for what is not worth retrying).
 * Time is virtual: the retry policy's clock and sleep are injected, so Retry-After waits cost no wall time. Only the
 * `timeout` kind costs real time: a 100 ms client timeout on the one request the fault holds.
 */
import { startSandbox, type FaultKind, type FaultRule, type Sandbox } from '../../../sandbox';
import { BilibiliDataset, SANDBOX_BILIBILI_ACCOUNTS } from '../../../sandbox/platforms/bilibili';
import { SANDBOX_BLUESKY_ACCOUNTS } from '../../../sandbox/platforms/bluesky';
import { SANDBOX_DOUYIN_ACCOUNTS, SANDBOX_DOUYIN_CLIENT } from '../../../sandbox/platforms/douyin';
import { SANDBOX_MASTODON_ACCOUNTS, SANDBOX_MASTODON_TOKEN } from '../../../sandbox/platforms/mastodon';
import { SANDBOX_WEIBO_ACCOUNTS, SANDBOX_WEIBO_TOKENS, WeiboDataset } from '../../../sandbox/platforms/weibo';
import { SANDBOX_X_ACCOUNTS, SANDBOX_X_BEARER, XDataset } from '../../../sandbox/platforms/x';
import { SANDBOX_YOUTUBE_API_KEY, SANDBOX_YOUTUBE_CHANNELS } from '../../../sandbox/platforms/youtube';
import { createAxiosHttpClient } from '../../../lib/http/axios-client';
import type { HttpClient } from '../../../lib/http/http-client';
import type { RetryInfo, RetryPolicy } from '../../../lib/http/retry';
import { PlatformError, isPlatformError } from '../../../lib/errors';
import type { MetricSnapshot } from '../../../lib/model';
import type { MetricsAdapter, MetricsQuery, PlatformContext } from '../../../lib/platforms/types';
import { BilibiliMetricsAdapter, readBilibiliError } from '../../../lib/platforms/bilibili';
import { AccountPlatformError, nameAccount } from '../../../lib/platforms/http-json';
import { BlueskyMetricsAdapter } from '../../../lib/platforms/bluesky';
import { DouyinMetricsAdapter, readDouyinError } from '../../../lib/platforms/douyin';
import { MastodonMetricsAdapter } from '../../../lib/platforms/mastodon';
import { WeiboMetricsAdapter, readWeiboError } from '../../../lib/platforms/weibo';
import { XMetricsAdapter } from '../../../lib/platforms/x';
import { YoutubeMetricsAdapter } from '../../../lib/platforms/youtube';

const NOW = new Date('2026-03-15T04:00:00Z'); // 12:00 China, 04:00 UTC, 20:00 the day before in Los Angeles
const SEED = 41;
const POLICY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 1_000, maxTotalMs: 120_000, jitter: 'none', maxRetryAfterMs: 60_000 };
const RETRY_AFTER_SECONDS = 2;
/** The client timeout of the one request a `timeout` fault holds; every other request gets the generous one. */
const SHORT_TIMEOUT_MS = 100;
const LONG_TIMEOUT_MS = 10_000;

interface Expected {
	code: string;
	message: RegExp;
}

interface Scenario {
	name: string;
	/** Every path the fault-free run requests (checked), so each of them gets every fault. */
	routes: string[];
	/** The account every error must name, e.g. `@XingheCoffee`. */
	account: string;
	secrets: string[];
	make(baseUrl: string, ctx: PlatformContext, options?: { canRefresh?: boolean }): MetricsAdapter;
	collect(adapter: MetricsAdapter): Promise<MetricSnapshot[]>;
	/** What the platform answers for its own fault kinds when nothing can recover from them. */
	fails: Record<'expiredToken' | 'invalidToken' | 'quota', Expected>;
	/** Quota answers that carry a short reset are waited out (Mastodon, Bluesky windows); a long reset fails. */
	quotaHasReset?: boolean;
	/** A persistent 500 in the platform's envelope (or the HTTP status where it has none). */
	serverError: Expected;
	/** Douyin: an expired token is refreshed once with the refresh token. */
	refreshRoute?: string;
}

const range = (days: number): MetricsQuery['range'] => {
	const end = '2026-03-14';
	const start = new Date(Date.parse(`${end}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
	return { start, end };
};
const query = (days: number, timezone: string): MetricsQuery => ({ range: range(days), timezone });

const weibo = SANDBOX_WEIBO_ACCOUNTS[0];
const weiboToken = Object.keys(SANDBOX_WEIBO_TOKENS).find((t) => SANDBOX_WEIBO_TOKENS[t] === weibo.id)!;
const weiboTruth = new WeiboDataset(SEED, () => NOW);
const douyin = SANDBOX_DOUYIN_ACCOUNTS[0];
const douyinToken = `act.sandbox-${douyin.handle}-token`;
const bili = SANDBOX_BILIBILI_ACCOUNTS[0];
const biliTruth = new BilibiliDataset(SEED, () => NOW);
const masto = SANDBOX_MASTODON_ACCOUNTS[0];
const bsky = SANDBOX_BLUESKY_ACCOUNTS[0];
const yt = SANDBOX_YOUTUBE_CHANNELS[0];
const xAccount = SANDBOX_X_ACCOUNTS[0];
const xTruth = new XDataset(SEED, () => NOW);

const weiboFails = {
	expiredToken: { code: '21327', message: /expired_token.*re-authorise/ },
	invalidToken: { code: '21332', message: /invalid_access_token.*re-authorise/ },
	quota: { code: '10023', message: /out of rate limit.*hourly quota/ },
};
const xFails = {
	expiredToken: { code: 'Unauthorized', message: /Unauthorized/ },
	invalidToken: { code: 'Unauthorized', message: /Unauthorized/ },
	quota: { code: 'UsageCapExceeded', message: /Usage cap exceeded.*monthly read cap/ },
};
const douyinFails = {
	expiredToken: { code: '2190008', message: /access_token过期/ },
	invalidToken: { code: '2190002', message: /access_token无效/ },
	quota: { code: '2190001', message: /quota 已用完.*cannot help/ },
};
const biliFails = {
	expiredToken: { code: '-101', message: /账号未登录/ },
	invalidToken: { code: '-352', message: /风控校验失败.*risk check/ },
	quota: { code: '-412', message: /请求被拦截.*risk control/ },
};
const mastoFails = {
	expiredToken: { code: '401', message: /The access token expired/ },
	invalidToken: { code: '401', message: /The access token is invalid/ },
	quota: { code: '429', message: /^Too many requests \(the platform asks to wait 300 s, longer than the 60 s this run may wait\)$/ },
};
const bskyFails = {
	expiredToken: { code: 'ExpiredToken', message: /Token has expired/ },
	invalidToken: { code: 'InvalidToken', message: /Token could not be verified/ },
	quota: { code: 'RateLimitExceeded', message: /^Rate Limit Exceeded \(the platform asks to wait 300 s, longer than the 60 s this run may wait\)$/ },
};
const ytFails = {
	expiredToken: { code: 'authError', message: /Invalid Credentials/ },
	invalidToken: { code: 'keyInvalid', message: /API key not valid/ },
	quota: { code: 'quotaExceeded', message: /exceeded your quota.*midnight Pacific/ },
};

const douyinAdapter = (baseUrl: string, ctx: PlatformContext, options: { canRefresh?: boolean } = {}, dailyItemData = true) =>
	new DouyinMetricsAdapter(
		{ clientKey: SANDBOX_DOUYIN_CLIENT.clientKey, clientSecret: SANDBOX_DOUYIN_CLIENT.clientSecret, accessToken: douyinToken, refreshToken: options.canRefresh === false ? undefined : douyin.refreshToken, openId: douyin.openId, baseUrl, dailyItemData },
		ctx,
	);

const SCENARIOS: Scenario[] = [
	{
		name: 'Weibo account (users/show)',
		routes: ['/2/users/show.json'],
		account: `${weibo.id}`,
		secrets: [weiboToken],
		make: (baseUrl, ctx) => new WeiboMetricsAdapter({ accessToken: weiboToken, account: weibo.id, baseUrl }, ctx),
		collect: (a) => a.collectAccountMetrics(query(3, 'Asia/Shanghai')),
		fails: weiboFails,
		serverError: { code: '500', message: /server error \(HTTP 500\)/ },
	},
	{
		name: 'Weibo posts (user_timeline)',
		routes: ['/2/statuses/user_timeline.json'],
		account: `${weibo.id}`,
		secrets: [weiboToken],
		make: (baseUrl, ctx) => new WeiboMetricsAdapter({ accessToken: weiboToken, account: weibo.id, baseUrl }, ctx),
		collect: (a) => a.collectPostMetrics(query(4, 'Asia/Shanghai')),
		fails: weiboFails,
		serverError: { code: '500', message: /server error \(HTTP 500\)/ },
	},
	{
		name: 'Weibo posts (statuses/count)',
		routes: ['/2/statuses/count.json'],
		account: `${weibo.id}`,
		secrets: [weiboToken],
		make: (baseUrl, ctx) => new WeiboMetricsAdapter({ accessToken: weiboToken, account: weibo.id, baseUrl, statusIds: weiboTruth.statuses(weibo.id).slice(3, 8).map((p) => weiboTruth.statusId(p)) }, ctx),
		collect: (a) => a.collectPostMetrics(query(4, 'Asia/Shanghai')),
		fails: weiboFails,
		serverError: { code: '500', message: /server error \(HTTP 500\)/ },
	},
	{
		name: 'Douyin account (user/fans)',
		routes: ['/data/external/user/fans/'],
		account: `${douyin.openId}`,
		secrets: [douyinToken, douyin.refreshToken, SANDBOX_DOUYIN_CLIENT.clientSecret],
		make: (baseUrl, ctx, options) => douyinAdapter(baseUrl, ctx, options),
		collect: (a) => a.collectAccountMetrics(query(5, 'Asia/Shanghai')),
		fails: douyinFails,
		serverError: { code: '500', message: /server error \(HTTP 500\)/ },
		refreshRoute: '/oauth/refresh_token/',
	},
	{
		name: 'Douyin posts (video/list + daily item data)',
		routes: ['/video/list/', '/data/external/item/play/', '/data/external/item/like/', '/data/external/item/comment/', '/data/external/item/share/'],
		account: `${douyin.openId}`,
		secrets: [douyinToken, douyin.refreshToken, SANDBOX_DOUYIN_CLIENT.clientSecret],
		make: (baseUrl, ctx, options) => douyinAdapter(baseUrl, ctx, options),
		collect: (a) => a.collectPostMetrics(query(2, 'Asia/Shanghai')),
		fails: douyinFails,
		serverError: { code: '500', message: /server error \(HTTP 500\)/ },
		refreshRoute: '/oauth/refresh_token/',
	},
	{
		name: 'Bilibili account (relation/stat)',
		routes: ['/x/relation/stat'],
		account: `${bili.id}`,
		secrets: [],
		make: (baseUrl, ctx) => new BilibiliMetricsAdapter({ mid: bili.id, baseUrl }, ctx),
		collect: (a) => a.collectAccountMetrics(query(1, 'Asia/Shanghai')),
		fails: biliFails,
		serverError: { code: '500', message: /server error \(HTTP 500\)/ },
	},
	{
		name: 'Bilibili posts (web-interface/view)',
		routes: ['/x/web-interface/view'],
		account: `${bili.id}`,
		secrets: [],
		make: (baseUrl, ctx) => new BilibiliMetricsAdapter({ mid: bili.id, baseUrl, videos: biliTruth.videos(bili.id).slice(0, 3).map((v) => v.bvid) }, ctx),
		collect: (a) => a.collectPostMetrics(query(1, 'Asia/Shanghai')),
		fails: biliFails,
		serverError: { code: '500', message: /server error \(HTTP 500\)/ },
	},
	{
		name: 'Mastodon account (accounts/lookup)',
		routes: ['/api/v1/accounts/lookup'],
		account: `${masto.handle}`,
		secrets: [SANDBOX_MASTODON_TOKEN],
		make: (baseUrl, ctx) => new MastodonMetricsAdapter({ instanceUrl: baseUrl, account: masto.handle, accessToken: SANDBOX_MASTODON_TOKEN }, ctx),
		collect: (a) => a.collectAccountMetrics(query(1, 'UTC')),
		fails: mastoFails,
		quotaHasReset: true,
		serverError: { code: '500', message: /something went wrong/ },
	},
	{
		name: 'Mastodon posts (lookup + statuses, 3 a page)',
		routes: ['/api/v1/accounts/lookup', `/api/v1/accounts/${masto.id}/statuses`],
		account: `${masto.handle}`,
		secrets: [SANDBOX_MASTODON_TOKEN],
		make: (baseUrl, ctx) => new MastodonMetricsAdapter({ instanceUrl: baseUrl, account: masto.handle, accessToken: SANDBOX_MASTODON_TOKEN, pageSize: 3 }, ctx),
		collect: (a) => a.collectPostMetrics(query(4, 'UTC')),
		fails: mastoFails,
		quotaHasReset: true,
		serverError: { code: '500', message: /something went wrong/ },
	},
	{
		name: 'Bluesky account (getProfile)',
		routes: ['/xrpc/app.bsky.actor.getProfile'],
		account: `${bsky.handle}`,
		secrets: [],
		make: (baseUrl, ctx) => new BlueskyMetricsAdapter({ actor: bsky.handle, baseUrl }, ctx),
		collect: (a) => a.collectAccountMetrics(query(1, 'UTC')),
		fails: bskyFails,
		quotaHasReset: true,
		serverError: { code: 'InternalServerError', message: /Internal Server Error/ },
	},
	{
		name: 'Bluesky posts (getAuthorFeed, 2 a page)',
		routes: ['/xrpc/app.bsky.feed.getAuthorFeed'],
		account: `${bsky.handle}`,
		secrets: [],
		make: (baseUrl, ctx) => new BlueskyMetricsAdapter({ actor: bsky.handle, baseUrl, pageSize: 2 }, ctx),
		collect: (a) => a.collectPostMetrics(query(2, 'UTC')),
		fails: bskyFails,
		quotaHasReset: true,
		serverError: { code: 'InternalServerError', message: /Internal Server Error/ },
	},
	{
		name: 'YouTube account (channels)',
		routes: ['/youtube/v3/channels'],
		account: `${yt.id}`,
		secrets: [SANDBOX_YOUTUBE_API_KEY],
		make: (baseUrl, ctx) => new YoutubeMetricsAdapter({ apiKey: SANDBOX_YOUTUBE_API_KEY, channel: yt.id, baseUrl }, ctx),
		collect: (a) => a.collectAccountMetrics(query(1, 'UTC')),
		fails: ytFails,
		serverError: { code: 'backendError', message: /Backend Error/ },
	},
	{
		name: 'YouTube posts (channels + playlistItems + videos)',
		routes: ['/youtube/v3/channels', '/youtube/v3/playlistItems', '/youtube/v3/videos'],
		account: `${yt.id}`,
		secrets: [SANDBOX_YOUTUBE_API_KEY],
		make: (baseUrl, ctx) => new YoutubeMetricsAdapter({ apiKey: SANDBOX_YOUTUBE_API_KEY, channel: yt.id, baseUrl }, ctx),
		collect: (a) => a.collectPostMetrics(query(6, 'UTC')),
		fails: ytFails,
		serverError: { code: 'backendError', message: /Backend Error/ },
	},
	{
		name: 'X account (users/by)',
		routes: ['/2/users/by'],
		account: `@${xAccount.handle}`,
		secrets: [SANDBOX_X_BEARER],
		make: (baseUrl, ctx) => new XMetricsAdapter({ bearerToken: SANDBOX_X_BEARER, username: xAccount.handle, baseUrl }, ctx),
		collect: (a) => a.collectAccountMetrics(query(1, 'UTC')),
		fails: xFails,
		serverError: { code: 'Internal Server Error', message: /Internal Server Error/ },
	},
	{
		name: 'X posts (users/by + timeline)',
		routes: ['/2/users/by', `/2/users/${xAccount.id}/tweets`],
		account: `@${xAccount.handle}`,
		secrets: [SANDBOX_X_BEARER],
		make: (baseUrl, ctx) => new XMetricsAdapter({ bearerToken: SANDBOX_X_BEARER, username: xAccount.handle, baseUrl }, ctx),
		collect: (a) => a.collectPostMetrics(query(4, 'UTC')),
		fails: xFails,
		serverError: { code: 'Internal Server Error', message: /Internal Server Error/ },
	},
	{
		name: 'X posts (tweets by id)',
		routes: ['/2/tweets'],
		account: `@${xAccount.handle}`,
		secrets: [SANDBOX_X_BEARER],
		make: (baseUrl, ctx) => new XMetricsAdapter({ bearerToken: SANDBOX_X_BEARER, username: xAccount.handle, baseUrl, postIds: xTruth.tweets(xAccount.id).slice(2, 6).map((p) => xTruth.tweetId(p)) }, ctx),
		collect: (a) => a.collectPostMetrics(query(4, 'UTC')),
		fails: xFails,
		serverError: { code: 'Internal Server Error', message: /Internal Server Error/ },
	},
];

/** One collection with `faults`, on a virtual clock; what happened is recorded. */
interface Outcome {
	result?: MetricSnapshot[];
	error?: unknown;
	sleeps: number[];
	retries: RetryInfo[];
	requests: Record<string, number>;
	faultsInjected: Record<string, number>;
	tokensIssued: number;
}

/**
 * One sandbox per scenario, reused by its cells (so the seeded models are built once): each cell sets its own
 * faults and reads the stats as differences. The platforms' own per-hour / per-window budgets are lifted so that
 * dozens of cells on a fixed clock do not run into them.
 */
async function scenarioSandbox(): Promise<Sandbox> {
	const sandbox = await startSandbox({ port: 0, seed: SEED, now: () => NOW });
	for (const [platform, body] of [
		['weibo', { perHour: 1_000_000 }],
		['mastodon', { limit: 1_000_000 }],
	] as const) {
		const res = await fetch(`${sandbox.url}/__sandbox/${platform}/ratelimit`, { method: 'POST', body: JSON.stringify(body) });
		expect(res.status).toBe(200);
	}
	return sandbox;
}

const diff = (after: Record<string, number>, before: Record<string, number>): Record<string, number> =>
	Object.fromEntries(Object.entries(after).filter(([k, v]) => v !== (before[k] ?? 0)).map(([k, v]) => [k, v - (before[k] ?? 0)]));

async function collect(sandbox: Sandbox, scenario: Scenario, faults: FaultRule[], options: { canRefresh?: boolean; shortTimeoutOn?: string } = {}): Promise<Outcome> {
	const sleeps: number[] = [];
	const retries: RetryInfo[] = [];
	let t = NOW.getTime();
	const axios = createAxiosHttpClient();
	// Only the request the `timeout` fault holds (the route's first) gets a short timeout, so a slow machine cannot
	// turn a normal answer into a timeout.
	let held = options.shortTimeoutOn;
	const http: HttpClient = {
		request: (req) => {
			const short = held !== undefined && new URL(req.url).pathname === held;
			if (short) held = undefined;
			return axios.request({ ...req, timeoutMs: short ? SHORT_TIMEOUT_MS : LONG_TIMEOUT_MS });
		},
	};
	const ctx: PlatformContext = {
		http,
		now: () => new Date(t),
		retryPolicy: POLICY,
		retryDeps: {
			now: () => t,
			random: () => 1,
			sleep: async (ms) => {
				sleeps.push(ms);
				t += ms;
			},
			onRetry: (info) => retries.push(info),
		},
	};
	const before = sandbox.stats();
	sandbox.setFaults(faults);
	const outcome: Outcome = { sleeps, retries, requests: {}, faultsInjected: {}, tokensIssued: 0 };
	try {
		outcome.result = await scenario.collect(scenario.make(sandbox.url, ctx, options));
	} catch (error) {
		outcome.error = error;
	} finally {
		sandbox.clearFaults();
	}
	const after = sandbox.stats();
	return { ...outcome, requests: diff(after.requests, before.requests), faultsInjected: diff(after.faultsInjected, before.faultsInjected), tokensIssued: after.tokensIssued - before.tokensIssued };
}

/** Everything but collectedAt (the virtual clock moves while retries wait). */
const comparable = (snaps: MetricSnapshot[] | undefined) => (snaps ?? []).map(({ collectedAt: _c, ...rest }) => rest);
const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

const TRANSIENT: Array<{ kind: FaultKind; count: number }> = [
	{ kind: 'http429', count: 2 },
	{ kind: 'http500', count: 2 },
	{ kind: 'http502', count: 2 },
	{ kind: 'http503', count: 2 },
	{ kind: 'timeout', count: 1 },
	{ kind: 'reset', count: 2 },
	{ kind: 'malformed', count: 2 },
];

/** No secret in anything the error carries: message, stack, describe(), own fields. */
function expectNoSecret(error: unknown, secrets: string[]): void {
	const e = error as Error;
	const fields = Object.fromEntries(Object.getOwnPropertyNames(e).map((k) => [k, (e as unknown as Record<string, unknown>)[k]]));
	const text = `${e.message}\n${e.stack ?? ''}\n${isPlatformError(e) ? e.describe() : ''}\n${JSON.stringify(fields)}`;
	for (const secret of secrets) expect(text).not.toContain(secret);
}

function expectPlatformError(outcome: Outcome, scenario: Scenario, expected: Expected): PlatformError {
	expect(outcome.result).toBeUndefined();
	const error = outcome.error as PlatformError;
	expect(error).toBeInstanceOf(PlatformError);
	expect(error.platform).toBe(scenario.name.split(' ')[0].toLowerCase());
	expect(error.code).toBe(expected.code);
	// The platform's own message, untouched; the account is a field and ends what node errors show (describe()).
	expect(error.message).toMatch(expected.message);
	expect(error).toBeInstanceOf(AccountPlatformError);
	expect((error as AccountPlatformError).account).toBe(scenario.account);
	expect(error.describe()).toContain(`[${expected.code}]`);
	expect(error.describe()).toMatch(new RegExp(`\\(account ${scenario.account.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)$`));
	expectNoSecret(error, scenario.secrets);
	return error;
}

describe.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
	let sandbox: Sandbox;
	let clean: Outcome;
	beforeAll(async () => {
		sandbox = await scenarioSandbox();
		clean = await collect(sandbox, scenario, []);
	});
	afterAll(() => sandbox.close());

	it('collects without faults, over exactly the routes the matrix covers', () => {
		expect(clean.error).toBeUndefined();
		expect(clean.result!.length).toBeGreaterThan(0);
		expect(Object.keys(clean.requests).sort()).toEqual([...scenario.routes].sort());
		expect(clean.retries).toEqual([]);
	});

	const transientCells = scenario.routes.flatMap((route) => TRANSIENT.map(({ kind, count }) => [kind, route, count] as const));
	it.each(transientCells)('absorbs %s on %s: same snapshots, one retry per fault', async (kind, route, count) => {
		const outcome = await collect(sandbox, scenario, [{ route, kind, count, retryAfterSeconds: RETRY_AFTER_SECONDS }], { shortTimeoutOn: kind === 'timeout' ? route : undefined });
		expect(outcome.error).toBeUndefined();
		expect(comparable(outcome.result)).toEqual(comparable(clean.result));
		expect(outcome.faultsInjected).toEqual({ [route]: count });
		expect(outcome.retries).toHaveLength(count);
		expect(outcome.requests).toEqual({ ...clean.requests, [route]: clean.requests[route] + count });
		if (kind === 'http429') {
			// The first wait is exactly what the platform asked for (Retry-After or its reset header), not our backoff.
			expect(outcome.sleeps[0]).toBe(RETRY_AFTER_SECONDS * 1000);
			expect(outcome.retries[0].error).toMatchObject({ httpStatus: 429, retryable: true });
		} else {
			expect(outcome.sleeps).toEqual(outcome.retries.map((r) => POLICY.baseDelayMs * 2 ** (r.attempt - 1)));
		}
	});

	it('absorbs a seeded storm of every transient kind on every route', async () => {
		const kinds: FaultKind[] = ['http429', 'http500', 'http502', 'http503', 'reset', 'malformed'];
		const faults = scenario.routes.flatMap((route) => kinds.map((kind) => ({ route, kind, rate: 0.04, retryAfterSeconds: 1 })));
		const outcome = await collect(sandbox, scenario, faults);
		expect(outcome.error).toBeUndefined();
		expect(comparable(outcome.result)).toEqual(comparable(clean.result));
		expect(outcome.retries).toHaveLength(total(outcome.faultsInjected));
		expect(total(outcome.requests)).toBe(total(clean.requests) + total(outcome.faultsInjected));
	});

	if (scenario.quotaHasReset) {
		it.each(scenario.routes)('waits out a spent rate-limit window (quota, reset in 2 s) on %s', async (route) => {
			const outcome = await collect(sandbox, scenario, [{ route, kind: 'quota', count: 1, retryAfterSeconds: RETRY_AFTER_SECONDS }]);
			expect(outcome.error).toBeUndefined();
			expect(comparable(outcome.result)).toEqual(comparable(clean.result));
			expect(outcome.sleeps[0]).toBe(RETRY_AFTER_SECONDS * 1000);
			expect(outcome.retries).toHaveLength(1);
		});
	}

	if (scenario.refreshRoute) {
		it.each(scenario.routes)('refreshes an expired token once (expiredToken on %s) and gives the same snapshots', async (route) => {
			const outcome = await collect(sandbox, scenario, [{ route, kind: 'expiredToken', count: 1 }]);
			expect(outcome.error).toBeUndefined();
			expect(comparable(outcome.result)).toEqual(comparable(clean.result));
			expect(outcome.tokensIssued).toBe(1);
			expect(outcome.requests).toEqual({ ...clean.requests, [route]: clean.requests[route] + 1, [scenario.refreshRoute!]: 1 });
		});
	}

	describe.each(scenario.routes)('non-transient faults on %s', (route) => {
		it.each(['http500', 'http503', 'reset'] as const)('persistent %s: fails after exactly maxAttempts with the platform’s code, naming the account', async (kind) => {
			const outcome = await collect(sandbox, scenario, [{ route, kind }]);
			const expected = kind === 'http500' ? scenario.serverError : kind === 'http503' ? { code: '503', message: /server error \(HTTP 503\)/ } : { code: 'ECONNRESET', message: /ECONNRESET/ };
			const error = expectPlatformError(outcome, scenario, expected);
			expect(error.retryable).toBe(true);
			expect(outcome.faultsInjected).toEqual({ [route]: POLICY.maxAttempts });
			expect(outcome.retries).toHaveLength(POLICY.maxAttempts - 1);
		});

		it.each(['expiredToken', 'invalidToken', 'quota'] as const)('%s: fails at once with the platform’s own code and message, naming the account, no secret', async (kind) => {
			// A long reset: a quota window that would keep the run waiting for 5 minutes.
			const outcome = await collect(sandbox, scenario, [{ route, kind, retryAfterSeconds: 300 }], { canRefresh: false });
			const error = expectPlatformError(outcome, scenario, scenario.fails[kind]);
			// A 429 stays retryable in itself; it fails at once because its reset is beyond what the run may wait.
			if (!(kind === 'quota' && scenario.quotaHasReset)) expect(error.retryable).toBe(false);
			expect(outcome.faultsInjected).toEqual({ [route]: 1 });
			expect(outcome.retries).toEqual([]);
			expect(outcome.sleeps).toEqual([]);
		});

		if (scenario.refreshRoute) {
			it('expiredToken that outlives a refresh: refreshes once, then fails with 2190008', async () => {
				const outcome = await collect(sandbox, scenario, [{ route, kind: 'expiredToken' }]);
				expectPlatformError(outcome, scenario, scenario.fails.expiredToken);
				expect(outcome.tokensIssued).toBe(1);
				expect(outcome.faultsInjected).toEqual({ [route]: 2 });
				expect(outcome.requests[scenario.refreshRoute!]).toBe(1);
			});
		}
	});
});

describe('what the matrix found, fixed', () => {
	it('Weibo: a proxy’s `{error}` without error_code is not a Weibo code (a 500 stays 500, retryable)', () => {
		expect(readWeiboError(500, { error: 'internal server error' })).toBeUndefined();
		expect(readWeiboError(403, { error: 'expired_token', error_code: 21327, request: '/2/users/show.json' })).toMatchObject({ code: 21327 });
	});

	it('Douyin: quota spent (2190001) is final and says so; busy (2100004) stays retryable', () => {
		expect(readDouyinError(200, { data: { error_code: 2190001, description: 'quota 已用完' } })).toMatchObject({ code: 2190001, retryable: false, message: expect.stringMatching(/cannot help/) });
		expect(readDouyinError(200, { data: { error_code: 2100004, description: '系统繁忙' } })).toMatchObject({ code: 2100004, retryable: true });
	});

	it('Bilibili: -352 (risk check failed) is not retried and says what to do', () => {
		expect(readBilibiliError(200, { code: -352, message: '风控校验失败' })).toMatchObject({ code: -352, retryable: false, message: expect.stringMatching(/lower Requests per Second/) });
	});

	it('nameAccount keeps the platform’s code, message, fields and stack, and names the account once', () => {
		const original = new PlatformError({ platform: 'x', code: 'Unauthorized', message: 'Unauthorized', httpStatus: 401, operation: '2/users/by' });
		const named = nameAccount(original, '@XingheCoffee') as AccountPlatformError;
		expect(named).toBeInstanceOf(PlatformError);
		expect([named.code, named.message, named.httpStatus, named.retryable, named.operation, named.account, named.stack]).toEqual(['Unauthorized', 'Unauthorized', 401, false, '2/users/by', '@XingheCoffee', original.stack]);
		expect(named.describe()).toBe('x 2/users/by failed: [Unauthorized] Unauthorized (account @XingheCoffee)');
		expect(nameAccount(named, '@other')).toBe(named);
		const plain = new Error('boom');
		expect(nameAccount(plain, '@XingheCoffee')).toBe(plain);
		expect(nameAccount(original, undefined)).toBe(original);
	});

	describe('YouTube counts a quota unit per request, retries included, and checks the budget before each', () => {
		let sandbox: Sandbox;
		beforeAll(async () => {
			sandbox = await startSandbox({ port: 0, seed: SEED, now: () => NOW });
		});
		afterAll(() => sandbox.close());
		afterEach(() => sandbox.clearFaults());
		const ctx: PlatformContext = { http: createAxiosHttpClient(), now: () => NOW, retryPolicy: POLICY, retryDeps: { sleep: async () => {}, now: () => NOW.getTime() } };

		it('a 503 burst of 2 costs 2 more units than the calls', async () => {
			sandbox.setFaults([{ route: '/youtube/v3/channels', kind: 'http503', count: 2 }]);
			const adapter = new YoutubeMetricsAdapter({ apiKey: SANDBOX_YOUTUBE_API_KEY, channel: yt.id, baseUrl: sandbox.url }, ctx);
			await adapter.collectAccountMetrics(query(1, 'UTC'));
			expect(adapter.unitsUsed).toBe(3);
		});

		it('a retry that would pass maxUnits is not sent', async () => {
			sandbox.setFaults([{ route: '/youtube/v3/channels', kind: 'http503' }]);
			const before = sandbox.stats().requests['/youtube/v3/channels'] ?? 0;
			const adapter = new YoutubeMetricsAdapter({ apiKey: SANDBOX_YOUTUBE_API_KEY, channel: yt.id, baseUrl: sandbox.url, maxUnits: 2 }, ctx);
			const error = (await adapter.collectAccountMetrics(query(1, 'UTC')).catch((e) => e)) as AccountPlatformError;
			expect([error.code, error.account, adapter.unitsUsed]).toEqual(['QUOTA_BUDGET', yt.id, 2]);
			expect((sandbox.stats().requests['/youtube/v3/channels'] ?? 0) - before).toBe(2);
		});
	});
});
