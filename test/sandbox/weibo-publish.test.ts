import { startSandbox, type Sandbox } from '../../sandbox';
import { SANDBOX_WEIBO_SAFE_DOMAIN, shortLink, weiboLength } from '../../sandbox/platforms/weibo/publish';

const TOKEN = '2.00sandboxBrandToken_not_real';

describe('sandbox: Weibo statuses/share.json', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
	});
	afterAll(() => sandbox.close());

	const share = async (fields: Record<string, string>) => {
		const res = await fetch(`${sandbox.url}/2/statuses/share.json`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
		return { status: res.status, body: (await res.json()) as Record<string, any> };
	};
	const link = `https://${SANDBOX_WEIBO_SAFE_DOMAIN}/a`;

	it('posts a status (links shortened to t.cn) that then leads the own timeline; counts it on the control route', async () => {
		const ok = await share({ access_token: TOKEN, status: `樱花拿铁回归 ${link}` });
		expect(ok).toMatchObject({ status: 200, body: { idstr: expect.stringMatching(/^\d{16}$/), mid: expect.any(String), text: `樱花拿铁回归 ${shortLink(link)}`, created_at: expect.stringMatching(/\+0800 \d{4}$/), user: { idstr: '7312345678' } } });
		const timeline = (await (await fetch(`${sandbox.url}/2/statuses/user_timeline.json?access_token=${TOKEN}&count=5&trim_user=1`)).json()) as { statuses: Array<Record<string, any>> };
		expect(timeline.statuses[0]).toMatchObject({ idstr: ok.body.idstr, text: ok.body.text, uid: 7312345678 });
		expect(timeline.statuses).toHaveLength(5);
		const other = (await (await fetch(`${sandbox.url}/2/statuses/user_timeline.json?access_token=2.00sandboxTechToken_not_real&count=1`)).json()) as { statuses: Array<Record<string, any>> };
		expect(other.statuses[0].idstr).not.toBe(ok.body.idstr);
		expect(((await (await fetch(`${sandbox.url}/__sandbox/weibo/publish`)).json()) as { published: number }).published).toBe(1);
	});

	it('answers Weibo’s error codes: 10016, 10017 (no safe-domain link, topic), 20012, 20019, 20016, 21332, 21327', async () => {
		const code = async (fields: Record<string, string>) => (await share(fields)).body.error_code;
		expect(await code({ access_token: TOKEN })).toBe(10016);
		expect(await share({ access_token: TOKEN, status: '没有链接 https://elsewhere.example.net/' })).toMatchObject({ body: { error: 'appkey not bind domain!', error_code: 10017, request: '/2/statuses/share.json' } });
		expect(await code({ access_token: TOKEN, status: `#话题# ${link}` })).toBe(10017);
		expect(await code({ access_token: TOKEN, status: `${'长'.repeat(130)} ${link}` })).toBe(20012);
		expect(await code({ access_token: TOKEN, status: `${'a'.repeat(200)} ${link}` })).toBeUndefined();
		expect(await code({ access_token: TOKEN, status: `樱花拿铁回归 ${link}` })).toBe(20019);
		await fetch(`${sandbox.url}/__sandbox/weibo/publish`, { method: 'POST', body: JSON.stringify({ postsPerHour: 1 }) });
		expect(await code({ access_token: TOKEN, status: `新的一条 ${link}` })).toBe(20016);
		await fetch(`${sandbox.url}/__sandbox/weibo/publish`, { method: 'DELETE' });
		expect(await code({ access_token: 'nope', status: `x ${link}` })).toBe(21332);
		expect((await fetch(`${sandbox.url}/2/statuses/share.json?access_token=${TOKEN}`)).status).toBe(400);
		sandbox.expireTokens();
		expect(await code({ access_token: TOKEN, status: `x ${link}` })).toBe(21327);
	});

	it('counts like Weibo: a CJK character 1, anything else half', () => {
		expect(weiboLength('微博')).toBe(2);
		expect(weiboLength('abc')).toBe(2);
		expect(weiboLength('微博ab')).toBe(3);
	});
});
