/**
 * Seeded randomness for the sandbox. Every generated number is a pure function of
 * (seed, key parts), so the data is identical whatever day or order the tests run in.
 */

/** 32-bit FNV-1a hash of a string (UTF-16 code units). Stable across runs and platforms. */
export function hashString(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/** A deterministic pseudo-random generator (mulberry32) with a few convenience draws. */
export class Prng {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** Uniform float in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** Uniform float in [min, max). */
	range(min: number, max: number): number {
		return min + (max - min) * this.next();
	}

	/** Uniform integer in [min, max] (inclusive). */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	/** Round a non-negative real to an integer, rounding up with probability equal to the fraction. */
	roundStochastic(value: number): number {
		const floor = Math.floor(value);
		return floor + (this.next() < value - floor ? 1 : 0);
	}
}

/** A generator keyed by the seed plus any number of parts, e.g. `prngFor(seed, appid, 'users', date)`. */
export function prngFor(seed: number, ...parts: Array<string | number>): Prng {
	return new Prng(hashString(`${seed}|${parts.join('|')}`));
}
