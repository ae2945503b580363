/**
 * Telegram Bot API (core.telegram.org/bots/api) for posting to channels, at the real paths
 * `/bot<token>/<method>`: getMe, getChat, sendMessage (text 1-4096 characters after entity parsing, HTML parse
 * mode checked: a `<` or `&` that is not part of a supported tag or entity is "can't parse entities"), sendPhoto
 * (a photo URL or file_id, caption 0-1024). Answers are `{ok: true, result}`; errors `{ok: false, error_code,
 * description[, parameters: {retry_after}]}` as Telegram sends them: 400 "Bad Request: chat not found",
 * 403 "Forbidden: bot is not a member of the channel chat", 401 "Unauthorized" (revoked token), 429
 * "Too Many Requests: retry after N" with the wait only in the body (no Retry-After header).
 * The route table is exact-path, so the token is part of each registered route: the sandbox bot token's routes
 * work, the revoked token's routes answer 401, any other token gets the server's 404 (Telegram: 404 Not Found).
 * Bots cannot read a channel's history: there is deliberately no read route.
 */
import type { PlatformFaultKind } from '../../faults';
import { parseJsonObject, type RouteHandler, type SandboxContext, type SandboxPlatform, type SandboxRequest, type SandboxResponse } from '../../platform';

export const SANDBOX_TELEGRAM_BOT_TOKEN = '7000000001:AAsandbox-telegram-bot-token-not-real';
/** A token Telegram no longer accepts (revoked in @BotFather): every method answers 401. */
export const SANDBOX_TELEGRAM_REVOKED_TOKEN = '7000000002:AArevoked-telegram-bot-token-not-real';
export const SANDBOX_TELEGRAM_BOT = { id: 7000000001, is_bot: true, first_name: 'MediaOps Publisher', username: 'mediaops_sandbox_bot' };

export interface SandboxChannel {
	id: number;
	username?: string;
	title: string;
	/** Whether the bot is an administrator allowed to post. */
	canPost: boolean;
}

export const SANDBOX_TELEGRAM_CHANNELS: readonly SandboxChannel[] = [
	{ id: -1001234567890, username: 'xinghe_coffee', title: '星河咖啡 Channel', canPost: true },
	{ id: -1009876543210, title: '星河咖啡 内部频道', canPost: true },
	{ id: -1005555555555, username: 'not_our_channel', title: 'Someone else', canPost: false },
];

export const TELEGRAM_TEXT_LIMIT = 4096;
export const TELEGRAM_CAPTION_LIMIT = 1024;
const METHODS = ['getMe', 'getChat', 'sendMessage', 'sendPhoto'] as const;
const HTML_TAGS = /<\/?(?:b|strong|i|em|u|ins|s|strike|del|code|pre|tg-spoiler|blockquote)>|<span class="tg-spoiler">|<\/span>|<a href="[^"<>]*">|<\/a>/g;
const ENTITY = /&(?:lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/gi;

export interface SentMessage {
	message_id: number;
	chatId: number;
	date: number;
	kind: 'text' | 'photo';
	/** The text or caption as sent (HTML). */
	html: string;
	/** What subscribers see: tags dropped, entities decoded. */
	text: string;
	photo?: string;
	disableNotification: boolean;
	linkPreviewDisabled: boolean;
}

function params(request: SandboxRequest): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	request.query.forEach((v, k) => (out[k] = v));
	const json = parseJsonObject(request.rawBody);
	if (json) return { ...out, ...json };
	if (request.rawBody.trim()) new URLSearchParams(request.rawBody).forEach((v, k) => (out[k] = v));
	return out;
}

const fail = (code: number, description: string, extra: Record<string, unknown> = {}): SandboxResponse => ({ status: code, body: { ok: false, error_code: code, description, ...extra } });
const truthy = (v: unknown) => v === true || v === 'true' || v === 1 || v === '1';

/** HTML parse mode: the visible text, or the parse error Telegram gives. */
export function parseTelegramHtml(html: string): { text: string } | { error: string } {
	const stripped = html.replace(HTML_TAGS, '');
	const lt = stripped.indexOf('<');
	if (lt >= 0) return { error: `Bad Request: can't parse entities: Unsupported start tag "${stripped.slice(lt + 1).split(/[\s>]/)[0]}" at byte offset ${Buffer.byteLength(stripped.slice(0, lt))}` };
	const bareAmp = stripped.replace(ENTITY, '').indexOf('&');
	if (bareAmp >= 0) return { error: `Bad Request: can't parse entities: Can't find end of the entity starting at byte offset ${bareAmp}` };
	const text = stripped.replace(ENTITY, (e) => {
		const k = e.slice(1, -1).toLowerCase();
		if (k === 'lt') return '<';
		if (k === 'gt') return '>';
		if (k === 'amp') return '&';
		if (k === 'quot') return '"';
		return String.fromCodePoint(k.startsWith('#x') ? parseInt(k.slice(2), 16) : Number(k.slice(1)));
	});
	return { text };
}

export interface TelegramPlatform extends SandboxPlatform {
	messages: SentMessage[];
}

export function createTelegramPlatform(context: SandboxContext): TelegramPlatform {
	const messages: SentMessage[] = [];
	const nextId = new Map<number, number>();
	/** Flood control armed by the control route: the next `count` sends answer 429 with `retry_after`. */
	const flood = { count: 0, retryAfter: 1 };
	let revoked = false;

	const chatOf = (chatId: unknown): SandboxChannel | undefined => {
		const key = String(chatId ?? '').trim();
		return SANDBOX_TELEGRAM_CHANNELS.find((c) => String(c.id) === key || (c.username && `@${c.username}`.toLowerCase() === key.toLowerCase()));
	};
	const chatJson = (c: SandboxChannel) => ({ id: c.id, type: 'channel', title: c.title, ...(c.username ? { username: c.username } : {}) });

	function send(kind: 'text' | 'photo', request: SandboxRequest): SandboxResponse {
		const p = params(request);
		const chat = chatOf(p.chat_id);
		if (p.chat_id === undefined || p.chat_id === '') return fail(400, 'Bad Request: chat_id is empty');
		if (!chat) return fail(400, 'Bad Request: chat not found');
		if (!chat.canPost) return fail(403, 'Forbidden: bot is not a member of the channel chat');
		if (flood.count > 0) {
			flood.count -= 1;
			return fail(429, `Too Many Requests: retry after ${flood.retryAfter}`, { parameters: { retry_after: flood.retryAfter } });
		}
		const raw = String((kind === 'text' ? p.text : p.caption) ?? '');
		let text = raw;
		if (p.parse_mode === 'HTML') {
			const parsed = parseTelegramHtml(raw);
			if ('error' in parsed) return fail(400, parsed.error);
			text = parsed.text;
		}
		if (kind === 'text' && !text.trim()) return fail(400, 'Bad Request: message text is empty');
		if (kind === 'text' && text.length > TELEGRAM_TEXT_LIMIT) return fail(400, 'Bad Request: message is too long');
		if (kind === 'photo' && text.length > TELEGRAM_CAPTION_LIMIT) return fail(400, 'Bad Request: message caption is too long');
		const photo = kind === 'photo' ? String(p.photo ?? '') : undefined;
		if (kind === 'photo' && !/^https?:\/\/\S+$/.test(photo!) && !/^[A-Za-z0-9_-]{20,}$/.test(photo!)) return fail(400, 'Bad Request: wrong file identifier/HTTP URL specified');
		const previewOptions = (typeof p.link_preview_options === 'string' ? parseJsonObject(p.link_preview_options) : p.link_preview_options) as Record<string, unknown> | undefined;
		const id = (nextId.get(chat.id) ?? 100) + 1;
		nextId.set(chat.id, id);
		const message: SentMessage = {
			message_id: id,
			chatId: chat.id,
			date: Math.floor(context.now().getTime() / 1000),
			kind,
			html: raw,
			text,
			...(photo ? { photo } : {}),
			disableNotification: truthy(p.disable_notification),
			linkPreviewDisabled: truthy(p.disable_web_page_preview) || truthy(previewOptions?.is_disabled),
		};
		messages.push(message);
		const result: Record<string, unknown> = { message_id: id, sender_chat: chatJson(chat), chat: chatJson(chat), date: message.date };
		if (kind === 'text') result.text = text;
		else {
			result.photo = [{ file_id: `AgACAgsandbox${id}`, file_unique_id: `sandbox${id}`, width: 1280, height: 960 }];
			if (text) result.caption = text;
		}
		return { body: { ok: true, result } };
	}

	const handlers: Record<(typeof METHODS)[number], RouteHandler> = {
		getMe: () => ({ body: { ok: true, result: SANDBOX_TELEGRAM_BOT } }),
		getChat: (request) => {
			const chat = chatOf(params(request).chat_id);
			return chat ? { body: { ok: true, result: chatJson(chat) } } : fail(400, 'Bad Request: chat not found');
		},
		sendMessage: (request) => send('text', request),
		sendPhoto: (request) => send('photo', request),
	};

	const routes: Record<string, RouteHandler> = {};
	for (const method of METHODS) {
		routes[`/bot${SANDBOX_TELEGRAM_BOT_TOKEN}/${method}`] = (request) => (revoked ? fail(401, 'Unauthorized') : handlers[method](request));
		routes[`/bot${SANDBOX_TELEGRAM_REVOKED_TOKEN}/${method}`] = () => fail(401, 'Unauthorized');
	}

	const faults: Record<PlatformFaultKind, () => SandboxResponse> = {
		expiredToken: () => fail(401, 'Unauthorized'),
		invalidToken: () => fail(401, 'Unauthorized'),
		quota: () => fail(429, 'Too Many Requests: retry after 1', { parameters: { retry_after: 1 } }),
	};

	return {
		name: 'telegram',
		messages,
		routes,
		controlRoutes: {
			/** GET: messages sent (`published` counts them); DELETE: forget them. */
			publish: (request) => {
				if (request.method === 'DELETE') {
					messages.length = 0;
					nextId.clear();
					flood.count = 0;
					return { body: { ok: true } };
				}
				return { body: { published: messages.length, messages } };
			},
			/** POST {count, retryAfter}: the next `count` sends answer 429 with `parameters.retry_after` (seconds). */
			flood: (request) => {
				const body = parseJsonObject(request.rawBody) ?? {};
				flood.count = typeof body.count === 'number' ? body.count : 1;
				flood.retryAfter = typeof body.retryAfter === 'number' ? body.retryAfter : 1;
				return { body: { ...flood } };
			},
		},
		faultResponse: (kind) => faults[kind](),
		expireTokens: () => {
			revoked = true;
		},
		tokensIssued: () => 0,
	};
}
