import { InputError } from '../errors';
import type { Post } from '../model';
import { shortPostText } from '../publish/text';
import type { PublishAdapter, TargetResult } from '../publish/types';
import { JsonApi, type JsonBody } from './http-json';
import { readMastodonError } from './mastodon';
import type { PlatformContext } from './types';

type Result = Omit<TargetResult, 'platform' | 'account' | 'key' | 'at'>;

export interface MastodonPublishOptions {
	instanceUrl: string;
	/** A user token with the `write:statuses` scope. */
	accessToken: string;
	/** public (default), unlisted, private or direct. */
	visibility?: 'public' | 'unlisted' | 'private' | 'direct';
}

/** The status text (see shortPostText). */
export const mastodonStatusText = shortPostText;

/**
 * Mastodon publishing: `POST /api/v1/statuses` with the idempotency key as Mastodon's own `Idempotency-Key`
 * header, so the instance itself turns a retried or concurrent request (within an hour) into the status it
 * already created: the platform-side read-back. Beyond that hour the ledger and the calendar's status stand.
 */
export class MastodonPublisher implements PublishAdapter {
	readonly platform = 'mastodon' as const;
	private readonly token: string;

	constructor(
		private readonly options: MastodonPublishOptions,
		readonly account: string,
		private readonly ctx: PlatformContext,
	) {
		if (!options.instanceUrl) throw new InputError('Mastodon needs the instance URL', 'instanceUrl');
		this.token = (options.accessToken ?? '').trim();
		if (!this.token) throw new InputError('publishing to Mastodon needs an access token with the write:statuses scope in the credential', 'accessToken');
	}

	private api(extra: Record<string, string> = {}): JsonApi {
		return new JsonApi({
			platform: 'mastodon',
			baseUrl: this.options.instanceUrl,
			ctx: this.ctx,
			headers: { Authorization: `Bearer ${this.token}`, ...extra },
			secrets: [this.token],
			readError: readMastodonError,
			rateLimitHeaders: { remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset' },
		});
	}

	/** The token's own account: `acct`, `username` and `id`, to check a post is for this account. */
	async whoAmI(): Promise<{ id: string; acct: string; username: string }> {
		const me = await this.api().get('/api/v1/accounts/verify_credentials', {}, 'api/v1/accounts/verify_credentials');
		return { id: String(me.id), acct: String(me.acct ?? me.username), username: String(me.username) };
	}

	/** Mastodon's read-back is the Idempotency-Key itself (publish answers with the existing status). */
	async findPublished(): Promise<Result | undefined> {
		return undefined;
	}

	async publish(post: Post, key: string): Promise<Result> {
		const body: Record<string, unknown> = { status: mastodonStatusText(post), visibility: this.options.visibility ?? 'public' };
		const status: JsonBody = await this.api({ 'Idempotency-Key': key }).post('/api/v1/statuses', body, 'api/v1/statuses');
		return {
			status: 'published',
			outcome: 'published',
			message: '发布成功 / published',
			externalId: String(status.id),
			url: typeof status.url === 'string' ? status.url : undefined,
			refs: { statusId: String(status.id) },
		};
	}
}
