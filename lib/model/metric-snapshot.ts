import { z } from 'zod';
import { CountSchema, DateOnlySchema, InstantSchema, PlatformSchema, TimeZoneSchema } from './common';

/**
 * One observation of an account's or a post's numbers over a period.
 * Account snapshots have no postId; post snapshots carry the post's id on the platform.
 * `periodStart`/`periodEnd` are calendar days (inclusive) in `timezone`; a daily snapshot has both equal.
 * Counters the platform did not report are absent, never 0.
 */
export const MetricSnapshotSchema = z.object({
	platform: PlatformSchema,
	accountId: z.string().min(1),
	accountName: z.string().optional(),
	postId: z.string().min(1).optional(),
	postTitle: z.string().optional(),
	publishedAt: InstantSchema.optional(),
	periodStart: DateOnlySchema,
	periodEnd: DateOnlySchema,
	timezone: TimeZoneSchema,
	/** `day`: the counters cover the period only; `cumulative`: totals up to periodEnd. */
	window: z.enum(['day', 'period', 'cumulative']),
	followers: CountSchema.optional(),
	newFollowers: CountSchema.optional(),
	lostFollowers: CountSchema.optional(),
	netFollowers: z.number().finite().optional(),
	views: CountSchema.optional(),
	uniqueViewers: CountSchema.optional(),
	likes: CountSchema.optional(),
	comments: CountSchema.optional(),
	shares: CountSchema.optional(),
	saves: CountSchema.optional(),
	clicks: CountSchema.optional(),
	conversions: CountSchema.optional(),
	completionRate: z.number().min(0).max(1).optional(),
	avgWatchSeconds: CountSchema.optional(),
	/** Derived rates (0..1), defined in lib/report/metrics.ts (engagement by views and by followers, growth, share rate). */
	rates: z.record(z.string(), z.number().finite()).optional(),
	/** Platform-only counters: WeChat 在看 (`zaikan`), Bilibili `coins`/`danmaku`, X `quotes` ... */
	extra: z.record(z.string(), z.union([z.number().finite(), z.string(), z.record(z.string(), z.number())])).optional(),
	collectedAt: InstantSchema,
	/** Where the numbers came from, e.g. `wechat_oa:datacube/getusersummary` or `export:csv`. */
	source: z.string().min(1),
});
export type MetricSnapshot = z.infer<typeof MetricSnapshotSchema>;

/** Counter fields shared by every platform, in a stable order (used by reports and exports). */
export const METRIC_COUNTERS = [
	'followers',
	'newFollowers',
	'lostFollowers',
	'netFollowers',
	'views',
	'uniqueViewers',
	'likes',
	'comments',
	'shares',
	'saves',
	'clicks',
	'conversions',
] as const;
export type MetricCounter = (typeof METRIC_COUNTERS)[number];
