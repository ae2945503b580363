import { PlatformError, redact } from '../errors';
import { HttpTransportError } from '../http/http-client';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, withRetry } from '../http/retry';
import type { PlatformContext } from './types';

/**
 * WeChat Official Account API transport: access-token lifecycle, the retry policy, and translation of
 * WeChat's `{errcode, errmsg}` (always HTTP 200) into PlatformError. Endpoint semantics live in wechat-oa.ts.
 */
export interface WechatOaCredentials {
	appId: string;
	appSecret: string;
	/** Default https://api.weixin.qq.com; the sandbox's URL in tests. */
	baseUrl?: string;
}

export const WECHAT_DEFAULT_BASE_URL = 'https://api.weixin.qq.com';

/** errcodes meaning "this access token is no good": fetch a fresh one and try again once. */
const TOKEN_ERRCODES = new Set([40001, 40014, 41001, 42001]);
/** errcodes WeChat documents as transient ("system busy"). */
const TRANSIENT_ERRCODES = new Set([-1, 45011]);

interface CachedToken {
	value: string;
	expiresAt: number;
}

export class WechatOaApi {
	private token?: CachedToken;
	private readonly baseUrl: string;

	constructor(
		private readonly credentials: WechatOaCredentials,
		private readonly ctx: PlatformContext,
	) {
		if (!credentials.appId) throw new PlatformError({ platform: 'wechat_oa', code: 'CONFIG', message: 'appId is missing in the credential' });
		if (!credentials.appSecret) throw new PlatformError({ platform: 'wechat_oa', code: 'CONFIG', message: 'appSecret is missing in the credential' });
		this.baseUrl = (credentials.baseUrl || WECHAT_DEFAULT_BASE_URL).replace(/\/+$/, '');
	}

	private now(): number {
		return (this.ctx.now ? this.ctx.now() : new Date()).getTime();
	}

	/**
	 * Uses `cgi-bin/stable_token`: unlike the legacy `cgi-bin/token` it does not invalidate the token other
	 * systems of the team hold, and it has a far larger quota (10,000/min). `force_refresh` only as a last resort
	 * (20 a day).
	 */
	async accessToken(forceRefresh = false): Promise<string> {
		if (!forceRefresh && this.token && this.token.expiresAt > this.now()) return this.token.value;
		const body: Record<string, unknown> = { grant_type: 'client_credential', appid: this.credentials.appId, secret: this.credentials.appSecret };
		if (forceRefresh) body.force_refresh = true;
		const data = await this.send('cgi-bin/stable_token', body, undefined);
		const value = data.access_token;
		const expiresIn = Number(data.expires_in ?? 7200);
		if (typeof value !== 'string' || !value) throw new PlatformError({ platform: 'wechat_oa', code: 'NO_TOKEN', message: 'stable_token returned no access_token', operation: 'cgi-bin/stable_token' });
		// Renew a minute early so a token never expires between our check and WeChat's.
		this.token = { value, expiresAt: this.now() + Math.max(0, expiresIn - 60) * 1000 };
		return value;
	}

	/** POST a JSON body to an authenticated endpoint, refreshing the token when WeChat rejects it. */
	async post(path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
		for (let tokenAttempt = 0; ; tokenAttempt++) {
			const token = await this.accessToken(tokenAttempt === 2);
			try {
				return await this.send(path, body, token);
			} catch (error) {
				const code = error instanceof PlatformError ? Number(error.code) : NaN;
				if (!TOKEN_ERRCODES.has(code) || tokenAttempt >= 2) throw error;
				this.ctx.log?.(`wechat_oa ${path}: access token rejected (${code}), fetching a new one`);
				this.token = undefined;
			}
		}
	}

	/** One logical call with the shared retry policy around it. */
	private async send(path: string, body: Record<string, unknown>, token: string | undefined): Promise<Record<string, unknown>> {
		const operation = path;
		return withRetry(
			async () => {
				await this.ctx.limiter?.acquire();
				let res;
				try {
					res = await this.ctx.http.request({
						method: 'POST',
						url: `${this.baseUrl}/${path}`,
						query: token ? { access_token: token } : undefined,
						body,
						timeoutMs: this.ctx.timeoutMs,
					});
				} catch (e) {
					if (e instanceof HttpTransportError) {
						throw new PlatformError({ platform: 'wechat_oa', code: e.code, message: this.clean(e.message), retryable: true, operation });
					}
					throw new PlatformError({ platform: 'wechat_oa', code: 'NETWORK', message: this.clean(String((e as Error)?.message ?? e)), retryable: true, operation });
				}
				if (res.status === 429) {
					throw new PlatformError({ platform: 'wechat_oa', code: 429, httpStatus: 429, message: 'rate limited (HTTP 429)', retryable: true, retryAfterMs: parseRetryAfter(res.headers['retry-after'], this.now()), operation });
				}
				if (res.status >= 500) {
					throw new PlatformError({ platform: 'wechat_oa', code: res.status, httpStatus: res.status, message: `server error (HTTP ${res.status})`, retryable: true, operation });
				}
				if (res.status >= 400) {
					throw new PlatformError({ platform: 'wechat_oa', code: res.status, httpStatus: res.status, message: `HTTP ${res.status}`, operation });
				}
				let data: Record<string, unknown>;
				try {
					data = JSON.parse(res.text) as Record<string, unknown>;
				} catch {
					// A truncated body is a transport hiccup, not an answer: retry it.
					throw new PlatformError({ platform: 'wechat_oa', code: 'MALFORMED_RESPONSE', message: 'response was not valid JSON', retryable: true, operation });
				}
				const errcode = Number(data.errcode ?? 0);
				if (errcode !== 0) {
					throw new PlatformError({
						platform: 'wechat_oa',
						code: errcode,
						message: this.clean(String(data.errmsg ?? 'unknown error')),
						retryable: TRANSIENT_ERRCODES.has(errcode),
						operation,
					});
				}
				return data;
			},
			this.ctx.retryPolicy ?? DEFAULT_RETRY_POLICY,
			this.ctx.retryDeps,
		);
	}

	private clean(text: string): string {
		return redact(text, [this.credentials.appSecret, this.token?.value]);
	}
}
