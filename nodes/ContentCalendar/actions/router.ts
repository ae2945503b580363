import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { runPerItem } from '../../shared/perItem';
import * as checkCompliance from './checkCompliance.operation';
import * as createApprovalLink from './createApprovalLink.operation';
import * as expandRecurrence from './expandRecurrence.operation';
import * as getDue from './getDue.operation';
import * as plan from './plan.operation';
import * as review from './review.operation';
import * as verifyApproval from './verifyApproval.operation';

/** Operations that look at all posts at once and shape their own outputs. */
const batch = { plan, getDue } as const;
/** Operations that work item by item (pairing and Continue On Fail from runPerItem). */
const perItem = { expandRecurrence, checkCompliance, review, createApprovalLink, verifyApproval } as const;

export const operationProperties = [plan, getDue, expandRecurrence, checkCompliance, review, createApprovalLink, verifyApproval].flatMap((op) => op.properties);

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = this.getNodeParameter('operation', 0) as string;
	if (operation in batch) return batch[operation as keyof typeof batch].execute(this);
	const op = perItem[operation as keyof typeof perItem];
	if (!op) throw new Error(`Unknown operation "${operation}"`);
	return [await runPerItem(this, (i, secrets) => op.execute(this, i, secrets))];
}
