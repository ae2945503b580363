import { startSandbox, type Sandbox } from '../../../sandbox';
import { SANDBOX_YOUTUBE_API_KEY, SANDBOX_YOUTUBE_CHANNELS, YoutubeDataset } from '../../../sandbox/platforms/youtube';
import { createAxiosHttpClient } from '../../../lib/http/axios-client';
import { DEFAULT_RETRY_POLICY } from '../../../lib/http/retry';
import { PlatformError } from '../../../lib/errors';
import { MetricSnapshotSchema } from '../../../lib/model';
import { YoutubeMetricsAdapter, videoIdOf } from '../../../lib/platforms/youtube';
import { dayOf } from '../../../lib/platforms/http-json';

const NOW = new Date('2026-03-15T04:00:00Z');
const SEED = 17;
const ZONE = 'UTC';
const fastRetry = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 8, maxRetryAfterMs: 5_000 };
const [brand, tech] = SANDBOX_YOUTUBE_CHANNELS;
const truth = new YoutubeDataset(SEED, () => NOW);
const range = { start: '2025-10-01', end: '2026-03-14' };

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seed: SEED, now: () => NOW });
});
afterAll(async () => sandbox.close());
afterEach(() => sandbox.clearFaults());

const logs: string[] = [];
function adapter(options: { channel?: string; videoIds?: string[]; apiKey?: string; maxUnits?: number } = {}) {
	return new YoutubeMetricsAdapter(
		{ apiKey: SANDBOX_YOUTUBE_API_KEY, baseUrl: sandbox.url, ...options },
		{ http: createAxiosHttpClient(), retryPolicy: fastRetry, timeoutMs: 2_000, now: () => NOW, log: (m) => logs.push(m) },
	);
}
const calls = (name: string) => sandbox.stats().requests[`/youtube/v3/${name}`] ?? 0;

describe('YouTube account metrics (channels)', () => {
	it('converts the string statistics to numbers, by channel id and by @handle (competitor included)', async () => {
		for (const channel of [brand.id, tech.handle]) {
			const [snap] = await adapter({ channel }).collectAccountMetrics({ range, timezone: ZONE });
			const id = channel === brand.id ? brand.id : tech.id;
			const stats = truth.channelStatistics(id);
			expect(MetricSnapshotSchema.parse(snap)).toEqual(snap);
			expect(snap).toMatchObject({ platform: 'youtube', accountId: id, window: 'cumulative', periodStart: '2026-03-15' });
			expect([snap.followers, snap.views, snap.extra?.videos]).toEqual([Number(stats.subscriberCount), Number(stats.viewCount), Number(stats.videoCount)]);
			expect(typeof snap.followers).toBe('number');
		}
	});

	it('turns an empty channel list into channelNotFound, and a bad key into keyInvalid without the key', async () => {
		const missing = (await adapter({ channel: 'UCzzzzzzzzzzzzzzzzzzzzzz' }).collectAccountMetrics({ range, timezone: ZONE }).catch((e) => e)) as PlatformError;
		expect(missing.code).toBe('channelNotFound');
		const key = 'AIzaWrongKey-123456789';
		const bad = (await adapter({ channel: brand.id, apiKey: key }).collectAccountMetrics({ range, timezone: ZONE }).catch((e) => e)) as PlatformError;
		expect([bad.code, bad.httpStatus, bad.retryable]).toEqual(['keyInvalid', 400, false]);
		expect(bad.describe()).not.toContain(key);
	});
});

describe('YouTube post metrics (playlistItems + videos, 50 ids a call)', () => {
	const expected = truth.uploads(brand.id).filter((p) => dayOf(p.createdAtMs, ZONE) >= range.start && dayOf(p.createdAtMs, ZONE) <= range.end);

	it('finds every upload of the range through the uploads playlist and reads them in batches of at most 50', async () => {
		expect(expected.length).toBeGreaterThan(50);
		const before = { p: calls('playlistItems'), v: calls('videos') };
		const a = adapter({ channel: brand.id });
		const snaps = await a.collectPostMetrics({ range, timezone: ZONE });
		expect(snaps.map((s) => s.postId)).toEqual(expected.map((p) => truth.videoId(p)));
		for (const [i, s] of snaps.entries()) {
			const stats = truth.statistics(expected[i]);
			expect(s.views).toBe(Number(stats.viewCount));
			expect(s.comments).toBe(Number(stats.commentCount));
			// A hidden like count stays absent, never 0.
			expect(s.likes).toBe(stats.likeCount === undefined ? undefined : Number(stats.likeCount));
			expect(MetricSnapshotSchema.safeParse(s).success).toBe(true);
		}
		expect(snaps.some((s) => s.likes === undefined)).toBe(true);
		const videoCalls = calls('videos') - before.v;
		expect(videoCalls).toBe(Math.ceil(expected.length / 50));
		const all = truth.uploads(brand.id);
		const firstOlder = all.findIndex((p) => dayOf(p.createdAtMs, ZONE) < range.start);
		expect(calls('playlistItems') - before.p).toBe(Math.floor(firstOlder / 50) + 1);
		expect(a.unitsUsed).toBe(1 + (calls('playlistItems') - before.p) + videoCalls);
	});

	it('reads 120 listed ids (URLs too) in 3 calls, whatever the range, and logs ids YouTube did not return', async () => {
		const listed = [...truth.uploads(brand.id), ...truth.uploads(tech.id)].slice(0, 120).map((p) => truth.videoId(p));
		const before = calls('videos');
		logs.length = 0;
		const snaps = await adapter({ videoIds: [`https://www.youtube.com/watch?v=${listed[0]}`, ...listed.slice(1), 'AAAAAAAAAAA'] }).collectPostMetrics({ range: { start: '2026-03-14', end: '2026-03-14' }, timezone: ZONE });
		expect(snaps.map((s) => s.postId)).toEqual(listed);
		expect(calls('videos') - before).toBe(3);
		expect(logs.join('\n')).toContain('AAAAAAAAAAA');
		expect(videoIdOf('https://youtu.be/dQw4w9WgXcQ')).toBe('dQw4w9WgXcQ');
	});

	it('stops before spending more units than allowed', async () => {
		const error = (await adapter({ channel: brand.id, maxUnits: 2 }).collectPostMetrics({ range, timezone: ZONE }).catch((e) => e)) as PlatformError;
		expect(error.code).toBe('QUOTA_BUDGET');
	});

	it('surfaces quotaExceeded (403) at once with the reset hint, and retries a 503 and a reset', async () => {
		sandbox.setFaults([{ route: '/youtube/v3/videos', kind: 'quota', count: 1 }]);
		const error = (await adapter({ videoIds: [truth.videoId(expected[0])] }).collectPostMetrics({ range, timezone: ZONE }).catch((e) => e)) as PlatformError;
		expect([error.code, error.httpStatus, error.retryable]).toEqual(['quotaExceeded', 403, false]);
		expect(error.message).toMatch(/exceeded your quota.*midnight Pacific/);
		sandbox.setFaults([{ route: '/youtube/v3/videos', kind: 'http503', count: 2 }, { route: '/youtube/v3/videos', kind: 'reset', count: 1 }]);
		const snaps = await adapter({ videoIds: [truth.videoId(expected[0])] }).collectPostMetrics({ range, timezone: ZONE });
		expect(snaps[0].views).toBe(Number(truth.statistics(expected[0]).viewCount));
	});

	it('the sandbox enforces the daily quota as 403 quotaExceeded', async () => {
		await fetch(`${sandbox.url}/__sandbox/youtube/quota`, { method: 'POST', body: JSON.stringify({ limit: 1, used: 1 }) });
		const error = (await adapter({ channel: brand.id }).collectAccountMetrics({ range, timezone: ZONE }).catch((e) => e)) as PlatformError;
		await fetch(`${sandbox.url}/__sandbox/youtube/quota`, { method: 'POST', body: JSON.stringify({ limit: 10_000, used: 0 }) });
		expect(error.code).toBe('quotaExceeded');
	});
});
