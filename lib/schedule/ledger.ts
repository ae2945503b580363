import { createHash } from 'node:crypto';
import { InputError } from '../errors';
import type { Platform, Post } from '../model';

export interface PublishTarget {
	platform: Platform;
	account: string;
	/** For an occurrence of a recurring post, its original instant. */
	occurrence?: string;
}

/**
 * A stable key per (post id, post version, platform, account[, occurrence]): the same post version
 * published to the same account always gets the same key, on any machine and in any execution.
 * An edit (new version) is a new publication and gets a new key.
 */
export function idempotencyKey(post: Pick<Post, 'id' | 'version'>, target: PublishTarget): string {
	const parts = ['mediaops-publish-v1', post.id, post.version, target.platform, target.account, target.occurrence ?? null];
	return `pub_${createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 40)}`;
}

export type LedgerStatus = 'in_flight' | 'published' | 'failed';
export type ClaimResult = 'claimed' | 'already_published' | 'in_flight';

export interface LedgerEntry {
	status: LedgerStatus;
	executionId: string;
	claimedAt: string;
	/** Until when the claim blocks others; after it a crashed execution's claim can be taken over. */
	leaseUntil: string;
	attempts: number;
	externalId?: string;
	publishedAt?: string;
	failedAt?: string;
	error?: string;
	/** The failure may have happened after the platform accepted the post (timeout, reset). */
	ambiguous?: boolean;
	/**
	 * Set on a claim that follows an expired lease or an ambiguous failure: the earlier attempt may
	 * have published, so the adapter must read back from the platform before publishing again.
	 */
	readBackRequired?: boolean;
}

/** The JSON the ledger lives in: put it in workflow static data, e.g. `staticData.publishLedger ??= {}`. */
export interface PublishLedgerState {
	entries?: Record<string, LedgerEntry>;
}

export interface PublishLedgerOptions {
	/** How long a claim blocks others. Longer than the slowest publish (WeChat freepublish polling). Default 15. */
	leaseMinutes?: number;
	/** Published and failed entries are kept this long, blocking duplicates within it. Default 30. */
	retentionDays?: number;
	/** Hard cap on entries; beyond it the oldest finished entries go first, in-flight ones never. Default 20,000. */
	maxEntries?: number;
}

const DAY_MS = 86_400_000;

/**
 * A publish ledger over a plain JSON object, so it persists in n8n workflow static data and holds
 * no state of its own (time is always passed in). Flow per target: `claim` → publish → `markPublished`
 * or `markFailed`; `release` if nothing was sent.
 *
 * Read-back requirement: n8n saves static data when an execution ends, and two executions running
 * at once (overlapping triggers, queue-mode workers) each work on their own copy, so both can claim
 * the same key. The ledger stops retries and duplicates across sequential executions; it cannot stop
 * a true race. So before publishing, an adapter whose platform can be read back (WeChat
 * freepublish/batchget, the account's own timeline on Weibo, Mastodon, Bluesky, X, Telegram) must
 * look for the post there (by the idempotency key embedded in the post or by content and time),
 * always when `readBackRequired` is set, and record what it finds with `markPublished`. Mastodon also
 * accepts the key as its `Idempotency-Key` header.
 */
export class PublishLedger {
	private readonly entries: Record<string, LedgerEntry>;
	private readonly leaseMs: number;
	private readonly retentionMs: number;
	private readonly maxEntries: number;

	constructor(state: PublishLedgerState, options: PublishLedgerOptions = {}) {
		state.entries ??= {};
		this.entries = state.entries;
		this.leaseMs = positive(options.leaseMinutes ?? 15, 'leaseMinutes') * 60_000;
		this.retentionMs = positive(options.retentionDays ?? 30, 'retentionDays') * DAY_MS;
		this.maxEntries = positive(options.maxEntries ?? 20_000, 'maxEntries');
	}

	claim(key: string, executionId: string, now: Date): ClaimResult {
		const entry = this.entries[key];
		const nowMs = now.getTime();
		if (entry?.status === 'published') return 'already_published';
		if (entry?.status === 'in_flight' && nowMs < Date.parse(entry.leaseUntil)) return 'in_flight';
		const takeover = entry?.status === 'in_flight' || entry?.ambiguous === true;
		this.entries[key] = {
			status: 'in_flight',
			executionId,
			claimedAt: now.toISOString(),
			leaseUntil: new Date(nowMs + this.leaseMs).toISOString(),
			attempts: (entry?.attempts ?? 0) + 1,
			...(entry?.error ? { error: entry.error } : {}),
			...(takeover ? { readBackRequired: true } : {}),
		};
		if (!entry && Object.keys(this.entries).length > this.maxEntries) this.prune(now);
		return 'claimed';
	}

	markPublished(key: string, externalId: string, now?: Date): void {
		const entry = this.entries[key];
		const at = now?.toISOString() ?? entry?.claimedAt ?? new Date(0).toISOString();
		this.entries[key] = {
			status: 'published',
			executionId: entry?.executionId ?? '',
			claimedAt: entry?.claimedAt ?? at,
			leaseUntil: entry?.leaseUntil ?? at,
			attempts: entry?.attempts ?? 1,
			externalId,
			publishedAt: at,
		};
	}

	/** Records a failure; a published entry is never downgraded (another worker may have succeeded). */
	markFailed(key: string, error: string | { code?: string | number; message: string }, now?: Date, options: { ambiguous?: boolean } = {}): void {
		const entry = this.entries[key];
		if (entry?.status === 'published') return;
		const at = now?.toISOString() ?? entry?.claimedAt ?? new Date(0).toISOString();
		const message = typeof error === 'string' ? error : error.code !== undefined ? `[${error.code}] ${error.message}` : error.message;
		this.entries[key] = {
			status: 'failed',
			executionId: entry?.executionId ?? '',
			claimedAt: entry?.claimedAt ?? at,
			leaseUntil: at,
			attempts: entry?.attempts ?? 1,
			failedAt: at,
			error: message,
			...(options.ambiguous ? { ambiguous: true } : {}),
		};
	}

	/** Gives a claim back when nothing was sent (dry run, compliance failure). Only the holder can. */
	release(key: string, executionId: string): boolean {
		const entry = this.entries[key];
		if (entry?.status !== 'in_flight' || entry.executionId !== executionId) return false;
		delete this.entries[key];
		return true;
	}

	get(key: string): LedgerEntry | undefined {
		const entry = this.entries[key];
		return entry ? { ...entry } : undefined;
	}

	get size(): number {
		return Object.keys(this.entries).length;
	}

	/**
	 * Drops entries finished more than `retentionDays` ago (and claims whose lease ended that long ago),
	 * then, above `maxEntries`, the oldest finished entries. Returns how many were removed.
	 */
	prune(now: Date): number {
		const cutoff = now.getTime() - this.retentionMs;
		let removed = 0;
		for (const [key, e] of Object.entries(this.entries)) {
			if (Date.parse(finishedAt(e)) < cutoff) {
				delete this.entries[key];
				removed++;
			}
		}
		const excess = Object.keys(this.entries).length - this.maxEntries;
		if (excess > 0) {
			const finished = Object.entries(this.entries)
				.filter(([, e]) => e.status !== 'in_flight')
				.sort(([, a], [, b]) => Date.parse(finishedAt(a)) - Date.parse(finishedAt(b)));
			for (const [key] of finished.slice(0, excess)) {
				delete this.entries[key];
				removed++;
			}
		}
		return removed;
	}
}

function finishedAt(e: LedgerEntry): string {
	return e.publishedAt ?? e.failedAt ?? e.leaseUntil;
}

function positive(value: number, field: string): number {
	if (!(value > 0)) throw new InputError(`${field} must be a positive number, got ${value}`, field);
	return value;
}
