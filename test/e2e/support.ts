/**
 * Shared set-up for the end-to-end suites: the package packed exactly as `npm pack` ships it, a real n8n
 * (pinned version, cached install) with that package installed as a community package, and the sandbox
 * platform running in this process with credentials pointing at it.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createN8n, freePort, type N8nInstance } from '../../scripts/n8n/harness';
import { startSandbox, SANDBOX_WECHAT_ACCOUNTS, type Sandbox, type SandboxOptions } from '../../sandbox';

export const ROOT = path.resolve(__dirname, '..', '..');
export const PACKAGE_NAME = 'n8n-nodes-mediaops';
const WORK = path.join(ROOT, '.e2e-work');

/**
 * Packs the built package (the e2e script builds first) into .e2e-work/<suite>/pack and returns the tarball
 * path. One folder per suite, so suites run side by side never overwrite each other's tarball.
 */
export function packPackage(suite = 'default'): string {
	const dest = path.join(WORK, suite, 'pack');
	fs.rmSync(dest, { recursive: true, force: true });
	fs.mkdirSync(dest, { recursive: true });
	// --ignore-scripts: `npm run test:e2e` has just built; prepack would clean and build again.
	const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dest], { cwd: ROOT, encoding: 'utf8' });
	const [info] = JSON.parse(out) as Array<{ filename: string }>;
	return path.join(dest, info.filename);
}

export interface E2eEnv {
	n8n: N8nInstance;
	sandbox: Sandbox;
	tarball: string;
	close(): Promise<void>;
}

/** The credential ids the shipped workflows reference by name and id. */
export const WECHAT_CREDENTIAL = { id: 'mediaopsWechatOa01', name: 'WeChat OA (sandbox)' };

export function wechatCredentials(sandbox: Sandbox) {
	const account = SANDBOX_WECHAT_ACCOUNTS[0];
	return [
		{
			...WECHAT_CREDENTIAL,
			type: 'weChatOfficialAccountApi',
			data: { appId: account.appId, appSecret: account.appSecret, accountName: account.name, baseUrl: sandbox.url },
		},
	];
}

/** Sandbox plus a fresh n8n with the packed package and sandbox WeChat credentials; `n8nEnv` adds to n8n's environment. */
export async function setUpE2e(name: string, sandboxOptions: SandboxOptions = {}, n8nEnv: Record<string, string> = {}): Promise<E2eEnv> {
	const tarball = packPackage(name);
	const sandbox = await startSandbox({ port: 0, ...sandboxOptions });
	const workDir = path.join(WORK, name, 'n8n');
	fs.rmSync(workDir, { recursive: true, force: true });
	const n8n = await createN8n({ workDir, port: await freePort(), env: { GENERIC_TIMEZONE: 'Asia/Shanghai', ...n8nEnv } });
	await n8n.installPackage(tarball);
	await n8n.importCredentials(wechatCredentials(sandbox));
	return {
		n8n,
		sandbox,
		tarball,
		async close() {
			await n8n.stop().catch(() => undefined);
			await sandbox.close();
		},
	};
}

export function readWorkflow(file: string): Record<string, unknown> {
	return JSON.parse(fs.readFileSync(path.join(ROOT, 'workflows', file), 'utf8')) as Record<string, unknown>;
}
