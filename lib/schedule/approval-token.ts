import { createHmac, timingSafeEqual } from 'node:crypto';
import { InputError } from '../errors';
import type { ReviewAction } from './review';

/**
 * Signed approve/reject links for n8n's Wait node ("resume on webhook call"): the workflow sends the
 * reviewer a link carrying this token; when it is called, the workflow verifies it and then calls
 * reviewPost with the token's actor and version. Format: `v1.<base64url(JSON claims)>.<base64url(HMAC-SHA256)>`.
 * The claims are readable (post id, version, actor, expiry, action) but carry no secret; the HMAC
 * key never leaves the workflow's credentials.
 */
export interface ApprovalClaims {
	postId: string;
	version: number;
	actor: string;
	/** Expiry, ISO instant. */
	expiresAt: string;
	/** When set, the link is only good for this decision (an approve link cannot reject). */
	action?: ReviewAction;
}

export type ApprovalTokenCheck =
	| { valid: true; claims: ApprovalClaims }
	| { valid: false; reason: 'malformed' | 'bad_signature' | 'expired' | 'wrong_post' | 'stale_version' | 'wrong_action' };

const PREFIX = 'v1';
const MIN_SECRET_LENGTH = 16;

function sign(body: string, secret: string): Buffer {
	return createHmac('sha256', secret).update(`${PREFIX}.${body}`).digest();
}

function checkSecret(secret: string): void {
	if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) throw new InputError(`the approval secret must be at least ${MIN_SECRET_LENGTH} characters`, 'secret');
}

export function createApprovalToken(postId: string, version: number, actor: string, secret: string, expiresAt: Date | string, action?: ReviewAction): string {
	checkSecret(secret);
	const expiry = new Date(expiresAt);
	if (Number.isNaN(expiry.getTime())) throw new InputError(`expiresAt must be a date, got "${String(expiresAt)}"`, 'expiresAt');
	const claims: ApprovalClaims = { postId, version, actor, expiresAt: expiry.toISOString() };
	if (action) claims.action = action;
	const body = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
	return `${PREFIX}.${body}.${sign(body, secret).toString('base64url')}`;
}

function parseClaims(body: string): ApprovalClaims | undefined {
	try {
		const c = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as ApprovalClaims;
		const ok = typeof c.postId === 'string' && Number.isInteger(c.version) && typeof c.actor === 'string' && !Number.isNaN(Date.parse(c.expiresAt));
		return ok ? c : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Checks signature (constant-time), expiry against the injected `now`, and, when given, that the token
 * is for this post, this (current) version and this action.
 */
export function verifyApprovalToken(
	token: string,
	secret: string,
	expect: { now: Date; postId?: string; version?: number; action?: ReviewAction },
): ApprovalTokenCheck {
	checkSecret(secret);
	const parts = typeof token === 'string' ? token.split('.') : [];
	if (parts.length !== 3 || parts[0] !== PREFIX || !parts[1] || !parts[2]) return { valid: false, reason: 'malformed' };
	const given = Buffer.from(parts[2], 'base64url');
	const wanted = sign(parts[1], secret);
	if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return { valid: false, reason: 'bad_signature' };
	const claims = parseClaims(parts[1]);
	if (!claims) return { valid: false, reason: 'malformed' };
	if (expect.now.getTime() >= Date.parse(claims.expiresAt)) return { valid: false, reason: 'expired' };
	if (expect.postId !== undefined && claims.postId !== expect.postId) return { valid: false, reason: 'wrong_post' };
	if (expect.version !== undefined && claims.version !== expect.version) return { valid: false, reason: 'stale_version' };
	if (expect.action !== undefined && claims.action !== undefined && claims.action !== expect.action) return { valid: false, reason: 'wrong_action' };
	return { valid: true, claims };
}
