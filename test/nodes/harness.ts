/**
 * Runs workflow JSON through n8n-core's real engine in-process (WorkflowExecute + Workflow), the way
 * n8n's own `packages/core/nodes-testing/node-test-harness.ts` does, but for our package: node types are
 * served from our classes, credentials from the test, and nothing else from n8n-nodes-base is needed.
 */
import './n8n-env';

import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	ICredentialsHelper,
	Workflow,
	createDeferredPromise,
	type ExecutionError,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type ICredentials,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypes,
	type IConnections,
	type IPinData,
	type IRun,
	type IRunData,
	type ITriggerFunctions,
	type ITriggerResponse,
	type IVersionedNodeType,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type IWorkflowSettings,
} from 'n8n-workflow';

import { WeChatOfficialAccountApi } from '../../credentials/WeChatOfficialAccountApi.credentials';
import { EngagementMetrics } from '../../nodes/EngagementMetrics/EngagementMetrics.node';

/** The package prefix n8n gives our node types once the community package is installed. */
export const PACKAGE = 'n8n-nodes-mediaops';
export const ENGAGEMENT_METRICS_TYPE = `${PACKAGE}.engagementMetrics`;
export const MANUAL_TRIGGER_TYPE = 'n8n-nodes-base.manualTrigger';

/**
 * The Manual Trigger of n8n-nodes-base, inlined (that package is 200 MB and not a dependency):
 * in manual mode the engine calls `trigger()` and then `manualTriggerFunction`, which emits one empty item.
 */
class ManualTrigger implements INodeType {
	description: INodeType['description'] = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Runs the flow on clicking a button in n8n',
		maxNodes: 1,
		defaults: { name: 'When clicking ‘Execute workflow’' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const manualTriggerFunction = async () => {
			this.emit([this.helpers.returnJsonArray([{}])]);
		};
		return { manualTriggerFunction };
	}
}

/** Full type name → node class instance. Versioned types would resolve by version here. */
const NODE_TYPES: Record<string, INodeType | IVersionedNodeType> = {
	[MANUAL_TRIGGER_TYPE]: new ManualTrigger(),
	[ENGAGEMENT_METRICS_TYPE]: new EngagementMetrics(),
};

const CREDENTIAL_TYPES: Record<string, ICredentialType> = {
	weChatOfficialAccountApi: new WeChatOfficialAccountApi(),
};

/** Lets a suite add its own node and credential types (by full type name / credential name). */
export function registerTypes(nodes: Record<string, INodeType | IVersionedNodeType>, credentials: Record<string, ICredentialType> = {}): void {
	Object.assign(NODE_TYPES, nodes);
	Object.assign(CREDENTIAL_TYPES, credentials);
}

class TestNodeTypes implements INodeTypes {
	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = NODE_TYPES[nodeType];
		if (!type) throw new Error(`harness: unknown node type "${nodeType}" (known: ${Object.keys(NODE_TYPES).join(', ')})`);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		const type = this.getByName(nodeType);
		return 'nodeVersions' in type ? type.getNodeType(version) : type;
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

/**
 * Serves the credential data the test passes, by credential type name, and applies the credential type's
 * `authenticate` (function or generic) as n8n's CredentialsHelper would for httpRequestWithAuthentication.
 */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, typeName: string, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const authenticate = CREDENTIAL_TYPES[typeName]?.authenticate;
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') return authenticate(credentials, requestOptions);
		// Generic: substitute `={{$credentials.x}}` in each property and merge it into the request.
		const resolve = (value: unknown): unknown =>
			typeof value === 'string' ? value.replace(/^=/, '').replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_, key: string) => String(credentials[key] ?? '')) : value;
		const out: IHttpRequestOptions = { ...requestOptions };
		const props = authenticate.properties as Record<string, Record<string, unknown> | undefined>;
		for (const part of ['headers', 'qs', 'body'] as const) {
			if (!props[part]) continue;
			const merged: Record<string, unknown> = { ...((out[part] as Record<string, unknown>) ?? {}) };
			for (const [key, value] of Object.entries(props[part]!)) merged[key] = resolve(value);
			(out as unknown as Record<string, unknown>)[part] = merged;
		}
		if (props.auth) out.auth = { username: String(resolve(props.auth.username)), password: String(resolve(props.auth.password)) };
		return out;
	}

	async preAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('harness: getCredentials is not used by these nodes');
	}

	async getDecrypted(_additionalData: IWorkflowExecuteAdditionalData, _nodeCredentials: unknown, type: string): Promise<ICredentialDataDecryptedObject> {
		const data = this.data[type];
		if (!data) throw new Error(`harness: no credential data given for "${type}"`);
		// A copy, so a node mutating what it got cannot leak into the next run.
		return { ...data };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return CREDENTIAL_TYPES[type]?.properties ?? [];
	}
}

/** The parts of an n8n workflow export the engine needs; `pinData` feeds items into a node (e.g. the trigger). */
export interface WorkflowJson {
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	pinData?: IPinData;
}

export interface RunOptions {
	/** Decrypted credential data by credential type name, e.g. `{ weChatOfficialAccountApi: {...} }`. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
}

export interface RunResult {
	/** The whole run as the engine finished it. */
	run: IRun;
	runData: IRunData;
	/** `json` of every item on a node's first output, first run. Empty if the node did not run or failed. */
	nodeOutput(nodeName: string): IDataObject[];
	/** Full items (json + pairedItem) of a node's first output, first run. */
	nodeItems(nodeName: string): INodeExecutionData[];
	/** The error that stopped the workflow, if any (the failing node's error object). */
	error?: ExecutionError;
	/** Nodes in the order the engine finished them. */
	executionOrder: string[];
}

/** Runs a workflow from its start node in 'manual' mode, as "Execute workflow" in the editor does. */
export async function runWorkflow(workflowJson: WorkflowJson, options: RunOptions = {}): Promise<RunResult> {
	const nodeTypes = new TestNodeTypes();
	// A deep copy: the Workflow fills default parameters into the node objects it is given.
	const { nodes, connections, settings, pinData } = JSON.parse(JSON.stringify(workflowJson)) as WorkflowJson;
	const workflow = new Workflow({ id: 'test', name: workflowJson.name ?? 'test', nodes, connections, nodeTypes, settings, active: false });

	const workflowData = { id: 'test', name: workflow.name, nodes, connections, settings, active: false } as unknown as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', workflowData);
	const executionOrder: string[] = [];
	hooks.addHandler('nodeExecuteAfter', (nodeName) => {
		executionOrder.push(nodeName);
	});
	// The engine reports the end through this hook (processRunExecutionData also resolves with the run).
	const finished = createDeferredPromise<IRun>();
	hooks.addHandler('workflowExecuteAfter', (fullRunData) => finished.resolve(fullRunData));

	const unsupported = (what: string) => () => {
		throw new Error(`harness: ${what} is not supported`);
	};
	const additionalData = {
		hooks,
		credentialsHelper: new TestCredentialsHelper(options.credentials ?? {}),
		executeWorkflow: unsupported('executeWorkflow'),
		getRunExecutionData: async () => undefined,
		startRunnerTask: unsupported('startRunnerTask (Code node task runner)'),
		logAiEvent: () => {},
		currentNodeExecutionIndex: 0,
		// Parameters come from node.parameters, not from an open editor panel.
		currentNodeParameters: undefined,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		variables: {},
		executionId: 'test-execution',
	} as unknown as IWorkflowExecuteAdditionalData;

	const workflowExecute = new WorkflowExecute(additionalData, 'manual');
	const startNode = workflow.getStartNode();
	if (!startNode) throw new Error('harness: the workflow has no start node');
	await workflowExecute.run({ workflow, startNode, pinData });
	const run = await finished.promise;

	const runData = run.data.resultData.runData;
	const nodeItems = (nodeName: string): INodeExecutionData[] => runData[nodeName]?.[0]?.data?.main?.[0] ?? [];
	return {
		run,
		runData,
		nodeItems,
		nodeOutput: (nodeName) => nodeItems(nodeName).map((item) => item.json),
		error: run.data.resultData.error,
		executionOrder,
	};
}

/** A Manual Trigger node, optionally pinned to emit `items` (n8n's own way of feeding test data). */
export function manualTrigger(name = 'When clicking ‘Execute workflow’'): INode {
	return { id: 'trigger', name, type: MANUAL_TRIGGER_TYPE, typeVersion: 1, position: [0, 0], parameters: {} };
}

/**
 * Trigger → node. With `inputItems` the trigger is pinned to them (so the node gets exactly those items);
 * without, the trigger really runs and emits its one empty item.
 */
export function singleNodeWorkflow(node: Omit<INode, 'id' | 'position'> & Partial<Pick<INode, 'id' | 'position'>>, inputItems?: IDataObject[]): WorkflowJson {
	const trigger = manualTrigger();
	return {
		nodes: [trigger, { id: 'node', position: [250, 0], ...node } as INode],
		connections: { [trigger.name]: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
		pinData: inputItems ? { [trigger.name]: inputItems.map((json) => ({ json })) } : undefined,
	};
}
