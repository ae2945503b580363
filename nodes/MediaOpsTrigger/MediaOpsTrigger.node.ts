import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, type JsonObject } from 'n8n-workflow';
import { isPlatformError, redact } from '../../lib/errors';
import { loadSeenIds, takeUnseen } from '../../lib/polling/seen-ids';
import { credentialsByPlatform } from '../shared/credentialsByPlatform';
import { readCredentials } from '../shared/platformAccess';
import { accountFieldName } from '../shared/platformProperties';
import { readPlatform } from './actions/platforms';
import { accountProperties, platformProperty, REST_PLATFORMS, restEventProperties, windowProperties } from './actions/properties';
import type { FoundItem, PollRead } from './actions/types';
import { readWechat } from './actions/wechat';

/** How many items a manual "Fetch Test Event" shows; it never moves the cursor. */
const TEST_EVENT_LIMIT = 5;
const WECHAT = { show: { platform: ['wechatOa'] } };

/**
 * Polls an account for new comments or mentions (as Mention items) or newly published posts, and emits each one
 * exactly once across executions and restarts: the ids already emitted live in the workflow's static data (see
 * lib/polling/seen-ids.ts), not in memory. The platform logic is in lib/; this file reads parameters and maps
 * results and errors.
 */
export class MediaOpsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MediaOps Trigger',
		name: 'mediaOpsTrigger',
		icon: 'file:mediaOpsTrigger.svg',
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter.event === "newPosts" ? "New posts" : $parameter.event === "newMentions" ? "New mentions" : "New comments") + " · " + $parameter.platform }}',
		description: 'Starts the workflow when new comments (留言/评论), mentions or posts appear on WeChat OA, Weibo, YouTube, Mastodon, Bluesky, X or Douyin; each is emitted once',
		defaults: { name: 'MediaOps Trigger' },
		polling: true,
		inputs: [],
		outputs: ['main'],
		credentials: credentialsByPlatform(readCredentials(['wechatOa', ...REST_PLATFORMS])),
		properties: [
			platformProperty,
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
				displayOptions: WECHAT,
			},
			...restEventProperties,
			{
				displayName:
					'WeChat lists a day’s articles in its data the next day, so comments are watched on articles of the last N complete days. Each poll reads every comment page of those articles: keep N small for accounts that publish a lot.',
				name: 'wechatNotice',
				type: 'notice',
				default: '',
				displayOptions: WECHAT,
			},
			{
				displayName: 'Articles of the Last (Days)',
				name: 'days',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 30 },
				default: 7,
				description: 'Watch articles published in this many complete days before today (China time)',
				displayOptions: WECHAT,
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
				displayOptions: { show: { platform: ['wechatOa'], event: ['newComments'] } },
			},
			...accountProperties,
			...windowProperties,
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
		const platform = this.getNodeParameter('platform', 'wechatOa') as string;
		const event = this.getNodeParameter('event') as string;
		const firstRun = this.getNodeParameter('firstRun') as string;
		const now = new Date();
		let reader: PollRead | undefined;
		let found: FoundItem[];
		try {
			reader = platform === 'wechatOa' ? await readWechat(this, event, this.getNodeParameter('days') as number) : await readPlatform(this, platform, event, now);
			found = await reader.read();
		} catch (error) {
			const secrets = reader?.secrets ?? [];
			if (isPlatformError(error)) {
				throw new NodeApiError(this.getNode(), { code: error.code, message: redact(error.message, secrets) } as JsonObject, {
					message: redact(error.describe(), secrets),
					httpCode: error.httpStatus ? String(error.httpStatus) : undefined,
				});
			}
			if (error instanceof NodeApiError || error instanceof NodeOperationError) throw error;
			throw new NodeOperationError(this.getNode(), redact(error instanceof Error ? error.message : String(error), secrets));
		}

		if (this.getMode() === 'manual') {
			// "Fetch Test Event": show the latest few without touching the cursor.
			const latest = found.slice(-TEST_EVENT_LIMIT);
			return latest.length ? [latest.map((f) => ({ json: f.json }))] : null;
		}

		const staticData = this.getWorkflowStaticData('node');
		// The ids remembered belong to one platform, account and event: after the node is switched to another one,
		// its first poll is a first run again (so Start From Now does not emit the new account's whole window).
		const scope = pollScope(this, platform, event);
		// (State saved before the scope was recorded is kept as it is.)
		const state = staticData.scope === undefined || staticData.scope === scope ? loadSeenIds(staticData.seen) : loadSeenIds(undefined);
		staticData.scope = scope;
		const { fresh, state: next } = takeUnseen(found, (f) => f.id, state, { now: now.getTime(), retentionDays: reader.retentionDays });
		staticData.seen = next as unknown as IDataObject;
		const emit = !state.initialized && firstRun === 'startFromNow' ? [] : fresh;
		return emit.length ? [emit.map((f) => ({ json: f.json }))] : null;
	}
}

/** What the remembered ids are ids of: the platform, the watched account's field and the event. */
function pollScope(ctx: IPollFunctions, platform: string, event: string): string {
	const accountField = accountFieldName(platform);
	const account = accountField ? String(ctx.getNodeParameter(accountField, '') ?? '').trim().toLowerCase() : '';
	return JSON.stringify([platform, account, event]);
}

