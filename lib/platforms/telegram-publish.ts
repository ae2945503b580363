import { InputError, isPlatformError, PlatformError } from '../errors';
import type { HttpClient } from '../http/http-client';
import { DEFAULT_RETRY_POLICY, withRetry } from '../http/retry';
import type { Post } from '../model';
import { htmlToPlainText } from '../publish/text';
import type { PublishAdapter, TargetResult } from '../publish/types';
import { JsonApi, type JsonBody, type PlatformErrorInfo } from './http-json';
import type { PlatformContext } from './types';

type Result = Omit<TargetResult, 'platform' | 'account' | 'key' | 'at'>;

export const TELEGRAM_DEFAULT_BASE_URL = 'https://api.telegram.org';

export interface TelegramPublishOptions {
	/** The bot token from @BotFather (`123456:ABC…`). It is part of every request path: scrubbed from every message. */
	botToken: string;
	/** The channel: `@channelusername` or its numeric id (`-100…`). The bot must be an administrator allowed to post. */
	chatId: string;
	baseUrl?: string;
	/** No link preview card under text messages (`link_preview_options.is_disabled`, which replaced `disable_web_page_preview` in Bot API 7.0). */
	disableWebPagePreview?: boolean;
	/** `disable_notification`: subscribers get the message without a sound. */
	silent?: boolean;
}

/** Escapes the three characters Telegram's HTML parse mode reserves (core.telegram.org/bots/api#html-style). */
export function escapeTelegramHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The message in Telegram HTML: the title in bold as a first paragraph (when the body does not already start
 * with it), the body as plain text, tags as hashtags; every piece of user text escaped, so `<`, `>` and `&`
 * in a post never break the message or inject markup.
 */
export function telegramMessageHtml(post: Pick<Post, 'title' | 'body' | 'tags'>): string {
	const body = plainText(post.body);
	const title = post.title.trim();
	const tags = post.tags.map((t) => `#${t.replace(/^#/, '').replace(/\s+/g, '')}`).filter((t) => t.length > 1 && !body.includes(t));
	const parts = [title && !body.startsWith(title) ? `<b>${escapeTelegramHtml(title)}</b>` : '', escapeTelegramHtml(body), escapeTelegramHtml(tags.join(' '))];
	return parts.filter(Boolean).join('\n\n');
}

/**
 * The body as plain text: HTML bodies (WeChat-style) lose their tags, but only HTML's own tags (`<p>`, `</b>`,
 * `<br/>`, `<section …>`) go, so a plain-text body's "1 < 2" or "<limited>" survives to be escaped.
 */
function plainText(body: string): string {
	const tag = /<\/?(?:p|br|b|strong|i|em|u|s|del|a|span|div|section|img|h[1-6]|ul|ol|li|blockquote|code|pre|hr|figure|figcaption|sup|sub|mark|small)(?:\s[^<>]*)?\/?>/gi;
	if (!tag.test(body)) return body.trim();
	return htmlToPlainText(body.replace(/<br\s*\/?>/gi, '\n').replace(/<\/p>\s*<p[^<>]*>/gi, '\n\n').replace(tag, '').replace(/</g, '&lt;'));
}

/** Bot API errors: `{ok: false, error_code, description, parameters?: {retry_after, migrate_to_chat_id}}`. */
export function readTelegramError(status: number, body: JsonBody): PlatformErrorInfo | undefined {
	if (body.ok !== false) return undefined;
	const code = Number(body.error_code ?? status) || status;
	const message = typeof body.description === 'string' ? body.description : `HTTP ${status}`;
	const params = (body.parameters ?? {}) as JsonBody;
	const hint = params.migrate_to_chat_id !== undefined ? ` (the group became a supergroup: use chat id ${String(params.migrate_to_chat_id)})` : '';
	return { code, message: message + hint, retryable: code === 429 || status === 429 || status >= 500 };
}

/**
 * Telegram answers a flood limit with `parameters.retry_after` in the body (seconds) and not always with a
 * Retry-After header: copy it into the header so the shared transport waits exactly that long before retrying.
 */
export function retryAfterFromBody(http: HttpClient): HttpClient {
	return {
		async request(req) {
			const res = await http.request(req);
			if (res.status !== 429 || res.headers['retry-after']) return res;
			try {
				const seconds = (JSON.parse(res.text) as { parameters?: { retry_after?: unknown } }).parameters?.retry_after;
				if (typeof seconds === 'number' && seconds >= 0) return { ...res, headers: { ...res.headers, 'retry-after': String(seconds) } };
			} catch {
				// not JSON: the transport reports it
			}
			return res;
		},
	};
}

/** Transport failures that prove the request never reached Telegram: safe to send again. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'ENOTFOUND', 'ENETUNREACH', 'EHOSTUNREACH']);

export interface TelegramChat {
	id: string;
	username?: string;
	title?: string;
	type?: string;
}

/**
 * Posting to a Telegram channel with the Bot API: `sendMessage` (HTML parse mode, user text escaped) or, for a
 * post with one image, `sendPhoto` with the text as caption (a URL Telegram downloads, or a `file_id` in
 * `mediaId`). Several images or a video are refused before any call (no media groups or sendVideo yet).
 *
 * A bot cannot read a channel's history, so there is no read-back and no platform-side guard: "never twice"
 * rests on the ledger alone (results say `readBack: 'unavailable'`). To keep that promise within a run, a send
 * is retried only when Telegram certainly did not take it (429 flood control after `retry_after`, connection
 * refused); a timeout, reset or 5xx after the request went out may have posted, so it fails at once, not
 * retryable, with a message saying to check the channel. Racing runs (static data copied per execution) can
 * still both post: schedule one pipeline per channel.
 */
export class TelegramPublisher implements PublishAdapter {
	readonly platform = 'telegram' as const;
	private chat?: TelegramChat;
	private readonly token: string;
	private readonly chatId: string;

	constructor(
		private readonly options: TelegramPublishOptions,
		private readonly ctx: PlatformContext,
	) {
		this.token = (options.botToken ?? '').trim();
		if (!this.token) throw new InputError('posting to Telegram needs the bot token (from @BotFather) in the credential', 'botToken');
		this.chatId = (options.chatId ?? '').trim();
		if (!this.chatId) throw new InputError('posting to Telegram needs the channel: @channelusername or its numeric id', 'chatId');
	}

	get account(): string {
		return this.chat?.username ? `@${this.chat.username}` : this.chatId;
	}

	private api(maxAttempts?: number): JsonApi {
		const policy = this.ctx.retryPolicy ?? DEFAULT_RETRY_POLICY;
		return new JsonApi({
			platform: 'telegram',
			baseUrl: `${(this.options.baseUrl || TELEGRAM_DEFAULT_BASE_URL).replace(/\/+$/, '')}/bot${this.token}`,
			ctx: { ...this.ctx, http: retryAfterFromBody(this.ctx.http), retryPolicy: maxAttempts ? { ...policy, maxAttempts } : policy },
			secrets: [this.token],
			readError: readTelegramError,
		});
	}

	private clean(text: string): string {
		return text.split(this.token).join('***');
	}

	/** The bot itself (`getMe`): the credential's Test. */
	async getMe(): Promise<{ id: string; username: string }> {
		const body = await this.api().get('/getMe', {}, 'getMe');
		const me = (body.result ?? {}) as JsonBody;
		return { id: String(me.id ?? ''), username: String(me.username ?? '') };
	}

	/** The channel (`getChat`): its id, @username and title, to match the post's `account` before posting. */
	async getChat(): Promise<TelegramChat> {
		if (!this.chat) {
			const body = await this.api().get('/getChat', { chat_id: this.chatId }, 'getChat');
			const c = (body.result ?? {}) as JsonBody;
			this.chat = { id: String(c.id ?? this.chatId), username: typeof c.username === 'string' ? c.username : undefined, title: typeof c.title === 'string' ? c.title : undefined, type: typeof c.type === 'string' ? c.type : undefined };
		}
		return this.chat;
	}

	/** Names the post's `account` may use for this channel: `@name`, `name`, the numeric id, the configured chat id. */
	async accountNames(): Promise<string[]> {
		const chat = await this.getChat();
		return [...new Set([this.chatId, chat.id, ...(chat.username ? [chat.username, `@${chat.username}`] : [])])];
	}

	/** No read-back exists for bots: the ledger is the only guard. */
	async findPublished(): Promise<Result | undefined> {
		return undefined;
	}

	/**
	 * One send: retried (with the shared policy, honouring `retry_after`) only while Telegram certainly did not
	 * take it; a failure after the request may have been accepted is turned non-retryable so nothing resends it.
	 */
	private async send(method: 'sendMessage' | 'sendPhoto', body: Record<string, unknown>): Promise<JsonBody> {
		const api = this.api(1);
		return withRetry(
			async () => {
				try {
					return await api.post(`/${method}`, body, method);
				} catch (error) {
					if (!isPlatformError(error) || !error.retryable) throw error;
					if (error.httpStatus === 429 || NOT_SENT_CODES.has(error.code)) throw error;
					throw new PlatformError({
						platform: 'telegram',
						code: error.code,
						httpStatus: error.httpStatus,
						message: this.clean(
							`${error.message}; the message may have reached the channel, and a bot cannot read a channel back, so it is not sent again automatically: check the channel, then publish again if it is missing / 消息可能已发出，机器人无法读回频道，不自动重发：请先检查频道`,
						),
						retryable: false,
						operation: method,
					});
				}
			},
			this.ctx.retryPolicy ?? DEFAULT_RETRY_POLICY,
			this.ctx.retryDeps,
		);
	}

	async publish(post: Post): Promise<Result> {
		const visual = post.media.filter((m) => m.type === 'image' || m.type === 'video');
		if (visual.length > 1 || visual.some((m) => m.type === 'video')) {
			const message = '此版本每条只发一张图片（sendPhoto），不发视频或相册 / this version sends one image per post (sendPhoto), not videos or albums: split the post or post it by hand';
			return { status: 'failed', outcome: 'compliance_failed', message, error: { code: 'telegram_media', message } };
		}
		const chat = await this.getChat();
		const text = telegramMessageHtml(post);
		const image = post.media.find((m) => m.type === 'image' && (m.url || m.mediaId));
		const common = { chat_id: this.chatId, parse_mode: 'HTML', ...(this.options.silent ? { disable_notification: true } : {}) };
		const answer = image
			? await this.send('sendPhoto', { ...common, photo: image.mediaId || image.url, ...(text ? { caption: text } : {}) })
			: await this.send('sendMessage', { ...common, text, ...(this.options.disableWebPagePreview ? { link_preview_options: { is_disabled: true } } : {}) });
		const message = (answer.result ?? {}) as JsonBody;
		const messageId = String(message.message_id ?? '');
		const chatId = String(((message.chat ?? {}) as JsonBody).id ?? chat.id);
		return {
			status: 'published',
			outcome: 'published',
			message: '发布成功（Telegram 无读回，防重复仅靠发布台账）/ published (Telegram has no read-back: the ledger alone prevents a second post)',
			externalId: messageId,
			url: messageUrl(chat, messageId),
			refs: { chatId, messageId },
			readBack: 'unavailable',
		};
	}
}

/** t.me/<channel>/<id> for a public channel; t.me/c/<id without -100>/<id> for a private one (members only). */
export function messageUrl(chat: TelegramChat, messageId: string): string | undefined {
	if (!messageId) return undefined;
	if (chat.username) return `https://t.me/${chat.username}/${messageId}`;
	if (/^-100\d+$/.test(chat.id)) return `https://t.me/c/${chat.id.slice(4)}/${messageId}`;
	return undefined;
}
