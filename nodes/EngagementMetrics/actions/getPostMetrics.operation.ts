import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { SecretList } from '../../shared/perItem';
import { collectMetrics } from './collect';

/** Get Post Metrics: one cumulative MetricSnapshot per post published in the range. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number, secrets: SecretList): Promise<IDataObject[]> {
	return collectMetrics(ctx, itemIndex, secrets, (adapter, query) => adapter.collectPostMetrics(query));
}
