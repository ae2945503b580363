import type { IDataObject, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { MentionSchema, type Mention } from '../../lib/model';
import { normaliseWechatMessage, parseWechatXml, verifyHmacSignature, verifyWechatSignature, wechatMessageToMention } from '../../lib/platforms/wechat-oa-push';

type Source = 'wechatOa' | 'signed';

/**
 * Pushed comments and messages in, as Mention items. Every request is verified before anything runs:
 * a bad or missing signature gets 401 and starts no execution. WeChat expects the plain text "success"
 * within 5 seconds, so the answer goes out before the workflow runs.
 */
export class CommentPushTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Comment Push Trigger',
		name: 'commentPushTrigger',
		icon: 'file:commentPushTrigger.svg',
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter.source === "signed" ? "Signed webhook (HMAC)" : "WeChat message push" }}',
		description: 'Starts the workflow when WeChat pushes a message to your Official Account (消息推送) or a system posts signed comments; emits Mention items',
		defaults: { name: 'Comment Push Trigger' },
		inputs: [],
		outputs: ['main'],
		credentials: [{ name: 'commentPushApi', required: true }],
		webhooks: [
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: '={{ $parameter.path }}', isFullPath: true },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: '={{ $parameter.path }}', isFullPath: true },
		],
		properties: [
			{
				displayName: 'Source',
				name: 'source',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'WeChat Official Account Message Push (消息推送)', value: 'wechatOa', description: 'Signature sha1(sort(token, timestamp, nonce)); plain-text mode; the echostr handshake' },
					{ name: 'Signed Webhook (HMAC-SHA256)', value: 'signed', description: 'Any system that signs "timestamp.body" with a shared secret' },
				],
				default: 'wechatOa',
			},
			{
				displayName: 'Path',
				name: 'path',
				type: 'string',
				default: 'mediaops-comments',
				required: true,
				description: 'The URL is &lt;n8n URL&gt;/webhook/&lt;path&gt;. For WeChat enter it as the server URL (服务器地址) in 基本配置 → 服务器配置.',
			},
			{
				displayName:
					'In 公众号后台 → 设置与开发 → 基本配置 → 服务器配置 enter the production URL, the Token of your credential, and 明文模式. Publish this workflow first: WeChat checks the URL with a signed GET (echostr) when you save. Text messages become Mention items (kind dm); events are acknowledged and ignored.',
				name: 'wechatNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { source: ['wechatOa'] } },
			},
			{
				displayName:
					'POST JSON: a Mention, an array of Mentions or { "mentions": [...] }, with headers X-MediaOps-Timestamp (unix seconds) and X-MediaOps-Signature: sha256=&lt;hex HMAC-SHA256(secret, "&lt;timestamp&gt;.&lt;raw body&gt;")&gt;.',
				name: 'signedNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { source: ['signed'] } },
			},
			{
				displayName: 'Account ID',
				name: 'accountId',
				type: 'string',
				default: '',
				placeholder: 'wx1234567890abcdef',
				displayOptions: { show: { source: ['wechatOa'] } },
				description: 'Stored as accountId on each Mention (e.g. your AppID, to match the comments List WeChat Comments returns). Empty: the account’s original ID (gh_…) from the message.',
			},
			{
				displayName: 'Replay Window (Seconds)',
				name: 'replayWindowSeconds',
				type: 'number',
				typeOptions: { minValue: 10 },
				default: 300,
				displayOptions: { show: { source: ['signed'] } },
				description: 'Requests whose timestamp is further than this from now are rejected, so a captured request cannot be replayed',
			},
		],
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const source = this.getNodeParameter('source', 'wechatOa') as Source;
		const credentials = await this.getCredentials('commentPushApi');
		const res = this.getResponseObject();
		const req = this.getRequestObject() as ReturnType<IWebhookFunctions['getRequestObject']> & { rawBody?: Buffer };
		const reject = (status: number, message: string): IWebhookResponseData => {
			res.status(status).json({ error: message });
			return { noWebhookResponse: true };
		};

		if (source === 'wechatOa') {
			const query = this.getQueryData() as IDataObject;
			// 401 for a missing or wrong signature, and nothing runs: the request may not come from WeChat.
			if (!verifyWechatSignature(String(credentials.wechatToken ?? ''), query)) return reject(401, 'invalid signature');
			if (this.getWebhookName() === 'setup') {
				res.status(200).type('text/plain').send(String(query.echostr ?? ''));
				return { noWebhookResponse: true };
			}
			const raw = req.rawBody?.toString('utf8');
			const message = raw ? parseWechatXml(raw) : normaliseWechatMessage((this.getBodyData() ?? {}) as Record<string, unknown>);
			res.status(200).type('text/plain').send('success');
			const mention = wechatMessageToMention(message, String(this.getNodeParameter('accountId', '') ?? '').trim() || undefined);
			if (!mention) return { noWebhookResponse: true };
			return { noWebhookResponse: true, workflowData: [[{ json: mention as unknown as IDataObject }]] };
		}

		if (this.getWebhookName() === 'setup') return reject(405, 'use POST');
		const headers = this.getHeaderData() as IDataObject;
		const raw = req.rawBody ?? Buffer.from(JSON.stringify(this.getBodyData() ?? {}));
		const check = verifyHmacSignature(
			String(credentials.hmacSecret ?? ''),
			{ timestamp: headers['x-mediaops-timestamp'], signature: headers['x-mediaops-signature'] },
			raw,
			Date.now(),
			this.getNodeParameter('replayWindowSeconds', 300) as number,
		);
		if (!check.ok) return reject(401, check.reason === 'stale' ? 'timestamp outside the replay window' : 'invalid signature');
		let body: unknown;
		try {
			body = JSON.parse(raw.toString('utf8'));
		} catch {
			return reject(400, 'body is not JSON');
		}
		const list = Array.isArray(body) ? body : Array.isArray((body as IDataObject)?.mentions) ? ((body as IDataObject).mentions as unknown[]) : [body];
		const mentions: Mention[] = [];
		for (const [index, value] of list.entries()) {
			const parsed = MentionSchema.safeParse(value);
			if (!parsed.success) {
				const issue = parsed.error.issues[0];
				return reject(400, `mention ${index}: ${issue?.path.join('.') || 'item'} ${issue?.message ?? 'invalid'}`);
			}
			mentions.push(parsed.data);
		}
		res.status(200).json({ received: mentions.length });
		if (!mentions.length) return { noWebhookResponse: true };
		return { noWebhookResponse: true, workflowData: [mentions.map((m) => ({ json: m as unknown as IDataObject }))] };
	}
}
