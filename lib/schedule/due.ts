import { InputError } from '../errors';
import { isPlatform, PLATFORMS, type Platform, type Post } from '../model';
import { instantMillis } from './wall-clock';

/** Caps on one run. In each, 0 (or absent) means no cap, as in the node's Max per Run fields. */
export interface DueCaps {
	/** At most this many posts in one run. */
	perRun?: number;
	/** At most this many posts per platform + account in one run. */
	perAccount?: number;
	/** At most this many per platform in one run (e.g. an X free tier); platforms not listed are not capped. */
	perPlatform?: Partial<Record<Platform, number>>;
}

export interface DueOptions {
	now: Date;
	/** How late a post may still be published; later ones are reported as overdue. */
	graceMinutes: number;
	caps?: DueCaps;
}

export type OverdueReason = 'missed_window' | 'not_approved_in_time' | 'stuck_publishing';
export type NotDueReason = 'not_yet' | 'unscheduled' | 'recurring_series' | 'not_approved' | 'in_progress' | 'capped' | 'published' | 'rejected' | 'failed';

export interface DueResult {
	/** Oldest first. */
	due: Post[];
	overdue: Array<{ post: Post; reason: OverdueReason; minutesLate: number; message: string }>;
	notDue: Array<{ post: Post; reason: NotDueReason; message: string }>;
}

const READY = new Set(['approved', 'scheduled']);
const AWAITING_REVIEW = new Set(['draft', 'in_review']);

/**
 * Sorts every post into exactly one of due / overdue / notDue, so nothing is silently dropped.
 * Due: approved or scheduled, not published, time reached, at most `graceMinutes` late, within caps
 * (applied oldest first). Overdue: later than the grace period, or still unapproved or still
 * "publishing" past it (stuck). Recurring series must be expanded first (materializeOccurrences).
 */
export function selectDuePosts(posts: readonly Post[], options: DueOptions): DueResult {
	if (!(options.graceMinutes >= 0)) throw new InputError(`graceMinutes must be a non-negative number, got ${options.graceMinutes}`, 'graceMinutes');
	const result: DueResult = { due: [], overdue: [], notDue: [] };
	const nowMs = options.now.getTime();
	const candidates: Array<{ post: Post; ms: number }> = [];
	for (const post of posts) {
		const notDue = (reason: NotDueReason, message: string) => result.notDue.push({ post, reason, message });
		if (post.status === 'published' || post.externalId) notDue('published', `already published${post.externalId ? ` as ${post.externalId}` : ''}`);
		else if (post.status === 'rejected' || post.status === 'failed') notDue(post.status, `status is ${post.status}`);
		else if (!post.scheduledAt) notDue('unscheduled', 'no scheduledAt');
		else if (post.recurrence) notDue('recurring_series', 'a recurring series: expand it into occurrences (materializeOccurrences) first');
		else {
			const ms = instantMillis(post.scheduledAt, `post ${post.id} scheduledAt`);
			const minutesLate = Math.floor((nowMs - ms) / 60_000);
			const late = nowMs - ms > options.graceMinutes * 60_000;
			if (ms > nowMs) notDue('not_yet', `scheduled for ${post.scheduledAt}`);
			else if (AWAITING_REVIEW.has(post.status)) {
				if (late) result.overdue.push({ post, reason: 'not_approved_in_time', minutesLate, message: `scheduled for ${post.scheduledAt} but still ${post.status}` });
				else notDue('not_approved', `time reached but status is ${post.status}`);
			} else if (post.status === 'publishing') {
				if (late) result.overdue.push({ post, reason: 'stuck_publishing', minutesLate, message: `still publishing ${minutesLate} min after ${post.scheduledAt}: read back from the platform` });
				else notDue('in_progress', 'publishing');
			} else if (READY.has(post.status)) {
				if (late) result.overdue.push({ post, reason: 'missed_window', minutesLate, message: `${minutesLate} min late, beyond the ${options.graceMinutes} min grace period` });
				else candidates.push({ post, ms });
			}
		}
	}
	applyCaps(candidates, options.caps ?? {}, result);
	return result;
}

/** A cap counts posts, so 2.5 is refused rather than read as 3 (it used to be accepted and act as 3). */
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** 0 means no cap (a platform listed with 0 used to release nothing, unlike Max per Run); a wrong value or platform id is an error. */
function checkedCaps(caps: DueCaps): { perRun?: number; perAccount?: number; perPlatform: Partial<Record<Platform, number>> } {
	for (const field of ['perRun', 'perAccount'] as const) {
		if (caps[field] !== undefined && !isCount(caps[field])) throw new InputError(`${field} must be a whole number, 0 or more (0 = no cap), got ${JSON.stringify(caps[field])}`, field);
	}
	const given: unknown = caps.perPlatform ?? {};
	if (typeof given !== 'object' || given === null || Array.isArray(given)) throw new InputError(`perPlatform must be an object keyed by platform id, e.g. {"x": 2}, got ${JSON.stringify(given)}`, 'perPlatform');
	const perPlatform: Partial<Record<Platform, number>> = {};
	for (const [platform, cap] of Object.entries(given)) {
		if (!isPlatform(platform)) throw new InputError(`perPlatform: "${platform}" is not a platform id (one of ${PLATFORMS.join(', ')})`, 'perPlatform');
		if (!isCount(cap)) throw new InputError(`perPlatform.${platform} must be a whole number, 0 or more (0 = no cap), got ${JSON.stringify(cap)}`, 'perPlatform');
		if (cap > 0) perPlatform[platform as Platform] = cap;
	}
	return { perRun: caps.perRun || undefined, perAccount: caps.perAccount || undefined, perPlatform };
}

function applyCaps(candidates: Array<{ post: Post; ms: number }>, given: DueCaps, result: DueResult): void {
	const caps = checkedCaps(given);
	candidates.sort((a, b) => a.ms - b.ms || (a.post.id < b.post.id ? -1 : a.post.id > b.post.id ? 1 : 0));
	const perAccount = new Map<string, number>();
	const perPlatform = new Map<string, number>();
	for (const { post } of candidates) {
		const account = `${post.platform}:${post.account}`;
		const platformCap = caps.perPlatform[post.platform];
		const over =
			(caps.perRun !== undefined && result.due.length >= caps.perRun) ||
			(caps.perAccount !== undefined && (perAccount.get(account) ?? 0) >= caps.perAccount) ||
			(platformCap !== undefined && (perPlatform.get(post.platform) ?? 0) >= platformCap);
		if (over) {
			result.notDue.push({ post, reason: 'capped', message: 'due, but over this run\'s cap: it stays queued for the next run' });
			continue;
		}
		result.due.push(post);
		perAccount.set(account, (perAccount.get(account) ?? 0) + 1);
		perPlatform.set(post.platform, (perPlatform.get(post.platform) ?? 0) + 1);
	}
}
