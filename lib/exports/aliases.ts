/**
 * The one alias table: every column header we recognise, Chinese and English, and the MetricSnapshot
 * field it fills. Headers are compared after `normaliseHeader` (full-width folded, case, spaces,
 * punctuation and a trailing unit such as `(次)` or `(%)` removed), so `阅读量（次）` and `阅读量` are one.
 */

/** How a cell of a column is read. */
export type ValueKind = 'count' | 'signedCount' | 'rate' | 'duration' | 'date' | 'text' | 'numberOrText';

/** Snapshot fields an export column can fill, plus the row's date and identity. */
export const CORE_FIELDS = {
	date: 'date',
	publishedAt: 'date',
	postTitle: 'text',
	postId: 'text',
	accountId: 'text',
	accountName: 'text',
	followers: 'count',
	newFollowers: 'count',
	lostFollowers: 'count',
	netFollowers: 'signedCount',
	views: 'count',
	uniqueViewers: 'count',
	likes: 'count',
	comments: 'count',
	shares: 'count',
	saves: 'count',
	clicks: 'count',
	conversions: 'count',
	completionRate: 'rate',
	avgWatchSeconds: 'duration',
} as const satisfies Record<string, ValueKind>;
export type CoreField = keyof typeof CORE_FIELDS;

/** A column's destination: a core field, `extra.<key>` (platform-only counters), or `ignore`. */
export type TargetField = CoreField | `extra.${string}` | 'ignore';

export interface ColumnTarget {
	field: TargetField;
	kind: ValueKind;
}

type AliasEntry = [field: TargetField, aliases: string[], kind?: ValueKind];

const ALIAS_TABLE: AliasEntry[] = [
	['date', ['日期', '时间', '统计日期', '数据日期', '日期时间', '统计时间', '时间段', 'date', 'day', 'period', 'reportdate', 'statdate']],
	['publishedAt', ['发布时间', '发表时间', '首次发布时间', '发布日期', '发表日期', '群发时间', '创建时间', 'publishtime', 'publishedat', 'published', 'publishdate', 'postdate', 'posttime', 'createdat', 'videopublishtime']],
	['postTitle', ['标题', '内容标题', '文章标题', '作品名称', '作品标题', '作品', '笔记标题', '笔记名称', '稿件标题', '视频标题', '微博内容', '博文内容', '博文', 'title', 'posttitle', 'videotitle', 'content', 'post']],
	['postId', ['作品id', '笔记id', '视频id', '稿件id', 'bv号', 'bvid', 'av号', '微博id', '博文id', '文章id', 'msgid', '内容id', 'postid', 'videoid', 'contentid', 'id']],
	['accountId', ['账号id', '账户id', '公众号id', 'uid', '抖音号', '小红书号', 'accountid', 'channelid']],
	['accountName', ['账号', '账号名称', '账号昵称', '昵称', '公众号', '公众号名称', 'account', 'accountname', 'channel', 'channelname']],
	['views', ['阅读量', '阅读次数', '阅读数', '总阅读次数', '播放量', '播放次数', '播放数', '观看量', '观看次数', '观看数', '浏览量', '浏览次数', '浏览数', '作品播放量', '视频播放量', 'views', 'view', 'plays', 'playcount', 'videoviews', 'reads', 'pageviews']],
	['uniqueViewers', ['阅读人数', '总阅读人数', '观看人数', '播放人数', '浏览人数', 'uniqueviewers', 'uniqueviews', 'viewers', 'readers']],
	['likes', ['点赞', '点赞数', '点赞量', '点赞次数', '点赞人数', '获赞', '获赞数', '赞', 'likes', 'like', 'reactions']],
	['comments', ['评论', '评论数', '评论量', '评论次数', '评论人数', '留言', '留言数', '留言次数', '留言人数', 'comments', 'comment', 'replies']],
	['shares', ['分享', '分享数', '分享量', '分享次数', '分享人数', '总分享次数', '总分享人数', '转发', '转发数', '转发量', '转发次数', 'shares', 'share', 'reposts', 'retweets', 'forwards']],
	['saves', ['收藏', '收藏数', '收藏量', '收藏次数', '收藏人数', 'saves', 'save', 'bookmarks', 'favorites', 'favourites']],
	['followers', ['粉丝数', '粉丝总数', '粉丝量', '总粉丝数', '总粉丝量', '累计粉丝', '累计粉丝数', '累计关注人数', '累积关注人数', '总关注人数', '总用户数', '粉丝总量', 'followers', 'followercount', 'totalfollowers', 'subscribers', 'totalsubscribers']],
	['newFollowers', ['新增关注', '新增关注人数', '新关注人数', '新增粉丝', '新增粉丝数', '涨粉', '涨粉数', '涨粉量', '粉丝增量', 'newfollowers', 'follows', 'followersgained', 'subscribersgained']],
	['lostFollowers', ['取消关注', '取消关注人数', '取关', '取关数', '取关人数', '取关粉丝', '掉粉', '掉粉数', '粉丝减少', 'unfollows', 'lostfollowers', 'followerslost', 'subscriberslost']],
	['netFollowers', ['净增关注', '净增关注人数', '净增粉丝', '净增粉丝数', '粉丝净增', '粉丝净增量', '净涨粉', 'netfollowers', 'netfollows', 'netsubscribers', 'netfollowerchange']],
	['clicks', ['点击', '点击量', '点击次数', '点击数', 'clicks', 'linkclicks']],
	['conversions', ['转化', '转化数', '转化量', '转化次数', 'conversions']],
	['completionRate', ['完播率', '完读率', '阅读完成率', '完成率', '完整播放率', 'completionrate', 'completion']],
	['avgWatchSeconds', ['平均播放时长', '平均观看时长', '人均观看时长', '人均播放时长', '平均阅读时长', '人均阅读时长', 'avgwatchtime', 'averagewatchtime', 'averageviewduration', 'avgviewduration']],
	// Platform-only counters: kept, under extra, with stable English keys.
	['extra.zaikan', ['在看', '在看数', '在看人数', '在看次数']],
	['extra.coins', ['投币', '投币数', '硬币', '硬币数', 'coins']],
	['extra.danmaku', ['弹幕', '弹幕数', '弹幕量', 'danmaku']],
	['extra.impressions', ['曝光', '曝光量', '曝光数', '曝光次数', '展现量', '展示次数', 'impressions']],
	['extra.interactions', ['互动量', '互动数', '互动', '互动次数', 'interactions', 'engagements']],
	['extra.reportedEngagementRate', ['互动率', 'engagementrate'], 'rate'],
	['extra.coverClickRate', ['封面点击率', '点击率', 'ctr', 'clickthroughrate'], 'rate'],
	['extra.profileVisits', ['主页访问量', '主页访问', '主页访问次数', '主页访客', 'profilevisits']],
	['extra.delivered', ['送达人数', '送达数']],
	['extra.followsAfterReading', ['阅读后关注人数', '阅读后关注']],
	['extra.readOriginalClicks', ['阅读原文次数', '阅读原文点击次数']],
	['extra.directMessages', ['私信', '私信数', '私信人数', 'directmessages', 'dms']],
	['extra.quotes', ['引用', '引用数', 'quotes', 'quotetweets']],
	['extra.contentType', ['体裁', '内容类型', '作品类型', '笔记类型', 'contenttype', 'type', 'format'], 'text'],
	['extra.url', ['链接', '作品链接', '文章链接', '笔记链接', 'url', 'link', 'permalink'], 'text'],
];

/** Strips what varies between exports of the same column: width, case, spaces, punctuation, a trailing unit. */
export function normaliseHeader(header: string): string {
	return header
		.normalize('NFKC')
		.replace(/^\uFEFF/, '')
		.toLowerCase()
		.replace(/\s*[([【][^)\]】]*[)\]】]\s*$/, '')
		.replace(/[\s_\-.:：/]+/g, '');
}

const BY_HEADER = new Map<string, ColumnTarget>();
for (const [field, aliases, kind] of ALIAS_TABLE) {
	const target: ColumnTarget = { field, kind: kind ?? kindOf(field) };
	for (const alias of aliases) {
		const key = normaliseHeader(alias);
		if (BY_HEADER.has(key)) throw new Error(`alias "${alias}" listed twice`);
		BY_HEADER.set(key, target);
	}
}

/** The target of a header from the alias table, if any. */
export function lookupHeader(header: string): ColumnTarget | undefined {
	return BY_HEADER.get(normaliseHeader(header));
}

/** How values of a field are read: core fields by their type, extras as counts unless the table says otherwise. */
export function kindOf(field: TargetField): ValueKind {
	if (field === 'ignore') return 'text';
	if (field.startsWith('extra.')) return 'count';
	return CORE_FIELDS[field as CoreField];
}

/** Validates a user-mapping target: a core field name, `extra.<key>` or `ignore`. */
export function parseTargetField(value: string): TargetField | undefined {
	const v = value.trim();
	if (v === 'ignore' || v in CORE_FIELDS) return v as TargetField;
	if (/^extra\.[A-Za-z][A-Za-z0-9_]*$/.test(v)) return v as TargetField;
	return undefined;
}

/** Every header the table knows, by field (for documentation and tests). */
export function aliasesOf(field: TargetField): string[] {
	return ALIAS_TABLE.filter(([f]) => f === field).flatMap(([, aliases]) => aliases);
}
