/**
 * The sandbox HTTP server: routes API requests to the registered platform modules at their real
 * paths, injects faults, and serves the control API under /__sandbox/ (never subject to faults and
 * not counted in stats).
 */
import { IncomingMessage, Server, ServerResponse, createServer } from 'http';
import type { Socket } from 'net';
import { FaultInjector, FaultRule, FaultRuleError, validateFaultRules } from './faults';
import { PlatformFactory, SandboxContext, SandboxPlatform, SandboxRequest, SandboxResponse, parseJsonObject } from './platform';
import { WechatPlatform, WechatTruth, createWechatPlatform } from './platforms/wechat';
import { createBilibiliPlatform } from './platforms/bilibili';
import { createBlueskyPlatform } from './platforms/bluesky';
import { createMastodonPlatform } from './platforms/mastodon';
import { createYoutubePlatform } from './platforms/youtube';
import { createWeiboPlatform } from './platforms/weibo';
import { createXPlatform } from './platforms/x';
import { createDouyinPlatform } from './platforms/douyin';
import { createTelegramPlatform } from './platforms/telegram';
import { NOTIFY_PLATFORM_FACTORIES } from './platforms/notify';
import { RateLimitBucket, type SandboxRateLimit } from './rate-limit';

export interface SandboxOptions {
	/** 0 = a random free port (the default). */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** Injectable clock, default real time. Token expiry and "yesterday" follow it. */
	now?: () => Date;
	/** Default 7200, like the real access_token. */
	tokenTtlSeconds?: number;
	faults?: FaultRule[];
	seed?: number;
	/** A platform-side limit over all API requests (429 + Retry-After beyond it). */
	rateLimit?: SandboxRateLimit;
}

export interface SandboxStats {
	requests: Record<string, number>;
	faultsInjected: Record<string, number>;
	tokensIssued: number;
	/** Requests answered 429 by the rate limit (not by fault injection). */
	rateLimited: number;
}

export interface Sandbox {
	url: string;
	port: number;
	close(): Promise<void>;
	setFaults(rules: FaultRule[]): void;
	clearFaults(): void;
	expireTokens(): void;
	stats(): SandboxStats;
	wechat: WechatTruth;
}

export const DEFAULT_SEED = 20250101;
/** A `timeout` fault holds the socket this long (or until the client gives up), then drops it. */
const TIMEOUT_HOLD_MS = 60_000;
const MAX_BODY_BYTES = 1_048_576;

/** Adding a platform: write `sandbox/platforms/<name>/` and add its factory here. */
const PLATFORM_FACTORIES: PlatformFactory[] = [
	createWechatPlatform,
	createBilibiliPlatform,
	createBlueskyPlatform,
	createMastodonPlatform,
	createYoutubePlatform,
	createWeiboPlatform,
	createXPlatform,
	createDouyinPlatform,
	createTelegramPlatform,
	...NOTIFY_PLATFORM_FACTORIES,
];

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const context: SandboxContext = {
		seed: options.seed ?? DEFAULT_SEED,
		now: options.now ?? (() => new Date()),
		tokenTtlSeconds: options.tokenTtlSeconds ?? 7200,
	};
	const platforms = PLATFORM_FACTORIES.map((factory) => factory(context));
	const wechat = platforms.find((platform): platform is WechatPlatform => platform.name === 'wechat') as WechatPlatform;
	const routes = routeTable(platforms);
	const faults = new FaultInjector(context.seed, options.faults ?? []);
	const requests: Record<string, number> = {};
	const faultsInjected: Record<string, number> = {};
	const sockets = new Set<Socket>();
	const bucket = options.rateLimit ? new RateLimitBucket(options.rateLimit) : undefined;

	const stats = (): SandboxStats => ({
		requests: { ...requests },
		faultsInjected: { ...faultsInjected },
		tokensIssued: platforms.reduce((total, platform) => total + platform.tokensIssued(), 0),
		rateLimited: bucket?.rejected ?? 0,
	});
	const expireTokens = (): void => platforms.forEach((platform) => platform.expireTokens());

	/** The control API, so a separate process (the e2e suite, the demo) can drive the sandbox. */
	function control(request: SandboxRequest): SandboxResponse {
		const { method, path } = request;
		if (path === '/__sandbox/health' && method === 'GET') {
			return { body: { ok: true, platforms: platforms.map((p) => p.name), seed: context.seed, now: context.now().toISOString() } };
		}
		if (path === '/__sandbox/faults') {
			if (method === 'GET') return { body: { rules: faults.list() } };
			if (method === 'DELETE') {
				faults.clear();
				return { body: { rules: [] } };
			}
			if (method === 'POST') {
				const body = parseJsonObject(request.rawBody);
				if (!body) return { status: 400, body: { error: 'body must be a JSON object {rules: FaultRule[]}' } };
				try {
					faults.set(validateFaultRules(body.rules));
				} catch (error) {
					if (error instanceof FaultRuleError) return { status: 400, body: { error: error.message } };
					throw error;
				}
				return { body: { rules: faults.list() } };
			}
		}
		if (path === '/__sandbox/expire-tokens' && method === 'POST') {
			expireTokens();
			return { body: { ok: true } };
		}
		if (path === '/__sandbox/stats' && method === 'GET') return { body: stats() };
		const [, , platformName, routeName] = path.split('/');
		const handler = platforms.find((p) => p.name === platformName)?.controlRoutes?.[routeName ?? ''];
		if (handler && path.split('/').length === 4) return handler(request);
		return { status: 404, body: { error: `no control route ${method} ${path}` } };
	}

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://sandbox');
		const path = url.pathname;
		const isControl = path.startsWith('/__sandbox/');

		if (!isControl) {
			requests[path] = (requests[path] ?? 0) + 1;
			const rule = faults.pick(path);
			if (rule) {
				faultsInjected[path] = (faultsInjected[path] ?? 0) + 1;
				const owner = routes.get(path)?.platform ?? platforms[0];
				injectFault(rule, req, res, owner);
				return;
			}
			const allowed = bucket?.take();
			if (allowed && !allowed.ok) {
				send(res, { status: 429, headers: { 'Retry-After': String(allowed.retryAfterSeconds) }, body: { error: 'rate limit exceeded' } });
				return;
			}
		}

		const request: SandboxRequest = {
			method: req.method ?? 'GET',
			path,
			query: url.searchParams,
			headers: req.headers,
			rawBody: await readBody(req),
		};
		if (isControl) {
			send(res, control(request));
			return;
		}
		const route = routes.get(path);
		send(res, route ? route.handler(request) : { status: 404, body: { errcode: -1, errmsg: `sandbox: no route ${path}` } });
	}

	const server: Server = createServer((req, res) => {
		handle(req, res).catch((error: unknown) => {
			if (!res.headersSent) send(res, { status: 500, body: { error: String(error) } });
			else res.destroy();
		});
	});
	server.on('connection', (socket: Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const address = server.address();
	const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 0);
	const host = options.host ?? '127.0.0.1';

	return {
		url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
		port,
		close: () =>
			new Promise<void>((resolve) => {
				// Held (timeout-fault) and keep-alive sockets would keep close() waiting: drop them all.
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
		setFaults: (rules) => faults.set(rules),
		clearFaults: () => faults.clear(),
		expireTokens,
		stats,
		wechat: wechat.truth,
	};
}

function routeTable(platforms: SandboxPlatform[]): Map<string, { platform: SandboxPlatform; handler: SandboxPlatform['routes'][string] }> {
	const table = new Map<string, { platform: SandboxPlatform; handler: SandboxPlatform['routes'][string] }>();
	for (const platform of platforms) {
		for (const [path, handler] of Object.entries(platform.routes)) {
			const existing = table.get(path);
			if (existing) throw new Error(`sandbox route ${path} registered by both ${existing.platform.name} and ${platform.name}`);
			table.set(path, { platform, handler });
		}
	}
	return table;
}

function injectFault(rule: FaultRule, req: IncomingMessage, res: ServerResponse, platform: SandboxPlatform): void {
	const socket = req.socket;
	switch (rule.kind) {
		case 'http429': {
			const retryAfter = rule.retryAfterSeconds ?? 1;
			send(res, platform.transientFaultResponse?.('http429', { retryAfterSeconds: retryAfter }) ?? { status: 429, headers: { 'Retry-After': String(retryAfter) }, body: { error: 'too many requests', retry_after: retryAfter } });
			return;
		}
		case 'http500':
			send(res, platform.transientFaultResponse?.('http500', { retryAfterSeconds: 0 }) ?? { status: 500, body: { error: 'internal server error' } });
			return;
		case 'http502':
			send(res, { status: 502, headers: { 'Content-Type': 'text/html' }, body: gatewayPage('502 Bad Gateway') });
			return;
		case 'http503':
			send(res, { status: 503, headers: { 'Content-Type': 'text/html' }, body: gatewayPage('503 Service Temporarily Unavailable') });
			return;
		case 'timeout': {
			// Accept and never answer; drop the socket after a while or when the client leaves.
			const timer = setTimeout(() => socket.destroy(), TIMEOUT_HOLD_MS);
			timer.unref();
			socket.once('close', () => clearTimeout(timer));
			req.resume();
			return;
		}
		case 'reset':
			// RST without a response: the client sees ECONNRESET.
			socket.resetAndDestroy();
			return;
		case 'malformed':
			send(res, { status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"list":[{"ref_date":"2025-0' });
			return;
		case 'expiredToken':
		case 'invalidToken':
		case 'quota':
			send(res, platform.faultResponse(rule.kind, { retryAfterSeconds: rule.retryAfterSeconds }));
			return;
	}
}

function gatewayPage(title: string): string {
	return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

function send(res: ServerResponse, response: SandboxResponse): void {
	const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
	res.writeHead(response.status ?? 200, {
		'Content-Type': 'application/json; charset=utf-8',
		...response.headers,
		'Content-Length': String(Buffer.byteLength(text)),
	});
	res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new Error('request body too large'));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}
