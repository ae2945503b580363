/**
 * Social Publish to a Telegram channel and to Weibo, through n8n-core's real engine against the in-process
 * sandbox: publish once, duplicates and re-runs publish nothing (ledger; Weibo also reads its timeline back),
 * the platform's error surfaced with its code, secrets absent from everything the run produced.
 */
import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';
import { startSandbox, type Sandbox } from '../../sandbox';
import { SocialPublish } from '../../nodes/SocialPublish/SocialPublish.node';
import { TelegramBotApi } from '../../credentials/TelegramBotApi.credentials';
import { WeiboApi } from '../../credentials/WeiboApi.credentials';
import { SANDBOX_WEIBO_SAFE_DOMAIN } from '../../sandbox/platforms/weibo/publish';
import { SANDBOX_TELEGRAM_BOT_TOKEN, type SentMessage } from '../../sandbox/platforms/telegram';
import { PACKAGE, registerTypes, runWorkflow, singleNodeWorkflow, type RunResult } from './harness';
import { allText } from './support';

const TYPE = `${PACKAGE}.socialPublish`;
const NODE = 'Social Publish';
registerTypes({ [TYPE]: new SocialPublish() }, { telegramBotApi: new TelegramBotApi(), weiboApi: new WeiboApi() });
const WEIBO_TOKEN = '2.00sandboxBrandToken_not_real';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
	sandbox.clearFaults();
	await fetch(`${sandbox.url}/__sandbox/telegram/publish`, { method: 'DELETE' });
	await fetch(`${sandbox.url}/__sandbox/weibo/publish`, { method: 'DELETE' });
});

function run(parameters: INodeParameters, items: IDataObject[], credentials: Record<string, IDataObject> = {}, extra: Partial<INode> = {}): Promise<RunResult> {
	const node = {
		name: NODE,
		type: TYPE,
		typeVersion: 1,
		parameters: { operation: 'publish', ...parameters },
		credentials: { telegramBotApi: { id: 'cred-tg', name: 'Telegram sandbox' }, weiboApi: { id: 'cred-wb', name: 'Weibo sandbox' } },
		...extra,
	};
	return runWorkflow(singleNodeWorkflow(node, items), {
		credentials: {
			telegramBotApi: { botToken: SANDBOX_TELEGRAM_BOT_TOKEN, baseUrl: sandbox.url },
			weiboApi: { accessToken: WEIBO_TOKEN, baseUrl: sandbox.url, safeDomain: SANDBOX_WEIBO_SAFE_DOMAIN },
			...credentials,
		} as never,
	});
}

const outcomes = (result: RunResult) => result.nodeOutput(NODE).map((o) => [o.status, (o.publish as { targets: IDataObject[] }).targets[0].outcome]);
const telegramSent = async () => ((await (await fetch(`${sandbox.url}/__sandbox/telegram/publish`)).json()) as { published: number; messages: SentMessage[] });

describe('Social Publish node: Telegram channel', () => {
	const tg = (id: string, extra: IDataObject = {}): IDataObject => ({ id, platform: 'telegram', account: '@xinghe_coffee', title: '春季新品', body: 'Cherry blossom latte <limited> & back', status: 'scheduled', ...extra });
	const params = { platform: 'telegram', telegramChatId: '@xinghe_coffee' };

	it('posts once per post version (a duplicate item is already_published), escaped, with message id, t.me URL and readBack unavailable', async () => {
		const p = tg(`tg-${Date.now()}`);
		const result = await run(params, [p, p, tg('other', { account: '@someone_else' }), { ...tg('wx'), platform: 'wechat_oa' }]);
		expect(result.error).toBeUndefined();
		expect(outcomes(result)).toEqual([
			['published', 'published'],
			['published', 'already_published'],
			['failed', 'wrong_account'],
			['failed', 'unsupported_platform'],
		]);
		const [first] = result.nodeOutput(NODE);
		expect(first).toMatchObject({ externalId: expect.stringMatching(/^\d+$/), url: expect.stringMatching(/^https:\/\/t\.me\/xinghe_coffee\/\d+$/), event: { type: 'published' } });
		expect((first.publish as { targets: IDataObject[] }).targets[0]).toMatchObject({ readBack: 'unavailable', refs: { chatId: '-1001234567890' } });
		const { published, messages } = await telegramSent();
		expect(published).toBe(1);
		expect(messages[0].text).toBe('春季新品\n\nCherry blossom latte <limited> & back');
		expect(allText(result.run)).not.toContain(SANDBOX_TELEGRAM_BOT_TOKEN);
	});

	it('the account may name the channel by id; dry run posts nothing', async () => {
		const dry = await run({ ...params, dryRun: true }, [tg('dry', { account: '-1001234567890' })]);
		expect(outcomes(dry)).toEqual([['scheduled', 'dry_run_ok']]);
		expect((await telegramSent()).published).toBe(0);
	});

	it('surfaces Telegram’s error with its code (bot not admin: 403), never the token, even when the token is in every URL', async () => {
		const result = await run({ platform: 'telegram', telegramChatId: '@not_our_channel' }, [tg('na', { account: '@not_our_channel' })]);
		expect(result.nodeOutput(NODE)[0]).toMatchObject({ status: 'failed', publish: { targets: [{ outcome: 'platform_error', error: { code: '403', message: 'Forbidden: bot is not a member of the channel chat' } }] }, event: { type: 'failed' } });
		const badToken = await run(params, [tg('bt')], { telegramBotApi: { botToken: '999:wrong-token-value-xyz', baseUrl: sandbox.url } });
		expect(badToken.error?.message ?? '').toMatch(/telegram getChat failed: \[404\]|404/);
		expect(allText([result.run, badToken.run])).not.toContain(SANDBOX_TELEGRAM_BOT_TOKEN);
		expect(allText(badToken.run)).not.toContain('wrong-token-value-xyz');
		expect((await telegramSent()).published).toBe(0);
	});

	it('a send that may have gone out (502) is failed, not retried, with the note to check the channel; a row carries the cause', async () => {
		sandbox.setFaults([{ route: `/bot${SANDBOX_TELEGRAM_BOT_TOKEN}/sendMessage`, kind: 'http502', count: 1 }]);
		const result = await run({ ...params, outputFormat: 'row' }, [tg('amb')]);
		expect(result.nodeOutput(NODE)[0]).toMatchObject({ status: 'failed', publishStatus: 'failed', publishError: expect.stringContaining('check the channel') });
		expect((await telegramSent()).published).toBe(0);
	});

	it('n8n keeps no static data between these harness runs (like manual executions): with no read-back, a second run posts again — the documented limit', async () => {
		const p = tg(`again-${Date.now()}`);
		await run(params, [p]);
		const again = await run(params, [p]);
		expect(outcomes(again)).toEqual([['published', 'published']]);
		expect((await telegramSent()).published).toBe(2);
	});
});

describe('Social Publish node: Weibo', () => {
	const link = `https://${SANDBOX_WEIBO_SAFE_DOMAIN}/spring`;
	const wb = (id: string, extra: IDataObject = {}): IDataObject => ({ id, platform: 'weibo', account: '星河咖啡', title: '', body: `樱花拿铁回归，第二杯半价 ${id} ${link}`, status: 'scheduled', scheduledAt: new Date(Date.now() - 60_000).toISOString(), ...extra });
	const weiboShared = async () => ((await (await fetch(`${sandbox.url}/__sandbox/weibo/publish`)).json()) as { published: number }).published;

	it('shares once; a duplicate item is already_published and the next run (no static data kept) reads it back from the timeline', async () => {
		const p = wb(`wb-${Date.now()}`);
		const first = await run({ platform: 'weibo' }, [p, p, wb('uid', { account: '7312345678' }), wb('other', { account: '云帆科技' })]);
		expect(first.error).toBeUndefined();
		expect(outcomes(first)).toEqual([
			['published', 'published'],
			['published', 'already_published'],
			['published', 'published'],
			['failed', 'wrong_account'],
		]);
		expect(first.nodeOutput(NODE)[0]).toMatchObject({ externalId: expect.stringMatching(/^\d{16}$/), url: expect.stringMatching(/^https:\/\/weibo\.com\/7312345678\/\d+$/), event: { type: 'published' } });
		const again = await run({ platform: 'weibo' }, [p]);
		expect(again.nodeOutput(NODE)[0]).toMatchObject({ status: 'published', externalId: first.nodeOutput(NODE)[0].externalId, publish: { targets: [{ outcome: 'found_on_platform', readBack: true }] } });
		expect(await weiboShared()).toBe(2);
		expect(allText([first.run, again.run])).not.toContain(WEIBO_TOKEN);
	});

	it('the compliance check holds Weibo to 140 characters; a missing safe-domain link is refused before any call', async () => {
		const long = await run({ platform: 'weibo' }, [wb('long', { body: `${'长'.repeat(140)} ${link}` })]);
		expect(outcomes(long)).toEqual([['failed', 'compliance_failed']]);
		const noLink = await run({ platform: 'weibo', checkBeforePublishing: false }, [wb('nolink', { body: '没有链接的一条' })]);
		expect(noLink.nodeOutput(NODE)[0]).toMatchObject({ status: 'failed', publish: { targets: [{ outcome: 'compliance_failed', error: { code: 'weibo_safe_domain' } }] } });
		expect(await weiboShared()).toBe(0);
	});

	it('surfaces Weibo’s error with its error_code (20016 posting limit) as a failed post and row; the token never shows', async () => {
		await fetch(`${sandbox.url}/__sandbox/weibo/publish`, { method: 'POST', body: JSON.stringify({ postsPerHour: 0 }) });
		const result = await run({ platform: 'weibo', outputFormat: 'row' }, [wb('limit')]);
		expect(result.nodeOutput(NODE)[0]).toMatchObject({ status: 'failed', publishStatus: 'failed', publishError: expect.stringMatching(/^\[20016\]/) });
		const noDomain = await run({ platform: 'weibo' }, [wb('nd')], { weiboApi: { accessToken: WEIBO_TOKEN, baseUrl: sandbox.url, safeDomain: '' } });
		expect(allText(noDomain.run)).toMatch(/safe domain/);
		expect(allText([result.run, noDomain.run])).not.toContain(WEIBO_TOKEN);
		expect(await weiboShared()).toBe(0);
	});
});
