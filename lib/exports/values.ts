/**
 * Reading one cell of a back-office export. Platforms display numbers for people, not machines:
 * `1.2万`, `3,456`, `12.5%`, `--` for "no data", full-width digits, a leading `'` that Excel uses to
 * keep a number as text. Every reader returns a value, "absent" (the platform had no number), or an
 * error message; it never guesses 0.
 */

export type CellResult<T> = { kind: 'value'; value: T } | { kind: 'absent' } | { kind: 'error'; message: string };

export const ABSENT: CellResult<never> = { kind: 'absent' };
const value = <T>(v: T): CellResult<T> => ({ kind: 'value', value: v });
const error = (message: string): CellResult<never> => ({ kind: 'error', message });

/** Placeholders exports use for "no data"; they mean absent, not 0. */
const ABSENT_MARKERS = new Set(['', '-', '--', '---', '—', '——', '–', '/', 'n/a', 'na', 'null', 'none', '暂无', '暂无数据', '无数据']);

/**
 * Canonical text of a cell: NFKC folds full-width digits, letters, `％`, `，` and `：` to ASCII;
 * the Unicode minus becomes `-`; a leading apostrophe (Excel's "store as text") and outer spaces go.
 */
export function cellText(raw: unknown): string {
	if (raw === null || raw === undefined) return '';
	let text = (typeof raw === 'string' ? raw : String(raw)).normalize('NFKC').replace(/[\u2212\uFE63]/g, '-').replace(/\u00A0/g, ' ').trim();
	if (text.startsWith("'")) text = text.slice(1).trim();
	return text;
}

export function isAbsentMarker(text: string): boolean {
	return ABSENT_MARKERS.has(text.toLowerCase());
}

/** Magnitude suffixes: Chinese 万 (10⁴) and 亿 (10⁸) with their pinyin initial w/W, and English k/m. */
const MULTIPLIERS: Record<string, number> = { 万: 1e4, w: 1e4, 亿: 1e8, 千: 1e3, k: 1e3, m: 1e6 };

/** Counting units some exports append (`123次`, `45人`), ignored. */
const UNIT_SUFFIX = /(次|人|个|条|篇|位|times|views|people)$/i;

/**
 * A plain decimal with optional sign, thousands separators (`3,456`, `1 234`) and magnitude suffix.
 * `3,45` is refused: a comma that is not a thousands separator could be a European decimal.
 */
function parseDecimal(text: string): { number: number; scaled: boolean } | { error: string } {
	let t = text.replace(UNIT_SUFFIX, '').trim();
	let multiplier = 1;
	const suffix = /([万亿千wWkKmM])$/.exec(t);
	if (suffix) {
		multiplier = MULTIPLIERS[suffix[1].toLowerCase()] ?? MULTIPLIERS[suffix[1]];
		t = t.slice(0, -1).trim();
	}
	if (/^[+-]?\d{1,3}([, ]\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/[, ]/g, '');
	if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return { error: 'not a number' };
	const n = Number(t);
	if (!Number.isFinite(n)) return { error: 'not a number' };
	return { number: multiplier === 1 ? n : n * multiplier, scaled: multiplier !== 1 };
}

/**
 * A counter (reads, likes, followers ...): a whole number ≥ 0, or any whole number when `signed`
 * (net follower change). `1.2万` gives 12000; a scaled value is rounded to a whole number because the
 * platform already rounded it for display.
 */
export function parseCount(raw: unknown, options: { signed?: boolean } = {}): CellResult<number> {
	if (typeof raw === 'number') return checkCount(raw, options.signed);
	if (typeof raw === 'boolean') return error('not a number');
	const text = cellText(raw);
	if (isAbsentMarker(text)) return ABSENT;
	if (/\+$/.test(text) && !/^\+/.test(text)) {
		// WeChat shows 10万+ above 100 000 reads: a lower bound, not a count.
		return error(`"${text}" is a lower bound, not an exact count; export the exact number`);
	}
	if (text.endsWith('%')) return error('a percentage where a count was expected');
	const parsed = parseDecimal(text);
	if ('error' in parsed) return error(parsed.error);
	return checkCount(parsed.scaled ? Math.round(parsed.number) : parsed.number, options.signed);
}

function checkCount(n: number, signed = false): CellResult<number> {
	if (!Number.isFinite(n)) return error('not a number');
	if (!Number.isInteger(n)) return error('not a whole number');
	if (!signed && n < 0) return error('a count cannot be negative');
	return value(n === 0 ? 0 : n); // no -0
}

/**
 * A rate such as 完播率: `12.5%` gives 0.125. Without a `%` sign only a fraction 0..1 is accepted
 * (that is what a spreadsheet cell formatted as a percentage holds); `12.5` alone is ambiguous and refused.
 */
export function parseRate(raw: unknown): CellResult<number> {
	let n: number;
	if (typeof raw === 'number') {
		n = raw;
	} else {
		const text = cellText(raw);
		if (isAbsentMarker(text)) return ABSENT;
		if (text.endsWith('%')) {
			const parsed = parseDecimal(text.slice(0, -1).trim());
			if ('error' in parsed || parsed.scaled) return error('not a percentage');
			n = Number((parsed.number / 100).toPrecision(12));
		} else {
			const parsed = parseDecimal(text);
			if ('error' in parsed || parsed.scaled) return error('not a rate');
			n = parsed.number;
			if (n > 1) return error('ambiguous rate without a % sign; write 12.5% or 0.125');
		}
	}
	if (!Number.isFinite(n)) return error('not a rate');
	if (n < 0 || n > 1) return error('a rate must be between 0% and 100%');
	return value(n);
}

/**
 * A duration in seconds: `45`, `45s`, `45秒`, `1分20秒`, `1m20s`, `01:20`, `00:01:20`, `2min`.
 */
export function parseDurationSeconds(raw: unknown): CellResult<number> {
	if (typeof raw === 'number') return Number.isFinite(raw) && raw >= 0 ? value(raw) : error('not a duration');
	const text = cellText(raw).toLowerCase().replace(/\s+/g, '');
	if (isAbsentMarker(text)) return ABSENT;
	const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2}(?:\.\d+)?)$/.exec(text);
	if (clock) return value(Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]));
	const parts = /^(?:(\d+(?:\.\d+)?)(?:小时|时|h))?(?:(\d+(?:\.\d+)?)(?:分钟|分|min|m))?(?:(\d+(?:\.\d+)?)(?:秒|s|sec))?$/.exec(text);
	if (parts && (parts[1] || parts[2] || parts[3])) {
		return value(Number(parts[1] ?? 0) * 3600 + Number(parts[2] ?? 0) * 60 + Number(parts[3] ?? 0));
	}
	if (/^\d+(\.\d+)?$/.test(text)) return value(Number(text));
	return error('not a duration');
}

/** Free text (titles, ids): trimmed; empty and placeholders are absent. Numbers are kept as their digits. */
export function parseText(raw: unknown): CellResult<string> {
	const text = cellText(raw);
	if (isAbsentMarker(text)) return ABSENT;
	return value(typeof raw === 'string' ? raw.trim().replace(/^'/, '') : text);
}

/** A user-mapped `extra` column: a number when the cell reads as one, else its text. */
export function parseNumberOrText(raw: unknown): CellResult<number | string> {
	if (typeof raw === 'number') return Number.isFinite(raw) ? value(raw) : error('not a number');
	const text = cellText(raw);
	if (isAbsentMarker(text)) return ABSENT;
	if (text.endsWith('%')) {
		const rate = parseRate(text);
		if (rate.kind === 'value') return rate;
	}
	const parsed = parseDecimal(text);
	if (!('error' in parsed)) return value(parsed.scaled ? Math.round(parsed.number) : parsed.number);
	return value(text);
}
