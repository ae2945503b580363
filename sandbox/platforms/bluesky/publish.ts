/**
 * Bluesky posting through a PDS (docs.bsky.app, "Creating a post"): `com.atproto.server.createSession`
 * {identifier, password (app password)} → {did, handle, accessJwt}; `com.atproto.repo.createRecord`
 * {repo, collection: app.bsky.feed.post, rkey?, record: {$type, text, createdAt}} → {uri, cid};
 * `com.atproto.repo.getRecord?repo&collection&rkey` → {uri, cid, value} or 400 RecordNotFound.
 * As on the PDS: app.bsky.feed.post record keys must be TIDs, text is at most 300 graphemes, and a record
 * key that already exists is refused, which is what makes a caller-chosen rkey an idempotency key.
 * The sandbox app password belongs to the first seeded account.
 */
import { randomBytes } from 'crypto';
import { parseJsonObject, type RouteHandler, type SandboxResponse } from '../../platform';

export const BLUESKY_TEXT_LIMIT = 300;
export const SANDBOX_BLUESKY_APP_PASSWORD = 'sand-box0-blue-sky0';
const TID_PATTERN = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

function xrpc(status: number, error: string, message: string): SandboxResponse {
	return { status, body: { error, message } };
}

export function createBlueskyPublishing(options: { did: string; handle: string; now: () => Date }) {
	const sessions = new Set<string>();
	const records = new Map<string, { uri: string; cid: string; value: Record<string, unknown> }>();

	const authorized = (headers: Record<string, string | string[] | undefined>) => {
		const auth = headers.authorization;
		return typeof auth === 'string' && auth.startsWith('Bearer ') && sessions.has(auth.slice(7));
	};
	const graphemes = (text: string) => [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)].length;

	const routes: Record<string, RouteHandler> = {
		'/xrpc/com.atproto.server.createSession': (request) => {
			if (request.method !== 'POST') return xrpc(405, 'MethodNotImplemented', 'Method Not Implemented');
			const body = parseJsonObject(request.rawBody) ?? {};
			const who = String(body.identifier ?? '');
			if ((who !== options.handle && who !== options.did) || body.password !== SANDBOX_BLUESKY_APP_PASSWORD) return xrpc(401, 'AuthenticationRequired', 'Invalid identifier or password');
			const accessJwt = `sandbox.${randomBytes(24).toString('base64url')}`;
			sessions.add(accessJwt);
			return { body: { did: options.did, handle: options.handle, accessJwt, refreshJwt: `sandbox.${randomBytes(24).toString('base64url')}`, active: true } };
		},
		'/xrpc/com.atproto.repo.createRecord': (request) => {
			if (request.method !== 'POST') return xrpc(405, 'MethodNotImplemented', 'Method Not Implemented');
			if (!authorized(request.headers)) return xrpc(401, 'AuthenticationRequired', 'Authentication Required');
			const body = parseJsonObject(request.rawBody);
			if (!body) return xrpc(400, 'InvalidRequest', 'Input must be an object');
			if (body.repo !== options.did && body.repo !== options.handle) return xrpc(400, 'InvalidRequest', 'Input/repo must be the authenticated account');
			if (body.collection !== 'app.bsky.feed.post') return xrpc(400, 'InvalidRequest', 'Unsupported collection');
			const record = (body.record ?? {}) as Record<string, unknown>;
			const text = typeof record.text === 'string' ? record.text : '';
			if (graphemes(text) > BLUESKY_TEXT_LIMIT) return xrpc(400, 'InvalidRecord', `Invalid app.bsky.feed.post record: Record/text must not be longer than ${BLUESKY_TEXT_LIMIT} graphemes`);
			if (typeof record.createdAt !== 'string') return xrpc(400, 'InvalidRecord', 'Invalid app.bsky.feed.post record: Record must have the property "createdAt"');
			let rkey = typeof body.rkey === 'string' ? body.rkey : undefined;
			if (rkey !== undefined && !TID_PATTERN.test(rkey)) return xrpc(400, 'InvalidRequest', 'Invalid record key: must be a TID for app.bsky.feed.post');
			rkey ??= randomBytes(8).toString('hex').replace(/[^2-7a-z]/g, 'a').padEnd(13, 'a').slice(0, 13).replace(/^[^2-7a-j]/, '3');
			if (records.has(rkey)) return xrpc(400, 'InvalidRequest', `Record already exists: at://${options.did}/app.bsky.feed.post/${rkey}`);
			const entry = { uri: `at://${options.did}/app.bsky.feed.post/${rkey}`, cid: `bafyrei${randomBytes(20).toString('hex').slice(0, 40)}`, value: { ...record, $type: 'app.bsky.feed.post' } };
			records.set(rkey, entry);
			return { body: { uri: entry.uri, cid: entry.cid, commit: { cid: entry.cid, rev: String(options.now().getTime()) }, validationStatus: 'valid' } };
		},
		'/xrpc/com.atproto.repo.getRecord': (request) => {
			const q = request.query;
			if (q.get('repo') !== options.did && q.get('repo') !== options.handle) return xrpc(400, 'InvalidRequest', 'Could not locate record');
			const entry = q.get('collection') === 'app.bsky.feed.post' ? records.get(q.get('rkey') ?? '') : undefined;
			return entry ? { body: entry } : xrpc(400, 'RecordNotFound', `Could not locate record: at://${options.did}/${q.get('collection')}/${q.get('rkey')}`);
		},
	};

	/** GET: posted records and their count; DELETE: forget them. */
	const control: RouteHandler = (request) => {
		if (request.method === 'DELETE') {
			records.clear();
			return { body: { ok: true } };
		}
		return { body: { published: records.size, records: [...records.values()] } };
	};

	return { routes, control };
}
