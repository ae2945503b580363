import { startSandbox, type Sandbox } from '../../../sandbox';
import { DouyinDataset, SANDBOX_DOUYIN_ACCOUNTS, SANDBOX_DOUYIN_CLIENT } from '../../../sandbox/platforms/douyin';
import { SANDBOX_X_ACCOUNTS, SANDBOX_X_BEARER, XDataset } from '../../../sandbox/platforms/x';
import { createAxiosHttpClient } from '../../../lib/http/axios-client';
import { DEFAULT_RETRY_POLICY } from '../../../lib/http/retry';
import { InputError } from '../../../lib/errors';
import { DouyinMetricsAdapter } from '../../../lib/platforms/douyin';
import { XMetricsAdapter } from '../../../lib/platforms/x';
import { xPostUrl } from '../../../lib/platforms/x-mentions';
import { listRecentPosts } from '../../../lib/polling/watched-posts';
import { dayOf } from '../../../lib/platforms/http-json';
import { SANDBOX_WEIBO_ACCOUNTS, SANDBOX_WEIBO_TOKENS, WeiboDataset } from '../../../sandbox/platforms/weibo';
import { WeiboMetricsAdapter } from '../../../lib/platforms/weibo';

const NOW = new Date('2026-03-15T04:00:00Z');
const SEED = 43;
const fastRetry = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 4, maxRetryAfterMs: 5_000 };
const ctx = () => ({ http: createAxiosHttpClient(), retryPolicy: fastRetry, timeoutMs: 2_000, now: () => NOW });

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seed: SEED, now: () => NOW });
});
afterAll(async () => sandbox.close());

describe('listRecentPosts', () => {
	const [douyin] = SANDBOX_DOUYIN_ACCOUNTS;
	const douyinAdapter = () =>
		new DouyinMetricsAdapter({ clientKey: SANDBOX_DOUYIN_CLIENT.clientKey, accessToken: `act.sandbox-${douyin.handle}-token`, openId: douyin.openId, baseUrl: sandbox.url, dailyItemData: false }, ctx());

	it('Douyin: the videos of the last N China days, newest first, once each, without per-day item calls', async () => {
		const truth = new DouyinDataset(SEED, () => NOW);
		const from = '2026-03-09';
		const expected = truth.videos(douyin.openId).filter((p) => dayOf(p.createdAtMs, 'Asia/Shanghai') >= from);
		expect(expected.length).toBeGreaterThan(1);
		const before = sandbox.stats().requests['/data/external/item/play/'] ?? 0;
		const posts = await listRecentPosts(douyinAdapter(), { days: 7, maxPosts: 100, timezone: 'Asia/Shanghai', now: NOW });
		expect(posts.map((p) => p.postId)).toEqual(expected.map((p) => truth.itemId(p)));
		expect(sandbox.stats().requests['/data/external/item/play/'] ?? 0).toBe(before);
		expect(posts[0]).toMatchObject({ platform: 'douyin', accountId: douyin.openId, title: expected[0].text, publishedAt: new Date(Math.floor(expected[0].createdAtMs / 1000) * 1000).toISOString() });
		expect(posts[0].comments).toBe(truth.statistics(expected[0]).comment_count);
	});

	it('keeps only the newest maxPosts and derives the URL', async () => {
		const [brand] = SANDBOX_X_ACCOUNTS;
		const truth = new XDataset(SEED, () => NOW);
		const adapter = new XMetricsAdapter({ bearerToken: SANDBOX_X_BEARER, username: brand.handle, baseUrl: sandbox.url }, ctx());
		const posts = await listRecentPosts(adapter, { days: 10, maxPosts: 3, timezone: 'UTC', now: NOW }, (p) => xPostUrl(brand.handle, p.postId));
		const own = truth.tweets(brand.id).filter((p) => truth.kind(p) === 'tweet').slice(0, 3);
		expect(posts.map((p) => p.postId)).toEqual(own.map((p) => truth.tweetId(p)));
		expect(posts[0].url).toBe(`https://x.com/${brand.handle}/status/${posts[0].postId}`);
	});

	it('counts days in the given IANA zone, not the process zone', async () => {
		// 2026-03-15T04:00Z is still 2026-03-14 in Los Angeles: "today only" there starts a day earlier than in Shanghai.
		const la = await listRecentPosts(douyinAdapter(), { days: 1, maxPosts: 100, timezone: 'America/Los_Angeles', now: NOW });
		const sh = await listRecentPosts(douyinAdapter(), { days: 1, maxPosts: 100, timezone: 'Asia/Shanghai', now: NOW });
		const truth = new DouyinDataset(SEED, () => NOW);
		const on = (zone: string, day: string) => truth.videos(douyin.openId).filter((p) => dayOf(p.createdAtMs, zone) === day).map((p) => truth.itemId(p));
		expect(on('America/Los_Angeles', '2026-03-14')).not.toEqual(on('Asia/Shanghai', '2026-03-15'));
		expect(la.map((p) => p.postId)).toEqual(on('America/Los_Angeles', '2026-03-14'));
		expect(sh.map((p) => p.postId)).toEqual(on('Asia/Shanghai', '2026-03-15'));
	});

	it('Weibo (China-day timeline): the window is the workflow zone’s days, so a post written today in Shanghai is seen by a Los Angeles workflow at once', async () => {
		const [brand] = SANDBOX_WEIBO_ACCOUNTS;
		const token = Object.keys(SANDBOX_WEIBO_TOKENS).find((t) => SANDBOX_WEIBO_TOKENS[t] === brand.id)!;
		const truth = new WeiboDataset(SEED, () => NOW);
		const adapter = new WeiboMetricsAdapter({ accessToken: token, baseUrl: sandbox.url, account: brand.id }, ctx());
		const on = (zone: string, from: string, to: string) =>
			truth
				.statuses(brand.id)
				.filter((p) => dayOf(p.createdAtMs, zone) >= from && dayOf(p.createdAtMs, zone) <= to)
				.map((p) => truth.statusId(p));
		for (const [zone, days, from, to] of [
			['America/Los_Angeles', 3, '2026-03-12', '2026-03-14'],
			['Pacific/Auckland', 3, '2026-03-13', '2026-03-15'],
		] as const) {
			const expected = on(zone, from, to);
			expect(expected.length).toBeGreaterThan(0);
			const posts = await listRecentPosts(adapter, { days, maxPosts: 200, timezone: zone, now: NOW });
			expect(posts.map((p) => p.postId).sort()).toEqual([...expected].sort());
		}
	});

	it('refuses a window outside 1..30 days or 1..200 posts before any call', async () => {
		await expect(listRecentPosts(douyinAdapter(), { days: 0, maxPosts: 5, timezone: 'UTC', now: NOW })).rejects.toBeInstanceOf(InputError);
		await expect(listRecentPosts(douyinAdapter(), { days: 31, maxPosts: 5, timezone: 'UTC', now: NOW })).rejects.toThrow(/1 to 30/);
		await expect(listRecentPosts(douyinAdapter(), { days: 3, maxPosts: 201, timezone: 'UTC', now: NOW })).rejects.toThrow(/1 to 200/);
	});
});
