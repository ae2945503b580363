import { InputError } from '../errors';
import type { ScopeSeries } from './scopes';
import { currentTotal } from './comparisons';
import type { BudgetOptions, BudgetRow, BudgetStatus, ResolvedPeriod } from './types';

/** Default share of the budget from which a line is flagged `near`. */
export const BUDGET_NEAR_RATIO = 0.8;

/**
 * Spend against budget per line: `over` when spent > budget, `near` when spent ≥ nearRatio × budget.
 * Spend not given is summed from `extra.spend` of the matching own accounts in the period.
 * projectedSpend extends the spend rate to the period end while the period runs.
 */
export function budgetRows(options: BudgetOptions, accounts: readonly ScopeSeries[], period: ResolvedPeriod): BudgetRow[] {
	const near = options.nearRatio ?? BUDGET_NEAR_RATIO;
	if (!(near > 0 && near <= 1)) throw new InputError(`budget.nearRatio must be in (0, 1], got ${near}`, 'budget.nearRatio');
	const elapsed = period.complete ? period.days : Math.max(1, period.days - (periodEndDistance(period) ?? 0));
	return options.lines.map((line) => {
		if (!(line.budget >= 0)) throw new InputError(`budget line "${line.label}" needs a budget ≥ 0`, 'budget.lines');
		const matching = accounts.filter(
			(a) => !a.competitor && (line.platform === undefined || a.platform === line.platform) && (line.accountId === undefined || a.accountId === line.accountId),
		);
		const spent = line.spent ?? matching.reduce((s, a) => s + (currentTotal(a, 'spend') ?? 0), 0);
		const ratio = line.budget > 0 ? spent / line.budget : null;
		const status: BudgetStatus = spent > line.budget ? 'over' : ratio !== null && ratio >= near ? 'near' : 'ok';
		const row: BudgetRow = { label: line.label, budget: line.budget, spent, ratio, projectedSpend: (spent / elapsed) * period.days, status };
		if (line.platform !== undefined) row.platform = line.platform;
		if (line.accountId !== undefined) row.accountId = line.accountId;
		if (line.currency !== undefined) row.currency = line.currency;
		return row;
	});
}

/** Days from today to the period end, when today lies inside the period. */
function periodEndDistance(period: ResolvedPeriod): number | null {
	if (period.today < period.start || period.today > period.end) return null;
	return Math.round((Date.parse(period.end) - Date.parse(period.today)) / 86_400_000);
}
