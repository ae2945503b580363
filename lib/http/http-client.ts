/**
 * The port every platform adapter talks HTTP through. Inside n8n it is backed by
 * `this.helpers.httpRequest` (proxies, n8n's own settings); outside (tests, demo, benchmarks) by axios.
 * Implementations never throw for HTTP status codes: they return the response and let the adapter
 * interpret it. They throw `HttpTransportError` for network failures.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
	method: HttpMethod;
	url: string;
	query?: Record<string, string | number | boolean | undefined>;
	headers?: Record<string, string>;
	/** Sent as JSON when an object. */
	body?: unknown;
	timeoutMs?: number;
}

export interface HttpResponse {
	status: number;
	headers: Record<string, string>;
	/** The raw body text; adapters parse it (so malformed JSON is theirs to detect). */
	text: string;
}

export interface HttpClient {
	request(req: HttpRequest): Promise<HttpResponse>;
}

/** A network-level failure: no HTTP response arrived. */
export class HttpTransportError extends Error {
	/** e.g. ETIMEDOUT, ECONNRESET, ECONNREFUSED, EAI_AGAIN */
	readonly code: string;
	constructor(code: string, message: string) {
		super(message);
		this.name = 'HttpTransportError';
		this.code = code;
	}
}

/** Builds `url?query` with proper encoding; undefined values are dropped. */
export function buildUrl(url: string, query?: HttpRequest['query']): string {
	if (!query) return url;
	const params = new URLSearchParams();
	for (const [k, v] of Object.entries(query)) if (v !== undefined) params.append(k, String(v));
	const qs = params.toString();
	if (!qs) return url;
	return url + (url.includes('?') ? '&' : '?') + qs;
}

/** Lower-cases header names and joins multi-valued ones. */
export function normaliseHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(headers ?? {})) {
		if (v === undefined || v === null) continue;
		out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
	}
	return out;
}

/** Which transport error codes mean "try again". */
export const RETRYABLE_TRANSPORT_CODES = new Set(['ETIMEDOUT', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ECONNREFUSED', 'EAI_AGAIN', 'ESOCKETTIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_SOCKET']);
