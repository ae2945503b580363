import type { Platform, Post } from '../model';

/** Where one target of a post stands. `partial`: a multi-part publication where some parts failed. */
export type TargetStatus = 'pending' | 'publishing' | 'published' | 'failed' | 'partial';

/** The platform-independent outcome codes; each comes with a bilingual message. */
export type PublishOutcome =
	| 'published'
	| 'already_published'
	| 'found_on_platform'
	| 'publishing'
	| 'in_flight_elsewhere'
	| 'original_check_failed'
	| 'publish_failed'
	| 'review_rejected'
	| 'removed_by_user'
	| 'blocked_by_platform'
	| 'compliance_failed'
	| 'platform_error'
	| 'unsupported_platform'
	| 'wrong_account'
	| 'still_published'
	| 'removed_after_publishing'
	| 'not_published'
	| 'check_unsupported'
	| 'duplicate_on_platform'
	| 'dry_run_ok';

export interface TargetResult {
	platform: Platform;
	account: string;
	/** The idempotency key of (post id, version, platform, account[, occurrence]). */
	key: string;
	status: TargetStatus;
	outcome: PublishOutcome;
	/** 中文 / English. */
	message: string;
	externalId?: string;
	url?: string;
	/** Platform references for read-back, e.g. WeChat publish_id, media_id, msg_data_id. */
	refs?: Record<string, string>;
	/** The platform's own status code (WeChat publish_status). */
	platformStatus?: number;
	/** The platform's error as it came: code, message and the raw response. */
	error?: { code: string; message: string; operation?: string; raw?: unknown };
	/** A transient failure (network, 5xx, 429 after every retry): the post can simply be tried again later. */
	retryable?: boolean;
	/**
	 * True when the result came from reading the platform back rather than from this publish call;
	 * `'unavailable'` when the platform has no read-back at all (Telegram bots), so the ledger alone prevents a second post.
	 */
	readBack?: boolean | 'unavailable';
	attempts?: number;
	at: string;
}

/**
 * One platform's publishing, on top of its API transport. `findPublished` is the read-back: it looks on
 * the platform for a publication carrying this key, so a retried or concurrent run never posts twice.
 */
export interface PublishAdapter {
	readonly platform: Platform;
	readonly account: string;
	findPublished(post: Post, key: string): Promise<Omit<TargetResult, 'platform' | 'account' | 'key' | 'at'> | undefined>;
	publish(post: Post, key: string): Promise<Omit<TargetResult, 'platform' | 'account' | 'key' | 'at'>>;
	/** Whether a published post is still up (WeChat freepublish/getarticle, Bluesky getRecord): catches removals after publishing. */
	checkPublished?(post: Post, key: string): Promise<Omit<TargetResult, 'platform' | 'account' | 'key' | 'at'>>;
	/** Re-reads a publication still in progress from its refs (WeChat freepublish/get). */
	checkStatus?(refs: Record<string, string>): Promise<Omit<TargetResult, 'platform' | 'account' | 'key' | 'at'>>;
}
