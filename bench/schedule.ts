/**
 * Scheduling benchmark: `npx ts-node --transpile-only bench/schedule.ts [--sizes 2500,5000,10000,20000]`.
 * Plans N approved posts over 50 accounts (Asia/Shanghai and America/New_York, slot grids of 3 weekday and
 * 2 weekend slots, max 3 a day, 90 minutes apart, a blackout week, a cadence) across a 90-day horizon (the
 * horizon grows with N beyond 10,000 so every post fits), then runs Get Due over the planned posts at a
 * moment 45 days in. Prints the median of 5 runs per size and the time per post, so growth is visible
 * (n log n: the per-post time should stay roughly flat).
 */
import { PostSchema, type Post } from '../lib/model';
import { planSchedule, selectDuePosts, type AccountScheduleRule } from '../lib/schedule';

const ACCOUNTS = 50;
const NOW = new Date('2026-03-02T00:00:00Z');

function posts(n: number): Post[] {
	return Array.from({ length: n }, (_, i) =>
		PostSchema.parse({ id: `p${i}`, platform: 'wechat_oa', account: `acct-${i % ACCOUNTS}`, title: `标题 ${i}`, body: '正文', status: 'approved', version: 1 }),
	);
}

function rules(): AccountScheduleRule[] {
	return Array.from({ length: ACCOUNTS }, (_, k) => ({
		account: `acct-${k}`,
		timezone: k % 2 ? 'America/New_York' : 'Asia/Shanghai',
		slots: { weekdays: ['08:00', '12:30', '20:00'], weekends: ['10:00', '18:00'] },
		maxPerDay: 3,
		minGapMinutes: 90,
		blackoutDates: ['2026-05-01..2026-05-05'],
		cadence: '10-21 a week',
	}));
}

function median(values: number[]): number {
	const s = [...values].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)];
}

const sizesArg = process.argv.indexOf('--sizes');
const sizes = sizesArg > 0 ? process.argv[sizesArg + 1].split(',').map(Number) : [2500, 5000, 10_000, 20_000];
console.log('posts   accounts  horizon  plan ms (median of 5)  µs/post  planned  unplaceable  getDue ms  due  overdue');
for (const n of sizes) {
	const input = posts(n);
	const horizonDays = Math.max(90, Math.ceil((n / ACCOUNTS / 2.4) * 1.1));
	const planTimes: number[] = [];
	const dueTimes: number[] = [];
	let result = planSchedule(input, rules(), { now: NOW, horizonDays });
	let due = selectDuePosts(result.planned, { now: new Date(NOW.getTime() + 45 * 86_400_000), graceMinutes: 60 * 24 * 2 });
	for (let r = 0; r < 5; r++) {
		let t = performance.now();
		result = planSchedule(input, rules(), { now: NOW, horizonDays });
		planTimes.push(performance.now() - t);
		t = performance.now();
		due = selectDuePosts(result.planned, { now: new Date(NOW.getTime() + 45 * 86_400_000), graceMinutes: 60 * 24 * 2 });
		dueTimes.push(performance.now() - t);
	}
	const plan = median(planTimes);
	console.log(
		[n, ACCOUNTS, horizonDays, plan.toFixed(1), ((plan * 1000) / n).toFixed(1), result.planned.length, result.unplaceable.length, median(dueTimes).toFixed(1), due.due.length, due.overdue.length]
			.map(String)
			.map((v, i) => v.padEnd([8, 10, 9, 23, 9, 9, 13, 11, 5, 7][i]))
			.join(''),
	);
}
