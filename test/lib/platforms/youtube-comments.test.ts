import { SANDBOX_YOUTUBE_API_KEY, SANDBOX_YOUTUBE_CHANNELS, YoutubeDataset } from '../../../sandbox/platforms/youtube';
import { PlatformError } from '../../../lib/errors';
import { MentionSchema } from '../../../lib/model';
import { YoutubeMetricsAdapter } from '../../../lib/platforms/youtube';
import { YoutubeComments, youtubePostUrl } from '../../../lib/platforms/youtube-comments';
import { commentsOnPosts } from '../../../lib/polling/comment-source';
import { listRecentPosts, type WatchedPost } from '../../../lib/polling/watched-posts';
import { commentSandbox, NOW } from './comment-support';

const SEED = 29;
const { sandbox, ctx, logs, requests, insert } = commentSandbox(SEED);
const [brand] = SANDBOX_YOUTUBE_CHANNELS;
const truth = new YoutubeDataset(SEED, () => NOW);

const reader = (options: { pageSize?: number; maxPages?: number; maxUnits?: number; apiKey?: string } = {}) => new YoutubeComments({ apiKey: SANDBOX_YOUTUBE_API_KEY, baseUrl: sandbox.url, ...options }, ctx());
const calls = () => requests('/youtube/v3/commentThreads');
const control = (body: unknown) => insert<Record<string, any>>('youtube/comments', body);
const busiest = truth.uploads(brand.id).slice(0, 40).sort((a, b) => truth.threadsOf(b).length - truth.threadsOf(a).length)[0];
const watched = (videoId: string): WatchedPost => ({ platform: 'youtube', accountId: brand.id, postId: videoId, title: 'Video' });

describe('YouTube comments (commentThreads, videoId)', () => {
	it('reads every top-level comment newest first, paging with pageToken, 1 unit a call', async () => {
		const expected = truth.threadsOf(busiest);
		expect(expected.length).toBeGreaterThan(6);
		const before = calls();
		const yt = reader({ pageSize: 5, maxPages: 100 });
		const mentions = await yt.commentsOf(watched(truth.videoId(busiest)));
		expect(mentions.map((m) => m.id)).toEqual(expected.map((c) => truth.threadId(c)));
		expect(calls() - before).toBe(Math.ceil(expected.length / 5));
		expect(yt.unitsUsed).toBe(Math.ceil(expected.length / 5));
		const [first] = mentions;
		expect(MentionSchema.parse(first)).toEqual(first);
		expect(first).toMatchObject({ platform: 'youtube', kind: 'comment', accountId: brand.id, postId: truth.videoId(busiest), text: expected[0].text, likes: expected[0].likes, replies: expected[0].replies, author: { name: `@${expected[0].author.handle}` } });
		expect(first.createdAt).toBe(new Date(expected[0].createdAtMs).toISOString());
		expect(first.url).toBe(`https://www.youtube.com/watch?v=${truth.videoId(busiest)}&lc=${first.id}`);
	});

	it('lists the channel’s recent uploads and reads comments only of videos that have some, oldest first', async () => {
		const posts = await listRecentPosts(new YoutubeMetricsAdapter({ apiKey: SANDBOX_YOUTUBE_API_KEY, baseUrl: sandbox.url, channel: brand.id }, ctx()), { days: 10, maxPosts: 5, timezone: 'America/New_York', now: NOW }, youtubePostUrl);
		expect(posts.length).toBeGreaterThan(1);
		expect(posts.length).toBeLessThanOrEqual(5);
		expect(posts[0].url).toBe(`https://www.youtube.com/watch?v=${posts[0].postId}`);
		const before = calls();
		const mentions = await commentsOnPosts(reader(), posts);
		expect(calls() - before).toBe(posts.filter((p) => (p.comments ?? 0) > 0).length);
		const expected = posts.flatMap((p) => truth.threadsOf(truth.findVideo(p.postId)!).map((c) => truth.threadId(c)));
		expect(mentions.map((m) => m.id).sort()).toEqual(expected.sort());
		const times = mentions.map((m) => Date.parse(m.createdAt));
		expect([...times].sort((a, b) => a - b)).toEqual(times);
	});

	it('skips a video with comments turned off (403 commentsDisabled) and says so', async () => {
		const videoId = truth.videoId(busiest);
		await control({ videoId, disabled: true });
		try {
			expect(await reader().commentsOf(watched(videoId))).toEqual([]);
			expect(logs.some((l) => l.includes(videoId) && l.includes('commentsDisabled'))).toBe(true);
		} finally {
			await control({ videoId, disabled: false });
		}
	});

	it('fails with quotaExceeded and keyInvalid, never echoing the key, and stops at its unit budget', async () => {
		sandbox.setFaults([{ route: '/youtube/v3/commentThreads', kind: 'quota' }]);
		const quota = (await reader().commentsOf(watched(truth.videoId(busiest))).catch((e) => e)) as PlatformError;
		expect([quota.code, quota.retryable]).toEqual(['quotaExceeded', false]);
		sandbox.clearFaults();
		const key = 'AIzaWrongKey-000000000000000000000000';
		const bad = (await reader({ apiKey: key }).commentsOf(watched(truth.videoId(busiest))).catch((e) => e)) as PlatformError;
		expect(bad.code).toBe('keyInvalid');
		expect(bad.describe()).not.toContain(key);
		const budget = (await reader({ pageSize: 1, maxPages: 10, maxUnits: 2 }).commentsOf(watched(truth.videoId(busiest))).catch((e) => e)) as PlatformError;
		expect(budget.code).toBe('QUOTA_BUDGET');
	});

	it('sees a comment inserted through the control route, first', async () => {
		const video = truth.uploads(brand.id)[0];
		const inserted = await control({ videoId: truth.videoId(video), text: 'Refund still not processed 😡 退款还没到' });
		const mentions = await reader().commentsOf(watched(truth.videoId(video)));
		expect(mentions[0]).toMatchObject({ id: inserted.id, text: 'Refund still not processed 😡 退款还没到' });
	});
});
