import { createHash } from 'node:crypto';
import { InputError, isPlatformError } from '../errors';
import type { Post } from '../model';
import { shortPostText } from '../publish/text';
import type { PublishAdapter, TargetResult } from '../publish/types';
import { JsonApi, type JsonBody, type PlatformErrorInfo } from './http-json';
import type { PlatformContext } from './types';

type Result = Omit<TargetResult, 'platform' | 'account' | 'key' | 'at'>;

export interface BlueskyPublishOptions {
	/** The account's PDS, https://bsky.social for most accounts. */
	pdsUrl: string;
	/** handle.bsky.social or a DID. */
	identifier: string;
	/** An app password (Settings → Privacy and security → App passwords), never the account password. */
	appPassword: string;
}

const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';
const COLLECTION = 'app.bsky.feed.post';

/**
 * A record key (TID: 53-bit microsecond timestamp + 10-bit clock id, base32-sortable, 13 characters) derived
 * from the idempotency key and the post's scheduled time: the same post version always gets the same record
 * key, and a PDS refuses a second record under an existing key. The microseconds and the clock id carry 20 bits
 * of the key's hash, so two posts scheduled for the same millisecond still get different keys.
 */
export function recordKeyFor(key: string, scheduledAt: string | undefined): string {
	const hash = createHash('sha256').update(key).digest();
	const ms = scheduledAt ? Date.parse(scheduledAt) : Date.UTC(2023, 0, 1) + (hash.readUInt32BE(4) % 31_536_000) * 1000;
	const micros = BigInt(ms) * 1000n + BigInt(hash.readUInt16BE(0) % 1000);
	const clockId = BigInt(hash.readUInt16BE(2) & 0x3ff);
	let value = (micros << 10n) | clockId;
	let out = '';
	for (let i = 0; i < 13; i++) {
		out = TID_ALPHABET[Number(value & 31n)] + out;
		value >>= 5n;
	}
	return out;
}

export function readXrpcError(status: number, body: JsonBody): PlatformErrorInfo | undefined {
	if (typeof body.error !== 'string') return undefined;
	return { code: body.error, message: typeof body.message === 'string' ? body.message : body.error, retryable: status === 429 || status >= 500 };
}

/**
 * Bluesky posting through the account's PDS: createSession with an app password, then
 * `com.atproto.repo.createRecord` under a record key derived from the idempotency key. The read-back is exact:
 * `getRecord` on that key says whether this post version is already on Bluesky, and a race between runs ends
 * with the PDS refusing the second record ("already exists").
 */
export class BlueskyPublisher implements PublishAdapter {
	readonly platform = 'bluesky' as const;
	private session?: { did: string; handle: string; accessJwt: string };

	constructor(
		private readonly options: BlueskyPublishOptions,
		private readonly ctx: PlatformContext,
	) {
		if (!options.pdsUrl) throw new InputError('Bluesky needs the PDS URL', 'pdsUrl');
		if (!options.identifier || !options.appPassword) throw new InputError('Bluesky posting needs the handle and an app password in the credential', 'appPassword');
	}

	get account(): string {
		return this.session?.handle ?? this.options.identifier;
	}

	private api(token?: string): JsonApi {
		return new JsonApi({
			platform: 'bluesky',
			baseUrl: this.options.pdsUrl,
			ctx: this.ctx,
			headers: token ? { Authorization: `Bearer ${token}` } : undefined,
			secrets: [this.options.appPassword, token],
			readError: readXrpcError,
			rateLimitHeaders: { remaining: 'ratelimit-remaining', reset: 'ratelimit-reset' },
		});
	}

	/** Logs in once per run; returns the account's DID and handle. */
	async login(): Promise<{ did: string; handle: string }> {
		if (!this.session) {
			const s = await this.api().post('/xrpc/com.atproto.server.createSession', { identifier: this.options.identifier, password: this.options.appPassword }, 'com.atproto.server.createSession');
			this.session = { did: String(s.did), handle: String(s.handle), accessJwt: String(s.accessJwt) };
		}
		return { did: this.session.did, handle: this.session.handle };
	}

	private postUrl(rkey: string): string {
		return `https://bsky.app/profile/${this.session?.handle ?? this.options.identifier}/post/${rkey}`;
	}

	private async getRecord(rkey: string): Promise<JsonBody | undefined> {
		const { did } = await this.login();
		try {
			return await this.api(this.session!.accessJwt).get('/xrpc/com.atproto.repo.getRecord', { repo: did, collection: COLLECTION, rkey }, 'com.atproto.repo.getRecord');
		} catch (error) {
			if (isPlatformError(error) && error.code === 'RecordNotFound') return undefined;
			throw error;
		}
	}

	async findPublished(post: Post, key: string): Promise<Result | undefined> {
		const rkey = recordKeyFor(key, post.scheduledAt);
		const found = await this.getRecord(rkey);
		if (!found) return undefined;
		return { status: 'published', outcome: 'found_on_platform', message: '已发布（从平台读回）/ already published (read back from Bluesky)', externalId: String(found.uri), url: this.postUrl(rkey), refs: { rkey, cid: String(found.cid ?? '') }, readBack: true };
	}

	async checkPublished(post: Post, key: string): Promise<Result> {
		const found = await this.findPublished(post, key);
		if (found) return { ...found, outcome: 'still_published', message: '仍在线 / still published' };
		if (!post.externalId) return { status: 'pending', outcome: 'not_published', message: '尚未发布 / not published yet' };
		const message = '发布后已被删除 / removed after publishing (the record is gone from the PDS)';
		return { status: 'failed', outcome: 'removed_after_publishing', message, externalId: post.externalId, error: { code: 'RecordNotFound', message, operation: 'com.atproto.repo.getRecord' }, readBack: true };
	}

	async publish(post: Post, key: string): Promise<Result> {
		const { did } = await this.login();
		const rkey = recordKeyFor(key, post.scheduledAt);
		const text = shortPostText(post);
		const record: Record<string, unknown> = { $type: COLLECTION, text, createdAt: (this.ctx.now ? this.ctx.now() : new Date()).toISOString() };
		if (/[\u4e00-\u9fff]/.test(text)) record.langs = ['zh'];
		try {
			const created = await this.api(this.session!.accessJwt).post('/xrpc/com.atproto.repo.createRecord', { repo: did, collection: COLLECTION, rkey, record }, 'com.atproto.repo.createRecord');
			return { status: 'published', outcome: 'published', message: '发布成功 / published', externalId: String(created.uri), url: this.postUrl(rkey), refs: { rkey, cid: String(created.cid ?? '') } };
		} catch (error) {
			// Another run (or an earlier attempt whose answer was lost) created it first: report that record.
			if (isPlatformError(error) && /already exists/i.test(error.message)) {
				const found = await this.findPublished(post, key);
				if (found) return { ...found, message: `${found.message}；未重复发布 / not published twice` };
			}
			throw error;
		}
	}
}
