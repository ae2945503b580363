import { PlatformError, redact } from '../../lib/errors';

describe('redact', () => {
	it('removes known secrets and token-shaped parameters', () => {
		const text = 'GET /cgi-bin/x?access_token=ABCDEF123&x=1 body {"secret":"s3cr3t-value","appid":"wx1"} again s3cr3t-value';
		const out = redact(text, ['s3cr3t-value']);
		expect(out).not.toContain('ABCDEF123');
		expect(out).not.toContain('s3cr3t-value');
		expect(out).toContain('appid');
	});
});

describe('PlatformError', () => {
	it('describes itself with the platform, operation and the platform’s own code', () => {
		const e = new PlatformError({ platform: 'wechat_oa', code: 61501, message: 'date range error', operation: 'datacube/getusersummary' });
		expect(e.describe()).toBe('wechat_oa datacube/getusersummary failed: [61501] date range error');
		expect(e.retryable).toBe(false);
	});
});
