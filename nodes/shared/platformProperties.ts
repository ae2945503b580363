import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { ReadPlatform } from './platformAccess';

/** How the Platform dropdowns name each platform. */
const PLATFORM_NAMES: Record<ReadPlatform, string> = {
	bilibili: 'Bilibili (哔哩哔哩)',
	bluesky: 'Bluesky',
	douyin: 'Douyin (抖音)',
	mastodon: 'Mastodon',
	wechatOa: 'WeChat Official Account (微信公众号)',
	weibo: 'Weibo (微博)',
	x: 'X (Twitter)',
	youtube: 'YouTube',
};

/** The Platform dropdown's options for these platforms, in this order (keep it alphabetical by name). */
export function platformOptions(platforms: ReadPlatform[]): INodePropertyOptions[] {
	return platforms.map((value) => ({ name: PLATFORM_NAMES[value], value }));
}

/** The field naming the watched account, per platform; metricsAdapter reads it by this name. */
const ACCOUNT_FIELDS = {
	weibo: { displayName: 'Account (UID or Screen Name)', name: 'weiboAccount', placeholder: '7312345678' },
	youtube: { displayName: 'Channel', name: 'youtubeChannel', placeholder: 'UCxxxxxxxxxxxxxxxxxxxxxx or @handle' },
	mastodon: { displayName: 'Account', name: 'mastodonAccount', placeholder: '@user@mastodon.social' },
	bluesky: { displayName: 'Handle or DID', name: 'blueskyActor', placeholder: 'yunfan.tech' },
	x: { displayName: 'Username', name: 'xUsername', placeholder: '@YunfanTech' },
};

/** The name of a platform's account parameter, or undefined for platforms without one (WeChat OA, Douyin). */
export function accountFieldName(platform: string): string | undefined {
	return (ACCOUNT_FIELDS as Record<string, { name: string } | undefined>)[platform]?.name;
}

/** A platform's account field, shown for that platform only; each node says what the account is for. */
export function accountProperty(platform: keyof typeof ACCOUNT_FIELDS, description: string, options: { required?: boolean } = {}): INodeProperties {
	const { displayName, name, placeholder } = ACCOUNT_FIELDS[platform];
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		...(options.required ? { required: true } : {}),
		placeholder,
		description,
		displayOptions: { show: { platform: [platform] } },
	};
}
