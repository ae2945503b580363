import { InputError } from '../errors';

/** Publishing targets per ISO week and a cap per local day. */
export interface Cadence {
	minPerWeek?: number;
	maxPerWeek?: number;
	maxPerDay?: number;
}

export type CadenceInput = string | Cadence;

const RANGE = /^(?:每周|每星期)?\s*(\d+)\s*(?:[-~–—至到]\s*(\d+))?\s*(?:篇|条|次|posts?)?\s*(?:(?:a|per|\/)\s*week|\/\s*wk|每周|一周|\/周)?$/i;

/**
 * Reads a cadence target: `"3-5 a week"`, `"3-5/week"`, `"每周3-5篇"`, `"4 per week"` give min/max per
 * ISO week; `"daily"`, `"每天"`, `"日更"` mean one post every day (at least 7 a week, at most 1 a day).
 * An object passes through.
 */
export function parseCadence(input: CadenceInput | undefined): Cadence {
	if (input === undefined) return {};
	if (typeof input !== 'string') return { ...input };
	const text = input.trim();
	if (/^(daily|every ?day|每天|每日|日更)$/i.test(text)) return { minPerWeek: 7, maxPerDay: 1 };
	const m = RANGE.exec(text);
	if (!m || !/(week|周|星期)/i.test(text)) {
		throw new InputError(`cadence must look like "3-5 a week", "每周3-5篇" or "daily", got "${input}"`, 'cadence');
	}
	const min = Number(m[1]);
	const max = m[2] === undefined ? min : Number(m[2]);
	if (max < min) throw new InputError(`cadence "${input}": the maximum is below the minimum`, 'cadence');
	return { minPerWeek: min, maxPerWeek: max };
}
