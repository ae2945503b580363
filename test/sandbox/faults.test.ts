import axios, { AxiosError } from 'axios';
import { request as httpRequest } from 'http';
import { FaultRule, parseFaultSpec } from '../../sandbox';
import { dateRange } from '../../sandbox/dates';
import { BRAND, Json, TestSandbox, YESTERDAY, startTestSandbox } from './helpers';

const SUMMARY = '/datacube/getusersummary';
const ONE_DAY = { begin_date: YESTERDAY, end_date: YESTERDAY };

describe('sandbox: fault injection', () => {
	let t: TestSandbox;
	let token: string;
	beforeEach(async () => {
		t = await startTestSandbox();
		token = await t.token();
	});
	afterEach(() => t.sandbox.close());

	const summary = () =>
		axios.post(`${t.sandbox.url}${SUMMARY}?access_token=${token}`, ONE_DAY, { validateStatus: () => true, timeout: 2000 });

	it('http429 answers 429 with Retry-After, count-limited bursts then recover', async () => {
		t.sandbox.setFaults([{ route: SUMMARY, kind: 'http429', count: 2, retryAfterSeconds: 3 }]);
		for (let i = 0; i < 2; i++) {
			const limited = await summary();
			expect(limited.status).toBe(429);
			expect(limited.headers['retry-after']).toBe('3');
		}
		const ok = await summary();
		expect(ok.status).toBe(200);
		expect(ok.data.list).toBeDefined();
		expect(t.sandbox.stats().faultsInjected).toEqual({ [SUMMARY]: 2 });
		expect(t.sandbox.stats().requests[SUMMARY]).toBe(3);
	});

	it('only fails the matching route; "*" matches every API route', async () => {
		t.sandbox.setFaults([{ route: '/datacube/getusercumulate', kind: 'http500' }]);
		expect((await summary()).status).toBe(200);
		t.sandbox.setFaults([{ route: '*', kind: 'http503', count: 1 }]);
		const unavailable = await summary();
		expect(unavailable.status).toBe(503);
		expect(String(unavailable.data)).toContain('503 Service Temporarily Unavailable');
		expect((await summary()).status).toBe(200);
	});

	it.each([
		['http500', 500],
		['http502', 502],
	] as const)('%s answers HTTP %i', async (kind, status) => {
		t.sandbox.setFaults([{ route: SUMMARY, kind }]);
		expect((await summary()).status).toBe(status);
	});

	it.each([
		['expiredToken', 42001],
		['invalidToken', 40001],
		['quota', 45009],
	] as const)('%s answers HTTP 200 with errcode %i', async (kind, errcode) => {
		t.sandbox.setFaults([{ route: SUMMARY, kind, count: 1 }]);
		const response = await summary();
		expect(response.status).toBe(200);
		expect(response.data.errcode).toBe(errcode);
		if (kind === 'quota') expect(response.data.errmsg).toMatch(/^reach max api daily quota limit rid: /);
		expect((await summary()).data.list).toBeDefined();
	});

	it('reset drops the connection without a response', async () => {
		t.sandbox.setFaults([{ route: SUMMARY, kind: 'reset', count: 1 }]);
		const error = (await summary().catch((e: AxiosError) => e)) as AxiosError;
		expect(error).toBeInstanceOf(AxiosError);
		expect(error.code).toBe('ECONNRESET');
		expect((await summary()).status).toBe(200);
	});

	it('timeout never answers: the client times out and close() does not hang', async () => {
		t.sandbox.setFaults([{ route: SUMMARY, kind: 'timeout', count: 1 }]);
		const started = Date.now();
		const error = (await axios
			.post(`${t.sandbox.url}${SUMMARY}?access_token=${token}`, ONE_DAY, { timeout: 300 })
			.catch((e: AxiosError) => e)) as AxiosError;
		expect(error.code).toBe('ECONNABORTED');
		expect(Date.now() - started).toBeLessThan(2000);

		// A client that never gives up: the held socket must not keep close() waiting.
		t.sandbox.setFaults([{ route: SUMMARY, kind: 'timeout' }]);
		const held = new Promise<string>((resolve) => {
			const req = httpRequest(`${t.sandbox.url}${SUMMARY}?access_token=${token}`, { method: 'POST' }, () => resolve('answered'));
			req.on('error', () => resolve('dropped'));
			req.end(JSON.stringify(ONE_DAY));
		});
		await new Promise((resolve) => setTimeout(resolve, 100));
		const closing = Date.now();
		await t.sandbox.close();
		expect(Date.now() - closing).toBeLessThan(1000);
		expect(await held).toBe('dropped');
		t = await startTestSandbox(); // afterEach closes this one
	});

	it('malformed answers 200 with truncated JSON', async () => {
		t.sandbox.setFaults([{ route: SUMMARY, kind: 'malformed', count: 1 }]);
		const response = await fetch(`${t.sandbox.url}${SUMMARY}?access_token=${token}`, { method: 'POST', body: JSON.stringify(ONE_DAY) });
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('application/json');
		await expect(response.json()).rejects.toThrow(/JSON/);
	});

	it('rate fails a seeded share of requests, the same ones for the same seed', async () => {
		const pattern = async (sandbox: TestSandbox): Promise<number[]> => {
			const tok = await sandbox.token();
			sandbox.sandbox.setFaults([{ route: SUMMARY, kind: 'http500', rate: 0.3 }]);
			const statuses: number[] = [];
			for (let i = 0; i < 40; i++) {
				const r = await axios.post(`${sandbox.sandbox.url}${SUMMARY}?access_token=${tok}`, ONE_DAY, { validateStatus: () => true });
				statuses.push(r.status);
			}
			return statuses;
		};
		const other = await startTestSandbox();
		try {
			const first = await pattern(t);
			expect(await pattern(other)).toEqual(first);
			const failures = first.filter((s) => s === 500).length;
			expect(failures).toBeGreaterThan(4);
			expect(failures).toBeLessThan(24);
		} finally {
			await other.sandbox.close();
		}
	});

	it('takes faults at start-up', async () => {
		const started = await startTestSandbox({ faults: [{ route: '/cgi-bin/token', kind: 'http502', count: 1 }] });
		try {
			const url = `${started.sandbox.url}/cgi-bin/token?grant_type=client_credential&appid=${BRAND.appId}&secret=${BRAND.appSecret}`;
			expect((await fetch(url)).status).toBe(502);
			expect((await fetch(url)).status).toBe(200);
		} finally {
			await started.sandbox.close();
		}
	});

	it('parses the CLI fault form', () => {
		expect(parseFaultSpec('/datacube/getusersummary=http429:count=3:retryAfter=2')).toEqual<FaultRule>({
			route: '/datacube/getusersummary',
			kind: 'http429',
			count: 3,
			retryAfterSeconds: 2,
		});
		expect(parseFaultSpec('*=http503:rate=0.2')).toEqual<FaultRule>({ route: '*', kind: 'http503', rate: 0.2 });
		expect(() => parseFaultSpec('*=explode')).toThrow(/kind/);
		expect(() => parseFaultSpec('nonsense')).toThrow();
	});
});

describe('sandbox: control API', () => {
	let t: TestSandbox;
	beforeAll(async () => {
		t = await startTestSandbox();
	});
	afterAll(() => t.sandbox.close());

	const control = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> => {
		const response = await fetch(`${t.sandbox.url}/__sandbox${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
		return { status: response.status, body: (await response.json()) as Json };
	};

	it('reports health', async () => {
		expect((await control('GET', '/health')).body).toMatchObject({
			ok: true,
			platforms: expect.arrayContaining(['wechat', 'bilibili', 'bluesky', 'mastodon', 'youtube', 'weibo', 'x', 'douyin']),
			now: '2025-06-15T02:00:00.000Z',
		});
	});

	it('sets, lists and clears faults', async () => {
		const rules = [{ route: SUMMARY, kind: 'quota', count: 1 }];
		expect((await control('POST', '/faults', { rules })).body).toEqual({ rules });
		expect((await control('GET', '/faults')).body).toEqual({ rules });
		const token = await t.token();
		expect((await t.call(SUMMARY, token, ONE_DAY)).errcode).toBe(45009);
		expect((await control('GET', '/faults')).body.rules[0].count).toBe(0);
		expect((await control('DELETE', '/faults')).body).toEqual({ rules: [] });
		expect((await control('POST', '/faults', { rules: [{ route: SUMMARY, kind: 'explode' }] })).status).toBe(400);
		expect((await control('POST', '/faults', { rules: [{ route: SUMMARY, kind: 'http429', rate: 2 }] })).status).toBe(400);
	});

	it('expires tokens and reports stats', async () => {
		const token = await t.token();
		expect((await control('POST', '/expire-tokens')).body).toEqual({ ok: true });
		expect((await t.call(SUMMARY, token, ONE_DAY)).errcode).toBe(42001);
		const stats = (await control('GET', '/stats')).body;
		expect(stats.requests['/cgi-bin/token']).toBeGreaterThanOrEqual(1);
		expect(stats.requests['/__sandbox/stats']).toBeUndefined();
		expect(stats.tokensIssued).toBeGreaterThanOrEqual(1);
	});

	it('serves the seeded truth for out-of-process comparison', async () => {
		const { status, body } = await control('GET', `/wechat/truth?appid=${BRAND.appId}&from=2025-06-01&to=${YESTERDAY}`);
		expect(status).toBe(200);
		const wechat = t.sandbox.wechat;
		expect(body.cumulate).toHaveLength(14);
		expect(body.cumulate[13]).toEqual({ ref_date: YESTERDAY, cumulate_user: wechat.cumulate(BRAND.appId, YESTERDAY) });
		expect(body.userSummary).toEqual(dateRange('2025-06-01', YESTERDAY).flatMap((d) => wechat.userDay(BRAND.appId, d)));
		expect(body.bizSummary[13]).toEqual(wechat.bizDay(BRAND.appId, YESTERDAY));
		expect(body.articles.map((a: Json) => a.msgid)).toEqual(wechat.articlesPublished(BRAND.appId, '2025-06-01', YESTERDAY).map((a) => a.msgid));
		const first = body.articles[0];
		expect(first.days[0]).toEqual(wechat.articleDay(BRAND.appId, first.msgid, first.publishDate));
		expect(first.comments).toEqual(wechat.comments(first.msgDataId, first.index - 1));

		const defaults = (await control('GET', `/wechat/truth?appid=${BRAND.appId}`)).body;
		expect(defaults.cumulate).toHaveLength(120);
		expect((await control('GET', '/wechat/truth?appid=wxnobody')).status).toBe(400);
		expect((await control('GET', '/nothing')).status).toBe(404);
	});
});
