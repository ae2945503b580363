import { DateTime } from 'luxon';
import { InputError } from '../errors';
import { InstantSchema, MetricSnapshotSchema, isPlatform, isValidTimeZone, type MetricSnapshot, type Platform } from '../model';
import { snapshotKey } from '../metrics/snapshot-row';
import { lookupHeader, normaliseHeader, parseTargetField, kindOf, type ColumnTarget, type CoreField, type TargetField, type ValueKind } from './aliases';
import { parseDateCell, type DateContext, type DayValue } from './dates';
import { detectExportFormat, exportFormat, isExportFormatId, type ExportFormat, type ExportFormatId } from './formats';
import { withDerivedRates } from './rates';
import { cellText, parseCount, parseDurationSeconds, parseNumberOrText, parseRate, parseText, type CellResult } from './values';

export interface NormaliseExportOptions {
	/** The platform the file comes from; without it, the detected format's platform, else `manual`. */
	platform?: Platform;
	/** The account the rows belong to, unless a column names it per row. */
	accountId?: string;
	accountName?: string;
	/** IANA zone of the export's dates (platform back-offices in China: Asia/Shanghai). */
	timezone: string;
	/** `auto` (default) detects the format from the headers; a format id fixes it. */
	format?: 'auto' | ExportFormatId;
	/** Header → field (`views`, `extra.coins`, `date`, `ignore` ...); wins over detection and the alias table. */
	mapping?: Record<string, string>;
	/** Year for dates without one (`3月1日`); otherwise the latest year not after collectedAt's day. */
	year?: number;
	/** When the rows were read (ISO instant); the end of the period of cumulative (per-post) rows. */
	collectedAt: string;
}

/**
 * A cell that could not be read. `row` is the spreadsheet row: the header is row 1, so input item `index`
 * (0-based, one item per data row as n8n's Extract From File gives them) is row `index + 2`.
 */
export interface ExportRowError {
	row: number;
	index: number;
	column: string;
	value: string;
	message: string;
}

export interface ExportColumn {
	header: string;
	field: TargetField | null;
	/** Where the field came from: the user's mapping, the detected format, the alias table, or nowhere. */
	by: 'mapping' | 'format' | 'alias' | 'unknown';
	note?: string;
}

export interface NormaliseExportResult {
	snapshots: MetricSnapshot[];
	/** The input index (0-based) each snapshot came from, parallel to `snapshots`. */
	snapshotIndexes: number[];
	errors: ExportRowError[];
	/** Rows dropped because an earlier row had the same key (platform, account, post, window, period) and values. */
	duplicates: Array<{ row: number; index: number; duplicateOfRow: number; key: string }>;
	/** Rows that carry no observation: blank rows, total rows (合计/Total), a header row found among the data. */
	skipped: Array<{ row: number; index: number; reason: 'empty' | 'total' | 'header' }>;
	columns: ExportColumn[];
	format: { id: ExportFormatId; label: string; platform: Platform; confidence: number };
}

const TOTAL_ROW = new Set(['合计', '总计', '汇总', '小计', '总和', '平均', '平均值', '均值', 'total', 'totals', 'sum', 'average', 'avg']);
/** Title or preamble rows above the header: how far down a header row is looked for. */
const HEADER_SEARCH_ROWS = 10;

interface Column extends ExportColumn {
	/** The key of the cell in the input row object. */
	key: string;
	kind: ValueKind;
}

/**
 * Turns rows of a back-office export (one object per row, keys = headers) into MetricSnapshots.
 * Never turns an unreadable cell into 0: a bad counter is left absent and reported; a row whose date
 * cannot be read is dropped and reported; the row's other cells still parse.
 * Throws InputError for problems of the whole file or the options (no date column, no account id,
 * a mapping that names a missing column, a bad time zone).
 */
export function normaliseExportRows(rows: Array<Record<string, unknown>>, options: NormaliseExportOptions): NormaliseExportResult {
	validateOptions(options);
	const mapping = readMapping(options.mapping ?? {});
	const recognised = (header: string) => mapping.has(normaliseHeader(header)) || lookupHeader(header) !== undefined;

	const { headers, headerIndex } = findHeaders(rows, recognised);
	const requested = options.format ?? 'auto';
	const detected =
		requested === 'auto' ? detectExportFormat(headers.map((h) => h.header), recognised, options.platform) : { format: exportFormat(requested), confidence: 1 };
	const platform: Platform = options.platform ?? detected.format.platform ?? 'manual';
	const columns = resolveColumns(headers, mapping, detected.format);

	const byField = new Map<TargetField, Column>();
	for (const c of columns) if (c.field && c.field !== 'ignore') byField.set(c.field, c);
	if (!byField.has('date') && !byField.has('publishedAt')) {
		throw new InputError(
			`No date column found among ${listHeaders(headers)}. Map one to "date" (the day of the numbers) or "publishedAt" (a post's publish time) with Header Mapping.`,
			'mapping',
		);
	}
	if (!options.accountId?.trim() && !byField.has('accountId')) {
		throw new InputError('Account ID is required: set it, or map a column to "accountId"', 'accountId');
	}

	const referenceDay = DateTime.fromISO(options.collectedAt, { setZone: true }).setZone(options.timezone).toISODate()!;
	const dateContext: DateContext = { timezone: options.timezone, year: options.year, referenceDay };
	const result: NormaliseExportResult = {
		snapshots: [],
		snapshotIndexes: [],
		errors: [],
		duplicates: [],
		skipped: [],
		columns: columns.map(({ header, field, by, note }) => (note ? { header, field, by, note } : { header, field, by })),
		format: { id: detected.format.id, label: detected.format.label, platform, confidence: detected.confidence },
	};
	const seen = new Map<string, { row: number; snapshot: MetricSnapshot }>();

	rows.forEach((row, index) => {
		const rowNumber = index + 2;
		if (headerIndex !== undefined && index <= headerIndex) {
			if (index === headerIndex) result.skipped.push({ row: rowNumber, index, reason: 'header' });
			return;
		}
		const cells = columns.map((c) => row?.[c.key]);
		if (cells.every((v) => v === undefined || v === null || cellText(v) === '')) {
			result.skipped.push({ row: rowNumber, index, reason: 'empty' });
			return;
		}
		if (isTotalRow(row, columns)) {
			result.skipped.push({ row: rowNumber, index, reason: 'total' });
			return;
		}
		const snapshot = readRow(row, index, columns, byField, { ...options, platform }, detected.format, dateContext, result.errors);
		if (!snapshot) return;

		const key = snapshotKey(snapshot);
		const earlier = seen.get(key);
		if (earlier) {
			const differing = firstDifference(earlier.snapshot, snapshot);
			if (differing === undefined) {
				result.duplicates.push({ row: rowNumber, index, duplicateOfRow: earlier.row, key });
			} else {
				const column = byField.get(differing as TargetField)?.header ?? differing;
				result.errors.push({
					row: rowNumber,
					index,
					column,
					value: display(row[byField.get(differing as TargetField)?.key ?? '']),
					message: `same ${snapshot.postId ? 'post' : 'account'} and period as row ${earlier.row} but a different ${differing}; row dropped, row ${earlier.row} kept`,
				});
			}
			return;
		}
		seen.set(key, { row: rowNumber, snapshot });
		result.snapshots.push(snapshot);
		result.snapshotIndexes.push(index);
	});
	return result;
}

function validateOptions(options: NormaliseExportOptions): void {
	if (!isValidTimeZone(options.timezone ?? '')) throw new InputError(`Time zone must be an IANA zone such as Asia/Shanghai, got "${options.timezone}"`, 'timezone');
	if (!InstantSchema.safeParse(options.collectedAt).success) throw new InputError(`collectedAt must be an ISO instant with an offset, got "${options.collectedAt}"`, 'collectedAt');
	if (options.platform !== undefined && !isPlatform(options.platform)) {
		throw new InputError(`Unknown platform "${options.platform}"`, 'platform');
	}
	if (options.format !== undefined && options.format !== 'auto' && !isExportFormatId(options.format)) {
		throw new InputError(`Unknown export format "${options.format}"`, 'format');
	}
	if (options.year !== undefined && !(Number.isInteger(options.year) && options.year >= 1970 && options.year <= 2100)) {
		throw new InputError(`Year must be a whole number between 1970 and 2100, got ${options.year}`, 'year');
	}
}

function readMapping(mapping: Record<string, string>): Map<string, { header: string; field: TargetField }> {
	const out = new Map<string, { header: string; field: TargetField }>();
	for (const [header, target] of Object.entries(mapping)) {
		if (!header.trim()) continue;
		const field = parseTargetField(String(target ?? ''));
		if (!field) {
			throw new InputError(
				`Header Mapping: "${header}" → "${target}" is not a field. Use a MetricSnapshot field (views, likes, followers, date, publishedAt, postTitle ...), extra.<name>, or ignore.`,
				'mapping',
			);
		}
		out.set(normaliseHeader(header), { header, field });
	}
	return out;
}

/**
 * The columns: the row objects' keys in order of first appearance. When those keys are not headers
 * (a title line above the real header made Extract From File take the wrong row), the first row among
 * the first few whose cells are headers is used instead.
 */
function findHeaders(rows: Array<Record<string, unknown>>, recognised: (header: string) => boolean): { headers: Array<{ key: string; header: string }>; headerIndex?: number } {
	const keys: string[] = [];
	const known = new Set<string>();
	for (const row of rows) {
		for (const key of Object.keys(row ?? {})) {
			if (!known.has(key)) {
				known.add(key);
				keys.push(key);
			}
		}
	}
	const keyHits = keys.filter(recognised).length;
	if (keyHits < 2) {
		for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
			const row = rows[i] ?? {};
			const hits = keys.filter((k) => typeof row[k] === 'string' && recognised(String(row[k]))).length;
			if (hits >= 2 && hits > keyHits) {
				return { headers: keys.map((key) => ({ key, header: typeof row[key] === 'string' && String(row[key]).trim() ? String(row[key]).trim() : key })), headerIndex: i };
			}
		}
	}
	return { headers: keys.map((key) => ({ key, header: key })) };
}

function resolveColumns(headers: Array<{ key: string; header: string }>, mapping: Map<string, { header: string; field: TargetField }>, format: ExportFormat): Column[] {
	const overrides = new Map(Object.entries(format.overrides ?? {}).map(([h, f]) => [normaliseHeader(h), f]));
	const matchedMappings = new Set<string>();
	const taken = new Map<TargetField, string>();
	const columns = headers.map(({ key, header }): Column => {
		const n = normaliseHeader(header);
		let target: ColumnTarget | undefined;
		let by: Column['by'] = 'unknown';
		const mapped = mapping.get(n);
		if (mapped) {
			matchedMappings.add(n);
			by = 'mapping';
			// A user's extra column keeps its text when it is not a number.
			target = { field: mapped.field, kind: mapped.field.startsWith('extra.') ? 'numberOrText' : kindOf(mapped.field) };
		} else if (overrides.has(n)) {
			by = 'format';
			const field = overrides.get(n)!;
			target = { field, kind: kindOf(field) };
		} else {
			target = lookupHeader(header);
			if (target) by = 'alias';
		}
		if (!target) return { key, header, field: null, by, kind: 'text', note: 'not recognised; map it to keep it' };
		if (target.field !== 'ignore') {
			const first = taken.get(target.field);
			if (first !== undefined) return { key, header, field: null, by, kind: target.kind, note: `ignored: column "${first}" already fills ${target.field}` };
			taken.set(target.field, header);
		}
		return { key, header, field: target.field, by, kind: target.kind };
	});
	const unmatched = [...mapping.entries()].filter(([n]) => !matchedMappings.has(n)).map(([, m]) => m.header);
	if (unmatched.length) {
		throw new InputError(`Header Mapping names ${unmatched.map((h) => `"${h}"`).join(', ')}, not among the columns ${listHeaders(headers)}`, 'mapping');
	}
	return columns;
}

function readRow(
	row: Record<string, unknown>,
	index: number,
	columns: Column[],
	byField: Map<TargetField, Column>,
	options: NormaliseExportOptions & { platform: Platform },
	format: ExportFormat,
	dateContext: DateContext,
	errors: ExportRowError[],
): MetricSnapshot | undefined {
	const rowNumber = index + 2;
	const values = new Map<TargetField, unknown>();
	const failed = new Map<TargetField, ExportRowError>();
	for (const column of columns) {
		if (!column.field || column.field === 'ignore') continue;
		const raw = row[column.key];
		const cell = readCell(column.kind, raw, dateContext);
		if (cell.kind === 'value') values.set(column.field, cell.value);
		else if (cell.kind === 'error') {
			const err: ExportRowError = { row: rowNumber, index, column: column.header, value: display(raw), message: cell.message };
			errors.push(err);
			failed.set(column.field, err);
		}
	}

	const drop = (field: TargetField, reason: string): undefined => {
		const err = failed.get(field);
		if (err) err.message = `${err.message}; row dropped (${reason})`;
		else errors.push({ row: rowNumber, index, column: byField.get(field)?.header ?? field, value: display(row[byField.get(field)?.key ?? '']), message: `${reason}; row dropped` });
		return undefined;
	};

	const date = values.get('date') as DayValue | undefined;
	const published = values.get('publishedAt') as DayValue | undefined;
	let period: { start: string; end: string; window: MetricSnapshot['window'] };
	if (date) {
		period = { start: date.start, end: date.end, window: date.start === date.end ? 'day' : 'period' };
	} else if (byField.has('date') && (failed.has('date') || !published)) {
		return drop('date', failed.has('date') ? 'the date is required' : 'no date');
	} else if (published) {
		// A per-post row without a day: totals from publishing up to when the export was read.
		if (published.start > dateContext.referenceDay) return drop('publishedAt', `published after the collection day ${dateContext.referenceDay}`);
		period = { start: published.start, end: dateContext.referenceDay, window: 'cumulative' };
	} else {
		return drop('publishedAt', failed.has('publishedAt') ? 'the publish date is required without a date column' : 'no publish date');
	}

	const accountId = (values.get('accountId') as string | undefined) ?? options.accountId?.trim();
	if (!accountId) return drop('accountId', 'no account id');
	const title = values.get('postTitle') as string | undefined;
	// Without an id column a post is keyed by its publish day and title, so importing the file again upserts.
	const postId = (values.get('postId') as string | undefined) ?? (title !== undefined ? `title:${published?.start ?? ''}:${title}` : undefined);

	const snapshot: Record<string, unknown> = { platform: options.platform, accountId };
	const accountName = (values.get('accountName') as string | undefined) ?? options.accountName;
	if (accountName) snapshot.accountName = accountName;
	if (postId) snapshot.postId = postId;
	if (title !== undefined) snapshot.postTitle = title;
	if (published?.instant) snapshot.publishedAt = published.instant;
	Object.assign(snapshot, { periodStart: period.start, periodEnd: period.end, timezone: options.timezone, window: period.window });
	const extra: Record<string, number | string> = {};
	for (const [field, value] of values) {
		if (field.startsWith('extra.')) extra[field.slice('extra.'.length)] = value as number | string;
		else if (!['date', 'publishedAt', 'postTitle', 'postId', 'accountId', 'accountName'].includes(field)) snapshot[field as CoreField] = value;
	}
	if (Object.keys(extra).length) snapshot.extra = extra;
	snapshot.collectedAt = options.collectedAt;
	snapshot.source = `export:${format.id}`;

	const parsed = MetricSnapshotSchema.safeParse(snapshot);
	if (!parsed.success) {
		// Cells are validated one by one above, so this is a combination the model rejects.
		const issue = parsed.error.issues[0];
		const field = String(issue.path[0] ?? '');
		const column = byField.get(field as TargetField);
		errors.push({ row: rowNumber, index, column: column?.header ?? field, value: display(column ? row[column.key] : ''), message: `${issue.message}; row dropped` });
		return undefined;
	}
	return withDerivedRates(parsed.data);
}

function readCell(kind: ValueKind, raw: unknown, dateContext: DateContext): CellResult<unknown> {
	switch (kind) {
		case 'count':
			return parseCount(raw);
		case 'signedCount':
			return parseCount(raw, { signed: true });
		case 'rate':
			return parseRate(raw);
		case 'duration':
			return parseDurationSeconds(raw);
		case 'date':
			return parseDateCell(raw, dateContext);
		case 'numberOrText':
			return parseNumberOrText(raw);
		case 'text':
			return parseText(raw);
	}
}

function isTotalRow(row: Record<string, unknown>, columns: Column[]): boolean {
	const labelled = columns.filter((c) => c.field === 'date' || c.field === 'publishedAt' || c.field === 'postTitle');
	const first = columns[0];
	return [...labelled, ...(first ? [first] : [])].some((c) => TOTAL_ROW.has(cellText(row[c.key]).toLowerCase().replace(/[\s:：]/g, '')));
}

/** The first field in which two snapshots of the same key differ (collectedAt aside), if any. */
function firstDifference(a: MetricSnapshot, b: MetricSnapshot): string | undefined {
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
	for (const key of keys) {
		if (key === 'collectedAt' || key === 'rates') continue;
		const va = JSON.stringify((a as Record<string, unknown>)[key]);
		const vb = JSON.stringify((b as Record<string, unknown>)[key]);
		if (va !== vb) return key === 'extra' ? extraDifference(a.extra, b.extra) : key;
	}
	return undefined;
}

function extraDifference(a: MetricSnapshot['extra'], b: MetricSnapshot['extra']): string {
	const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
	for (const key of keys) if (JSON.stringify(a?.[key]) !== JSON.stringify(b?.[key])) return `extra.${key}`;
	return 'extra';
}

function display(raw: unknown): string {
	if (raw === undefined || raw === null) return '';
	return typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
}

function listHeaders(headers: Array<{ header: string }>): string {
	return headers.length ? headers.map((h) => `"${h.header}"`).join(', ') : '(no columns)';
}
