import { InputError, PlatformError, redact } from '../errors';
import { HttpTransportError } from '../http/http-client';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, withRetry } from '../http/retry';
import type { PlatformContext } from '../platforms/types';
import { dingTalkSign, feishuSign } from './signing';
import type { NotifyChannel, RenderedMessage } from './types';

/**
 * Posting a rendered message to a chat tool's webhook: URL checks, signing (per attempt, so a retry carries a
 * fresh timestamp), the shared retry policy, and each platform's answer turned into a PlatformError with the
 * platform's own code and message.
 *
 * The webhook URL *is* a secret (WeCom `key`, DingTalk `access_token`, the Feishu hook token and the Slack
 * T/B/X path all grant posting), so it never appears in a message, an error or a log line: errors name the
 * channel and a fixed operation, and every text from outside passes `redact` with the URL, its token and the
 * signing secret.
 *
 * Delivery is at least once: a timeout after the platform accepted the message is retried and can post twice;
 * a lost alert is the worse failure for an operations team.
 */
export interface WebhookTarget {
	channel: NotifyChannel;
	/** As copied from the chat tool, e.g. https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=… */
	webhookUrl: string;
	/** DingTalk 加签 / Feishu 签名校验 secret; empty when the bot has no signature check. */
	secret?: string;
	/** Replaces scheme, host and port of the webhook URL (a proxy, a gateway, the local sandbox). */
	baseUrl?: string;
}

export interface SendResult {
	channel: NotifyChannel;
	ok: true;
	status: 'sent';
	/** The platform's success code (0; Slack answers the text `ok`). */
	code: string;
	/** Attempts it took (1 unless a transient failure was retried). */
	attempts: number;
}

interface ChannelSpec {
	platform: string;
	operation: string;
	/** Checks the URL's shape; returns the token-like parts to scrub. */
	check(url: URL): string[] | undefined;
	example: string;
}

export const CHANNEL_SPECS: Record<NotifyChannel, ChannelSpec> = {
	wecom: {
		platform: 'wecom',
		operation: 'webhook/send',
		example: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
		check: (u) => (u.pathname.replace(/\/+$/, '').endsWith('/cgi-bin/webhook/send') && u.searchParams.get('key') ? [u.searchParams.get('key')!] : undefined),
	},
	dingtalk: {
		platform: 'dingtalk',
		operation: 'robot/send',
		example: 'https://oapi.dingtalk.com/robot/send?access_token=…',
		check: (u) => (u.pathname.replace(/\/+$/, '').endsWith('/robot/send') && u.searchParams.get('access_token') ? [u.searchParams.get('access_token')!] : undefined),
	},
	feishu: {
		platform: 'feishu',
		operation: 'bot/v2/hook',
		example: 'https://open.feishu.cn/open-apis/bot/v2/hook/… (Lark: https://open.larksuite.com/open-apis/bot/v2/hook/…)',
		check: (u) => {
			const m = /\/open-apis\/bot\/v2\/hook\/([^/]+)\/?$/.exec(u.pathname);
			return m ? [decodeURIComponent(m[1])] : undefined;
		},
	},
	slack: {
		platform: 'slack',
		operation: 'incoming-webhook',
		example: 'https://hooks.slack.com/services/T…/B…/…',
		check: (u) => {
			const m = /\/services\/([^/]+)\/([^/]+)\/([^/]+)\/?$/.exec(u.pathname);
			return m ? [m[3], `${m[1]}/${m[2]}/${m[3]}`] : undefined;
		},
	},
};

export interface ResolvedWebhook {
	url: URL;
	/** Everything that must never be shown: the URL, its token(s), the signing secret. */
	secrets: string[];
}

/** Validates the webhook URL for the channel and applies the base URL override. Errors never echo the URL. */
export function resolveWebhook(target: WebhookTarget): ResolvedWebhook {
	const spec = CHANNEL_SPECS[target.channel];
	if (!spec) throw new InputError(`unknown channel "${String(target.channel)}"`, 'channel');
	const raw = (target.webhookUrl ?? '').trim();
	const secrets = [raw, target.secret ?? ''].filter((s) => s.length >= 4);
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new InputError(`the ${spec.platform} webhook URL in the credential is not a URL; it looks like ${spec.example}`, 'webhookUrl');
	}
	if (!/^https?:$/.test(url.protocol)) throw new InputError(`the ${spec.platform} webhook URL must start with https://`, 'webhookUrl');
	const tokens = spec.check(url);
	if (!tokens) throw new InputError(`the ${spec.platform} webhook URL in the credential does not look like ${spec.example}`, 'webhookUrl');
	secrets.push(...tokens.filter((t) => t.length >= 4));
	const base = (target.baseUrl ?? '').trim();
	if (base) {
		let override: URL;
		try {
			override = new URL(base);
		} catch {
			throw new InputError('Base URL in the credential is not a URL, e.g. http://127.0.0.1:8787', 'baseUrl');
		}
		const prefix = override.pathname.replace(/\/+$/, '');
		url = new URL(`${override.origin}${prefix}${url.pathname}${url.search}`);
	}
	return { url, secrets };
}

/** WeCom errcodes worth another attempt: -1 system busy; 45009 over 20 messages a minute (retry after the minute). */
const WECOM_TRANSIENT: Record<number, number | undefined> = { [-1]: undefined, 45009: 60_000 };
/** DingTalk: -1 system busy. 130101 (over 20 a minute) blocks the bot for 10 minutes: failing fast is kinder. */
const DINGTALK_TRANSIENT: Record<number, number | undefined> = { [-1]: undefined };
/** Feishu: 11232 frequency limited (100 a minute, 5 a second per bot). */
const FEISHU_TRANSIENT: Record<number, number | undefined> = { 11232: undefined };

/** Sends one rendered message; resolves when the platform accepted it, else throws PlatformError / InputError. */
export async function sendToWebhook(target: WebhookTarget, message: RenderedMessage, ctx: PlatformContext): Promise<SendResult> {
	const { url, secrets } = resolveWebhook(target);
	const spec = CHANNEL_SPECS[target.channel];
	const clean = (text: string) => redact(text, secrets).slice(0, 500);
	const now = () => (ctx.now ? ctx.now() : new Date()).getTime();
	let attempts = 0;
	const fail = (init: Omit<ConstructorParameters<typeof PlatformError>[0], 'platform' | 'operation'>) =>
		new PlatformError({ ...init, message: clean(init.message), platform: spec.platform, operation: spec.operation });

	return withRetry(
		async () => {
			attempts++;
			await ctx.limiter?.acquire();
			const { requestUrl, body } = signRequest(target, url, message.payload, now());
			let res;
			try {
				res = await ctx.http.request({ method: 'POST', url: requestUrl, body, headers: { 'Content-Type': 'application/json; charset=utf-8' }, timeoutMs: ctx.timeoutMs });
			} catch (e) {
				const code = e instanceof HttpTransportError ? e.code : 'NETWORK';
				throw fail({ code, message: e instanceof HttpTransportError ? e.message : 'network error', retryable: true });
			}
			const retryAfterMs = parseRetryAfter(res.headers['retry-after'], now());
			const text = res.text ?? '';
			if (target.channel === 'slack') {
				// Slack answers a plain-text word: `ok`, or an error such as invalid_payload / no_service / channel_not_found.
				const word = /^[a-z_]{2,64}$/.test(text.trim()) ? text.trim() : undefined;
				if (res.status === 200 && (word === 'ok' || word === undefined)) return { channel: 'slack', ok: true, status: 'sent', code: 'ok', attempts } as SendResult;
				if (res.status === 429) throw fail({ code: word ?? 429, httpStatus: 429, message: 'rate limited (HTTP 429)', retryable: true, retryAfterMs });
				if (res.status >= 500) throw fail({ code: word ?? res.status, httpStatus: res.status, message: `server error (HTTP ${res.status})`, retryable: true });
				throw fail({ code: word ?? res.status, httpStatus: res.status, message: word ? slackHint(word) : `HTTP ${res.status}` });
			}
			let data: Record<string, unknown> | undefined;
			try {
				const parsed: unknown = JSON.parse(text);
				if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
			} catch {
				data = undefined;
			}
			const own = data ? platformCode(target.channel, data) : undefined;
			if (res.status === 429) throw fail({ code: own?.code ?? 429, httpStatus: 429, message: own?.message ?? 'rate limited (HTTP 429)', retryable: true, retryAfterMs });
			if (res.status >= 500) throw fail({ code: own?.code ?? res.status, httpStatus: res.status, message: own?.message ?? `server error (HTTP ${res.status})`, retryable: true });
			if (!data || !own) {
				if (res.status >= 400) throw fail({ code: res.status, httpStatus: res.status, message: `HTTP ${res.status}` });
				// A 200 that is not the platform's JSON is a truncated answer: retry it.
				throw fail({ code: 'MALFORMED_RESPONSE', message: 'response was not the platform’s JSON', retryable: true });
			}
			if (own.code === 0) return { channel: target.channel, ok: true, status: 'sent', code: '0', attempts } as SendResult;
			const transient = target.channel === 'wecom' ? WECOM_TRANSIENT : target.channel === 'dingtalk' ? DINGTALK_TRANSIENT : FEISHU_TRANSIENT;
			const isTransient = own.code in transient;
			throw fail({
				code: own.code,
				httpStatus: res.status >= 400 ? res.status : undefined,
				message: own.message,
				retryable: isTransient,
				retryAfterMs: isTransient ? (retryAfterMs ?? transient[own.code]) : undefined,
			});
		},
		ctx.retryPolicy ?? DEFAULT_RETRY_POLICY,
		ctx.retryDeps,
	);
}

/**
 * Adds the signature the bot's security setting asks for. DingTalk: `timestamp` (ms) and `sign` as query
 * parameters (URLSearchParams does the URL-encoding of the Base64 value). Feishu: `timestamp` (s, as a string)
 * and `sign` as body fields. WeCom and Slack webhooks are not signed.
 */
export function signRequest(target: WebhookTarget, url: URL, payload: Record<string, unknown>, nowMs: number): { requestUrl: string; body: Record<string, unknown> } {
	const secret = (target.secret ?? '').trim();
	if (!secret) return { requestUrl: url.toString(), body: payload };
	if (target.channel === 'dingtalk') {
		const signed = new URL(url.toString());
		signed.searchParams.set('timestamp', String(nowMs));
		signed.searchParams.set('sign', dingTalkSign(secret, nowMs));
		return { requestUrl: signed.toString(), body: payload };
	}
	if (target.channel === 'feishu') {
		const timestamp = String(Math.floor(nowMs / 1000));
		return { requestUrl: url.toString(), body: { timestamp, sign: feishuSign(secret, timestamp), ...payload } };
	}
	return { requestUrl: url.toString(), body: payload };
}

/** The platform's own code and message: WeCom/DingTalk `{errcode, errmsg}`, Feishu `{code, msg}` (older `StatusCode`). */
function platformCode(channel: NotifyChannel, data: Record<string, unknown>): { code: number; message: string } | undefined {
	if (channel === 'feishu') {
		const code = data.code ?? data.StatusCode;
		if (code === undefined) return undefined;
		return { code: Number(code), message: String(data.msg ?? data.StatusMessage ?? '') };
	}
	if (data.errcode === undefined) return undefined;
	return { code: Number(data.errcode), message: String(data.errmsg ?? '') };
}

/** Slack's documented incoming-webhook errors (api.slack.com/messaging/webhooks#handling_errors) in words. */
function slackHint(word: string): string {
	const hints: Record<string, string> = {
		invalid_payload: 'the payload could not be understood (invalid JSON or structure)',
		invalid_blocks: 'a block is invalid (too long, too many blocks, or a bad field)',
		no_text: 'the message has neither text nor blocks',
		no_service: 'the webhook is disabled, removed or invalid',
		no_team: 'the Slack workspace is missing or deleted',
		team_disabled: 'the Slack workspace is disabled',
		invalid_token: 'the webhook token is invalid',
		action_prohibited: 'an admin restricted posting to this channel',
		channel_not_found: 'the channel does not exist',
		channel_is_archived: 'the channel is archived',
		user_not_found: 'the user does not exist',
		posting_to_general_channel_denied: 'only admins may post to this channel',
		too_many_attachments: 'more than 100 attachments',
		rollup_error: 'Slack had an internal error',
	};
	return hints[word] ?? word;
}
