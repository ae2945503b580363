/**
 * "Emit each item exactly once across executions": the ids a polling trigger has already emitted, kept in a
 * plain JSON object that n8n stores in workflow static data (so it survives restarts and is not module state).
 *
 * Bounded: entries older than the retention are pruned (items that old are outside the polled window anyway),
 * and beyond `maxIds` the oldest go first. The retention must exceed the window the trigger polls, or an old
 * item could be emitted again.
 */
export interface SeenIdsState {
	version: 1;
	/** id → epoch ms when it was first emitted. */
	seen: Record<string, number>;
	/** Set after the first poll, so "start from now" can record the backlog without emitting it. */
	initialized: boolean;
}

export interface SeenIdsOptions {
	now: number;
	retentionDays?: number;
	maxIds?: number;
}

export function emptySeenIds(): SeenIdsState {
	return { version: 1, seen: {}, initialized: false };
}

/** Reads whatever is in static data, tolerating an empty or foreign object. */
export function loadSeenIds(value: unknown): SeenIdsState {
	const v = value as Partial<SeenIdsState> | undefined;
	if (!v || v.version !== 1 || typeof v.seen !== 'object' || v.seen === null) return emptySeenIds();
	return { version: 1, seen: { ...v.seen }, initialized: Boolean(v.initialized) };
}

/**
 * Splits `items` into the ones never emitted before (in input order, each id once) and records them.
 * Returns a new state; the input state is not changed.
 */
export function takeUnseen<T>(items: readonly T[], idOf: (item: T) => string, state: SeenIdsState, options: SeenIdsOptions): { fresh: T[]; state: SeenIdsState } {
	const seen = { ...state.seen };
	const fresh: T[] = [];
	for (const item of items) {
		const id = idOf(item);
		if (id in seen) continue;
		seen[id] = options.now;
		fresh.push(item);
	}
	return { fresh, state: { version: 1, seen: prune(seen, options), initialized: true } };
}

function prune(seen: Record<string, number>, options: SeenIdsOptions): Record<string, number> {
	const cutoff = options.now - (options.retentionDays ?? 60) * 86_400_000;
	let entries = Object.entries(seen).filter(([, at]) => at >= cutoff);
	const max = options.maxIds ?? 20_000;
	if (entries.length > max) entries = entries.sort((a, b) => b[1] - a[1]).slice(0, max);
	return Object.fromEntries(entries);
}
