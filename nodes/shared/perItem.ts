import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { errorItemJson, toNodeError } from './errors';

/** Values the work for an item registers so they are scrubbed from any error text (app secrets, tokens). */
export type SecretList = Array<string | undefined>;

/**
 * Runs `work` for every input item and pairs each output with its input (so `$('Node').item` works).
 * A failing item becomes an error item under Continue On Fail; otherwise the node stops naming that item.
 */
export async function runPerItem(ctx: IExecuteFunctions, work: (itemIndex: number, secrets: SecretList) => Promise<IDataObject[]>): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		const secrets: SecretList = [];
		try {
			const results = await work(i, secrets);
			for (const json of results) out.push({ json, pairedItem: { item: i } });
		} catch (error) {
			if (ctx.continueOnFail()) {
				out.push({ json: errorItemJson(error, i, secrets), pairedItem: { item: i } });
				continue;
			}
			throw toNodeError(ctx.getNode(), error, i, secrets);
		}
	}
	return out;
}
