/** Helpers for the node suites: credentials, a request-observing proxy, and secret searching. */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { SANDBOX_WECHAT_ACCOUNTS, type Sandbox } from '../../sandbox';

export const BRAND = SANDBOX_WECHAT_ACCOUNTS[0];

export function wechatCredential(baseUrl: string, account: { appId: string; appSecret: string } = BRAND, accountName?: string) {
	return { weChatOfficialAccountApi: { appId: account.appId, appSecret: account.appSecret, baseUrl, ...(accountName ? { accountName } : {}) } };
}

/** Drops `collectedAt` (the only field that differs between two collections of the same data). */
export function withoutCollectedAt(items: IDataObject[]): IDataObject[] {
	return items.map(({ collectedAt: _ignored, ...rest }) => rest);
}

/** The input index each output item is paired with (throws on a missing or multi pairing). */
export function pairedIndexes(items: INodeExecutionData[]): number[] {
	return items.map((item) => {
		const paired = item.pairedItem;
		if (paired === undefined || Array.isArray(paired) || typeof paired === 'number') throw new Error(`unexpected pairedItem ${JSON.stringify(paired)}`);
		return paired.item;
	});
}

/**
 * Everything a value holds as text, Errors included (JSON.stringify skips their non-enumerable
 * message/stack/description), so a search for a secret covers messages, descriptions, causes and outputs.
 */
export function allText(value: unknown): string {
	const seen = new WeakSet<object>();
	return JSON.stringify(value, (_key, v: unknown) => {
		if (typeof v !== 'object' || v === null) return v;
		if (seen.has(v)) return '[seen]';
		seen.add(v);
		if (v instanceof Error) {
			const plain: Record<string, unknown> = {};
			for (const name of Object.getOwnPropertyNames(v)) plain[name] = (v as unknown as Record<string, unknown>)[name];
			plain.cause = (v as { cause?: unknown }).cause;
			return plain;
		}
		return v;
	});
}

/**
 * A pass-through HTTP proxy in front of the sandbox that tells the test about each request before
 * forwarding it, and remembers every access_token it saw. The sandbox's fault counts start at the first
 * matching request; the proxy lets a test arm a fault at a precise moment instead (e.g. on item 1's first call).
 */
export interface ObservingProxy {
	url: string;
	tokensSeen: Set<string>;
	close(): Promise<void>;
}

export async function startObservingProxy(sandbox: Sandbox, onRequest: (path: string, body: string) => void): Promise<ObservingProxy> {
	const target = new URL(sandbox.url);
	const tokensSeen = new Set<string>();
	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', sandbox.url);
		const token = url.searchParams.get('access_token');
		if (token) tokensSeen.add(token);
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const body = Buffer.concat(chunks);
			// Before forwarding, so a fault armed here applies to this very request.
			onRequest(url.pathname, body.toString('utf8'));
			const upstream = httpRequest(
				{ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
				(answer) => {
					res.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(res);
				},
			);
			upstream.on('error', () => res.destroy());
			upstream.end(body);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		tokensSeen,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
