import { BRAND, FIXED_NOW, TECH, TestSandbox, YESTERDAY, startTestSandbox } from './helpers';

const USER_SUMMARY = '/datacube/getusersummary';
const ONE_DAY = { begin_date: YESTERDAY, end_date: YESTERDAY };

describe('sandbox: WeChat access tokens', () => {
	let t: TestSandbox;
	beforeEach(async () => {
		t = await startTestSandbox({ tokenTtlSeconds: 7200 });
	});
	afterEach(() => t.sandbox.close());

	const stable = (body: Record<string, unknown>) =>
		t.post('/cgi-bin/stable_token', { grant_type: 'client_credential', appid: BRAND.appId, secret: BRAND.appSecret, ...body });

	it('issues a legacy token and a new call invalidates the previous one', async () => {
		const first = await t.get(`/cgi-bin/token?grant_type=client_credential&appid=${BRAND.appId}&secret=${BRAND.appSecret}`);
		expect(first).toEqual({ access_token: expect.any(String), expires_in: 7200 });
		expect((await t.call(USER_SUMMARY, first.access_token, ONE_DAY)).list).toBeDefined();

		const second = await t.token();
		expect(second).not.toBe(first.access_token);
		expect((await t.call(USER_SUMMARY, first.access_token, ONE_DAY)).errcode).toBe(40001);
		expect((await t.call(USER_SUMMARY, second, ONE_DAY)).list).toBeDefined();
	});

	it('returns the same stable token with expires_in counting down, and force_refresh issues a new one', async () => {
		const first = await stable({});
		expect(first.expires_in).toBe(7200);
		t.clock.ms += 100_000;
		const again = await stable({ force_refresh: false });
		expect(again).toEqual({ access_token: first.access_token, expires_in: 7100 });

		const forced = await stable({ force_refresh: true });
		expect(forced.access_token).not.toBe(first.access_token);
		expect(forced.expires_in).toBe(7200);
		expect((await t.call(USER_SUMMARY, first.access_token, ONE_DAY)).errcode).toBe(40001);
		expect((await t.call(USER_SUMMARY, forced.access_token, ONE_DAY)).list).toBeDefined();
	});

	it('keeps stable and legacy tokens independent', async () => {
		const stableToken = (await stable({})).access_token as string;
		const legacy = await t.token();
		await t.token(); // invalidates `legacy`, not the stable token
		expect((await t.call(USER_SUMMARY, stableToken, ONE_DAY)).list).toBeDefined();
		expect((await t.call(USER_SUMMARY, legacy, ONE_DAY)).errcode).toBe(40001);
		await stable({ force_refresh: true }); // invalidates the stable token, not the legacy one
		expect((await t.call(USER_SUMMARY, stableToken, ONE_DAY)).errcode).toBe(40001);
	});

	it('rejects bad credentials with the real codes, as HTTP 200 with a rid suffix', async () => {
		const response = await fetch(`${t.sandbox.url}/cgi-bin/token?grant_type=client_credential&appid=${BRAND.appId}&secret=nope`);
		expect(response.status).toBe(200);
		const body = (await response.json()) as { errcode: number; errmsg: string };
		expect(body.errcode).toBe(40125);
		expect(body.errmsg).toMatch(/^invalid appsecret rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);

		expect((await t.get(`/cgi-bin/token?grant_type=client_credential&appid=wx0000000000000000&secret=x`)).errcode).toBe(40013);
		expect((await t.get(`/cgi-bin/token?grant_type=password&appid=${BRAND.appId}&secret=${BRAND.appSecret}`)).errcode).toBe(40002);
		expect((await stable({ secret: TECH.appSecret })).errcode).toBe(40125);
		expect((await stable({ grant_type: 'authorization_code' })).errcode).toBe(40002);
		expect((await stable({ appid: 'wxnotanaccount' })).errcode).toBe(40013);
	});

	it('answers 41001 without a token and 40001 for an unknown one', async () => {
		expect((await t.post(USER_SUMMARY, ONE_DAY)).errcode).toBe(41001);
		const unknown = await t.call(USER_SUMMARY, '86_not-a-token', ONE_DAY);
		expect(unknown.errcode).toBe(40001);
		expect(unknown.errmsg).toMatch(/^invalid credential, access_token is invalid or not latest rid: /);
	});

	it('expires tokens when the injected clock passes the TTL (42001)', async () => {
		const token = await t.token();
		t.clock.ms = FIXED_NOW + 7199_000;
		expect((await t.call(USER_SUMMARY, token, ONE_DAY)).list).toBeDefined();
		t.clock.ms = FIXED_NOW + 7200_000;
		const expired = await t.call(USER_SUMMARY, token, ONE_DAY);
		expect(expired.errcode).toBe(42001);
		expect(expired.errmsg).toMatch(/^access_token expired rid: /);
	});

	it('expireTokens() expires every token; the stable endpoint then issues a fresh one', async () => {
		const legacy = await t.token();
		const stableToken = (await stable({})).access_token as string;
		t.sandbox.expireTokens();
		expect((await t.call(USER_SUMMARY, legacy, ONE_DAY)).errcode).toBe(42001);
		expect((await t.call(USER_SUMMARY, stableToken, ONE_DAY)).errcode).toBe(42001);
		const fresh = await stable({});
		expect(fresh.access_token).not.toBe(stableToken);
		expect((await t.call(USER_SUMMARY, fresh.access_token, ONE_DAY)).list).toBeDefined();
		expect(t.sandbox.stats().tokensIssued).toBe(3);
	});

	it('honours a short TTL option', async () => {
		const short = await startTestSandbox({ tokenTtlSeconds: 5 });
		try {
			const token = await short.token();
			short.clock.ms += 5_000;
			expect((await short.call(USER_SUMMARY, token, ONE_DAY)).errcode).toBe(42001);
		} finally {
			await short.sandbox.close();
		}
	});
});
