import { wechatCredentialsFrom } from '../shared/wechatCredentials';
import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, type JsonObject } from 'n8n-workflow';
import { DEFAULT_RETRY_POLICY } from '../../lib/http/retry';
import { isPlatformError, redact } from '../../lib/errors';
import { WechatOaApi } from '../../lib/platforms/wechat-oa-api';
import { listWechatComments, recentWechatArticles, wechatMsgId, type WechatArticleRef, type WechatCommentType } from '../../lib/platforms/wechat-oa-comments';
import { loadSeenIds, takeUnseen } from '../../lib/polling/seen-ids';
import { createN8nHttpClient } from '../shared/httpClient';

type Event = 'newComments' | 'newPosts';

/** How many items a manual "Fetch Test Event" shows; it never moves the cursor. */
const TEST_EVENT_LIMIT = 5;

/**
 * Polls a WeChat Official Account for new comments (as Mention items) or newly published articles, and emits
 * each one exactly once across executions and restarts: the ids already emitted live in the workflow's static
 * data (see lib/polling/seen-ids.ts), not in memory.
 */
export class MediaOpsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MediaOps Trigger',
		name: 'mediaOpsTrigger',
		icon: 'file:mediaOpsTrigger.svg',
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter.event === "newPosts" ? "New posts" : "New comments" }}',
		description: 'Starts the workflow when new comments (留言) or new articles appear on a WeChat Official Account; each is emitted once',
		defaults: { name: 'MediaOps Trigger' },
		polling: true,
		inputs: [],
		outputs: ['main'],
		credentials: [{ name: 'weChatOfficialAccountApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'New Comments', value: 'newComments', description: 'Comments on recent articles, as Mention items (platform, ID, post ID, author, text, created at)' },
					{ name: 'New Posts', value: 'newPosts', description: 'Articles newly visible in the account’s data (one item per article)' },
				],
				default: 'newComments',
			},
			{
				displayName:
					'WeChat lists a day’s articles in its data the next day, so comments are watched on articles of the last N complete days. Each poll reads every comment page of those articles: keep N small for accounts that publish a lot.',
				name: 'wechatNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Articles of the Last (Days)',
				name: 'days',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 30 },
				default: 7,
				description: 'Watch articles published in this many complete days before today (China time)',
			},
			{
				displayName: 'Comment Type',
				name: 'commentType',
				type: 'options',
				options: [
					{ name: 'All', value: 0 },
					{ name: 'Normal Only', value: 1 },
					{ name: 'Featured (精选) Only', value: 2 },
				],
				default: 0,
				displayOptions: { show: { event: ['newComments'] } },
			},
			{
				displayName: 'On First Run',
				name: 'firstRun',
				type: 'options',
				options: [
					{ name: 'Start From Now', value: 'startFromNow', description: 'Remember what exists and emit only what appears later' },
					{ name: 'Emit Existing', value: 'emitExisting', description: 'Emit everything currently in the watched window once' },
				],
				default: 'startFromNow',
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as Event;
		const days = this.getNodeParameter('days') as number;
		const firstRun = this.getNodeParameter('firstRun') as string;
		const credentials = wechatCredentialsFrom(await this.getCredentials('weChatOfficialAccountApi'));
		const { appId, appSecret } = credentials;
		const api = new WechatOaApi(
			credentials,
			{ http: createN8nHttpClient(this), retryPolicy: DEFAULT_RETRY_POLICY, log: (m) => this.logger.info(m) },
		);

		let found: Array<{ id: string; json: IDataObject }>;
		try {
			const articles = await recentWechatArticles(api, days);
			found = event === 'newPosts' ? articles.map((a) => ({ id: wechatMsgId(a), json: articleItem(a, appId) })) : await commentItems(api, articles, appId, this.getNodeParameter('commentType') as WechatCommentType);
		} catch (error) {
			if (isPlatformError(error)) {
				throw new NodeApiError(this.getNode(), { code: error.code, message: redact(error.message, [appSecret]) } as JsonObject, { message: redact(error.describe(), [appSecret]) });
			}
			throw new NodeOperationError(this.getNode(), redact(error instanceof Error ? error.message : String(error), [appSecret]));
		}

		if (this.getMode() === 'manual') {
			// "Fetch Test Event": show the latest few without touching the cursor.
			const latest = found.slice(-TEST_EVENT_LIMIT);
			return latest.length ? [latest.map((f) => ({ json: f.json }))] : null;
		}

		const staticData = this.getWorkflowStaticData('node');
		const state = loadSeenIds(staticData.seen);
		const { fresh, state: next } = takeUnseen(found, (f) => f.id, state, { now: Date.now(), retentionDays: days + 30 });
		staticData.seen = next as unknown as IDataObject;
		const emit = !state.initialized && firstRun === 'startFromNow' ? [] : fresh;
		return emit.length ? [emit.map((f) => ({ json: f.json }))] : null;
	}
}

async function commentItems(api: WechatOaApi, articles: WechatArticleRef[], accountId: string, type: WechatCommentType): Promise<Array<{ id: string; json: IDataObject }>> {
	const out: Array<{ id: string; json: IDataObject }> = [];
	for (const article of articles) {
		for (const mention of await listWechatComments(api, article, { accountId, type })) out.push({ id: mention.id, json: mention as unknown as IDataObject });
	}
	// Oldest first across articles, so downstream sees comments in the order they were written.
	return out.sort((a, b) => String(a.json.createdAt).localeCompare(String(b.json.createdAt)));
}

function articleItem(a: WechatArticleRef, accountId: string): IDataObject {
	const item: IDataObject = { platform: 'wechat_oa', accountId, postId: wechatMsgId(a), msgDataId: a.msgDataId, index: a.index };
	if (a.title) item.title = a.title;
	if (a.url) item.url = a.url;
	if (a.publishDate) item.publishDate = a.publishDate;
	return item;
}
