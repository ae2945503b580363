import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { WECHAT_TIMEZONE } from '../../../lib/platforms/wechat-oa';
import type { SecretList } from '../../shared/perItem';
import { collectMetrics } from './collect';

/** Get Post Metrics: one cumulative MetricSnapshot per post published in the range. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number, secrets: SecretList): Promise<IDataObject[]> {
	return collectMetrics(ctx, itemIndex, secrets, (adapter, range) => adapter.collectPostMetrics({ range, timezone: WECHAT_TIMEZONE }));
}
