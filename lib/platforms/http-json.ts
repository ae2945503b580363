import { DateTime } from 'luxon';
import { PlatformError, isPlatformError, redact } from '../errors';
import { HttpTransportError, type HttpRequest } from '../http/http-client';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, realSleep, withRetry } from '../http/retry';
import type { MetricSnapshot } from '../model';
import type { PlatformContext } from './types';

/**
 * JSON-over-HTTP transport shared by the REST platforms (Bilibili, Bluesky, Mastodon, YouTube, X, Weibo,
 * Douyin): one GET with the shared retry policy around it, and every failure turned into a PlatformError that
 * carries the platform's own code and message. What differs per platform (where the error lives in the body,
 * which codes are transient, how auth is sent) is injected.
 */
export interface PlatformErrorInfo {
	code: string | number;
	message: string;
	retryable?: boolean;
}

export interface JsonApiOptions {
	platform: string;
	/** e.g. https://api.bilibili.com; a trailing slash is dropped. */
	baseUrl: string;
	ctx: PlatformContext;
	/** Headers on every request (auth). Never logged. */
	headers?: Record<string, string>;
	/** Query parameters on every request (auth for platforms that take a key or token in the URL). */
	query?: Record<string, string>;
	/** Values scrubbed from any message: tokens, keys, secrets. */
	secrets?: Array<string | undefined>;
	/**
	 * The account the calls are for (uid, handle, channel, open_id): every error names it, so a run over many
	 * accounts says which one failed. Empty = the calls are not about one account (a list of post ids).
	 */
	account?: string;
	/**
	 * The platform's own error in a parsed body, whatever the HTTP status (Bilibili and Douyin answer errors with
	 * HTTP 200 and a non-zero code). Undefined means "not an error".
	 */
	readError(status: number, body: Record<string, unknown>): PlatformErrorInfo | undefined;
	/**
	 * Rate-limit headers to respect before the platform says 429: when `remaining` reaches 0 the next call waits
	 * until `reset` (Mastodon: x-ratelimit-remaining / x-ratelimit-reset, 300 per 5 min; X: x-rate-limit-*).
	 */
	rateLimitHeaders?: { remaining: string; reset: string };
	/**
	 * Called before every attempt of a call, retries included (YouTube charges each request a quota unit, failed
	 * ones too). Throwing stops the call with that error, unretried.
	 */
	onAttempt?(operation: string): void;
}

export type JsonBody = Record<string, unknown>;

export class JsonApi {
	readonly baseUrl: string;
	/** Set when the platform said the window is used up: no call before this instant (ms). */
	private windowResetsAt?: number;

	constructor(private readonly options: JsonApiOptions) {
		this.baseUrl = options.baseUrl.replace(/\/+$/, '');
	}

	private now(): number {
		return (this.options.ctx.now ? this.options.ctx.now() : new Date()).getTime();
	}

	/** GET `path` (leading slash) and return the parsed JSON object, after retries. `operation` names the call in errors. */
	async get(path: string, query: HttpRequest['query'] = {}, operation: string = path): Promise<JsonBody> {
		const body = await this.getJson(path, query, operation);
		if (Array.isArray(body)) throw new PlatformError({ platform: this.options.platform, code: 'MALFORMED_RESPONSE', message: 'expected a JSON object, got an array', operation });
		return body;
	}

	/** POST a JSON body (token refresh endpoints), same retry and error handling as GET. */
	async post(path: string, body: Record<string, unknown>, operation: string = path): Promise<JsonBody> {
		const answer = await this.getJson(path, {}, operation, body);
		if (Array.isArray(answer)) throw new PlatformError({ platform: this.options.platform, code: 'MALFORMED_RESPONSE', message: 'expected a JSON object, got an array', operation });
		return answer;
	}

	/** GET an endpoint that answers with a JSON array (Mastodon timelines). */
	async getList(path: string, query: HttpRequest['query'] = {}, operation: string = path): Promise<JsonBody[]> {
		const body = await this.getJson(path, query, operation);
		if (!Array.isArray(body)) throw new PlatformError({ platform: this.options.platform, code: 'MALFORMED_RESPONSE', message: 'expected a JSON array', operation });
		return body as JsonBody[];
	}

	/** Waits out a used-up rate-limit window, or fails fast when the wait is longer than the policy allows. */
	private async respectWindow(operation: string): Promise<void> {
		if (this.windowResetsAt === undefined) return;
		const wait = this.windowResetsAt - this.now();
		this.windowResetsAt = undefined;
		if (wait <= 0) return;
		const policy = this.options.ctx.retryPolicy ?? DEFAULT_RETRY_POLICY;
		if (wait > policy.maxRetryAfterMs) {
			throw new PlatformError({
				platform: this.options.platform,
				code: 'RATE_LIMIT_WINDOW',
				message: `rate-limit window used up; it resets in ${Math.ceil(wait / 1000)} s, longer than the ${Math.round(policy.maxRetryAfterMs / 1000)} s this run may wait`,
				operation,
			});
		}
		this.options.ctx.log?.(`${this.options.platform}: rate-limit window used up, waiting ${wait} ms for it to reset`);
		await (this.options.ctx.retryDeps?.sleep ?? realSleep)(wait);
	}

	private async getJson(path: string, query: HttpRequest['query'], operation: string, postBody?: Record<string, unknown>): Promise<JsonBody | unknown[]> {
		try {
			return await this.attempts(path, query, operation, postBody);
		} catch (error) {
			throw nameAccount(error, this.options.account);
		}
	}

	private async attempts(path: string, query: HttpRequest['query'], operation: string, postBody?: Record<string, unknown>): Promise<JsonBody | unknown[]> {
		const { ctx, platform } = this.options;
		const policy = ctx.retryPolicy ?? DEFAULT_RETRY_POLICY;
		return withRetry(
			async () => {
				this.options.onAttempt?.(operation);
				await this.respectWindow(operation);
				await ctx.limiter?.acquire();
				let res;
				try {
					res = await ctx.http.request({
						method: postBody ? 'POST' : 'GET',
						url: `${this.baseUrl}${path}`,
						query: { ...this.options.query, ...query },
						headers: this.options.headers,
						body: postBody,
						timeoutMs: ctx.timeoutMs,
					});
				} catch (e) {
					const code = e instanceof HttpTransportError ? e.code : 'NETWORK';
					throw new PlatformError({ platform, code, message: this.clean(String((e as Error)?.message ?? e)), retryable: true, operation });
				}
				const limits = this.options.rateLimitHeaders;
				if (limits && res.headers[limits.remaining]?.trim() === '0') {
					const reset = retryAfterFromHeaders({ [limits.reset]: res.headers[limits.reset] ?? '' }, this.now());
					if (reset !== undefined) this.windowResetsAt = this.now() + reset;
				}
				let body: JsonBody | unknown[] | undefined;
				try {
					const parsed: unknown = JSON.parse(res.text);
					if (typeof parsed === 'object' && parsed !== null) body = parsed as JsonBody | unknown[];
				} catch {
					body = undefined;
				}
				const own = body && !Array.isArray(body) ? this.options.readError(res.status, body) : undefined;
				if (res.status === 429) {
					const retryAfterMs = retryAfterFromHeaders(res.headers, this.now());
					// A wait longer than the policy allows fails the call at once: say why, or it reads like a plain 429.
					const tooLong = retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs ? ` (the platform asks to wait ${Math.ceil(retryAfterMs / 1000)} s, longer than the ${Math.round(policy.maxRetryAfterMs / 1000)} s this run may wait)` : '';
					throw new PlatformError({
						platform,
						code: own?.code ?? 429,
						httpStatus: 429,
						message: this.clean(own?.message ?? 'rate limited (HTTP 429)') + tooLong,
						// A 429 is transient unless the platform says otherwise (X's monthly UsageCapExceeded).
						retryable: own?.retryable ?? true,
						retryAfterMs,
						operation,
					});
				}
				if (res.status >= 500) {
					throw new PlatformError({ platform, code: own?.code ?? res.status, httpStatus: res.status, message: this.clean(own?.message ?? `server error (HTTP ${res.status})`), retryable: true, operation });
				}
				if (own) {
					throw new PlatformError({
						platform,
						code: own.code,
						httpStatus: res.status >= 400 ? res.status : undefined,
						message: this.clean(own.message),
						retryable: own.retryable ?? false,
						retryAfterMs: own.retryable ? retryAfterFromHeaders(res.headers, this.now()) : undefined,
						operation,
					});
				}
				if (res.status >= 400) {
					throw new PlatformError({ platform, code: res.status, httpStatus: res.status, message: `HTTP ${res.status}`, operation });
				}
				// A 200 whose body is not a JSON object is a truncated answer, not data: retry it.
				if (!body) throw new PlatformError({ platform, code: 'MALFORMED_RESPONSE', message: 'response was not valid JSON', retryable: true, operation });
				return body;
			},
			policy,
			ctx.retryDeps,
		);
	}

	/** Replaces the per-request headers (a refreshed token) and adds the new secret to the scrub list. */
	setAuth(headers: Record<string, string>, secret?: string): void {
		this.options.headers = headers;
		if (secret) this.options.secrets = [...(this.options.secrets ?? []), secret];
	}

	clean(text: string): string {
		return redact(text, this.options.secrets ?? []);
	}
}

/**
 * A PlatformError that names the account the failed call was for (uid, handle, channel, open_id), so a run over
 * many accounts says which one failed. `message` stays the platform's own; `describe()` (what node errors and
 * error items show) ends with `(account X)`.
 */
export class AccountPlatformError extends PlatformError {
	readonly account: string;

	constructor(init: ConstructorParameters<typeof PlatformError>[0] & { account: string }) {
		super(init);
		this.account = init.account;
	}

	describe(): string {
		return `${super.describe()} (account ${this.account})`;
	}
}

/** The same error naming `account` (a PlatformError that names none yet); anything else passes through untouched. */
export function nameAccount<E>(error: E, account: string | undefined): E | AccountPlatformError {
	if (!account || !isPlatformError(error) || error instanceof AccountPlatformError) return error;
	const named = new AccountPlatformError({
		platform: error.platform,
		code: error.code,
		message: error.message,
		httpStatus: error.httpStatus,
		retryable: error.retryable,
		retryAfterMs: error.retryAfterMs,
		operation: error.operation,
		account,
	});
	// Where it was raised, not where it was renamed (the stack holds only the scrubbed message).
	if (error.stack) named.stack = error.stack;
	return named;
}

/**
 * How long a platform asks us to wait: `Retry-After` (seconds or HTTP date) first, then the rate-limit reset
 * headers: `x-rate-limit-reset` (X, epoch seconds), `ratelimit-reset` (Bluesky, epoch seconds),
 * `x-ratelimit-reset` (Mastodon, an ISO instant).
 */
export function retryAfterFromHeaders(headers: Record<string, string>, now: number): number | undefined {
	const retryAfter = parseRetryAfter(headers['retry-after'], now);
	if (retryAfter !== undefined) return retryAfter;
	for (const name of ['x-rate-limit-reset', 'ratelimit-reset', 'x-ratelimit-reset']) {
		const value = headers[name]?.trim();
		if (!value) continue;
		if (/^\d+$/.test(value)) return Math.max(0, Number(value) * 1000 - now);
		const at = Date.parse(value);
		if (!Number.isNaN(at)) return Math.max(0, at - now);
	}
	return undefined;
}

/** A counter as a number: platforms send numbers, numeric strings (YouTube) or nothing. Undefined when absent. */
export function toCount(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const n = typeof value === 'number' ? value : Number(value);
	return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Removes keys whose value is undefined (a counter the platform did not report stays absent, never 0). */
export function dropUndefined<T extends object>(obj: T): T {
	for (const k of Object.keys(obj) as Array<keyof T>) if (obj[k] === undefined) delete obj[k];
	return obj;
}

/** Only the numeric entries of `extra`, so an absent counter never becomes NaN or 0. */
export function numericExtra(values: Record<string, unknown>): Record<string, number> | undefined {
	const out: Record<string, number> = {};
	for (const [k, v] of Object.entries(values)) {
		const n = toCount(v);
		if (n !== undefined) out[k] = n;
	}
	return Object.keys(out).length ? out : undefined;
}

/** The calendar day of an instant in a zone. */
export function dayOf(instant: string | number | Date, zone: string): string {
	const dt = typeof instant === 'number' ? DateTime.fromMillis(instant, { zone }) : instant instanceof Date ? DateTime.fromJSDate(instant, { zone }) : DateTime.fromISO(instant, { zone });
	return dt.toISODate()!;
}

/** ISO instant in UTC. */
export function isoUtc(instant: number | Date): string {
	return DateTime.fromMillis(typeof instant === 'number' ? instant : instant.getTime(), { zone: 'UTC' }).toISO()!;
}

/** Splits a list into chunks of at most `size` (YouTube 50 ids a call, X 100, Weibo 100). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}

/** Trims, drops empties and duplicates, keeps order: a list of ids typed by a user. */
export function cleanIdList(values: readonly string[]): string[] {
	const seen = new Set<string>();
	const out: string[] = [];
	for (const raw of values) {
		const v = raw.trim();
		if (v && !seen.has(v)) {
			seen.add(v);
			out.push(v);
		}
	}
	return out;
}

export type SnapshotBase = Pick<MetricSnapshot, 'platform' | 'accountId' | 'accountName' | 'periodStart' | 'periodEnd' | 'timezone' | 'collectedAt' | 'window' | 'source'>;
