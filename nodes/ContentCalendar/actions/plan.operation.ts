import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { InputError } from '../../../lib/errors';
import { MetricSnapshotSchema, type MetricSnapshot } from '../../../lib/model';
import { planSchedule, type AccountScheduleRule } from '../../../lib/schedule';
import { toNodeError } from '../../shared/errors';
import { jsonParameter, listParameter, postOutput, readPostItems, referenceTime, type PostOutputFormat } from '../../shared/posts';

const show = { show: { operation: ['plan'] } };
const simple = { show: { operation: ['plan'], rulesSource: ['simple'] } };

export const properties: INodeProperties[] = [
	{
		displayName: 'Rules Source',
		name: 'rulesSource',
		type: 'options',
		displayOptions: show,
		options: [
			{ name: 'Simple Fields', value: 'simple', description: 'One rule for every account in the input: slots, caps, gap, blackout days, cadence' },
			{ name: 'JSON Rules', value: 'json', description: 'One rule per account (and optionally platform) as JSON' },
		],
		default: 'simple',
	},
	{
		displayName: 'Rules (JSON)',
		name: 'rulesJson',
		type: 'json',
		displayOptions: { show: { operation: ['plan'], rulesSource: ['json'] } },
		default:
			'[\n  {\n    "account": "星河咖啡",\n    "platform": "wechat_oa",\n    "timezone": "Asia/Shanghai",\n    "slots": { "weekdays": ["08:00", "12:30", "20:00"], "weekends": ["10:00"] },\n    "maxPerDay": 2,\n    "minGapMinutes": 180,\n    "blackoutDates": ["2026-10-01..2026-10-07"],\n    "cadence": "3-5 a week",\n    "bestTime": true\n  }\n]',
		description: 'Array of rules: account, platform (optional), timezone (IANA), slots (MO..SU, weekdays, weekends, daily → ["HH:mm"]), maxPerDay (0 or absent = no cap), minGapMinutes, blackoutDates, cadence ("3-5 a week", "每周3-5篇", "daily"), bestTime',
	},
	{
		displayName: 'Time Zone',
		name: 'timezone',
		type: 'string',
		displayOptions: simple,
		default: 'Asia/Shanghai',
		description: 'IANA zone the slots, caps and blackout days are read in, e.g. Asia/Shanghai or America/New_York',
	},
	{
		displayName: 'Weekday Slots',
		name: 'weekdaySlots',
		type: 'string',
		displayOptions: simple,
		default: '08:00, 12:30, 20:00',
		description: 'Wall-clock publish times Monday to Friday (HH:mm, comma-separated)',
	},
	{
		displayName: 'Weekend Slots',
		name: 'weekendSlots',
		type: 'string',
		displayOptions: simple,
		default: '10:00',
		description: 'Wall-clock publish times on Saturday and Sunday; empty for no weekend posts',
	},
	{
		displayName: 'Max Posts per Day',
		name: 'maxPerDay',
		type: 'number',
		typeOptions: { minValue: 0 },
		displayOptions: simple,
		default: 2,
		description: 'Per account and local day, counting posts already scheduled; 0 means no cap',
	},
	{
		displayName: 'Minimum Gap (Minutes)',
		name: 'minGapMinutes',
		type: 'number',
		typeOptions: { minValue: 0 },
		displayOptions: simple,
		default: 120,
	},
	{
		displayName: 'Blackout Dates',
		name: 'blackoutDates',
		type: 'string',
		displayOptions: simple,
		default: '',
		placeholder: '2026-10-01..2026-10-07, 2026-12-25',
		description: 'Local days without publishing: single days or ranges, comma-separated',
	},
	{
		displayName: 'Cadence',
		name: 'cadence',
		type: 'string',
		displayOptions: simple,
		default: '',
		placeholder: '3-5 a week',
		description: 'Weekly target: "3-5 a week", "每周3-5篇" or "daily". Weeks under the minimum are reported.',
	},
	{
		displayName: 'Best Time',
		name: 'bestTime',
		type: 'boolean',
		displayOptions: simple,
		default: false,
		description:
			'Whether to fill each day’s slots best-hour first, ranked from the account’s own MetricSnapshot history in the input (engagement per view by hour of week, shrunk toward the account mean). With fewer than 12 posts of history the grid order is kept.',
	},
	{
		displayName: 'Horizon (Days)',
		name: 'horizonDays',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 366 },
		displayOptions: show,
		default: 28,
		description: 'How far ahead to look for free slots',
	},
	{
		displayName: 'Lead Time (Minutes)',
		name: 'leadMinutes',
		type: 'number',
		typeOptions: { minValue: 0 },
		displayOptions: show,
		default: 30,
		description: 'A slot must start at least this long after now, leaving time for last checks',
	},
];

/** Items that are MetricSnapshots (collectedAt, no status) are best-time history, not posts. */
function isSnapshot(json: IDataObject): boolean {
	return json.status === undefined && typeof json.collectedAt === 'string' && json.accountId !== undefined;
}

function simpleRules(ctx: IExecuteFunctions, accounts: string[]): AccountScheduleRule[] {
	const weekdays = listParameter(ctx, 'weekdaySlots', 0);
	const weekends = listParameter(ctx, 'weekendSlots', 0);
	const maxPerDay = ctx.getNodeParameter('maxPerDay', 0, 0) as number;
	const cadence = String(ctx.getNodeParameter('cadence', 0, '') ?? '').trim();
	const common = {
		timezone: String(ctx.getNodeParameter('timezone', 0, 'Asia/Shanghai')).trim(),
		slots: { weekdays, weekends },
		maxPerDay: maxPerDay > 0 ? maxPerDay : undefined,
		minGapMinutes: ctx.getNodeParameter('minGapMinutes', 0, 0) as number,
		blackoutDates: listParameter(ctx, 'blackoutDates', 0),
		cadence: cadence || undefined,
		bestTime: ctx.getNodeParameter('bestTime', 0, false) as boolean,
	};
	return accounts.map((account) => ({ account, ...common }));
}

/** Plan: gives unscheduled approved posts a slot. Returns scheduled posts and, flagged, the ones that found none. */
export async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const { posts, errors, others } = readPostItems(ctx, (json) => !isSnapshot(json));
	const format = ctx.getNodeParameter('outputFormat', 0, 'post') as PostOutputFormat;
	try {
		const history: MetricSnapshot[] = [];
		for (const { json, index } of others) {
			const parsed = MetricSnapshotSchema.safeParse(json);
			if (!parsed.success) throw new InputError(`Item ${index}: looks like a MetricSnapshot but is not valid: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`, parsed.error.issues[0].path.join('.'));
			history.push(parsed.data);
		}
		const source = ctx.getNodeParameter('rulesSource', 0, 'simple') as string;
		const rules =
			source === 'json'
				? jsonParameter<AccountScheduleRule[]>(ctx, 'rulesJson', 0, [])
				: simpleRules(ctx, [...new Set(posts.map((p) => p.post.account))]);
		if (!Array.isArray(rules)) throw new InputError('Rules (JSON) must be an array of rules', 'rulesJson');
		const result = planSchedule(
			posts.map((p) => p.post),
			rules,
			{
				now: referenceTime(ctx),
				history,
				horizonDays: ctx.getNodeParameter('horizonDays', 0, 28) as number,
				leadMinutes: ctx.getNodeParameter('leadMinutes', 0, 0) as number,
			},
		);
		const indexOf = new Map(posts.map((p) => [p.post.id, p.index]));
		const out: INodeExecutionData[] = [...errors];
		const push = (postId: string, jsons: IDataObject[]) => jsons.forEach((json) => out.push({ json, pairedItem: { item: indexOf.get(postId) ?? 0 } }));
		const shortfallsOf = (account: string) => result.shortfalls.filter((s) => s.account === account);
		result.planned.forEach((post, k) =>
			push(post.id, postOutput(post, format, { plan: { placed: true, shortfalls: shortfallsOf(post.account), bestTime: result.bestTime } as unknown as IDataObject }, result.events[k])),
		);
		for (const u of result.unplaceable) {
			push(u.post.id, format === 'events' ? [] : postOutput(u.post, format, { plan: { placed: false, reason: u.reason, message: u.message } }));
		}
		return [out];
	} catch (error) {
		throw toNodeError(ctx.getNode(), error, 0);
	}
}
