import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { runPerItem } from '../../shared/perItem';
import * as analyzeSentiment from './analyzeSentiment.operation';
import * as assessMentions from './assessMentions.operation';
import * as checkReplyDeadlines from './checkReplyDeadlines.operation';
import * as detectSpikes from './detectSpikes.operation';
import * as listComments from './listComments.operation';
import * as raiseAlerts from './raiseAlerts.operation';
import * as trainModel from './trainModel.operation';

/** Per-item operations (one or more outputs per input item, paired); the others read all items at once. */
const perItem = {
	analyzeSentiment: (ctx: IExecuteFunctions) => analyzeSentiment.makeExecutor(ctx),
	assessMentions: (ctx: IExecuteFunctions) => assessMentions.makeExecutor(ctx),
	checkReplyDeadlines: (ctx: IExecuteFunctions) => checkReplyDeadlines.makeExecutor(ctx),
} as const;

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = this.getNodeParameter('operation', 0) as string;
	if (operation in perItem) {
		const run = perItem[operation as keyof typeof perItem](this);
		return [await runPerItem(this, (i) => run(i))];
	}
	switch (operation) {
		case 'detectSpikes':
			return detectSpikes.execute(this);
		case 'raiseAlerts':
			return raiseAlerts.execute(this);
		case 'trainModel':
			return trainModel.execute(this);
		case 'listComments':
			return [await runPerItem(this, (i, secrets) => listComments.execute(this, i, secrets))];
		default:
			throw new Error(`Unknown operation "${operation}"`);
	}
}
