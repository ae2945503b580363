/**
 * Sandbox receivers for the team chat webhooks Team Notify posts to: WeCom group bot, DingTalk custom robot,
 * Feishu/Lark custom bot, Slack incoming webhook. Each checks the token in the URL, the signature where the bot has
 * one (DingTalk 加签, Feishu 签名校验: the same algorithms, a one-hour timestamp window), the payload's shape and
 * the platform's size and rate limits, and answers with that platform's own error codes. Accepted messages are
 * recorded; `GET /__sandbox/notify/messages[?channel=wecom]` lists them, `DELETE` clears them.
 *
 * Routes are exact paths in this sandbox, so the bots are seeded (SANDBOX_NOTIFY_BOTS): a plain and a signed bot
 * for DingTalk and Feishu, one WeCom key, one Slack hook, plus a revoked Feishu/Slack hook for the "not found"
 * answers. An unknown WeCom key or DingTalk token gets the platform's own error.
 */
import { dingTalkSign, feishuSign, signaturesEqual } from '../../../lib/notify/signing';
import type { PlatformFaultKind } from '../../faults';
import { parseJsonObject, type PlatformFactory, type RouteHandler, type SandboxContext, type SandboxPlatform, type SandboxRequest, type SandboxResponse } from '../../platform';

export const SANDBOX_NOTIFY_BOTS = {
	wecom: { key: '5f1c0a2e-7b3d-4e8a-9c61-0sandboxwecom' },
	dingtalk: {
		plain: { accessToken: 'sandboxdingtalkplain0001' },
		signed: { accessToken: 'sandboxdingtalksigned0001', secret: 'SECsandbox7d1f0b9c2e4a6d8f0a1b3c5e7f9d2b4a6c8e0f1a3b5d7' },
	},
	feishu: {
		plain: { token: 'sandbox-feishu-plain-0001' },
		signed: { token: 'sandbox-feishu-signed-0001', secret: 'sandboxFeishuSecret7Kq2' },
		revoked: { token: 'sandbox-feishu-revoked-0001' },
	},
	slack: {
		team: 'T00SANDBOX',
		bot: 'B00SANDBOX',
		secret: 'sandboxSlackHookSecret0001',
		revokedSecret: 'sandboxSlackHookRevoked01',
	},
} as const;

export type NotifyBotVariant = 'plain' | 'signed';

/** The webhook URL a user would paste, pointing at the sandbox. */
export function sandboxWebhookUrl(baseUrl: string, channel: 'wecom' | 'dingtalk' | 'feishu' | 'slack', variant: NotifyBotVariant | 'revoked' = 'plain'): string {
	const base = baseUrl.replace(/\/+$/, '');
	const b = SANDBOX_NOTIFY_BOTS;
	switch (channel) {
		case 'wecom':
			return `${base}/cgi-bin/webhook/send?key=${b.wecom.key}`;
		case 'dingtalk':
			return `${base}/robot/send?access_token=${variant === 'signed' ? b.dingtalk.signed.accessToken : b.dingtalk.plain.accessToken}`;
		case 'feishu':
			return `${base}/open-apis/bot/v2/hook/${variant === 'signed' ? b.feishu.signed.token : variant === 'revoked' ? b.feishu.revoked.token : b.feishu.plain.token}`;
		case 'slack':
			return `${base}/services/${b.slack.team}/${b.slack.bot}/${variant === 'revoked' ? b.slack.revokedSecret : b.slack.secret}`;
	}
}

export interface ReceivedMessage {
	channel: 'wecom' | 'dingtalk' | 'feishu' | 'slack';
	/** Which seeded bot: plain / signed (never the token). */
	bot: string;
	signed: boolean;
	receivedAt: string;
	/** The JSON body as received, without `timestamp` / `sign`. */
	body: Record<string, unknown>;
}

/** Per sandbox instance (keyed by its context object), never module-global: two sandboxes never share a log. */
const LOGS = new WeakMap<SandboxContext, ReceivedMessage[]>();
function logOf(context: SandboxContext): ReceivedMessage[] {
	let log = LOGS.get(context);
	if (!log) LOGS.set(context, (log = []));
	return log;
}

/** Sliding one-minute counters per bot (the platforms' per-minute limits). */
function minuteLimiter(context: SandboxContext, perMinute: number): (bot: string) => boolean {
	const sent = new Map<string, number[]>();
	return (bot) => {
		const now = context.now().getTime();
		const recent = (sent.get(bot) ?? []).filter((t) => now - t < 60_000);
		if (recent.length >= perMinute) {
			sent.set(bot, recent);
			return false;
		}
		recent.push(now);
		sent.set(bot, recent);
		return true;
	};
}

function record(context: SandboxContext, channel: ReceivedMessage['channel'], bot: string, signed: boolean, body: Record<string, unknown>): void {
	const { timestamp: _t, sign: _s, ...rest } = body;
	logOf(context).push({ channel, bot, signed, receivedAt: context.now().toISOString(), body: rest });
}

const utf8 = (s: unknown) => Buffer.byteLength(String(s ?? ''), 'utf8');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ONE_HOUR_MS = 3_600_000;

function basePlatform(name: string, routes: Record<string, RouteHandler>, faults: Record<PlatformFaultKind, () => SandboxResponse>): SandboxPlatform {
	return { name, routes, faultResponse: (kind) => faults[kind](), expireTokens: () => undefined, tokensIssued: () => 0 };
}

/** WeCom group bot (developer.work.weixin.qq.com/document/path/91770): always HTTP 200 with {errcode, errmsg}. */
export function createWecomReceiver(context: SandboxContext): SandboxPlatform {
	const allow = minuteLimiter(context, 20);
	const err = (errcode: number, errmsg: string): SandboxResponse => ({
		body: { errcode, errmsg: `${errmsg}, hint: [sandbox], from ip: 127.0.0.1, more info at https://open.work.weixin.qq.com/devtool/query?e=${errcode}` },
	});
	const send: RouteHandler = (request) => {
		if (request.method !== 'POST') return err(43002, 'require POST method');
		if (request.query.get('key') !== SANDBOX_NOTIFY_BOTS.wecom.key) return err(93000, 'invalid webhook url');
		const body = parseJsonObject(request.rawBody);
		if (!body) return err(47001, 'data format error');
		const type = body.msgtype;
		if (type !== 'text' && type !== 'markdown' && type !== 'markdown_v2' && type !== 'image' && type !== 'news' && type !== 'file' && type !== 'template_card') return err(40008, 'invalid message type');
		if (type === 'text' || type === 'markdown' || type === 'markdown_v2') {
			const part = body[type];
			const content = isObject(part) ? part.content : undefined;
			if (typeof content !== 'string' || content.trim() === '') return err(44004, 'empty content');
			// text: 2048 bytes; markdown: 4096 bytes, both UTF-8 (documented limits).
			const max = type === 'text' ? 2048 : 4096;
			if (utf8(content) > max) return err(40058, `${type}.content exceed max length ${max}`);
		}
		if (!allow('wecom')) return err(45009, 'api freq out of limit');
		record(context, 'wecom', 'plain', false, body);
		return { body: { errcode: 0, errmsg: 'ok' } };
	};
	return basePlatform('notify-wecom', { '/cgi-bin/webhook/send': send }, {
		expiredToken: () => err(93000, 'invalid webhook url'),
		invalidToken: () => err(93000, 'invalid webhook url'),
		quota: () => err(45009, 'api freq out of limit'),
	});
}

/** DingTalk custom robot: HTTP 200 with {errcode, errmsg}; 加签 bots check timestamp (±1 h) and sign. */
export function createDingtalkReceiver(context: SandboxContext): SandboxPlatform {
	const allow = minuteLimiter(context, 20);
	const err = (errcode: number, errmsg: string): SandboxResponse => ({ body: { errcode, errmsg } });
	const { plain, signed } = SANDBOX_NOTIFY_BOTS.dingtalk;
	const send: RouteHandler = (request) => {
		const token = request.query.get('access_token');
		const bot = token === plain.accessToken ? 'plain' : token === signed.accessToken ? 'signed' : undefined;
		if (!bot) return err(300001, 'token is not exist');
		if (bot === 'signed') {
			const timestamp = request.query.get('timestamp') ?? '';
			const sign = request.query.get('sign') ?? '';
			const ts = Number(timestamp);
			if (!/^\d{13}$/.test(timestamp) || Math.abs(context.now().getTime() - ts) > ONE_HOUR_MS) return err(310000, 'invalid timestamp');
			// URLSearchParams has already URL-decoded `sign`, as DingTalk does.
			if (!signaturesEqual(sign, dingTalkSign(signed.secret, timestamp))) return err(310000, 'sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]');
		}
		if (request.method !== 'POST') return err(43002, '需要POST请求');
		const body = parseJsonObject(request.rawBody);
		if (!body) return err(40035, '缺少参数 json');
		const type = body.msgtype;
		if (!['text', 'link', 'markdown', 'actionCard', 'feedCard'].includes(String(type))) return err(40035, '缺少参数 msgtype');
		if (type === 'markdown') {
			const md = body.markdown;
			if (!isObject(md) || typeof md.title !== 'string' || !md.title) return err(40035, '缺少参数 markdown.title');
			if (typeof md.text !== 'string' || !md.text) return err(40035, '缺少参数 markdown.text');
		}
		if (type === 'text' && !(isObject(body.text) && typeof body.text.content === 'string' && body.text.content)) return err(40035, '缺少参数 text.content');
		if (body.at !== undefined) {
			const at = body.at;
			const list = (v: unknown) => v === undefined || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
			if (!isObject(at) || !list(at.atMobiles) || !list(at.atUserIds) || (at.isAtAll !== undefined && typeof at.isAtAll !== 'boolean')) return err(40035, '不合法的参数 at');
		}
		// 20 messages a minute per robot; beyond that DingTalk throttles the robot for 10 minutes.
		if (!allow(bot)) return err(130101, 'send too fast, exceed 20 times per minute');
		record(context, 'dingtalk', bot, bot === 'signed', body);
		return err(0, 'ok');
	};
	return basePlatform('notify-dingtalk', { '/robot/send': send }, {
		expiredToken: () => err(300001, 'token is not exist'),
		invalidToken: () => err(300001, 'token is not exist'),
		quota: () => err(130101, 'send too fast, exceed 20 times per minute'),
	});
}

/** Feishu / Lark custom bot: {code, msg, data}; signed bots need body `timestamp` (s) and `sign`; body ≤ 20 KB. */
export function createFeishuReceiver(context: SandboxContext): SandboxPlatform {
	const allow = minuteLimiter(context, 100);
	const err = (code: number, msg: string, status = 200): SandboxResponse => ({ status, body: { code, data: {}, msg } });
	const { plain, signed, revoked } = SANDBOX_NOTIFY_BOTS.feishu;
	const hook =
		(bot: 'plain' | 'signed'): RouteHandler =>
		(request) => {
			if (request.method !== 'POST') return err(9499, 'Bad Request', 400);
			if (Buffer.byteLength(request.rawBody, 'utf8') > 20 * 1024) return err(9499, 'Bad Request: request body exceeds 20KB', 400);
			const body = parseJsonObject(request.rawBody);
			if (!body) return err(9499, 'Bad Request', 400);
			if (bot === 'signed') {
				const timestamp = String(body.timestamp ?? '');
				const sign = String(body.sign ?? '');
				const fresh = /^\d{10}$/.test(timestamp) && Math.abs(context.now().getTime() - Number(timestamp) * 1000) <= ONE_HOUR_MS;
				if (!fresh || !signaturesEqual(sign, feishuSign(signed.secret, timestamp))) return err(19021, 'sign match fail or timestamp is not within one hour from current time');
			}
			const type = body.msg_type;
			if (!['text', 'post', 'image', 'share_chat', 'interactive'].includes(String(type))) return err(9499, 'Bad Request: invalid msg_type', 400);
			if (type === 'interactive') {
				const card = body.card;
				if (!isObject(card) || !Array.isArray(card.elements) || card.elements.length === 0) return err(9499, 'Bad Request: card.elements required', 400);
				const header = card.header;
				if (header !== undefined && !(isObject(header) && isObject(header.title) && typeof header.title.content === 'string')) return err(9499, 'Bad Request: card.header.title', 400);
			} else if (type === 'text' && !(isObject(body.content) && typeof body.content.text === 'string')) {
				return err(9499, 'Bad Request: content.text required', 400);
			} else if (type === 'post' && !isObject(body.content)) {
				return err(9499, 'Bad Request: content.post required', 400);
			}
			if (!allow(bot)) return err(11232, 'frequency limited psm');
			record(context, 'feishu', bot, bot === 'signed', body);
			return { body: { StatusCode: 0, StatusMessage: 'success', code: 0, data: {}, msg: 'success' } };
		};
	const routes: Record<string, RouteHandler> = {
		[`/open-apis/bot/v2/hook/${plain.token}`]: hook('plain'),
		[`/open-apis/bot/v2/hook/${signed.token}`]: hook('signed'),
		[`/open-apis/bot/v2/hook/${revoked.token}`]: () => err(19001, 'param invalid: incoming webhook access token invalid'),
	};
	return basePlatform('notify-feishu', routes, {
		expiredToken: () => err(19001, 'param invalid: incoming webhook access token invalid'),
		invalidToken: () => err(19001, 'param invalid: incoming webhook access token invalid'),
		quota: () => err(11232, 'frequency limited psm'),
	});
}

/**
 * Slack incoming webhook: `ok` as text/html on success, otherwise an HTTP status with the error word as the body
 * (api.slack.com/changelog/2016-05-17-changes-to-errors-for-incoming-webhooks). Block limits from the Block Kit reference.
 */
export function createSlackReceiver(context: SandboxContext): SandboxPlatform {
	const text = (status: number, word: string, headers: Record<string, string> = {}): SandboxResponse => ({ status, headers: { 'Content-Type': 'text/html', ...headers }, body: word });
	const { team, bot, secret, revokedSecret } = SANDBOX_NOTIFY_BOTS.slack;
	const send: RouteHandler = (request) => {
		if (request.method !== 'POST') return text(400, 'invalid_payload');
		let body: Record<string, unknown> | undefined = parseJsonObject(request.rawBody);
		// Slack also takes the form encoding `payload=<json>`.
		if (!body && request.rawBody.startsWith('payload=')) body = parseJsonObject(new URLSearchParams(request.rawBody).get('payload') ?? '');
		if (!body) return text(400, 'invalid_payload');
		const blocks = body.blocks;
		const hasText = typeof body.text === 'string' && body.text.trim() !== '';
		if (!hasText && blocks === undefined && body.attachments === undefined) return text(400, 'no_text');
		if (blocks !== undefined && !validBlocks(blocks)) return text(400, 'invalid_blocks');
		record(context, 'slack', 'plain', false, body);
		return text(200, 'ok');
	};
	return basePlatform(
		'notify-slack',
		{ [`/services/${team}/${bot}/${secret}`]: send, [`/services/${team}/${bot}/${revokedSecret}`]: () => text(404, 'no_service') },
		{
			expiredToken: () => text(403, 'invalid_token'),
			invalidToken: () => text(404, 'no_service'),
			quota: () => text(429, 'rate_limited', { 'Retry-After': '1' }),
		},
	);
}

/** The Block Kit limits an incoming webhook enforces with `invalid_blocks`. */
function validBlocks(blocks: unknown): boolean {
	if (!Array.isArray(blocks) || blocks.length > 50) return false;
	return blocks.every((block) => {
		if (!isObject(block)) return false;
		const t = isObject(block.text) ? block.text : undefined;
		switch (block.type) {
			case 'header':
				return !!t && t.type === 'plain_text' && typeof t.text === 'string' && t.text.length > 0 && t.text.length <= 150;
			case 'section':
				return !!t && (t.type === 'mrkdwn' || t.type === 'plain_text') && typeof t.text === 'string' && t.text.length > 0 && t.text.length <= 3000;
			case 'context':
				return Array.isArray(block.elements) && block.elements.length > 0 && block.elements.length <= 10;
			case 'divider':
				return true;
			default:
				return typeof block.type === 'string';
		}
	});
}

/** The control routes live on a platform named `notify`: GET/DELETE /__sandbox/notify/messages. */
export function createNotifyControl(context: SandboxContext): SandboxPlatform {
	const messages: RouteHandler = (request: SandboxRequest) => {
		const log = logOf(context);
		if (request.method === 'DELETE') {
			log.length = 0;
			return { body: { messages: [] } };
		}
		const channel = request.query.get('channel');
		return { body: { messages: channel ? log.filter((m) => m.channel === channel) : log } };
	};
	return {
		name: 'notify',
		routes: {},
		controlRoutes: { messages },
		faultResponse: () => ({ status: 500, body: { error: 'internal server error' } }),
		expireTokens: () => undefined,
		tokensIssued: () => 0,
	};
}

/** Registered in sandbox/server.ts with one spread. */
export const NOTIFY_PLATFORM_FACTORIES: PlatformFactory[] = [createWecomReceiver, createDingtalkReceiver, createFeishuReceiver, createSlackReceiver, createNotifyControl];

/** The messages the sandbox accepted, for in-process tests. */
export function receivedMessages(context: SandboxContext): ReceivedMessage[] {
	return logOf(context);
}
