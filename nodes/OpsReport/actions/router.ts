import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import * as build from './build.operation';

/** Operations that read all input items at once and shape their own outputs. */
const operations = { build } as const;

export const operationProperties = Object.values(operations).flatMap((op) => op.properties);

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = this.getNodeParameter('operation', 0, 'build') as keyof typeof operations;
	const op = operations[operation];
	if (!op) throw new Error(`Unknown operation "${operation}"`);
	return op.execute(this);
}
