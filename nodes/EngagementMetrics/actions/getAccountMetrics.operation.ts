import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { SecretList } from '../../shared/perItem';
import { collectMetrics } from './collect';

/** Get Account Metrics: one MetricSnapshot per account and day (followers, new/lost, reads, shares, likes ...). */
export async function execute(ctx: IExecuteFunctions, itemIndex: number, secrets: SecretList): Promise<IDataObject[]> {
	return collectMetrics(ctx, itemIndex, secrets, (adapter, query) => adapter.collectAccountMetrics(query));
}
