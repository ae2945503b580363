import { InputError, isPlatformError } from '../errors';
import type { Post } from '../model';
import { shortPostText } from '../publish/text';
import type { PublishAdapter, TargetResult } from '../publish/types';
import { JsonApi, type JsonBody } from './http-json';
import { readXError, X_DEFAULT_BASE_URL } from './x';
import type { PlatformContext } from './types';

type Result = Omit<TargetResult, 'platform' | 'account' | 'key' | 'at'>;

export interface XPublishOptions {
	/** An OAuth 2.0 user access token with tweet.write and users.read (an app-only bearer cannot post). */
	accessToken: string;
	baseUrl?: string;
}

/**
 * Posting on X: `POST /2/tweets` {text} with a user token. X's free tier can post and read `/2/users/me` but not
 * the account's timeline, so there is no general read-back; the platform-side guard is X's own rule that the
 * same account cannot post the same text again ("duplicate content", 403), which this adapter reports as the
 * post already being on X. With the ledger, a retried or concurrent run therefore never posts twice.
 */
export class XPublisher implements PublishAdapter {
	readonly platform = 'x' as const;
	private me?: { id: string; username: string };
	private readonly token: string;

	constructor(
		private readonly options: XPublishOptions,
		private readonly ctx: PlatformContext,
	) {
		this.token = (options.accessToken ?? '').trim();
		if (!this.token) throw new InputError('posting on X needs an OAuth 2.0 user access token (tweet.write) in the credential', 'accessToken');
	}

	get account(): string {
		return this.me?.username ?? '';
	}

	private api(): JsonApi {
		return new JsonApi({
			platform: 'x',
			baseUrl: this.options.baseUrl || X_DEFAULT_BASE_URL,
			ctx: this.ctx,
			headers: { Authorization: `Bearer ${this.token}` },
			secrets: [this.token],
			readError: readXError,
			rateLimitHeaders: { remaining: 'x-rate-limit-remaining', reset: 'x-rate-limit-reset' },
		});
	}

	async whoAmI(): Promise<{ id: string; username: string }> {
		if (!this.me) {
			const body = await this.api().get('/2/users/me', {}, '2/users/me');
			const data = (body.data ?? {}) as JsonBody;
			this.me = { id: String(data.id), username: String(data.username) };
		}
		return this.me;
	}

	async findPublished(): Promise<Result | undefined> {
		return undefined;
	}

	async publish(post: Post): Promise<Result> {
		const me = await this.whoAmI();
		try {
			const body = await this.api().post('/2/tweets', { text: shortPostText(post) }, '2/tweets');
			const id = String((body.data as JsonBody | undefined)?.id ?? '');
			return { status: 'published', outcome: 'published', message: '发布成功 / published', externalId: id, url: `https://x.com/${me.username}/status/${id}`, refs: { tweetId: id } };
		} catch (error) {
			if (isPlatformError(error) && /duplicate content/i.test(error.message)) {
				return { status: 'published', outcome: 'duplicate_on_platform', message: 'X 拒绝重复内容：这条内容已在 X 上 / X refused it as duplicate content: this text is already on the account', readBack: true };
			}
			throw error;
		}
	}
}
