// Public API of lib/report: build the report (data), then render it.
export { buildReport } from './build-report';
export * from './types';
export * from './metrics';
export { resolvePeriod } from './period';
export { twoProportionTest, MIN_TRIALS_PER_ARM, type ProportionTestInput } from './abtest';
export { describe as describeValues, median, leastSquares, normalCdf, normalQuantile, RunningStats } from './statistics';
export { DEFAULT_RULES } from './suggestions';
export { KPI_AT_RISK_RATIO } from './kpi';
export { BUDGET_NEAR_RATIO } from './budget';
export { renderMarkdown } from './render/markdown';
export { renderHtml } from './render/html';
export { renderCsv, type CsvOptions } from './render/csv';
export { describeFinding } from './render/describe-finding';
export type { RenderOptions } from './render/format';
export { LABELS, type Labels, type ReportLanguage } from './labels';
export { escapeHtml, escapeMarkdown, csvField } from './render/escape';
