import type { MetricsAdapter, PlatformContext } from '../../lib/platforms/types';
import { BilibiliMetricsAdapter } from '../../lib/platforms/bilibili';
import { BlueskyMetricsAdapter } from '../../lib/platforms/bluesky';
import { DouyinMetricsAdapter } from '../../lib/platforms/douyin';
import { MastodonMetricsAdapter } from '../../lib/platforms/mastodon';
import { WechatOaMetricsAdapter } from '../../lib/platforms/wechat-oa';
import { WeiboMetricsAdapter } from '../../lib/platforms/weibo';
import { XMetricsAdapter } from '../../lib/platforms/x';
import { YoutubeMetricsAdapter } from '../../lib/platforms/youtube';
import type { NodeParameters } from './nodeParameters';
import type { PlatformAccess } from './platformAccess';

/** What a read selects beyond the account: Engagement Metrics' Get Post Metrics fields. The trigger selects none. */
export interface PostSelection {
	bilibiliVideos?: string[];
	youtubeVideoIds?: string[];
	weiboStatusIds?: string[];
	xPostIds?: string[];
	/** Douyin's per-day video data (off unless selected). */
	douyinDailyItemData?: boolean;
}

/**
 * The core's metrics adapter (account metrics, post listing) for a platform, on the account named in the
 * platform's account field (accountProperty). Adding a platform adds one entry here and one in platformAccess.
 */
export function metricsAdapter(p: NodeParameters, access: PlatformAccess, common: PlatformContext, selection: PostSelection = {}): MetricsAdapter {
	switch (access.platform) {
		case 'wechatOa':
			return new WechatOaMetricsAdapter(access.credentials, common);
		case 'bilibili':
			return new BilibiliMetricsAdapter({ mid: p.text('bilibiliMid'), videos: selection.bilibiliVideos, ...access.credentials }, common);
		case 'bluesky':
			return new BlueskyMetricsAdapter({ actor: p.text('blueskyActor'), ...access.credentials }, common);
		case 'mastodon':
			return new MastodonMetricsAdapter({ ...access.credentials, account: p.text('mastodonAccount') }, common);
		case 'youtube':
			return new YoutubeMetricsAdapter({ ...access.credentials, channel: p.text('youtubeChannel'), videoIds: selection.youtubeVideoIds }, common);
		case 'weibo':
			return new WeiboMetricsAdapter({ ...access.credentials, account: p.text('weiboAccount'), statusIds: selection.weiboStatusIds }, common);
		case 'x':
			return new XMetricsAdapter({ ...access.credentials, username: p.text('xUsername'), postIds: selection.xPostIds }, common);
		case 'douyin':
			return new DouyinMetricsAdapter({ ...access.credentials, dailyItemData: selection.douyinDailyItemData ?? false }, common);
	}
}
