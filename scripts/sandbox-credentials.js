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
	const { SANDBOX_MASTODON_TOKEN } = require(path.join(DIST, 'platforms', 'mastodon'));
	const { SANDBOX_WEIBO_TOKENS } = require(path.join(DIST, 'platforms', 'weibo'));
	const { SANDBOX_X_BEARER } = require(path.join(DIST, 'platforms', 'x'));
	const { SANDBOX_DOUYIN_CLIENT, SANDBOX_DOUYIN_ACCOUNTS } = require(path.join(DIST, 'platforms', 'douyin'));
	const douyin = SANDBOX_DOUYIN_ACCOUNTS[0];
	const weiboToken = Object.keys(SANDBOX_WEIBO_TOKENS)[0]; // the brand account 星河咖啡
	const account = SANDBOX_WECHAT_ACCOUNTS[0];
	return [
		{ id: 'mediaopsWechatOa01', name: 'WeChat OA (sandbox)', type: 'weChatOfficialAccountApi', data: { appId: account.appId, appSecret: account.appSecret, accountName: account.name, baseUrl: sandboxUrl } },
		{ id: 'mediaopsBilibili01', name: 'Bilibili (sandbox)', type: 'bilibiliApi', data: { baseUrl: sandboxUrl } },
		{ id: 'mediaopsBluesky01', name: 'Bluesky (sandbox)', type: 'blueskyApi', data: { baseUrl: sandboxUrl } },
		{ id: 'mediaopsYouTube01', name: 'YouTube (sandbox)', type: 'youTubeApi', data: { apiKey: SANDBOX_YOUTUBE_API_KEY, baseUrl: sandboxUrl } },
		{ id: 'mediaopsMastodon01', name: 'Mastodon (sandbox)', type: 'mastodonApi', data: { instanceUrl: sandboxUrl, accessToken: SANDBOX_MASTODON_TOKEN } },
		{ id: 'mediaopsWeibo01', name: 'Weibo (sandbox)', type: 'weiboApi', data: { accessToken: weiboToken, baseUrl: sandboxUrl } },
		{ id: 'mediaopsX01', name: 'X (sandbox)', type: 'xApi', data: { bearerToken: SANDBOX_X_BEARER, baseUrl: sandboxUrl } },
		{
			id: 'mediaopsDouyin01',
			name: 'Douyin (sandbox)',
			type: 'douyinApi',
			data: { ...SANDBOX_DOUYIN_CLIENT, accessToken: `act.sandbox-${douyin.handle}-token`, refreshToken: douyin.refreshToken, openId: douyin.openId, baseUrl: sandboxUrl },
		},
		{ id: 'mediaopsCommentPush01', name: 'MediaOps Comment Push (sandbox)', type: 'commentPushApi', data: { wechatToken: 'mediaopsSandboxPushToken', hmacSecret: 'sandbox-hmac-secret-0123456789' } },
		{ id: 'mediaopsApproval01', name: 'MediaOps approval (sandbox)', type: 'mediaOpsApprovalApi', data: { secret: 'sandbox-approval-secret-0123456789abcdef' } },
		{ id: 'mediaopsWecomBot01', name: 'WeCom bot (risk alerts)', type: 'weComBotApi', data: { webhookUrl: sandboxWebhookUrl('https://qyapi.weixin.qq.com', 'wecom'), baseUrl: sandboxUrl } },
	];
}

module.exports = { sandboxCredentials };
