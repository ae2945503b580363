import { metricsDayZone } from '../../../lib/platforms/day-zones';

describe('metricsDayZone', () => {
	it('keeps China time for platforms that cut their data per Beijing day, whatever the caller’s zone', () => {
		for (const platform of ['wechat_oa', 'weibo', 'douyin', 'bilibili'] as const) expect(metricsDayZone(platform, 'America/New_York')).toBe('Asia/Shanghai');
	});

	it('uses the caller’s zone (the workflow’s) for platforms with no day of their own', () => {
		for (const platform of ['mastodon', 'bluesky', 'x', 'youtube'] as const) expect(metricsDayZone(platform, 'Europe/Berlin')).toBe('Europe/Berlin');
	});
});
