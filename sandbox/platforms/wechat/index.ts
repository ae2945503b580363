/**
 * The WeChat Official Account platform for the sandbox: routes at the real paths, the seeded truth,
 * and a control route `/__sandbox/wechat/truth` that serves that truth as JSON for out-of-process tests;
 * `/__sandbox/wechat/deleted` deletes an article (comment/list then answers 88001).
 */
import { addDays, dateRange, dayNumber, isIsoDate } from '../../dates';
import type { PlatformFaultKind } from '../../faults';
import type { SandboxContext, SandboxPlatform, SandboxResponse } from '../../platform';
import { controlBody } from '../public-social/comments';
import { ARTICLE_LIFETIME_DAYS, HISTORY_DAYS, WechatDataset, findAccount } from './data';
import { wxError } from './errors';
import { createWechatPublishing } from './publish';
import { createWechatRoutes } from './routes';
import { WechatTokenStore } from './tokens';

export { SANDBOX_WECHAT_ACCOUNTS, WechatDataset, benchAccountCredentials } from './data';
export type {
	ArticleDayStats,
	ArticleTotals,
	BizDayStats,
	ReadUserSource,
	UserSummaryRow,
	WechatArticle,
	WechatComment,
	WechatTruth,
} from './data';
export { DATACUBE_MAX_SPAN_DAYS } from './routes';
export { DRAFT_LIMITS } from './publish';
export type { PublishSandboxState } from './publish';

export interface WechatPlatform extends SandboxPlatform {
	truth: WechatDataset;
}

/** Longest range the truth endpoint serves in one call. */
const MAX_TRUTH_DAYS = 400;

export function createWechatPlatform(context: SandboxContext): WechatPlatform {
	const data = new WechatDataset(context.seed, context.now);
	const tokens = new WechatTokenStore(context.now, context.tokenTtlSeconds);
	const publishing = createWechatPublishing(tokens, context.now);
	const deletedArticles = new Set<string>();

	const faultErrors: Record<PlatformFaultKind, () => SandboxResponse> = {
		expiredToken: () => wxError('accessTokenExpired'),
		invalidToken: () => wxError('invalidCredential'),
		quota: () => wxError('quotaReached'),
	};

	return {
		name: 'wechat',
		truth: data,
		routes: { ...createWechatRoutes(data, tokens, deletedArticles), ...publishing.routes },
		controlRoutes: {
			/** GET/POST/DELETE /__sandbox/wechat/publish: publish counts, pollsBeforeFinal, reset (see publish.ts). */
			publish: publishing.control,
			/** POST {msgid: "<msg_data_id>_<1-based index>"}: that article is deleted now; comment/list answers 88001 for it. */
			deleted: (request) => {
				const body = controlBody(request.rawBody);
				const msgid = typeof body?.msgid === 'string' ? body.msgid : '';
				if (request.method !== 'POST' || !data.article(msgid)) return { status: 400, body: { error: 'POST {msgid: "<msg_data_id>_<index from 1>"}' } };
				deletedArticles.add(msgid);
				return { body: { msgid, deleted: true } };
			},
			/** GET /__sandbox/wechat/truth?appid=&from=&to= (default: the last HISTORY_DAYS days up to yesterday). */
			truth: (request) => {
				const appid = request.query.get('appid') ?? '';
				const account = findAccount(appid);
				if (!account) return { status: 400, body: { error: `unknown appid '${appid}'` } };
				const yesterday = data.yesterday();
				const to = request.query.get('to') ?? yesterday;
				const from = request.query.get('from') ?? addDays(to, -(HISTORY_DAYS - 1));
				if (!isIsoDate(from) || !isIsoDate(to) || from > to) {
					return { status: 400, body: { error: 'from and to must be yyyy-MM-dd with from <= to' } };
				}
				if (dayNumber(to) - dayNumber(from) + 1 > MAX_TRUTH_DAYS) {
					return { status: 400, body: { error: `at most ${MAX_TRUTH_DAYS} days per call` } };
				}
				const dates = dateRange(from, to);
				return {
					body: {
						appid,
						name: account.name,
						from,
						to,
						yesterday,
						userSummary: dates.flatMap((date) => data.userDay(appid, date)),
						cumulate: dates.map((date) => ({ ref_date: date, cumulate_user: data.cumulate(appid, date) })),
						bizSummary: dates.map((date) => data.bizDay(appid, date)),
						articles: data.articlesPublished(appid, from, to).map((article) => {
							const last = addDays(article.publishDate, ARTICLE_LIFETIME_DAYS - 1);
							const until = last < to ? last : to;
							return {
								...article,
								days: dateRange(article.publishDate, until).map((date) => data.articleDay(appid, article.msgid, date)),
								comments: data.comments(article.msgDataId, article.index - 1) ?? [],
							};
						}),
					},
				};
			},
		},
		faultResponse: (kind) => faultErrors[kind](),
		expireTokens: () => tokens.expireAll(),
		tokensIssued: () => tokens.issued(),
	};
}
