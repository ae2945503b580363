import type { IDataObject } from 'n8n-workflow';
import { deriveRates, withDerivedRates } from '../../../lib/exports/rates';
import { rowToSnapshot } from '../../../lib/metrics/snapshot-row';
import type { MetricSnapshot } from '../../../lib/model';

/**
 * Adds the derived rates (README, "Derived metrics") to what an API operation emits: into `rates` of a
 * snapshot, or into the `rates` JSON column of a table row, so both outputs carry the same numbers.
 */
export function addDerivedRates(items: IDataObject[], output: string): IDataObject[] {
	return items.map((json) => {
		if (output !== 'row') return withDerivedRates(json as unknown as MetricSnapshot) as unknown as IDataObject;
		const snapshot = rowToSnapshot(json);
		const rates = { ...(snapshot.rates ?? {}), ...deriveRates(snapshot) };
		return { ...json, rates: Object.keys(rates).length ? JSON.stringify(rates) : null };
	});
}
