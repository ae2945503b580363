import { InputError } from '../errors';
import type { MetricSnapshot } from '../model';
import { todayIn } from '../time/date-range';
import { JsonApi, cleanIdList, dayOf, dropUndefined, isoUtc, numericExtra, toCount, type JsonBody, type PlatformErrorInfo } from './http-json';
import type { MetricsAdapter, MetricsQuery, PlatformContext } from './types';

/**
 * Bilibili (哔哩哔哩) metrics from the public web endpoints (PLATFORMS.md §3.5): there is no official metrics
 * API for this use. No login is needed, so the same calls work for any account and any public video:
 * competitors included.
 * - Account: `GET /x/relation/stat?vmid=<mid>` → `data{mid, following, whisper, black, follower}`. Only the
 *   current total exists, so an account snapshot is dated today in China time, window `cumulative`; a daily
 *   history is built by running the collection every day.
 * - Posts: `GET /x/web-interface/view?bvid=` → `data.stat{view, danmaku, reply, favorite, coin, share, like}`,
 *   `pubdate`, `owner.mid`, one call per video. Listing an account's uploads (`/x/space/wbi/arc/search`) needs a
 *   WBI signature and a cookie and is throttled at about 150 requests / 5 min, so the videos are given as BV ids.
 * Errors arrive as HTTP 200 with `{code, message}` (-400 bad request, -404 not found, 62002 video invisible),
 * except risk control: HTTP 412 with code -412, which is not retried (retrying makes the block longer); -352 (the risk
 * check refused the client) is not retried either.
 */
export const BILIBILI_DEFAULT_BASE_URL = 'https://api.bilibili.com';
export const BILIBILI_TIMEZONE = 'Asia/Shanghai';

export interface BilibiliOptions {
	/** The account's UID (mid), e.g. 434334701. Needed for account metrics. */
	mid?: string;
	/** BV ids (or av ids like av170001) of the videos to measure. */
	videos?: string[];
	accountName?: string;
	baseUrl?: string;
}

export function readBilibiliError(status: number, body: JsonBody): PlatformErrorInfo | undefined {
	const code = Number(body.code ?? 0);
	if (code === 0) return undefined;
	const message = String(body.message ?? 'unknown error');
	if (code === -412) return { code, message: `${message} (risk control: Bilibili blocked this client for a while; lower Requests per Second)`, retryable: false };
	if (code === -352) return { code, message: `${message} (Bilibili’s risk check refused this client; retrying at once makes it worse: wait, and lower Requests per Second)`, retryable: false };
	return { code, message };
}

export class BilibiliMetricsAdapter implements MetricsAdapter {
	readonly platform = 'bilibili' as const;
	readonly dayZone = BILIBILI_TIMEZONE;
	readonly accountId: string;
	private readonly api: JsonApi;

	constructor(
		private readonly options: BilibiliOptions,
		private readonly ctx: PlatformContext,
	) {
		this.accountId = (options.mid ?? '').trim();
		if (this.accountId && !/^\d+$/.test(this.accountId)) throw new InputError(`Bilibili UID (mid) must be digits, got "${this.accountId}"`, 'bilibiliMid');
		this.api = new JsonApi({
			platform: 'bilibili',
			baseUrl: options.baseUrl || BILIBILI_DEFAULT_BASE_URL,
			ctx,
			// Without a browser-like agent the web API answers -412 more readily.
			headers: { 'User-Agent': 'Mozilla/5.0 (compatible; n8n-nodes-mediaops)', Referer: 'https://www.bilibili.com/' },
			account: this.accountId,
			readError: readBilibiliError,
		});
	}

	private now(): Date {
		return this.ctx.now ? this.ctx.now() : new Date();
	}

	async collectAccountMetrics(_query: MetricsQuery): Promise<MetricSnapshot[]> {
		if (!this.accountId) throw new InputError('Bilibili account metrics need the account’s UID (mid)', 'bilibiliMid');
		const body = await this.api.get('/x/relation/stat', { vmid: this.accountId }, 'x/relation/stat');
		const data = (body.data ?? {}) as JsonBody;
		const today = todayIn(this.dayZone, this.now());
		const snap: MetricSnapshot = {
			platform: 'bilibili',
			accountId: this.accountId,
			accountName: this.options.accountName || undefined,
			periodStart: today,
			periodEnd: today,
			timezone: this.dayZone,
			window: 'cumulative',
			followers: toCount(data.follower),
			extra: numericExtra({ following: data.following }),
			collectedAt: isoUtc(this.now()),
			source: 'bilibili:x/relation/stat',
		};
		return [dropUndefined(snap)];
	}

	/**
	 * One cumulative snapshot per listed video, whatever the date range (the list is the selection): from its
	 * publish day to today, China time. A video that no longer exists fails with Bilibili's own code (-404 or
	 * 62002) naming it, rather than vanishing from the output.
	 */
	async collectPostMetrics(_query: MetricsQuery): Promise<MetricSnapshot[]> {
		const ids = cleanIdList(this.options.videos ?? []);
		if (ids.length === 0) {
			throw new InputError('List the videos (BV ids) to measure: Bilibili has no public, unsigned list of an account’s uploads', 'bilibiliVideos');
		}
		const out: MetricSnapshot[] = [];
		const today = todayIn(this.dayZone, this.now());
		for (const id of ids) {
			const query = videoQuery(id);
			let body: JsonBody;
			try {
				body = await this.api.get('/x/web-interface/view', query, 'x/web-interface/view');
			} catch (error) {
				if (error instanceof Error) error.message = `${id}: ${error.message}`;
				throw error;
			}
			const data = (body.data ?? {}) as JsonBody;
			const stat = (data.stat ?? {}) as JsonBody;
			const owner = (data.owner ?? {}) as JsonBody;
			const pubdate = toCount(data.pubdate);
			const ownerMid = owner.mid !== undefined ? String(owner.mid) : this.accountId;
			const snap: MetricSnapshot = {
				platform: 'bilibili',
				accountId: ownerMid || this.accountId || 'unknown',
				accountName: typeof owner.name === 'string' ? owner.name : this.options.accountName || undefined,
				postId: String(data.bvid ?? id),
				postTitle: typeof data.title === 'string' ? data.title : undefined,
				publishedAt: pubdate !== undefined ? isoUtc(pubdate * 1000) : undefined,
				periodStart: pubdate !== undefined ? minDay(dayOf(pubdate * 1000, this.dayZone), today) : today,
				periodEnd: today,
				timezone: this.dayZone,
				window: 'cumulative',
				views: toCount(stat.view),
				likes: toCount(stat.like),
				comments: toCount(stat.reply),
				shares: toCount(stat.share),
				// 收藏 is Bilibili's save; it is also kept under extra.favorite with the other Bilibili-only counters.
				saves: toCount(stat.favorite),
				extra: numericExtra({ coins: stat.coin, danmaku: stat.danmaku, favorite: stat.favorite }),
				collectedAt: isoUtc(this.now()),
				source: 'bilibili:x/web-interface/view',
			};
			out.push(dropUndefined(snap));
		}
		return out;
	}
}

function minDay(a: string, b: string): string {
	return a < b ? a : b;
}

/** `BV1xx…` → `{bvid}`; `av170001` or a bare number → `{aid}`. */
export function videoQuery(id: string): Record<string, string> {
	const av = /^(?:av)?(\d+)$/i.exec(id);
	if (av) return { aid: av[1] };
	if (!/^BV[0-9A-Za-z]{10}$/.test(id)) throw new InputError(`"${id}" is not a Bilibili video id (BV1… or av…)`, 'bilibiliVideos');
	return { bvid: id };
}
