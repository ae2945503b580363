import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { InputError } from '../../../lib/errors';
import { EXPORT_FORMATS, normaliseExportRows, type ExportFormatId, type ExportRowError } from '../../../lib/exports';
import { snapshotToRow } from '../../../lib/metrics/snapshot-row';
import type { Platform } from '../../../lib/model';
import { errorItemJson, toNodeError } from '../../shared/errors';

export const NORMALISE_ROWS = 'normaliseRows';
const show = { show: { operation: [NORMALISE_ROWS] } };

/** Fields a header can be mapped to, as the mapping dropdown offers them. */
const MAPPING_FIELDS: Array<{ name: string; value: string }> = [
	{ name: 'Account ID', value: 'accountId' },
	{ name: 'Account Name', value: 'accountName' },
	{ name: 'Average Watch Seconds (平均播放时长)', value: 'avgWatchSeconds' },
	{ name: 'Clicks (点击)', value: 'clicks' },
	{ name: 'Comments (评论/留言)', value: 'comments' },
	{ name: 'Completion Rate (完播率)', value: 'completionRate' },
	{ name: 'Conversions (转化)', value: 'conversions' },
	{ name: 'Date of the Numbers (日期)', value: 'date' },
	{ name: 'Extra: Coins (投币)', value: 'extra.coins' },
	{ name: 'Extra: Danmaku (弹幕)', value: 'extra.danmaku' },
	{ name: 'Extra: Impressions (曝光)', value: 'extra.impressions' },
	{ name: 'Extra: Interactions (互动量)', value: 'extra.interactions' },
	{ name: 'Extra: Other (Key Below)', value: 'extra' },
	{ name: 'Extra: Zaikan (在看)', value: 'extra.zaikan' },
	{ name: 'Followers (粉丝数)', value: 'followers' },
	{ name: 'Ignore This Column', value: 'ignore' },
	{ name: 'Likes (点赞)', value: 'likes' },
	{ name: 'Lost Followers (取消关注)', value: 'lostFollowers' },
	{ name: 'Net Followers (净增关注)', value: 'netFollowers' },
	{ name: 'New Followers (新增关注)', value: 'newFollowers' },
	{ name: 'Post ID', value: 'postId' },
	{ name: 'Post Title (标题)', value: 'postTitle' },
	{ name: 'Published At (发布时间)', value: 'publishedAt' },
	{ name: 'Saves (收藏)', value: 'saves' },
	{ name: 'Shares (分享/转发)', value: 'shares' },
	{ name: 'Unique Viewers (阅读人数)', value: 'uniqueViewers' },
	{ name: 'Views (阅读量/播放量)', value: 'views' },
];

const PLATFORM_CHOICES: Array<{ name: string; value: string }> = [
	{ name: 'Auto-Detect From Headers', value: 'auto' },
	{ name: 'Bilibili (哔哩哔哩)', value: 'bilibili' },
	{ name: 'Douyin (抖音)', value: 'douyin' },
	{ name: 'Kuaishou (快手)', value: 'kuaishou' },
	{ name: 'Other / Manual', value: 'manual' },
	{ name: 'WeChat Official Account (微信公众号)', value: 'wechat_oa' },
	{ name: 'Weibo (微博)', value: 'weibo' },
	{ name: 'Xiaohongshu (小红书)', value: 'xiaohongshu' },
	{ name: 'YouTube', value: 'youtube' },
	{ name: 'Zhihu (知乎)', value: 'zhihu' },
];

export const normaliseRowsProperties: INodeProperties[] = [
	{
		displayName:
			'Turns rows of a platform back-office export (Excel/CSV read by Extract From File, one item per row) into MetricSnapshot items. Settings are read once, from the first item.',
		name: 'normaliseRowsNotice',
		type: 'notice',
		default: '',
		displayOptions: show,
	},
	{
		displayName: 'Platform',
		name: 'exportPlatform',
		type: 'options',
		options: PLATFORM_CHOICES,
		default: 'auto',
		description: 'Where the export comes from; Auto-Detect takes it from the recognised export format (Other / Manual when none)',
		displayOptions: show,
	},
	{
		displayName: 'Export Format',
		name: 'exportFormat',
		type: 'options',
		options: [
			{ name: 'Auto-Detect', value: 'auto' },
			...EXPORT_FORMATS.map((f) => ({ name: f.label, value: f.id })).sort((a, b) => a.name.localeCompare(b.name)),
		],
		default: 'auto',
		description: 'Which export the columns come from. Auto-Detect compares the headers with each known format.',
		displayOptions: show,
	},
	{
		displayName: 'Account ID',
		name: 'exportAccountId',
		type: 'string',
		default: '',
		placeholder: 'gh_0123456789ab',
		description: 'The account the rows belong to (WeChat original ID, Douyin/Bilibili UID ...), unless a column names it per row',
		displayOptions: show,
	},
	{
		displayName: 'Account Name',
		name: 'exportAccountName',
		type: 'string',
		default: '',
		displayOptions: show,
	},
	{
		displayName: 'Time Zone',
		name: 'exportTimezone',
		type: 'string',
		default: '',
		placeholder: 'Asia/Shanghai',
		description: 'IANA time zone the export’s dates are in. Empty: the workflow’s time zone.',
		displayOptions: show,
	},
	{
		displayName: 'Year for Dates Without One',
		name: 'exportYear',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 2100 },
		default: 0,
		description: 'Year of dates written like 3月1日 or 03-01. 0: the latest year that does not put the date in the future.',
		displayOptions: show,
	},
	{
		displayName: 'Header Mapping',
		name: 'headerMapping',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add mapping',
		default: {},
		description: 'Columns to read differently from the detected format; a mapping always wins',
		displayOptions: show,
		options: [
			{
				displayName: 'Mapping',
				name: 'mappings',
				values: [
					{ displayName: 'Column Header', name: 'header', type: 'string', default: '', placeholder: '播放量' },
					{ displayName: 'Field', name: 'field', type: 'options', options: MAPPING_FIELDS, default: 'views' },
					{
						displayName: 'Extra Key',
						name: 'extraKey',
						type: 'string',
						default: '',
						placeholder: 'homepageVisits',
						description: 'Only for Field = Extra: Other; the value lands in extra.[key]',
					},
				],
			},
		],
	},
];

/** Properties of the API operations that mean nothing for Normalise Rows (dates, platform identifiers). */
export function hiddenForNormaliseRows(properties: INodeProperties[]): INodeProperties[] {
	return properties.map((p) => {
		const hide = { ...(p.displayOptions?.hide ?? {}), operation: [...((p.displayOptions?.hide?.operation as string[] | undefined) ?? []), NORMALISE_ROWS] };
		return { ...p, displayOptions: { ...(p.displayOptions ?? {}), hide } };
	});
}

/**
 * Normalise Rows reads all input items at once (format detection and de-duplication need the whole file),
 * then emits, per input item in order, its snapshot and one error item per unreadable cell, each paired to it.
 */
export async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	try {
		const result = normaliseExportRows(
			items.map((item) => item.json as Record<string, unknown>),
			{
				platform: readPlatform(ctx),
				accountId: String(ctx.getNodeParameter('exportAccountId', 0, '') ?? '').trim() || undefined,
				accountName: String(ctx.getNodeParameter('exportAccountName', 0, '') ?? '').trim() || undefined,
				timezone: String(ctx.getNodeParameter('exportTimezone', 0, '') ?? '').trim() || ctx.getTimezone(),
				format: ctx.getNodeParameter('exportFormat', 0, 'auto') as 'auto' | ExportFormatId,
				mapping: readMapping(ctx),
				year: (ctx.getNodeParameter('exportYear', 0, 0) as number) || undefined,
				collectedAt: new Date().toISOString(),
			},
		);
		ctx.logger.info(
			`Normalise Rows: format ${result.format.id} (confidence ${result.format.confidence}), ${result.snapshots.length} snapshots, ` +
				`${result.errors.length} unreadable cells, ${result.duplicates.length} duplicate rows dropped, ${result.skipped.length} rows skipped`,
		);
		if (result.errors.length && !ctx.continueOnFail()) {
			const first = result.errors[0];
			throw new NodeOperationError(ctx.getNode(), describeCellError(first), {
				itemIndex: first.index,
				description:
					`Item ${first.index}, column "${first.column}", value "${first.value}". ${result.errors.length} unreadable cell(s) in all: ` +
					result.errors.slice(0, 5).map((e) => `row ${e.row} "${e.column}"`).join(', ') +
					(result.errors.length > 5 ? ' …' : '') +
					'. Fix the file or the Header Mapping, or set Settings → On Error → Continue to get one error item per cell.',
			});
		}

		const output = ctx.getNodeParameter('output', 0, 'snapshot') as string;
		const perItem = new Map<number, INodeExecutionData[]>();
		const push = (index: number, json: IDataObject) => {
			const list = perItem.get(index) ?? [];
			list.push({ json, pairedItem: { item: index } });
			perItem.set(index, list);
		};
		result.snapshots.forEach((snapshot, i) => push(result.snapshotIndexes[i], output === 'row' ? snapshotToRow(snapshot) : (snapshot as unknown as IDataObject)));
		for (const e of result.errors) push(e.index, { error: describeCellError(e), row: e.row, column: e.column, value: e.value, itemIndex: e.index });
		return [...perItem.keys()].sort((a, b) => a - b).flatMap((index) => perItem.get(index)!);
	} catch (error) {
		if (error instanceof NodeOperationError) throw error;
		// A problem of the whole file or of the settings (no date column, bad time zone, bad mapping).
		if (ctx.continueOnFail()) return [{ json: errorItemJson(error, 0), pairedItem: { item: 0 } }];
		throw toNodeError(ctx.getNode(), error, 0);
	}
}

function describeCellError(e: ExportRowError): string {
	return `Row ${e.row} (item ${e.index}), column "${e.column}": cannot read "${e.value}": ${e.message}`;
}

function readPlatform(ctx: IExecuteFunctions): Platform | undefined {
	const value = ctx.getNodeParameter('exportPlatform', 0, 'auto') as string;
	return value === 'auto' ? undefined : (value as Platform);
}

function readMapping(ctx: IExecuteFunctions): Record<string, string> {
	const collection = ctx.getNodeParameter('headerMapping', 0, {}) as { mappings?: Array<{ header?: string; field?: string; extraKey?: string }> };
	const mapping: Record<string, string> = {};
	for (const m of collection.mappings ?? []) {
		const header = String(m.header ?? '').trim();
		if (!header) continue;
		if (m.field === 'extra') {
			const key = String(m.extraKey ?? '').trim();
			if (!key) throw new InputError(`Header Mapping: column "${header}" is mapped to Extra: Other without an Extra Key`, 'headerMapping');
			mapping[header] = `extra.${key}`;
		} else {
			mapping[header] = String(m.field ?? '');
		}
	}
	return mapping;
}
