/**
 * Set-up shared by the comment and mention reader tests (*-comments.test.ts, x-mentions.test.ts): a seeded
 * sandbox on a clock frozen at NOW, started before the file's tests and closed after them, its faults cleared
 * after each test; a PlatformContext over axios with fast retries whose log lines are kept; request counts and
 * the sandbox's insert (control) routes.
 */
import { startSandbox, type Sandbox } from '../../../sandbox';
import { createAxiosHttpClient } from '../../../lib/http/axios-client';
import { DEFAULT_RETRY_POLICY } from '../../../lib/http/retry';
import type { PlatformContext } from '../../../lib/platforms/types';

export const NOW = new Date('2026-03-15T04:00:00Z');
const fastRetry = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 4, maxRetryAfterMs: 5_000 };

export interface CommentSandbox {
	/** The running sandbox's URL, request stats and faults (from beforeAll on). */
	sandbox: Pick<Sandbox, 'url' | 'stats' | 'setFaults' | 'clearFaults'>;
	/** What the readers logged, across the file. */
	logs: string[];
	/** A fresh context: axios, fast retries, 2 s timeout, the frozen clock. */
	ctx(): PlatformContext;
	/** Requests the sandbox has served on a route so far. */
	requests(route: string): number;
	/** POSTs to a sandbox control route (`<platform>/comments`, …) to insert data; its JSON answer. */
	insert<T = Record<string, unknown>>(path: string, body: unknown): Promise<T>;
}

/** Registers the sandbox's start, fault reset and stop with jest; call once at the top of a test file. */
export function commentSandbox(seed: number): CommentSandbox {
	let running: Sandbox | undefined;
	const started = (): Sandbox => {
		if (!running) throw new Error('comment-support: the sandbox starts in beforeAll');
		return running;
	};
	beforeAll(async () => {
		running = await startSandbox({ port: 0, seed, now: () => NOW });
	});
	afterAll(async () => running?.close());
	afterEach(() => running?.clearFaults());

	const logs: string[] = [];
	const sandbox: CommentSandbox['sandbox'] = {
		get url() {
			return started().url;
		},
		stats: () => started().stats(),
		setFaults: (faults) => started().setFaults(faults),
		clearFaults: () => started().clearFaults(),
	};
	return {
		sandbox,
		logs,
		ctx: () => ({ http: createAxiosHttpClient(), retryPolicy: fastRetry, timeoutMs: 2_000, now: () => NOW, log: (m: string) => logs.push(m) }),
		requests: (route) => sandbox.stats().requests[route] ?? 0,
		insert: async <T>(path: string, body: unknown) => (await (await fetch(`${sandbox.url}/__sandbox/${path}`, { method: 'POST', body: JSON.stringify(body) })).json()) as T,
	};
}
