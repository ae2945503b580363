// Public API of lib/compliance: Advertising Law terms, the user's lists, platform limits and link sanity.
export { checkCompliance, createComplianceChecker } from './check';
export type { ComplianceOptions, CompliancePost, ComplianceResult, UserTerm } from './check';
export type { Bilingual, ComplianceField, ComplianceFinding, ComplianceRule, ComplianceSeverity, MessageLanguage } from './finding';
export { ABSOLUTE_TERMS, ABSOLUTE_TERM_ALLOW_LIST } from './absolute-terms';
export type { AbsoluteTerm } from './absolute-terms';
export { PLATFORM_RULES } from './platform-limits';
export type { FieldLimit, MediaRule, PlatformRules } from './platform-limits';
export { mergePlatformRules, parsePlatformRuleOverrides } from './rule-overrides';
export type { FieldLimitOverride, PlatformRuleOverrides, PlatformRulesOverride } from './rule-overrides';
export { measureText, xWeightedLength } from './text-length';
export type { LengthUnit, TextMeasure } from './text-length';
export { URL_SHORTENERS, findLinks } from './links';
export type { FoundLink } from './links';
