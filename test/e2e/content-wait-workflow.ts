/**
 * A test workflow for the Wait-node variant of approval by link: Run now → a sample draft → Review (submit) →
 * Create Approval Link (links to this execution's resume URL) → Wait (On Webhook Call) → Verify Approval (post
 * from the Create Approval Link node, token from the link) → decision logged in mediaops_content_log.
 */
import { EVENTS } from './content-support';

export const WAIT_WORKFLOW_ID = 'mediaopsApprovalWaitTest';

const STEPS = JSON.stringify([{ name: 'Editor', approvers: ['editor@brand.cn'], mode: 'any' }]);
const APPROVAL = { mediaOpsApprovalApi: { id: 'mediaopsApproval01', name: 'MediaOps approval (sandbox)' } };
const draft = { id: 'wait-1', platform: 'wechat_oa', account: '星河咖啡', title: '等待审批的内容', body: '<p>正文</p>', status: 'draft', author: 'writer@brand.cn', version: 1, timezone: 'Asia/Shanghai' };

export function waitNodeWorkflow(): Record<string, unknown> {
	const node = (n: number, name: string, type: string, typeVersion: number, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
		id: `d0d0wait-0000-4000-8000-${String(n).padStart(12, '0')}`,
		name,
		type,
		typeVersion,
		position: [n * 240, 0],
		parameters,
		...extra,
	});
	const nodes = [
		node(0, 'Run now', 'n8n-nodes-base.manualTrigger', 1, {}),
		node(1, 'Ensure events table', 'n8n-nodes-base.dataTable', 1.1, { resource: 'table', operation: 'create', tableName: EVENTS, columns: { column: ['eventType', 'postId', 'actor'].map((name) => ({ name, type: 'string' })) }, options: { createIfNotExists: true } }),
		node(2, 'Sample draft', 'n8n-nodes-base.set', 3.4, { mode: 'raw', jsonOutput: JSON.stringify(draft), options: {} }),
		node(3, 'Submit', 'n8n-nodes-mediaops.contentCalendar', 1, { operation: 'review', decision: 'submit', actor: 'writer@brand.cn', reviewSteps: STEPS, outputFormat: 'post', options: {} }),
		node(4, 'Create Approval Link', 'n8n-nodes-mediaops.contentCalendar', 1, { operation: 'createApprovalLink', linkBaseUrl: '={{ $execution.resumeUrl }}', reviewSteps: STEPS, secretSource: 'credential', outputFormat: 'post', options: {} }, { credentials: APPROVAL }),
		node(5, 'Wait for the reviewer', 'n8n-nodes-base.wait', 1.1, { resume: 'webhook', httpMethod: 'GET', options: {} }, { webhookId: '7c9e2f0a-3b1d-4e5f-9a8b-1c2d3e4f5a6b' }),
		node(6, 'Verify Approval', 'n8n-nodes-mediaops.contentCalendar', 1, { operation: 'verifyApproval', postSource: 'expression', postJson: "={{ $('Create Approval Link').item.json }}", token: '={{ $json.query.token }}', reviewSteps: STEPS, secretSource: 'credential', outputFormat: 'row', options: {} }, { credentials: APPROVAL }),
		node(7, 'Log decision', 'n8n-nodes-base.dataTable', 1.1, {
			resource: 'row',
			operation: 'insert',
			dataTableId: { __rl: true, mode: 'name', value: EVENTS },
			columns: { mappingMode: 'defineBelow', value: { eventType: '={{ $json.status }}', postId: '={{ $json.postId }}', actor: '={{ JSON.parse($json.history).at(-1).actor }}' }, matchingColumns: [], schema: [], attemptToConvertTypes: false, convertFieldsToString: false },
			options: {},
		}),
	];
	const connections: Record<string, unknown> = {};
	for (let i = 0; i < nodes.length - 1; i++) connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return { id: WAIT_WORKFLOW_ID, name: 'MediaOps test · approval with a Wait node', nodes, connections, settings: { executionOrder: 'v1' }, pinData: {}, active: false };
}
