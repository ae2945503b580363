/** Public API of the sandbox: a local emulation of the platform APIs for tests, e2e, demo and benchmarks. */
export { startSandbox, DEFAULT_SEED } from './server';
export type { Sandbox, SandboxOptions, SandboxStats } from './server';
export { FAULT_KINDS, parseFaultSpec, validateFaultRules } from './faults';
export type { FaultKind, FaultRule } from './faults';
export { SANDBOX_WECHAT_ACCOUNTS, DATACUBE_MAX_SPAN_DAYS, benchAccountCredentials } from './platforms/wechat';
export type { SandboxRateLimit } from './rate-limit';
export type {
	ArticleDayStats,
	ArticleTotals,
	BizDayStats,
	ReadUserSource,
	UserSummaryRow,
	WechatArticle,
	WechatComment,
	WechatTruth,
} from './platforms/wechat';
export type { PlatformFactory, SandboxPlatform } from './platform';
