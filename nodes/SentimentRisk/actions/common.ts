import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, IPairedItemData } from 'n8n-workflow';
import { InputError } from '../../../lib/errors';
import { MentionSchema, RiskAssessmentSchema, type Mention, type RiskAlert, type RiskAssessment } from '../../../lib/model';
import { buildRiskEventLogEntry } from '../../../lib/risk';
import { assertSentimentModel, type SentimentModel, type SentimentOptions } from '../../../lib/sentiment';
import { errorItemJson, toNodeError } from '../../shared/errors';
import { jsonParameter } from '../../shared/posts';

/** Where Train Model keeps a model in the workflow's global static data when asked to. */
export const STATIC_MODEL_KEY = 'mediaopsSentimentModel';

/** The sentiment settings shared by Analyze Sentiment, Assess Mentions and Check Reply Deadlines. */
export function sentimentProperties(operations: string[]): INodeProperties[] {
	const displayOptions = { show: { operation: operations } };
	return [
		{
			displayName: 'Ruleset Terms',
			name: 'rulesetTerms',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add term',
			default: {},
			displayOptions,
			description:
				'Your own words and weights, added to or overriding the built-in lexicons for this workflow: brand names that look negative (小黑瓶 → 0), industry words, new slang',
			options: [
				{
					displayName: 'Term',
					name: 'term',
					values: [
						{ displayName: 'Term', name: 'term', type: 'string', default: '', placeholder: '小黑瓶', description: 'A word or phrase; traditional Chinese is matched after conversion to simplified' },
						{
							displayName: 'Weight',
							name: 'weight',
							type: 'number',
							typeOptions: { minValue: -5, maxValue: 5, numberPrecision: 1 },
							default: 0,
							description: 'AFINN scale: -5 very negative … 0 neutral … 5 very positive',
						},
					],
				},
			],
		},
		{
			displayName: 'Learned Model',
			name: 'modelSource',
			type: 'options',
			displayOptions,
			options: [
				{ name: 'None (Lexicon Only)', value: 'none' },
				{ name: 'From JSON', value: 'json', description: 'A model from the Train Model operation, e.g. read from a Data Table row' },
				{ name: 'From Workflow Static Data', value: 'staticData', description: 'The model Train Model saved in this workflow (production runs only)' },
			],
			default: 'none',
			description: 'A naive Bayes model trained on your team’s own labelled comments, blended with the lexicon score',
		},
		{
			displayName: 'Model (JSON)',
			name: 'model',
			type: 'json',
			displayOptions: { show: { operation: operations, modelSource: ['json'] } },
			default: '',
			placeholder: '={{ $json.model }}',
			description: 'The JSON Train Model emitted (field `model`), as text or an expression',
		},
	];
}

/** The fields of the "Options" collection every sentiment operation has. */
export const sentimentOptionFields: INodeProperties[] = [
	{
		displayName: 'Neutral Band',
		name: 'neutralBand',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 0.9, numberPrecision: 2 },
		default: 0.05,
		description: 'Scores in -band … band (score scale -1 … 1) are neutral',
	},
	{
		displayName: 'Model Weight',
		name: 'modelWeight',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
		default: 0.7,
		description: 'Share of the learned model in the blended score (0 … 1); the lexicon keeps the rest',
	},
	{
		displayName: 'Chinese Segmentation',
		name: 'segmenter',
		type: 'options',
		options: [
			{ name: 'Lexicon Matching (Recommended)', value: 'lexicon', description: 'Leftmost-longest lexicon terms; measured more accurate on real comments' },
			{ name: 'Intl.Segmenter (ICU Words)', value: 'intl' },
		],
		default: 'lexicon',
	},
];

export interface SentimentSettings {
	options: SentimentOptions;
	/** A stable key of the settings, to share one options object (and its compiled dictionary) across items. */
	key: string;
}

/** Reads the shared sentiment parameters for one item. */
export function readSentimentSettings(ctx: IExecuteFunctions, itemIndex: number): SentimentSettings {
	const rows = (ctx.getNodeParameter('rulesetTerms.term', itemIndex, []) as Array<{ term?: string; weight?: number }>) ?? [];
	const terms = rows.filter((r) => String(r.term ?? '').trim()).map((r) => ({ term: String(r.term).trim(), weight: Number(r.weight ?? 0) }));
	const o = ctx.getNodeParameter('options', itemIndex, {}) as { neutralBand?: number; modelWeight?: number; segmenter?: 'lexicon' | 'intl' };
	const options: SentimentOptions = {};
	if (terms.length) options.ruleset = { terms };
	if (o.neutralBand !== undefined) options.neutralBand = o.neutralBand;
	if (o.segmenter) options.segmenter = o.segmenter;
	const model = readModel(ctx, itemIndex);
	if (model) {
		options.model = model;
		if (o.modelWeight !== undefined) options.modelWeight = o.modelWeight;
	}
	const key = JSON.stringify([terms, o.neutralBand, o.segmenter, o.modelWeight, model ? `${model.trainedOn}:${model.vocabularySize}:${model.docCounts.join(',')}:${model.tokenCounts.join(',')}` : '']);
	return { options, key };
}

function readModel(ctx: IExecuteFunctions, itemIndex: number): SentimentModel | undefined {
	const source = ctx.getNodeParameter('modelSource', itemIndex, 'none') as string;
	if (source === 'none') return undefined;
	let value: unknown;
	if (source === 'staticData') {
		value = ctx.getWorkflowStaticData('global')[STATIC_MODEL_KEY];
		if (value === undefined) throw new InputError('no model in workflow static data: run Train Model with "Save to Workflow Static Data" in a production run first, or pass the model as JSON', 'modelSource');
	} else {
		value = jsonParameter<unknown>(ctx, 'model', itemIndex, undefined);
		if (value && typeof value === 'object' && 'model' in (value as IDataObject) && !('kind' in (value as IDataObject))) value = (value as IDataObject).model;
	}
	assertSentimentModel(value);
	return value;
}

/**
 * Memoises settings per key within one execution, so every item with the same settings shares one options
 * object: the core compiles a ruleset's dictionary and a risk matcher once per options object.
 */
export function settingsCache<T>(): (key: string, build: () => T) => T {
	const cache = new Map<string, T>();
	return (key, build) => {
		let value = cache.get(key);
		if (value === undefined) cache.set(key, (value = build()));
		return value;
	};
}

/** A field by name, dotted paths allowed (`data.comment.text`). */
export function getField(json: IDataObject, path: string): unknown {
	if (path in json) return json[path];
	let value: unknown = json;
	for (const part of path.split('.')) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as IDataObject)[part];
	}
	return value;
}

/** An item as a Mention, with the schema's message naming the field on failure. */
export function mentionFromItem(json: IDataObject, itemIndex: number): Mention {
	const parsed = MentionSchema.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new InputError(
			`Item ${itemIndex} is not a Mention: ${issue?.path.join('.') || 'item'} ${issue?.message ?? 'invalid'} (a Mention needs platform, id, author.id, text, createdAt; e.g. from List Comments or the Comment Push Trigger)`,
			issue?.path.join('.') || 'mention',
		);
	}
	return parsed.data;
}

export function assessmentFromItem(json: IDataObject, itemIndex: number): RiskAssessment {
	const parsed = RiskAssessmentSchema.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new InputError(`Item ${itemIndex} is not a RiskAssessment: ${issue?.path.join('.') || 'item'} ${issue?.message ?? 'invalid'} (connect the output of Assess Mentions)`, issue?.path.join('.') || 'assessment');
	}
	return parsed.data;
}

/** Every field n8n's Schedule Trigger puts in its item (all its versions, n8n 1.x and 2.x), and nothing else. */
const SCHEDULE_TICK_FIELDS: ReadonlySet<string> = new Set(['timestamp', 'Readable date', 'Readable time', 'Day of week', 'Year', 'Month', 'Day of month', 'Hour', 'Minute', 'Second', 'Timezone']);

/**
 * A Schedule Trigger's tick (only its fields: `timestamp`, `Readable date`, …) or the empty item of Always Output
 * Data (or of Cron / Interval). Raise Alerts and Detect Spikes run on it with no assessments, which resolves quiet
 * incidents on time. Told by what it has, not by what it lacks: any other field makes the item data, checked as
 * such, so a comment mapped under other names (`content`, `commentId`) or another node's output wired in by
 * mistake is an error naming the item and field, not passed over in silence.
 */
export function isTriggerTick(json: IDataObject): boolean {
	for (const key in json) if (!SCHEDULE_TICK_FIELDS.has(key)) return false;
	return true;
}

/**
 * Reads every input item with `read` for operations that look at all items at once. A bad item stops the
 * node naming it, or under Continue On Fail becomes an error item while the good ones go on. Items for which
 * `skip` says true (e.g. {@link isTriggerTick}) are passed over without an error.
 */
export function readAllItems<T>(
	ctx: IExecuteFunctions,
	read: (json: IDataObject, index: number) => T,
	skip?: (json: IDataObject) => boolean,
): { values: Array<{ value: T; index: number }>; errors: INodeExecutionData[] } {
	const values: Array<{ value: T; index: number }> = [];
	const errors: INodeExecutionData[] = [];
	ctx.getInputData().forEach((item, index) => {
		if (skip?.(item.json)) return;
		try {
			values.push({ value: read(item.json, index), index });
		} catch (error) {
			if (!ctx.continueOnFail()) throw toNodeError(ctx.getNode(), error, index);
			errors.push({ json: errorItemJson(error, index), pairedItem: { item: index } });
		}
	});
	return { values, errors };
}

/** The instant operations treat as now: the Reference Time option when set (backfills, tests), else the clock. */
export function referenceNow(ctx: IExecuteFunctions, itemIndex = 0): Date {
	const value = String(ctx.getNodeParameter('options.referenceTime', itemIndex, '') ?? '').trim();
	if (!value) return new Date();
	const ms = Date.parse(value);
	if (!/([zZ]|[+-]\d{2}:?\d{2})$/.test(value) || Number.isNaN(ms)) {
		throw new InputError(`Reference Time must be an ISO instant with an offset, e.g. 2026-03-01T09:00:00+08:00, got "${value}"`, 'referenceTime');
	}
	return new Date(ms);
}

export const referenceTimeOption: INodeProperties = {
	displayName: 'Reference Time',
	name: 'referenceTime',
	type: 'string',
	default: '',
	placeholder: '2026-03-01T09:00:00+08:00',
	description: 'Treat this instant as now (backfills and tests). Empty: the current time.',
};

export const alertLanguageOption: INodeProperties = {
	displayName: 'Alert Language',
	name: 'language',
	type: 'options',
	options: [
		{ name: '中文', value: 'zh' },
		{ name: 'English', value: 'en' },
	],
	default: 'zh',
	description: 'Language of the suggested actions in alerts',
};

export const ownerOption: INodeProperties = {
	displayName: 'Owner',
	name: 'owner',
	type: 'string',
	default: '',
	placeholder: 'pr-duty@yourbrand.com',
	description: 'Who handles the alert (a name, email or on-call alias), stored on each alert',
};

export const eventLogOutputProperty = (operation: string): INodeProperties => ({
	displayName: 'Event Log Output',
	name: 'eventLogOutput',
	type: 'boolean',
	displayOptions: { show: { operation: [operation] } },
	default: false,
	description: 'Whether to add a second output with one flat risk-event-log row per alert (风险事件库), keyed by incidentId, ready for a Data Table or Postgres upsert',
});

/**
 * The shared run of Raise Alerts and Detect Spikes: every input assessment at once (a Schedule Trigger's tick is
 * passed over, so a run with none still resolves what went quiet), the core `run` over them and the node's stored
 * state, then the outputs. The state is stored only when it changed: n8n's static data is last-writer-wins, and a
 * webhook run and a poll running side by side must not overwrite each other's incidents with a stale copy for
 * nothing. Reassigning the key marks the static data changed, so n8n saves it after the run.
 */
export function runOverAssessments<S>(
	ctx: IExecuteFunctions,
	stateKey: string,
	logAt: { at: Date; timezone: string },
	run: (assessments: RiskAssessment[], previous: S | undefined) => { alerts: RiskAlert[]; state: S; sources?: ReadonlyArray<readonly string[]> },
): INodeExecutionData[][] {
	const { values, errors } = readAllItems(ctx, assessmentFromItem, isTriggerTick);
	const staticData = ctx.getWorkflowStaticData('node');
	const previous = staticData[stateKey] as S | undefined;
	const { alerts, state, sources } = run(values.map((v) => v.value), previous);
	if (JSON.stringify(state) !== JSON.stringify(previous)) staticData[stateKey] = state as unknown as IDataObject;
	return alertOutputs(ctx, alerts, values, errors, logAt, sources);
}

/**
 * Alerts (first output, then the error items of Continue On Fail) and, when Event Log Output is on, one
 * event-log row per alert (second output). Each alert is paired with the input items of its evidence; when
 * none of its evidence is in this run's input, with `sources[i]` (this run's mentions it counted, e.g. the one
 * that escalated it), and only without those with all items (e.g. a resolved one), so `$('…').item`
 * resolves to a real mention of the incident.
 */
export function alertOutputs(
	ctx: IExecuteFunctions,
	alerts: readonly RiskAlert[],
	values: ReadonlyArray<{ value: RiskAssessment; index: number }>,
	errors: INodeExecutionData[],
	logAt: { at: Date; timezone: string },
	sources?: ReadonlyArray<readonly string[]>,
): INodeExecutionData[][] {
	const indexById = new Map(values.map((v) => [`${v.value.platform}:${v.value.mentionId}`, v.index]));
	const all: IPairedItemData[] = ctx.getInputData().map((_, item) => ({ item }));
	const indexes = (ids: readonly string[]) => ids.map((id) => indexById.get(id)).filter((i): i is number => i !== undefined);
	const pairing = (alert: RiskAlert, n: number): IPairedItemData[] => {
		let paired = indexes(alert.evidence.map((e) => `${alert.platform ?? ''}:${e.mentionId}`));
		if (!paired.length) paired = indexes(sources?.[n] ?? []);
		return paired.length ? paired.map((item) => ({ item })) : all;
	};
	const alertItems: INodeExecutionData[] = [...alerts.map((alert, n) => ({ json: alert as unknown as IDataObject, pairedItem: pairing(alert, n) })), ...errors];
	if (!ctx.getNodeParameter('eventLogOutput', 0, false)) return [alertItems];
	const logItems = alerts.map((alert, n) => ({ json: buildRiskEventLogEntry(alert, logAt) as unknown as IDataObject, pairedItem: pairing(alert, n) }));
	return [alertItems, logItems];
}
