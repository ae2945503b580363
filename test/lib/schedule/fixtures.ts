import { MetricSnapshot, Post, PostInput, PostSchema } from '../../../lib/model';

/** A valid Post with defaults; override what the case is about. */
export function makePost(overrides: Partial<PostInput> & { id: string }): Post {
	return PostSchema.parse({ platform: 'wechat_oa', account: 'oa', status: 'approved', title: 't', body: 'b', ...overrides });
}

/** A post snapshot published at `publishedAt` with `engaged` engagements per 100 views. */
export function postSnapshot(postId: string, publishedAt: string, engaged: number, collectedAt = '2026-02-28T00:00:00Z'): MetricSnapshot {
	return {
		platform: 'wechat_oa',
		accountId: 'oa',
		postId,
		publishedAt,
		periodStart: '2026-02-01',
		periodEnd: '2026-02-28',
		timezone: 'Asia/Shanghai',
		window: 'cumulative',
		views: 100,
		likes: engaged,
		collectedAt,
		source: 'test',
	};
}
