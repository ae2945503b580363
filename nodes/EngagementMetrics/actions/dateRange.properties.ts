import type { INodeProperties } from 'n8n-workflow';

/** The date-range fields every metrics operation shares. */
export const dateRangeProperties: INodeProperties[] = [
	{
		displayName: 'Date Range',
		name: 'dateRange',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Last N Complete Days',
				value: 'lastDays',
				description: 'Ending yesterday: in China time for WeChat, Weibo, Douyin and Bilibili (their data is per Beijing day), in the workflow’s time zone for the other platforms',
			},
			{ name: 'Custom', value: 'custom', description: 'From a start to an end date, both included' },
		],
		default: 'lastDays',
	},
	{
		displayName: 'Days',
		name: 'lastDays',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 3650 },
		default: 3,
		description: 'How many complete days to collect, ending yesterday. Collecting a few days each run and upserting the results fills late data in.',
		displayOptions: { show: { dateRange: ['lastDays'] } },
	},
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'string',
		default: '',
		required: true,
		placeholder: '2026-03-01',
		description: 'First day to collect, yyyy-MM-dd (an ISO date-time is cut to its date)',
		displayOptions: { show: { dateRange: ['custom'] } },
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'string',
		default: '',
		required: true,
		placeholder: '2026-03-31',
		description: 'Last day to collect, yyyy-MM-dd, included. Any span works: it is split into the spans the API accepts.',
		displayOptions: { show: { dateRange: ['custom'] } },
	},
];
