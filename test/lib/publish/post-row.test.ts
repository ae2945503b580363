import { InputError } from '../../../lib/errors';
import { PostSchema } from '../../../lib/model';
import { isPostRow, postFromItem, postToRow, POST_ROW_COLUMNS } from '../../../lib/publish/post-row';

const post = PostSchema.parse({
	id: 'p1',
	platform: 'wechat_oa',
	account: '星河咖啡',
	title: '春季新品',
	body: '<p>正文</p>',
	media: [{ type: 'image', mediaId: 'THUMB' }],
	tags: ['新品'],
	status: 'scheduled',
	scheduledAt: '2026-03-02T20:00:00+08:00',
	recurrence: { freq: 'weekly', byDay: ['MO'] },
	history: [{ at: '2026-03-01T00:00:00Z', actor: 'a', action: 'submit' }],
});

describe('post rows', () => {
	it('round-trips a post through a table row (postId, JSON text, nulls for absent fields)', () => {
		const row = postToRow(post, { publishStatus: 'published', publishKey: 'pub_1' });
		expect(Object.keys(row)).toEqual([...POST_ROW_COLUMNS]);
		expect(row).toMatchObject({ postId: 'p1', media: '[{"type":"image","mediaId":"THUMB"}]', digest: null, publishStatus: 'published', publishError: null });
		const back = postFromItem({ id: 12, createdAt: 'x', updatedAt: 'y', ...row });
		expect(back).toEqual(post);
	});

	it('treats empty optional cells as absent and accepts a numeric version string', () => {
		const back = postFromItem({ postId: 'p2', platform: 'weibo', account: 'a', status: 'draft', scheduledAt: '', recurrence: '', version: '3', media: '', tags: null });
		expect(back).toMatchObject({ id: 'p2', version: 3, media: [], tags: [] });
		expect(back.scheduledAt).toBeUndefined();
	});

	it('tells a row from a Post object', () => {
		expect(isPostRow({ postId: 'p', id: 3 })).toBe(true);
		expect(isPostRow({ id: 'p' })).toBe(false);
	});

	it('names the field of a bad item, with what it got', () => {
		const err = (json: Record<string, unknown>) => {
			try {
				postFromItem(json);
			} catch (e) {
				return e as InputError;
			}
			throw new Error('no error');
		};
		expect(err({ id: 'p', platform: 'wechat_oa', account: 'a', status: 'sent' })).toMatchObject({ field: 'status', message: expect.stringContaining('"status"') });
		expect(err({ id: 'p', account: 'a', status: 'draft' }).message).toBe('not a valid Post: "platform" is required (got nothing)');
		expect(err({ postId: 'p', platform: 'wechat_oa', account: 'a', status: 'draft', media: '[oops' })).toMatchObject({ field: 'media' });
	});
});
