'use strict';
/**
 * n8n credentials pointing at a running sandbox, for every credential the shipped workflows reference
 * (same ids and names as in workflows/*.json), so each shipped workflow opens and runs against the sandbox
 * in the demo and in the editor test. Requires the built sandbox (dist/sandbox).
 */
const path = require('node:path');

const DIST = path.resolve(__dirname, '..', 'dist', 'sandbox');

function sandboxCredentials(sandboxUrl) {
	const { SANDBOX_WECHAT_ACCOUNTS } = require(DIST);
	const { SANDBOX_YOUTUBE_API_KEY } = require(path.join(DIST, 'platforms', 'youtube'));
	const { sandboxWebhookUrl } = require(path.join(DIST, 'platforms', 'notify'));
	const account = SANDBOX_WECHAT_ACCOUNTS[0];
	return [
		{ id: 'mediaopsWechatOa01', name: 'WeChat OA (sandbox)', type: 'weChatOfficialAccountApi', data: { appId: account.appId, appSecret: account.appSecret, accountName: account.name, baseUrl: sandboxUrl } },
		{ id: 'mediaopsBilibili01', name: 'Bilibili (sandbox)', type: 'bilibiliApi', data: { baseUrl: sandboxUrl } },
		{ id: 'mediaopsBluesky01', name: 'Bluesky (sandbox)', type: 'blueskyApi', data: { baseUrl: sandboxUrl } },
		{ id: 'mediaopsYouTube01', name: 'YouTube (sandbox)', type: 'youTubeApi', data: { apiKey: SANDBOX_YOUTUBE_API_KEY, baseUrl: sandboxUrl } },
		{ id: 'mediaopsCommentPush01', name: 'MediaOps Comment Push (sandbox)', type: 'commentPushApi', data: { wechatToken: 'mediaopsSandboxPushToken', hmacSecret: 'sandbox-hmac-secret-0123456789' } },
		{ id: 'mediaopsApproval01', name: 'MediaOps approval (sandbox)', type: 'mediaOpsApprovalApi', data: { secret: 'sandbox-approval-secret-0123456789abcdef' } },
		{ id: 'mediaopsWecomBot01', name: 'WeCom bot (risk alerts)', type: 'weComBotApi', data: { webhookUrl: sandboxWebhookUrl('https://qyapi.weixin.qq.com', 'wecom'), baseUrl: sandboxUrl } },
	];
}

module.exports = { sandboxCredentials };
