/**
 * The one typed error the core raises for anything a platform (or the network to it) did wrong.
 * The node layer translates it once into NodeApiError / NodeOperationError.
 * Messages never contain secrets or tokens: build them from platform fields, not from request URLs.
 */
export class PlatformError extends Error {
	readonly platform: string;
	/** The platform's own code (e.g. WeChat errcode 61501, HTTP 503, or ECONNRESET). */
	readonly code: string;
	readonly httpStatus?: number;
	readonly retryable: boolean;
	/** Server-requested wait (Retry-After), in ms. */
	readonly retryAfterMs?: number;
	/** Which call failed, e.g. `datacube/getusersummary` (no query string, so no token). */
	readonly operation?: string;

	constructor(init: {
		platform: string;
		code: string | number;
		message: string;
		httpStatus?: number;
		retryable?: boolean;
		retryAfterMs?: number;
		operation?: string;
	}) {
		super(init.message);
		this.name = 'PlatformError';
		this.platform = init.platform;
		this.code = String(init.code);
		this.httpStatus = init.httpStatus;
		this.retryable = init.retryable ?? false;
		this.retryAfterMs = init.retryAfterMs;
		this.operation = init.operation;
	}

	/** A one-line description for logs and node errors. */
	describe(): string {
		const where = this.operation ? ` ${this.operation}` : '';
		return `${this.platform}${where} failed: [${this.code}] ${this.message}`;
	}
}

/** Bad input from the user (a parameter or an item field). Never retryable. */
export class InputError extends Error {
	readonly field?: string;
	constructor(message: string, field?: string) {
		super(message);
		this.name = 'InputError';
		this.field = field;
	}
}

export function isPlatformError(e: unknown): e is PlatformError {
	return e instanceof PlatformError || (typeof e === 'object' && e !== null && (e as { name?: string }).name === 'PlatformError');
}

/**
 * Removes secrets from a string before it can reach an output, error or log.
 * Known secret values are replaced outright; token-like query parameters and JSON fields by name.
 */
export function redact(text: string, secrets: Array<string | undefined> = []): string {
	let out = text;
	for (const s of secrets) {
		if (s && s.length >= 4) out = out.split(s).join('***');
	}
	return out
		.replace(/((?:access_token|secret|appsecret|app_secret|refresh_token|password|api_key|key|token)=)[^&\s"']+/gi, '$1***')
		.replace(/("(?:access_token|secret|appsecret|app_secret|refresh_token|password|api_key|token)"\s*:\s*")[^"]*(")/gi, '$1***$2');
}
