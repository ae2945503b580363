import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { InputError } from '../../../lib/errors';
import { RISK_CATEGORIES, RISK_LEVELS, type RiskCategory } from '../../../lib/model';
import { assessMention, DEFAULT_RISK_MATRIX, type AssessOptions, type Impact, type RiskMatrix } from '../../../lib/risk';
import { jsonParameter, listParameter } from '../../shared/posts';
import { isTriggerTick, mentionFromItem, readSentimentSettings, sentimentProperties, settingsCache } from './common';

const show = { show: { operation: ['assessMentions'] } };

export const properties: INodeProperties[] = [
	{
		displayName:
			'Input: Mention items (platform, ID, author, text, createdAt; likes, replies and author followers raise the reach), e.g. from List WeChat Comments or the Comment Push Trigger. Output: one RiskAssessment per Mention, paired. A Schedule Trigger’s tick (an item with only its fields: timestamp, Readable date, …; or an empty item) is passed over without output.',
		name: 'assessNotice',
		type: 'notice',
		default: '',
		displayOptions: show,
	},
	{
		displayName: 'Sensitive Terms',
		name: 'sensitiveTerms',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		displayOptions: show,
		placeholder: '竞品A, 代言人名字, recall',
		description: 'Your own sensitive words (category sensitive_term), one per line or comma-separated; traditional Chinese is matched too',
	},
	{
		displayName: 'Banned Terms',
		name: 'bannedTerms',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		displayOptions: show,
		description: 'Words that must never appear (违禁词): a mention with one is at least high risk',
	},
	{
		displayName: 'Topic',
		name: 'topic',
		type: 'string',
		default: '',
		displayOptions: show,
		placeholder: 'new-product-launch',
		description: 'A topic or keyword group stored on each assessment, so Detect Spikes watches it separately from the account as a whole',
	},
	...sentimentProperties(['assessMentions']),
	{
		displayName: 'Matrix Overrides (JSON)',
		name: 'matrixOverrides',
		type: 'json',
		default: '{}',
		displayOptions: show,
		description:
			'Change cells of the likelihood × impact matrix, e.g. {"medium": {"minor": "medium"}}. Default: low → none/low/medium, medium → low/medium/high, high → medium/high/critical (for impact minor/moderate/severe).',
	},
	{
		displayName: 'Category Impact (JSON)',
		name: 'categoryImpact',
		type: 'json',
		default: '{}',
		displayOptions: show,
		description:
			'Impact of a category before reach (minor | moderate | severe), e.g. {"complaint": "moderate"}. Default: safety_quality, legal_threat, media_exposure severe; complaint minor; the rest moderate.',
	},
	{
		displayName: 'Extra Cues (JSON)',
		name: 'extraCues',
		type: 'json',
		default: '{}',
		displayOptions: show,
		description: 'More cue words per category, added to the built-in Chinese and English ones, e.g. {"safety_quality": ["炸锅", "漏液"]}',
	},
];

function parseMatrix(value: Record<string, Record<string, string>>): RiskMatrix {
	const matrix: Record<string, Record<string, string>> = JSON.parse(JSON.stringify(DEFAULT_RISK_MATRIX));
	for (const [likelihood, row] of Object.entries(value ?? {})) {
		if (!matrix[likelihood]) throw new InputError(`Matrix Overrides: unknown likelihood "${likelihood}" (low, medium, high)`, 'matrixOverrides');
		for (const [impact, level] of Object.entries(row ?? {})) {
			if (!(impact in matrix[likelihood])) throw new InputError(`Matrix Overrides: unknown impact "${impact}" (minor, moderate, severe)`, 'matrixOverrides');
			if (!(RISK_LEVELS as readonly string[]).includes(level)) throw new InputError(`Matrix Overrides: unknown level "${level}" (${RISK_LEVELS.join(', ')})`, 'matrixOverrides');
			matrix[likelihood][impact] = level;
		}
	}
	return matrix as unknown as RiskMatrix;
}

function checkCategories<T>(value: Record<string, T>, field: string): Record<string, T> {
	for (const key of Object.keys(value ?? {})) {
		if (!(RISK_CATEGORIES as readonly string[]).includes(key)) throw new InputError(`${field}: unknown category "${key}" (${RISK_CATEGORIES.join(', ')})`, field);
	}
	return value ?? {};
}

function readReach(ctx: IExecuteFunctions, i: number): AssessOptions['reach'] {
	const o = ctx.getNodeParameter('options', i, {}) as { likeWeight?: number; replyWeight?: number; reachModerate?: number; reachSevere?: number };
	const reach: NonNullable<AssessOptions['reach']> = {};
	if (o.likeWeight !== undefined) reach.likeWeight = o.likeWeight;
	if (o.replyWeight !== undefined) reach.replyWeight = o.replyWeight;
	if (o.reachModerate !== undefined || o.reachSevere !== undefined) reach.tiers = [o.reachModerate ?? 1000, o.reachSevere ?? 100000];
	return reach;
}

export const reachOptionFields: INodeProperties[] = [
	{ displayName: 'Like Weight', name: 'likeWeight', type: 'number', default: 5, description: 'Reach = author followers + like weight × likes + reply weight × replies' },
	{ displayName: 'Reply Weight', name: 'replyWeight', type: 'number', default: 10 },
	{ displayName: 'Reach for Impact +1', name: 'reachModerate', type: 'number', default: 1000, description: 'From this reach the impact rises one step (minor → moderate)' },
	{ displayName: 'Reach for Impact +2', name: 'reachSevere', type: 'number', default: 100000, description: 'From this reach the impact rises two steps' },
];

export function makeExecutor(ctx: IExecuteFunctions): (itemIndex: number) => Promise<IDataObject[]> {
	const shared = settingsCache<AssessOptions>();
	return async (i) => {
		const json = ctx.getInputData()[i].json;
		// A Schedule Trigger's tick (only its fields, or none) is passed over: a tick meant for Raise Alerts may come
		// through here (comment-risk-monitor: Always Output Data then hands Raise Alerts an empty item, also a tick).
		if (isTriggerTick(json)) return [];
		const mention = mentionFromItem(json, i);
		const sentiment = readSentimentSettings(ctx, i);
		const raw = {
			sensitiveTerms: listParameter(ctx, 'sensitiveTerms', i),
			bannedTerms: listParameter(ctx, 'bannedTerms', i),
			topic: String(ctx.getNodeParameter('topic', i, '') ?? '').trim(),
			matrix: jsonParameter<Record<string, Record<string, string>>>(ctx, 'matrixOverrides', i, {}),
			categoryImpact: jsonParameter<Record<string, Impact>>(ctx, 'categoryImpact', i, {}),
			extraCues: jsonParameter<Record<string, string[]>>(ctx, 'extraCues', i, {}),
			reach: readReach(ctx, i),
		};
		const options = shared(JSON.stringify([sentiment.key, raw]), () => {
			const o: AssessOptions = { sentiment: sentiment.options, matrix: parseMatrix(raw.matrix), categoryImpact: checkCategories(raw.categoryImpact, 'categoryImpact') as Partial<Record<RiskCategory, Impact>>, reach: raw.reach };
			if (raw.sensitiveTerms.length) o.sensitiveTerms = raw.sensitiveTerms;
			if (raw.bannedTerms.length) o.bannedTerms = raw.bannedTerms;
			if (raw.topic) o.topic = raw.topic;
			const cues = checkCategories(raw.extraCues, 'extraCues');
			if (Object.keys(cues).length) o.extraCues = cues as AssessOptions['extraCues'];
			return o;
		});
		return [assessMention(mention, options) as unknown as IDataObject];
	};
}
