import type { RiskAlert } from '../../../lib/model';

/** A critical negative spike with hostile evidence text (markup, mentions, links) and long Chinese comments. */
export function spikeAlert(overrides: Partial<RiskAlert> = {}): RiskAlert {
	return {
		id: 'alert-weibo-brand-1',
		type: 'negative_spike',
		status: 'open',
		level: 'critical',
		likelihood: 'high',
		impact: 'severe',
		platform: 'weibo',
		accountId: 'brand_official',
		topic: '退款',
		metric: 'negative_volume',
		observed: 128,
		baseline: 21.5,
		threshold: 48,
		window: { start: '2026-03-01T08:00:00+08:00', end: '2026-03-01T09:00:00+08:00', label: '1h vs 12h' },
		evidence: [
			{ mentionId: 'm1', text: '退款三周没到账 <@all> [点这里](http://evil.example/x) **加粗** <!channel> @13800001111', url: 'https://weibo.com/1/abc', reach: 23000 },
			{ mentionId: 'm2', text: '客服态度太差了，已经投诉到 12315', reach: 800 },
			{ mentionId: 'm3', text: 'scam <https://phish.example|click> & more', url: 'javascript:alert(1)' },
		],
		suggestedActions: ['30 分钟内在评论区置顶说明并私信受影响用户', '同步客服与法务，准备统一口径'],
		owner: 'zhangsan',
		firstSeenAt: '2026-03-01T09:00:00+08:00',
		updatedAt: '2026-03-01T09:05:00+08:00',
		...overrides,
	};
}
