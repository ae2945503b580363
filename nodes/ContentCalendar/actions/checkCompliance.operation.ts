import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { checkCompliance } from '../../../lib/compliance';
import { complianceProperties, readComplianceOptions } from '../../shared/compliance';
import { postOutput, readPost, type PostOutputFormat } from '../../shared/posts';

export const properties: INodeProperties[] = complianceProperties({ show: { operation: ['checkCompliance'] } });

/**
 * Check Compliance: Advertising Law absolute terms, the user's banned and sensitive lists (Aho–Corasick),
 * per-platform length and field limits, required media and link sanity. The post passes through with
 * `compliance: { passed, errors, warnings, findings[{ rule, severity, field, term, start, end, message, suggestion }] }`.
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const post = readPost(ctx, itemIndex);
	const result = checkCompliance(post, readComplianceOptions(ctx, itemIndex));
	const format = ctx.getNodeParameter('outputFormat', itemIndex, 'post') as PostOutputFormat;
	return postOutput(post, format === 'events' ? 'post' : format, { compliance: result as unknown as IDataObject });
}
