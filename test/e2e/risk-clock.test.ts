/**
 * The suite clock of the risk e2e suites (risk-support.ts): the preload n8n runs with shifts only "now", and the
 * clock reads 14:00 Asia/Shanghai on the China date of the real instant, whatever the real time of day.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { shanghaiDay, SUITE_START_HOUR, suiteClock } from './risk-support';

const PRELOAD = path.join(__dirname, 'risk-clock-preload.js');
const HOUR = 3_600_000;

/** Runs `code` in a fresh Node with the preload and MEDIAOPS_CLOCK_OFFSET_MS, returning its JSON output. */
function shifted(offsetMs: number, code: string): Record<string, unknown> {
	const out = execFileSync(process.execPath, ['--require', PRELOAD, '-e', `process.stdout.write(JSON.stringify((() => { ${code} })()))`], {
		env: { ...process.env, MEDIAOPS_CLOCK_OFFSET_MS: String(offsetMs) },
		encoding: 'utf8',
	});
	return JSON.parse(out) as Record<string, unknown>;
}

describe('risk suite clock', () => {
	it('reads 14:00 Asia/Shanghai (SUITE_START_HOUR) on the real China date, also just after Shanghai midnight', () => {
		for (const real of ['2026-03-01T16:05:00Z' /* 00:05 in Shanghai */, '2026-03-01T05:59:00Z', '2026-03-01T15:59:59Z']) {
			const ms = Date.parse(real);
			const clock = suiteClock(ms);
			const at = ms + clock.offsetMs;
			expect(new Date(at + 8 * HOUR).toISOString().slice(11, 19)).toBe(`${String(SUITE_START_HOUR).padStart(2, '0')}:00:00`);
			expect(shanghaiDay(at)).toBe(shanghaiDay(ms));
			// A lag of up to SUITE_START_HOUR − 1 hours (13 by default) stays on the same China date, so the
			// datacube's "yesterday" is n8n's.
			expect(shanghaiDay(at - Math.max(0, SUITE_START_HOUR - 1) * HOUR)).toBe(shanghaiDay(at));
		}
	});

	it('the n8n preload shifts now, and only now', () => {
		const offset = -9 * HOUR;
		const before = Date.now();
		const got = shifted(offset, 'const d = new Date(); return { now: Date.now(), made: d.getTime(), fixed: new Date(0).getTime(), parsed: Date.parse("2026-03-01T00:00:00Z"), utc: Date.UTC(2026, 2, 1), isDate: d instanceof Date && new Date(5) instanceof Date, string: typeof Date(), iso: new Date(1e12).toISOString() }');
		const after = Date.now();
		for (const key of ['now', 'made'] as const) {
			expect(got[key] as number).toBeGreaterThanOrEqual(before + offset);
			expect(got[key] as number).toBeLessThanOrEqual(after + offset);
		}
		expect(got).toMatchObject({ fixed: 0, parsed: Date.parse('2026-03-01T00:00:00Z'), utc: Date.UTC(2026, 2, 1), isDate: true, string: 'string', iso: new Date(1e12).toISOString() });
		// Without an offset nothing changes.
		const plain = shifted(0, 'return { now: Date.now() }');
		expect(Math.abs((plain.now as number) - Date.now())).toBeLessThan(60_000);
	});
});
