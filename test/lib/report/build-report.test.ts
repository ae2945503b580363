import { buildReport, type Report } from '../../../lib/report';
import { weekFixture, fixtureOptions } from './report-fixture';
import { snap } from './fixtures';

describe('buildReport on a hand-made week', () => {
	let report: Report;
	beforeAll(() => {
		report = buildReport(weekFixture(), fixtureOptions());
	});
	const stat = (scope: string, metric: string, id?: string) =>
		report.statistics.find((r) => r.scope === scope && r.metric === metric && (id === undefined || r.accountId === id || r.platform === id))!;
	const change = (scope: string, metric: string, platform?: string) =>
		report.trends.changes.find((r) => r.scope === scope && r.metric === metric && (platform === undefined || r.platform === platform))!;

	it('counts its input', () => {
		expect(report.period.start).toBe('2026-03-02');
		expect(report.input).toMatchObject({ accounts: 2, competitors: 2, posts: 6, invalid: 0 });
		expect(report.input.used + report.input.outOfRange).toBe(report.input.snapshots);
	});

	it('computes descriptive statistics per account from the daily values', () => {
		const views = stat('account', 'views', 'w1');
		expect(views).toMatchObject({ count: 7, mean: 400, median: 400, min: 100, max: 700, total: 2800, kind: 'flow', basis: 'account' });
		expect(views.stdDev).toBeCloseTo(Math.sqrt(280000 / 6), 9);
		const followers = stat('account', 'followers', 'w1');
		expect(followers).toMatchObject({ kind: 'stock', total: 1130, min: 1070, max: 1130 });
		expect(followers.accountName).toBe('品牌|官博');
	});

	it('falls back to summed post snapshots for an account without account-level data', () => {
		const likes = stat('account', 'likes', 'd1');
		expect(likes.basis).toBe('posts');
		expect(likes.total).toBe(1235);
	});

	it('keeps competitors out of the own roll-ups', () => {
		expect(stat('platform', 'views', 'weibo').total).toBe(2800);
		expect(stat('all', 'views').total).toBe(2800 + 30000);
		expect(report.statistics.filter((r) => r.competitor).map((r) => r.accountId)).toEqual(expect.arrayContaining(['rival', 'rival2']));
	});

	it('computes period-over-period, year-over-year and slope', () => {
		const v = change('platform', 'views', 'weibo');
		expect(v).toMatchObject({ current: 2800, previous: 700, lastYear: 700 });
		expect(v.change).toBeCloseTo(3, 12);
		expect(v.yoyChange).toBeCloseTo(3, 12);
		expect(v.slope).toBeCloseTo(100, 9);
		const f = change('account', 'followers');
		expect([f.current, f.previous]).toEqual([1130, 1060]);
		expect(f.slope).toBeCloseTo(10, 9);
		expect(change('all', 'engagement').lastYear).toBeNull();
	});

	it('produces daily series aligned with the period days', () => {
		expect(report.trends.days).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08']);
		const likes = report.trends.daily.find((d) => d.metric === 'likes' && d.platform === 'douyin')!;
		expect(likes.values).toEqual([null, null, 1200, 15, 20, null, null]);
	});

	it('compares platforms, accounts and competitors', () => {
		const weibo = report.comparisons.platforms.find((p) => p.platform === 'weibo')!;
		expect(weibo.engagementRate).toBeCloseTo(70 / 2800, 12);
		expect(weibo.followerGrowth).toBe(60);
		const rival = report.comparisons.competitors.find((c) => c.accountId === 'rival')!;
		expect(rival.engagementRate).toBeCloseTo(0.1, 12);
		expect(rival.engagementRateGap).toBeCloseTo(0.1 / 0.025 - 1, 9);
		expect(report.comparisons.competitors.find((c) => c.accountId === 'rival2')!.engagementRateGap!).toBeLessThan(0);
	});

	it('evaluates KPI attainment with statuses, pace and projection', () => {
		const kpi = (label: string) => report.kpis.find((k) => k.label === label)!;
		expect(kpi('long')).toMatchObject({ baseline: 1000, goal: 1300, current: 1130, status: 'on_track', achieved: false });
		expect(kpi('long').progress).toBeCloseTo(130 / 300, 12);
		// Fitted line 1070 + 10/day from 2 March: 1250 on 20 March, r = 0.25.
		expect(kpi('double')).toMatchObject({ goal: 2000, status: 'off_track' });
		expect(kpi('double').projected).toBeCloseTo(1250, 6);
		// 1290 on 24 March, r = 290/300 ≥ 0.8.
		expect(kpi('close')).toMatchObject({ status: 'at_risk', daysRemaining: 16 });
		expect(kpi('close').pacePerDay).toBeCloseTo(170 / 16, 12);
		expect(kpi('close').pacePerWeek).toBeCloseTo((170 / 16) * 7, 12);
		expect(kpi('done')).toMatchObject({ status: 'on_track', achieved: true });
		// Flows are tracked as a daily average against the previous period's.
		expect(kpi('views')).toMatchObject({ baseline: 100, goal: 150, current: 400, achieved: true });
	});

	it('ranks top and bottom content and names what they share', () => {
		expect(report.content.top.map((p) => p.postId)).toEqual(['p1', 'p2']);
		expect(report.content.bottom.map((p) => p.postId)).toEqual(['p5', 'p4']);
		expect(report.content.top[0]).toMatchObject({ contentType: 'fun', format: 'video', weekday: 3, hour: 20, engagement: 500, engagementRate: 0.1 });
		const shared = (traits: Report['content']['topTraits']) => Object.fromEntries(traits.filter((t) => t.shared).map((t) => [t.trait, t.value]));
		expect(shared(report.content.topTraits)).toEqual({ contentType: 'fun', format: 'video', platform: 'douyin', weekday: '3', hour: '20' });
		expect(shared(report.content.bottomTraits)).toEqual({ contentType: 'news', format: 'image', platform: 'douyin', weekday: '4', hour: '8' });
		expect(report.content.topTraits.find((t) => t.trait === 'contentType')!.baselineShare).toBeCloseTo(0.5, 12);
	});

	it('finds the best posting hours with a minimum sample per slot', () => {
		expect(report.postingTimes.best).toHaveLength(1);
		expect(report.postingTimes.best[0]).toMatchObject({ weekday: 3, hour: 20, posts: 3, meanEngagement: 400 });
		expect(report.postingTimes.best[0].lift).toBeCloseTo(400 / (1235 / 6), 9);
		expect(report.postingTimes.slots.find((s) => s.weekday === 4 && s.hour === 8)!.posts).toBe(2);
		const lenient = buildReport(weekFixture(), fixtureOptions({ minPostsPerSlot: 1 }));
		expect(lenient.postingTimes.best.map((s) => s.weekday * 100 + s.hour)).toEqual([320, 508, 408]);
	});

	it('runs A/B tests from post ids, and refuses small samples', () => {
		const [fun, tiny] = report.abTests;
		expect(fun.a).toMatchObject({ successes: 900, trials: 10000 });
		expect(fun.b).toMatchObject({ successes: 15, trials: 10000 });
		expect(fun.verdict).toBe('a_better');
		expect(tiny.verdict).toBe('not_enough_data');
	});

	it('summarises sentiment and alerts within the period in the report zone', () => {
		expect(report.sentiment).toMatchObject({ total: 3, positive: 1, negative: 2 });
		expect(report.sentiment!.negativeShare).toBeCloseTo(2 / 3, 12);
		expect(report.sentiment!.topCategories).toEqual([{ category: 'complaint', count: 2 }]);
		expect(report.risk).toMatchObject({ total: 2, open: 1, openHigh: 1 });
		expect(report.risk!.byLevel).toMatchObject({ high: 1, medium: 1, low: 0 });
	});

	it('flags budget lines near and over the limit', () => {
		expect(report.budget.map((b) => [b.label, b.status])).toEqual([
			['near', 'near'],
			['over', 'over'],
			['ok', 'ok'],
			['weibo spend', 'near'],
		]);
		expect(report.budget[3].spent).toBe(70);
		const strict = buildReport(weekFixture(), fixtureOptions({ budget: { lines: [{ label: 'x', budget: 100, spent: 85 }], nearRatio: 0.9 } }));
		expect(strict.budget[0].status).toBe('ok');
	});

	it('derives problems and suggestions by rule, problems first', () => {
		const rules = report.findings.map((f) => f.rule);
		expect(rules).toEqual(
			expect.arrayContaining(['engagement_drop', 'kpi_off_track', 'kpi_at_risk', 'budget_over', 'budget_near', 'negative_sentiment', 'open_high_risk', 'competitor_gap', 'best_slots', 'top_trait', 'bottom_trait', 'ab_winner']),
		);
		const drop = report.findings.find((f) => f.rule === 'engagement_drop')!;
		// 3140 → 1305: douyin fell 1765 of the 1835 decline, driven by "news" posts.
		expect(drop.params).toMatchObject({ previous: 3140, current: 1305, platform: 'douyin', contentType: 'news', contentPlatform: 'douyin' });
		expect(drop.params.platformShare as number).toBeCloseTo(1765 / 1835, 9);
		expect(drop.severity).toBe('high');
		const kinds = report.findings.map((f) => f.kind);
		expect(kinds.indexOf('suggestion')).toBeGreaterThan(kinds.lastIndexOf('problem'));
		expect(report.findings.find((f) => f.rule === 'competitor_gap')!.params.competitor).toBe('竞品A');
	});

	it('raises follower decline and engagement-rate drop when the data shows them', () => {
		const prev = ['2026-02-23', '2026-02-24'];
		const cur = ['2026-03-02', '2026-03-08'];
		const data = [
			...prev.map((d) => snap(d, { platform: 'zhihu', accountId: 'z', followers: 500, views: 1000, likes: 100 })),
			snap(cur[0], { platform: 'zhihu', accountId: 'z', followers: 500, views: 1000, likes: 50 }),
			snap(cur[1], { platform: 'zhihu', accountId: 'z', followers: 480, views: 1000, likes: 50 }),
		];
		const r = buildReport(data, { timezone: 'Asia/Shanghai', period: 'week', now: new Date('2026-03-10T02:00:00Z'), rules: { engagementDrop: 0.9 } });
		expect(r.findings.map((f) => f.rule).sort()).toEqual(['engagement_rate_drop', 'follower_decline']);
		expect(r.findings.find((f) => f.rule === 'follower_decline')!.params.growth).toBe(-20);
	});

	it('counts malformed and out-of-range snapshots instead of failing', () => {
		const r = buildReport(
			[snap('2026-03-03', { platform: 'weibo', accountId: 'a', views: 5 }), { ...snap('2026-3-3', { platform: 'weibo', accountId: 'a' }) }, snap('2020-01-01', { platform: 'weibo', accountId: 'a', views: 1 })],
			{ timezone: 'Asia/Shanghai', period: 'week', now: new Date('2026-03-10T02:00:00Z') },
		);
		expect(r.input).toMatchObject({ snapshots: 3, used: 1, invalid: 1, outOfRange: 1 });
		expect(r.metrics).toEqual(['views']);
		expect(r.findings).toEqual([]);
	});
});
