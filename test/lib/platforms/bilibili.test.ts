import { startSandbox, type Sandbox } from '../../../sandbox';
import { BilibiliDataset, SANDBOX_BILIBILI_ACCOUNTS } from '../../../sandbox/platforms/bilibili';
import { createAxiosHttpClient } from '../../../lib/http/axios-client';
import { DEFAULT_RETRY_POLICY } from '../../../lib/http/retry';
import { InputError, PlatformError } from '../../../lib/errors';
import { BilibiliMetricsAdapter } from '../../../lib/platforms/bilibili';

/** One fixed instant for the sandbox and the adapter, so "counters now" are exact. */
const NOW = new Date('2026-03-15T04:00:00Z');
const SEED = 7;
const fastRetry = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 8, maxRetryAfterMs: 5_000 };
const [brand, tech] = SANDBOX_BILIBILI_ACCOUNTS;
const truth = new BilibiliDataset(SEED, () => NOW);
const range = { start: '2026-03-01', end: '2026-03-14' };

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seed: SEED, now: () => NOW });
});
afterAll(async () => sandbox.close());
afterEach(() => sandbox.clearFaults());

function adapter(mid: string | undefined, videos: string[] = []) {
	return new BilibiliMetricsAdapter({ mid, videos, baseUrl: sandbox.url }, { http: createAxiosHttpClient(), retryPolicy: fastRetry, timeoutMs: 2_000, now: () => NOW });
}

describe('Bilibili account metrics (x/relation/stat)', () => {
	it('gives today’s follower total in China time for an own account and a competitor', async () => {
		for (const account of [brand, tech]) {
			const [snap] = await adapter(account.id).collectAccountMetrics({ range, timezone: 'Asia/Shanghai' });
			const relation = truth.relation(account.id)!;
			expect(snap).toMatchObject({ platform: 'bilibili', accountId: account.id, periodStart: '2026-03-15', periodEnd: '2026-03-15', window: 'cumulative', timezone: 'Asia/Shanghai', source: 'bilibili:x/relation/stat' });
			expect(snap.followers).toBe(relation.follower);
			expect(snap.extra).toEqual({ following: relation.following });
		}
	});

	it('reports an unknown UID with Bilibili’s own code -404', async () => {
		const error = (await adapter('999').collectAccountMetrics({ range, timezone: 'Asia/Shanghai' }).catch((e) => e)) as PlatformError;
		expect(error).toBeInstanceOf(PlatformError);
		expect([error.code, error.message, error.operation]).toEqual(['-404', '啥都木有', 'x/relation/stat']);
	});
});

describe('Bilibili post metrics (x/web-interface/view)', () => {
	const videos = [...truth.videos(brand.id).slice(0, 4), ...truth.videos(tech.id).slice(0, 2)];

	it('matches view, like, reply, share, favorite, coin and danmaku of every listed video, own and competitor', async () => {
		const snaps = await adapter(brand.id, videos.map((v) => v.bvid)).collectPostMetrics({ range, timezone: 'Asia/Shanghai' });
		expect(snaps.map((s) => s.postId)).toEqual(videos.map((v) => v.bvid));
		snaps.forEach((s, i) => {
			const v = videos[i];
			const stat = truth.stat(v);
			expect(s.accountId).toBe(v.mid);
			expect([s.views, s.likes, s.comments, s.shares, s.saves]).toEqual([stat.view, stat.like, stat.reply, stat.share, stat.favorite]);
			expect(s.extra).toEqual({ coins: stat.coin, danmaku: stat.danmaku, favorite: stat.favorite });
			expect(Date.parse(s.publishedAt!)).toBe(v.pubdate * 1000);
			expect(s.periodEnd).toBe('2026-03-15');
			expect(s.window).toBe('cumulative');
			expect(s.postTitle).toBe(v.title);
		});
	});

	it('accepts av ids and drops duplicates', async () => {
		const v = videos[0];
		const snaps = await adapter(brand.id, [v.bvid, `av${v.aid}`, ` ${v.bvid} `]).collectPostMetrics({ range, timezone: 'Asia/Shanghai' });
		expect(snaps.map((s) => s.postId)).toEqual([v.bvid, v.bvid]);
	});

	it('gives the same numbers through 429s, a 503 burst, a reset and malformed JSON', async () => {
		const ids = videos.map((v) => v.bvid);
		const clean = await adapter(brand.id, ids).collectPostMetrics({ range, timezone: 'Asia/Shanghai' });
		sandbox.setFaults([
			{ route: '/x/web-interface/view', kind: 'http429', count: 2, retryAfterSeconds: 0 },
			{ route: '/x/web-interface/view', kind: 'http503', count: 2 },
			{ route: '/x/web-interface/view', kind: 'reset', count: 1 },
			{ route: '/x/web-interface/view', kind: 'malformed', count: 1 },
		]);
		const faulty = await adapter(brand.id, ids).collectPostMetrics({ range, timezone: 'Asia/Shanghai' });
		expect(faulty).toEqual(clean);
		expect(sandbox.stats().faultsInjected['/x/web-interface/view']).toBe(6);
	});

	it('stops at once on risk control (-412, HTTP 412) without retrying', async () => {
		sandbox.setFaults([{ route: '/x/web-interface/view', kind: 'quota', count: 5 }]);
		const before = sandbox.stats().requests['/x/web-interface/view'] ?? 0;
		const error = (await adapter(brand.id, [videos[0].bvid]).collectPostMetrics({ range, timezone: 'Asia/Shanghai' }).catch((e) => e)) as PlatformError;
		expect([error.code, error.httpStatus, error.retryable]).toEqual(['-412', 412, false]);
		expect(error.message).toContain('请求被拦截');
		expect((sandbox.stats().requests['/x/web-interface/view'] ?? 0) - before).toBe(1);
	});

	it('names a video that does not exist, with code -404', async () => {
		const error = (await adapter(brand.id, [videos[0].bvid, 'BV1zzzzzzzzz']).collectPostMetrics({ range, timezone: 'Asia/Shanghai' }).catch((e) => e)) as PlatformError;
		expect(error.code).toBe('-404');
		expect(error.message).toContain('BV1zzzzzzzzz');
	});

	it('rejects malformed ids and an empty list before any call', async () => {
		await expect(adapter(brand.id, ['hello']).collectPostMetrics({ range, timezone: 'Asia/Shanghai' })).rejects.toBeInstanceOf(InputError);
		await expect(adapter(brand.id, []).collectPostMetrics({ range, timezone: 'Asia/Shanghai' })).rejects.toThrow(/BV ids/);
		expect(() => adapter('abc')).toThrow(InputError);
	});
});
