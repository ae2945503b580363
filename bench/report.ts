/**
 * Report benchmark: `npx ts-node --transpile-only bench/report.ts [--sizes 100000,1000000]`.
 * Each size runs in its own child process (with --expose-gc, collecting the data generator's garbage
 * before timing) so peak RSS (getrusage maxRSS) belongs to that size alone; it includes the input.
 * Synthetic data: 5 platforms × 8 accounts (one competitor each), 365 days of daily account snapshots,
 * the rest post snapshots (7 daily snapshots per post). Report period: the last 182 days (so every
 * row lands in the current or the previous period), with targets, budget, A/B tests and sentiment.
 */
import { execFileSync } from 'node:child_process';
import type { MetricSnapshot, RiskAssessment } from '../lib/model';
import { buildReport, renderCsv, renderHtml, renderMarkdown, type ReportOptions } from '../lib/report';

const PLATFORMS = ['wechat_oa', 'weibo', 'douyin', 'xiaohongshu', 'bilibili'] as const;
const ACCOUNTS_PER_PLATFORM = 8;
const DAYS = 365;
const SNAPSHOTS_PER_POST = 7;
const END_DAY = Date.UTC(2026, 5, 30);
const CONTENT_TYPES = ['educational', 'news', 'interactive', 'fun', 'story'];
const FORMATS = ['video', 'image', 'text'];

/** Deterministic pseudo-random numbers (mulberry32), so runs are comparable. */
function rng(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function syntheticSnapshots(total: number, seed = 42): MetricSnapshot[] {
	const rand = rng(seed);
	const days = Array.from({ length: DAYS + SNAPSHOTS_PER_POST }, (_, i) => new Date(END_DAY - (DAYS - 1 - i) * 86_400_000).toISOString().slice(0, 10));
	const collected = days.map((d) => `${d}T18:00:00Z`);
	const out: MetricSnapshot[] = [];
	const accounts = PLATFORMS.flatMap((platform, p) =>
		Array.from({ length: ACCOUNTS_PER_PLATFORM }, (_, k) => ({ platform, accountId: `${platform}-${k}`, accountName: k === 0 ? `竞品 ${platform}` : `品牌号 ${p}-${k}`, competitor: k === 0, base: 5000 + rand() * 50000 })),
	);
	for (const a of accounts) {
		let followers = a.base;
		for (let d = 0; d < DAYS && out.length < total; d++) {
			const gained = Math.round(20 + rand() * 80);
			const lost = Math.round(rand() * 40);
			followers += gained - lost;
			const views = Math.round(followers * (0.05 + rand() * 0.1));
			out.push({
				platform: a.platform,
				accountId: a.accountId,
				accountName: a.accountName,
				periodStart: days[d],
				periodEnd: days[d],
				timezone: 'Asia/Shanghai',
				window: 'day',
				followers,
				newFollowers: gained,
				lostFollowers: lost,
				views,
				likes: Math.round(views * 0.03),
				comments: Math.round(views * 0.005),
				shares: Math.round(views * 0.004),
				saves: Math.round(views * 0.002),
				collectedAt: collected[d],
				source: 'bench',
				extra: a.competitor ? { competitor: 1 } : { spend: Math.round(rand() * 300) },
			});
		}
	}
	for (let post = 0; out.length < total; post++) {
		const a = accounts[post % accounts.length];
		const day = Math.floor(rand() * DAYS);
		const hour = Math.floor(rand() * 24);
		const publishedAt = `${days[day]}T${String(hour).padStart(2, '0')}:15:00+08:00`;
		const contentType = CONTENT_TYPES[post % CONTENT_TYPES.length];
		const extra = { contentType, format: FORMATS[(post >> 2) % FORMATS.length] };
		const appeal = (0.5 + rand()) * (hour >= 19 && hour <= 22 ? 1.6 : 1);
		const postId = `p${post}`;
		const postTitle = `内容 #${post} ${contentType}`;
		for (let k = 0; k < SNAPSHOTS_PER_POST && out.length < total; k++) {
			const views = Math.round((2000 * appeal) / (k + 1));
			out.push({
				platform: a.platform,
				accountId: a.accountId,
				postId,
				postTitle,
				publishedAt,
				periodStart: days[day + k],
				periodEnd: days[day + k],
				timezone: 'Asia/Shanghai',
				window: 'day',
				views,
				likes: Math.round(views * 0.04 * appeal),
				comments: Math.round(views * 0.006),
				shares: Math.round(views * 0.005),
				saves: Math.round(views * 0.003),
				collectedAt: collected[day + k],
				source: 'bench',
				extra,
			});
		}
	}
	return out;
}

function syntheticAssessments(n: number): RiskAssessment[] {
	const rand = rng(7);
	return Array.from({ length: n }, (_, i) => {
		const x = rand();
		const label = x < 0.5 ? 'positive' : x < 0.8 ? 'neutral' : 'negative';
		return {
			mentionId: `m${i}`,
			platform: PLATFORMS[i % PLATFORMS.length],
			text: '…',
			createdAt: new Date(END_DAY - Math.floor(rand() * 180) * 86_400_000).toISOString(),
			sentiment: { score: label === 'positive' ? 0.6 : label === 'negative' ? -0.6 : 0, label, language: 'zh' },
			categories: label === 'negative' ? ['complaint'] : [],
			matches: [],
			likelihood: 'low',
			impact: 'minor',
			reach: 10,
			riskLevel: label === 'negative' ? 'medium' : 'none',
		};
	});
}

export function benchOptions(): ReportOptions {
	return {
		timezone: 'Asia/Shanghai',
		period: { kind: 'custom', start: '2026-01-01', end: '2026-06-30' },
		now: new Date('2026-07-01T01:00:00Z'),
		targets: [
			{ metric: 'followers', change: 0.3, by: '2026-12-31' },
			{ metric: 'engagementRate', change: 0.2, by: '2026-12-31', platform: 'weibo' },
		],
		budget: { lines: [{ label: 'Weibo ads', platform: 'weibo', budget: 250000 }, { label: 'All', budget: 1000000 }] },
		abTests: [{ name: 'title A/B', a: { label: 'A', postIds: ['p1', 'p3'] }, b: { label: 'B', postIds: ['p2', 'p4'] } }],
		assessments: syntheticAssessments(20000),
	};
}

function mb(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

/** One size, in this process: prints a JSON line for the parent. */
function runOne(size: number): void {
	// Warm the JIT on a small input first, so both sizes are timed on optimised code.
	const warm = syntheticSnapshots(20000, 1);
	renderHtml(buildReport(warm, benchOptions()), { language: 'zh' });
	const t0 = performance.now();
	const snapshots = syntheticSnapshots(size);
	const options = benchOptions();
	const tGen = performance.now() - t0;
	// Collect the generator's garbage first, so its GC debt is not billed to buildReport.
	(globalThis as { gc?: () => void }).gc?.();
	const heapInput = process.memoryUsage().heapUsed;
	const t1 = performance.now();
	const report = buildReport(snapshots, options);
	const tBuild = performance.now() - t1;
	const t2 = performance.now();
	const md = renderMarkdown(report, { language: 'zh' });
	const html = renderHtml(report, { language: 'zh' });
	const csv = renderCsv(report, { language: 'zh' });
	const tRender = performance.now() - t2;
	const mem = process.memoryUsage();
	const result = {
		size,
		generateMs: Math.round(tGen),
		buildMs: Math.round(tBuild),
		renderMs: Math.round(tRender),
		totalMs: Math.round(tBuild + tRender),
		heapInputMB: Math.round(heapInput / 1048576),
		heapAfterMB: Math.round(mem.heapUsed / 1048576),
		peakRssMB: Math.round((process.resourceUsage().maxRSS * 1024) / 1048576),
		outputKB: Math.round((md.length + html.length + Object.values(csv).reduce((s, c) => s + c.length, 0)) / 1024),
		posts: report.input.posts,
	};
	process.stdout.write(`${JSON.stringify(result)}\n`);
}

function main(): void {
	const args = process.argv.slice(2);
	const one = args.indexOf('--one');
	if (one >= 0) return runOne(Number(args[one + 1]));
	const sizesArg = args.indexOf('--sizes');
	const sizes = sizesArg >= 0 ? args[sizesArg + 1].split(',').map(Number) : [100_000, 1_000_000];
	const results = sizes.map((size) => {
		const out = execFileSync(process.execPath, ['--expose-gc', '-r', 'ts-node/register/transpile-only', __filename, '--one', String(size)], {
			encoding: 'utf8',
			env: { ...process.env, TS_NODE_TRANSPILE_ONLY: '1' },
		});
		const r = JSON.parse(out.trim().split('\n').pop()!);
		console.log(
			`${String(size).padStart(9)} snapshots: buildReport ${r.buildMs} ms + renderers ${r.renderMs} ms = ${r.totalMs} ms` +
				` | peak RSS ${mb(r.peakRssMB * 1048576)} (input heap ${r.heapInputMB} MB) | ${r.posts} posts, output ${r.outputKB} KB | data generation ${r.generateMs} ms`,
		);
		return r as { size: number; totalMs: number; peakRssMB: number };
	});
	if (results.length >= 2) {
		const [small, large] = [results[0], results[results.length - 1]];
		const ratio = large.totalMs / Math.max(1, small.totalMs);
		console.log(`time(${large.size}) / time(${small.size}) = ${ratio.toFixed(2)} (rows × ${(large.size / small.size).toFixed(0)})`);
		const ok = large.totalMs < 5000 && large.peakRssMB < 1024 && ratio <= 12 * (large.size / small.size / 10);
		console.log(ok ? 'targets met: < 5 s, < 1 GB, 10× rows ≤ 12× time' : 'TARGETS MISSED');
		if (!ok) process.exitCode = 1;
	}
}

if (require.main === module) main();
