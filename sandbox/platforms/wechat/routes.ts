/**
 * WeChat Official Account API routes: tokens, datacube (user and article analytics) and comments,
 * at the real paths with the real parameters, field names and error codes.
 */
import { addDays, dateRange, dayNumber, isIsoDate } from '../../dates';
import { RouteHandler, SandboxRequest, SandboxResponse, parseJsonObject } from '../../platform';
import { ARTICLE_LIFETIME_DAYS, ArticleTotals, DATA_START_DATE, ReadScene, WechatDataset, findAccount } from './data';
import { wxError } from './errors';
import { WechatTokenStore } from './tokens';

/**
 * Longest begin_date..end_date span (days, inclusive) each datacube endpoint accepts; more is
 * errcode 61501 "date range error".
 * - Documented (数据统计 docs, "最大时间跨度"): getusersummary 7, getusercumulate 7,
 *   getarticlesummary 1, getarticletotal 1.
 * - ASSUMPTION: the 2025 endpoints' pages (api_getarticleread, api_getbizsummary,
 *   api_getarticletotaldetail) state no span limit, only "end_date 最大值为昨日". We give each the
 *   limit of the legacy endpoint it replaces: getarticleread ← getarticlesummary (1),
 *   getbizsummary ← getuserread (3), getarticletotaldetail ← getarticletotal (1).
 *   (getarticletotaldetail's "最大30天" is the per-article statistics period, not the query span.)
 */
export const DATACUBE_MAX_SPAN_DAYS: Record<string, number> = {
	'/datacube/getusersummary': 7,
	'/datacube/getusercumulate': 7,
	'/datacube/getarticlesummary': 1,
	'/datacube/getarticletotal': 1,
	'/datacube/getarticleread': 1, // assumption, see above
	'/datacube/getbizsummary': 3, // assumption, see above
	'/datacube/getarticletotaldetail': 1, // assumption, see above
};

/** getarticletotal reports each article for up to 7 days after publishing (legacy doc). */
const ARTICLE_TOTAL_DAYS = 7;

const ok = (body: unknown): SandboxResponse => ({ body });

type Authorized = { appId: string };

/**
 * `deletedArticles`: msgids ("<msg_data_id>_<1-based index>") deleted since publishing. comment/list answers 88001
 * "msg_data is not exists" (该图文不存在, the comment API's code for an article that does not exist) for them
 * (ASSUMPTION: the docs do not say that a deleted article answers it); the datacube still lists them, as its rows are
 * history.
 */
export function createWechatRoutes(data: WechatDataset, tokens: WechatTokenStore, deletedArticles: ReadonlySet<string> = new Set()): Record<string, RouteHandler> {
	/** Every business endpoint takes ?access_token=: 41001 missing, 40001 unknown, 42001 expired. */
	function authorize(request: SandboxRequest): Authorized | SandboxResponse {
		const token = request.query.get('access_token');
		if (!token) return wxError('accessTokenMissing');
		const check = tokens.check(token);
		if (!check.ok) return wxError(check.reason === 'expired' ? 'accessTokenExpired' : 'invalidCredential');
		return { appId: check.appid };
	}

	/** POST with a JSON object body, after the token check. */
	function postJson(
		handler: (appId: string, body: Record<string, unknown>) => SandboxResponse,
	): RouteHandler {
		return (request) => {
			const auth = authorize(request);
			if (!('appId' in auth)) return auth;
			if (request.method !== 'POST') return wxError('requirePost');
			if (request.rawBody.trim() === '') return wxError('emptyPostData');
			const body = parseJsonObject(request.rawBody);
			if (!body) return wxError('dataFormatError');
			return handler(auth.appId, body);
		};
	}

	/**
	 * The datacube date rules: yyyy-MM-dd or 61500; begin ≤ end, span ≤ the table above and
	 * end ≤ yesterday (Asia/Shanghai) or 61501; days before 2014-12-01 hold no data.
	 */
	function datacube(path: string, build: (appId: string, dates: string[]) => unknown[], withDelayFlag: boolean): RouteHandler {
		const maxSpan = DATACUBE_MAX_SPAN_DAYS[path];
		return postJson((appId, body) => {
			const { begin_date: begin, end_date: end } = body;
			if (!isIsoDate(begin) || !isIsoDate(end)) return wxError('dateFormatError');
			const span = dayNumber(end) - dayNumber(begin) + 1;
			if (span < 1 || span > maxSpan || end > data.yesterday()) return wxError('dateRangeError');
			const dates = dateRange(begin < DATA_START_DATE ? DATA_START_DATE : begin, end);
			const list = build(appId, dates);
			return ok(withDelayFlag ? { list, is_delay: false } : { list });
		});
	}

	/** Stat dates an article reports: from its publish date for `days` days, never past yesterday. */
	function statDates(publishDate: string, days: number): string[] {
		const last = addDays(publishDate, days - 1);
		const yesterday = data.yesterday();
		return dateRange(publishDate, last < yesterday ? last : yesterday);
	}

	function credentialsError(appid: unknown, secret: unknown): SandboxResponse | undefined {
		if (typeof appid !== 'string' || appid === '') return wxError('appIdMissing');
		if (typeof secret !== 'string' || secret === '') return wxError('appSecretMissing');
		const account = findAccount(appid);
		if (!account) return wxError('invalidAppId');
		if (account.appSecret !== secret) return wxError('invalidAppSecret');
		return undefined;
	}

	return {
		'/cgi-bin/token': (request) => {
			if (request.method !== 'GET') return wxError('requireGet');
			const query = request.query;
			if (query.get('grant_type') !== 'client_credential') return wxError('invalidGrantType');
			const appid = query.get('appid') ?? '';
			return credentialsError(appid, query.get('secret') ?? '') ?? ok(tokens.issueLegacy(appid));
		},

		'/cgi-bin/stable_token': (request) => {
			if (request.method !== 'POST') return wxError('requirePost');
			const body = parseJsonObject(request.rawBody);
			if (!body) return wxError(request.rawBody.trim() === '' ? 'emptyPostData' : 'dataFormatError');
			if (body.grant_type !== 'client_credential') return wxError('invalidGrantType');
			const problem = credentialsError(body.appid, body.secret);
			if (problem) return problem;
			return ok(tokens.stable(body.appid as string, body.force_refresh === true));
		},

		'/datacube/getusersummary': datacube(
			'/datacube/getusersummary',
			(appId, dates) => dates.flatMap((date) => data.userDay(appId, date)),
			false,
		),

		// The live API also returns user_source: 0 on every row (community reports), so we do too.
		'/datacube/getusercumulate': datacube(
			'/datacube/getusercumulate',
			(appId, dates) => dates.map((date) => ({ ref_date: date, user_source: 0, cumulate_user: data.cumulate(appId, date) })),
			false,
		),

		'/datacube/getarticleread': datacube(
			'/datacube/getarticleread',
			(appId, dates) =>
				dates.flatMap((date) =>
					data.articlesReadOn(appId, date).map(({ article, stats }) => ({
						ref_date: date,
						msgid: article.msgid,
						detail: { read_user: stats.read_user, read_user_source: stats.read_user_source },
					})),
				),
			true,
		),

		'/datacube/getbizsummary': datacube(
			'/datacube/getbizsummary',
			(appId, dates) =>
				dates.map((date) => {
					const { ref_date, ...detail } = data.bizDay(appId, date);
					return { ref_date, detail };
				}),
			true,
		),

		'/datacube/getarticletotaldetail': datacube(
			'/datacube/getarticletotaldetail',
			(appId, dates) =>
				data.articlesPublished(appId, dates[0] ?? '9999-12-31', dates[dates.length - 1] ?? '0000-01-01').map((article) => ({
					ref_date: article.publishDate,
					msgid: article.msgid,
					publish_type: article.publishType,
					title: article.title,
					content_url: article.contentUrl,
					// Each entry sums what the article gathered from its publish date to stat_date.
					detail_list: statDates(article.publishDate, ARTICLE_LIFETIME_DAYS).map((statDate) =>
						totalDetailEntry(data.articleTotals(appId, article.msgid, statDate) as ArticleTotals),
					),
				})),
			true,
		),

		'/datacube/getarticlesummary': datacube(
			'/datacube/getarticlesummary',
			(appId, dates) =>
				dates.flatMap((date) =>
					data
						.articlesReadOn(appId, date)
						.map(({ article, stats }) => ({
							ref_date: date,
							msgid: article.msgid,
							title: article.title,
							int_page_read_user: stats.read_user,
							int_page_read_count: stats.read_count,
							ori_page_read_user: stats.ori_page_read_user,
							ori_page_read_count: stats.ori_page_read_count,
							share_user: stats.share_user,
							share_count: stats.share_count,
							add_to_fav_user: stats.collection_user,
							add_to_fav_count: stats.collection_user,
						}))
						// "只有中间页阅读人数+原文页阅读人数+分享转发人数+分享转发次数+收藏次数 >=3 的结果才会得到统计".
						.filter(
							(row) =>
								row.int_page_read_user + row.ori_page_read_user + row.share_user + row.share_count + row.add_to_fav_count >= 3,
						),
				),
			false,
		),

		'/datacube/getarticletotal': datacube(
			'/datacube/getarticletotal',
			(appId, dates) =>
				dates.flatMap((date) =>
					data.articlesPublished(appId, date, date).map((article) => ({
						ref_date: date,
						msgid: article.msgid,
						title: article.title,
						url: article.contentUrl,
						user_source: 0,
						details: statDates(date, ARTICLE_TOTAL_DAYS).map((statDate) =>
							legacyTotalEntry(
								data.articleTotals(appId, article.msgid, statDate) as ArticleTotals,
								data.cumulate(appId, addDays(date, -1)),
							),
						),
					})),
				),
			false,
		),

		'/cgi-bin/comment/list': postJson((appId, body) => {
			const msgDataId = Number(body.msg_data_id);
			const index = body.index === undefined ? 0 : Number(body.index);
			const { begin, count } = body;
			const type = body.type === undefined ? 0 : Number(body.type);
			// "count: 获取数目（>=50会被拒绝）" → 88010.
			if (typeof count !== 'number' || !Number.isInteger(count) || count <= 0 || count >= 50) {
				return wxError('commentCountRangeError');
			}
			if (!Number.isInteger(msgDataId) || !Number.isInteger(index) || index < 0) return wxError('dataFormatError');
			if (typeof begin !== 'number' || !Number.isInteger(begin) || begin < 0) return wxError('dataFormatError');
			if (![0, 1, 2].includes(type)) return wxError('dataFormatError');
			const article = data.article(`${msgDataId}_${index + 1}`);
			const all = article && article.appId === appId && !deletedArticles.has(article.msgid) ? data.comments(msgDataId, index) : undefined;
			if (!all) return wxError('msgDataNotExists');
			// type 0 = normal and elected, 1 = normal only, 2 = elected (精选) only.
			const matching = type === 0 ? all : all.filter((comment) => comment.comment_type === (type === 2 ? 1 : 0));
			return ok({ errcode: 0, errmsg: 'ok', total: matching.length, comment: matching.slice(begin, begin + count) });
		}),
	};
}

function totalDetailEntry(totals: ArticleTotals): Record<string, unknown> {
	return {
		stat_date: totals.stat_date,
		read_user: totals.read_user,
		read_user_source: totals.read_user_source,
		share_user: totals.share_user,
		zaikan_user: totals.zaikan_user,
		like_user: totals.like_user,
		comment_count: totals.comment_count,
		collection_user: totals.collection_user,
		praise_money: totals.praise_money,
		read_subscribe_user: totals.read_subscribe_user,
		read_delivery_rate: totals.read_delivery_rate,
		read_finish_rate: totals.read_finish_rate,
		read_avg_activetime: totals.read_avg_activetime,
	};
}

/** The legacy getarticletotal detail: cumulative, with reads split by where they came from. */
function legacyTotalEntry(totals: ArticleTotals, targetUser: number): Record<string, unknown> {
	const scene = (name: ReadScene): number => totals.read_user_source.find((s) => s.scene_desc === name)?.user_count ?? 0;
	const perUser = totals.read_user === 0 ? 1 : totals.read_count / totals.read_user;
	const users = {
		session: scene('公众号消息'),
		hist_msg: scene('公众号主页'),
		feed: scene('朋友圈'),
		friends: scene('聊天会话'),
		other: scene('推荐') + scene('搜一搜') + scene('其他'),
	};
	const entry: Record<string, unknown> = {
		stat_date: totals.stat_date,
		target_user: targetUser,
		int_page_read_user: totals.read_user,
		int_page_read_count: totals.read_count,
		ori_page_read_user: totals.ori_page_read_user,
		ori_page_read_count: totals.ori_page_read_count,
		share_user: totals.share_user,
		share_count: totals.share_count,
		add_to_fav_user: totals.collection_user,
		add_to_fav_count: totals.collection_user,
	};
	for (const [key, value] of Object.entries(users)) {
		entry[`int_page_from_${key}_read_user`] = value;
		entry[`int_page_from_${key}_read_count`] = Math.round(value * perUser);
	}
	return entry;
}
