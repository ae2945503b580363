import { InputError, PlatformError } from '../errors';
import type { Mention } from '../model';
import { isoUtc, toCount, type JsonApi, type JsonBody } from './http-json';
import type { PlatformContext } from './types';
import { xBearerApi } from './x';

/**
 * Mentions of an X account as Mention items, from the user mention timeline
 * `GET /2/users/:id/mentions?start_time=&max_results=100&pagination_token=&expansions=author_id` (X API v2) with the
 * app-only Bearer token: every post that @mentions the account, replies to its posts included, newest first.
 * - The account's id comes from `GET /2/users/by?usernames=` (one call a poll).
 * - 100 a page (the maximum), paged with `pagination_token`; the timeline reaches back 800 mentions, so `maxPages`
 *   defaults to 8. `start_time` bounds it to the watched window.
 * - Authors come from `includes.users` (name, @username, followers); `postId` is the post replied to, when the
 *   mention is a reply.
 * - Reads count against the plan's monthly cap; `x-rate-limit-*` is respected before a 429 (shared transport).
 */
export const X_MENTIONS_PAGE_MAX = 100;

export interface XMentionsOptions {
	bearerToken: string;
	username: string;
	baseUrl?: string;
	maxPages?: number;
}

export class XMentions {
	readonly platform = 'x' as const;
	private readonly api: JsonApi;
	private readonly username: string;

	constructor(
		private readonly options: XMentionsOptions,
		private readonly ctx: PlatformContext,
	) {
		this.api = xBearerApi(options, ctx);
		this.username = (options.username ?? '').trim().replace(/^@/, '');
		if (!this.username) throw new InputError('X needs the account’s @username', 'xUsername');
	}

	private async userId(): Promise<string> {
		const body = await this.api.get('/2/users/by', { usernames: this.username }, '2/users/by');
		const user = Array.isArray(body.data) ? (body.data[0] as JsonBody | undefined) : undefined;
		if (!user) {
			const first = Array.isArray(body.errors) ? (body.errors[0] as JsonBody | undefined) : undefined;
			throw new PlatformError({ platform: 'x', code: String(first?.title ?? 'Not Found Error'), message: String(first?.detail ?? `no user @${this.username}`), operation: '2/users/by' });
		}
		return String(user.id);
	}

	/** Mentions created at or after `since`, oldest first. */
	async listMentions(since: Date): Promise<Mention[]> {
		const id = await this.userId();
		const out: Mention[] = [];
		const seen = new Set<string>();
		const maxPages = this.options.maxPages ?? 8;
		let token: string | undefined;
		for (let page = 1; page <= maxPages; page++) {
			const body = await this.api.get(
				`/2/users/${id}/mentions`,
				{
					max_results: X_MENTIONS_PAGE_MAX,
					start_time: isoUtc(since).replace(/\.\d{3}Z$/, 'Z'),
					pagination_token: token,
					expansions: 'author_id',
					'tweet.fields': 'created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets,public_metrics',
					'user.fields': 'username,name,public_metrics',
				},
				'2/users/:id/mentions',
			);
			const users = new Map<string, JsonBody>();
			for (const u of Array.isArray((body.includes as JsonBody | undefined)?.users) ? ((body.includes as JsonBody).users as JsonBody[]) : []) users.set(String(u.id), u);
			for (const tweet of Array.isArray(body.data) ? (body.data as JsonBody[]) : []) {
				const mention = xTweetToMention(tweet, id, users.get(String(tweet.author_id)));
				if (mention && !seen.has(mention.id)) {
					seen.add(mention.id);
					out.push(mention);
				}
			}
			const meta = (body.meta ?? {}) as JsonBody;
			token = typeof meta.next_token === 'string' ? meta.next_token : undefined;
			if (!token) return out.reverse();
		}
		this.ctx.log?.(`x: more than ${maxPages * X_MENTIONS_PAGE_MAX} mentions of @${this.username} in the window; only the newest are read each poll`);
		return out.reverse();
	}
}

/** One mention (a post) as a Mention; undefined without id, time or text. */
export function xTweetToMention(tweet: JsonBody, accountId: string, user?: JsonBody): Mention | undefined {
	const created = typeof tweet.created_at === 'string' ? Date.parse(tweet.created_at) : NaN;
	if (tweet.id === undefined || typeof tweet.text !== 'string' || Number.isNaN(created)) return undefined;
	const id = String(tweet.id);
	const repliedTo = Array.isArray(tweet.referenced_tweets) ? (tweet.referenced_tweets as JsonBody[]).find((r) => r.type === 'replied_to') : undefined;
	const metrics = (tweet.public_metrics ?? {}) as JsonBody;
	const followers = toCount(((user?.public_metrics ?? {}) as JsonBody).followers_count);
	const username = typeof user?.username === 'string' ? user.username : undefined;
	const mention: Mention = {
		platform: 'x',
		id,
		kind: 'mention',
		accountId,
		author: { id: String(tweet.author_id ?? ''), ...(username ? { name: `@${username}` } : {}), ...(followers !== undefined ? { followers } : {}) },
		text: tweet.text,
		createdAt: isoUtc(created),
		url: `https://x.com/${username ?? 'i/web'}/status/${id}`,
	};
	if (repliedTo?.id !== undefined && String(tweet.in_reply_to_user_id ?? '') === accountId) mention.postId = String(repliedTo.id);
	const likes = toCount(metrics.like_count);
	const replies = toCount(metrics.reply_count);
	if (likes !== undefined) mention.likes = likes;
	if (replies !== undefined) mention.replies = replies;
	return mention;
}

/** x.com/<username>/status/<id>. */
export function xPostUrl(username: string, postId: string): string {
	return `https://x.com/${username.replace(/^@/, '')}/status/${postId}`;
}
