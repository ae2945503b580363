import type { Media, Platform } from '../model';
import type { ComplianceSeverity } from './finding';
import type { LengthUnit } from './text-length';

export interface FieldLimit {
	field: 'title' | 'body' | 'digest';
	max: number;
	unit: LengthUnit;
	/** Links count as this many units (X and Mastodon shorten or reserve them). */
	urlLength?: number;
	/** Only when the post has media (`with_media`) or none (`without_media`), e.g. Telegram captions. */
	when?: 'with_media' | 'without_media';
	severity: ComplianceSeverity;
	source: string;
}

export interface MediaRule {
	/** At least one item of one of these types. */
	requiredTypes?: ReadonlyArray<Media['type']>;
	max?: number;
	/** A platform-side id (WeChat permanent `thumb_media_id`) is needed on an image. */
	requiresThumbMediaId?: boolean;
	source: string;
}

export interface PlatformRules {
	limits: readonly FieldLimit[];
	requiredFields?: ReadonlyArray<'title' | 'body'>;
	media?: MediaRule;
	/** Hosts links in the body may point to; others are findings. */
	bodyLinkHosts?: readonly string[];
	bodyLinkSource?: string;
}

const WECHAT_DRAFT_ADD = 'developers.weixin.qq.com/doc/service/api/draftbox/draftmanage/api_draft_add';
const ASSUMPTION = 'assumption';
const WEIBO_SHARE = 'open.weibo.com/wiki/2/statuses/share';

/**
 * Per-platform limits in one table. `source` is the document the number comes from, or
 * "assumption" where no current official document was checked; the docs win when they differ.
 */
export const PLATFORM_RULES: Partial<Record<Platform, PlatformRules>> = {
	wechat_oa: {
		limits: [
			{ field: 'title', max: 32, unit: 'chars', severity: 'error', source: `${WECHAT_DRAFT_ADD} (标题，总长度不超过32个字)` },
			{
				field: 'digest',
				max: 120,
				unit: 'chars',
				severity: 'error',
				source: `${WECHAT_DRAFT_ADD} says 128 (摘要，总长度不超过128个字); developers report the editor enforces 120, the stricter is used`,
			},
			{ field: 'body', max: 19_999, unit: 'chars', severity: 'error', source: `${WECHAT_DRAFT_ADD} (content 必须少于2万字符)` },
			{ field: 'body', max: 1_048_575, unit: 'bytes', severity: 'error', source: `${WECHAT_DRAFT_ADD} (content 小于1M)` },
		],
		requiredFields: ['title', 'body'],
		media: { requiredTypes: ['image'], requiresThumbMediaId: true, source: `${WECHAT_DRAFT_ADD} (thumb_media_id 必填, 永久素材 MediaID)` },
		bodyLinkHosts: ['mp.weixin.qq.com'],
		bodyLinkSource: `${ASSUMPTION}: article bodies only keep mp.weixin.qq.com links clickable; external image URLs are filtered (${WECHAT_DRAFT_ADD}); use 阅读原文 (content_source_url) for an outside link`,
	},
	weibo: {
		// Posting goes through the open API's statuses/share (the only posting API left to third-party apps), so its
		// limit is the one that matters, not the 2,000/5,000 characters of the Weibo app.
		limits: [
			{
				field: 'body',
				max: 140,
				unit: 'chars',
				severity: 'error',
				source: `${WEIBO_SHARE} (status: 内容不超过140个汉字). Every character counts as one 汉字 and links at full length, stricter than Weibo's half-counting of half-width characters and its t.cn links`,
			},
		],
		requiredFields: ['body'],
		// The same doc requires a link under the app's safe domain (安全域名) and forbids #话题词#: the domain is per app,
		// so the Weibo publisher checks both against the credential before posting.
		media: { max: 1, source: `${WEIBO_SHARE} (one pic: JPEG, GIF or PNG under 5 MB, multipart/form-data)` },
	},
	x: {
		limits: [{ field: 'body', max: 280, unit: 'x_weighted', urlLength: 23, severity: 'error', source: 'developer.x.com counting-characters; twitter-text config v3' }],
		media: { max: 4, source: 'developer.x.com POST /2/tweets media.media_ids (1-4)' },
	},
	mastodon: {
		limits: [{ field: 'body', max: 500, unit: 'chars', urlLength: 23, severity: 'error', source: 'docs.joinmastodon.org /api/v2/instance max_characters (default 500), characters_reserved_per_url 23; instance-configurable' }],
		media: { max: 4, source: 'docs.joinmastodon.org /api/v2/instance max_media_attachments (default 4)' },
	},
	bluesky: {
		limits: [
			{ field: 'body', max: 300, unit: 'graphemes', severity: 'error', source: 'atproto lexicon app.bsky.feed.post text maxGraphemes 300' },
			{ field: 'body', max: 3000, unit: 'bytes', severity: 'error', source: 'atproto lexicon app.bsky.feed.post text maxLength 3000' },
		],
		media: { max: 4, source: 'atproto lexicon app.bsky.embed.images images maxLength 4' },
	},
	telegram: {
		limits: [
			{ field: 'body', max: 4096, unit: 'utf16', when: 'without_media', severity: 'error', source: 'core.telegram.org/bots/api#sendmessage (text 1-4096 characters)' },
			{ field: 'body', max: 1024, unit: 'utf16', when: 'with_media', severity: 'error', source: 'core.telegram.org/bots/api#sendphoto (caption 0-1024 characters)' },
		],
		media: { max: 10, source: 'core.telegram.org/bots/api#sendmediagroup (2-10 items)' },
	},
	xiaohongshu: {
		limits: [
			{ field: 'title', max: 20, unit: 'chars', severity: 'error', source: ASSUMPTION },
			{ field: 'body', max: 1000, unit: 'chars', severity: 'error', source: ASSUMPTION },
		],
		media: { requiredTypes: ['image', 'video'], max: 18, source: ASSUMPTION },
	},
	douyin: { limits: [], media: { requiredTypes: ['video', 'image'], source: ASSUMPTION } },
	kuaishou: { limits: [], media: { requiredTypes: ['video'], source: ASSUMPTION } },
	bilibili: {
		limits: [{ field: 'title', max: 80, unit: 'chars', severity: 'error', source: ASSUMPTION }],
		requiredFields: ['title'],
		media: { requiredTypes: ['video'], source: ASSUMPTION },
	},
	youtube: {
		limits: [
			{ field: 'title', max: 100, unit: 'chars', severity: 'error', source: 'developers.google.com/youtube/v3/docs/videos (snippet.title max 100 characters)' },
			{ field: 'body', max: 5000, unit: 'bytes', severity: 'error', source: 'developers.google.com/youtube/v3/docs/videos (snippet.description max 5000 bytes)' },
		],
		requiredFields: ['title'],
		media: { requiredTypes: ['video'], source: 'a YouTube upload is a video' },
	},
	instagram: {
		limits: [{ field: 'body', max: 2200, unit: 'chars', severity: 'error', source: ASSUMPTION }],
		media: { requiredTypes: ['image', 'video'], max: 10, source: ASSUMPTION },
	},
};
