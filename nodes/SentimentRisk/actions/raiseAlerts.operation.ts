import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { InputError } from '../../../lib/errors';
import { RISK_CATEGORIES, type RiskCategory } from '../../../lib/model';
import { alertsFromAssessments, type AlertLanguage, type AssessmentAlertOptions, type AssessmentAlertState } from '../../../lib/risk';
import { alertLanguageOption, eventLogOutputProperty, ownerOption, referenceNow, referenceTimeOption, runOverAssessments } from './common';

const OPERATION = 'raiseAlerts';
const show = { show: { operation: [OPERATION] } };
/** Key of the open incidents in the node's workflow static data. */
export const ALERT_STATE_KEY = 'assessmentAlertState';


export const properties: INodeProperties[] = [
	{
		displayName:
			'Reads all input RiskAssessments at once (connect Assess Mentions) and emits one RiskAlert per incident, not per comment. Open incidents are kept in this node’s workflow static data, which n8n saves after production runs (webhook, polling, schedule) but not after manual test runs: a test run may repeat an alert a production run would not. Quiet incidents resolve only when the node runs: also connect a Schedule Trigger (e.g. every 30 minutes) straight to this node; its items carry no assessment and are ignored.',
		name: 'raiseAlertsNotice',
		type: 'notice',
		default: '',
		displayOptions: show,
	},
	{
		displayName: 'Minimum Level',
		name: 'minLevel',
		type: 'options',
		displayOptions: show,
		options: [
			{ name: 'Low', value: 'low' },
			{ name: 'Medium', value: 'medium' },
			{ name: 'High', value: 'high' },
			{ name: 'Critical', value: 'critical' },
		],
		default: 'high',
		description: 'Assessments with a riskLevel below this are ignored',
	},
	{
		displayName: 'Group By',
		name: 'groupBy',
		type: 'options',
		displayOptions: show,
		options: [
			{
				name: 'Category per Account',
				value: 'category',
				description: 'One incident per platform × account × topic × main risk category: fifty refund complaints are one alert',
			},
			{ name: 'Each Mention', value: 'mention', description: 'Every qualifying comment is its own alert (ID mention:platform:ID, as the event log has always keyed them)' },
		],
		default: 'category',
	},
	{
		displayName: 'Category Owners',
		name: 'categoryOwners',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add owner',
		default: {},
		displayOptions: show,
		description: 'Who handles each kind of incident, before the default Owner (option), e.g. legal threats to the legal team',
		options: [
			{
				displayName: 'Owner',
				name: 'owner',
				values: [
					{
						displayName: 'Category',
						name: 'category',
						type: 'options',
						options: [
							{ name: 'Boycott (抵制)', value: 'boycott' },
							{ name: 'Complaint (投诉)', value: 'complaint' },
							{ name: 'Discrimination (歧视)', value: 'discrimination' },
							{ name: 'Legal Threat (法律威胁)', value: 'legal_threat' },
							{ name: 'Media Exposure (媒体曝光)', value: 'media_exposure' },
							{ name: 'Privacy Leak (隐私泄露)', value: 'privacy_leak' },
							{ name: 'Refund Dispute (退款纠纷)', value: 'refund_dispute' },
							{ name: 'Rumour (谣言)', value: 'rumor' },
							{ name: 'Safety / Quality (安全与质量)', value: 'safety_quality' },
							{ name: 'Sensitive Term (敏感词)', value: 'sensitive_term' },
						],
						default: 'legal_threat',
					},
					{ displayName: 'Owner', name: 'owner', type: 'string', default: '', placeholder: 'legal@yourbrand.com', description: 'A name, email or on-call alias (a WeCom/DingTalk/Feishu mention like @13800000000 is notified)' },
				],
			},
		],
	},
	eventLogOutputProperty(OPERATION),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: show,
		options: [
			alertLanguageOption,
			{
				displayName: 'Emit Ongoing Incidents',
				name: 'emitOngoing',
				type: 'boolean',
				default: false,
				description:
					'Whether an open incident is emitted again whenever it gains mentions, not only when it opens, escalates or resolves. Such a repeat has status ongoing, so an event-log row upserted on incidentId keeps saying the incident is under way (and at its highest level) instead of turning back to open.',
			},
			{
				displayName: 'Escalate at Mentions',
				name: 'escalateAtMentions',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 10,
				description: 'An incident with this many mentions is raised one level and its likelihood becomes high (高频); 0 turns it off',
			},
			{ displayName: 'Evidence per Alert', name: 'evidenceLimit', type: 'number', typeOptions: { minValue: 0 }, default: 5, description: 'Top mentions (by reach, then the most negative) attached to each alert' },
			{
				displayName: 'Max Open Incidents',
				name: 'maxIncidents',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 500,
				description:
					'Incidents kept in static data. Beyond this the least recently active are dropped, each with one last alert: status resolved, resolution capacity (closed, not confirmed resolved), so no card or event-log row stays open for ever.',
			},
			{ displayName: 'Max Remembered Mentions', name: 'maxSeenIds', type: 'number', typeOptions: { minValue: 100 }, default: 2000, description: 'Mention IDs remembered so a webhook retry or polling overlap is not counted twice (bounds the static data)' },
			{ ...ownerOption, description: 'Who handles an alert whose category has no Category Owner (a name, email or on-call alias)' },
			referenceTimeOption,
			{
				displayName: 'Resolve After (Hours)',
				name: 'resolveAfterHours',
				type: 'number',
				typeOptions: { minValue: 0.1, numberPrecision: 1 },
				default: 24,
				description: 'An incident with no new qualifying mention for this long is emitted once as resolved and closed; the next one opens a new incident',
			},
		],
	},
];

interface Options {
	language?: AlertLanguage;
	emitOngoing?: boolean;
	escalateAtMentions?: number;
	evidenceLimit?: number;
	maxIncidents?: number;
	maxSeenIds?: number;
	owner?: string;
	resolveAfterHours?: number;
}

function readOptions(ctx: IExecuteFunctions, now: Date): AssessmentAlertOptions {
	const o = ctx.getNodeParameter('options', 0, {}) as Options;
	const options: AssessmentAlertOptions = {
		now,
		timezone: ctx.getTimezone(),
		minLevel: ctx.getNodeParameter('minLevel', 0, 'high') as AssessmentAlertOptions['minLevel'],
		groupBy: ctx.getNodeParameter('groupBy', 0, 'category') as AssessmentAlertOptions['groupBy'],
		language: o.language ?? 'zh',
	};
	for (const name of ['emitOngoing', 'escalateAtMentions', 'evidenceLimit', 'maxIncidents', 'maxSeenIds', 'resolveAfterHours'] as const) {
		if (o[name] !== undefined) (options as unknown as Record<string, unknown>)[name] = o[name];
	}
	if (o.owner?.trim()) options.owner = o.owner.trim();
	const rows = (ctx.getNodeParameter('categoryOwners.owner', 0, []) as Array<{ category?: string; owner?: string }>) ?? [];
	const owners: Partial<Record<RiskCategory, string>> = {};
	for (const [i, row] of rows.entries()) {
		const owner = String(row.owner ?? '').trim();
		if (!owner) continue;
		if (!(RISK_CATEGORIES as readonly string[]).includes(String(row.category))) throw new InputError(`Category Owners row ${i + 1}: unknown category "${String(row.category)}"`, 'categoryOwners');
		owners[row.category as RiskCategory] = owner;
	}
	if (Object.keys(owners).length) options.categoryOwners = owners;
	return options;
}

/** All input assessments at once → one alert per incident (first output) and, optionally, event-log rows (second output). */
export async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const now = referenceNow(ctx);
	const options = readOptions(ctx, now);
	return runOverAssessments<AssessmentAlertState>(ctx, ALERT_STATE_KEY, { at: now, timezone: options.timezone ?? 'UTC' }, (assessments, previous) =>
		alertsFromAssessments(assessments, previous, options),
	);
}
