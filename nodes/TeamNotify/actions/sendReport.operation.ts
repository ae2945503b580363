import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { parseReport, reportDocument } from '../../../lib/notify';
import { InputError } from '../../../lib/errors';
import type { SecretList } from '../../shared/perItem';
import { readLanguage, readMentions, sendDocument, valueAt } from './channel';

const show = { show: { operation: ['sendReport'] } };

export const properties: INodeProperties[] = [
	{
		displayName: 'Report Field',
		name: 'reportField',
		type: 'string',
		default: '',
		displayOptions: show,
		placeholder: 'report',
		description: 'Where the Report is in each item (dotted path). Empty: the item itself, or its `report` field when it has one.',
	},
	{
		displayName: 'Findings',
		name: 'maxFindings',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 20 },
		default: 5,
		displayOptions: show,
		description: 'Findings (problems and suggestions) listed in the summary, most important first',
	},
];

/** Send Report Summary: title, period, key metrics, KPI targets and top findings of a Report item. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number, secrets: SecretList): Promise<IDataObject[]> {
	const json = ctx.getInputData()[itemIndex].json;
	const path = String(ctx.getNodeParameter('reportField', itemIndex, '') ?? '');
	let value = valueAt(json, path);
	if (!path.trim() && json.period === undefined && typeof json.report === 'object') value = json.report;
	if (value === undefined) throw new InputError(`Item ${itemIndex} has no field "${path}"`, 'reportField');
	const report = parseReport(value);
	const doc = reportDocument(report, {
		language: readLanguage(ctx, itemIndex),
		maxFindings: ctx.getNodeParameter('maxFindings', itemIndex, 5) as number,
		mentions: readMentions(ctx, itemIndex),
	});
	return sendDocument(ctx, itemIndex, secrets, doc);
}
