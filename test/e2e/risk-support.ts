/**
 * Shared by the risk suites (comment-risk-monitor, negative-spike-watch): a suite clock that does not depend
 * on the time of day the suite runs, and the reads both suites make of stored executions.
 *
 * Why a suite clock: both suites hold the sandbox's clock some hours behind and then let it catch up, so that
 * comments appear between two production runs. WeChat's datacube only answers for days up to its own
 * yesterday (Asia/Shanghai), and n8n asks for days up to *its* yesterday, so the lagging sandbox and n8n must
 * be on the same China date throughout. On the real clock no lag fits in the first hours after Shanghai
 * midnight, and the suites could not run then.
 *
 * So they run on a clock shifted by a fixed offset, chosen at start so that it reads 14:00 Asia/Shanghai on
 * today's China date: lags of up to 13 hours stay on that date whenever the suite runs. n8n runs on the same
 * clock: its processes load risk-clock-preload.js, which shifts Date by the same offset, so n8n, the sandbox
 * and the test agree on "now", and time still passes at the real rate (schedules and polls fire on time).
 * Nothing in the product is stubbed or bypassed: the same code reads the clock, one that is a few hours off,
 * as a server in another zone would be. A date bug of n8n or of our nodes still fails the suites.
 */
import * as path from 'node:path';
import type { SandboxOptions } from '../../sandbox';
import { restData } from './n8n-rest';
import { setUpE2e, type E2eEnv } from './support';

const HOUR = 3_600_000;
/**
 * Hour of day (Asia/Shanghai) the suite clock reads when a suite starts: 14, or MEDIAOPS_SUITE_CLOCK_HOUR to
 * try another (e.g. 23 runs n8n many hours off the real clock; 1 shows why the suites cannot run at night).
 */
export const SUITE_START_HOUR = Number(process.env.MEDIAOPS_SUITE_CLOCK_HOUR ?? 14);

export interface SuiteClock {
	/** Suite-clock time, epoch ms. */
	now(): number;
	offsetMs: number;
}

/** A clock that reads SUITE_START_HOUR:00 Asia/Shanghai (UTC+8, no DST) on today's China date, then runs at the real rate. */
export function suiteClock(realNow = Date.now()): SuiteClock {
	if (!(Number.isInteger(SUITE_START_HOUR) && SUITE_START_HOUR >= 0 && SUITE_START_HOUR < 24)) throw new Error(`MEDIAOPS_SUITE_CLOCK_HOUR must be a whole hour 0–23, got ${SUITE_START_HOUR}`);
	const shanghaiMidnight = Math.floor((realNow + 8 * HOUR) / (24 * HOUR)) * 24 * HOUR - 8 * HOUR;
	const offsetMs = shanghaiMidnight + SUITE_START_HOUR * HOUR - realNow;
	return { offsetMs, now: () => Date.now() + offsetMs };
}

/** China date (yyyy-mm-dd) of an instant. */
export const shanghaiDay = (ms: number): string => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);

/** As setUpE2e, with n8n's processes on the suite clock and the sandbox on `sandboxOptions.now` (derive it from the clock). */
export function setUpRiskE2e(name: string, clock: SuiteClock, sandboxOptions: SandboxOptions): Promise<E2eEnv> {
	const preload = path.join(__dirname, 'risk-clock-preload.js');
	return setUpE2e(name, sandboxOptions, {
		NODE_OPTIONS: [process.env.NODE_OPTIONS, `--require ${preload}`].filter(Boolean).join(' '),
		MEDIAOPS_CLOCK_OFFSET_MS: String(clock.offsetMs),
	});
}

type Json = Record<string, unknown>;

/** A node's first-run output items (output `index`) of a stored execution. */
export async function nodeItems(env: E2eEnv, executionId: string, node: string, index = 0): Promise<Json[]> {
	const execution = await restData<{ data: string | Json }>(env.n8n, `/rest/executions/${executionId}`);
	const n8nDir = path.dirname(path.dirname(env.n8n.bin));
	const flatted = require(require.resolve('flatted', { paths: [n8nDir] })) as { parse(s: string): unknown };
	const data = (typeof execution.data === 'string' ? flatted.parse(execution.data) : execution.data) as { resultData: { runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: Json }> | null> } }>> } };
	return (data.resultData.runData[node]?.[0]?.data?.main?.[index] ?? []).map((i) => i.json);
}

/** Does the n8n under test read the suite clock? Checked through an execution's startedAt, which n8n stamps itself. */
export function onSuiteClock(startedAt: string | undefined, clock: SuiteClock): boolean {
	return startedAt !== undefined && Math.abs(Date.parse(startedAt) - clock.now()) < 10 * 60_000;
}
