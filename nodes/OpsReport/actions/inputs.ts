import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import type { ZodTypeAny } from 'zod';
import { InputError } from '../../../lib/errors';
import {
	isValidTimeZone,
	MetricSnapshotSchema,
	PLATFORMS,
	RiskAlertSchema,
	RiskAssessmentSchema,
	type MetricSnapshot,
	type Post,
	type RiskAlert,
	type RiskAssessment,
} from '../../../lib/model';
import { rowToSnapshot } from '../../../lib/metrics/snapshot-row';
import { postFromItem } from '../../../lib/publish/post-row';

/** What the report reads from its input items. */
export interface ReportInputs {
	snapshots: MetricSnapshot[];
	posts: Post[];
	assessments: RiskAssessment[];
	alerts: RiskAlert[];
	/** Items (or values inside items) rejected under Continue On Fail: index and what was wrong. */
	rejected: Array<{ itemIndex: number; error: InputError }>;
}

export type InputKind = 'snapshot' | 'post' | 'assessment' | 'alert';

/** Which item field holds which kind; empty: every item is one object, recognised by its shape. */
export type InputFields = Partial<Record<InputKind, string>>;

const KIND_NAMES: Record<InputKind, string> = { snapshot: 'MetricSnapshot', post: 'Post', assessment: 'RiskAssessment', alert: 'RiskAlert' };

/**
 * Recognises an item by its fields: a RiskAlert has level + metric + observed, a RiskAssessment
 * mentionId + riskLevel, a MetricSnapshot periodStart/periodEnd (nested or as a flat table row),
 * a Post status + account. Anything else is not report input.
 */
export function kindOf(json: IDataObject): InputKind | undefined {
	if ('level' in json && 'metric' in json && 'observed' in json) return 'alert';
	if ('mentionId' in json && 'riskLevel' in json) return 'assessment';
	if ('periodEnd' in json || 'periodStart' in json) return 'snapshot';
	if ('status' in json && 'account' in json) return 'post';
	return undefined;
}

/**
 * Reads every input item. A bad value throws an InputError naming the item and the field unless
 * `keepGoing` (Continue On Fail), in which case it is listed in `rejected` and skipped.
 */
export function readReportInputs(items: INodeExecutionData[], fields: InputFields, keepGoing: boolean): ReportInputs {
	const out: ReportInputs = { snapshots: [], posts: [], assessments: [], alerts: [], rejected: [] };
	const zones = new Map<string, boolean>();
	const byField = (Object.entries(fields) as Array<[InputKind, string | undefined]>).filter(([, f]) => f !== undefined && f.trim() !== '');
	items.forEach((item, itemIndex) => {
		const handle = (kind: InputKind | undefined, value: unknown, where: string) => {
			try {
				add(out, kind, value, where, zones);
			} catch (error) {
				const e = error instanceof InputError ? error : new InputError(error instanceof Error ? error.message : String(error), 'item');
				const wrapped = new InputError(`Item ${itemIndex}${where}: ${e.message}`, e.field);
				if (!keepGoing) throw Object.assign(wrapped, { itemIndex });
				out.rejected.push({ itemIndex, error: wrapped });
			}
		};
		const json = item.json ?? {};
		if (byField.length === 0) {
			handle(kindOf(json), json, '');
			return;
		}
		for (const [kind, field] of byField) {
			const value = json[field!.trim()];
			if (value === undefined || value === null) continue;
			const values = Array.isArray(value) ? value : [value];
			values.forEach((v, k) => handle(kind, v, Array.isArray(value) ? `, ${field}[${k}]` : `, ${field}`));
		}
	});
	return out;
}

/** `zones`: time zones already checked in this run (an Intl.DateTimeFormat per row would cost more than the report). */
function add(out: ReportInputs, kind: InputKind | undefined, value: unknown, where: string, zones: Map<string, boolean>): void {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new InputError(`expected an object${where ? '' : ' item'}, got ${describe(value)}`, 'item');
	const json = value as Record<string, unknown>;
	switch (kind) {
		case 'snapshot':
			out.snapshots.push(readSnapshot(json, zones));
			return;
		case 'post':
			out.posts.push(postFromItem(json));
			return;
		case 'assessment':
			out.assessments.push(parse(RiskAssessmentSchema, withJsonFields(json, ['sentiment', 'categories', 'matches']), 'assessment') as RiskAssessment);
			return;
		case 'alert':
			out.alerts.push(parse(RiskAlertSchema, withJsonFields(json, ['window', 'evidence', 'suggestedActions']), 'alert') as RiskAlert);
			return;
		default:
			throw new InputError(
				'not report input: expected a MetricSnapshot (platform, accountId, periodStart, periodEnd, window, counters … as nested object or flat table row), a Post, a RiskAssessment or a RiskAlert. Set Options → Input Fields if the data sits under a field.',
				'item',
			);
	}
}

/** A nested snapshot or a flat table row (Data Table, Postgres): `extra`/`rates` as JSON text, nulls absent. */
function readSnapshot(json: Record<string, unknown>, zones: Map<string, boolean>): MetricSnapshot {
	let nested: MetricSnapshot;
	try {
		nested = rowToSnapshot(json);
	} catch {
		const field = typeof json.extra === 'string' && !isJson(json.extra) ? 'extra' : 'rates';
		throw new InputError(`not a valid MetricSnapshot: "${field}" must be JSON text or an object`, field);
	}
	if (isPlainValidSnapshot(nested as unknown as Record<string, unknown>, zones)) return nested;
	return parse(MetricSnapshotSchema, nested as unknown as Record<string, unknown>, 'snapshot') as MetricSnapshot;
}

const PLATFORM_SET = new Set<string>(PLATFORMS);
const WINDOWS = new Set(['day', 'period', 'cumulative']);
const COUNTERS = ['followers', 'newFollowers', 'lostFollowers', 'views', 'uniqueViewers', 'likes', 'comments', 'shares', 'saves', 'clicks', 'conversions', 'avgWatchSeconds'] as const;
const TEXTS = ['accountName', 'postTitle'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * The common case without zod: a snapshot that passes these checks passes MetricSnapshotSchema unchanged
 * (the same rules, written out), at a fraction of the cost. Anything else goes to the schema, which
 * either accepts it or says precisely what is wrong.
 */
function isPlainValidSnapshot(s: Record<string, unknown>, zoneOk: Map<string, boolean>): boolean {
	if (!PLATFORM_SET.has(s.platform as string) || typeof s.accountId !== 'string' || s.accountId.length === 0) return false;
	if (typeof s.periodStart !== 'string' || !DAY.test(s.periodStart) || typeof s.periodEnd !== 'string' || !DAY.test(s.periodEnd)) return false;
	if (!WINDOWS.has(s.window as string) || typeof s.source !== 'string' || s.source.length === 0) return false;
	if (!isInstant(s.collectedAt) || (s.publishedAt !== undefined && !isInstant(s.publishedAt))) return false;
	if (s.postId !== undefined && (typeof s.postId !== 'string' || s.postId.length === 0)) return false;
	for (const k of TEXTS) if (s[k] !== undefined && typeof s[k] !== 'string') return false;
	for (const k of COUNTERS) {
		const v = s[k];
		if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v) && v >= 0)) return false;
	}
	if (s.netFollowers !== undefined && !(typeof s.netFollowers === 'number' && Number.isFinite(s.netFollowers))) return false;
	if (s.completionRate !== undefined && !(typeof s.completionRate === 'number' && s.completionRate >= 0 && s.completionRate <= 1)) return false;
	if (s.rates !== undefined && !isRecordOf(s.rates, (v) => typeof v === 'number' && Number.isFinite(v))) return false;
	if (s.extra !== undefined && !isRecordOf(s.extra, (v) => (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string' || isRecordOf(v, (x) => typeof x === 'number' && !Number.isNaN(x))))
		return false;
	if (typeof s.timezone !== 'string') return false;
	let ok = zoneOk.get(s.timezone);
	if (ok === undefined) {
		ok = isValidTimeZone(s.timezone);
		zoneOk.set(s.timezone, ok);
	}
	return ok;
}

function isInstant(v: unknown): boolean {
	return typeof v === 'string' && INSTANT.test(v) && !Number.isNaN(Date.parse(v));
}

function isRecordOf(v: unknown, ok: (x: unknown) => boolean): boolean {
	if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
	for (const x of Object.values(v as Record<string, unknown>)) if (!ok(x)) return false;
	return true;
}

function parse(schema: ZodTypeAny, raw: Record<string, unknown>, kind: InputKind): unknown {
	const parsed = schema.safeParse(raw);
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0];
	const field = issue.path.join('.') || 'item';
	const got = issue.path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), raw);
	const message = issue.message.replace(/^Required$/, 'is required');
	throw new InputError(`not a valid ${KIND_NAMES[kind]}: "${field}" ${message} (got ${describe(got)})`, field);
}

/** Table rows keep objects and arrays as JSON text; parse those back, leave everything else. */
function withJsonFields(json: Record<string, unknown>, fields: string[]): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(json)) {
		if (v === null) continue;
		out[k] = fields.includes(k) && typeof v === 'string' && isJson(v) ? JSON.parse(v) : v;
	}
	return out;
}

function isJson(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}

function describe(v: unknown): string {
	if (v === undefined) return 'nothing';
	const text = JSON.stringify(v);
	return text === undefined ? String(v) : text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
