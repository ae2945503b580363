/**
 * The contract between the sandbox server and one emulated platform. A platform is a folder under
 * `sandbox/platforms/<name>/` whose index exports a factory returning a `SandboxPlatform`; the
 * server mounts its API routes at their real paths and its control routes under `/__sandbox/<name>/`.
 */
import type { PlatformFaultKind } from './faults';

/** Transient faults a platform may answer in its own shape (the others are transport-level or gateway pages). */
export type TransientShapedFault = 'http429' | 'http500';

export interface SandboxContext {
	seed: number;
	/** The injectable clock: every date rule (token TTL, "yesterday") reads it. */
	now(): Date;
	tokenTtlSeconds: number;
}

export interface SandboxRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	headers: Record<string, string | string[] | undefined>;
	rawBody: string;
}

export interface SandboxResponse {
	status?: number; // default 200
	headers?: Record<string, string>;
	/** Serialised as JSON unless it is a string. */
	body: unknown;
}

export type RouteHandler = (request: SandboxRequest) => SandboxResponse;

export interface SandboxPlatform {
	name: string;
	/** API routes keyed by exact path; each handler checks the method itself, as real APIs vary. */
	routes: Record<string, RouteHandler>;
	/** Extra control routes, mounted at `/__sandbox/<name>/<key>`. */
	controlRoutes?: Record<string, RouteHandler>;
	/**
	 * The body this platform sends for an injected token or quota fault. `retryAfterSeconds` (from the fault rule)
	 * is when a spent quota resets, for platforms whose quota answer says so (Mastodon, Bluesky headers).
	 */
	faultResponse(kind: PlatformFaultKind, options?: { retryAfterSeconds?: number }): SandboxResponse;
	/**
	 * The platform's own answer for an injected transient fault (a 429 throttle with its rate-limit headers, a 500
	 * in its error envelope), or undefined for the server's generic one. A platform whose real API sends no such
	 * shape leaves it out.
	 */
	transientFaultResponse?(kind: TransientShapedFault, options: { retryAfterSeconds: number }): SandboxResponse | undefined;
	/** Make every issued token expired now (the next business call sees the platform's "expired" error). */
	expireTokens(): void;
	tokensIssued(): number;
}

export type PlatformFactory = (context: SandboxContext) => SandboxPlatform;

/** Helper for handlers: the body parsed as a JSON object, or undefined if it is not one. */
export function parseJsonObject(rawBody: string): Record<string, unknown> | undefined {
	if (rawBody.trim() === '') return undefined;
	try {
		const value: unknown = JSON.parse(rawBody);
		return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}
