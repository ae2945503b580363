import { MASTODON_PUBLIC_DESCENDANTS, MastodonDataset, SANDBOX_MASTODON_ACCOUNTS, SANDBOX_MASTODON_TOKEN } from '../../../sandbox/platforms/mastodon';
import { PlatformError } from '../../../lib/errors';
import { MentionSchema } from '../../../lib/model';
import { MastodonMetricsAdapter } from '../../../lib/platforms/mastodon';
import { MastodonComments } from '../../../lib/platforms/mastodon-comments';
import { commentsOnPosts } from '../../../lib/polling/comment-source';
import { listRecentPosts, type WatchedPost } from '../../../lib/polling/watched-posts';
import { commentSandbox, NOW } from './comment-support';

const SEED = 31;
const { sandbox, ctx, logs, insert } = commentSandbox(SEED);
const [brand] = SANDBOX_MASTODON_ACCOUNTS;
const truth = new MastodonDataset(SEED, () => NOW);

const reader = (accessToken?: string) => new MastodonComments({ instanceUrl: sandbox.url, accessToken }, ctx());
const own = truth.ownPosts(brand.id);
const watched = (statusId: string): WatchedPost => ({ platform: 'mastodon', accountId: brand.id, postId: statusId });

describe('Mastodon replies (statuses/:id/context descendants)', () => {
	it('turns each reply into a Mention with the reply’s own URL, author and plain text', async () => {
		const status = own.find((s) => truth.repliesTo(s).length > 2)!;
		const expected = truth.repliesTo(status);
		const mentions = await reader().commentsOf(watched(status.id));
		expect(mentions.map((m) => m.id)).toEqual(expected.map((c) => truth.replyId(c)));
		const [first] = mentions;
		expect(MentionSchema.parse(first)).toEqual(first);
		expect(first).toMatchObject({ platform: 'mastodon', kind: 'comment', accountId: brand.id, postId: status.id, likes: expected[0].likes, author: { id: expected[0].author.id, name: `@${expected[0].author.handle}@social.example`, followers: expected[0].author.followers } });
		// HTML removed, the text kept (Chinese and English alike).
		expect(first.text).toBe(`@${brand.handle} ${expected[0].text}`);
		expect(first.url).toBe(`https://social.example/@${expected[0].author.handle}/${first.id}`);
		expect(first.createdAt).toBe(new Date(expected[0].createdAtMs).toISOString());
	});

	it('reads replies of recent statuses that have some, once each, oldest first', async () => {
		const adapter = new MastodonMetricsAdapter({ instanceUrl: sandbox.url, account: brand.handle }, ctx());
		const posts = await listRecentPosts(adapter, { days: 21, maxPosts: 6, timezone: 'Europe/Berlin', now: NOW });
		expect(posts.length).toBeGreaterThan(1);
		expect(posts[0].url).toMatch(/^https:\/\/mastodon\.example\/@xinghecoffee\//);
		const calls = () => Object.entries(sandbox.stats().requests).filter(([p]) => p.endsWith('/context')).reduce((a, [, n]) => a + n, 0);
		const before = calls();
		const mentions = await commentsOnPosts(reader(), posts);
		expect(calls() - before).toBe(posts.filter((p) => (p.comments ?? 0) > 0).length);
		const expected = posts.flatMap((p) => truth.repliesTo(truth.findStatus(p.postId)!).map((c) => truth.replyId(c)));
		expect(mentions.map((m) => m.id).sort()).toEqual(expected.sort());
	});

	it('without a token an instance returns the first 60 replies; the token lifts it', async () => {
		const status = own[0];
		for (let i = 0; i < MASTODON_PUBLIC_DESCENDANTS + 5; i++) {
			await insert('mastodon/comments', { statusId: status.id, text: `reply ${i} 回复` });
		}
		const total = truth.repliesTo(status).length;
		expect((await reader().commentsOf(watched(status.id))).length).toBe(MASTODON_PUBLIC_DESCENDANTS);
		const all = await reader(SANDBOX_MASTODON_TOKEN).commentsOf(watched(status.id));
		expect(all.length).toBeGreaterThanOrEqual(MASTODON_PUBLIC_DESCENDANTS + 5);
		expect(all.length).toBeGreaterThanOrEqual(total);
	});

	it('skips a status that is gone (404) and reports 401 with Mastodon’s message (never the token) and retries a 500', async () => {
		expect(await reader().commentsOf(watched('1'))).toEqual([]);
		expect(logs.some((l) => l.includes('status 1 is gone'))).toBe(true);
		const token = 'not-the-right-token-123456';
		const bad = (await reader(token).commentsOf(watched(own[1].id)).catch((e) => e)) as PlatformError;
		expect([bad.code, bad.message]).toEqual(['401', 'The access token is invalid']);
		expect(bad.describe()).not.toContain(token);
		const route = `/api/v1/statuses/${own[1].id}/context`;
		sandbox.setFaults([{ route, kind: 'http500', count: 1 }]);
		expect((await reader().commentsOf(watched(own[1].id))).length).toBe(truth.repliesTo(own[1]).length);
	});
});

describe('Mastodon reply text from its HTML content', () => {
	const post: WatchedPost = { platform: 'mastodon', accountId: '1', postId: '100' };
	const status = (content: string) => ({ id: '200', in_reply_to_id: '100', created_at: '2026-03-11T02:00:00.000Z', content, account: { id: '7', acct: 'fan@social.example' } });
	it('decodes each HTML entity once: a literal "&lt;" the author typed stays "&lt;", numeric entities and emoji come back', async () => {
		const { mastodonReplyToMention } = await import('../../../lib/platforms/mastodon-comments');
		const m = mastodonReplyToMention(status('<p>write &amp;lt;b&amp;gt; &amp; it&#39;s &#x27;ok&#x27; &#128512; 咖啡&nbsp;好</p>'), post)!;
		expect(m.text).toBe("write &lt;b&gt; & it's 'ok' 😀 咖啡\u00a0好");
	});
	it('keeps paragraphs apart instead of gluing their words together', async () => {
		const { mastodonReplyToMention } = await import('../../../lib/platforms/mastodon-comments');
		const m = mastodonReplyToMention(status('<p>太慢了</p><p>still waiting</p>'), post)!;
		expect(m.text).toBe('太慢了\n\nstill waiting');
	});
});
