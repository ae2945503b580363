/**
 * Engagement Metrics with Platform = Douyin and YouTube through n8n-core's engine against the sandbox:
 * Douyin's T+1 rule as the node's own error (and as an error item under Continue On Fail), daily fans equal to the
 * truth over Last N Complete Days; YouTube counters as numbers and the API key never in an error.
 */
import type { INode, INodeParameters } from 'n8n-workflow';
import { startSandbox, type Sandbox } from '../../sandbox';
import { DouyinDataset, SANDBOX_DOUYIN_ACCOUNTS, SANDBOX_DOUYIN_CLIENT } from '../../sandbox/platforms/douyin';
import { SANDBOX_YOUTUBE_API_KEY, SANDBOX_YOUTUBE_CHANNELS, YoutubeDataset } from '../../sandbox/platforms/youtube';
import { todayIn, addDays } from '../../lib/time/date-range';
import { ENGAGEMENT_METRICS_TYPE, runWorkflow, singleNodeWorkflow, type RunResult } from './harness';
import { allText } from './support';

const NODE = 'Engagement Metrics';
const [douyinUser] = SANDBOX_DOUYIN_ACCOUNTS;
const [channel] = SANDBOX_YOUTUBE_CHANNELS;

function run(platform: string, credentialType: string, credential: Record<string, string>, parameters: INodeParameters, extra: Partial<INode> = {}): Promise<RunResult> {
	const node: Omit<INode, 'id' | 'position'> = {
		name: NODE,
		type: ENGAGEMENT_METRICS_TYPE,
		typeVersion: 1,
		parameters: { platform, ...parameters },
		credentials: { [credentialType]: { id: 'cred', name: platform } },
		...extra,
	};
	return runWorkflow(singleNodeWorkflow(node), { credentials: { [credentialType]: credential } });
}

describe('Engagement Metrics node, Douyin and YouTube (n8n-core engine, sandbox)', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
	});
	afterAll(() => sandbox.close());

	const douyin = () => ({ clientKey: SANDBOX_DOUYIN_CLIENT.clientKey, clientSecret: SANDBOX_DOUYIN_CLIENT.clientSecret, accessToken: `act.sandbox-${douyinUser.handle}-token`, refreshToken: '', openId: douyinUser.openId, baseUrl: sandbox.url });

	it('Douyin daily fans for the last 3 complete days (China time) equal the truth', async () => {
		const result = await run('douyin', 'douyinApi', douyin(), { operation: 'getAccountMetrics', dateRange: 'lastDays', lastDays: 3 });
		expect(result.error).toBeUndefined();
		const truth = new DouyinDataset(20250101, () => new Date());
		const out = result.nodeOutput(NODE);
		const yesterday = addDays(todayIn('Asia/Shanghai', new Date()), -1);
		expect(out.map((s) => s.periodStart)).toEqual([addDays(yesterday, -2), addDays(yesterday, -1), yesterday]);
		for (const s of out) expect([s.followers, s.newFollowers]).toEqual([truth.fansDay(douyinUser.openId, String(s.periodStart)).total_fans, truth.fansDay(douyinUser.openId, String(s.periodStart)).new_fans]);
	});

	it('Douyin T+1: a range ending today is the node’s own clear error, and an error item under Continue On Fail', async () => {
		const today = todayIn('Asia/Shanghai', new Date());
		const params = { operation: 'getAccountMetrics', dateRange: 'custom', startDate: addDays(today, -2), endDate: today };
		const hard = await run('douyin', 'douyinApi', douyin(), params);
		expect(hard.error?.message).toMatch(/T\+1: the newest day available now is/);
		const soft = await run('douyin', 'douyinApi', douyin(), params, { onError: 'continueRegularOutput' });
		expect(soft.nodeOutput(NODE)).toEqual([expect.objectContaining({ field: 'dateRange', itemIndex: 0 })]);
	});

	it('YouTube: subscriber, view and video counts come out as numbers; a wrong key fails as keyInvalid without the key', async () => {
		const ok = await run('youtube', 'youTubeApi', { apiKey: SANDBOX_YOUTUBE_API_KEY, baseUrl: sandbox.url }, { operation: 'getAccountMetrics', youtubeChannel: channel.id });
		expect(ok.error).toBeUndefined();
		const [snap] = ok.nodeOutput(NODE);
		const stats = new YoutubeDataset(20250101, () => new Date()).channelStatistics(channel.id);
		expect([snap.followers, snap.views]).toEqual([Number(stats.subscriberCount), Number(stats.viewCount)]);
		const key = 'AIzaWrong-key-value-0123456789';
		const bad = await run('youtube', 'youTubeApi', { apiKey: key, baseUrl: sandbox.url }, { operation: 'getAccountMetrics', youtubeChannel: channel.id });
		expect(bad.error?.message).toContain('[keyInvalid]');
		expect(allText(bad.run)).not.toContain(key);
	});
});
