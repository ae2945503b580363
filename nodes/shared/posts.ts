import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { InputError } from '../../lib/errors';
import type { Post } from '../../lib/model';
import type { LifecycleEvent } from '../../lib/schedule/events';
import { postFromItem, postToRow, type PublishColumns } from '../../lib/publish/post-row';
import { errorItemJson, toNodeError } from './errors';

/** A Post read from input item `index`. */
export interface IndexedPost {
	post: Post;
	index: number;
}

/**
 * Reads every input item as a Post (a Post object or a table row), for operations that look at all
 * posts at once (Plan, Get Due). A bad item stops the node naming the item and field, or under
 * Continue On Fail becomes an error item (returned in `errors`) while the good ones go on.
 */
export function readPostItems(ctx: IExecuteFunctions, accept: (json: IDataObject) => boolean = () => true): { posts: IndexedPost[]; errors: INodeExecutionData[]; others: Array<{ json: IDataObject; index: number }> } {
	const items = ctx.getInputData();
	const posts: IndexedPost[] = [];
	const errors: INodeExecutionData[] = [];
	const others: Array<{ json: IDataObject; index: number }> = [];
	items.forEach((item, index) => {
		if (!accept(item.json)) {
			others.push({ json: item.json, index });
			return;
		}
		try {
			posts.push({ post: postFromItem(item.json), index });
		} catch (error) {
			if (!ctx.continueOnFail()) throw toNodeError(ctx.getNode(), withItem(error, index), index);
			errors.push({ json: errorItemJson(withItem(error, index), index), pairedItem: { item: index } });
		}
	});
	return { posts, errors, others };
}

/** Reads one item as a Post (per-item operations); `source` replaces the input item (e.g. a Post from an earlier node). */
export function readPost(ctx: IExecuteFunctions, index: number, source?: IDataObject): Post {
	try {
		return postFromItem(source ?? ctx.getInputData()[index].json);
	} catch (error) {
		throw withItem(error, index);
	}
}

function withItem(error: unknown, index: number): unknown {
	if (error instanceof InputError) return new InputError(`Item ${index}: ${error.message}`, error.field);
	return error;
}

export type PostOutputFormat = 'post' | 'row' | 'events';

/** The shared "Output" parameter: Post items, flat table rows, or the lifecycle events only. */
export function postOutputProperty(operations: string[], withEvents = true): INodeProperties {
	return {
		displayName: 'Output',
		name: 'outputFormat',
		type: 'options',
		displayOptions: { show: { operation: operations } },
		options: [
			{ name: 'Post', value: 'post', description: 'Post items, with what happened under extra fields (e.g. event, due, compliance)' },
			{ name: 'Table Row', value: 'row', description: 'Flat rows keyed by postId (JSON text for media, tags, history), ready for a Data Table or Postgres upsert' },
			...(withEvents ? [{ name: 'Lifecycle Events', value: 'events', description: 'Only the lifecycle events (created, submitted, approved, rejected, scheduled, published, failed)' }] : []),
		],
		default: 'post',
	};
}

/**
 * Shapes one post for output. `extra` (annotations such as `due` or `compliance`) rides along in Post
 * format; in row format only the row's columns are kept. In events format the post's event is the item
 * (or nothing when nothing happened to it).
 */
export function postOutput(post: Post, format: PostOutputFormat, extra: IDataObject = {}, event?: LifecycleEvent, publish?: PublishColumns): IDataObject[] {
	if (format === 'events') return event ? [event as unknown as IDataObject] : [];
	if (format === 'row') return [postToRow(post, publish) as IDataObject];
	return [{ ...(post as unknown as IDataObject), ...extra, ...(event ? { event: event as unknown as IDataObject } : {}) }];
}

/** The instant operations treat as "now": the Reference Time option when set (tests, backfills), else the clock. */
export function referenceTime(ctx: IExecuteFunctions, itemIndex = 0): Date {
	const value = String(ctx.getNodeParameter('options.referenceTime', itemIndex, '') ?? '').trim();
	if (!value) return new Date();
	const ms = Date.parse(value);
	if (!/[zZ]|[+-]\d{2}:?\d{2}$/.test(value) || Number.isNaN(ms)) {
		throw new InputError(`Reference Time must be an ISO instant with an offset, e.g. 2026-03-01T09:00:00+08:00, got "${value}"`, 'referenceTime');
	}
	return new Date(ms);
}

/** Reads a JSON parameter that may arrive as text or as an already parsed value; a parse error names it by `label` (the name the user sees). */
export function jsonParameter<T>(ctx: IExecuteFunctions, name: string, itemIndex: number, fallback: T, label = name): T {
	const value = ctx.getNodeParameter(name, itemIndex, fallback) as unknown;
	if (typeof value !== 'string') return (value ?? fallback) as T;
	if (value.trim() === '') return fallback;
	try {
		return JSON.parse(value) as T;
	} catch (e) {
		throw new InputError(`${label} is not valid JSON: ${(e as Error).message}`, name);
	}
}

/** A list typed as text: one entry per line or comma (中文逗号 and 顿号 too). */
export function listParameter(ctx: IExecuteFunctions, name: string, itemIndex: number): string[] {
	const value = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	if (Array.isArray(value)) return value.map(String).map((s) => s.trim()).filter(Boolean);
	return String(value ?? '')
		.split(/[\n,，、;；]/)
		.map((s) => s.trim())
		.filter(Boolean);
}
