import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { runPerItem } from '../../shared/perItem';
import * as getAccountMetrics from './getAccountMetrics.operation';
import * as getPostMetrics from './getPostMetrics.operation';
import * as normaliseRows from './normaliseRows.operation';
import { addDerivedRates } from './derivedRates';

const operations = { getAccountMetrics, getPostMetrics } as const;

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	// Normalise Rows reads the whole input at once (one file), not item by item.
	if (this.getNodeParameter('operation', 0) === normaliseRows.NORMALISE_ROWS) return [await normaliseRows.execute(this)];
	const operation = this.getNodeParameter('operation', 0) as keyof typeof operations;
	const op = operations[operation];
	if (!op) throw new Error(`Unknown operation "${operation}"`);
	return [
		await runPerItem(this, async (i, secrets) => addDerivedRates(await op.execute(this, i, secrets), this.getNodeParameter('output', i, 'snapshot') as string)),
	];
}
