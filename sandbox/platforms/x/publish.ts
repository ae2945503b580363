/**
 * Posting on X (docs.x.com, "Manage Posts"): `POST /2/tweets` {text} with a user-context token (OAuth 2.0 with
 * tweet.write) → 201 {data: {id, text}}, and `GET /2/users/me`. As on X: a post whose text equals one of the
 * account's recent posts is refused (403 "You are not allowed to create a Tweet with duplicate content."), and
 * text over 280 weighted characters is refused. `GET /2/tweets` (lookup) stays with the read routes: the
 * handler here receives it and passes it on. The sandbox user token posts as the first seeded account.
 */
import { randomBytes } from 'crypto';
import { parseJsonObject, type RouteHandler, type SandboxResponse } from '../../platform';

export const SANDBOX_X_USER_TOKEN = 'sandbox-x-user-token-not-a-real-key';
const DUPLICATE_WINDOW_MS = 24 * 3_600_000;

const forbidden = (detail: string): SandboxResponse => ({ status: 403, body: { title: 'Forbidden', detail, type: 'about:blank', status: 403 } });

/** X's weighted length, roughly: CJK and emoji count 2, everything else 1 (the sandbox does not shorten links). */
function weightedLength(text: string): number {
	let n = 0;
	for (const ch of text) n += /[\u1100-\uffff]|[\u{1f000}-\u{1faff}]/u.test(ch) ? 2 : 1;
	return n;
}

export function createXPublishing(options: { user: () => Record<string, unknown>; now: () => Date }) {
	const posts: Array<{ id: string; text: string; at: number }> = [];
	const authorized = (headers: Record<string, string | string[] | undefined>) => headers.authorization === `Bearer ${SANDBOX_X_USER_TOKEN}`;
	const unauthorized: SandboxResponse = { status: 401, body: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' } };

	function create(rawBody: string): SandboxResponse {
		const body = parseJsonObject(rawBody);
		const text = typeof body?.text === 'string' ? body.text : '';
		if (!text.trim()) return { status: 400, body: { errors: [{ message: 'Post text is required' }], title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: 'https://api.twitter.com/2/problems/invalid-request' } };
		if (weightedLength(text) > 280) return forbidden('You are not permitted to perform this action. Your Tweet text is too long.');
		const now = options.now().getTime();
		if (posts.some((p) => p.text === text && now - p.at < DUPLICATE_WINDOW_MS)) return forbidden('You are not allowed to create a Tweet with duplicate content.');
		const id = (BigInt('1890000000000000000') + BigInt(posts.length + 1) * 1000n + BigInt(randomBytes(1)[0])).toString();
		posts.push({ id, text, at: now });
		return { status: 201, body: { data: { id, text, edit_history_tweet_ids: [id] } } };
	}

	/** Routes; `lookup` is the read side's GET /2/tweets handler. */
	function routes(lookup: RouteHandler): Record<string, RouteHandler> {
		return {
			'/2/tweets': (request) => {
				if (request.method !== 'POST') return lookup(request);
				return authorized(request.headers) ? create(request.rawBody) : unauthorized;
			},
			'/2/users/me': (request) => (authorized(request.headers) ? { body: { data: options.user() } } : unauthorized),
		};
	}

	/** GET: posts created through POST /2/tweets; DELETE: forget them. */
	const control: RouteHandler = (request) => {
		if (request.method === 'DELETE') {
			posts.length = 0;
			return { body: { ok: true } };
		}
		return { body: { published: posts.length, posts } };
	};

	return { routes, control };
}
