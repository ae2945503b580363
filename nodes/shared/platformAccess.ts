import type { WechatOaCredentials } from '../../lib/platforms/wechat-oa-api';
import type { PlatformCredential } from './credentialsByPlatform';
import type { NodeParameters } from './nodeParameters';
import type { SecretList } from './perItem';
import { wechatCredentialsFrom } from './wechatCredentials';

/**
 * The credential each platform's reads use (Engagement Metrics, MediaOps Trigger), and whether it is required:
 * the public-read platforms work without one, on the platform's public host.
 */
const READ_CREDENTIALS = {
	wechatOa: { credential: 'weChatOfficialAccountApi', required: true },
	bilibili: { credential: 'bilibiliApi', required: false },
	bluesky: { credential: 'blueskyApi', required: false },
	mastodon: { credential: 'mastodonApi', required: true },
	youtube: { credential: 'youTubeApi', required: true },
	weibo: { credential: 'weiboApi', required: true },
	x: { credential: 'xApi', required: true },
	douyin: { credential: 'douyinApi', required: true },
} as const;

export type ReadPlatform = keyof typeof READ_CREDENTIALS;

/** The node description's credentials for these platforms, in this order (see credentialsByPlatform). */
export function readCredentials(platforms: ReadPlatform[]): PlatformCredential[] {
	return platforms.map((platform) => ({ platform, ...READ_CREDENTIALS[platform] }));
}

/** A platform's credential fields as the core's adapters and comment readers take them. */
export type PlatformAccess =
	| { platform: 'wechatOa'; credentials: WechatOaCredentials & { accountName?: string } }
	| { platform: 'bilibili'; credentials: { baseUrl: string } }
	| { platform: 'bluesky'; credentials: { baseUrl: string } }
	| { platform: 'mastodon'; credentials: { instanceUrl: string; accessToken: string } }
	| { platform: 'youtube'; credentials: { apiKey: string; baseUrl: string } }
	| { platform: 'weibo'; credentials: { accessToken: string; baseUrl: string } }
	| { platform: 'x'; credentials: { bearerToken: string; baseUrl: string } }
	| { platform: 'douyin'; credentials: { clientKey: string; clientSecret: string; accessToken: string; refreshToken?: string; openId: string; baseUrl: string } };

/** Reads the platform's credential; its secrets are registered for scrubbing from any error text. */
export async function platformAccess(p: NodeParameters, platform: string, secrets: SecretList): Promise<PlatformAccess> {
	/** A credential field that is a secret: registered as it is read. */
	const secret = (c: Record<string, unknown>, field: string): string => {
		const value = text(c[field]);
		secrets.push(value);
		return value;
	};
	switch (platform) {
		case 'wechatOa': {
			const credentials = wechatCredentialsFrom(await p.credentials(READ_CREDENTIALS.wechatOa.credential));
			secrets.push(credentials.appSecret);
			return { platform, credentials };
		}
		case 'bilibili':
		case 'bluesky':
			return { platform, credentials: { baseUrl: text((await credentialOf(p, platform)).baseUrl) } };
		case 'mastodon': {
			const c = await credentialOf(p, platform);
			return { platform, credentials: { instanceUrl: text(c.instanceUrl), accessToken: secret(c, 'accessToken') } };
		}
		case 'youtube': {
			const c = await credentialOf(p, platform);
			return { platform, credentials: { apiKey: secret(c, 'apiKey'), baseUrl: text(c.baseUrl) } };
		}
		case 'weibo': {
			const c = await credentialOf(p, platform);
			return { platform, credentials: { accessToken: secret(c, 'accessToken'), baseUrl: text(c.baseUrl) } };
		}
		case 'x': {
			const c = await credentialOf(p, platform);
			return { platform, credentials: { bearerToken: secret(c, 'bearerToken'), baseUrl: text(c.baseUrl) } };
		}
		case 'douyin': {
			const c = await credentialOf(p, platform);
			const [accessToken, refreshToken, clientSecret] = [secret(c, 'accessToken'), secret(c, 'refreshToken'), secret(c, 'clientSecret')];
			return { platform, credentials: { clientKey: text(c.clientKey), clientSecret, accessToken, refreshToken: refreshToken || undefined, openId: text(c.openId), baseUrl: text(c.baseUrl) } };
		}
		default:
			throw new Error(`Unsupported platform "${platform}"`);
	}
}

async function credentialOf(p: NodeParameters, platform: ReadPlatform): Promise<Record<string, unknown>> {
	const { credential, required } = READ_CREDENTIALS[platform];
	return required ? p.credentials(credential) : p.optionalCredentials(credential);
}

function text(value: unknown): string {
	return String(value ?? '');
}
