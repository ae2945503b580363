import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { operationProperties, router } from './actions/router';

export class OpsReport implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ops Report',
		name: 'opsReport',
		icon: 'file:opsReport.svg',
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["period"] === "month" ? "Monthly report" : $parameter["period"] === "quarter" ? "Quarterly report" : $parameter["period"] === "custom" ? "Custom period report" : "Weekly report" }}',
		description:
			'Turn MetricSnapshot items (and optional posts, risk assessments and alerts) into one operations report for a week, month, quarter or custom period: statistics, trends, KPI attainment, top content, best posting hours, A/B tests, sentiment, budget, problems and suggestions; as JSON, Markdown, HTML with charts and CSV files (数据报表 周报 月报)',
		defaults: { name: 'Ops Report' },
		usableAsTool: true,
		inputs: ['main'],
		// The report as one item (files attached as binaries), and the same files one per item for Write File / upload nodes.
		// eslint-disable-next-line n8n-nodes-base/node-class-description-outputs-wrong -- two outputs on purpose (Report, Files)
		outputs: ['main', 'main'],
		outputNames: ['Report', 'Files'],
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Build Report',
						value: 'build',
						description: 'Aggregate all input items into one report for the chosen period',
						action: 'Build an operations report',
					},
				],
				default: 'build',
			},
			...operationProperties,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return router.call(this);
	}
}
