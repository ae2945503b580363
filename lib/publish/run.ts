import { isPlatformError } from '../errors';
import type { Post } from '../model';
import { idempotencyKey, PublishLedger, type PublishLedgerOptions, type PublishLedgerState } from '../schedule/ledger';
import type { PublishAdapter, TargetResult, TargetStatus } from './types';

/** The static-data object the ledger and the last result per key live in. */
export interface PublishState extends PublishLedgerState {
	/** The last result per idempotency key, so a later run can report it (and read back a pending one). */
	results?: Record<string, TargetResult>;
}

export interface PublishRunOptions {
	executionId: string;
	now: () => Date;
	ledger?: PublishLedgerOptions;
	log?: (message: string) => void;
}

/** For a recurring occurrence (`<series>@<instant>`), the occurrence part of the key. */
function occurrenceOf(post: Post): string | undefined {
	const at = post.id.lastIndexOf('@');
	return at > 0 ? post.id.slice(at + 1) : undefined;
}

export function keyFor(post: Post): string {
	return idempotencyKey(post, { platform: post.platform, account: post.account, occurrence: occurrenceOf(post) });
}

/**
 * Publishes one post to its target at most once: ledger claim (stops retries and sequential duplicates),
 * then read-back on the platform (stops duplicates the ledger cannot see: concurrent runs, lost static
 * data), then the adapter's publish (which resolves races between concurrent runs itself), then the
 * ledger records the result. Errors become a failed result with the platform's code and message; an
 * error that may have happened after the platform accepted the post is recorded as ambiguous, so the
 * next attempt reads back first.
 */
export async function publishOnce(post: Post, adapter: PublishAdapter, state: PublishState, options: PublishRunOptions): Promise<TargetResult> {
	const ledger = new PublishLedger(state, options.ledger);
	state.results ??= {};
	const key = keyFor(post);
	const base = { platform: post.platform, account: post.account, key };
	const stamp = (r: Omit<TargetResult, 'platform' | 'account' | 'key' | 'at'>): TargetResult => ({ ...base, ...r, at: options.now().toISOString(), attempts: ledger.get(key)?.attempts });
	const previous = state.results[key];

	const claim = ledger.claim(key, options.executionId, options.now());
	if (claim === 'already_published') {
		const entry = ledger.get(key);
		if (previous) return { ...previous, outcome: previous.status === 'published' ? 'already_published' : previous.outcome, readBack: false };
		return stamp({ status: 'published', outcome: 'already_published', message: '已发布过，未重复发布 / already published, not published again', externalId: entry?.externalId });
	}
	if (claim === 'in_flight') {
		return stamp({ status: 'publishing', outcome: 'in_flight_elsewhere', message: '另一执行正在发布 / another run is publishing this post', refs: previous?.refs });
	}

	let result: TargetResult;
	try {
		// A publication still in progress from an earlier run: ask about it before anything else.
		const pending = previous?.status === 'publishing' && previous.refs?.publishId && adapter.checkStatus ? stamp(await adapter.checkStatus(previous.refs)) : undefined;
		const found = pending && pending.status !== 'publishing' ? pending : await adapter.findPublished(post, key).then((r) => (r ? stamp(r) : undefined));
		result = found ?? (pending?.status === 'publishing' ? pending : stamp(await adapter.publish(post, key)));
	} catch (error) {
		const ambiguous = isPlatformError(error) && error.retryable;
		const code = isPlatformError(error) ? error.code : 'ERROR';
		const message = isPlatformError(error) ? error.message : error instanceof Error ? error.message : String(error);
		ledger.markFailed(key, { code, message }, options.now(), { ambiguous });
		result = stamp({
			status: 'failed',
			outcome: 'platform_error',
			message: `平台调用失败 [${code}] / the platform call failed [${code}]: ${message}`,
			error: { code, message, operation: isPlatformError(error) ? error.operation : undefined },
			...(ambiguous ? { retryable: true } : {}),
		});
		state.results[key] = result;
		return result;
	}

	if (result.externalId && (result.status === 'published' || result.status === 'partial' || result.outcome === 'removed_by_user' || result.outcome === 'blocked_by_platform')) {
		// It went out (even if removed since): never publish this version again.
		ledger.markPublished(key, result.externalId, options.now());
	} else if (result.status === 'failed') {
		ledger.markFailed(key, { code: result.error?.code, message: result.message }, options.now());
	}
	// `publishing` keeps the claim until its lease ends; the next run checks the refs kept in results.
	state.results[key] = result;
	pruneResults(state);
	return result;
}

/** Results are kept only for keys the ledger still holds (the ledger prunes by retention and size). */
function pruneResults(state: PublishState): void {
	const entries = state.entries ?? {};
	for (const key of Object.keys(state.results ?? {})) if (!(key in entries)) delete state.results![key];
}

/** The status of a post across its targets. */
export function overallStatus(targets: readonly TargetResult[]): TargetStatus {
	if (targets.length === 0) return 'pending';
	const s = new Set(targets.map((t) => t.status));
	if (s.size === 1) return targets[0].status;
	if (s.has('publishing') || s.has('pending')) return 'publishing';
	return 'partial';
}
