/**
 * Mastodon publishing: `POST /api/v1/statuses` and `GET /api/v1/accounts/verify_credentials`, as documented
 * at docs.joinmastodon.org (methods/statuses#create): Bearer token with write:statuses, `status` text of at most
 * 500 characters (the default instance limit) unless media is attached, 422 `{error: "Validation failed: …"}`,
 * and the `Idempotency-Key` header: the same key within an hour returns the status created the first time
 * instead of posting again. The sandbox token belongs to the first seeded account.
 */
import { parseJsonObject, type RouteHandler, type SandboxResponse } from '../../platform';

export const MASTODON_STATUS_LIMIT = 500;
const IDEMPOTENCY_WINDOW_MS = 3_600_000;

export interface PublishedStatus {
	id: string;
	createdAt: string;
	text: string;
	visibility: string;
	idempotencyKey?: string;
}

export function createMastodonPublishing(options: {
	token: string;
	domain: string;
	account: () => Record<string, unknown> | undefined;
	now: () => Date;
}) {
	const statuses: PublishedStatus[] = [];
	const byKey = new Map<string, { status: PublishedStatus; at: number }>();
	let sequence = 0;

	const unauthorized: SandboxResponse = { status: 401, body: { error: 'The access token is invalid' } };
	const authorized = (headers: Record<string, string | string[] | undefined>) => headers.authorization === `Bearer ${options.token}`;
	const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	const handle = () => String(options.account()?.username ?? 'me');

	function statusJson(s: PublishedStatus): Record<string, unknown> {
		return {
			id: s.id,
			created_at: s.createdAt,
			in_reply_to_id: null,
			visibility: s.visibility,
			uri: `https://${options.domain}/users/${handle()}/statuses/${s.id}`,
			url: `https://${options.domain}/@${handle()}/${s.id}`,
			content: s.text
				.split(/\n{2,}/)
				.map((p) => `<p>${escape(p).replace(/\n/g, '<br />')}</p>`)
				.join(''),
			replies_count: 0,
			reblogs_count: 0,
			favourites_count: 0,
			account: options.account(),
		};
	}

	const routes: Record<string, RouteHandler> = {
		'/api/v1/accounts/verify_credentials': (request) => {
			if (!authorized(request.headers)) return unauthorized;
			return { body: options.account() };
		},
		'/api/v1/statuses': (request) => {
			if (request.method !== 'POST') return { status: 404, body: { error: 'Record not found' } };
			if (!authorized(request.headers)) return unauthorized;
			const body = parseJsonObject(request.rawBody);
			if (!body) return { status: 422, body: { error: 'Validation failed: Text can\'t be blank' } };
			const key = request.headers['idempotency-key'];
			const nowMs = options.now().getTime();
			if (typeof key === 'string' && key) {
				const seen = byKey.get(key);
				if (seen && nowMs - seen.at < IDEMPOTENCY_WINDOW_MS) return { body: statusJson(seen.status) };
			}
			const text = typeof body.status === 'string' ? body.status : '';
			const media = Array.isArray(body.media_ids) ? body.media_ids : [];
			if (!text.trim() && media.length === 0) return { status: 422, body: { error: 'Validation failed: Text can\'t be blank' } };
			if ([...text].length > MASTODON_STATUS_LIMIT) return { status: 422, body: { error: `Validation failed: Text character limit of ${MASTODON_STATUS_LIMIT} exceeded` } };
			sequence += 1;
			const status: PublishedStatus = {
				id: String(113_000_000_000_000_000n + BigInt(sequence)),
				createdAt: options.now().toISOString(),
				text,
				visibility: typeof body.visibility === 'string' ? body.visibility : 'public',
				...(typeof key === 'string' && key ? { idempotencyKey: key } : {}),
			};
			statuses.push(status);
			if (status.idempotencyKey) byKey.set(status.idempotencyKey, { status, at: nowMs });
			return { body: statusJson(status) };
		},
	};

	/** GET: what was posted (`published` is the count). DELETE: forget it. */
	const control: RouteHandler = (request) => {
		if (request.method === 'DELETE') {
			statuses.length = 0;
			byKey.clear();
			return { body: { ok: true } };
		}
		return { body: { published: statuses.length, statuses } };
	};

	return { routes, control };
}
