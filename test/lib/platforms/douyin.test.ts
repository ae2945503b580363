import { startSandbox, type Sandbox } from '../../../sandbox';
import { DouyinDataset, SANDBOX_DOUYIN_ACCOUNTS, SANDBOX_DOUYIN_CLIENT } from '../../../sandbox/platforms/douyin';
import { createAxiosHttpClient } from '../../../lib/http/axios-client';
import { DEFAULT_RETRY_POLICY } from '../../../lib/http/retry';
import { InputError, PlatformError } from '../../../lib/errors';
import { MetricSnapshotSchema } from '../../../lib/model';
import { DouyinMetricsAdapter, dateTypeFor } from '../../../lib/platforms/douyin';
import { dayOf } from '../../../lib/platforms/http-json';
import { eachDay } from '../../../lib/time/date-range';

const NOW = new Date('2026-03-15T04:00:00Z'); // 12:00 in China: today 2026-03-15, yesterday 2026-03-14
const SEED = 29;
const ZONE = 'Asia/Shanghai';
const fastRetry = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 8, maxRetryAfterMs: 5_000 };
const [brand] = SANDBOX_DOUYIN_ACCOUNTS;
const truth = new DouyinDataset(SEED, () => NOW);
const FIXED_TOKEN = `act.sandbox-${brand.handle}-token`;

let sandbox: Sandbox;
beforeEach(async () => {
	sandbox = await startSandbox({ port: 0, seed: SEED, now: () => NOW });
});
afterEach(async () => sandbox.close());

function adapter(options: { refreshToken?: string; dailyItemData?: boolean } = {}) {
	return new DouyinMetricsAdapter(
		{ clientKey: SANDBOX_DOUYIN_CLIENT.clientKey, clientSecret: SANDBOX_DOUYIN_CLIENT.clientSecret, accessToken: FIXED_TOKEN, openId: brand.openId, baseUrl: sandbox.url, ...options },
		{ http: createAxiosHttpClient(), retryPolicy: fastRetry, timeoutMs: 2_000, now: () => NOW },
	);
}

it('picks the smallest date_type that reaches the first day', () => {
	expect([dateTypeFor('2026-03-10', NOW), dateTypeFor('2026-03-01', NOW), dateTypeFor('2026-02-13', NOW)]).toEqual([7, 15, 30]);
});

describe('Douyin account metrics (data/external/user/fans)', () => {
	it('gives one day snapshot per day equal to the truth, and marks days before the authorization instead of inventing zeros', async () => {
		const range = { start: '2026-02-20', end: '2026-03-14' };
		const snaps = await adapter().collectAccountMetrics({ range, timezone: ZONE });
		expect(snaps.map((s) => s.periodStart)).toEqual(eachDay(range));
		const first = truth.firstDataDay(brand.openId);
		expect(first).toBe('2026-02-24');
		for (const s of snaps) {
			expect(MetricSnapshotSchema.safeParse(s).success).toBe(true);
			if (s.periodStart < first) {
				expect(s.followers).toBeUndefined();
				expect(String(s.extra?.notice)).toContain('first authorised this app (first day with data: 2026-02-24)');
			} else {
				const day = truth.fansDay(brand.openId, s.periodStart);
				expect([s.followers, s.newFollowers, s.window]).toEqual([day.total_fans, day.new_fans, 'day']);
			}
		}
	});

	it('refuses today (T+1) and days older than 30 with messages naming the available window', async () => {
		const t1 = (await adapter().collectAccountMetrics({ range: { start: '2026-03-14', end: '2026-03-15' }, timezone: ZONE }).catch((e) => e)) as InputError;
		expect(t1).toBeInstanceOf(InputError);
		expect(t1.message).toMatch(/T\+1: the newest day available now is 2026-03-14.*2026-03-15\.\.2026-03-15 cannot be collected yet/);
		const old = (await adapter().collectAccountMetrics({ range: { start: '2026-02-01', end: '2026-02-20' }, timezone: ZONE }).catch((e) => e)) as InputError;
		expect(old.message).toMatch(/last 30 days only: the oldest day available now is 2026-02-13.*Choose a range within 2026-02-13\.\.2026-03-14/);
	});
});

describe('Douyin post metrics (video/list + data/external/item)', () => {
	it('gives each video of the range its totals (downloads and forwards under extra) and exact per-day item data', async () => {
		const range = { start: '2026-02-26', end: '2026-03-15' };
		const snaps = await adapter().collectPostMetrics({ range, timezone: ZONE });
		const videos = truth.videos(brand.openId).filter((p) => dayOf(p.createdAtMs, ZONE) >= range.start && dayOf(p.createdAtMs, ZONE) <= range.end);
		const totals = snaps.filter((s) => s.window === 'cumulative');
		expect(totals.map((s) => s.postId)).toEqual(videos.map((p) => truth.itemId(p)));
		for (const [i, s] of totals.entries()) {
			const st = truth.statistics(videos[i]);
			expect([s.views, s.likes, s.comments, s.shares, s.extra?.downloads, s.extra?.forwards]).toEqual([st.play_count, st.digg_count, st.comment_count, st.share_count, st.download_count, st.forward_count]);
			expect(s.extra?.dailyDataNote).toBe('daily data ends 2026-03-14: Douyin item data is T+1');
			const created = dayOf(videos[i].createdAtMs, ZONE);
			const days = snaps.filter((d) => d.window === 'day' && d.postId === s.postId);
			expect(days.map((d) => d.periodStart)).toEqual(created <= '2026-03-14' ? eachDay({ start: created, end: '2026-03-14' }) : []);
			for (const d of days) {
				const truthDay = truth.itemDay(videos[i], d.periodStart);
				expect([d.views, d.likes, d.comments, d.shares]).toEqual([truthDay.play, truthDay.like, truthDay.comment, truthDay.share]);
			}
		}
	});

	it('explains, per video, that videos older than 30 days have no daily data', async () => {
		const snaps = await adapter().collectPostMetrics({ range: { start: '2026-01-01', end: '2026-01-10' }, timezone: ZONE });
		expect(snaps.length).toBeGreaterThan(0);
		expect(snaps.every((s) => s.window === 'cumulative' && /only for videos created in the last 30 days/.test(String(s.extra?.dailyDataNote)))).toBe(true);
		expect(sandbox.stats().requests['/data/external/item/play/'] ?? 0).toBe(0);
	});

	it('pages the video list 20 at a time with the cursor and retries 5xx and truncated JSON', async () => {
		sandbox.setFaults([
			{ route: '/video/list/', kind: 'http500', count: 1 },
			{ route: '/video/list/', kind: 'http502', count: 1 },
			{ route: '/video/list/', kind: 'malformed', count: 1 },
		]);
		const range = { start: '2026-01-01', end: '2026-03-15' };
		const snaps = await adapter({ dailyItemData: false }).collectPostMetrics({ range, timezone: ZONE });
		const videos = truth.videos(brand.openId).filter((p) => dayOf(p.createdAtMs, ZONE) >= range.start);
		expect(snaps.map((s) => s.postId)).toEqual(videos.map((p) => truth.itemId(p)));
		const firstOlder = truth.videos(brand.openId).findIndex((p) => dayOf(p.createdAtMs, ZONE) < range.start);
		expect(sandbox.stats().requests['/video/list/']).toBe(Math.floor(firstOlder / 20) + 1 + 3);
	});

	it('refreshes an expired token once with the refresh token; without one it reports 2190008', async () => {
		sandbox.expireTokens();
		const error = (await adapter().collectPostMetrics({ range: { start: '2026-03-10', end: '2026-03-14' }, timezone: ZONE }).catch((e) => e)) as PlatformError;
		expect([error.code, error.retryable]).toEqual(['2190008', false]);
		expect(error.message).toContain('access_token过期');
		expect(error.describe()).not.toContain(FIXED_TOKEN);
		const snaps = await adapter({ refreshToken: brand.refreshToken }).collectPostMetrics({ range: { start: '2026-03-10', end: '2026-03-14' }, timezone: ZONE });
		expect(snaps.length).toBeGreaterThan(0);
		expect(sandbox.stats().tokensIssued).toBe(1);
	});
});
