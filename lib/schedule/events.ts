import type { Post } from '../model';

/** What happened to a post, emitted as an item so a workflow can notify, log or update the calendar. */
export const LIFECYCLE_EVENT_TYPES = [
	'created',
	'submitted',
	'step_approved',
	'approved',
	'rejected',
	'changes_requested',
	'scheduled',
	'published',
	'failed',
] as const;
export type LifecycleEventType = (typeof LIFECYCLE_EVENT_TYPES)[number];

export interface LifecycleEvent {
	type: LifecycleEventType;
	postId: string;
	/** ISO instant. */
	at: string;
	actor?: string;
	details: Record<string, unknown>;
}

/** Builds an event; platform, account and version are always in `details` so a notifier needs nothing else. */
export function createLifecycleEvent(
	type: LifecycleEventType,
	post: Pick<Post, 'id' | 'platform' | 'account' | 'version'>,
	at: string,
	actor?: string,
	details: Record<string, unknown> = {},
): LifecycleEvent {
	const event: LifecycleEvent = { type, postId: post.id, at, details: { platform: post.platform, account: post.account, version: post.version, ...details } };
	if (actor !== undefined) event.actor = actor;
	return event;
}
