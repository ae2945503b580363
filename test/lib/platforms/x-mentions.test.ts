import { SANDBOX_X_ACCOUNTS, SANDBOX_X_BEARER, XDataset } from '../../../sandbox/platforms/x';
import { PlatformError } from '../../../lib/errors';
import { MentionSchema } from '../../../lib/model';
import { XMentions } from '../../../lib/platforms/x-mentions';
import { commentSandbox, NOW } from './comment-support';

const SEED = 41;
const { sandbox, ctx, logs, requests, insert } = commentSandbox(SEED);
const [brand] = SANDBOX_X_ACCOUNTS;
const truth = new XDataset(SEED, () => NOW);

const reader = (options: { maxPages?: number; bearerToken?: string; username?: string } = {}) =>
	new XMentions({ bearerToken: SANDBOX_X_BEARER, username: `@${brand.handle}`, baseUrl: sandbox.url, ...options }, ctx());
const route = `/2/users/${brand.id}/mentions`;
const calls = () => requests(route);
const since = new Date(NOW.getTime() - 7 * 86_400_000);

describe('X mentions (users/:id/mentions)', () => {
	it('reads every mention of the window once, 100 a page, oldest first, with authors from includes.users', async () => {
		const expected = truth.mentions(brand.id).filter((c) => c.createdAtMs >= since.getTime());
		expect(expected.length).toBeGreaterThan(100);
		const before = calls();
		const mentions = await reader().listMentions(since);
		expect(calls() - before).toBe(Math.ceil(expected.length / 100));
		expect(mentions.map((m) => m.id)).toEqual([...expected].reverse().map((c) => truth.mentionId(c)));
		const last = mentions[mentions.length - 1];
		const c = expected[0];
		expect(MentionSchema.parse(last)).toEqual(last);
		expect(last).toMatchObject({
			platform: 'x',
			kind: 'mention',
			accountId: brand.id,
			postId: truth.tweetId(c.post),
			text: `@${brand.handle} ${c.text}`,
			author: { id: c.author.id, name: `@${c.author.handle}`, followers: c.author.followers },
			likes: c.likes,
			url: `https://x.com/${c.author.handle}/status/${truth.mentionId(c)}`,
		});
		expect(last.createdAt).toBe(new Date(c.createdAtMs).toISOString());
	});

	it('stops at maxPages, keeping the newest, and says so', async () => {
		const expected = truth.mentions(brand.id).filter((c) => c.createdAtMs >= since.getTime());
		const mentions = await reader({ maxPages: 1 }).listMentions(since);
		expect(mentions.map((m) => m.id)).toEqual(expected.slice(0, 100).reverse().map((c) => truth.mentionId(c)));
		expect(logs.some((l) => l.includes('more than 100 mentions'))).toBe(true);
	});

	it('reports 401, UsageCapExceeded and an unknown user with X’s own words, never the token', async () => {
		const token = 'AAAAwrongbearer000000000000000000';
		const bad = (await reader({ bearerToken: token }).listMentions(since).catch((e) => e)) as PlatformError;
		expect([bad.code, bad.httpStatus]).toEqual(['Unauthorized', 401]);
		expect(bad.describe()).not.toContain(token);
		sandbox.setFaults([{ route, kind: 'quota' }]);
		const capped = (await reader().listMentions(since).catch((e) => e)) as PlatformError;
		expect([capped.code, capped.retryable]).toEqual(['UsageCapExceeded', false]);
		sandbox.clearFaults();
		const unknown = (await reader({ username: 'nobody_here_123' }).listMentions(since).catch((e) => e)) as PlatformError;
		expect(unknown.code).toBe('Not Found Error');
	});

	it('sees a mention inserted through the control route, newest', async () => {
		const post = truth.tweets(brand.id)[0];
		const res = await insert<{ id: string }>('x/comments', { tweetId: truth.tweetId(post), text: '退款两周了还没到 refund please' });
		const mentions = await reader().listMentions(since);
		expect(mentions[mentions.length - 1]).toMatchObject({ id: res.id, postId: truth.tweetId(post), text: `@${brand.handle} 退款两周了还没到 refund please` });
	});
});
