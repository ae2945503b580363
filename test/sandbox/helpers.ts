/** Shared set-up for the sandbox tests: a sandbox on a random port with a controllable clock. */
import { SANDBOX_WECHAT_ACCOUNTS, Sandbox, SandboxOptions, startSandbox } from '../../sandbox';

export const BRAND = SANDBOX_WECHAT_ACCOUNTS[0];
export const TECH = SANDBOX_WECHAT_ACCOUNTS[1];

/** 2025-06-15 10:00 in Shanghai, so "yesterday" is 2025-06-14 whatever day the tests run. */
export const FIXED_NOW = Date.parse('2025-06-15T10:00:00+08:00');
export const YESTERDAY = '2025-06-14';

/** Test-side view of a JSON response: loosely typed on purpose, each test asserts the fields it needs. */
export type Json = Record<string, any>;

export interface TestSandbox {
	sandbox: Sandbox;
	clock: { ms: number };
	get(path: string): Promise<Json>;
	post(path: string, body: unknown): Promise<Json>;
	token(account?: { appId: string; appSecret: string }): Promise<string>;
	/** POST with ?access_token= for a business endpoint. */
	call(path: string, token: string, body: unknown): Promise<Json>;
}

export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
	const clock = { ms: FIXED_NOW };
	const sandbox = await startSandbox({ now: () => new Date(clock.ms), ...options });
	const get = async (path: string): Promise<Json> => (await fetch(`${sandbox.url}${path}`)).json() as Promise<Json>;
	const post = async (path: string, body: unknown): Promise<Json> =>
		(await fetch(`${sandbox.url}${path}`, { method: 'POST', body: JSON.stringify(body) })).json() as Promise<Json>;
	return {
		sandbox,
		clock,
		get,
		post,
		token: async (account = BRAND) => {
			const grant = await get(`/cgi-bin/token?grant_type=client_credential&appid=${account.appId}&secret=${account.appSecret}`);
			return grant.access_token as string;
		},
		call: (path, token, body) => post(`${path}?access_token=${encodeURIComponent(token)}`, body),
	};
}
