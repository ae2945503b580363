/**
 * Weibo posting through `POST /2/statuses/share.json` (open.weibo.com/wiki/2/statuses/share): form fields
 * `access_token`, `status` (URL-encoded, at most 140 汉字, no "#话题词#", at least one URL under the app's bound
 * 安全域名), optional `pic` (multipart, not emulated) and `rip`. The answer is the new status `{created_at, id,
 * idstr, mid, text, …, user}`; links in `text` come back shortened to t.cn, as on Weibo. Posted statuses show in
 * `statuses/user_timeline.json` (index.ts merges them in), so a client can read its own posts back.
 *
 * Errors `{error, error_code, request}`: 10016 missing parameter, 10017 "appkey not bind domain!" (no link on the
 * safe domain; the message seen by developers), 20012 text too long, 20019 repeated text, 20016 posting out of
 * limit (30 an hour per user), 21332/21327 token, 10023 hourly request budget (shared with the read routes).
 * ASSUMPTIONS: the HTTP statuses, the exact message strings of 20012/20016/20019, counting (a CJK character 1,
 * anything else ½, rounded up, links at full length), the 24-hour window for "repeated", and 10017 for a topic.
 */
import { createHash } from 'crypto';
import type { SandboxRequest, SandboxResponse } from '../../platform';

/** The safe domain (安全域名) bound to the sandbox app: share.json needs a link under it. */
export const SANDBOX_WEIBO_SAFE_DOMAIN = 'xinghe.example.com';
export const WEIBO_SHARE_LIMIT = 140;
export const WEIBO_POSTS_PER_HOUR = 30;
const REPEAT_WINDOW_MS = 24 * 3_600_000;

export const WEIBO_SHARE_ERRORS = {
	missingStatus: [400, 10016, 'miss required parameter (status) , see doc for more info.'],
	notBindDomain: [400, 10017, 'appkey not bind domain!'],
	topicNotAllowed: [400, 10017, 'parameter (status)\'s value invalid: topic (#…#) is not allowed, see doc for more info.'],
	textTooLong: [400, 20012, 'Text too long, please input text less than 140 characters!'],
	outOfLimit: [403, 20016, 'Out of limit!'],
	repeated: [400, 20019, 'Repeated weibo text!'],
} as const;

export interface SharedStatus {
	id: string;
	uid: string;
	createdAtMs: number;
	/** The text as Weibo stores it: links replaced by t.cn short links. */
	text: string;
	/** The text as sent. */
	sent: string;
	rip?: string;
}

/** Weibo's length: a CJK (full-width) character counts 1, anything else ½; rounded up. */
export function weiboLength(text: string): number {
	let half = 0;
	for (const ch of text) half += /[\u2e80-\uffff]|[\u{20000}-\u{2ffff}]/u.test(ch) ? 2 : 1;
	return Math.ceil(half / 2);
}

const URL_RE = /https?:\/\/[^\s<>"'，。！？、）】]+/g;

export function shortLink(url: string): string {
	return `http://t.cn/A6${createHash('sha1').update(url).digest('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, 6)}`;
}

/** The body's fields: form-encoded (the documented way), JSON tolerated. */
function formOf(request: SandboxRequest): Record<string, string> {
	const out: Record<string, string> = {};
	const type = String(request.headers['content-type'] ?? '');
	if (type.includes('application/json')) {
		try {
			for (const [k, v] of Object.entries(JSON.parse(request.rawBody) as Record<string, unknown>)) out[k] = String(v);
		} catch {
			// not JSON: no fields
		}
		return out;
	}
	new URLSearchParams(request.rawBody).forEach((v, k) => (out[k] = v));
	return out;
}

export function createWeiboPublishing(options: {
	now: () => Date;
	/** access_token → uid, null when the token is unknown, 'expired' when expired. */
	authorise: (token: string) => string | 'invalid' | 'expired';
	/** The shared hourly request budget; false when spent. */
	spend: (token: string) => boolean;
	/** Weibo's error body for a request. */
	error: (entry: readonly [number, number, string], request: SandboxRequest) => SandboxResponse;
	user: (uid: string) => Record<string, unknown> | undefined;
	weiboTime: (ms: number) => string;
}) {
	const shared: SharedStatus[] = [];
	const postsPerHour = { limit: WEIBO_POSTS_PER_HOUR };
	let sequence = 0;

	function statusJson(s: SharedStatus, trimUser: boolean): Record<string, unknown> {
		return {
			created_at: options.weiboTime(s.createdAtMs),
			id: Number(s.id),
			idstr: s.id,
			mid: s.id,
			text: s.text,
			source: '<a href="https://open.weibo.com/" rel="nofollow">MediaOps Sandbox App</a>',
			favorited: false,
			truncated: false,
			reposts_count: 0,
			comments_count: 0,
			attitudes_count: 0,
			...(trimUser ? { uid: Number(s.uid) } : { user: options.user(s.uid) }),
		};
	}

	function share(request: SandboxRequest): SandboxResponse {
		const { error } = options;
		const E = WEIBO_SHARE_ERRORS;
		if (request.method !== 'POST') return error([400, 10008, 'param error, see doc for more info.'], request);
		const form = formOf(request);
		const header = String(request.headers.authorization ?? '');
		const token = form.access_token ?? request.query.get('access_token') ?? (header.startsWith('OAuth2 ') ? header.slice(7) : '');
		const uid = options.authorise(token);
		if (uid === 'invalid') return error([403, 21332, 'invalid_access_token'], request);
		if (uid === 'expired') return error([403, 21327, 'expired_token'], request);
		if (!options.spend(token)) return error([403, 10023, 'User requests out of rate limit!'], request);
		const status = form.status ?? '';
		if (!status.trim()) return error(E.missingStatus, request);
		if (/#[^#\s][^#]*#/.test(status)) return error(E.topicNotAllowed, request);
		const links = status.match(URL_RE) ?? [];
		const onDomain = links.some((l) => {
			try {
				const host = new URL(l).hostname.toLowerCase();
				return host === SANDBOX_WEIBO_SAFE_DOMAIN || host.endsWith(`.${SANDBOX_WEIBO_SAFE_DOMAIN}`);
			} catch {
				return false;
			}
		});
		if (!onDomain) return error(E.notBindDomain, request);
		if (weiboLength(status) > WEIBO_SHARE_LIMIT) return error(E.textTooLong, request);
		const nowMs = options.now().getTime();
		const mine = shared.filter((s) => s.uid === uid);
		if (mine.filter((s) => nowMs - s.createdAtMs < 3_600_000).length >= postsPerHour.limit) return error(E.outOfLimit, request);
		if (mine.some((s) => s.sent === status && nowMs - s.createdAtMs < REPEAT_WINDOW_MS)) return error(E.repeated, request);
		sequence += 1;
		// 16 digits growing with time like Weibo ids; 50-99 in the last two digits keeps them apart from the seeded posts.
		const id = String(4_900_000_000_000_000 + Math.floor(nowMs / 1000) * 100 + 50 + (sequence % 50));
		const entry: SharedStatus = { id, uid, createdAtMs: nowMs, text: status.replace(URL_RE, (l) => shortLink(l)), sent: status, ...(form.rip ? { rip: form.rip } : {}) };
		shared.push(entry);
		return { body: statusJson(entry, false) };
	}

	return {
		share,
		/** The uid's shared statuses as timeline entries (id and JSON), newest first. */
		timelineOf(uid: string): Array<{ id: string; json: (trimUser: boolean) => Record<string, unknown> }> {
			return shared
				.filter((s) => s.uid === uid)
				.sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1))
				.map((s) => ({ id: s.id, json: (trim: boolean) => statusJson(s, trim) }));
		},
		/** GET: what was shared (`published` counts it); DELETE: forget it; POST {postsPerHour}: the posting limit. */
		control(request: SandboxRequest): SandboxResponse {
			if (request.method === 'DELETE') {
				shared.length = 0;
				postsPerHour.limit = WEIBO_POSTS_PER_HOUR;
				return { body: { ok: true } };
			}
			if (request.method === 'POST') {
				try {
					const body = JSON.parse(request.rawBody || '{}') as { postsPerHour?: number };
					if (typeof body.postsPerHour === 'number') postsPerHour.limit = body.postsPerHour;
				} catch {
					return { status: 400, body: { error: 'body must be JSON {postsPerHour}' } };
				}
				return { body: { postsPerHour: postsPerHour.limit } };
			}
			return { body: { published: shared.length, statuses: shared } };
		},
	};
}
