import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Secrets the Comment Push Trigger verifies incoming pushes with. Nothing is called with them, so there is
 * no Test button: a wrong token shows up as 401 answers to WeChat's handshake.
 */
export class CommentPushApi implements ICredentialType {
	name = 'commentPushApi';

	displayName = 'MediaOps Comment Push API';

	documentationUrl = 'https://github.com/mediaops/n8n-nodes-mediaops#comment-push-trigger';

	properties: INodeProperties[] = [
		{
			displayName: 'WeChat Token (令牌)',
			name: 'wechatToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The Token of 公众号后台 → 设置与开发 → 基本配置 → 服务器配置 (3-32 letters and digits). Choose 明文模式 (plain text) as the message encryption mode.',
		},
		{
			displayName: 'Signing Secret (HMAC)',
			name: 'hmacSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'For the generic signed webhook: the shared secret the sender signs with (HMAC-SHA256). At least 16 random characters, e.g. from `openssl rand -hex 32`.',
		},
	];
}
