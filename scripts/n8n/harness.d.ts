/** Types for harness.js (plain CommonJS, used from TS tests). */

export interface StepTiming {
	step: string;
	ms: number;
	exit?: number;
	[key: string]: unknown;
}

export interface CommandResult {
	code: number;
	stdout: string;
	stderr: string;
	/** stdout and stderr interleaved */
	output: string;
	ms: number;
}

/** The IRun n8n prints for `execute --rawOutput` (only the parts tests usually read are typed). */
export interface N8nRun {
	data: {
		resultData: {
			runData: Record<
				string,
				Array<{
					executionStatus?: string;
					executionTime?: number;
					data?: { main?: Array<Array<{ json: Record<string, unknown>; binary?: Record<string, unknown> }> | null> };
					error?: { message: string; description?: string };
				}>
			>;
			lastNodeExecuted?: string;
			error?: { message: string; description?: string; node?: { name: string } };
		};
		[key: string]: unknown;
	};
	mode: string;
	status: string;
	finished: boolean;
	startedAt: string;
	stoppedAt?: string;
	/** set by runWorkflow() (the server's execution id); absent for execute() */
	executionId?: string;
	workflowId?: string;
	[key: string]: unknown;
}

export interface RunWorkflowOptions {
	/** Trigger node to start from (its name); default: the workflow's (first enabled) Manual Trigger. */
	startNode?: string;
	/** Give up (and stop the execution) after this long; default 180 000 ms. */
	timeoutMs?: number;
	/** Interval between GET /rest/executions/:id polls; default 200 ms. */
	pollMs?: number;
}

/** A data-table row as the editor's REST API returns it: system columns plus the table's columns. */
export type DataTableRow = { id: number; createdAt: string; updatedAt: string } & Record<string, unknown>;

export interface N8nServer {
	url: string;
	port: number;
	pid: number;
	logFile: string;
	stop(opts?: { timeoutMs?: number }): Promise<void>;
}

export interface OwnerSession {
	/** `n8n-auth=…`, ready for a Cookie header */
	cookie: string;
	headers: { cookie: string };
	/** for Playwright's `context.addCookies([browserCookie])` */
	browserCookie: {
		name: 'n8n-auth';
		value: string;
		domain: string;
		path: string;
		httpOnly: boolean;
		secure: boolean;
		sameSite: 'Lax';
	};
	user: Record<string, unknown>;
	email: string;
	password: string;
}

export interface NodeTypeDescription {
	name: string;
	displayName: string;
	version: number | number[];
	[key: string]: unknown;
}

export interface CreateN8nOptions {
	/** This instance's folder: N8N_USER_FOLDER, logs, generated input files. */
	workDir: string;
	/** HTTP port for `start()`; default 5678. Tests should use 5690+. */
	port?: number;
	/** Extra or overriding env for every n8n process (e.g. GENERIC_TIMEZONE, N8N_LOG_LEVEL). */
	env?: Record<string, string>;
	/** Receives one line per step (default: `<workDir>/harness.log`, and stderr if MEDIAOPS_N8N_VERBOSE=1). */
	log?: (line: string) => void;
}

export interface N8nInstance {
	version: string;
	bin: string;
	workDir: string;
	userFolder: string;
	nodesDir: string;
	port: number;
	url: string;
	env: Record<string, string | undefined>;
	logs: { harness: string; commands: string; server: string; timings: string };
	timings: StepTiming[];
	readonly server: N8nServer | null;
	run(args: string[], opts?: { timeoutMs?: number; allowFailure?: boolean; label?: string }): Promise<CommandResult>;
	installPackage(packageDirOrTgz: string): Promise<{ name: string; version: string; dir: string }>;
	importCredentials(
		fileOrArray: string | object | object[],
		opts?: { projectId?: string; userId?: string },
	): Promise<void>;
	importWorkflow(fileOrObject: string | object | object[], opts?: { projectId?: string; userId?: string }): Promise<string[]>;
	execute(workflowId: string, opts?: { timeoutMs?: number }): Promise<N8nRun>;
	publish(workflowId: string): Promise<void>;
	unpublish(workflowId: string): Promise<void>;
	start(opts?: { timeoutMs?: number }): Promise<N8nServer>;
	stop(): Promise<void>;
	setupOwner(opts?: { email?: string; password?: string; firstName?: string; lastName?: string }): Promise<OwnerSession>;
	request(pathname: string, init?: RequestInit): Promise<Response>;
	/**
	 * Runs a workflow inside the started server like the editor's "Execute workflow" button
	 * (POST /rest/workflows/:id/run, then polls GET /rest/executions/:id), so n8n modules such as
	 * Data Tables work (the CLI `execute()` does not initialise them). Needs start(); logs in as
	 * owner if needed. Resolves the decoded IRun (`nodeOutput()` works on it); throws
	 * "… failed (execution N, status error): <node>: <message>" on a failed run, with `run`,
	 * `executionId` and `status` on the Error.
	 */
	runWorkflow(workflowId: string, opts?: RunWorkflowOptions): Promise<N8nRun>;
	/** All rows (paged, id order) of the data table with exactly this name in the owner's personal project; throws if missing. Needs start(). */
	dataTableRows(tableName: string, opts?: { pageSize?: number }): Promise<DataTableRow[]>;
	/** Deletes the data table(s) with exactly this name in the personal project; resolves how many (0 if none). Needs start(). */
	deleteDataTable(tableName: string): Promise<number>;
	nodeTypes(opts?: { descriptions?: false; via?: 'cli' | 'http' }): Promise<string[]>;
	nodeTypes(opts: { descriptions: true; via?: 'cli' | 'http' }): Promise<NodeTypeDescription[]>;
	cleanup(opts?: { keep?: boolean }): Promise<void>;
}

export function createN8n(opts: CreateN8nOptions): Promise<N8nInstance>;
export function extractJson(text: string, accept?: (value: unknown) => boolean): unknown;
export function nodeOutput(
	run: N8nRun,
	nodeName: string,
	opts?: { output?: number; runIndex?: number },
): Array<Record<string, unknown>>;
export function lastNodeOutput(run: N8nRun): Array<Record<string, unknown>>;
export function freePort(): Promise<number>;
