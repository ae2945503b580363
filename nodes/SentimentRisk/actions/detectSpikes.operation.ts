import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { InputError } from '../../../lib/errors';
import { detectSpikes, type AlertLanguage, type SpikeOptions, type SpikeState } from '../../../lib/risk';
import { alertLanguageOption, eventLogOutputProperty, ownerOption, referenceNow, referenceTimeOption, runOverAssessments } from './common';

const show = { show: { operation: ['detectSpikes'] } };
/** Key of the spike baselines and open incidents in the node's workflow static data. */
export const SPIKE_STATE_KEY = 'spikeState';

export const properties: INodeProperties[] = [
	{
		displayName:
			'Reads all input RiskAssessments at once (connect Assess Mentions). Baselines and open incidents are kept in this node’s workflow static data, which n8n saves after production runs (schedule, webhook) but not after manual test runs: a test run may repeat an alert a production run would not.',
		name: 'spikeNotice',
		type: 'notice',
		default: '',
		displayOptions: show,
	},
	{
		displayName: 'Window',
		name: 'preset',
		type: 'options',
		displayOptions: show,
		options: [
			{ name: 'Last Hour vs the 12 Hours Before (Meltwater)', value: 'meltwater', description: 'Fast, for busy social accounts; run the workflow hourly' },
			{ name: 'Last 24 Hours vs the 7 Days Before (Socialmetrix)', value: 'socialmetrix', description: 'For accounts with tens of comments a day, e.g. WeChat OA; checked hourly' },
			{ name: 'Custom', value: 'custom' },
		],
		default: 'meltwater',
	},
	{
		displayName: 'Bucket (Minutes)',
		name: 'bucketMinutes',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 60,
		displayOptions: { show: { operation: ['detectSpikes'], preset: ['custom'] } },
		description: 'Counting unit in minutes; windows are whole buckets',
	},
	{
		displayName: 'Window (Buckets)',
		name: 'windowBuckets',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		displayOptions: { show: { operation: ['detectSpikes'], preset: ['custom'] } },
		description: 'Length of the current window in buckets',
	},
	{
		displayName: 'Baseline (Windows)',
		name: 'baselineWindows',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 12,
		displayOptions: { show: { operation: ['detectSpikes'], preset: ['custom'] } },
		description: 'How many past windows form the baseline (mean + k·σ)',
	},
	{
		displayName: 'Metrics',
		name: 'metrics',
		type: 'multiOptions',
		displayOptions: show,
		options: [
			{ name: 'Negative Volume', value: 'negative_volume', description: 'Number of negative mentions in the window' },
			{ name: 'Negative Share', value: 'negative_share', description: 'Negative mentions ÷ all mentions in the window' },
		],
		default: ['negative_volume', 'negative_share'],
	},
	eventLogOutputProperty('detectSpikes'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: show,
		options: [
			alertLanguageOption,
			{ displayName: 'Baseline Method', name: 'baseline', type: 'options', options: [{ name: 'Mean and Standard Deviation', value: 'mean' }, { name: 'EWMA (Recent Windows Weigh More)', value: 'ewma' }], default: 'mean' },
			{
				displayName: 'Emit Ongoing Incidents',
				name: 'emitOngoing',
				type: 'boolean',
				default: false,
				description: 'Whether an open incident is emitted on every run, not only when it opens, escalates or resolves. Such a repeat has status ongoing (never open again), so an event-log row keeps its highest level.',
			},
			{ displayName: 'Evidence per Alert', name: 'evidenceLimit', type: 'number', typeOptions: { minValue: 0 }, default: 5, description: 'Top mentions (by reach) attached to each alert' },
			{ displayName: 'EWMA Alpha', name: 'ewmaAlpha', type: 'number', typeOptions: { minValue: 0.01, maxValue: 1, numberPrecision: 2 }, default: 0.3 },
			{ displayName: 'K for Critical', name: 'kCritical', type: 'number', typeOptions: { numberPrecision: 1 }, default: 5, description: 'Z score (σ above the baseline mean) for a critical alert' },
			{ displayName: 'K for High', name: 'kHigh', type: 'number', typeOptions: { numberPrecision: 1 }, default: 3 },
			{ displayName: 'K for Low', name: 'kLow', type: 'number', typeOptions: { numberPrecision: 1 }, default: 1.5, description: 'Z score for a low alert: the alert threshold (Socialmetrix uses 1.5 / 2 / 3)' },
			{ displayName: 'K for Medium', name: 'kMedium', type: 'number', typeOptions: { numberPrecision: 1 }, default: 2 },
			{ displayName: 'Max Remembered Mentions', name: 'maxSeenIds', type: 'number', typeOptions: { minValue: 100 }, default: 2000, description: 'Mention IDs remembered so a polling overlap is not counted twice (bounds the static data)' },
			{
				displayName: 'Max Series',
				name: 'maxSeries',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 200,
				description:
					'Account × topic series kept in static data. Beyond this, series without an open spike are dropped first (the least recently active); a series dropped with a spike still open gets one last alert per spike: status resolved, resolution capacity (closed, not confirmed resolved), so no card or event-log row stays open for ever.',
			},
			{ displayName: 'Min Baseline Windows', name: 'minBaselineWindows', type: 'number', typeOptions: { minValue: 1 }, default: 3, description: 'Past windows of history needed before a series can alert' },
			{ displayName: 'Minimum Count', name: 'minCount', type: 'number', typeOptions: { minValue: 1 }, default: 10, description: 'No alert below this many negatives (volume) or mentions (share) in the window' },
			{ displayName: 'Minimum Negative Share', name: 'minNegativeShare', type: 'number', typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 }, default: 0.3, description: 'A negative-share alert needs at least this share (0 … 1)' },
			ownerOption,
			referenceTimeOption,
			{
				displayName: 'Resolve After Quiet Windows',
				name: 'resolveAfterQuietWindows',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 2,
				description:
					'An open spike resolves once checks in this many different windows (an hour apart with hourly buckets) found it quiet, with none above the resolve level in between; 1 resolves at the first quiet check',
			},
			{
				displayName: 'Resolve Margin (σ)',
				name: 'resolveMargin',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 1 },
				default: 1,
				description:
					'Hysteresis: an open spike counts as quiet only below baseline + (K for Low − this)·σ (0.5 σ with the defaults) or under Minimum Count, so a metric hovering at the threshold does not open and resolve it run after run. 0 = quiet as soon as it is under the alert threshold.',
			},
		],
	},
];

interface Options {
	language?: AlertLanguage;
	baseline?: 'mean' | 'ewma';
	emitOngoing?: boolean;
	evidenceLimit?: number;
	ewmaAlpha?: number;
	kLow?: number;
	kMedium?: number;
	kHigh?: number;
	kCritical?: number;
	maxSeenIds?: number;
	maxSeries?: number;
	minBaselineWindows?: number;
	minCount?: number;
	minNegativeShare?: number;
	owner?: string;
	resolveAfterQuietWindows?: number;
	resolveMargin?: number;
}

function spikeOptions(ctx: IExecuteFunctions, now: Date): SpikeOptions {
	const preset = ctx.getNodeParameter('preset', 0, 'meltwater') as string;
	const o = ctx.getNodeParameter('options', 0, {}) as Options;
	const metrics = ctx.getNodeParameter('metrics', 0, ['negative_volume', 'negative_share']) as SpikeOptions['metrics'];
	if (!metrics?.length) throw new InputError('choose at least one metric', 'metrics');
	const options: SpikeOptions = { now, timezone: ctx.getTimezone(), metrics, language: o.language ?? 'zh' };
	if (preset === 'custom') {
		options.bucketMinutes = ctx.getNodeParameter('bucketMinutes', 0, 60) as number;
		options.windowBuckets = ctx.getNodeParameter('windowBuckets', 0, 1) as number;
		options.baselineWindows = ctx.getNodeParameter('baselineWindows', 0, 12) as number;
	} else options.preset = preset as SpikeOptions['preset'];
	const k: NonNullable<SpikeOptions['k']> = {};
	if (o.kLow !== undefined) k.low = o.kLow;
	if (o.kMedium !== undefined) k.medium = o.kMedium;
	if (o.kHigh !== undefined) k.high = o.kHigh;
	if (o.kCritical !== undefined) k.critical = o.kCritical;
	if (Object.keys(k).length) options.k = k;
	for (const name of ['baseline', 'emitOngoing', 'evidenceLimit', 'ewmaAlpha', 'maxSeenIds', 'maxSeries', 'minBaselineWindows', 'minCount', 'minNegativeShare', 'resolveAfterQuietWindows', 'resolveMargin'] as const) {
		if (o[name] !== undefined) (options as unknown as Record<string, unknown>)[name] = o[name];
	}
	if (o.owner) options.owner = o.owner;
	return options;
}

/** All input assessments at once → alerts (first output) and, optionally, event-log rows (second output). */
export async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const now = referenceNow(ctx);
	const options = spikeOptions(ctx, now);
	return runOverAssessments<SpikeState>(ctx, SPIKE_STATE_KEY, { at: now, timezone: options.timezone ?? 'UTC' }, (assessments, previous) => detectSpikes({ assessments }, previous, options));
}
