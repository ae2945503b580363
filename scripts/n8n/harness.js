'use strict';
/**
 * Drive a real n8n (the pinned version from ./paths.js) headlessly: install a community package,
 * import credentials and workflows, execute workflows from the CLI, publish them, start the server
 * and talk to it over HTTP. Plain CommonJS so jest (TS), scripts/demo.js and CI can all use it.
 *
 *   const { createN8n } = require('./scripts/n8n/harness');
 *   const n8n = await createN8n({ workDir, port: 5690 });
 *   await n8n.installPackage(process.cwd());
 *   await n8n.importWorkflow(require('./workflows/x.json'));
 *   const run = await n8n.execute('x');            // the full IRun n8n prints (data.resultData.runData)
 *   await n8n.publish('webhookWf');
 *   const server = await n8n.start();              // { url, pid, logFile, stop() }
 *   const { cookie } = await n8n.setupOwner();     // owner account + auth cookie for browser tests
 *   const live = await n8n.runWorkflow('x');       // run inside the server (Data Tables need this)
 *   const rows = await n8n.dataTableRows('my_table');
 *   await n8n.deleteDataTable('my_table');
 *   await server.stop();
 *
 * Every command's stdout/stderr is appended to `<workDir>/n8n-commands.log`, the server's to
 * `<workDir>/n8n-server.log`, and every step's duration to `<workDir>/timings.jsonl` and `n8n.timings`.
 */
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { ensureN8n } = require('./install');

const DEFAULT_TIMEZONE = 'Asia/Shanghai';
const TAIL_CHARS = 6000;
/** n8n prints this once the HTTP server is up *and* the published workflows are activated. */
const READY_MARKER = 'Editor is now accessible via';

/** Every n8n server we started, so a crashing test process does not leave orphans behind. */
const liveGroups = new Set();
let exitHookInstalled = false;
function installExitHook() {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.on('exit', () => {
		for (const pid of liveGroups) {
			try {
				process.kill(-pid, 'SIGKILL');
			} catch {
				/* already gone */
			}
		}
	});
}

/**
 * A tiny detached process that SIGKILLs the server's process group once this (parent) process is
 * gone. `process.on('exit')` is not enough: inside jest, `process` is a sandbox copy whose 'exit'
 * never fires, and `--forceExit` or a crash would leave n8n holding its ports.
 */
function spawnWatchdog(groupId) {
	const code = `const parent = ${process.pid}, group = ${groupId};
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
setInterval(() => {
	if (!alive(-group)) process.exit(0);
	if (!alive(parent)) { try { process.kill(-group, 'SIGKILL'); } catch {} process.exit(0); }
}, 1000);`;
	try {
		const dog = spawn(process.execPath, ['-e', code], { detached: true, stdio: 'ignore' });
		dog.unref();
	} catch {
		/* best effort */
	}
}

function tail(text, n = TAIL_CHARS) {
	return text.length > n ? `…${text.slice(-n)}` : text;
}

function sleep(ms) {
	return new Promise((r) => setTimeout(r, ms));
}

/** A TCP port nobody listens on right now (for the task broker of each n8n process). */
function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

function portInUse(port, host = '127.0.0.1') {
	return new Promise((resolve) => {
		const sock = net.connect({ port, host });
		sock.once('connect', () => {
			sock.destroy();
			resolve(true);
		});
		sock.once('error', () => resolve(false));
	});
}

/**
 * Finds the JSON document n8n printed among its log lines (`execute --rawOutput` still prints
 * "n8n Task Broker ready…", the Python-runner warning etc. before it). Scans every line that starts
 * with `{` or `[`, matches brackets (string-aware) and returns the first candidate that parses and
 * satisfies `accept`.
 */
function extractJson(text, accept = () => true) {
	const starts = [];
	const re = /^[{[]/gm;
	let m;
	while ((m = re.exec(text))) starts.push(m.index);
	for (const start of starts) {
		const end = matchBracket(text, start);
		if (end < 0) continue;
		try {
			const value = JSON.parse(text.slice(start, end + 1));
			if (accept(value)) return value;
		} catch {
			/* not JSON; try the next candidate */
		}
	}
	return undefined;
}

function matchBracket(text, start) {
	let depth = 0;
	let inString = false;
	for (let i = start; i < text.length; i++) {
		const c = text[i];
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
			continue;
		}
		if (c === '"') inString = true;
		else if (c === '{' || c === '[') depth++;
		else if (c === '}' || c === ']') {
			depth--;
			if (depth === 0) return i;
		}
	}
	return -1;
}

const isRun = (v) => v && typeof v === 'object' && v.data && v.data.resultData;

/** The items (json only) a node emitted on one output in its last (or given) run. */
function nodeOutput(run, nodeName, { output = 0, runIndex = -1 } = {}) {
	const runs = run?.data?.resultData?.runData?.[nodeName];
	if (!runs || runs.length === 0) {
		const known = Object.keys(run?.data?.resultData?.runData ?? {});
		throw new Error(`node "${nodeName}" did not run (ran: ${known.join(', ') || 'nothing'})`);
	}
	const task = runs.at(runIndex);
	return (task?.data?.main?.[output] ?? []).map((item) => item.json);
}

/** The items of the node that ran last (n8n's `lastNodeExecuted`). */
function lastNodeOutput(run) {
	const name = run?.data?.resultData?.lastNodeExecuted;
	return name ? nodeOutput(run, name) : [];
}

function describeRunError(run) {
	const err = run?.data?.resultData?.error;
	if (!err) return undefined;
	const node = err.node?.name ?? run.data.resultData.lastNodeExecuted;
	const parts = [node ? `${node}: ${err.message}` : err.message];
	if (err.description) parts.push(String(err.description));
	return parts.join(' — ');
}

function readJsonFile(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Name of the package in a directory or an npm tarball. */
function packageNameOf(source) {
	if (fs.statSync(source).isDirectory()) return readJsonFile(path.join(source, 'package.json')).name;
	const { execFileSync } = require('node:child_process');
	const pkg = execFileSync('tar', ['-xOzf', source, 'package/package.json'], { encoding: 'utf8' });
	return JSON.parse(pkg).name;
}

/**
 * n8n refuses to run with a key that differs from the one in `.n8n/config`, so reuse that one when
 * the folder already exists; otherwise derive a stable key from the folder's path.
 */
function encryptionKeyFor(userFolder) {
	try {
		const cfg = readJsonFile(path.join(userFolder, '.n8n', 'config'));
		if (cfg.encryptionKey) return cfg.encryptionKey;
	} catch {
		/* fresh folder */
	}
	return crypto.createHash('sha256').update(`mediaops-e2e:${path.resolve(userFolder)}`).digest('hex').slice(0, 32);
}

/**
 * @param {object} opts
 * @param {string} opts.workDir  this instance's folder; used as N8N_USER_FOLDER (n8n keeps `.n8n/` in it)
 * @param {number} [opts.port=5678]  HTTP port of `n8n start`
 * @param {Record<string,string>} [opts.env]  extra/overriding environment for every n8n process
 * @param {(line: string) => void} [opts.log]  progress lines (default: harness.log, plus stderr if MEDIAOPS_N8N_VERBOSE=1)
 */
async function createN8n({ workDir, port = 5678, env = {}, log } = {}) {
	if (!workDir) throw new Error('createN8n: workDir is required');
	workDir = path.resolve(workDir);
	fs.mkdirSync(workDir, { recursive: true });
	installExitHook();

	const timings = [];
	const harnessLog = path.join(workDir, 'harness.log');
	const commandsLog = path.join(workDir, 'n8n-commands.log');
	const serverLog = path.join(workDir, 'n8n-server.log');
	const timingsFile = path.join(workDir, 'timings.jsonl');
	const verbose = process.env.MEDIAOPS_N8N_VERBOSE === '1';
	const say = (line) => {
		fs.appendFileSync(harnessLog, `${new Date().toISOString()} ${line}\n`);
		if (log) log(line);
		else if (verbose) process.stderr.write(`[n8n-harness] ${line}\n`);
	};
	const record = (step, ms, extra = {}) => {
		const entry = { step, ms: Math.round(ms), ...extra };
		timings.push(entry);
		fs.appendFileSync(timingsFile, `${JSON.stringify({ at: new Date().toISOString(), ...entry })}\n`);
		say(`${step}: ${(ms / 1000).toFixed(2)} s`);
		return entry;
	};
	const timed = async (step, fn, extra) => {
		const t0 = performance.now();
		const result = await fn();
		record(step, performance.now() - t0, extra);
		return result;
	};

	const installStarted = performance.now();
	const paths = await ensureN8n({ quiet: !verbose && !log });
	record('ensureN8n', performance.now() - installStarted, { version: paths.version });

	const userFolder = workDir;
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const baseUrl = `http://127.0.0.1:${port}`;

	const baseEnv = {
		...process.env,
		// jest sets NODE_ENV=test, and n8n then refuses to load nodes ("Not available in tests").
		NODE_ENV: 'production',
		N8N_USER_FOLDER: userFolder,
		DB_TYPE: 'sqlite',
		N8N_ENCRYPTION_KEY: env.N8N_ENCRYPTION_KEY || encryptionKeyFor(userFolder),
		GENERIC_TIMEZONE: env.GENERIC_TIMEZONE || process.env.GENERIC_TIMEZONE || DEFAULT_TIMEZONE,
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		WEBHOOK_URL: `${baseUrl}/`,
		N8N_EDITOR_BASE_URL: `${baseUrl}/`,
		// quiet and offline: no telemetry, no version/template/banner/vetted-package fetches
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		// community packages: load what is in .n8n/nodes, never try to reinstall from npm
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		// plain http on 127.0.0.1: the auth cookie must not be Secure-only for browser tests
		N8N_SECURE_COOKIE: 'false',
		// n8n 2.x default, stated explicitly: workflows must not rely on $env
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'true',
		// task runners are always on in 2.x (internal mode = a child process per n8n process)
		N8N_RUNNERS_MODE: 'internal',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
		N8N_LOG_LEVEL: 'info',
		NO_PROXY: [process.env.NO_PROXY, '127.0.0.1,localhost'].filter(Boolean).join(','),
		...env,
	};
	delete baseEnv.E2E_TESTS;

	let seq = 0;
	/**
	 * Runs `n8n <args…>`; resolves { code, stdout, stderr, output, ms }. Each process gets its own
	 * free task-broker port (the default 5679 clashes with any other n8n on the machine, and with
	 * our own server when `execute` runs while it is up) unless env.N8N_RUNNERS_BROKER_PORT is set.
	 */
	async function run(args, { timeoutMs = 180_000, allowFailure = false, label } = {}) {
		const id = ++seq;
		const step = label || `n8n ${args[0]}`;
		const childEnv = { ...baseEnv };
		if (!env.N8N_RUNNERS_BROKER_PORT) childEnv.N8N_RUNNERS_BROKER_PORT = String(await freePort());
		fs.appendFileSync(commandsLog, `\n===== #${id} ${new Date().toISOString()} n8n ${args.join(' ')}\n`);
		const t0 = performance.now();
		const child = spawn(process.execPath, [paths.bin, ...args], {
			cwd: workDir,
			env: childEnv,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true, // own process group: a timeout kills the task runner child too
		});
		let stdout = '';
		let stderr = '';
		let output = '';
		child.stdout.on('data', (d) => {
			const s = d.toString();
			stdout += s;
			output += s;
			fs.appendFileSync(commandsLog, s);
		});
		child.stderr.on('data', (d) => {
			const s = d.toString();
			stderr += s;
			output += s;
			fs.appendFileSync(commandsLog, s);
		});
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				/* gone */
			}
		}, timeoutMs);
		const code = await new Promise((resolve, reject) => {
			child.on('error', reject);
			child.on('close', (c, signal) => resolve(c ?? (signal ? 128 : 1)));
		});
		clearTimeout(timer);
		const ms = performance.now() - t0;
		fs.appendFileSync(commandsLog, `===== #${id} exit ${code} after ${Math.round(ms)} ms\n`);
		record(step, ms, { exit: code });
		const result = { code, stdout, stderr, output, ms };
		if (timedOut) {
			throw Object.assign(new Error(`${step} timed out after ${timeoutMs} ms (log: ${commandsLog}):\n${tail(output)}`), result);
		}
		if (code !== 0 && !allowFailure) {
			throw Object.assign(new Error(`${step} failed (exit ${code}; log: ${commandsLog}):\n${tail(output)}`), result);
		}
		return result;
	}

	async function runNpm(args, cwd, step) {
		fs.appendFileSync(commandsLog, `\n===== ${new Date().toISOString()} (cwd ${cwd}) npm ${args.join(' ')}\n`);
		const t0 = performance.now();
		const child = spawn('npm', args, {
			cwd,
			env: { ...process.env, NODE_ENV: 'production', npm_config_yes: 'true', npm_config_fund: 'false', npm_config_audit: 'false' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		const onData = (d) => {
			output += d.toString();
			fs.appendFileSync(commandsLog, d.toString());
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		const code = await new Promise((resolve, reject) => {
			child.on('error', reject);
			child.on('close', (c) => resolve(c ?? 1));
		});
		record(step, performance.now() - t0, { exit: code });
		if (code !== 0) throw new Error(`${step} failed (exit ${code}; log: ${commandsLog}):\n${tail(output)}`);
		return output;
	}

	/** Writes `data` (object/array) to a JSON file in workDir, or returns the path it was given. */
	function asInputFile(data, kind) {
		if (typeof data === 'string') return path.resolve(data);
		const file = path.join(workDir, 'inputs', `${kind}-${Date.now()}-${++seq}.json`);
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, JSON.stringify(data, null, 2));
		return file;
	}

	/**
	 * Installs a package folder or .tgz the way n8n installs community packages: into
	 * `.n8n/nodes` with npm. Node types are then `<package-name>.<nodeName>`. n8n only picks up
	 * folders named `n8n-nodes-*` or `@scope/n8n-nodes-*`. Takes effect for every later command.
	 */
	async function installPackage(source) {
		source = path.resolve(source);
		const name = packageNameOf(source);
		if (!/^(@[^/]+\/)?n8n-nodes-/.test(name)) {
			throw new Error(`n8n only loads community packages named n8n-nodes-* or @scope/n8n-nodes-*; got "${name}"`);
		}
		fs.mkdirSync(nodesDir, { recursive: true });
		const pkgJson = path.join(nodesDir, 'package.json');
		if (!fs.existsSync(pkgJson)) {
			fs.writeFileSync(pkgJson, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
		}
		// --install-links: copy the folder (like a published tarball) instead of symlinking it;
		// --legacy-peer-deps: otherwise npm resolves the n8n-workflow "*" peer to a Node-24-only build.
		await runNpm(
			['install', '--install-links', '--legacy-peer-deps', '--no-audit', '--no-fund', '--loglevel=error', source],
			nodesDir,
			`npm install ${name}`,
		);
		const dir = path.join(nodesDir, 'node_modules', name);
		const version = readJsonFile(path.join(dir, 'package.json')).version;
		return { name, version, dir };
	}

	/** `n8n import:credentials`. Items: { id, name, type, data: {…plain…} } — n8n encrypts `data`. */
	async function importCredentials(fileOrArray, { projectId, userId } = {}) {
		const input = asInputFile(Array.isArray(fileOrArray) || typeof fileOrArray === 'string' ? fileOrArray : [fileOrArray], 'credentials');
		const args = ['import:credentials', `--input=${input}`];
		if (projectId) args.push(`--projectId=${projectId}`);
		if (userId) args.push(`--userId=${userId}`);
		await run(args, { label: 'n8n import:credentials' });
	}

	/** `n8n import:workflow`. The workflow JSON needs a fixed `id`. Returns the imported ids. */
	async function importWorkflow(fileOrObject, { projectId, userId } = {}) {
		const data = typeof fileOrObject === 'string' ? readJsonFile(fileOrObject) : fileOrObject;
		const list = Array.isArray(data) ? data : [data];
		for (const wf of list) {
			if (!wf.id) throw new Error(`workflow "${wf.name}" has no fixed "id"; n8n would generate one we cannot execute by`);
		}
		const input = asInputFile(typeof fileOrObject === 'string' ? fileOrObject : list, 'workflow');
		const args = ['import:workflow', `--input=${input}`];
		if (projectId) args.push(`--projectId=${projectId}`);
		if (userId) args.push(`--userId=${userId}`);
		await run(args, { label: 'n8n import:workflow' });
		return list.map((wf) => wf.id);
	}

	/**
	 * `n8n execute --id=<id> --rawOutput` → the IRun n8n prints ({ data: { resultData: { runData,
	 * lastNodeExecuted, error? } }, status, startedAt, stoppedAt, … }). On failure throws an Error
	 * whose message holds n8n's error (node: message — description) and the log tail; the Error
	 * also carries `run` (the failed IRun, when printed), `code` and `output`.
	 */
	async function execute(workflowId, { timeoutMs = 180_000 } = {}) {
		const res = await run(['execute', `--id=${workflowId}`, '--rawOutput'], {
			timeoutMs,
			allowFailure: true,
			label: 'n8n execute',
		});
		const printed = extractJson(res.stdout, isRun);
		if (res.code === 0 && printed && !printed.data.resultData.error) return printed;
		const why =
			describeRunError(printed) ||
			(res.output.match(/does not exist/) ? `workflow "${workflowId}" does not exist` : undefined) ||
			(res.code === 0 ? 'n8n printed no run data' : 'see log');
		const err = new Error(`n8n execute --id=${workflowId} failed (exit ${res.code}): ${why}\n--- n8n output (${commandsLog}) ---\n${tail(res.output)}`);
		Object.assign(err, { run: printed, code: res.code, output: res.output });
		throw err;
	}

	/** `n8n publish:workflow --id` (2.x name; 1.x had update:workflow --active=true). Only while stopped. */
	async function publish(workflowId) {
		await run(['publish:workflow', `--id=${workflowId}`], { label: 'n8n publish:workflow' });
	}

	async function unpublish(workflowId) {
		await run(['unpublish:workflow', `--id=${workflowId}`], { label: 'n8n unpublish:workflow' });
	}

	let server = null;
	let starting = null;
	let authCookie = null;

	/**
	 * `n8n start` on 127.0.0.1:<port>. Resolves once /healthz answers and n8n logged that the
	 * editor is accessible (i.e. published workflows, and so production webhooks, are active).
	 */
	async function start({ timeoutMs = 120_000 } = {}) {
		if (server) return server;
		if (await portInUse(port)) throw new Error(`port ${port} is already in use; pick another for createN8n({ port })`);
		const childEnv = { ...baseEnv };
		if (!env.N8N_RUNNERS_BROKER_PORT) childEnv.N8N_RUNNERS_BROKER_PORT = String(await freePort());
		fs.appendFileSync(serverLog, `\n===== ${new Date().toISOString()} n8n start (port ${port}, broker ${childEnv.N8N_RUNNERS_BROKER_PORT})\n`);
		const out = fs.openSync(serverLog, 'a');
		const t0 = performance.now();
		const child = spawn(process.execPath, [paths.bin, 'start'], {
			cwd: workDir,
			env: childEnv,
			stdio: ['ignore', out, out],
			detached: true,
		});
		fs.closeSync(out);
		liveGroups.add(child.pid);
		spawnWatchdog(child.pid);
		let exited = null;
		const exitPromise = new Promise((resolve) => {
			child.on('exit', (code, signal) => {
				exited = { code, signal };
				liveGroups.delete(child.pid);
				resolve(exited);
			});
		});
		const logText = () => {
			try {
				return fs.readFileSync(serverLog, 'utf8');
			} catch {
				return '';
			}
		};
		const logStart = logText().length;
		const stop = async ({ timeoutMs: stopTimeout = 20_000 } = {}) => {
			if (!exited) {
				const s0 = performance.now();
				try {
					process.kill(-child.pid, 'SIGTERM');
				} catch {
					/* gone */
				}
				const killer = setTimeout(() => {
					try {
						process.kill(-child.pid, 'SIGKILL');
					} catch {
						/* gone */
					}
				}, stopTimeout);
				await exitPromise;
				clearTimeout(killer);
				// the task runner is in the same group; make sure nothing of it lingers
				try {
					process.kill(-child.pid, 'SIGKILL');
				} catch {
					/* all gone, as expected */
				}
				record('n8n stop', performance.now() - s0);
			}
			if (server === handle) server = null;
			if (starting === handle) starting = null;
			authCookie = null;
		};
		const handle = { url: baseUrl, port, pid: child.pid, logFile: serverLog, stop };
		starting = handle; // so stop()/cleanup() during a slow start still kill it

		const deadline = Date.now() + timeoutMs;
		let healthyAt = null;
		while (Date.now() < deadline) {
			if (exited || starting !== handle) {
				if (!exited) throw new Error('n8n start was cancelled by stop()');
				starting = null;
				throw new Error(`n8n start exited early (${JSON.stringify(exited)}; log: ${serverLog}):\n${tail(logText().slice(logStart))}`);
			}
			if (!healthyAt) {
				try {
					const r = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
					if (r.ok) {
						healthyAt = performance.now();
						record('n8n start: /healthz', healthyAt - t0);
					}
				} catch {
					/* not listening yet */
				}
			}
			if (healthyAt && logText().slice(logStart).includes(READY_MARKER)) {
				record('n8n start: ready', performance.now() - t0);
				server = handle;
				starting = null;
				return handle;
			}
			// healthz has answered for 30 s but the marker never came (a future n8n wording?): go on
			if (healthyAt && performance.now() - healthyAt > 30_000) {
				say(`warning: "${READY_MARKER}" not seen in ${serverLog}; continuing after /healthz`);
				server = handle;
				starting = null;
				return handle;
			}
			await sleep(200);
		}
		await stop();
		throw new Error(`n8n start did not become ready within ${timeoutMs} ms (log: ${serverLog}):\n${tail(logText().slice(logStart))}`);
	}

	async function stop() {
		if (starting) await starting.stop();
		if (server) await server.stop();
	}

	function requireServer(what) {
		if (!server) throw new Error(`${what} needs a running n8n: call start() first`);
	}

	function cookieFrom(res) {
		const all = typeof res.headers.getSetCookie === 'function' ? res.headers.getSetCookie() : [res.headers.get('set-cookie')];
		const auth = all.filter(Boolean).find((c) => c.startsWith('n8n-auth='));
		return auth ? auth.split(';')[0] : null;
	}

	/**
	 * Creates the instance owner (POST /rest/owner/setup) or, if there already is one, logs in
	 * (POST /rest/login). Returns the auth cookie as a header value (`cookie`), as a browser cookie
	 * object (`browserCookie`, for Playwright's context.addCookies) and the user.
	 */
	async function setupOwner({
		email = 'owner@mediaops.test',
		password = 'MediaOps-e2e-2026',
		firstName = 'MediaOps',
		lastName = 'Owner',
	} = {}) {
		requireServer('setupOwner()');
		return timed('owner setup/login', async () => {
			const json = { 'content-type': 'application/json' };
			let res = await fetch(`${baseUrl}/rest/owner/setup`, {
				method: 'POST',
				headers: json,
				body: JSON.stringify({ email, password, firstName, lastName }),
			});
			let body = await res.json().catch(() => ({}));
			if (res.status === 400 && /already setup/i.test(body.message || '')) {
				res = await fetch(`${baseUrl}/rest/login`, {
					method: 'POST',
					headers: json,
					body: JSON.stringify({ emailOrLdapLoginId: email, password }),
				});
				body = await res.json().catch(() => ({}));
			}
			const cookie = cookieFrom(res);
			if (!res.ok || !cookie) {
				throw new Error(`owner setup/login failed: HTTP ${res.status} ${JSON.stringify(body).slice(0, 500)}`);
			}
			authCookie = cookie;
			const value = cookie.slice('n8n-auth='.length);
			return {
				cookie,
				headers: { cookie },
				browserCookie: { name: 'n8n-auth', value, domain: '127.0.0.1', path: '/', httpOnly: true, secure: false, sameSite: 'Lax' },
				user: body.data,
				email,
				password,
			};
		});
	}

	/** fetch() against the running n8n with the owner's cookie (after setupOwner()). */
	async function request(pathname, init = {}) {
		requireServer('request()');
		const headers = { ...(init.headers || {}) };
		if (authCookie && !headers.cookie) headers.cookie = authCookie;
		return fetch(`${baseUrl}${pathname}`, { ...init, headers });
	}

	/** The `flatted` module of the n8n install (executions are stored flatted-serialised). */
	let flattedModule = null;
	function flatted() {
		if (!flattedModule) {
			const n8nDir = path.dirname(path.dirname(paths.bin));
			flattedModule = require(require.resolve('flatted', { paths: [n8nDir] }));
		}
		return flattedModule;
	}

	/** Logs in as owner once per server (setupOwner() is idempotent: setup, else login). */
	async function ensureSession(what) {
		requireServer(what);
		if (!authCookie) await setupOwner();
	}

	/**
	 * JSON call against the editor's REST API (`/rest/…`) with the owner's session; resolves the
	 * `data` envelope n8n wraps responses in. `allow404` resolves undefined on HTTP 404.
	 */
	async function api(method, pathname, body, { allow404 = false } = {}) {
		const init = () => {
			const i = { method, headers: {} };
			if (body !== undefined) {
				i.headers['content-type'] = 'application/json';
				i.body = JSON.stringify(body);
			}
			return i;
		};
		let res = await request(pathname, init());
		if (res.status === 401 && authCookie) {
			// Seen once in CI: a fresh owner session answered 401. Log in again and retry once before failing.
			say(`${method} ${pathname}: HTTP 401, logging in again`);
			authCookie = null;
			await setupOwner();
			res = await request(pathname, init());
		}
		const text = await res.text();
		if (allow404 && res.status === 404) return undefined;
		let json;
		try {
			json = text ? JSON.parse(text) : {};
		} catch {
			json = undefined;
		}
		if (!res.ok) {
			const msg = json?.message || text.slice(0, 500);
			throw Object.assign(new Error(`${method} ${pathname}: HTTP ${res.status} ${msg}`), { status: res.status, body: json ?? text });
		}
		return json && typeof json === 'object' && 'data' in json ? json.data : json;
	}

	const FINISHED_STATUSES = new Set(['success', 'error', 'crashed', 'canceled', 'waiting']);

	/**
	 * Runs a workflow inside the started server, as the editor's "Execute workflow" button does
	 * (`POST /rest/workflows/:id/run`), so n8n's modules (Data Tables…) and the community packages
	 * in .n8n/nodes are available — `execute()` (CLI) has no modules. Polls
	 * `GET /rest/executions/:id` until the run finished and returns the IRun (flatted data decoded),
	 * the same shape `execute()` returns. Throws on a failed run like `execute()` does.
	 */
	async function runWorkflow(workflowId, { startNode, timeoutMs = 180_000, pollMs = 200 } = {}) {
		await ensureSession('runWorkflow()');
		const t0 = performance.now();
		const wf = await api('GET', `/rest/workflows/${encodeURIComponent(workflowId)}`);
		const nodes = wf.nodes || [];
		let trigger = startNode;
		if (!trigger) {
			const manual = nodes.filter((n) => n.type === 'n8n-nodes-base.manualTrigger' && !n.disabled);
			if (manual.length === 0) {
				throw new Error(`runWorkflow(${workflowId}): workflow "${wf.name}" has no Manual Trigger; pass { startNode }`);
			}
			trigger = manual[0].name;
		} else if (!nodes.some((n) => n.name === trigger)) {
			throw new Error(`runWorkflow(${workflowId}): no node "${trigger}" in workflow "${wf.name}" (nodes: ${nodes.map((n) => n.name).join(', ')})`);
		}
		const { scopes, checksum, ...workflowData } = wf;
		// keep the execution in the database even if the workflow's settings say otherwise: we read it back
		workflowData.settings = { ...(workflowData.settings || {}), saveManualExecutions: true };
		const started = await api('POST', `/rest/workflows/${encodeURIComponent(workflowId)}/run`, {
			workflowData,
			triggerToStartFrom: { name: trigger },
		});
		if (started?.waitingForWebhook) {
			throw new Error(`runWorkflow(${workflowId}): "${trigger}" waits for a test webhook call; start from a trigger without one (e.g. a Manual Trigger)`);
		}
		const executionId = started?.executionId;
		if (!executionId) throw new Error(`runWorkflow(${workflowId}): n8n returned no executionId: ${JSON.stringify(started).slice(0, 300)}`);

		const deadline = Date.now() + timeoutMs;
		let execution;
		for (;;) {
			execution = await api('GET', `/rest/executions/${executionId}`, undefined, { allow404: true });
			if (execution && FINISHED_STATUSES.has(execution.status)) break;
			if (Date.now() > deadline) {
				await api('POST', `/rest/executions/${executionId}/stop`, {}).catch(() => undefined);
				throw Object.assign(
					new Error(`runWorkflow(${workflowId}): execution ${executionId} not finished after ${timeoutMs} ms (status ${execution?.status ?? 'unknown'}; log: ${serverLog})`),
					{ executionId },
				);
			}
			await sleep(pollMs);
		}
		const data = typeof execution.data === 'string' ? flatted().parse(execution.data) : execution.data;
		const runResult = {
			data,
			mode: execution.mode,
			status: execution.status,
			finished: execution.finished,
			startedAt: execution.startedAt,
			stoppedAt: execution.stoppedAt,
			executionId: String(execution.id),
			workflowId: execution.workflowId,
		};
		record('runWorkflow', performance.now() - t0, { workflowId, executionId: String(execution.id), status: execution.status });
		if (execution.status === 'success' || execution.status === 'waiting') {
			if (!data?.resultData?.error) return runResult;
		}
		const why = describeRunError(runResult) || `status ${execution.status}`;
		const err = new Error(`n8n runWorkflow ${workflowId} failed (execution ${execution.id}, status ${execution.status}): ${why}\n(server log: ${serverLog})`);
		Object.assign(err, { run: runResult, executionId: String(execution.id), status: execution.status });
		throw err;
	}

	/** Data tables named exactly `tableName` the owner can see (n8n's name filter is a LIKE). */
	async function findDataTables(tableName) {
		const personal = await api('GET', '/rest/projects/personal');
		const found = [];
		const take = 250;
		for (let skip = 0; ; skip += take) {
			const q = new URLSearchParams({ filter: JSON.stringify({ name: tableName }), skip: String(skip), take: String(take) });
			const page = await api('GET', `/rest/projects/${personal.id}/data-tables?${q}`);
			const list = page?.data ?? [];
			found.push(...list.filter((t) => t.name === tableName));
			if (list.length < take || skip + list.length >= (page?.count ?? 0)) break;
		}
		return found;
	}

	/**
	 * Every row of the data table `tableName` in the owner's personal project (where workflows
	 * imported without a project create theirs), in insertion order: `{ id, createdAt, updatedAt,
	 * …columns }`. Throws if there is no such table.
	 */
	async function dataTableRows(tableName, { pageSize = 250 } = {}) {
		await ensureSession('dataTableRows()');
		return timed('dataTableRows', async () => {
			const [table] = await findDataTables(tableName);
			if (!table) throw new Error(`dataTableRows: no data table named "${tableName}" in the personal project`);
			const rows = [];
			for (let skip = 0; ; skip += pageSize) {
				const q = new URLSearchParams({ skip: String(skip), take: String(pageSize), sortBy: 'id:asc' });
				const page = await api('GET', `/rest/projects/${table.projectId}/data-tables/${table.id}/rows?${q}`);
				const list = page?.data ?? [];
				rows.push(...list);
				if (list.length < pageSize || rows.length >= (page?.count ?? 0)) break;
			}
			return rows;
		});
	}

	/** Deletes the data table `tableName` (every one of that exact name); no error if missing. Resolves how many were deleted. */
	async function deleteDataTable(tableName) {
		await ensureSession('deleteDataTable()');
		return timed('deleteDataTable', async () => {
			const tables = await findDataTables(tableName);
			for (const t of tables) {
				await api('DELETE', `/rest/projects/${t.projectId}/data-tables/${t.id}`, undefined, { allow404: true });
			}
			return tables.length;
		});
	}

	/**
	 * Node types n8n loaded: built-in, community (`<package>.<node>`) and the generated
	 * `<node>Tool` variants of `usableAsTool` nodes. With the server up and an owner logged in it
	 * reads GET /types/nodes.json (what the editor uses); otherwise it runs `n8n export:nodes`,
	 * which loads nodes exactly like `start`/`execute` do (community packages included) and needs
	 * no server or account. `{ descriptions: true }` returns the full descriptions instead of names.
	 */
	async function nodeTypes({ descriptions = false, via } = {}) {
		let list;
		const useHttp = via ? via === 'http' : Boolean(server && authCookie);
		if (useHttp) {
			if (!authCookie) throw new Error('nodeTypes({ via: "http" }) needs setupOwner() first');
			list = await timed('nodeTypes via /types/nodes.json', async () => {
				const res = await request('/types/nodes.json');
				if (!res.ok) throw new Error(`GET /types/nodes.json: HTTP ${res.status}`);
				return res.json();
			});
		} else {
			const file = path.join(workDir, 'node-types.json');
			for (let attempt = 1; ; attempt++) {
				fs.rmSync(file, { force: true });
				const res = await run(['export:nodes', `--output=${file}`], { label: 'n8n export:nodes' });
				const expected = Number((res.output.match(/Found (\d+) node types/) || [])[1] || 0);
				list = parseNodeLines(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
				// export:nodes does not wait for its write stream before exiting; re-run if truncated
				if (list.length >= expected || attempt >= 3) break;
				say(`export:nodes wrote ${list.length}/${expected} node types; retrying`);
			}
		}
		if (descriptions) return list;
		return [...new Set(list.map((n) => n.name))];
	}

	/** export:nodes writes one JSON object per line between `[` and `]`; keep every complete line. */
	function parseNodeLines(text) {
		const out = [];
		for (const raw of text.split('\n')) {
			const line = raw.trim().replace(/,$/, '');
			if (!line.startsWith('{')) continue;
			try {
				out.push(JSON.parse(line));
			} catch {
				/* truncated last line */
			}
		}
		return out;
	}

	/** Stops the server (if any) and deletes workDir. */
	async function cleanup({ keep = false } = {}) {
		await stop();
		if (!keep) fs.rmSync(workDir, { recursive: true, force: true });
	}

	return {
		version: paths.version,
		bin: paths.bin,
		workDir,
		userFolder,
		nodesDir,
		port,
		url: baseUrl,
		env: baseEnv,
		logs: { harness: harnessLog, commands: commandsLog, server: serverLog, timings: timingsFile },
		timings,
		get server() {
			return server;
		},
		run,
		installPackage,
		importCredentials,
		importWorkflow,
		execute,
		publish,
		unpublish,
		start,
		stop,
		setupOwner,
		request,
		runWorkflow,
		dataTableRows,
		deleteDataTable,
		nodeTypes,
		cleanup,
	};
}

module.exports = { createN8n, extractJson, nodeOutput, lastNodeOutput, freePort };
