import { RISK_LEVELS, type RiskAlert, type RiskAssessment, type RiskLevel } from '../model';
import type { RiskSummary, SentimentSummary } from './types';

/** Instants [from, to) as epoch ms, so items are filtered to the period in the report zone. */
export interface InstantWindow {
	from: number;
	to: number;
}

function inWindow(instant: string, w: InstantWindow): boolean {
	const t = Date.parse(instant);
	return t >= w.from && t < w.to;
}

function zeroLevels(): Record<RiskLevel, number> {
	return Object.fromEntries(RISK_LEVELS.map((l) => [l, 0])) as Record<RiskLevel, number>;
}

function topCounts(counts: Map<string, number>, n: number): Array<[string, number]> {
	return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n);
}

/** Share of positive / negative mentions (assessments created in the period), by platform and risk level. */
export function summarizeSentiment(assessments: readonly RiskAssessment[], w: InstantWindow): SentimentSummary | null {
	const items = assessments.filter((a) => inWindow(a.createdAt, w));
	if (items.length === 0) return null;
	const byPlatform = new Map<string, { platform: string; total: number; positive: number; neutral: number; negative: number }>();
	const byRiskLevel = zeroLevels();
	const categories = new Map<string, number>();
	const totals = { positive: 0, neutral: 0, negative: 0 };
	for (const a of items) {
		let p = byPlatform.get(a.platform);
		if (!p) byPlatform.set(a.platform, (p = { platform: a.platform, total: 0, positive: 0, neutral: 0, negative: 0 }));
		p.total++;
		p[a.sentiment.label]++;
		totals[a.sentiment.label]++;
		byRiskLevel[a.riskLevel]++;
		for (const c of a.categories) categories.set(c, (categories.get(c) ?? 0) + 1);
	}
	return {
		total: items.length,
		...totals,
		positiveShare: totals.positive / items.length,
		negativeShare: totals.negative / items.length,
		byPlatform: [...byPlatform.values()].sort((a, b) => (a.platform < b.platform ? -1 : 1)),
		byRiskLevel,
		topCategories: topCounts(categories, 5).map(([category, count]) => ({ category, count })),
	};
}

/** Alerts first seen in the period, or still open at its end. */
export function summarizeAlerts(alerts: readonly RiskAlert[], w: InstantWindow): RiskSummary | null {
	const items = alerts.filter((a) => inWindow(a.firstSeenAt, w) || (a.status !== 'resolved' && Date.parse(a.firstSeenAt) < w.to));
	if (items.length === 0) return null;
	const byLevel = zeroLevels();
	const types = new Map<string, number>();
	for (const a of items) {
		byLevel[a.level]++;
		types.set(a.type, (types.get(a.type) ?? 0) + 1);
	}
	const rank = (l: RiskLevel) => RISK_LEVELS.indexOf(l);
	const highest = [...items]
		.sort((a, b) => rank(b.level) - rank(a.level) || (a.firstSeenAt < b.firstSeenAt ? 1 : -1))
		.slice(0, 5)
		.map((a) => {
			const h: RiskSummary['highest'][number] = { id: a.id, type: a.type, level: a.level, metric: a.metric, observed: a.observed, status: a.status };
			if (a.platform !== undefined) h.platform = a.platform;
			return h;
		});
	return {
		total: items.length,
		open: items.filter((a) => a.status !== 'resolved').length,
		openHigh: items.filter((a) => a.status !== 'resolved' && (a.level === 'high' || a.level === 'critical')).length,
		byLevel,
		byType: topCounts(types, 10).map(([type, count]) => ({ type, count })),
		highest,
	};
}
