import { createHash, createHmac, timingSafeEqual } from 'crypto';
import { DateTime } from 'luxon';
import type { Mention } from '../model';
import { WECHAT_TIMEZONE } from './wechat-oa';

/**
 * WeChat Official Account message push (服务器配置, plain-text mode) and the generic signed webhook.
 *
 * WeChat signs every request to the server URL: signature = sha1(sort([token, timestamp, nonce]).join('')),
 * in the query string. The first GET (the handshake) also carries `echostr`, which must be echoed back as is;
 * messages are POSTed as XML and answered with the plain text "success" (anything else, or silence for 5 s,
 * makes WeChat retry three times and then tell the account's admin the server is failing).
 * Safe mode (AES-encrypted bodies, EncodingAESKey) is not supported: choose 明文模式.
 */

/** Equal-length strings compared in constant time (a wrong signature must not leak by timing). */
export function safeEqual(a: string, b: string): boolean {
	const x = Buffer.from(a, 'utf8');
	const y = Buffer.from(b, 'utf8');
	if (x.length !== y.length) {
		// Still spend the comparison so the length check is not the only work done.
		timingSafeEqual(x, x);
		return false;
	}
	return timingSafeEqual(x, y);
}

export function wechatSignature(token: string, timestamp: string, nonce: string): string {
	return createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
}

export interface WechatSignatureQuery {
	signature?: unknown;
	timestamp?: unknown;
	nonce?: unknown;
}

/** True when the query's signature is WeChat's for this token. Missing parts are a bad signature. */
export function verifyWechatSignature(token: string, query: WechatSignatureQuery): boolean {
	const { signature, timestamp, nonce } = query;
	if (!token || typeof signature !== 'string' || typeof timestamp !== 'string' || typeof nonce !== 'string') return false;
	return safeEqual(wechatSignature(token, timestamp, nonce), signature.toLowerCase());
}

/**
 * The flat XML WeChat pushes (`<xml><ToUserName><![CDATA[..]]></ToUserName>…</xml>`) as a record of strings.
 * Only the first level is read: every field of text messages and events is there. No DTD, no entities
 * beyond the five predefined ones, so no XXE surface.
 */
export function parseWechatXml(xml: string): Record<string, string> {
	const body = /<xml>([\s\S]*)<\/xml>/i.exec(xml)?.[1];
	if (body === undefined) return {};
	const out: Record<string, string> = {};
	const field = /<([A-Za-z][\w]*)>(?:<!\[CDATA\[([\s\S]*?)\]\]>|([^<]*))<\/\1>/g;
	for (const m of body.matchAll(field)) out[m[1]] = m[2] ?? decodeEntities(m[3] ?? '');
	return out;
}

function decodeEntities(text: string): string {
	return text.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e] ?? '');
}

/** n8n parses XML bodies itself (xml2js, tags lower-cased): accept that shape too. */
export function normaliseWechatMessage(parsed: Record<string, unknown>): Record<string, string> {
	const root = (parsed.xml ?? parsed) as Record<string, unknown>;
	const names: Record<string, string> = { tousername: 'ToUserName', fromusername: 'FromUserName', createtime: 'CreateTime', msgtype: 'MsgType', content: 'Content', msgid: 'MsgId', event: 'Event' };
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(root ?? {})) {
		const v = Array.isArray(value) ? value[0] : value;
		if (v === undefined || v === null || typeof v === 'object') continue;
		out[names[key.toLowerCase()] ?? key] = String(v);
	}
	return out;
}

/**
 * A pushed user message as a Mention (kind `dm`: a message sent to the account). Non-text messages and
 * events (subscribe, menu clicks…) are not mentions: undefined.
 */
export function wechatMessageToMention(message: Record<string, string>, accountId?: string): Mention | undefined {
	if (message.MsgType !== 'text' || !message.Content) return undefined;
	const created = Number(message.CreateTime);
	const createdAt = Number.isFinite(created) && created > 0 ? DateTime.fromSeconds(created, { zone: WECHAT_TIMEZONE }) : DateTime.now().setZone(WECHAT_TIMEZONE);
	const mention: Mention = {
		platform: 'wechat_oa',
		id: message.MsgId || `${message.FromUserName ?? 'unknown'}:${message.CreateTime ?? ''}`,
		kind: 'dm',
		author: { id: message.FromUserName ?? '' },
		text: message.Content,
		createdAt: createdAt.toISO({ suppressMilliseconds: true }) ?? new Date().toISOString(),
	};
	const account = accountId || message.ToUserName;
	if (account) mention.accountId = account;
	return mention;
}

/**
 * The generic signed webhook: `X-MediaOps-Timestamp: <unix seconds>` and
 * `X-MediaOps-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>` (Stripe's scheme).
 * A timestamp outside ±`windowSeconds` of now is rejected, so a captured request cannot be replayed later.
 */
export function hmacSignature(secret: string, timestamp: string, rawBody: string | Buffer): string {
	return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}

export type HmacCheck = { ok: true } | { ok: false; reason: 'missing' | 'stale' | 'mismatch' };

export function verifyHmacSignature(secret: string, headers: { timestamp?: unknown; signature?: unknown }, rawBody: string | Buffer, nowMs: number, windowSeconds = 300): HmacCheck {
	const { timestamp, signature } = headers;
	if (!secret || typeof timestamp !== 'string' || typeof signature !== 'string' || !/^\d{9,11}$/.test(timestamp)) return { ok: false, reason: 'missing' };
	if (Math.abs(nowMs / 1000 - Number(timestamp)) > windowSeconds) return { ok: false, reason: 'stale' };
	return safeEqual(hmacSignature(secret, timestamp, rawBody), signature.trim().toLowerCase()) ? { ok: true } : { ok: false, reason: 'mismatch' };
}
