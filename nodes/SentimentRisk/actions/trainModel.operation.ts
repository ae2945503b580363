import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { InputError } from '../../../lib/errors';
import { trainSentimentModel, type SentimentLabel, type TrainingExample } from '../../../lib/sentiment';
import { getField, readAllItems, STATIC_MODEL_KEY } from './common';

const show = { show: { operation: ['trainModel'] } };

export const properties: INodeProperties[] = [
	{
		displayName:
			'Learns your team’s own weights from labelled comments (naive Bayes over segmented words). Output: one item { model, trainedOn, labels, vocabularySize } to store (Data Table, file) and pass to Analyze or Assess as "Learned Model → From JSON".',
		name: 'trainNotice',
		type: 'notice',
		default: '',
		displayOptions: show,
	},
	{
		displayName: 'Text Field',
		name: 'trainTextField',
		type: 'string',
		default: 'text',
		required: true,
		displayOptions: show,
	},
	{
		displayName: 'Label Field',
		name: 'labelField',
		type: 'string',
		default: 'label',
		required: true,
		displayOptions: show,
		description: 'Field with the correct label: positive / neutral / negative (also 正面 / 中性 / 负面, pos / neg, 1 / 0 / -1)',
	},
	{
		displayName: 'Save to Workflow Static Data',
		name: 'saveToStaticData',
		type: 'boolean',
		default: false,
		displayOptions: show,
		description: 'Whether to also keep the model in this workflow’s static data, for "Learned Model → From Workflow Static Data" (saved after production runs only)',
	},
	{
		displayName: 'Max Vocabulary',
		name: 'maxVocabulary',
		type: 'number',
		typeOptions: { minValue: 100 },
		default: 20000,
		displayOptions: show,
		description: 'Most frequent tokens kept; bounds the model size (about 12 bytes a token as JSON)',
	},
];

const LABELS: Record<string, SentimentLabel> = {
	positive: 'positive', pos: 'positive', '1': 'positive', 正面: 'positive', 积极: 'positive', 好评: 'positive',
	neutral: 'neutral', neu: 'neutral', '0': 'neutral', 中性: 'neutral', 中立: 'neutral',
	negative: 'negative', neg: 'negative', '-1': 'negative', 负面: 'negative', 消极: 'negative', 差评: 'negative',
};

export async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const textField = String(ctx.getNodeParameter('trainTextField', 0, 'text')).trim() || 'text';
	const labelField = String(ctx.getNodeParameter('labelField', 0, 'label')).trim() || 'label';
	const { values, errors } = readAllItems(ctx, (json, index): TrainingExample => {
		const text = getField(json, textField);
		const raw = String(getField(json, labelField) ?? '').trim().toLowerCase();
		const label = LABELS[raw];
		if (typeof text !== 'string' || !text.trim()) throw new InputError(`Item ${index} has no text in "${textField}"`, textField);
		if (!label) throw new InputError(`Item ${index}: label "${raw}" in "${labelField}" is not positive, neutral or negative`, labelField);
		return { text, label };
	});
	const model = trainSentimentModel(values.map((v) => v.value), { maxVocabulary: ctx.getNodeParameter('maxVocabulary', 0, 20000) as number });
	if (ctx.getNodeParameter('saveToStaticData', 0, false)) ctx.getWorkflowStaticData('global')[STATIC_MODEL_KEY] = model as unknown as IDataObject;
	const json: IDataObject = { model: model as unknown as IDataObject, trainedOn: model.trainedOn, labels: model.labels, vocabularySize: model.vocabularySize, sizeBytes: JSON.stringify(model).length };
	return [[{ json, pairedItem: values.map((v) => ({ item: v.index })) }, ...errors]];
}
