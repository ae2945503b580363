/** Posting to a Telegram channel against the sandbox: HTML escaping, sendPhoto, ledger-only idempotency, retry_after, ambiguous sends, errors, token never shown. */
import { startSandbox, type Sandbox } from '../../../sandbox';
import { SANDBOX_TELEGRAM_BOT_TOKEN, SANDBOX_TELEGRAM_REVOKED_TOKEN, type SentMessage } from '../../../sandbox/platforms/telegram';
import { createAxiosHttpClient } from '../../../lib/http/axios-client';
import { DEFAULT_RETRY_POLICY } from '../../../lib/http/retry';
import { PostSchema, type Post } from '../../../lib/model';
import { escapeTelegramHtml, messageUrl, readTelegramError, TelegramPublisher, telegramMessageHtml } from '../../../lib/platforms/telegram-publish';
import { publishOnce, type PublishState } from '../../../lib/publish/run';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => sandbox.close());
beforeEach(async () => {
	sandbox.clearFaults();
	await fetch(`${sandbox.url}/__sandbox/telegram/publish`, { method: 'DELETE' });
});

const sent = async () => ((await (await fetch(`${sandbox.url}/__sandbox/telegram/publish`)).json()) as { published: number; messages: SentMessage[] });
const sleeps: number[] = [];
const publisher = (options: { token?: string; chatId?: string; disableWebPagePreview?: boolean } = {}) =>
	new TelegramPublisher(
		{ botToken: options.token ?? SANDBOX_TELEGRAM_BOT_TOKEN, chatId: options.chatId ?? '@xinghe_coffee', baseUrl: sandbox.url, disableWebPagePreview: options.disableWebPagePreview },
		{
			http: createAxiosHttpClient(),
			retryPolicy: { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5, maxDelayMs: 20, jitter: 'none' },
			retryDeps: { sleep: async (ms) => void sleeps.push(ms) },
			timeoutMs: 2000,
		},
	);
const post = (id: string, extra: Record<string, unknown> = {}): Post => PostSchema.parse({ id, platform: 'telegram', account: '@xinghe_coffee', title: '', body: `Cherry blossom latte is back ${id}`, status: 'scheduled', ...extra });
const run = (p: Post, state: PublishState, executionId = 'e1', adapter = publisher()) => publishOnce(p, adapter, state, { executionId, now: () => new Date() });

describe('Telegram channel text', () => {
	it('escapes user text for HTML parse mode and bolds the title', () => {
		expect(escapeTelegramHtml('a < b && c > d')).toBe('a &lt; b &amp;&amp; c &gt; d');
		expect(telegramMessageHtml({ title: 'R&D <news>', body: '<p>1 < 2 & 3</p>', tags: ['新品'] })).toBe('<b>R&amp;D &lt;news&gt;</b>\n\n1 &lt; 2 &amp; 3\n\n#新品');
	});

	it('reads Bot API errors and builds t.me links', () => {
		expect(readTelegramError(200, { ok: true })).toBeUndefined();
		expect(readTelegramError(429, { ok: false, error_code: 429, description: 'Too Many Requests: retry after 5', parameters: { retry_after: 5 } })).toMatchObject({ code: 429, retryable: true });
		expect(readTelegramError(400, { ok: false, error_code: 400, description: 'Bad Request: chat not found' })).toMatchObject({ code: 400, retryable: false });
		expect(messageUrl({ id: '-1001', username: 'chan' }, '7')).toBe('https://t.me/chan/7');
		expect(messageUrl({ id: '-1009876543210' }, '7')).toBe('https://t.me/c/9876543210/7');
	});
});

describe('Telegram channel posting', () => {
	it('sends one message with the escaped text and reports readBack unavailable, the message id and t.me URL', async () => {
		const r = await run(post('t1', { title: 'Tom & Jerry <3', body: 'Price < 30 元' }), {});
		expect(r).toMatchObject({ status: 'published', outcome: 'published', externalId: '101', url: 'https://t.me/xinghe_coffee/101', refs: { chatId: '-1001234567890', messageId: '101' }, readBack: 'unavailable' });
		const log = await sent();
		expect(log.published).toBe(1);
		expect(log.messages[0]).toMatchObject({ kind: 'text', text: 'Tom & Jerry <3\n\nPrice < 30 元', linkPreviewDisabled: false });
	});

	it('sends a photo with the caption when the first media item is an image, and honours Disable Link Preview', async () => {
		await run(post('t2', { media: [{ type: 'image', url: 'https://cdn.example.com/latte.jpg' }] }), {});
		await run(post('t3'), {}, 'e1', publisher({ disableWebPagePreview: true }));
		const { messages } = await sent();
		expect(messages.map((m) => [m.kind, m.photo, m.linkPreviewDisabled])).toEqual([
			['photo', 'https://cdn.example.com/latte.jpg', false],
			['text', undefined, true],
		]);
	});

	it('never twice within the ledger: a re-run and a duplicate report already_published; a lost ledger has nothing to read back', async () => {
		const state: PublishState = {};
		const p = post('t4');
		await run(p, state);
		expect(await run(p, state, 'e2')).toMatchObject({ outcome: 'already_published' });
		expect(await publisher().findPublished()).toBeUndefined();
		expect((await sent()).published).toBe(1);
	});

	it('waits out 429 flood control for parameters.retry_after seconds (no Retry-After header), then sends once', async () => {
		sleeps.length = 0;
		await fetch(`${sandbox.url}/__sandbox/telegram/flood`, { method: 'POST', body: JSON.stringify({ count: 2, retryAfter: 3 }) });
		const r = await run(post('t5'), {});
		expect(r).toMatchObject({ status: 'published' });
		expect(sleeps).toEqual([3000, 3000]);
		expect((await sent()).published).toBe(1);
	});

	it('does not resend after a 5xx or a reset (the message may be out): failed, not retryable, with a note to check the channel', async () => {
		const route = `/bot${SANDBOX_TELEGRAM_BOT_TOKEN}/sendMessage`;
		const before = sandbox.stats().requests[route] ?? 0;
		sandbox.setFaults([{ route, kind: 'http502', count: 1 }]);
		const state: PublishState = {};
		const r = await run(post('t6'), state);
		expect(r).toMatchObject({ status: 'failed', outcome: 'platform_error', error: { code: '502', message: expect.stringContaining('check the channel') } });
		expect(r.retryable).toBeUndefined();
		expect((sandbox.stats().requests[route] ?? 0) - before).toBe(1);
		expect((await sent()).published).toBe(0);
		expect(JSON.stringify(r)).not.toContain(SANDBOX_TELEGRAM_BOT_TOKEN);
	});

	it('reports Telegram’s refusals with its code and description; the token never appears', async () => {
		const notAdmin = await run(post('t7'), {}, 'e1', publisher({ chatId: '@not_our_channel' }));
		expect(notAdmin).toMatchObject({ status: 'failed', error: { code: '403', message: 'Forbidden: bot is not a member of the channel chat' } });
		await expect(publisher({ chatId: '@nowhere' }).getChat()).rejects.toMatchObject({ code: '400', message: 'Bad Request: chat not found' });
		const tooLong = await run(post('t8', { body: 'x'.repeat(4097) }), {});
		expect(tooLong).toMatchObject({ status: 'failed', error: { code: '400', message: 'Bad Request: message is too long' } });
		const revoked = await run(post('t9'), {}, 'e1', publisher({ token: SANDBOX_TELEGRAM_REVOKED_TOKEN }));
		expect(revoked).toMatchObject({ status: 'failed', error: { code: '401', message: 'Unauthorized' } });
		const wrongToken = await run(post('t10'), {}, 'e1', publisher({ token: '123:not-a-token-at-all' }));
		expect(wrongToken).toMatchObject({ status: 'failed', error: { code: '404' } });
		const text = JSON.stringify([notAdmin, tooLong, revoked, wrongToken]);
		for (const secret of [SANDBOX_TELEGRAM_BOT_TOKEN, SANDBOX_TELEGRAM_REVOKED_TOKEN, '123:not-a-token-at-all']) expect(text).not.toContain(secret);
		expect((await sent()).published).toBe(0);
	});

	it('finds the channel by @username or id for the account check', async () => {
		expect(await publisher().accountNames()).toEqual(['@xinghe_coffee', '-1001234567890', 'xinghe_coffee']);
		expect(await publisher({ chatId: '-1009876543210' }).accountNames()).toEqual(['-1009876543210']);
		expect((await publisher().getMe()).username).toBe('mediaops_sandbox_bot');
	});
});
