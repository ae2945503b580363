import { InputError } from '../errors';
import type { MetricSnapshot } from '../model';
import { todayIn } from '../time/date-range';
import { JsonApi, dayOf, dropUndefined, isoUtc, numericExtra, toCount, type JsonBody, type PlatformErrorInfo } from './http-json';
import type { MetricsAdapter, MetricsQuery, PlatformContext } from './types';

/**
 * Mastodon metrics from the REST API of the account's instance (PLATFORMS.md §3.7, docs.joinmastodon.org).
 * Public accounts can be read without a token on most instances, so competitors work too; a token is needed
 * only where the instance requires authorised fetch.
 * - Account: `GET /api/v1/accounts/lookup?acct=` (or `/api/v1/accounts/:id` for a numeric id) →
 *   `followers_count, following_count, statuses_count`: current totals, a snapshot dated today.
 * - Posts: `GET /api/v1/accounts/:id/statuses?limit=40&exclude_replies=true&exclude_reblogs=true&max_id=`,
 *   newest first; `max_id` = the last id of the previous page, so no status is read twice, until a status is
 *   older than the range. 40 is the API's maximum page.
 * - Limits: 300 requests per 5 minutes by default; the adapter reads `X-RateLimit-Remaining` and, when it
 *   reaches 0, waits for `X-RateLimit-Reset` instead of running into 429s (a 429 is retried after the reset too).
 * Errors are `{error}` with the HTTP status as the code (404 "Record not found", 401 invalid token).
 */
export const MASTODON_PAGE_LIMIT = 40;

export interface MastodonOptions {
	/** https://mastodon.social: the instance the account lives on (or any instance that knows it). */
	instanceUrl: string;
	/** `user`, `@user`, `user@domain`, `@user@domain` or the numeric account id. */
	account: string;
	/** Optional user token (Bearer) for instances with authorised fetch. */
	accessToken?: string;
	/** Statuses per page, 1..40 (default 40). */
	pageSize?: number;
	/** Safety stop (default 100 pages = 4,000 statuses). */
	maxPages?: number;
}

export function readMastodonError(status: number, body: JsonBody): PlatformErrorInfo | undefined {
	if (typeof body.error !== 'string') return undefined;
	const description = typeof body.error_description === 'string' ? `: ${body.error_description}` : '';
	return { code: status, message: `${body.error}${description}` };
}

/**
 * An instance's REST API, with the user token (Bearer) when one is set; X-RateLimit-* respected before a 429.
 * For the metrics adapter and the replies reader; `account` names the account in errors.
 */
export function mastodonApi(options: { instanceUrl: string; accessToken?: string }, ctx: PlatformContext, account?: string): JsonApi {
	const token = options.accessToken?.trim();
	return new JsonApi({
		platform: 'mastodon',
		baseUrl: options.instanceUrl,
		ctx,
		headers: token ? { Authorization: `Bearer ${token}` } : undefined,
		secrets: [token],
		account,
		readError: readMastodonError,
		rateLimitHeaders: { remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset' },
	});
}

export class MastodonMetricsAdapter implements MetricsAdapter {
	readonly platform = 'mastodon' as const;
	readonly accountId: string;
	private readonly api: JsonApi;
	private readonly pageSize: number;
	private resolvedId?: string;

	constructor(
		private readonly options: MastodonOptions,
		private readonly ctx: PlatformContext,
	) {
		if (!options.instanceUrl) throw new InputError('Mastodon needs the instance URL', 'instanceUrl');
		this.accountId = (options.account ?? '').trim().replace(/^@/, '');
		if (!this.accountId) throw new InputError('Mastodon needs the account (user, user@domain or numeric id)', 'mastodonAccount');
		const pageSize = options.pageSize ?? MASTODON_PAGE_LIMIT;
		if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MASTODON_PAGE_LIMIT) throw new InputError(`Mastodon page size must be 1..${MASTODON_PAGE_LIMIT}, got ${pageSize}`, 'pageSize');
		this.pageSize = pageSize;
		this.api = mastodonApi(options, ctx, this.accountId);
	}

	private now(): Date {
		return this.ctx.now ? this.ctx.now() : new Date();
	}

	/** The account record: by numeric id directly, otherwise through `accounts/lookup`. */
	private async lookup(): Promise<JsonBody> {
		const account = /^\d+$/.test(this.accountId)
			? await this.api.get(`/api/v1/accounts/${this.accountId}`, {}, 'api/v1/accounts/:id')
			: await this.api.get('/api/v1/accounts/lookup', { acct: this.accountId }, 'api/v1/accounts/lookup');
		this.resolvedId = String(account.id);
		return account;
	}

	async collectAccountMetrics(query: MetricsQuery): Promise<MetricSnapshot[]> {
		const account = await this.lookup();
		const today = todayIn(query.timezone, this.now());
		const snap: MetricSnapshot = {
			platform: 'mastodon',
			accountId: String(account.id),
			accountName: typeof account.display_name === 'string' && account.display_name ? account.display_name : typeof account.acct === 'string' ? account.acct : undefined,
			periodStart: today,
			periodEnd: today,
			timezone: query.timezone,
			window: 'cumulative',
			followers: toCount(account.followers_count),
			extra: numericExtra({ following: account.following_count, posts: account.statuses_count }),
			collectedAt: isoUtc(this.now()),
			source: 'mastodon:api/v1/accounts',
		};
		return [dropUndefined(snap)];
	}

	/** One cumulative snapshot per own top-level status created in the range (days in `query.timezone`). */
	async collectPostMetrics(query: MetricsQuery): Promise<MetricSnapshot[]> {
		const { start, end } = query.range;
		const id = this.resolvedId ?? String((await this.lookup()).id);
		const today = todayIn(query.timezone, this.now());
		const seen = new Set<string>();
		const out: MetricSnapshot[] = [];
		let maxId: string | undefined;
		const maxPages = this.options.maxPages ?? 100;
		for (let page = 1; ; page++) {
			const statuses = await this.api.getList(
				`/api/v1/accounts/${id}/statuses`,
				{ limit: this.pageSize, exclude_replies: 'true', exclude_reblogs: 'true', max_id: maxId },
				'api/v1/accounts/:id/statuses',
			);
			let reachedOlder = false;
			for (const status of statuses) {
				// Defensive: some servers ignore the exclude_* flags.
				if (status.reblog || status.in_reply_to_id) continue;
				const createdAt = String(status.created_at);
				const day = dayOf(createdAt, query.timezone);
				if (day < start) {
					reachedOlder = true;
					continue;
				}
				if (day > end || seen.has(String(status.id))) continue;
				seen.add(String(status.id));
				const account = (status.account ?? {}) as JsonBody;
				const snap: MetricSnapshot = {
					platform: 'mastodon',
					accountId: String(account.id ?? id),
					accountName: typeof account.display_name === 'string' && account.display_name ? account.display_name : undefined,
					postId: String(status.id),
					postTitle: typeof status.content === 'string' ? stripHtml(status.content).slice(0, 120) : undefined,
					publishedAt: isoUtc(Date.parse(createdAt)),
					periodStart: day,
					periodEnd: today < day ? day : today,
					timezone: query.timezone,
					window: 'cumulative',
					likes: toCount(status.favourites_count),
					comments: toCount(status.replies_count),
					shares: toCount(status.reblogs_count),
					extra: typeof status.url === 'string' ? { url: status.url } : undefined,
					collectedAt: isoUtc(this.now()),
					source: 'mastodon:api/v1/accounts/:id/statuses',
				};
				out.push(dropUndefined(snap));
			}
			const last = statuses[statuses.length - 1];
			if (reachedOlder || !last || statuses.length === 0) break;
			maxId = String(last.id);
			if (page >= maxPages) throw new InputError(`Mastodon timeline of ${this.accountId} has more than ${maxPages * this.pageSize} statuses in or after the range; shorten the range`, 'dateRange');
		}
		return out;
	}
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Mastodon's status HTML as plain text: paragraphs become blank-line breaks, <br> a line break, tags are dropped,
 * and every entity (named or numeric, emoji beyond the BMP included) is decoded once, in a single pass, so a
 * literal "&lt;" the author typed (sent as "&amp;lt;") stays "&lt;".
 */
export function stripHtml(html: string): string {
	return html
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
		.replace(/<[^>]+>/g, '')
		.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
			if (name[0] === '#') {
				const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
				return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
			}
			return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
		})
		.trim();
}
