import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { runPerItem } from '../../shared/perItem';
import * as sendAlert from './sendAlert.operation';
import * as sendReport from './sendReport.operation';
import * as sendText from './sendText.operation';

const operations = { sendAlert, sendReport, sendText } as const;

/** One message per input item, paired to it; Continue On Fail turns a failed send into an error item. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = this.getNodeParameter('operation', 0) as keyof typeof operations;
	const op = operations[operation];
	if (!op) throw new Error(`Unknown operation "${operation}"`);
	return [await runPerItem(this, (i, secrets) => op.execute(this, i, secrets))];
}
