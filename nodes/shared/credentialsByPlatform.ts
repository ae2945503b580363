import type { INodeCredentialDescription } from 'n8n-workflow';

export interface PlatformCredential {
	platform: string;
	credential: string;
	required: boolean;
}

/**
 * One credential per value of the node's `platform` parameter. The credentials are tied to their platform with
 * `hide` (every other platform) rather than `show`: n8n's editor treats a parameter that every credential
 * `show`s on as the node's authentication field and moves it out of the parameter panel, which would hide the
 * Platform dropdown. `alsoHide` hides all of them for operations that need no account (e.g. a file import).
 */
export function credentialsByPlatform(entries: PlatformCredential[], alsoHide: Record<string, string[]> = {}, parameter = 'platform'): INodeCredentialDescription[] {
	const platforms = entries.map((e) => e.platform);
	return entries.map((e) => ({
		name: e.credential,
		required: e.required,
		displayOptions: { hide: { [parameter]: platforms.filter((p) => p !== e.platform), ...alsoHide } },
	}));
}
