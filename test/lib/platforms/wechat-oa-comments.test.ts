import { SANDBOX_WECHAT_ACCOUNTS, WechatDataset } from '../../../sandbox/platforms/wechat';
import { PlatformError } from '../../../lib/errors';
import { WechatOaApi } from '../../../lib/platforms/wechat-oa-api';
import { commentsOnWechatArticles, listWechatComments, recentWechatArticles, wechatMsgId } from '../../../lib/platforms/wechat-oa-comments';
import { commentSandbox, NOW } from './comment-support';

const SEED = 53;
const { sandbox, ctx, insert, logs } = commentSandbox(SEED);
const [brand] = SANDBOX_WECHAT_ACCOUNTS;
const truth = new WechatDataset(SEED, () => NOW);
const api = () => new WechatOaApi({ appId: brand.appId, appSecret: brand.appSecret, baseUrl: sandbox.url }, ctx());
const commentCount = (msgid: string) => {
	const [id, index] = msgid.split('_').map(Number);
	return truth.comments(id, index - 1)?.length ?? 0;
};

describe('WeChat comments of a poll’s recent articles (comment/list)', () => {
	it('an article deleted since the datacube listed it (88001) is skipped and logged; the others are read, oldest first; other errors fail', async () => {
		const articles = await recentWechatArticles(api(), 5, NOW);
		const withComments = articles.filter((a) => commentCount(wechatMsgId(a)) > 0);
		expect(withComments.length).toBeGreaterThan(1);
		const gone = wechatMsgId(withComments[0]);
		expect(await insert('wechat/deleted', { msgid: gone })).toMatchObject({ msgid: gone, deleted: true });

		const mentions = await commentsOnWechatArticles(api(), articles, { accountId: brand.appId, log: (m) => logs.push(m) });
		expect(new Set(mentions.map((m) => m.postId))).toEqual(new Set(withComments.slice(1).map(wechatMsgId)));
		expect(mentions).toHaveLength(withComments.slice(1).reduce((n, a) => n + commentCount(wechatMsgId(a)), 0));
		const times = mentions.map((m) => Date.parse(m.createdAt));
		expect([...times].sort((a, b) => a - b)).toEqual(times);
		expect(logs.filter((l) => l.includes(gone))).toEqual([expect.stringMatching(new RegExp(`^wechat_oa: article ${gone} is gone or closed to comments, skipped \\(\\[88001\\] msg_data is not exists`))]);

		// Reading a named article stays strict, and any other error still fails the poll.
		expect(((await listWechatComments(api(), withComments[0], { accountId: brand.appId }).catch((e) => e)) as PlatformError).code).toBe('88001');
		sandbox.setFaults([{ route: '/cgi-bin/comment/list', kind: 'quota' }]);
		expect(((await commentsOnWechatArticles(api(), articles, { accountId: brand.appId }).catch((e) => e)) as PlatformError).code).toBe('45009');
	});
});
