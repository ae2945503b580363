import { DateTime } from 'luxon';
import { InputError } from '../errors';
import type { MetricSnapshot, Platform, Post } from '../model';
import { eachDay } from '../time/date-range';
import { rankHoursOfWeek } from './best-time';
import { CadenceInput, parseCadence } from './cadence';
import { createLifecycleEvent, LifecycleEvent } from './events';
import { expandRecurrence } from './recurrence';
import { Slot, SlotGrid, slotsOfDay, validateSlotGrid } from './slots';
import { fromDate, isoWeekKey, parseInstant, requireZone, toInstantString } from './wall-clock';

/** How one account publishes: its zone, weekly slot grid, caps and cadence. */
export interface AccountScheduleRule {
	account: string;
	/** When absent the rule applies to the account on every platform. A platform-specific rule wins. */
	platform?: Platform;
	/** IANA zone the grid, caps, blackout days and weeks are read in. */
	timezone: string;
	slots: SlotGrid;
	/** Posts per local day, counting those already scheduled. 0 or absent: no cap (the cadence's, if any). */
	maxPerDay?: number;
	minGapMinutes?: number;
	/** Local days without publishing: `2026-10-01` or a range `2026-10-01..2026-10-07`. */
	blackoutDates?: string[];
	/** `"3-5 a week"`, `"每周3-5篇"`, `"daily"` or `{ minPerWeek, maxPerWeek, maxPerDay }`. */
	cadence?: CadenceInput;
	/** Order each day's slots by the account's past engagement (see rankHoursOfWeek). */
	bestTime?: boolean | { minPosts?: number; priorWeight?: number };
}

export interface PlanOptions {
	now: Date;
	/** MetricSnapshot history for best-time ranking. */
	history?: readonly MetricSnapshot[];
	/** Days ahead (from today in the account's zone) to look for free slots. Default 28. */
	horizonDays?: number;
	/** A slot must start at least this many minutes after `now`. Default 0. */
	leadMinutes?: number;
	/** Recorded as the actor of the `scheduled` history entry and event. Default `mediaops:planner`. */
	actor?: string;
}

export type UnplaceableReason = 'no_rule' | 'no_slots' | 'no_free_slot';

export interface CadenceShortfall {
	account: string;
	platform?: Platform;
	week: string;
	posts: number;
	minPerWeek: number;
}

export interface PlanResult {
	planned: Post[];
	unplaceable: Array<{ post: Post; reason: UnplaceableReason; message: string }>;
	events: LifecycleEvent[];
	/** ISO weeks in the horizon with fewer posts (existing + planned) than the cadence minimum. */
	shortfalls: CadenceShortfall[];
	/** Per rule (`platform:account` or `*:account`), whether best time used history or fell back. */
	bestTime: Record<string, { method: 'history' | 'fallback'; postsUsed: number }>;
}

/** Statuses whose scheduled time holds a slot. Rejected and failed posts release theirs. */
const HOLDS_SLOT = new Set(['draft', 'in_review', 'approved', 'scheduled', 'publishing', 'published']);

/** Times already taken by an account, with the per-day and per-week counts the caps need. */
class Occupancy {
	private readonly times: number[] = [];
	private readonly perDay = new Map<string, number>();
	private readonly perWeek = new Map<string, number>();

	add(at: DateTime): void {
		const ms = at.toMillis();
		this.times.splice(this.insertionIndex(ms), 0, ms);
		bump(this.perDay, at.toISODate()!);
		bump(this.perWeek, isoWeekKey(at));
	}

	dayCount(day: string): number {
		return this.perDay.get(day) ?? 0;
	}

	weekCount(week: string): number {
		return this.perWeek.get(week) ?? 0;
	}

	/** True when no taken time is closer than `gapMs` (and none is equal, whatever the gap). */
	isClear(ms: number, gapMs: number): boolean {
		const i = this.insertionIndex(ms);
		const near = [this.times[i - 1], this.times[i]].filter((t) => t !== undefined);
		return near.every((t) => t !== ms && Math.abs(t - ms) >= gapMs);
	}

	private insertionIndex(ms: number): number {
		let lo = 0;
		let hi = this.times.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.times[mid] < ms) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}
}

function bump(map: Map<string, number>, key: string): void {
	map.set(key, (map.get(key) ?? 0) + 1);
}

function ruleKey(rule: AccountScheduleRule): string {
	return `${rule.platform ?? '*'}:${rule.account}`;
}

function findRule(rules: readonly AccountScheduleRule[], post: Post): number {
	const exact = rules.findIndex((r) => r.account === post.account && r.platform === post.platform);
	return exact >= 0 ? exact : rules.findIndex((r) => r.account === post.account && r.platform === undefined);
}

function blackoutDays(rule: AccountScheduleRule): Set<string> {
	const days = new Set<string>();
	for (const entry of rule.blackoutDates ?? []) {
		const [start, end] = entry.split('..').map((s) => s.trim());
		for (const d of eachDay({ start, end: end ?? start })) days.add(d);
	}
	return days;
}

function nonNegative(value: number | undefined, field: string): number | undefined {
	if (value !== undefined && !(value >= 0)) throw new InputError(`${field} must be a non-negative number, got ${value}`, field);
	return value;
}

/** A cap where 0 means no cap, as in every limits field of the nodes (Max Posts per Day, Max per Run). */
function capOf(value: number | undefined, field: string): number | undefined {
	return nonNegative(value, field) || undefined;
}

/**
 * Existing posts, and recurring occurrences within the horizon where they happen after their edits
 * (`recurrence.overrides`: a moved one holds its new time, a skipped one nothing), that hold an account's slots.
 */
function occupancyOf(posts: readonly Post[], zone: string, now: DateTime, end: DateTime): Occupancy {
	const occupied = new Occupancy();
	for (const p of posts) {
		if (!p.scheduledAt || !HOLDS_SLOT.has(p.status)) continue;
		if (!p.recurrence) {
			occupied.add(parseInstant(p.scheduledAt, zone, `post ${p.id} scheduledAt`));
			continue;
		}
		for (const o of expandRecurrence(p, { from: now.minus({ weeks: 1 }).toJSDate(), to: end.toJSDate() })) occupied.add(parseInstant(o.at, zone));
	}
	return occupied;
}

/**
 * Gives unscheduled approved posts a time. Per rule (account), posts keep their input order as
 * priority; days are walked from today in the account's zone; each day's free slots are taken in
 * grid order (or best-time order) while the day cap, the ISO-week cap, the minimum gap and the
 * "one post per slot" rule allow, then the chosen slots are given to the next posts in time order.
 * Existing scheduled posts, including recurring occurrences, count against every cap.
 * Posts that are not approved, or already have a time, are left alone and not returned.
 */
export function planSchedule(posts: readonly Post[], rules: readonly AccountScheduleRule[], options: PlanOptions): PlanResult {
	const horizonDays = options.horizonDays ?? 28;
	if (!Number.isInteger(horizonDays) || horizonDays < 1) throw new InputError(`horizonDays must be a positive integer, got ${horizonDays}`, 'horizonDays');
	const result: PlanResult = { planned: [], unplaceable: [], events: [], shortfalls: [], bestTime: {} };
	const queues = rules.map(() => [] as Post[]);
	const members = rules.map(() => [] as Post[]);
	for (const post of posts) {
		const r = findRule(rules, post);
		if (r >= 0) members[r].push(post);
		if (post.status !== 'approved' || post.scheduledAt) continue;
		if (r < 0) result.unplaceable.push({ post, reason: 'no_rule', message: `no schedule rule for account "${post.account}" on ${post.platform}` });
		else queues[r].push(post);
	}
	const memo: CalendarMemo = { days: new Map(), slots: new Map() };
	rules.forEach((rule, r) => planAccount(rule, members[r], queues[r], options, horizonDays, result, memo));
	return result;
}

/**
 * Local days and their slots, shared by the rules of one planSchedule call: accounts usually share a zone and
 * a grid, and building zoned DateTimes (luxon asks Intl for every offset) is most of the planner's cost.
 * Lives only for the call, so nothing is kept between runs.
 */
interface CalendarMemo {
	days: Map<string, DateTime[]>;
	slots: Map<string, Slot[]>;
}

function memoDays(memo: CalendarMemo, firstDay: DateTime, zone: string, count: number): DateTime[] {
	const key = `${zone}|${firstDay.toISODate()}`;
	let days = memo.days.get(key);
	if (!days || days.length < count) {
		days = Array.from({ length: count }, (_, d) => firstDay.plus({ days: d }));
		memo.days.set(key, days);
	}
	return days;
}

function memoSlots(memo: CalendarMemo, grid: SlotGrid, gridKey: string, day: DateTime, zone: string): Slot[] {
	const key = `${zone}|${gridKey}|${day.toISODate()}`;
	let slots = memo.slots.get(key);
	if (!slots) {
		slots = slotsOfDay(grid, day, zone);
		memo.slots.set(key, slots);
	}
	return slots;
}

function planAccount(rule: AccountScheduleRule, members: Post[], queue: Post[], options: PlanOptions, horizonDays: number, result: PlanResult, memo: CalendarMemo): void {
	const zone = requireZone(rule.timezone, `rules[${rule.account}].timezone`);
	validateSlotGrid(rule.slots);
	const cadence = parseCadence(rule.cadence);
	// 0 is no cap here too (it used to place nothing, unlike Max Posts per Day): a rule's 0 falls back to the cadence's cap.
	const maxPerDay = capOf(rule.maxPerDay, 'maxPerDay') ?? capOf(cadence.maxPerDay, 'cadence.maxPerDay') ?? Infinity;
	const maxPerWeek = capOf(cadence.maxPerWeek, 'cadence.maxPerWeek') ?? Infinity;
	const gapMs = (nonNegative(rule.minGapMinutes, 'minGapMinutes') ?? 0) * 60_000;
	const blackout = blackoutDays(rule);
	const now = fromDate(options.now, zone);
	const earliest = now.toMillis() + (options.leadMinutes ?? 0) * 60_000;
	const firstDay = now.startOf('day');
	const occupied = occupancyOf(members, zone, now, firstDay.plus({ days: horizonDays }));
	const order = slotOrder(rule, zone, options);
	if (order.ranking) result.bestTime[ruleKey(rule)] = order.ranking;
	const actor = options.actor ?? 'mediaops:planner';
	const at = options.now.toISOString();

	const weeks = new Set<string>();
	const days = memoDays(memo, firstDay, zone, horizonDays);
	const gridKey = JSON.stringify(rule.slots);
	for (let d = 0; d < horizonDays; d++) {
		const day = days[d];
		weeks.add(isoWeekKey(day));
		if (queue.length === 0 || blackout.has(day.toISODate()!)) continue;
		const chosen: Slot[] = [];
		for (const slot of order.sort(memoSlots(memo, rule.slots, gridKey, day, zone))) {
			if (chosen.length >= queue.length) break;
			const ms = slot.at.toMillis();
			if (ms < earliest || occupied.dayCount(slot.day) >= maxPerDay || occupied.weekCount(slot.week) >= maxPerWeek || !occupied.isClear(ms, gapMs)) continue;
			occupied.add(slot.at);
			chosen.push(slot);
		}
		chosen.sort((a, b) => a.at.toMillis() - b.at.toMillis());
		for (const slot of chosen) {
			const post = queue.shift()!;
			const scheduledAt = toInstantString(slot.at);
			result.planned.push({
				...post,
				scheduledAt,
				timezone: zone,
				status: 'scheduled',
				history: [...post.history, { at, actor, action: 'scheduled', fromStatus: 'approved', toStatus: 'scheduled', version: post.version }],
			});
			result.events.push(createLifecycleEvent('scheduled', post, at, actor, { scheduledAt, timezone: zone, slot: slot.clock }));
		}
	}
	const gridIsEmpty = [0, 1, 2, 3, 4, 5, 6].every((d) => slotsOfDay(rule.slots, firstDay.plus({ days: d }), zone).length === 0);
	for (const post of queue) {
		result.unplaceable.push(
			gridIsEmpty
				? { post, reason: 'no_slots', message: `the slot grid of "${rule.account}" has no slots` }
				: { post, reason: 'no_free_slot', message: `no free slot for "${rule.account}" in the next ${horizonDays} days within caps, gap, cadence and blackout dates` },
		);
	}
	if (cadence.minPerWeek) {
		for (const week of weeks) {
			const count = occupied.weekCount(week);
			if (count < cadence.minPerWeek) result.shortfalls.push({ account: rule.account, platform: rule.platform, week, posts: count, minPerWeek: cadence.minPerWeek });
		}
	}
}

interface SlotOrder {
	sort(slots: Slot[]): Slot[];
	ranking?: { method: 'history' | 'fallback'; postsUsed: number };
}

/** Grid order by default; with best time and enough history, the best-scoring hour of the week first. */
function slotOrder(rule: AccountScheduleRule, zone: string, options: PlanOptions): SlotOrder {
	if (!rule.bestTime) return { sort: (s) => s };
	const tuning = typeof rule.bestTime === 'object' ? rule.bestTime : {};
	const ranking = rankHoursOfWeek(options.history ?? [], { account: rule.account, platform: rule.platform, zone, ...tuning });
	const summary = { method: ranking.method, postsUsed: ranking.postsUsed };
	if (ranking.method === 'fallback') return { sort: (s) => s, ranking: summary };
	const score = (s: Slot) => ranking.scoreOf(s.weekday, s.at.hour);
	return { sort: (s) => [...s].sort((a, b) => score(b) - score(a) || a.order - b.order), ranking: summary };
}
