/**
 * access_token bookkeeping with the real rules:
 * - `GET /cgi-bin/token` (legacy): every call issues a new token and invalidates the previous
 *   legacy token of that appid ("调用接口重新获取，上一次获取的 access_token 将失效").
 * - `POST /cgi-bin/stable_token`: isolated from the legacy token. In normal mode it returns the same
 *   token until it expires, with `expires_in` counting down; `force_refresh: true` issues a new one and
 *   invalidates the previous stable token.
 * Expiry is judged by the injected clock, so tests can move time instead of waiting.
 */
import { randomBytes } from 'crypto';

type TokenKind = 'legacy' | 'stable';

interface IssuedToken {
	appid: string;
	kind: TokenKind;
	expiresAtMs: number;
}

export interface TokenGrant {
	access_token: string;
	expires_in: number;
}

export type TokenCheck = { ok: true; appid: string } | { ok: false; reason: 'invalid' | 'expired' };

export class WechatTokenStore {
	private readonly tokens = new Map<string, IssuedToken>();
	private readonly current: Record<TokenKind, Map<string, string>> = { legacy: new Map(), stable: new Map() };
	private issuedCount = 0;

	constructor(
		private readonly now: () => Date,
		private readonly ttlSeconds: number,
	) {}

	issueLegacy(appid: string): TokenGrant {
		return this.issue(appid, 'legacy');
	}

	stable(appid: string, forceRefresh: boolean): TokenGrant {
		const token = this.current.stable.get(appid);
		const entry = token === undefined ? undefined : this.tokens.get(token);
		const nowMs = this.now().getTime();
		if (!forceRefresh && token !== undefined && entry !== undefined && entry.expiresAtMs > nowMs) {
			return { access_token: token, expires_in: Math.ceil((entry.expiresAtMs - nowMs) / 1000) };
		}
		return this.issue(appid, 'stable');
	}

	check(token: string): TokenCheck {
		const entry = this.tokens.get(token);
		if (entry === undefined) return { ok: false, reason: 'invalid' };
		if (entry.expiresAtMs <= this.now().getTime()) return { ok: false, reason: 'expired' };
		return { ok: true, appid: entry.appid };
	}

	/** Every issued token becomes expired as of now (not unknown: callers get 42001, not 40001). */
	expireAll(): void {
		const nowMs = this.now().getTime();
		for (const entry of this.tokens.values()) entry.expiresAtMs = Math.min(entry.expiresAtMs, nowMs);
	}

	issued(): number {
		return this.issuedCount;
	}

	private issue(appid: string, kind: TokenKind): TokenGrant {
		const previous = this.current[kind].get(appid);
		if (previous !== undefined) this.tokens.delete(previous);
		// Real tokens look like "86_" followed by ~130 URL-safe characters.
		const token = `86_${randomBytes(96).toString('base64url')}`;
		this.tokens.set(token, { appid, kind, expiresAtMs: this.now().getTime() + this.ttlSeconds * 1000 });
		this.current[kind].set(appid, token);
		this.issuedCount += 1;
		return { access_token: token, expires_in: this.ttlSeconds };
	}
}
