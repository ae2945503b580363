import { startSandbox, SANDBOX_WECHAT_ACCOUNTS, type Sandbox } from '../../../sandbox';
import { createAxiosHttpClient } from '../../../lib/http/axios-client';
import { DEFAULT_RETRY_POLICY } from '../../../lib/http/retry';
import { PlatformError } from '../../../lib/errors';
import { WechatOaMetricsAdapter } from '../../../lib/platforms/wechat-oa';
import { addDays, eachDay } from '../../../lib/time/date-range';

const account = SANDBOX_WECHAT_ACCOUNTS[0];
const fastRetry = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 6, maxRetryAfterMs: 5_000 };

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => sandbox.close());
afterEach(() => sandbox.clearFaults());

function adapter(overrides: Partial<{ appSecret: string; timeoutMs: number }> = {}) {
	return new WechatOaMetricsAdapter(
		{ appId: account.appId, appSecret: overrides.appSecret ?? account.appSecret, baseUrl: sandbox.url, accountName: account.name },
		{ http: createAxiosHttpClient(), retryPolicy: fastRetry, timeoutMs: overrides.timeoutMs ?? 2_000 },
	);
}

describe('WeChat OA account metrics', () => {
	it('collects a 45-day range in 7-day spans with every day exactly once, equal to the seeded truth', async () => {
		const end = sandbox.wechat.yesterday();
		const start = addDays(end, -44);
		const before = sandbox.stats().requests['/datacube/getusersummary'] ?? 0;
		const snaps = await adapter().collectAccountMetrics({ range: { start, end }, timezone: 'Asia/Shanghai' });
		expect(snaps.map((s) => s.periodStart)).toEqual(eachDay({ start, end }));
		expect((sandbox.stats().requests['/datacube/getusersummary'] ?? 0) - before).toBe(7); // ceil(45 / 7)
		for (const s of snaps) {
			const rows = sandbox.wechat.userDay(account.appId, s.periodStart);
			const biz = sandbox.wechat.bizDay(account.appId, s.periodStart);
			expect(s.followers).toBe(sandbox.wechat.cumulate(account.appId, s.periodStart));
			expect(s.newFollowers).toBe(rows.reduce((a, r) => a + r.new_user, 0));
			expect(s.lostFollowers).toBe(rows.reduce((a, r) => a + r.cancel_user, 0));
			expect(s.netFollowers).toBe(s.newFollowers! - s.lostFollowers!);
			expect([s.views, s.likes, s.shares, s.comments, s.saves]).toEqual([biz.read_user, biz.like_user, biz.share_user, biz.comment_count, biz.collection_user]);
			expect(s.extra?.zaikan).toBe(biz.zaikan_user);
			expect(s.timezone).toBe('Asia/Shanghai');
		}
	});

	it('skips days WeChat has not published yet instead of inventing zeros', async () => {
		const yesterday = sandbox.wechat.yesterday();
		const snaps = await adapter().collectAccountMetrics({ range: { start: addDays(yesterday, -1), end: addDays(yesterday, 2) }, timezone: 'Asia/Shanghai' });
		expect(snaps.map((s) => s.periodStart)).toEqual([addDays(yesterday, -1), yesterday]);
	});

	it('gives the same data through 429s, a 5xx burst, an expired token, a reset, malformed JSON and a timeout', async () => {
		const range = { start: addDays(sandbox.wechat.yesterday(), -9), end: sandbox.wechat.yesterday() };
		const clean = await adapter().collectAccountMetrics({ range, timezone: 'Asia/Shanghai' });
		sandbox.setFaults([
			{ route: '/datacube/getusersummary', kind: 'http429', count: 2, retryAfterSeconds: 1 },
			{ route: '/datacube/getbizsummary', kind: 'http503', count: 3 },
			{ route: '/datacube/getusercumulate', kind: 'expiredToken', count: 1 },
			{ route: '/datacube/getbizsummary', kind: 'reset', count: 1 },
			{ route: '/datacube/getusercumulate', kind: 'malformed', count: 1 },
			{ route: '/datacube/getusersummary', kind: 'timeout', count: 1 },
		]);
		// A 1 s client timeout turns the held request into ETIMEDOUT, which the policy retries.
		const faulty = await adapter({ timeoutMs: 1_000 }).collectAccountMetrics({ range, timezone: 'Asia/Shanghai' });
		const strip = (xs: typeof clean) => xs.map(({ collectedAt: _c, ...rest }) => rest);
		expect(strip(faulty)).toEqual(strip(clean));
		const injected = sandbox.stats().faultsInjected;
		expect(Object.values(injected).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(9);
	});

	it('surfaces a non-retryable error at once with WeChat’s own code', async () => {
		sandbox.setFaults([{ route: '/datacube/getusercumulate', kind: 'quota', count: 1 }]);
		const range = { start: sandbox.wechat.yesterday(), end: sandbox.wechat.yesterday() };
		const error = await adapter()
			.collectAccountMetrics({ range, timezone: 'Asia/Shanghai' })
			.catch((e) => e);
		expect(error).toBeInstanceOf(PlatformError);
		expect(error.code).toBe('45009');
		expect(error.retryable).toBe(false);
		expect(error.operation).toBe('datacube/getusercumulate');
	});

	it('reports a wrong secret as 40125 without the secret or a token in the message', async () => {
		const secret = 'wrong-secret-value-123456';
		const error = (await adapter({ appSecret: secret })
			.collectAccountMetrics({ range: { start: sandbox.wechat.yesterday(), end: sandbox.wechat.yesterday() }, timezone: 'Asia/Shanghai' })
			.catch((e: PlatformError) => e)) as PlatformError;
		expect(error.code).toBe('40125');
		expect(JSON.stringify({ m: error.message, d: error.describe() })).not.toContain(secret);
	});
});

describe('WeChat OA post metrics', () => {
	it('returns one cumulative snapshot per article published in the range, equal to its totals', async () => {
		const end = sandbox.wechat.yesterday();
		const start = addDays(end, -9);
		const snaps = await adapter().collectPostMetrics({ range: { start, end }, timezone: 'Asia/Shanghai' });
		const articles = sandbox.wechat.articlesPublished(account.appId, start, end);
		expect(snaps.map((s) => s.postId).sort()).toEqual(articles.map((a) => a.msgid).sort());
		for (const s of snaps) {
			const totals = sandbox.wechat.articleTotals(account.appId, s.postId!, s.periodEnd)!;
			expect(s.window).toBe('cumulative');
			expect(s.periodEnd <= end).toBe(true);
			expect([s.views, s.likes, s.shares, s.comments, s.saves]).toEqual([totals.read_user, totals.like_user, totals.share_user, totals.comment_count, totals.collection_user]);
			expect(s.extra?.zaikan).toBe(totals.zaikan_user);
		}
	});
});
