/**
 * Writes the sample report linked from the README: `npx ts-node --transpile-only bench/sample-report.ts`.
 * A small synthetic dataset (the benchmark's generator at 20,000 snapshots), the month of June 2026.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RiskAlert } from '../lib/model';
import { buildReport, renderHtml, renderMarkdown } from '../lib/report';
import { benchOptions, syntheticSnapshots } from './report';

const alerts: RiskAlert[] = [
	{
		id: 'alert-1',
		type: 'complaint_spike',
		status: 'open',
		level: 'high',
		likelihood: 'high',
		impact: 'moderate',
		platform: 'weibo',
		metric: 'negativeMentions',
		observed: 42,
		baseline: 8,
		threshold: 20,
		window: { start: '2026-06-18T00:00:00+08:00', end: '2026-06-19T00:00:00+08:00', label: '1d' },
		evidence: [],
		suggestedActions: ['回应投诉'],
		firstSeenAt: '2026-06-18T10:00:00+08:00',
		updatedAt: '2026-06-18T10:00:00+08:00',
	},
];

const options = {
	...benchOptions(),
	title: '新媒体运营月报 · 2026 年 6 月',
	period: 'month' as const,
	alerts,
	abTests: [
		{ name: '标题 A/B：提问式 vs 陈述式', a: { label: '陈述式', successes: 412, trials: 10240 }, b: { label: '提问式', successes: 498, trials: 10310 } },
		{ name: '封面 A/B', a: { label: '人物', successes: 9, trials: 80 }, b: { label: '产品', successes: 14, trials: 85 } },
	],
	budget: { lines: [{ label: '微博推广', platform: 'weibo', budget: 45000, currency: 'CNY' }, { label: '抖音 DOU+', platform: 'douyin', budget: 60000, currency: 'CNY' }] },
};
const report = buildReport(syntheticSnapshots(20_000), options);
const docs = join(__dirname, '..', 'docs');
mkdirSync(docs, { recursive: true });
writeFileSync(join(docs, 'sample-report.html'), renderHtml(report, { language: 'zh' }));
writeFileSync(join(docs, 'sample-report.en.html'), renderHtml({ ...report, title: 'Operations report · June 2026' }, { language: 'en' }));
writeFileSync(join(docs, 'sample-report.md'), renderMarkdown(report, { language: 'zh', compactNumbers: true }));
console.log(`wrote docs/sample-report.{html,en.html,md}: ${report.findings.length} findings, ${report.input.posts} posts`);
