/** The sandbox enforces each platform's own limits with the platform's own error shape and code. */
import { startSandbox, type Sandbox } from '../../sandbox';
import { SANDBOX_BLUESKY_ACCOUNTS } from '../../sandbox/platforms/bluesky';
import { SANDBOX_MASTODON_ACCOUNTS } from '../../sandbox/platforms/mastodon';
import { SANDBOX_YOUTUBE_API_KEY } from '../../sandbox/platforms/youtube';
import { SANDBOX_WEIBO_TOKENS, SANDBOX_WEIBO_ACCOUNTS } from '../../sandbox/platforms/weibo';
import { SANDBOX_X_BEARER } from '../../sandbox/platforms/x';
import { SANDBOX_DOUYIN_ACCOUNTS } from '../../sandbox/platforms/douyin';

const NOW = new Date('2026-03-15T04:00:00Z');
let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, now: () => NOW });
});
afterAll(() => sandbox.close());

async function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
	const res = await fetch(`${sandbox.url}${path}`, { headers });
	return { status: res.status, body: await res.json(), headers: res.headers };
}
const ids = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(',');

it('Bilibili: missing bvid is -400 in an HTTP 200 envelope', async () => {
	expect(await get('/x/web-interface/view')).toMatchObject({ status: 200, body: { code: -400, message: '请求错误' } });
});

it('Bluesky: limit above 100 is 400 InvalidRequest; pages carry a cursor until the end', async () => {
	const actor = SANDBOX_BLUESKY_ACCOUNTS[0].handle;
	expect(await get(`/xrpc/app.bsky.feed.getAuthorFeed?actor=${actor}&limit=101`)).toMatchObject({ status: 400, body: { error: 'InvalidRequest', message: 'Error: limit can not be greater than 100' } });
	const page = await get(`/xrpc/app.bsky.feed.getAuthorFeed?actor=${actor}&limit=100`);
	expect(page.body.feed).toHaveLength(100);
	expect(typeof page.body.cursor).toBe('string');
});

it('Mastodon: limit is clamped to 40 and every answer carries the 300 / 5 min rate-limit headers', async () => {
	const res = await get(`/api/v1/accounts/${SANDBOX_MASTODON_ACCOUNTS[0].id}/statuses?limit=80`);
	expect(res.body).toHaveLength(40);
	expect(res.headers.get('x-ratelimit-limit')).toBe('300');
	expect(res.headers.get('link')).toContain('rel="next"');
});

it('YouTube: 51 ids is a 400, a missing key a 403 forbidden, in Google’s error envelope', async () => {
	const many = await get(`/youtube/v3/videos?part=statistics&key=${SANDBOX_YOUTUBE_API_KEY}&id=${ids(51, (i) => `v${String(i).padStart(10, '0')}`)}`);
	expect(many).toMatchObject({ status: 400, body: { error: { code: 400, errors: [{ reason: 'invalidParameter' }] } } });
	expect(await get('/youtube/v3/videos?part=statistics&id=abc')).toMatchObject({ status: 403, body: { error: { errors: [{ reason: 'forbidden' }] } } });
});

it('Weibo: count above 100 is 10017, another user’s timeline 10014', async () => {
	const token = Object.keys(SANDBOX_WEIBO_TOKENS)[0];
	expect((await get(`/2/statuses/user_timeline.json?access_token=${token}&count=101`)).body).toMatchObject({ error_code: 10017 });
	expect((await get(`/2/statuses/user_timeline.json?access_token=${token}&uid=${SANDBOX_WEIBO_ACCOUNTS[1].id}`)).body).toMatchObject({ error_code: 10014 });
});

it('X: 101 ids is 400 Invalid Request; max_results must be 5..100', async () => {
	const auth = { Authorization: `Bearer ${SANDBOX_X_BEARER}` };
	expect(await get(`/2/tweets?ids=${ids(101, (i) => String(1000 + i))}`, auth)).toMatchObject({ status: 400, body: { title: 'Invalid Request' } });
	expect(await get('/2/users/1456789012345678901/tweets?max_results=101', auth)).toMatchObject({ status: 400, body: { title: 'Invalid Request' } });
	expect(await get('/2/tweets?ids=1', {})).toMatchObject({ status: 401, body: { title: 'Unauthorized' } });
});

it('Douyin: count above 20 is 2100005; a bad token 2190002, both in the data/extra envelope', async () => {
	const user = SANDBOX_DOUYIN_ACCOUNTS[0];
	const token = { 'access-token': `act.sandbox-${user.handle}-token` };
	expect((await get(`/video/list/?open_id=${user.openId}&count=21`, token)).body).toMatchObject({ data: { error_code: 2100005 }, extra: { error_code: 2100005 } });
	expect((await get(`/video/list/?open_id=${user.openId}&count=10`, { 'access-token': 'act.nope' })).body).toMatchObject({ data: { error_code: 2190002 } });
});
