import { InputError } from '../errors';
import { Post, PostSchema } from '../model';

/**
 * Posts as flat table rows (n8n Data Tables, Postgres, sheets) and back. Tables reserve `id`, so the
 * post's id is the `postId` column; arrays and objects (media, tags, recurrence, history) are JSON text.
 * Publishing adds three columns a calendar needs to show what happened: `publishStatus`,
 * `publishError` (code and message, the platform's raw error kept) and `publishKey`.
 */
export type PostRow = Record<string, string | number | null>;

export const POST_ROW_COLUMNS = [
	'postId',
	'platform',
	'account',
	'title',
	'body',
	'digest',
	'media',
	'tags',
	'contentType',
	'status',
	'author',
	'version',
	'scheduledAt',
	'timezone',
	'recurrence',
	'externalId',
	'url',
	'history',
	'publishStatus',
	'publishError',
	'publishKey',
] as const;

const JSON_FIELDS = new Set(['media', 'tags', 'recurrence', 'history']);
/** Optional fields where a table's empty cell means "absent". */
const OPTIONAL_TEXT = new Set(['digest', 'contentType', 'author', 'scheduledAt', 'externalId', 'url', 'recurrence']);

export interface PublishColumns {
	publishStatus?: string | null;
	publishError?: string | null;
	publishKey?: string | null;
}

export function postToRow(post: Post, publish: PublishColumns = {}): PostRow {
	const row: PostRow = {};
	for (const col of POST_ROW_COLUMNS) {
		if (col === 'postId') row.postId = post.id;
		else if (col === 'publishStatus' || col === 'publishError' || col === 'publishKey') row[col] = publish[col] ?? null;
		else {
			const v = post[col as keyof Post];
			row[col] = v === undefined ? null : JSON_FIELDS.has(col) ? JSON.stringify(v) : (v as string | number);
		}
	}
	return row;
}

/** Whether an item looks like a table row (has `postId`; a table's own numeric `id` is ignored). */
export function isPostRow(json: Record<string, unknown>): boolean {
	return typeof json.postId === 'string' && (json.id === undefined || typeof json.id === 'number' || json.id === null);
}

/**
 * Reads a Post from an item in either shape (a Post object or a table row), with clear messages:
 * `InputError` names the offending field. Nulls and a table's empty optional cells count as absent,
 * JSON text in array/object fields is parsed, a numeric `version` string is accepted.
 */
export function postFromItem(json: Record<string, unknown>): Post {
	const raw: Record<string, unknown> = {};
	const row = isPostRow(json);
	for (const [key, value] of Object.entries(json)) {
		if (row && (key === 'id' || key === 'createdAt' || key === 'updatedAt')) continue;
		if (value === null || value === undefined) continue;
		const field = row && key === 'postId' ? 'id' : key;
		if (typeof value === 'string' && value.trim() === '' && (OPTIONAL_TEXT.has(field) || JSON_FIELDS.has(field))) continue;
		if (JSON_FIELDS.has(field) && typeof value === 'string') {
			try {
				raw[field] = JSON.parse(value);
			} catch {
				throw new InputError(`not a valid Post: "${field}" must be JSON (an array or object), got text that does not parse`, field);
			}
			continue;
		}
		if (field === 'version' && typeof value === 'string' && /^\d+$/.test(value.trim())) {
			raw[field] = Number(value);
			continue;
		}
		raw[field] = value;
	}
	const parsed = PostSchema.safeParse(raw);
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0];
	const field = issue.path.join('.') || 'item';
	const got = issue.path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), raw);
	const shown = got === undefined ? 'nothing' : JSON.stringify(got).slice(0, 80);
	throw new InputError(`not a valid Post: "${field}" ${issue.message.replace(/^Required$/, 'is required')} (got ${shown})`, field);
}
