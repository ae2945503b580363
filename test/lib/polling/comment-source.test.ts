import { PlatformError } from '../../../lib/errors';
import { unlessPostGone } from '../../../lib/polling/comment-source';

const post = { postId: 'p1' };
const gone = (log: string[]) => ({ codes: new Set(['2111007']), what: 'video', log: (m: string) => log.push(m) });
const failing = (code: string | number) => () => Promise.reject(new PlatformError({ platform: 'douyin', code, message: 'nope' }));

describe('unlessPostGone', () => {
	it('passes a read through', async () => {
		expect(await unlessPostGone(post, gone([]), async () => 'ok')).toBe('ok');
	});

	it('turns one of the platform’s gone codes into undefined and logs the post, whatever the code’s type', async () => {
		const log: string[] = [];
		expect(await unlessPostGone(post, gone(log), failing(2111007))).toBeUndefined();
		expect(log).toEqual(['douyin: video p1 is gone or closed to comments, skipped ([2111007] nope)']);
	});

	it('rethrows any other platform code and any other error', async () => {
		const log: string[] = [];
		await expect(unlessPostGone(post, gone(log), failing(2100005))).rejects.toMatchObject({ code: '2100005' });
		await expect(unlessPostGone(post, gone(log), () => Promise.reject(new Error('2111007')))).rejects.toThrow('2111007');
		expect(log).toEqual([]);
	});
});
