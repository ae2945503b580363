import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { runPerItem } from '../../shared/perItem';
import * as publish from './publish.operation';

const operations = { publish } as const;

export const operationProperties = publish.properties;

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = this.getNodeParameter('operation', 0) as keyof typeof operations;
	const op = operations[operation];
	if (!op) throw new Error(`Unknown operation "${operation}"`);
	return [await runPerItem(this, (i, secrets) => op.execute(this, i, secrets))];
}
