/**
 * Engagement Metrics through n8n-core's real engine against the in-process WeChat OA sandbox.
 * Every number is checked against the sandbox's seeded truth, not against a stored fixture, so the
 * suite does not depend on the day it runs.
 */
import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';
import { startSandbox, type FaultRule, type Sandbox } from '../../sandbox';
import { addDays, dateRange } from '../../sandbox/dates';
import { WECHAT_USER_SOURCES } from '../../lib/platforms/wechat-oa';
import { ENGAGEMENT_METRICS_TYPE, runWorkflow, singleNodeWorkflow, type RunResult } from './harness';
import { BRAND, allText, pairedIndexes, startObservingProxy, wechatCredential, withoutCollectedAt } from './support';

const NODE = 'Engagement Metrics';

/** The node as a workflow export would hold it; dates default to expressions reading the input item. */
function metricsNode(parameters: INodeParameters, extra: Partial<INode> = {}): Omit<INode, 'id' | 'position'> {
	return {
		name: NODE,
		type: ENGAGEMENT_METRICS_TYPE,
		typeVersion: 1,
		parameters: { platform: 'wechatOa', dateRange: 'custom', startDate: '={{ $json.start }}', endDate: '={{ $json.end }}', ...parameters },
		credentials: { weChatOfficialAccountApi: { id: 'cred-1', name: 'WeChat sandbox' } },
		...extra,
	};
}

function run(parameters: INodeParameters, items: IDataObject[] | undefined, baseUrl: string, extra: Partial<INode> = {}, credentials = wechatCredential(baseUrl)): Promise<RunResult> {
	return runWorkflow(singleNodeWorkflow(metricsNode(parameters, extra), items), { credentials });
}

/** The error text a user sees: message plus description. */
function errorText(result: RunResult): string {
	const error = result.error as (Error & { description?: string | null }) | undefined;
	return `${error?.message ?? ''} ${error?.description ?? ''}`;
}

describe('Engagement Metrics node (n8n-core engine, WeChat OA sandbox)', () => {
	let sandbox: Sandbox;
	/**
	 * 20 days ending 20 days before yesterday (China time). Articles published in the first half are past
	 * their 30-day reading life (final totals), the second half are still being read (totals up to yesterday),
	 * and nothing is near the "published after 08:00 next day" edge, so a run at midnight cannot flake.
	 */
	let range: { start: string; end: string };
	let days: string[];

	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		const yesterday = sandbox.wechat.yesterday();
		range = { start: addDays(yesterday, -39), end: addDays(yesterday, -20) };
		days = dateRange(range.start, range.end);
	});
	afterAll(() => sandbox.close());

	describe('Get Account Metrics', () => {
		let result: RunResult;
		beforeAll(async () => {
			result = await run({ operation: 'getAccountMetrics' }, [range], sandbox.url);
		});

		it('gives exactly one daily snapshot per day of a 20-day custom range', () => {
			expect(result.error).toBeUndefined();
			const out = result.nodeOutput(NODE);
			expect(days).toHaveLength(20);
			expect(out.map((s) => s.periodStart)).toEqual(days);
			for (const s of out) {
				expect(s).toMatchObject({ platform: 'wechat_oa', accountId: BRAND.appId, periodEnd: s.periodStart, window: 'day', timezone: 'Asia/Shanghai' });
			}
		});

		it('matches the sandbox truth field by field (getusercumulate, getusersummary, getbizsummary)', () => {
			const truth = sandbox.wechat;
			for (const s of result.nodeOutput(NODE)) {
				const day = String(s.periodStart);
				const users = truth.userDay(BRAND.appId, day);
				const biz = truth.bizDay(BRAND.appId, day);
				const newFollowers = users.reduce((sum, r) => sum + r.new_user, 0);
				const lostFollowers = users.reduce((sum, r) => sum + r.cancel_user, 0);
				expect({ day, ...pick(s, ['followers', 'newFollowers', 'lostFollowers', 'netFollowers', 'views', 'likes', 'shares', 'comments', 'saves']), zaikan: (s.extra as IDataObject)?.zaikan }).toEqual({
					day,
					followers: truth.cumulate(BRAND.appId, day),
					newFollowers,
					lostFollowers,
					netFollowers: newFollowers - lostFollowers,
					views: biz.read_user,
					likes: biz.like_user,
					shares: biz.share_user,
					comments: biz.comment_count,
					saves: biz.collection_user,
					zaikan: biz.zaikan_user,
				});
				// The per-channel breakdown keeps each user_source row, named.
				const bySource = (s.extra as IDataObject).newFollowersBySource as Record<string, number>;
				for (const row of users) expect(bySource[WECHAT_USER_SOURCES[String(row.user_source)]]).toBe(row.new_user);
			}
		});

		it('with Last N Complete Days, ends yesterday in China time whatever the workflow’s zone (trigger really runs, no pinned input)', async () => {
			const yesterday = sandbox.wechat.yesterday();
			const workflow = { ...singleNodeWorkflow(metricsNode({ operation: 'getAccountMetrics', dateRange: 'lastDays', lastDays: 3 })), settings: { timezone: 'Pacific/Pago_Pago' } };
			const last = await runWorkflow(workflow, { credentials: wechatCredential(sandbox.url) });
			expect(last.error).toBeUndefined();
			expect(last.executionOrder).toEqual(['When clicking ‘Execute workflow’', NODE]);
			expect(last.nodeOutput(NODE).map((s) => s.periodStart)).toEqual(dateRange(addDays(yesterday, -2), yesterday));
		});

		it('emits numbers, never numeric strings', () => {
			for (const s of result.nodeOutput(NODE)) {
				for (const field of ['followers', 'newFollowers', 'lostFollowers', 'views', 'likes', 'shares', 'comments', 'saves']) expect(typeof s[field]).toBe('number');
			}
		});
	});

	describe('Get Post Metrics', () => {
		it('gives one cumulative snapshot per article published in the range, equal to its totals', async () => {
			const result = await run({ operation: 'getPostMetrics' }, [range], sandbox.url);
			expect(result.error).toBeUndefined();
			const truth = sandbox.wechat;
			const articles = truth.articlesPublished(BRAND.appId, range.start, range.end);
			expect(articles.length).toBeGreaterThan(3); // the seeded account publishes most days
			const out = result.nodeOutput(NODE);
			expect(out.map((s) => s.postId).sort()).toEqual(articles.map((a) => a.msgid).sort());

			const yesterday = truth.yesterday();
			let finished = 0;
			for (const article of articles) {
				const s = out.find((o) => o.postId === article.msgid)!;
				// Totals run from the publish day to the last stat day WeChat has: day 30 of the article's life, or yesterday.
				const lastDay = addDays(article.publishDate, 29);
				const statDate = lastDay < yesterday ? lastDay : yesterday;
				if (lastDay < yesterday) finished++;
				const totals = truth.articleTotals(BRAND.appId, article.msgid, statDate)!;
				expect(s).toMatchObject({
					platform: 'wechat_oa',
					accountId: BRAND.appId,
					window: 'cumulative',
					periodStart: article.publishDate,
					periodEnd: statDate,
					postTitle: article.title,
					views: totals.read_user,
					likes: totals.like_user,
					shares: totals.share_user,
					comments: totals.comment_count,
					saves: totals.collection_user,
					extra: { zaikan: totals.zaikan_user, publishType: article.publishType },
				});
			}
			// The range was chosen to hold both finished and still-growing articles.
			expect(finished).toBeGreaterThan(0);
			expect(finished).toBeLessThan(articles.length);
		});
	});

	describe('item pairing', () => {
		it('pairs every output item with the input item whose date range produced it', async () => {
			const first = { start: range.start, end: addDays(range.start, 4) }; // 5 days
			const second = { start: addDays(range.end, -2), end: range.end }; // 3 days
			const result = await run({ operation: 'getAccountMetrics' }, [first, second], sandbox.url);
			expect(result.error).toBeUndefined();
			const items = result.nodeItems(NODE);
			expect(pairedIndexes(items)).toEqual([0, 0, 0, 0, 0, 1, 1, 1]);
			expect(items.map((i) => i.json.periodStart)).toEqual([...dateRange(first.start, first.end), ...dateRange(second.start, second.end)]);
		});

		it('pairs post snapshots too', async () => {
			const first = { start: range.start, end: addDays(range.start, 9) };
			const second = { start: addDays(range.start, 10), end: range.end };
			const result = await run({ operation: 'getPostMetrics' }, [first, second], sandbox.url);
			const items = result.nodeItems(NODE);
			expect(items.length).toBeGreaterThan(0);
			pairedIndexes(items).forEach((input, i) => {
				const window = input === 0 ? first : second;
				expect(String(items[i].json.periodStart) >= window.start && String(items[i].json.periodStart) <= window.end).toBe(true);
			});
		});
	});

	describe('Output = Table Row', () => {
		it('gives flat rows with a unique key per account and day', async () => {
			const result = await run({ operation: 'getAccountMetrics', output: 'row' }, [range], sandbox.url);
			expect(result.error).toBeUndefined();
			const rows = result.nodeOutput(NODE);
			expect(rows).toHaveLength(20);
			for (const row of rows) {
				// Flat: scalars only, so a Data Table or Postgres upsert can take the row as is.
				for (const value of Object.values(row)) expect(value === null || ['string', 'number'].includes(typeof value)).toBe(true);
				expect(row.key).toBe(`wechat_oa|${BRAND.appId}|-|day|${row.periodStart}|${row.periodStart}`);
				expect(row.followers).toBe(sandbox.wechat.cumulate(BRAND.appId, String(row.periodStart)));
				expect(JSON.parse(String(row.extra)).zaikan).toBe(sandbox.wechat.bizDay(BRAND.appId, String(row.periodStart)).zaikan_user);
			}
			expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
		});

		it('keys post rows by article', async () => {
			const result = await run({ operation: 'getPostMetrics', output: 'row' }, [range], sandbox.url);
			const rows = result.nodeOutput(NODE);
			expect(rows.length).toBeGreaterThan(0);
			for (const row of rows) expect(row.key).toBe(`wechat_oa|${BRAND.appId}|${row.postId}|cumulative|${row.periodStart}|${row.periodEnd}`);
			expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
		});
	});

	describe('transient faults', () => {
		it('retries 429 (Retry-After), 503 bursts, an expired token, a reset and a truncated body to the same output', async () => {
			const clean = await run({ operation: 'getAccountMetrics' }, [range], sandbox.url);
			expect(clean.error).toBeUndefined();

			const faults: FaultRule[] = [
				{ route: '/datacube/getusersummary', kind: 'http429', count: 2, retryAfterSeconds: 1 },
				{ route: '/datacube/getbizsummary', kind: 'http503', count: 3 },
				// Same route, in order: 42001 (refresh the token, not a retry), then a reset and a truncated body.
				{ route: '/datacube/getusercumulate', kind: 'expiredToken', count: 1 },
				{ route: '/datacube/getusercumulate', kind: 'reset', count: 1 },
				{ route: '/datacube/getusercumulate', kind: 'malformed', count: 1 },
			];
			const faulty = await startSandbox({ port: 0, faults });
			try {
				const started = Date.now();
				// The worst call sees three 503s before its answer: 4 attempts; 5 leaves one to spare.
				const result = await run({ operation: 'getAccountMetrics', options: { maxAttempts: 5 } }, [range], faulty.url);
				expect(result.error).toBeUndefined();
				expect(withoutCollectedAt(result.nodeOutput(NODE))).toEqual(withoutCollectedAt(clean.nodeOutput(NODE)));
				// Every fault really fired (otherwise this test proves nothing).
				expect(faulty.stats().faultsInjected).toEqual({ '/datacube/getusersummary': 2, '/datacube/getbizsummary': 3, '/datacube/getusercumulate': 3 });
				// Two Retry-After: 1 waits happened.
				expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
			} finally {
				await faulty.close();
			}
			// Retry-After waits (2 s) plus jittered backoff for the 503s (at most 0.5 + 1 + 2 s) and the reset/malformed retries.
		}, 30_000);
	});

	describe('non-retryable platform error (45009 quota)', () => {
		/**
		 * Three items; the quota fault is armed just before item 1's first datacube call (recognised by its
		 * begin_date), so items 0 and 2 succeed and item 1 gets 45009. Count-based faults alone would hit item 0.
		 */
		async function runWithQuotaOnItem1(extra: Partial<INode>) {
			const items = [
				{ start: range.start, end: addDays(range.start, 1) },
				{ start: addDays(range.start, 2), end: addDays(range.start, 3) },
				{ start: addDays(range.start, 4), end: addDays(range.start, 5) },
			];
			const quotaSandbox = await startSandbox({ port: 0 });
			let armed = false;
			const proxy = await startObservingProxy(quotaSandbox, (path, body) => {
				// Once only: a (wrong) retry of the 45009 call would then succeed and the tests below would see it.
				if (!armed && path === '/datacube/getusercumulate' && body.includes(`"begin_date":"${items[1].start}"`)) {
					armed = true;
					quotaSandbox.setFaults([{ route: '/datacube/getusercumulate', kind: 'quota', count: 1 }]);
				}
			});
			try {
				const result = await run({ operation: 'getAccountMetrics', options: { maxAttempts: 3 } }, items, proxy.url, extra);
				const stats = quotaSandbox.stats();
				return { result, tokens: [...proxy.tokensSeen], items, faultsInjected: stats.faultsInjected, cumulateCalls: stats.requests['/datacube/getusercumulate'] };
			} finally {
				await proxy.close();
				await quotaSandbox.close();
			}
		}

		it('fails the node with an error naming the item and errcode 45009, without retrying', async () => {
			const { result, tokens, faultsInjected, cumulateCalls } = await runWithQuotaOnItem1({});
			expect(faultsInjected).toEqual({ '/datacube/getusercumulate': 1 });
			expect(cumulateCalls).toBe(2); // item 0, then item 1's one call: no retry, and item 2 never ran
			expect(result.error).toBeDefined();
			expect(errorText(result)).toMatch(/\bitem 1\b/i);
			expect(errorText(result)).toContain('45009');
			expect(result.nodeOutput(NODE)).toEqual([]);
			// No secret and no access token anywhere in what the run produced.
			const text = allText(result);
			expect(tokens.length).toBeGreaterThan(0);
			expect(text).not.toContain(BRAND.appSecret);
			for (const token of tokens) expect(text).not.toContain(token);
		});

		it('with Continue On Fail, good items come out and the bad one becomes an error item', async () => {
			const { result, tokens, items, cumulateCalls } = await runWithQuotaOnItem1({ continueOnFail: true });
			expect(cumulateCalls).toBe(3);
			expect(result.error).toBeUndefined();
			const out = result.nodeItems(NODE);
			expect(pairedIndexes(out)).toEqual([0, 0, 1, 2, 2]);
			expect(out.filter((i) => i.json.error === undefined).map((i) => i.json.periodStart)).toEqual([
				...dateRange(items[0].start, items[0].end),
				...dateRange(items[2].start, items[2].end),
			]);
			const errorItem = out[2].json;
			expect(errorItem).toMatchObject({ code: '45009', platform: 'wechat_oa', itemIndex: 1 });
			expect(String(errorItem.error)).toContain('45009');
			const text = allText(result);
			expect(text).not.toContain(BRAND.appSecret);
			for (const token of tokens) expect(text).not.toContain(token);
		});
	});

	describe('credential and input errors', () => {
		it('a wrong AppSecret gives a clear 40125 error and the secret appears nowhere', async () => {
			const wrongSecret = 'wrong-secret-7c1e9a5d2b';
			const result = await run({ operation: 'getAccountMetrics' }, [range], sandbox.url, {}, wechatCredential(sandbox.url, { appId: BRAND.appId, appSecret: wrongSecret }));
			expect(result.error).toBeDefined();
			expect(errorText(result)).toContain('40125');
			expect(errorText(result)).toMatch(/appsecret/i);
			expect(result.nodeOutput(NODE)).toEqual([]);
			const text = allText(result);
			expect(text).toContain('40125'); // the search does cover the error
			expect(text).not.toContain(wrongSecret);
		});

		it('a wrong AppSecret under Continue On Fail becomes an error item without the secret', async () => {
			const wrongSecret = 'wrong-secret-0d4f2e8a61';
			const result = await run({ operation: 'getAccountMetrics' }, [range], sandbox.url, { continueOnFail: true }, wechatCredential(sandbox.url, { appId: BRAND.appId, appSecret: wrongSecret }));
			expect(result.error).toBeUndefined();
			expect(result.nodeOutput(NODE)).toEqual([expect.objectContaining({ code: '40125', itemIndex: 0 })]);
			expect(allText(result)).not.toContain(wrongSecret);
		});

		/**
		 * '2026-13-45' is shaped like a date but is not one. Whatever End Date it is paired with, the error
		 * must name the Start Date field and the value, and must be about the value itself (not "after End Date"),
		 * before any request is made.
		 */
		it.each([
			['an earlier End Date', '2026-01-10'],
			['a later End Date', '2027-01-10'],
		])('rejects Start Date 2026-13-45 with %s, naming the field', async (_case, endDate) => {
			const before = sandbox.stats().requests['/cgi-bin/stable_token'] ?? 0;
			const result = await run({ operation: 'getAccountMetrics', startDate: '2026-13-45', endDate }, undefined, sandbox.url);
			expect(result.error).toBeDefined();
			const text = errorText(result);
			expect(text).toMatch(/Start Date|startDate/);
			expect(text).toContain('2026-13-45');
			expect(text).not.toMatch(/is after/i);
			expect(sandbox.stats().requests['/cgi-bin/stable_token'] ?? 0).toBe(before);
		});

		it('rejects a Start Date after the End Date, before any request', async () => {
			const before = sandbox.stats().requests['/cgi-bin/stable_token'] ?? 0;
			const result = await run({ operation: 'getAccountMetrics', startDate: '2026-03-10', endDate: '2026-03-01' }, undefined, sandbox.url);
			expect(result.error).toBeDefined();
			expect(errorText(result)).toMatch(/Start Date.*after.*End Date/);
			expect(errorText(result)).toMatch(/item 0/i);
			expect(sandbox.stats().requests['/cgi-bin/stable_token'] ?? 0).toBe(before);
		});
	});
});

function pick(obj: IDataObject, keys: string[]): IDataObject {
	return Object.fromEntries(keys.map((k) => [k, obj[k]]));
}
