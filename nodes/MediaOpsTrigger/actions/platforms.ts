import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import type { Mention } from '../../../lib/model';
import { createRateLimiter } from '../../../lib/http/rate-limiter';
import { DEFAULT_RETRY_POLICY } from '../../../lib/http/retry';
import type { MetricsAdapter, PlatformContext } from '../../../lib/platforms/types';
import { BlueskyMetricsAdapter } from '../../../lib/platforms/bluesky';
import { DouyinMetricsAdapter } from '../../../lib/platforms/douyin';
import { MastodonMetricsAdapter } from '../../../lib/platforms/mastodon';
import { WeiboMetricsAdapter } from '../../../lib/platforms/weibo';
import { XMetricsAdapter } from '../../../lib/platforms/x';
import { YoutubeMetricsAdapter } from '../../../lib/platforms/youtube';
import { WeiboComments, weiboPostUrl } from '../../../lib/platforms/weibo-comments';
import { YoutubeComments, youtubePostUrl } from '../../../lib/platforms/youtube-comments';
import { MastodonComments } from '../../../lib/platforms/mastodon-comments';
import { BlueskyComments, blueskyPostUrl } from '../../../lib/platforms/bluesky-comments';
import { XMentions, xPostUrl } from '../../../lib/platforms/x-mentions';
import { DouyinComments } from '../../../lib/platforms/douyin-comments';
import { commentsOnPosts, type CommentSource } from '../../../lib/polling/comment-source';
import { listRecentPosts, type WatchedPost } from '../../../lib/polling/watched-posts';
import { createN8nHttpClient } from '../../shared/httpClient';
import type { FoundItem, PollRead } from './types';

/** What one platform offers the trigger: its post listing, and its comment (or mention) reader where one exists. */
interface PlatformReaders {
	posts: MetricsAdapter;
	comments?: CommentSource;
	/** Mentions of the account that are not tied to a watched post (X's mentions timeline), since an instant. */
	mentions?: (since: Date) => Promise<Mention[]>;
	postUrl?: (post: WatchedPost) => string | undefined;
	secrets: Array<string | undefined>;
}

/** The core's PlatformContext from the trigger's Options, over n8n's HTTP helper. */
function pollContext(ctx: IPollFunctions): PlatformContext {
	const options = ctx.getNodeParameter('options', {}) as { maxAttempts?: number; timeoutSeconds?: number; requestsPerSecond?: number };
	return {
		http: createN8nHttpClient(ctx),
		retryPolicy: { ...DEFAULT_RETRY_POLICY, maxAttempts: options.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts },
		timeoutMs: (options.timeoutSeconds ?? 30) * 1000,
		limiter: options.requestsPerSecond ? createRateLimiter({ requestsPerSecond: options.requestsPerSecond }) : undefined,
		log: (message: string) => ctx.logger.info(message),
	};
}

function param(ctx: IPollFunctions, name: string): string {
	return String(ctx.getNodeParameter(name, '') ?? '').trim();
}

/** A public-read platform's credential is optional: without one the platform's public host is used. */
async function optionalCredentials(ctx: IPollFunctions, type: string): Promise<Record<string, unknown>> {
	try {
		return ((await ctx.getCredentials(type)) ?? {}) as Record<string, unknown>;
	} catch {
		return {};
	}
}

async function readersFor(ctx: IPollFunctions, platform: string): Promise<PlatformReaders> {
	const common = pollContext(ctx);
	switch (platform) {
		case 'weibo': {
			const c = await ctx.getCredentials('weiboApi');
			const accessToken = String(c.accessToken ?? '');
			const baseUrl = String(c.baseUrl ?? '');
			return {
				posts: new WeiboMetricsAdapter({ accessToken, baseUrl, account: param(ctx, 'weiboAccount') }, common),
				comments: new WeiboComments({ accessToken, baseUrl }, common),
				postUrl: weiboPostUrl,
				secrets: [accessToken],
			};
		}
		case 'mastodon': {
			const c = await ctx.getCredentials('mastodonApi');
			const accessToken = String(c.accessToken ?? '');
			const instanceUrl = String(c.instanceUrl ?? '');
			return {
				posts: new MastodonMetricsAdapter({ instanceUrl, accessToken, account: param(ctx, 'mastodonAccount') }, common),
				comments: new MastodonComments({ instanceUrl, accessToken }, common),
				secrets: [accessToken],
			};
		}
		case 'bluesky': {
			const c = await optionalCredentials(ctx, 'blueskyApi');
			const baseUrl = String(c.baseUrl ?? '');
			return {
				posts: new BlueskyMetricsAdapter({ actor: param(ctx, 'blueskyActor'), baseUrl }, common),
				comments: new BlueskyComments({ baseUrl }, common),
				postUrl: (post) => blueskyPostUrl({ postId: post.postId }),
				secrets: [],
			};
		}
		case 'youtube': {
			const c = await ctx.getCredentials('youTubeApi');
			const apiKey = String(c.apiKey ?? '');
			const baseUrl = String(c.baseUrl ?? '');
			return {
				posts: new YoutubeMetricsAdapter({ apiKey, baseUrl, channel: param(ctx, 'youtubeChannel') }, common),
				comments: new YoutubeComments({ apiKey, baseUrl }, common),
				postUrl: youtubePostUrl,
				secrets: [apiKey],
			};
		}
		case 'x': {
			const c = await ctx.getCredentials('xApi');
			const bearerToken = String(c.bearerToken ?? '');
			const baseUrl = String(c.baseUrl ?? '');
			const username = param(ctx, 'xUsername');
			const mentions = new XMentions({ bearerToken, baseUrl, username }, common);
			return {
				posts: new XMetricsAdapter({ bearerToken, baseUrl, username }, common),
				mentions: (since) => mentions.listMentions(since),
				postUrl: (post) => xPostUrl(username, post.postId),
				secrets: [bearerToken],
			};
		}
		case 'douyin': {
			const c = await ctx.getCredentials('douyinApi');
			const [accessToken, refreshToken, clientSecret] = [String(c.accessToken ?? ''), String(c.refreshToken ?? ''), String(c.clientSecret ?? '')];
			const account = { clientKey: String(c.clientKey ?? ''), clientSecret, accessToken, refreshToken: refreshToken || undefined, openId: String(c.openId ?? ''), baseUrl: String(c.baseUrl ?? '') };
			return {
				posts: new DouyinMetricsAdapter({ ...account, dailyItemData: false }, common),
				comments: new DouyinComments(account, common),
				secrets: [accessToken, refreshToken, clientSecret],
			};
		}
		default:
			throw new Error(`MediaOps Trigger does not support platform "${platform}"`);
	}
}

/** New posts, new comments on them, or new mentions, on one of the REST platforms. */
export async function readPlatform(ctx: IPollFunctions, platform: string, event: string, now: Date): Promise<PollRead> {
	const readers = await readersFor(ctx, platform);
	const days = ctx.getNodeParameter('days', 7) as number;
	const window = { days, maxPosts: ctx.getNodeParameter('maxPosts', 20) as number, timezone: ctx.getTimezone(), now };
	return {
		secrets: readers.secrets,
		retentionDays: days + 30,
		read: async (): Promise<FoundItem[]> => {
			if (event === 'newMentions') {
				if (!readers.mentions) throw new Error(`${platform} has no mentions event`);
				return mentionItems(await readers.mentions(new Date(now.getTime() - days * 86_400_000)));
			}
			const posts = await listRecentPosts(readers.posts, window, readers.postUrl);
			if (event === 'newPosts') return [...posts].reverse().map((p) => ({ id: p.postId, json: postItem(p) }));
			if (!readers.comments) throw new Error(`${platform} has no comments event`);
			return mentionItems(await commentsOnPosts(readers.comments, posts));
		},
	};
}

function mentionItems(mentions: Mention[]): FoundItem[] {
	return mentions.map((m) => ({ id: m.id, json: m as unknown as IDataObject }));
}

/** A new post as an item: oldest first across a poll, like comments. */
function postItem(p: WatchedPost): IDataObject {
	return { ...p } as unknown as IDataObject;
}
