import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * DingTalk custom robot, 加签 mode (open.dingtalk.com/document/robots/customize-robot-security-settings):
 * string to sign = timestamp + "\n" + secret, HmacSHA256 keyed with the secret, Base64; the signature is then
 * URL-encoded into `&timestamp=…&sign=…`. `timestamp` is in milliseconds and must be within one hour of
 * DingTalk's clock, else errcode 310000 "sign not match". Returns the Base64 value; URL-encoding happens once,
 * when the query string is built.
 */
export function dingTalkSign(secret: string, timestampMs: number | string): string {
	return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

/**
 * Feishu / Lark custom bot, 签名校验 (open.feishu.cn/document/client-docs/bot-v3/add-custom-bot, "签名校验"):
 * the HMAC-SHA256 *key* is timestamp + "\n" + secret and the message is empty; Base64. `timestamp` is in
 * seconds and travels in the JSON body next to `sign`; more than an hour off gives code 19021
 * "sign match fail or timestamp is not within one hour from current time".
 */
export function feishuSign(secret: string, timestampSeconds: number | string): string {
	return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

/** Constant-time comparison of two signatures (the sandbox receivers use it). */
export function signaturesEqual(a: string, b: string): boolean {
	const x = Buffer.from(a, 'utf8');
	const y = Buffer.from(b, 'utf8');
	return x.length === y.length && timingSafeEqual(x, y);
}
