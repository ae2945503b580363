import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { WECHAT_TIMEZONE } from '../../../lib/platforms/wechat-oa';
import type { SecretList } from '../../shared/perItem';
import { collectMetrics } from './collect';

/** Get Account Metrics: one MetricSnapshot per account and day (followers, new/lost, reads, shares, likes ...). */
export async function execute(ctx: IExecuteFunctions, itemIndex: number, secrets: SecretList): Promise<IDataObject[]> {
	return collectMetrics(ctx, itemIndex, secrets, (adapter, range) => adapter.collectAccountMetrics({ range, timezone: WECHAT_TIMEZONE }));
}
