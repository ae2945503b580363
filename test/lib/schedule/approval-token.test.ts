import { createApprovalToken, verifyApprovalToken } from '../../../lib/schedule';

const secret = 'a-very-long-workflow-secret';
const now = new Date('2026-03-02T01:00:00Z');
const expires = new Date('2026-03-03T01:00:00Z');

describe('approval tokens', () => {
	const token = createApprovalToken('p1', 3, 'editor1', secret, expires, 'approve');

	it('verifies and returns the claims; the secret is not in the token', () => {
		expect(verifyApprovalToken(token, secret, { now, postId: 'p1', version: 3, action: 'approve' })).toEqual({
			valid: true,
			claims: { postId: 'p1', version: 3, actor: 'editor1', expiresAt: '2026-03-03T01:00:00.000Z', action: 'approve' },
		});
		const decoded = Buffer.from(token.split('.')[1], 'base64url').toString('utf8');
		expect(decoded).not.toContain(secret);
		expect(token).not.toContain(secret);
	});

	it('refuses tampered claims, a wrong secret and garbage', () => {
		const [v, body, sig] = token.split('.');
		const forged = Buffer.from(Buffer.from(body, 'base64url').toString('utf8').replace('editor1', 'mallory')).toString('base64url');
		expect(verifyApprovalToken(`${v}.${forged}.${sig}`, secret, { now })).toEqual({ valid: false, reason: 'bad_signature' });
		expect(verifyApprovalToken(`${v}.${body}.${sig.slice(0, -2)}xx`, secret, { now })).toEqual({ valid: false, reason: 'bad_signature' });
		expect(verifyApprovalToken(token, 'another-long-secret-value', { now })).toEqual({ valid: false, reason: 'bad_signature' });
		expect(verifyApprovalToken('nonsense', secret, { now })).toEqual({ valid: false, reason: 'malformed' });
		expect(verifyApprovalToken(`v2.${body}.${sig}`, secret, { now })).toEqual({ valid: false, reason: 'malformed' });
	});

	it('expires at expiresAt', () => {
		expect(verifyApprovalToken(token, secret, { now: new Date(expires.getTime() - 1) }).valid).toBe(true);
		expect(verifyApprovalToken(token, secret, { now: expires })).toEqual({ valid: false, reason: 'expired' });
	});

	it('binds post, version and action', () => {
		expect(verifyApprovalToken(token, secret, { now, postId: 'p2' })).toEqual({ valid: false, reason: 'wrong_post' });
		expect(verifyApprovalToken(token, secret, { now, version: 4 })).toEqual({ valid: false, reason: 'stale_version' });
		expect(verifyApprovalToken(token, secret, { now, action: 'reject' })).toEqual({ valid: false, reason: 'wrong_action' });
	});

	it('refuses short secrets and bad expiry dates', () => {
		expect(() => createApprovalToken('p1', 1, 'a', 'short', expires)).toThrow(/secret/);
		expect(() => createApprovalToken('p1', 1, 'a', secret, 'not a date')).toThrow(/expiresAt/);
	});
});
