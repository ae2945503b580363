import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { InputError } from '../../../lib/errors';
import { analyzeSentiment, type SentimentOptions } from '../../../lib/sentiment';
import { getField, readSentimentSettings, sentimentProperties, settingsCache } from './common';

const show = { show: { operation: ['analyzeSentiment'] } };

export const properties: INodeProperties[] = [
	{
		displayName: 'Text Field',
		name: 'textField',
		type: 'string',
		default: 'text',
		required: true,
		displayOptions: show,
		placeholder: 'text',
		description: 'Field holding the text to score (dotted paths work, e.g. data.comment). Mention items keep it in `text`.',
	},
	{
		displayName: 'Upstream Score Field',
		name: 'upstreamScoreField',
		type: 'string',
		default: 'upstreamSentiment',
		displayOptions: show,
		placeholder: 'llm.score',
		description: 'Field with a score in -1 … 1 from elsewhere (e.g. an LLM node). When the item has it, it is used instead of the built-in engine; empty or absent: built-in.',
	},
	{
		displayName: 'Output Field',
		name: 'outputField',
		type: 'string',
		default: 'sentiment',
		displayOptions: show,
		description: 'Field the result is written to: { score (-1 … 1), label (positive | neutral | negative), language (zh | en | mixed | unknown), source (builtin | upstream | learned) }',
	},
	...sentimentProperties(['analyzeSentiment']),
];

export function makeExecutor(ctx: IExecuteFunctions): (itemIndex: number) => Promise<IDataObject[]> {
	const shared = settingsCache<SentimentOptions>();
	return async (i) => {
		const json = ctx.getInputData()[i].json;
		const textField = String(ctx.getNodeParameter('textField', i, 'text')).trim() || 'text';
		const text = getField(json, textField);
		if (typeof text !== 'string') throw new InputError(`Item ${i} has no text in field "${textField}"`, textField);
		const settings = readSentimentSettings(ctx, i);
		const options = shared(settings.key, () => settings.options);
		const scoreField = String(ctx.getNodeParameter('upstreamScoreField', i, '') ?? '').trim();
		const upstream = scoreField ? getField(json, scoreField) : undefined;
		let run = options;
		if (upstream !== undefined && upstream !== null && upstream !== '') {
			const score = Number(upstream);
			if (!Number.isFinite(score)) throw new InputError(`Item ${i}: upstream score in "${scoreField}" is not a number`, scoreField);
			run = { ...options, upstreamScore: score };
		}
		const outputField = String(ctx.getNodeParameter('outputField', i, 'sentiment')).trim() || 'sentiment';
		return [{ ...json, [outputField]: analyzeSentiment(text, run) as unknown as IDataObject }];
	};
}
