import { startSandbox, type Sandbox } from '../../sandbox';
import { SANDBOX_TELEGRAM_BOT_TOKEN, SANDBOX_TELEGRAM_REVOKED_TOKEN, parseTelegramHtml } from '../../sandbox/platforms/telegram';

describe('sandbox: Telegram Bot API for channels', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
	});
	afterAll(() => sandbox.close());

	const call = async (method: string, body: unknown, token = SANDBOX_TELEGRAM_BOT_TOKEN) => {
		const res = await fetch(`${sandbox.url}/bot${token}/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		return { status: res.status, retryAfterHeader: res.headers.get('retry-after'), body: (await res.json()) as Record<string, any> };
	};

	it('sends messages and photos with per-chat message ids, parses HTML like Telegram, counts them on the control route', async () => {
		const a = await call('sendMessage', { chat_id: '@xinghe_coffee', text: '<b>新品</b> 1 &lt; 2', parse_mode: 'HTML' });
		expect(a).toMatchObject({ status: 200, body: { ok: true, result: { message_id: 101, chat: { id: -1001234567890, username: 'xinghe_coffee', type: 'channel' }, text: '新品 1 < 2' } } });
		const b = await call('sendPhoto', { chat_id: -1001234567890, photo: 'https://cdn.example.com/a.jpg', caption: 'hi' });
		expect(b.body.result).toMatchObject({ message_id: 102, caption: 'hi', photo: [expect.objectContaining({ file_id: expect.any(String) })] });
		const c = await call('sendMessage', { chat_id: '-1009876543210', text: 'internal' });
		expect(c.body.result.message_id).toBe(101);
		const log = (await (await fetch(`${sandbox.url}/__sandbox/telegram/publish`)).json()) as { published: number };
		expect(log.published).toBe(3);
	});

	it('answers Telegram’s errors: parse errors, empty/long text, chat not found, not an admin, revoked token, flood control', async () => {
		expect((await call('sendMessage', { chat_id: '@xinghe_coffee', text: '1 < 2', parse_mode: 'HTML' })).body.description).toMatch(/^Bad Request: can't parse entities/);
		expect((await call('sendMessage', { chat_id: '@xinghe_coffee', text: 'R&D', parse_mode: 'HTML' })).body.description).toMatch(/^Bad Request: can't parse entities/);
		expect((await call('sendMessage', { chat_id: '@xinghe_coffee', text: ' ' })).body).toMatchObject({ ok: false, error_code: 400, description: 'Bad Request: message text is empty' });
		expect((await call('sendMessage', { chat_id: '@xinghe_coffee', text: 'x'.repeat(4097) })).body.description).toBe('Bad Request: message is too long');
		expect((await call('sendPhoto', { chat_id: '@xinghe_coffee', photo: 'https://x/a.jpg', caption: 'x'.repeat(1025) })).body.description).toBe('Bad Request: message caption is too long');
		expect((await call('sendMessage', { chat_id: '@nope', text: 'a' })).status).toBe(400);
		expect((await call('sendMessage', { chat_id: '@not_our_channel', text: 'a' })).body).toMatchObject({ error_code: 403, description: 'Forbidden: bot is not a member of the channel chat' });
		expect((await call('getMe', {}, SANDBOX_TELEGRAM_REVOKED_TOKEN)).body).toEqual({ ok: false, error_code: 401, description: 'Unauthorized' });
		await fetch(`${sandbox.url}/__sandbox/telegram/flood`, { method: 'POST', body: JSON.stringify({ count: 1, retryAfter: 7 }) });
		const flooded = await call('sendMessage', { chat_id: '@xinghe_coffee', text: 'a' });
		expect(flooded).toMatchObject({ status: 429, retryAfterHeader: null, body: { ok: false, error_code: 429, parameters: { retry_after: 7 } } });
		expect((await call('getMe', {})).body.result).toMatchObject({ is_bot: true, username: 'mediaops_sandbox_bot' });
		expect((await call('getChat', { chat_id: '@xinghe_coffee' })).body.result).toMatchObject({ id: -1001234567890, title: expect.any(String) });
	});

	it('accepts form-encoded and query parameters as the Bot API does', async () => {
		const res = await fetch(`${sandbox.url}/bot${SANDBOX_TELEGRAM_BOT_TOKEN}/sendMessage?chat_id=%40xinghe_coffee`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'text=hello&disable_notification=true' });
		expect(((await res.json()) as Record<string, any>).result.text).toBe('hello');
		expect(parseTelegramHtml('<a href="https://x.y">x</a> &amp; <i>y</i> &#20320;')).toEqual({ text: 'x & y 你' });
	});
});
