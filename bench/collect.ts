/**
 * `npm run bench:collect`: collection throughput against a platform that enforces a rate limit.
 *
 * The sandbox runs in a child process (so its memory is not counted here) with a server-side limit of R
 * requests/s (429 + Retry-After beyond it). The client collects N WeChat OA accounts × D days through the real
 * adapter, sharing one token-bucket limiter at R, with a pool of concurrent accounts. Printed: calls made, the
 * minimum time the limit allows (calls / R), the measured time and their ratio (target ≤ 1.2), 429s seen, and
 * peak memory for D = 30 and D = 120 on the same accounts (target: peak does not grow with days).
 *
 *   npm run bench:collect -- --accounts 500 --days 30 --rate 500 --concurrency 32
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createAxiosHttpClient } from '../lib/http/axios-client';
import { createRateLimiter } from '../lib/http/rate-limiter';
import { DEFAULT_RETRY_POLICY } from '../lib/http/retry';
import { WechatOaMetricsAdapter } from '../lib/platforms/wechat-oa';
import { lastCompleteDays } from '../lib/time/date-range';
import { benchAccountCredentials } from '../sandbox';
import { Agent as HttpAgent } from 'node:http';
import axios from 'axios';

function arg(name: string, fallback: number): number {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const ACCOUNTS = arg('accounts', 500);
const DAYS = arg('days', 30);
const RATE = arg('rate', 500);
const CONCURRENCY = arg('concurrency', 32);
const MEMORY_ACCOUNTS = arg('memory-accounts', 100);

async function startSandboxProcess(rate: number): Promise<{ url: string; child: ChildProcess }> {
	const root = path.resolve(__dirname, '..');
	const child = spawn(process.execPath, [require.resolve('ts-node/dist/bin.js'), '--transpile-only', path.join(root, 'sandbox', 'cli.ts'), '--port', '0', '--rate-limit', String(rate)], {
		cwd: root,
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const url = await new Promise<string>((resolve, reject) => {
		let out = '';
		child.stdout!.on('data', (d: Buffer) => {
			out += d.toString();
			const m = /listening on (http:\/\/[^\s]+)/.exec(out);
			if (m) resolve(m[1]);
		});
		child.once('exit', (code) => reject(new Error(`sandbox exited (${code})`)));
	});
	return { url, child };
}

interface RunResult {
	accounts: number;
	days: number;
	snapshots: number;
	calls: number;
	rateLimited: number;
	seconds: number;
	peakRssMb: number;
	peakHeapMb: number;
}

async function stats(url: string): Promise<{ requests: Record<string, number>; rateLimited: number }> {
	return (await axios.get(`${url}/__sandbox/stats`)).data;
}

async function collectAll(url: string, accounts: number, days: number): Promise<RunResult> {
	const http = createAxiosHttpClient({ instance: axios.create({ httpAgent: new HttpAgent({ keepAlive: true, maxSockets: CONCURRENCY }) }) });
	// A 50 ms bucket lets the client make up for slots lost while every worker was waiting on a response,
	// and stays far inside the server's own 1 s bucket, so it never provokes a 429.
	const limiter = createRateLimiter({ requestsPerSecond: RATE, burst: Math.max(1, Math.floor(RATE / 20)) });
	const range = lastCompleteDays(days, 'Asia/Shanghai', new Date());
	const before = await stats(url);
	const callsBefore = Object.values(before.requests).reduce((a, b) => a + b, 0);
	if (global.gc) global.gc();
	let peakRss = 0;
	let peakHeap = 0;
	const sample = () => {
		const m = process.memoryUsage();
		peakRss = Math.max(peakRss, m.rss);
		peakHeap = Math.max(peakHeap, m.heapUsed);
	};
	const sampler = setInterval(sample, 50);
	let next = 0;
	let snapshots = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async () => {
			while (next < accounts) {
				const n = next++;
				const adapter = new WechatOaMetricsAdapter({ ...benchAccountCredentials(n), baseUrl: url }, { http, limiter, retryPolicy: { ...DEFAULT_RETRY_POLICY, maxAttempts: 8 } });
				// Each week of snapshots is handed on and dropped, never accumulated: memory is one week per worker.
				for await (const page of adapter.accountMetricPages({ range, timezone: 'Asia/Shanghai' })) snapshots += page.length;
				sample();
			}
		}),
	);
	const seconds = (performance.now() - started) / 1000;
	clearInterval(sampler);
	const after = await stats(url);
	return {
		accounts,
		days,
		snapshots,
		calls: Object.values(after.requests).reduce((a, b) => a + b, 0) - callsBefore,
		rateLimited: after.rateLimited - before.rateLimited,
		seconds,
		peakRssMb: peakRss / 2 ** 20,
		peakHeapMb: peakHeap / 2 ** 20,
	};
}

function print(label: string, r: RunResult): void {
	const minimum = r.calls / RATE;
	console.log(
		`${label}: ${r.accounts} accounts × ${r.days} days → ${r.snapshots} snapshots, ${r.calls} calls, ${r.rateLimited} × 429\n` +
			`  time ${r.seconds.toFixed(1)} s, minimum at ${RATE} req/s ${minimum.toFixed(1)} s, ratio ${(r.seconds / minimum).toFixed(3)} (target ≤ 1.2)\n` +
			`  peak RSS ${r.peakRssMb.toFixed(0)} MB, peak heap ${r.peakHeapMb.toFixed(0)} MB`,
	);
}

async function main(): Promise<void> {
	const { url, child } = await startSandboxProcess(RATE);
	try {
		console.log(`sandbox ${url}, server-side limit ${RATE} req/s, client concurrency ${CONCURRENCY}`);
		// Warm the sandbox's data caches for the memory runs' accounts so server warm-up does not skew timing.
		const main = await collectAll(url, ACCOUNTS, DAYS);
		print('throughput', main);
		const short = await collectAll(url, MEMORY_ACCOUNTS, 30);
		const long = await collectAll(url, MEMORY_ACCOUNTS, 120);
		print('memory, 30 days', short);
		print('memory, 120 days', long);
		console.log(`peak heap ratio 120 d / 30 d: ${(long.peakHeapMb / short.peakHeapMb).toFixed(2)} (days ×4)`);
	} finally {
		child.kill('SIGTERM');
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
