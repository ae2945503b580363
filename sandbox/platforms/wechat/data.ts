/**
 * The seeded "truth" behind the WeChat sandbox: followers, articles, their daily metrics and their
 * comments. Every number is a pure function of (seed, appid, date), computed lazily and memoised,
 * so the same seed gives the same data whatever day the tests run. Routes only format this data;
 * tests compare what an adapter collected with these functions field by field.
 *
 * Consistency rules the data keeps:
 * - cumulate(d) = cumulate(d-1) + Σ new_user(d) − Σ cancel_user(d), anchored at ANCHOR_DATE.
 * - An article's reads on each day decay after publish; it is read for ARTICLE_LIFETIME_DAYS days.
 * - bizDay(d) sums the daily metrics of every article read on d.
 * - An article has exactly as many comments dated d as its comment_count for d.
 */
import { addDays, dateRange, dayNumber, isoFromDay, shanghaiDate, shanghaiUnixSeconds, weekday } from '../../dates';
import { Prng, hashString, prngFor } from '../../prng';
import { AccountTheme, contentPools } from './content';

// ---------------------------------------------------------------------------------------------
// Accounts

interface AccountProfile {
	appId: string;
	appSecret: string;
	name: string;
	theme: AccountTheme;
	/** Followers at the end of ANCHOR_DATE. */
	followersAtAnchor: number;
	/** Follower growth per year, which also scales daily volumes backwards and forwards in time. */
	yearlyGrowth: number;
	/** msg_data_id = base + days since DATA_START_DATE (one mass send per day), unique across accounts. */
	msgDataIdBase: number;
	/** Share of followers that open a headline article. */
	openRate: number;
}

const ACCOUNTS: readonly AccountProfile[] = [
	{
		appId: 'wxsandbox0000brand',
		appSecret: 'sandbox-brand-secret-not-a-real-key',
		name: '星河咖啡',
		theme: 'coffee',
		followersAtAnchor: 48_000,
		yearlyGrowth: 0.35,
		msgDataIdBase: 2_247_480_000,
		openRate: 0.06,
	},
	{
		appId: 'wxsandbox00000tech',
		appSecret: 'sandbox-tech-secret-not-a-real-key',
		name: '云帆科技',
		theme: 'tech',
		followersAtAnchor: 12_500,
		yearlyGrowth: 0.45,
		msgDataIdBase: 2_650_100_000,
		openRate: 0.09,
	},
];

/** The sandbox credentials (appid / secret). The secrets are deliberately not key-shaped. */
export const SANDBOX_WECHAT_ACCOUNTS: Array<{ appId: string; appSecret: string; name: string }> = ACCOUNTS.map(
	({ appId, appSecret, name }) => ({ appId, appSecret, name }),
);

export function findAccount(appId: string): AccountProfile | undefined {
	return ACCOUNTS.find((account) => account.appId === appId) ?? benchAccountProfile(appId);
}

/**
 * Synthetic accounts for benchmarks (`wxbench000001` … `wxbench999999`, secret `bench-secret-<n>`), generated
 * on demand so the server holds no list of them. They are not part of SANDBOX_WECHAT_ACCOUNTS.
 */
const BENCH_APPID = /^wxbench(\d{6})$/;
const BENCH_MSG_BASE = 3_000_000_000;
const BENCH_MSG_STRIDE = 200_000;

export function benchAccountCredentials(n: number): { appId: string; appSecret: string; name: string } {
	const id = String(n).padStart(6, '0');
	return { appId: `wxbench${id}`, appSecret: `bench-secret-${id}`, name: `压测账号${id}` };
}

function benchAccountProfile(appId: string): AccountProfile | undefined {
	const match = BENCH_APPID.exec(appId);
	if (!match) return undefined;
	const n = Number(match[1]);
	return {
		...benchAccountCredentials(n),
		theme: n % 2 === 0 ? 'coffee' : 'tech',
		followersAtAnchor: 5_000 + (n % 97) * 400,
		yearlyGrowth: 0.2 + (n % 5) * 0.05,
		msgDataIdBase: BENCH_MSG_BASE + n * BENCH_MSG_STRIDE,
		openRate: 0.05 + (n % 7) * 0.005,
	};
}

// ---------------------------------------------------------------------------------------------
// Constants from the docs and from the model

/** "接口侧的公众号数据的数据库中仅存储了2014年12月1日之后的数据". */
export const DATA_START_DATE = '2014-12-01';
export const ANCHOR_DATE = '2025-01-01';
/** How many days after publishing an article keeps being read (and commented on). */
export const ARTICLE_LIFETIME_DAYS = 30;
/** The history tests and the demo look at: this many days up to yesterday. */
export const HISTORY_DAYS = 120;

/**
 * getusersummary user_source codes (用户分析 doc + community answers): 0 其他合计, 1 公众号搜索,
 * 17 名片分享, 30 扫描二维码, 57 文章内账号名称, 100 微信广告, 161 他人转载, 176 专辑内账号名称.
 * "2020年4月起新增'他人转载'，2020年6月起新增'微信广告'、'专辑内账号名称'，之前合并在其他合计中".
 */
export const USER_SOURCES: ReadonlyArray<{ code: number; name: string; since?: string }> = [
	{ code: 0, name: '其他合计' },
	{ code: 1, name: '公众号搜索' },
	{ code: 17, name: '名片分享' },
	{ code: 30, name: '扫描二维码' },
	{ code: 57, name: '文章内账号名称' },
	{ code: 100, name: '微信广告', since: '2020-06-01' },
	{ code: 161, name: '他人转载', since: '2020-04-01' },
	{ code: 176, name: '专辑内账号名称', since: '2020-06-01' },
];

/** Reading scenes of the 2025 datacube endpoints' read_user_source (全部 = read_user). */
export const READ_SCENES = ['全部', '公众号消息', '聊天会话', '朋友圈', '公众号主页', '推荐', '搜一搜', '其他'] as const;
export type ReadScene = (typeof READ_SCENES)[number];

// ---------------------------------------------------------------------------------------------
// Public shapes

export interface UserSummaryRow {
	ref_date: string;
	user_source: number;
	new_user: number;
	cancel_user: number;
}

export interface ReadUserSource {
	user_count: number;
	scene_desc: ReadScene;
}

export interface WechatArticle {
	appId: string;
	/** "<msg_data_id>_<index>", the form the datacube endpoints use. */
	msgid: string;
	msgDataId: number;
	/** 1-based position in the mass send (the comment API's `index` is this minus one). */
	index: number;
	title: string;
	publishDate: string;
	/** Unix seconds. */
	publishTime: number;
	/** 0 = 已通知 (followers notified), 1 = 未开启通知. */
	publishType: 0 | 1;
	contentUrl: string;
	/** A few articles draw a wave of complaints: more comments, mostly negative. */
	controversial: boolean;
}

/** One article's metrics for one day (new that day, not cumulative). */
export interface ArticleDayStats {
	date: string;
	daysSincePublish: number;
	read_user: number;
	/** 图文页阅读次数 (legacy int_page_read_count) ≥ read_user. */
	read_count: number;
	read_user_source: ReadUserSource[];
	share_user: number;
	share_count: number;
	zaikan_user: number;
	like_user: number;
	comment_count: number;
	collection_user: number;
	ori_page_read_user: number;
	ori_page_read_count: number;
	praise_money: number;
	read_subscribe_user: number;
}

/** Sums over [publish date, stat date], as getarticletotaldetail and getarticletotal report them. */
export interface ArticleTotals extends Omit<ArticleDayStats, 'date' | 'daysSincePublish'> {
	stat_date: string;
	read_delivery_rate: number;
	read_finish_rate: number;
	read_avg_activetime: number;
}

/** Account-level metrics of one day (getbizsummary). */
export interface BizDayStats {
	ref_date: string;
	read_user: number;
	read_user_source: ReadUserSource[];
	share_user: number;
	zaikan_user: number;
	like_user: number;
	comment_count: number;
	collection_user: number;
}

export interface WechatComment {
	user_comment_id: number;
	openid: string;
	/** Unix seconds. */
	create_time: number;
	content: string;
	/** 0 = normal, 1 = 精选 (elected). */
	comment_type: 0 | 1;
	reply?: { content: string; create_time: number };
}

/** The seeded truth, for tests and the control API. Dates are yyyy-MM-dd (Asia/Shanghai). */
export interface WechatTruth {
	readonly accounts: Array<{ appId: string; appSecret: string; name: string }>;
	/** Yesterday in Asia/Shanghai by the injected clock: the newest date the datacube serves. */
	yesterday(): string;
	/** getusersummary rows of one day, one per user_source with activity. */
	userDay(appId: string, date: string): UserSummaryRow[];
	/** Followers at the end of the day (getusercumulate). */
	cumulate(appId: string, date: string): number;
	/** Articles published in [from, to], in publish order. */
	articlesPublished(appId: string, from: string, to: string): WechatArticle[];
	article(msgid: string): WechatArticle | undefined;
	/** An article's metrics for one day; undefined before publish or after its reading lifetime. */
	articleDay(appId: string, msgid: string, date: string): ArticleDayStats | undefined;
	/** Sums from the publish date to statDate; undefined before publish. */
	articleTotals(appId: string, msgid: string, statDate: string): ArticleTotals | undefined;
	/** Articles read on a date with that day's metrics (getarticleread, getarticlesummary). */
	articlesReadOn(appId: string, date: string): Array<{ article: WechatArticle; stats: ArticleDayStats }>;
	bizDay(appId: string, date: string): BizDayStats;
	/**
	 * Comments visible now (create_time ≤ the injected clock), oldest first, as `/cgi-bin/comment/list`
	 * pages them. `index` is the comment API's: 0-based, so msgid "<id>_1" is index 0.
	 * Undefined when the article does not exist.
	 */
	comments(msgDataId: number, index: number): WechatComment[] | undefined;
}

// ---------------------------------------------------------------------------------------------
// The model

const DAY0 = dayNumber(DATA_START_DATE);
const ANCHOR_DAY = dayNumber(ANCHOR_DATE);

/** Weekly seasonality, Sunday first: a coffee brand peaks at weekends, a B2B tech account on weekdays. */
const WEEKLY_FOLLOW: Record<AccountTheme, readonly number[]> = {
	coffee: [1.25, 0.85, 0.9, 0.95, 1.0, 1.1, 1.3],
	tech: [0.6, 1.15, 1.2, 1.15, 1.1, 1.0, 0.65],
};
const WEEKLY_PUBLISH: Record<AccountTheme, readonly number[]> = {
	coffee: [0.55, 0.6, 0.6, 0.65, 0.6, 0.7, 0.5],
	tech: [0.3, 0.7, 0.75, 0.7, 0.7, 0.6, 0.45],
};
const WEEKLY_READ: Record<AccountTheme, readonly number[]> = {
	coffee: [1.2, 0.9, 0.9, 0.95, 1.0, 1.05, 1.25],
	tech: [0.7, 1.1, 1.15, 1.1, 1.05, 1.0, 0.75],
};

/** Share of new followers by source on a normal day; 57 (文章内账号名称) jumps on publish days. */
const SOURCE_WEIGHTS: Record<number, number> = { 0: 0.12, 1: 0.2, 17: 0.06, 30: 0.3, 57: 0.04, 100: 0.1, 161: 0.04, 176: 0.02 };
const NEW_PER_FOLLOWER = 0.0011;
const CANCEL_PER_FOLLOWER = 0.0006;

/** Relative reads by days since publish: most on day 0, a long thin tail. */
const DECAY = Array.from({ length: ARTICLE_LIFETIME_DAYS }, (_, k) => Math.exp(-0.85 * k) + 0.008);
const DECAY_SUM = DECAY.reduce((a, b) => a + b, 0);

interface ArticleModel {
	article: WechatArticle;
	potentialReads: number;
	shareRate: number;
	zaikanRate: number;
	likeRate: number;
	collectRate: number;
	commentRate: number;
	finishRate: number;
	avgActiveTime: number;
}

/** Split `total` into integers proportional to `weights` (largest remainder), so parts sum exactly. */
function splitExact(total: number, weights: readonly number[]): number[] {
	const sum = weights.reduce((a, b) => a + b, 0);
	if (total <= 0 || sum <= 0) return weights.map(() => 0);
	const exact = weights.map((w) => (total * w) / sum);
	const parts = exact.map(Math.floor);
	let left = total - parts.reduce((a, b) => a + b, 0);
	const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
	for (const { i } of order) {
		if (left <= 0) break;
		parts[i] += 1;
		left -= 1;
	}
	return parts;
}

function round4(value: number): number {
	return Math.round(value * 10_000) / 10_000;
}

const OPENID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export class WechatDataset implements WechatTruth {
	readonly accounts = SANDBOX_WECHAT_ACCOUNTS.map((account) => ({ ...account }));

	private readonly userDays = new Map<string, UserSummaryRow[]>();
	private readonly cumulates = new Map<string, Map<number, number>>();
	private readonly publications = new Map<string, ArticleModel[]>();
	private readonly series = new Map<string, ArticleDayStats[]>();
	private readonly commentLists = new Map<string, WechatComment[]>();
	private readonly openids = new Map<string, string>();

	constructor(
		private readonly seed: number,
		private readonly now: () => Date,
	) {}

	yesterday(): string {
		return addDays(shanghaiDate(this.now()), -1);
	}

	userDay(appId: string, date: string): UserSummaryRow[] {
		const account = this.account(appId);
		const key = `${appId}|${date}`;
		const cached = this.userDays.get(key);
		if (cached) return cached;

		const day = dayNumber(date);
		const rng = prngFor(this.seed, appId, 'users', date);
		const size = this.sizeProxy(account, day);
		const published = this.publicationModels(account, date).length > 0;
		const weekly = WEEKLY_FOLLOW[account.theme][weekday(day)];
		const newUsers = rng.roundStochastic(size * NEW_PER_FOLLOWER * weekly * (published ? 1.35 : 1) * rng.range(0.8, 1.2));
		// A push also makes some followers leave.
		const cancelUsers = rng.roundStochastic(size * CANCEL_PER_FOLLOWER * (published ? 1.25 : 1) * rng.range(0.8, 1.2));

		// Channels introduced in 2020 were counted under 0 (其他合计) before their start date.
		const sources = USER_SOURCES.filter((source) => source.since === undefined || date >= source.since);
		const weights = sources.map((source) => {
			const base = source.code === 57 && published ? 0.18 : SOURCE_WEIGHTS[source.code];
			return base * rng.range(0.6, 1.4);
		});
		const newBySource = splitExact(newUsers, weights);
		const rows: UserSummaryRow[] = [];
		sources.forEach((source, i) => {
			// Unfollows are reported under 0 (其他合计): WeChat cannot attribute them to a channel.
			const cancel = source.code === 0 ? cancelUsers : 0;
			if (source.code === 0 || newBySource[i] > 0) {
				rows.push({ ref_date: date, user_source: source.code, new_user: newBySource[i], cancel_user: cancel });
			}
		});
		this.userDays.set(key, rows);
		return rows;
	}

	cumulate(appId: string, date: string): number {
		const account = this.account(appId);
		let memo = this.cumulates.get(appId);
		if (!memo) {
			memo = new Map([[ANCHOR_DAY, account.followersAtAnchor]]);
			this.cumulates.set(appId, memo);
		}
		const target = dayNumber(date);
		const cached = memo.get(target);
		if (cached !== undefined) return cached;
		// Walk from the anchor (or the nearest memoised day) towards the target.
		const step = target > ANCHOR_DAY ? 1 : -1;
		let day = target;
		while (!memo.has(day)) day -= step;
		let value = memo.get(day) as number;
		while (day !== target) {
			if (step === 1) {
				day += 1;
				value += this.netFollowers(appId, isoFromDay(day));
			} else {
				value -= this.netFollowers(appId, isoFromDay(day));
				day -= 1;
			}
			memo.set(day, value);
		}
		return value;
	}

	articlesPublished(appId: string, from: string, to: string): WechatArticle[] {
		const account = this.account(appId);
		return dateRange(from, to).flatMap((date) => this.publicationModels(account, date).map((model) => model.article));
	}

	article(msgid: string): WechatArticle | undefined {
		return this.articleModel(msgid)?.article;
	}

	articleDay(appId: string, msgid: string, date: string): ArticleDayStats | undefined {
		const model = this.articleModel(msgid);
		if (!model || model.article.appId !== appId) return undefined;
		const k = dayNumber(date) - dayNumber(model.article.publishDate);
		if (k < 0 || k >= ARTICLE_LIFETIME_DAYS) return undefined;
		return this.articleSeries(model)[k];
	}

	articleTotals(appId: string, msgid: string, statDate: string): ArticleTotals | undefined {
		const model = this.articleModel(msgid);
		if (!model || model.article.appId !== appId) return undefined;
		const last = Math.min(dayNumber(statDate) - dayNumber(model.article.publishDate), ARTICLE_LIFETIME_DAYS - 1);
		if (last < 0) return undefined;
		const days = this.articleSeries(model).slice(0, last + 1);
		const sum = (field: keyof Omit<ArticleDayStats, 'date' | 'daysSincePublish' | 'read_user_source'>): number =>
			days.reduce((total, day) => total + day[field], 0);
		const readUser = sum('read_user');
		const target = Math.max(1, this.cumulate(appId, addDays(model.article.publishDate, -1)));
		return {
			stat_date: statDate,
			read_user: readUser,
			read_count: sum('read_count'),
			read_user_source: READ_SCENES.map((scene) => ({
				scene_desc: scene,
				user_count: days.reduce((total, day) => total + sceneCount(day.read_user_source, scene), 0),
			})),
			share_user: sum('share_user'),
			share_count: sum('share_count'),
			zaikan_user: sum('zaikan_user'),
			like_user: sum('like_user'),
			comment_count: sum('comment_count'),
			collection_user: sum('collection_user'),
			ori_page_read_user: sum('ori_page_read_user'),
			ori_page_read_count: sum('ori_page_read_count'),
			praise_money: sum('praise_money'),
			read_subscribe_user: sum('read_subscribe_user'),
			read_delivery_rate: round4(readUser / target),
			read_finish_rate: model.finishRate,
			read_avg_activetime: model.avgActiveTime,
		};
	}

	articlesReadOn(appId: string, date: string): Array<{ article: WechatArticle; stats: ArticleDayStats }> {
		const account = this.account(appId);
		const result: Array<{ article: WechatArticle; stats: ArticleDayStats }> = [];
		for (const publishDate of dateRange(addDays(date, -(ARTICLE_LIFETIME_DAYS - 1)), date)) {
			for (const model of this.publicationModels(account, publishDate)) {
				const stats = this.articleSeries(model)[dayNumber(date) - dayNumber(publishDate)];
				if (stats.read_user > 0) result.push({ article: model.article, stats });
			}
		}
		return result;
	}

	bizDay(appId: string, date: string): BizDayStats {
		const read = this.articlesReadOn(appId, date).map((entry) => entry.stats);
		const sum = (field: 'read_user' | 'share_user' | 'zaikan_user' | 'like_user' | 'comment_count' | 'collection_user'): number =>
			read.reduce((total, stats) => total + stats[field], 0);
		return {
			ref_date: date,
			read_user: sum('read_user'),
			read_user_source: READ_SCENES.map((scene) => ({
				scene_desc: scene,
				user_count: read.reduce((total, stats) => total + sceneCount(stats.read_user_source, scene), 0),
			})),
			share_user: sum('share_user'),
			zaikan_user: sum('zaikan_user'),
			like_user: sum('like_user'),
			comment_count: sum('comment_count'),
			collection_user: sum('collection_user'),
		};
	}

	comments(msgDataId: number, index: number): WechatComment[] | undefined {
		const model = this.articleModel(`${msgDataId}_${index + 1}`);
		if (!model) return undefined;
		const nowSeconds = Math.floor(this.now().getTime() / 1000);
		return this.allComments(model)
			.filter((comment) => comment.create_time <= nowSeconds)
			.map(({ reply, ...rest }) => (reply && reply.create_time <= nowSeconds ? { ...rest, reply: { ...reply } } : rest));
	}

	// -------------------------------------------------------------------------------------------

	private account(appId: string): AccountProfile {
		const account = findAccount(appId);
		if (!account) throw new Error(`unknown sandbox appid ${appId}`);
		return account;
	}

	/** A smooth stand-in for the follower count (no recursion), used to scale daily volumes. */
	private sizeProxy(account: AccountProfile, day: number): number {
		const perDay = Math.log(1 + account.yearlyGrowth) / 365;
		return account.followersAtAnchor * Math.exp(perDay * (day - ANCHOR_DAY));
	}

	private netFollowers(appId: string, date: string): number {
		return this.userDay(appId, date).reduce((net, row) => net + row.new_user - row.cancel_user, 0);
	}

	private publicationModels(account: AccountProfile, date: string): ArticleModel[] {
		const key = `${account.appId}|${date}`;
		const cached = this.publications.get(key);
		if (cached) return cached;

		const day = dayNumber(date);
		const rng = prngFor(this.seed, account.appId, 'publish', date);
		const models: ArticleModel[] = [];
		if (day >= DAY0 && rng.chance(WEEKLY_PUBLISH[account.theme][weekday(day)])) {
			const count = rng.chance(0.5) ? 1 : rng.chance(0.6) ? 2 : 3;
			const msgDataId = account.msgDataIdBase + (day - DAY0);
			// Mass sends go out between 07:30 and 21:00 Shanghai time.
			const publishTime = shanghaiUnixSeconds(date, rng.int(7 * 60 + 30, 21 * 60));
			const publishType: 0 | 1 = rng.chance(0.9) ? 0 : 1;
			const pools = contentPools(account.theme);
			const size = this.sizeProxy(account, day);
			const readWeekly = WEEKLY_READ[account.theme][weekday(day)];
			for (let index = 1; index <= count; index++) {
				const msgid = `${msgDataId}_${index}`;
				const controversial = rng.chance(0.06);
				const positionFactor = [1, 0.45, 0.3][index - 1];
				models.push({
					article: {
						appId: account.appId,
						msgid,
						msgDataId,
						index,
						title: rng.pick(index === 1 ? pools.headlines : pools.secondary),
						publishDate: date,
						publishTime,
						publishType,
						contentUrl: `https://mp.weixin.qq.com/s/${urlSafeId(hashString(`${this.seed}|${msgid}`), 22)}`,
						controversial,
					},
					potentialReads: size * account.openRate * positionFactor * readWeekly * rng.range(0.7, 1.4) * (controversial ? 1.6 : 1),
					shareRate: rng.range(0.015, 0.05) * (controversial ? 1.8 : 1),
					zaikanRate: rng.range(0.006, 0.02),
					likeRate: rng.range(0.015, 0.045) * (controversial ? 0.5 : 1),
					collectRate: rng.range(0.005, 0.02) * (account.theme === 'tech' ? 1.8 : 1),
					commentRate: rng.range(0.002, 0.007) * (controversial ? 4 : 1),
					finishRate: round4(rng.range(0.35, 0.72)),
					avgActiveTime: round4(rng.range(0.6, 3.2)),
				});
			}
		}
		this.publications.set(key, models);
		return models;
	}

	private articleModel(msgid: string): ArticleModel | undefined {
		const match = /^(\d+)_(\d+)$/.exec(msgid);
		if (!match) return undefined;
		const msgDataId = Number(match[1]);
		const index = Number(match[2]);
		const bench = msgDataId >= BENCH_MSG_BASE ? benchAccountProfile(benchAccountCredentials(Math.floor((msgDataId - BENCH_MSG_BASE) / BENCH_MSG_STRIDE)).appId) : undefined;
		for (const account of bench ? [bench] : ACCOUNTS) {
			const offset = msgDataId - account.msgDataIdBase;
			if (offset < 0 || offset > 100_000) continue;
			const models = this.publicationModels(account, isoFromDay(DAY0 + offset));
			return models[index - 1];
		}
		return undefined;
	}

	private articleSeries(model: ArticleModel): ArticleDayStats[] {
		const cached = this.series.get(model.article.msgid);
		if (cached) return cached;
		const { article } = model;
		const rng = prngFor(this.seed, article.msgid, 'series');
		const days = DECAY.map((weight, k): ArticleDayStats => {
			const readUser = rng.roundStochastic(((model.potentialReads * weight) / DECAY_SUM) * rng.range(0.85, 1.15));
			// Day 0 is mostly the push itself; later readers arrive via chats, Moments, search and recommendations.
			const push = article.publishType === 0 ? 0.55 * Math.pow(0.35, k) : 0.05 * Math.pow(0.35, k);
			const sceneWeights = [push, 0.16, 0.13, 0.06 + 0.02 * Math.min(k, 3), 0.05 + 0.03 * Math.min(k, 5), 0.03 + 0.02 * Math.min(k, 5), 0.04].map(
				(w) => w * rng.range(0.8, 1.2),
			);
			const sceneCounts = splitExact(readUser, sceneWeights);
			const shareUser = rng.roundStochastic(readUser * model.shareRate);
			const oriUser = rng.roundStochastic(readUser * 0.03);
			return {
				date: addDays(article.publishDate, k),
				daysSincePublish: k,
				read_user: readUser,
				read_count: readUser + rng.roundStochastic(readUser * rng.range(0.1, 0.3)),
				read_user_source: [
					{ user_count: readUser, scene_desc: '全部' },
					...READ_SCENES.slice(1).map((scene, i) => ({ user_count: sceneCounts[i], scene_desc: scene })),
				],
				share_user: shareUser,
				share_count: shareUser + rng.roundStochastic(shareUser * 0.2),
				zaikan_user: rng.roundStochastic(readUser * model.zaikanRate),
				like_user: rng.roundStochastic(readUser * model.likeRate),
				comment_count: rng.roundStochastic(readUser * model.commentRate),
				collection_user: rng.roundStochastic(readUser * model.collectRate),
				ori_page_read_user: oriUser,
				ori_page_read_count: oriUser + rng.roundStochastic(oriUser * 0.15),
				praise_money: rng.chance(0.03) ? rng.int(1, 20) * 100 : 0,
				read_subscribe_user: rng.roundStochastic(readUser * 0.004),
			};
		});
		this.series.set(article.msgid, days);
		return days;
	}

	/** Every comment the article will ever get, oldest first; `comments()` filters by the clock. */
	private allComments(model: ArticleModel): WechatComment[] {
		const cached = this.commentLists.get(model.article.msgid);
		if (cached) return cached;
		const { article } = model;
		const account = this.account(article.appId);
		const pools = contentPools(account.theme);
		const rng = prngFor(this.seed, article.msgid, 'comments');
		const drafts: Array<Omit<WechatComment, 'user_comment_id'>> = [];
		for (const stats of this.articleSeries(model)) {
			// Comments dated on day k number exactly that day's comment_count.
			const dayStart = shanghaiUnixSeconds(stats.date, 0);
			const from = Math.max(dayStart, article.publishTime + 60);
			for (let i = 0; i < stats.comment_count; i++) {
				const createTime = rng.int(from, dayStart + 86_399);
				const mood = rng.next();
				const negative = mood < (article.controversial ? 0.55 : 0.07);
				const neutral = !negative && mood < (article.controversial ? 0.75 : 0.35);
				let content = rng.pick(negative ? pools.negative : neutral ? pools.neutral : pools.positive);
				if (!negative && rng.chance(0.1)) content += rng.pick([' 👍', ' ❤️', ' 😂', '～', '！！']);
				const electChance = negative ? 0.05 : neutral ? 0.15 : 0.3;
				const replyChance = negative ? 0.6 : neutral ? 0.5 : 0.25;
				const draft: Omit<WechatComment, 'user_comment_id'> = {
					openid: this.openid(account, rng.int(0, 499)),
					create_time: createTime,
					content,
					comment_type: rng.chance(electChance) ? 1 : 0,
				};
				if (rng.chance(replyChance)) {
					draft.reply = {
						content: rng.pick(negative ? pools.apologyReplies : neutral ? pools.answerReplies : pools.thanksReplies),
						create_time: createTime + rng.int(600, 2 * 86_400),
					};
				}
				drafts.push(draft);
			}
		}
		drafts.sort((a, b) => a.create_time - b.create_time);
		const list = drafts.map((draft, i) => ({ user_comment_id: i + 1, ...draft }));
		this.commentLists.set(article.msgid, list);
		return list;
	}

	/** Stable per-account openids: "o" + 27 URL-safe characters, like real ones. */
	private openid(account: AccountProfile, userIndex: number): string {
		const key = `${account.appId}|${userIndex}`;
		let openid = this.openids.get(key);
		if (!openid) {
			openid = `o${urlSafeId(hashString(`${this.seed}|openid|${key}`), 27)}`;
			this.openids.set(key, openid);
		}
		return openid;
	}
}

function sceneCount(sources: ReadUserSource[], scene: ReadScene): number {
	return sources.find((source) => source.scene_desc === scene)?.user_count ?? 0;
}

function urlSafeId(seed: number, length: number): string {
	const rng = new Prng(seed);
	let id = '';
	for (let i = 0; i < length; i++) id += OPENID_ALPHABET[rng.int(0, OPENID_ALPHABET.length - 1)];
	return id;
}
