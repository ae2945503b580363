import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { alertDocument, parseRiskAlert } from '../../../lib/notify';
import { InputError } from '../../../lib/errors';
import type { SecretList } from '../../shared/perItem';
import { readLanguage, readMentions, sendDocument, valueAt } from './channel';

const show = { show: { operation: ['sendAlert'] } };

export const properties: INodeProperties[] = [
	{
		displayName: 'Alert Field',
		name: 'alertField',
		type: 'string',
		default: '',
		displayOptions: show,
		placeholder: 'alert',
		description: 'Where the RiskAlert is in each item (dotted path). Empty: the item itself, as Sentiment Risk → Detect Spikes emits it; an `alert` field is used when the item is not an alert itself.',
	},
	{
		displayName: 'Evidence Items',
		name: 'maxEvidence',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 10 },
		default: 3,
		displayOptions: show,
		description: 'Top mentions shown as evidence (each clipped to 140 characters; links only for http(s) URLs)',
	},
	{
		displayName: 'Mention Owner',
		name: 'mentionOwner',
		type: 'boolean',
		default: true,
		displayOptions: show,
		description: 'Whether to @mention the alert’s owner (its `owner` field: a user ID, mobile or email) besides the Mentions list',
	},
];

/** Send Alert: one alert card per RiskAlert item. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number, secrets: SecretList): Promise<IDataObject[]> {
	const json = ctx.getInputData()[itemIndex].json;
	const path = String(ctx.getNodeParameter('alertField', itemIndex, '') ?? '');
	let value = valueAt(json, path);
	if (!path.trim() && (value as IDataObject).level === undefined && typeof json.alert === 'object') value = json.alert;
	if (value === undefined) throw new InputError(`Item ${itemIndex} has no field "${path}"`, 'alertField');
	const alert = parseRiskAlert(value);
	const doc = alertDocument(alert, {
		language: readLanguage(ctx, itemIndex),
		maxEvidence: ctx.getNodeParameter('maxEvidence', itemIndex, 3) as number,
		mentionOwner: ctx.getNodeParameter('mentionOwner', itemIndex, true) as boolean,
		mentions: readMentions(ctx, itemIndex),
	});
	const [out] = await sendDocument(ctx, itemIndex, secrets, doc);
	return [{ ...out, alertId: alert.id, level: alert.level }];
}
