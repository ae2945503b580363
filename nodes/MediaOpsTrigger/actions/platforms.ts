import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import type { Mention } from '../../../lib/model';
import type { MetricsAdapter } from '../../../lib/platforms/types';
import { WeiboComments, weiboPostUrl } from '../../../lib/platforms/weibo-comments';
import { YoutubeComments, youtubePostUrl } from '../../../lib/platforms/youtube-comments';
import { MastodonComments } from '../../../lib/platforms/mastodon-comments';
import { BlueskyComments, blueskyPostUrl } from '../../../lib/platforms/bluesky-comments';
import { XMentions, xPostUrl } from '../../../lib/platforms/x-mentions';
import { DouyinComments } from '../../../lib/platforms/douyin-comments';
import { commentsOnPosts, type CommentSource } from '../../../lib/polling/comment-source';
import { listRecentPosts, type WatchedPost } from '../../../lib/polling/watched-posts';
import { metricsAdapter } from '../../shared/metricsAdapter';
import { pollParameters } from '../../shared/nodeParameters';
import type { SecretList } from '../../shared/perItem';
import { platformAccess } from '../../shared/platformAccess';
import { transportContext } from '../../shared/platformContext';
import type { FoundItem, PollRead } from './types';
import { REST_PLATFORMS } from './properties';

/** What one platform offers the trigger: its post listing, and its comment (or mention) reader where one exists. */
interface PlatformReaders {
	posts: MetricsAdapter;
	comments?: CommentSource;
	/** Mentions of the account that are not tied to a watched post (X's mentions timeline), since an instant. */
	mentions?: (since: Date) => Promise<Mention[]>;
	postUrl?: (post: WatchedPost) => string | undefined;
	secrets: SecretList;
}

/**
 * The platform's readers from its credential and account field: the post listing is the metrics adapter
 * Engagement Metrics uses (nodes/shared), the comment readers are the trigger's own.
 */
async function readersFor(ctx: IPollFunctions, platform: string): Promise<PlatformReaders> {
	if (!(REST_PLATFORMS as readonly string[]).includes(platform)) throw unsupported(platform);
	const p = pollParameters(ctx);
	const common = transportContext(p);
	const secrets: SecretList = [];
	const access = await platformAccess(p, platform, secrets);
	switch (access.platform) {
		case 'weibo':
			return { posts: metricsAdapter(p, access, common), comments: new WeiboComments(access.credentials, common), postUrl: weiboPostUrl, secrets };
		case 'mastodon':
			return { posts: metricsAdapter(p, access, common), comments: new MastodonComments(access.credentials, common), secrets };
		case 'bluesky':
			return {
				posts: metricsAdapter(p, access, common),
				comments: new BlueskyComments(access.credentials, common),
				postUrl: (post) => blueskyPostUrl({ postId: post.postId }),
				secrets,
			};
		case 'youtube':
			return { posts: metricsAdapter(p, access, common), comments: new YoutubeComments(access.credentials, common), postUrl: youtubePostUrl, secrets };
		case 'x': {
			const username = p.text('xUsername');
			// Built before the post listing, as it always was: a missing token is reported by the mentions reader.
			const mentions = new XMentions({ ...access.credentials, username }, common);
			return { posts: metricsAdapter(p, access, common), mentions: (since) => mentions.listMentions(since), postUrl: (post) => xPostUrl(username, post.postId), secrets };
		}
		case 'douyin':
			return { posts: metricsAdapter(p, access, common), comments: new DouyinComments(access.credentials, common), secrets };
		default:
			throw unsupported(platform);
	}
}

function unsupported(platform: string): Error {
	return new Error(`MediaOps Trigger does not support platform "${platform}"`);
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
