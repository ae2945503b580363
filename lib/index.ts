/**
 * MediaOps core: the public API of `n8n-nodes-mediaops` outside n8n (`require('n8n-nodes-mediaops')`
 * resolves to dist/lib/index.js). Plain TypeScript; nothing here imports n8n.
 */
export * from './model';
export * from './errors';
export * from './http/http-client';
export { createAxiosHttpClient } from './http/axios-client';
export * from './http/retry';
export * from './http/rate-limiter';
export * from './time/date-range';
export * from './text/pattern-matcher';
export * from './sentiment';
export * from './risk';
export * from './report';
export * from './schedule';
export * from './compliance';
export * from './platforms/types';
export { WechatOaMetricsAdapter, WECHAT_MAX_SPAN_DAYS, WECHAT_TIMEZONE, WECHAT_USER_SOURCES } from './platforms/wechat-oa';
export { WechatOaApi, WECHAT_DEFAULT_BASE_URL, type WechatOaCredentials } from './platforms/wechat-oa-api';
export * from './metrics/snapshot-row';
export { JsonApi, retryAfterFromHeaders, toCount } from './platforms/http-json';
export { BilibiliMetricsAdapter, BILIBILI_DEFAULT_BASE_URL, BILIBILI_TIMEZONE, type BilibiliOptions } from './platforms/bilibili';
export { BlueskyMetricsAdapter, BLUESKY_DEFAULT_BASE_URL, BLUESKY_MAX_PAGE, type BlueskyOptions } from './platforms/bluesky';
export { MastodonMetricsAdapter, MASTODON_PAGE_LIMIT, type MastodonOptions } from './platforms/mastodon';
export { YoutubeMetricsAdapter, YOUTUBE_DAILY_QUOTA_UNITS, YOUTUBE_MAX_IDS_PER_CALL, YOUTUBE_UNIT_COST, type YoutubeOptions } from './platforms/youtube';
export { WeiboMetricsAdapter, WEIBO_MAX_COUNT, WEIBO_TIMEZONE, parseWeiboTime, type WeiboOptions } from './platforms/weibo';
export { XMetricsAdapter, X_MAX_IDS_PER_CALL, X_MAX_RESULTS, type XOptions } from './platforms/x';
export * from './exports';
export { DouyinMetricsAdapter, DOUYIN_MAX_DAYS, DOUYIN_PAGE_SIZE, DOUYIN_TIMEZONE, type DouyinOptions } from './platforms/douyin';
export { loadSeenIds, takeUnseen, emptySeenIds, type SeenIdsState, type SeenIdsOptions } from './polling/seen-ids';
export { listRecentPosts, checkWatchWindow, MAX_WATCH_DAYS, MAX_WATCHED_POSTS, type WatchedPost, type WatchWindow } from './polling/watched-posts';
export { commentsOnPosts, sortOldestFirst, type CommentSource, type CommentPollOptions } from './polling/comment-source';
export { listWechatComments, recentWechatArticles, wechatMsgId, parseWechatMsgId, type WechatArticleRef, type WechatCommentType } from './platforms/wechat-oa-comments';
export { WeiboComments, weiboPostUrl, WEIBO_COMMENTS_MAX_COUNT, type WeiboCommentsOptions } from './platforms/weibo-comments';
export { YoutubeComments, youtubePostUrl, YOUTUBE_COMMENT_PAGE_MAX, type YoutubeCommentsOptions } from './platforms/youtube-comments';
export { MastodonComments, type MastodonCommentsOptions } from './platforms/mastodon-comments';
export { BlueskyComments, blueskyPostUrl, type BlueskyCommentsOptions } from './platforms/bluesky-comments';
export { XMentions, xPostUrl, X_MENTIONS_PAGE_MAX, type XMentionsOptions } from './platforms/x-mentions';
export { DouyinComments, DOUYIN_COMMENT_PAGE, type DouyinCommentsOptions } from './platforms/douyin-comments';
