import { z } from 'zod';

/** Platforms the package speaks. `manual` covers back-office exports and hand-entered data. */
export const PLATFORMS = [
	'wechat_oa',
	'weibo',
	'douyin',
	'kuaishou',
	'xiaohongshu',
	'bilibili',
	'zhihu',
	'toutiao',
	'mastodon',
	'bluesky',
	'youtube',
	'x',
	'instagram',
	'telegram',
	'manual',
] as const;
export const PlatformSchema = z.enum(PLATFORMS);
export type Platform = z.infer<typeof PlatformSchema>;

/** True when `value` is one of {@link PLATFORMS}' ids (case-sensitive: `WeChat_OA` is not). */
export function isPlatform(value: unknown): value is Platform {
	return typeof value === 'string' && (PLATFORMS as readonly string[]).includes(value);
}

/** An ISO-8601 instant with an explicit offset or Z, e.g. `2026-03-01T09:00:00+08:00`. */
export const InstantSchema = z
	.string()
	.refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)), {
		message: 'must be an ISO-8601 instant with a time zone offset, e.g. 2026-03-01T09:00:00+08:00',
	});

/** A calendar day `yyyy-MM-dd`, meaningful together with a time zone. */
export const DateOnlySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date yyyy-MM-dd');

/** An IANA time zone name such as `Asia/Shanghai`. */
export const TimeZoneSchema = z.string().refine(isValidTimeZone, { message: 'must be an IANA time zone such as Asia/Shanghai' });

export function isValidTimeZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
		return zone.length > 0;
	} catch {
		return false;
	}
}

/** A non-negative counter. Counters are numbers, never strings. */
export const CountSchema = z.number().finite().nonnegative();
