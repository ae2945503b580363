/**
 * `npm run sandbox` — start the sandbox on 127.0.0.1.
 *   --port <n>            (or env SANDBOX_PORT; default 8787)
 *   --seed <n>            data seed (default DEFAULT_SEED)
 *   --token-ttl <seconds> access_token lifetime (default 7200)
 *   --fault '<route>=<kind>[:rate=0.2|count=3][:retryAfter=1]'   repeatable
 *   --rate-limit <requests per second>   platform-side limit over all API calls (429 + Retry-After beyond it)
 */
import { FaultRule, parseFaultSpec } from './faults';
import { SANDBOX_WECHAT_ACCOUNTS } from './platforms/wechat';
import { DEFAULT_SEED, startSandbox } from './server';

interface CliOptions {
	port: number;
	seed: number;
	tokenTtlSeconds: number;
	faults: FaultRule[];
	rateLimit?: { requestsPerSecond: number };
}

function parseArgs(argv: string[]): CliOptions {
	const options: CliOptions = {
		port: Number(process.env.SANDBOX_PORT ?? 8787),
		seed: DEFAULT_SEED,
		tokenTtlSeconds: 7200,
		faults: [],
	};
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split(/=(.*)/s, 2);
		const value = (): string => {
			const next = inline ?? argv[++i];
			if (next === undefined) throw new Error(`${flag} needs a value`);
			return next;
		};
		const number = (): number => {
			const n = Number(value());
			if (!Number.isFinite(n)) throw new Error(`${flag} needs a number`);
			return n;
		};
		if (flag === '--port') options.port = number();
		else if (flag === '--seed') options.seed = number();
		else if (flag === '--token-ttl') options.tokenTtlSeconds = number();
		else if (flag === '--fault') options.faults.push(parseFaultSpec(value()));
		else if (flag === '--rate-limit') options.rateLimit = { requestsPerSecond: number() };
		else throw new Error(`unknown option ${argv[i]}`);
	}
	return options;
}

async function main(): Promise<void> {
	const options = parseArgs(process.argv.slice(2));
	const sandbox = await startSandbox({ ...options, host: '127.0.0.1' });
	const lines = [
		`MediaOps sandbox listening on ${sandbox.url}`,
		`  control API: ${sandbox.url}/__sandbox/health | /faults | /stats | /expire-tokens | /wechat/truth?appid=`,
		'  WeChat Official Account credentials (appid / secret):',
		...SANDBOX_WECHAT_ACCOUNTS.map((a) => `    ${a.name}: ${a.appId} / ${a.appSecret}`),
		...(options.rateLimit ? [`  rate limit: ${options.rateLimit.requestsPerSecond} requests/s`] : []),
		...(options.faults.length > 0 ? ['  faults:', ...options.faults.map((f) => `    ${JSON.stringify(f)}`)] : []),
	];
	console.log(lines.join('\n'));
	const stop = (): void => {
		sandbox.close().then(() => process.exit(0), () => process.exit(1));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
