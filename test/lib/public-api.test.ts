import * as api from '../../lib';

// The package's public API (dist/lib/index.js): what the README and the issues promise callers outside n8n.
describe('public API (lib/index.ts)', () => {
	it('analyzeSentiment returns score, label and language for Chinese and English', () => {
		const zh = api.analyzeSentiment('客服太差了，再也不买了');
		expect(zh.label).toBe('negative');
		expect(zh.language).toBe('zh');
		const en = api.analyzeSentiment('Absolutely love this, great service!');
		expect(en.label).toBe('positive');
		expect(en.language).toBe('en');
		expect(en.score).toBeGreaterThan(0);
	});

	it('assessMentions gives one RiskAssessment per Mention', () => {
		const mentions = [
			{ platform: 'weibo', accountId: 'brand', id: 'm1', author: { id: 'u1', followers: 120000 }, text: '产品质量有问题，我要去12315投诉', createdAt: '2026-11-27T01:00:00.000Z' },
			{ platform: 'x', accountId: 'brand', id: 'm2', author: { id: 'u2' }, text: 'Thanks, arrived on time', createdAt: '2026-11-27T02:00:00.000Z' },
		];
		const assessed = api.assessMentions(mentions as never);
		expect(assessed).toHaveLength(2);
		expect(assessed[0].categories).toEqual(expect.arrayContaining(['media_exposure']));
		expect(assessed[1].riskLevel).toBe('none');
	});

	it('exports the adapters, the comment readers and the polling cursor', () => {
		for (const name of [
			'WechatOaMetricsAdapter', 'WeiboMetricsAdapter', 'DouyinMetricsAdapter', 'BilibiliMetricsAdapter', 'MastodonMetricsAdapter', 'BlueskyMetricsAdapter', 'YoutubeMetricsAdapter', 'XMetricsAdapter',
			'WeiboComments', 'YoutubeComments', 'MastodonComments', 'BlueskyComments', 'XMentions', 'DouyinComments', 'listWechatComments',
			'listRecentPosts', 'commentsOnPosts', 'loadSeenIds', 'takeUnseen',
		]) {
			expect(typeof (api as Record<string, unknown>)[name]).toBe('function');
		}
	});
});
