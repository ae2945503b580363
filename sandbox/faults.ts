/**
 * Fault rules: which requests fail and how. The server asks `FaultInjector.pick(route)` before
 * routing each request; applying the chosen fault to the socket is the server's job.
 */
import { Prng, hashString } from './prng';

export const FAULT_KINDS = [
	'http429',
	'http500',
	'http502',
	'http503',
	'timeout',
	'reset',
	'malformed',
	'expiredToken',
	'invalidToken',
	'quota',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * Faults answered with a platform-specific error body (WeChat: 42001, 40001, 45009; Weibo 21327, 21332, 10023;
 * Douyin 2190008, 2190002, 2190001; YouTube authError, keyInvalid, quotaExceeded; X 401, UsageCapExceeded ...).
 */
export type PlatformFaultKind = Extract<FaultKind, 'expiredToken' | 'invalidToken' | 'quota'>;

export interface FaultRule {
	/** Exact path like '/datacube/getusersummary', or '*' for every API route. */
	route: string;
	kind: FaultKind;
	/** 0..1: each matching request fails with this probability (seeded, so runs are reproducible). */
	rate?: number;
	/** Fail exactly the next N matching requests, then stop. */
	count?: number;
	/**
	 * For http429: the wait the platform asks for, in seconds (default 1): `Retry-After`, or the platform's own
	 * reset header where it has one (X x-rate-limit-reset, Bluesky ratelimit-reset, Mastodon X-RateLimit-Reset).
	 * For quota on platforms whose quota answer carries a reset (Mastodon, Bluesky): when the spent window resets.
	 */
	retryAfterSeconds?: number;
}

export class FaultRuleError extends Error {}

/** Checks an untrusted value (control API body, CLI) and returns clean rules, or throws FaultRuleError. */
export function validateFaultRules(input: unknown): FaultRule[] {
	if (!Array.isArray(input)) throw new FaultRuleError('rules must be an array');
	return input.map((raw, i) => {
		if (typeof raw !== 'object' || raw === null) throw new FaultRuleError(`rules[${i}] must be an object`);
		const r = raw as Record<string, unknown>;
		if (typeof r.route !== 'string' || (r.route !== '*' && !r.route.startsWith('/'))) {
			throw new FaultRuleError(`rules[${i}].route must be '*' or a path starting with '/'`);
		}
		if (typeof r.kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(r.kind)) {
			throw new FaultRuleError(`rules[${i}].kind must be one of ${FAULT_KINDS.join(', ')}`);
		}
		const rule: FaultRule = { route: r.route, kind: r.kind as FaultKind };
		if (r.rate !== undefined) {
			if (typeof r.rate !== 'number' || r.rate < 0 || r.rate > 1) throw new FaultRuleError(`rules[${i}].rate must be in 0..1`);
			rule.rate = r.rate;
		}
		if (r.count !== undefined) {
			if (typeof r.count !== 'number' || !Number.isInteger(r.count) || r.count < 0) {
				throw new FaultRuleError(`rules[${i}].count must be a non-negative integer`);
			}
			rule.count = r.count;
		}
		if (r.retryAfterSeconds !== undefined) {
			if (typeof r.retryAfterSeconds !== 'number' || r.retryAfterSeconds < 0) {
				throw new FaultRuleError(`rules[${i}].retryAfterSeconds must be a non-negative number`);
			}
			rule.retryAfterSeconds = r.retryAfterSeconds;
		}
		return rule;
	});
}

/**
 * Parses the CLI form `<route>=<kind>[:rate=0.2|count=3][:retryAfter=1]`,
 * e.g. `/datacube/getusersummary=http429:count=2:retryAfter=3` or `*=http503:rate=0.1`.
 */
export function parseFaultSpec(spec: string): FaultRule {
	const eq = spec.indexOf('=');
	if (eq <= 0) throw new FaultRuleError(`fault '${spec}': expected <route>=<kind>[:option=value...]`);
	const [kind, ...options] = spec.slice(eq + 1).split(':');
	const raw: Record<string, unknown> = { route: spec.slice(0, eq), kind };
	for (const option of options) {
		const [key, value] = option.split('=');
		const number = Number(value);
		if (value === undefined || Number.isNaN(number)) throw new FaultRuleError(`fault '${spec}': bad option '${option}'`);
		if (key === 'rate' || key === 'count') raw[key] = number;
		else if (key === 'retryAfter' || key === 'retryAfterSeconds') raw.retryAfterSeconds = number;
		else throw new FaultRuleError(`fault '${spec}': unknown option '${key}'`);
	}
	return validateFaultRules([raw])[0];
}

interface ActiveRule {
	rule: FaultRule;
	remaining: number; // Infinity when the rule has no count
}

/** Holds the current rules and decides, request by request, whether one fires. */
export class FaultInjector {
	private active: ActiveRule[] = [];
	private readonly prng: Prng;

	constructor(seed: number, rules: FaultRule[] = []) {
		this.prng = new Prng(hashString(`${seed}|faults`));
		this.set(rules);
	}

	/** Replaces all rules; counts start afresh. */
	set(rules: FaultRule[]): void {
		this.active = validateFaultRules(rules).map((rule) => ({ rule, remaining: rule.count ?? Infinity }));
	}

	clear(): void {
		this.active = [];
	}

	/** Rules as configured, with `count` showing how many failures are still to come. */
	list(): FaultRule[] {
		return this.active.map(({ rule, remaining }) => (rule.count === undefined ? { ...rule } : { ...rule, count: remaining }));
	}

	/** The rule that fires for this request, if any. First matching rule with budget wins. */
	pick(route: string): FaultRule | undefined {
		for (const entry of this.active) {
			const { rule } = entry;
			if (rule.route !== '*' && rule.route !== route) continue;
			if (entry.remaining <= 0) continue;
			// A rate-limited rule that does not fire this time leaves its count untouched.
			if (rule.rate !== undefined && this.prng.next() >= rule.rate) continue;
			entry.remaining -= 1;
			return rule;
		}
		return undefined;
	}
}
