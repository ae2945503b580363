import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { runPerItem } from '../../shared/perItem';
import type { INodeProperties } from 'n8n-workflow';
import * as checkPublished from './checkPublished.operation';
import * as publish from './publish.operation';

const operations = { publish, checkPublished } as const;

/** Publish's fields show for Publish only (its own conditions kept). */
function forOperation(props: INodeProperties[], operation: string): INodeProperties[] {
	return props.map((p) => ({ ...p, displayOptions: { ...p.displayOptions, show: { ...p.displayOptions?.show, operation: [operation] } } }));
}

export const operationProperties = [...forOperation(publish.properties, 'publish'), ...checkPublished.properties];

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = this.getNodeParameter('operation', 0) as keyof typeof operations;
	const op = operations[operation];
	if (!op) throw new Error(`Unknown operation "${operation}"`);
	return [await runPerItem(this, (i, secrets) => op.execute(this, i, secrets))];
}
