/** Back-office exports (Excel/CSV from platform dashboards) → MetricSnapshots, and the derived rates of any snapshot. */
export { normaliseExportRows, type NormaliseExportOptions, type NormaliseExportResult, type ExportRowError, type ExportColumn } from './normalise';
export { EXPORT_FORMATS, EXPORT_FORMAT_IDS, MIN_FORMAT_CONFIDENCE, detectExportFormat, exportFormat, isExportFormatId, type ExportFormat, type ExportFormatId } from './formats';
export { CORE_FIELDS, aliasesOf, lookupHeader, normaliseHeader, parseTargetField, type CoreField, type TargetField, type ValueKind } from './aliases';
export { parseCount, parseRate, parseDurationSeconds, parseText, cellText, type CellResult } from './values';
export { parseDateCell, type DateContext, type DayValue } from './dates';
export { deriveRates, withDerivedRates, type DerivedRateName, type DerivedRates } from './rates';
