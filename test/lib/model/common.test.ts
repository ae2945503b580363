import { isPlatform, PLATFORMS } from '../../../lib/model';

describe('isPlatform', () => {
	it('accepts every platform id', () => {
		for (const platform of PLATFORMS) expect(isPlatform(platform)).toBe(true);
	});

	it('rejects other strings (case-sensitive) and non-strings', () => {
		for (const value of ['WeChat_OA', 'wechat', '', ' x', 'tiktok', undefined, null, 1, {}, ['x']]) expect(isPlatform(value)).toBe(false);
	});
});
