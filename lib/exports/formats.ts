import type { Platform } from '../model';
import { normaliseHeader, type TargetField } from './aliases';

/**
 * The back-office export formats we recognise. None of these files is documented by its platform: the
 * header sets below are ASSUMPTIONS from the exports as operations teams commonly receive them
 * (公众号后台, 抖音创作者服务中心, 小红书创作中心, B站创作中心, 微博数据助手) and will drift when a platform
 * renames a column. Detection therefore scores by overlap, never by exact equality, and a user mapping
 * always wins over it.
 */
export const EXPORT_FORMAT_IDS = [
	'wechat_oa_user_growth',
	'wechat_oa_content_trend',
	'wechat_oa_articles',
	'douyin_works',
	'douyin_overview',
	'xiaohongshu_notes',
	'bilibili_videos',
	'weibo_posts',
	'weibo_fans',
	'generic_zh',
	'generic_en',
] as const;
export type ExportFormatId = (typeof EXPORT_FORMAT_IDS)[number];

export interface ExportFormat {
	id: ExportFormatId;
	/** The platform the export comes from; generic formats have none (`manual` unless the user says). */
	platform?: Platform;
	label: string;
	/** The headers this export is assumed to have. */
	signature: string[];
	/** Columns this format means differently from the alias table. */
	overrides?: Record<string, TargetField>;
}

/**
 * WeChat's API adapter reports `views`/`shares`/`saves` as people (read_user, share_user ...), and an
 * imported day must mean the same as a collected one (they share a key and upsert each other). So in WeChat
 * exports the 人数 columns fill the core fields and the 次数 columns go to extra.
 */
const WECHAT_PEOPLE_NOT_TIMES: Record<string, TargetField> = {
	阅读人数: 'views',
	总阅读人数: 'views',
	阅读次数: 'extra.readCount',
	总阅读次数: 'extra.readCount',
	分享人数: 'shares',
	总分享人数: 'shares',
	分享次数: 'extra.shareCount',
	总分享次数: 'extra.shareCount',
	收藏人数: 'saves',
	收藏次数: 'extra.saveCount',
	点赞人数: 'likes',
	点赞次数: 'extra.likeCount',
	阅读原文人数: 'extra.readOriginalUsers',
};

export const EXPORT_FORMATS: ExportFormat[] = [
	{
		id: 'wechat_oa_user_growth',
		platform: 'wechat_oa',
		label: 'WeChat OA 用户分析 → 用户增长',
		signature: ['时间', '新关注人数', '取消关注人数', '净增关注人数', '累积关注人数'],
	},
	{
		id: 'wechat_oa_content_trend',
		platform: 'wechat_oa',
		label: 'WeChat OA 内容分析 → 数据趋势 (per day)',
		signature: ['日期', '阅读次数', '阅读人数', '分享次数', '分享人数', '阅读原文次数', '阅读原文人数', '收藏次数', '收藏人数'],
		overrides: WECHAT_PEOPLE_NOT_TIMES,
	},
	{
		id: 'wechat_oa_articles',
		platform: 'wechat_oa',
		label: 'WeChat OA 内容分析 → 已群发内容 (per article)',
		signature: ['内容标题', '发表时间', '总阅读人数', '总阅读次数', '总分享人数', '总分享次数', '阅读后关注人数', '送达人数', '在看人数', '点赞人数', '留言人数', '阅读完成率'],
		overrides: WECHAT_PEOPLE_NOT_TIMES,
	},
	{
		id: 'douyin_works',
		platform: 'douyin',
		label: 'Douyin 创作者服务中心 → 作品数据 (per video)',
		signature: ['作品名称', '发布时间', '体裁', '播放量', '完播率', '平均播放时长', '点赞量', '评论量', '分享量', '收藏量', '粉丝增量', '主页访问量'],
	},
	{
		id: 'douyin_overview',
		platform: 'douyin',
		label: 'Douyin 创作者服务中心 → 数据总览 (per day)',
		signature: ['日期', '作品播放量', '主页访问量', '点赞量', '评论量', '分享量', '新增粉丝', '取关粉丝', '净增粉丝', '粉丝总量'],
	},
	{
		id: 'xiaohongshu_notes',
		platform: 'xiaohongshu',
		label: 'Xiaohongshu 创作中心 → 笔记数据 (per note)',
		signature: ['笔记标题', '首次发布时间', '体裁', '曝光', '观看量', '封面点击率', '点赞', '评论', '收藏', '分享', '涨粉', '人均观看时长'],
	},
	{
		id: 'bilibili_videos',
		platform: 'bilibili',
		label: 'Bilibili 创作中心 → 稿件数据 (per video)',
		signature: ['稿件标题', 'BV号', '发布时间', '播放量', '点赞', '投币', '收藏', '分享', '弹幕', '评论', '涨粉', '完播率'],
	},
	{
		id: 'weibo_posts',
		platform: 'weibo',
		label: 'Weibo 数据助手 → 博文数据 (per post)',
		signature: ['微博内容', '发布时间', '阅读数', '转发数', '评论数', '点赞数', '互动数'],
	},
	{
		id: 'weibo_fans',
		platform: 'weibo',
		label: 'Weibo 数据助手 → 粉丝分析 (per day)',
		signature: ['日期', '粉丝总数', '新增粉丝数', '取关人数', '净增粉丝数'],
	},
	{ id: 'generic_zh', label: 'Generic Chinese headers (通用中文表头)', signature: [] },
	{ id: 'generic_en', label: 'Generic English headers', signature: [] },
];

const FORMAT_BY_ID = new Map(EXPORT_FORMATS.map((f) => [f.id, f]));

export function exportFormat(id: ExportFormatId): ExportFormat {
	const format = FORMAT_BY_ID.get(id);
	if (!format) throw new Error(`unknown export format "${id}"`);
	return format;
}

export function isExportFormatId(id: string): id is ExportFormatId {
	return FORMAT_BY_ID.has(id as ExportFormatId);
}

/** A platform format is chosen when at least this share of its signature headers is present. */
export const MIN_FORMAT_CONFIDENCE = 0.6;

/**
 * Picks the format whose assumed headers the file has most of. `confidence` is the share of the signature
 * present (0..1); for the generic fallback it is the share of the file's headers the alias table knows.
 * With a platform given, only that platform's formats (and the generic ones) compete.
 */
export function detectExportFormat(
	headers: string[],
	recognised: (header: string) => boolean,
	platform?: Platform,
): { format: ExportFormat; confidence: number } {
	const present = new Set(headers.map(normaliseHeader));
	let best: { format: ExportFormat; confidence: number } | undefined;
	for (const format of EXPORT_FORMATS) {
		if (!format.signature.length || (platform && format.platform !== platform)) continue;
		const hits = format.signature.filter((h) => present.has(normaliseHeader(h))).length;
		const confidence = round(hits / format.signature.length);
		if (!best || confidence > best.confidence) best = { format, confidence };
	}
	if (best && best.confidence >= MIN_FORMAT_CONFIDENCE) return best;
	const named = headers.filter((h) => h.trim() !== '' && !/^__EMPTY/.test(h));
	const known = named.filter(recognised).length;
	const chinese = named.some((h) => /[\u4e00-\u9fff]/.test(h));
	return { format: exportFormat(chinese ? 'generic_zh' : 'generic_en'), confidence: named.length ? round(known / named.length) : 0 };
}

function round(n: number): number {
	return Math.round(n * 100) / 100;
}
