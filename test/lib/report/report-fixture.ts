import type { MetricSnapshot, Post, RiskAlert, RiskAssessment } from '../../../lib/model';
import type { ReportOptions } from '../../../lib/report';
import { days, snap } from './fixtures';

/**
 * A small hand-made week (Shanghai, 2026-03-02..08, previous week 02-23..03-01):
 * - weibo/w1, own, account snapshots: followers +10/day (1000 → 1130), views 100..700 this week
 *   (100/day last week and a year ago), likes 10/day (20/day last week), spend 10/day;
 * - douyin/d1, own, post snapshots only: six posts this week (p1-p3 "fun" videos Wed 20:xx, p4-p6 "news"
 *   images Thu/Fri 08:xx) and one big "news" post p0 last week;
 * - weibo/rival (extra.competitor = 1) and weibo/rival2 (listed in competitorAccountIds).
 */
export function weekFixture(): MetricSnapshot[] {
	const out: MetricSnapshot[] = [];
	const prev = days('2026-02-23', 7);
	const cur = days('2026-03-02', 7);
	prev.forEach((d, i) => out.push(snap(d, { platform: 'weibo', accountId: 'w1', accountName: '品牌|官博', followers: 1000 + 10 * i, views: 100, likes: 20 })));
	cur.forEach((d, i) =>
		out.push(snap(d, { platform: 'weibo', accountId: 'w1', followers: 1070 + 10 * i, views: 100 * (i + 1), likes: 10, extra: { spend: 10 } })),
	);
	days('2025-03-02', 7).forEach((d) => out.push(snap(d, { platform: 'weibo', accountId: 'w1', views: 100 })));
	cur.forEach((d) => {
		out.push(snap(d, { platform: 'weibo', accountId: 'rival', accountName: '竞品A', views: 1000, likes: 100, extra: { competitor: 1 } }));
		out.push(snap(d, { platform: 'weibo', accountId: 'rival2', views: 1000, likes: 1 }));
	});
	const post = (id: string, day: string, publishedAt: string, likes: number, extra?: Record<string, string>) =>
		out.push(snap(day, { platform: 'douyin', accountId: 'd1', postId: id, postTitle: `Post ${id}`, publishedAt, views: 5000, likes, ...(extra ? { extra } : {}) }));
	post('p0', '2026-02-25', '2026-02-25T12:00:00+08:00', 3000, { contentType: 'news' });
	post('p1', '2026-03-04', '2026-03-04T20:00:00+08:00', 500);
	post('p2', '2026-03-04', '2026-03-04T20:30:00+08:00', 400);
	post('p3', '2026-03-04', '2026-03-04T20:10:00+08:00', 300);
	post('p4', '2026-03-05', '2026-03-05T08:00:00+08:00', 10, { contentType: 'news', format: 'image' });
	post('p5', '2026-03-05', '2026-03-05T08:30:00+08:00', 5, { contentType: 'news', format: 'image' });
	post('p6', '2026-03-06', '2026-03-06T08:00:00+08:00', 20, { contentType: 'news', format: 'image' });
	return out;
}

/** Post items supply the content type and format the fun posts' snapshots lack. */
export function fixturePosts(): Post[] {
	return ['p1', 'p2', 'p3'].map((id) => ({
		id: `cal-${id}`,
		externalId: id,
		platform: 'douyin',
		account: 'd1',
		title: `Calendar ${id}`,
		body: '',
		media: [{ type: 'video' }],
		tags: [],
		contentType: 'fun',
		status: 'published',
		version: 1,
		timezone: 'Asia/Shanghai',
		history: [],
	}));
}

function assessment(id: string, createdAt: string, label: 'positive' | 'neutral' | 'negative'): RiskAssessment {
	return {
		mentionId: id,
		platform: 'weibo',
		text: 't',
		createdAt,
		sentiment: { score: label === 'negative' ? -0.8 : 0.8, label, language: 'zh' },
		categories: label === 'negative' ? ['complaint'] : [],
		matches: [],
		likelihood: 'low',
		impact: 'minor',
		reach: 1,
		riskLevel: label === 'negative' ? 'medium' : 'none',
	};
}

export function fixtureAssessments(): RiskAssessment[] {
	return [
		assessment('m1', '2026-03-03T10:00:00+08:00', 'positive'),
		assessment('m2', '2026-03-04T10:00:00+08:00', 'negative'),
		assessment('m3', '2026-03-08T23:59:00+08:00', 'negative'),
		// 00:30 on 9 March in Shanghai is outside the week, though still 8 March in UTC.
		assessment('m4', '2026-03-08T16:30:00Z', 'negative'),
	];
}

export function fixtureAlerts(): RiskAlert[] {
	const base = { likelihood: 'high' as const, impact: 'severe' as const, metric: 'negativeMentions', observed: 12, baseline: 2, threshold: 6, suggestedActions: [] };
	const window = { start: '2026-03-04T00:00:00+08:00', end: '2026-03-05T00:00:00+08:00', label: 'day' };
	return [
		{ ...base, id: 'a1', type: 'complaint_spike', status: 'open', level: 'high', platform: 'weibo', window, firstSeenAt: '2026-03-04T09:00:00+08:00', updatedAt: '2026-03-04T09:00:00+08:00', evidence: [] },
		{ ...base, id: 'a2', type: 'rumor', status: 'resolved', level: 'medium', window, firstSeenAt: '2026-03-05T09:00:00+08:00', updatedAt: '2026-03-05T10:00:00+08:00', evidence: [] },
	];
}

export function fixtureOptions(extra: Partial<ReportOptions> = {}): ReportOptions {
	return {
		timezone: 'Asia/Shanghai',
		period: 'week',
		now: new Date('2026-03-10T02:00:00Z'),
		posts: fixturePosts(),
		assessments: fixtureAssessments(),
		alerts: fixtureAlerts(),
		competitorAccountIds: ['rival2'],
		topN: 2,
		targets: [
			{ metric: 'followers', change: 0.3, by: '2026-12-31', accountId: 'w1', label: 'long' },
			{ metric: 'followers', change: 1, by: '2026-03-20', accountId: 'w1', label: 'double' },
			{ metric: 'followers', target: 1300, by: '2026-03-24', accountId: 'w1', label: 'close' },
			{ metric: 'followers', target: 1100, by: '2026-03-24', accountId: 'w1', label: 'done' },
			{ metric: 'views', change: 0.5, by: '2026-06-30', platform: 'weibo', label: 'views' },
		],
		budget: {
			lines: [
				{ label: 'near', budget: 100, spent: 85 },
				{ label: 'over', budget: 100, spent: 120 },
				{ label: 'ok', budget: 100, spent: 50 },
				{ label: 'weibo spend', budget: 80, platform: 'weibo' },
			],
		},
		abTests: [
			{ name: 'fun vs news', a: { label: 'fun', postIds: ['p1', 'p2'] }, b: { label: 'news', postIds: ['p4', 'p5'] } },
			{ name: 'tiny', a: { label: 'x', successes: 1, trials: 10 }, b: { label: 'y', successes: 5, trials: 10 } },
		],
		...extra,
	};
}
