import type { Platform } from '../model';
import { BILIBILI_TIMEZONE } from './bilibili';
import { DOUYIN_TIMEZONE } from './douyin';
import { WECHAT_TIMEZONE } from './wechat-oa';
import { WEIBO_TIMEZONE } from './weibo';

/**
 * Platforms that cut their daily data in a zone of their own: WeChat datacube, Weibo, Douyin and Bilibili
 * report per Beijing day, so their days are read in China time whatever the caller's zone.
 */
export const PLATFORM_DAY_ZONES: Partial<Record<Platform, string>> = {
	wechat_oa: WECHAT_TIMEZONE,
	weibo: WEIBO_TIMEZONE,
	douyin: DOUYIN_TIMEZONE,
	bilibili: BILIBILI_TIMEZONE,
};

/**
 * The IANA zone a metrics range's days are read in: the platform's own where it has one, else `fallbackZone`
 * (in n8n the workflow's time zone). Mastodon, Bluesky, X and YouTube only report counters and timestamps, so a
 * "day" there is the caller's.
 */
export function metricsDayZone(platform: Platform, fallbackZone: string): string {
	return PLATFORM_DAY_ZONES[platform] ?? fallbackZone;
}
