import type { RiskLevel } from '../model';

/** The team chat tools Team Notify posts to, each through its group-bot / incoming webhook. */
export const NOTIFY_CHANNELS = ['wecom', 'dingtalk', 'feishu', 'slack'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

export type NotifyLanguage = 'zh' | 'en';

/**
 * Someone to @mention. Which kinds a channel can notify differs (see each renderer):
 * WeCom markdown: user ids; DingTalk: mobiles, user ids, all; Feishu: user/open ids, emails, all;
 * Slack: member ids (U…/W…), user groups (S…), all (`<!channel>`).
 */
export interface Mention {
	kind: 'user' | 'mobile' | 'email' | 'all';
	id: string;
}

/** A line item of a section: plain text (escaped by each renderer) and an optional link. */
export interface DocItem {
	text: string;
	url?: string;
}

/**
 * A message in channel-neutral form: every string is plain text that each renderer escapes for its own
 * markdown dialect, except `markdown`, which the workflow author wrote and is passed through as is.
 */
export interface NotifyDocument {
	title: string;
	/** Drives colour and emoji (alerts). */
	level?: RiskLevel;
	/** Short label/value facts, shown first. */
	fields: Array<{ label: string; value: string }>;
	sections: Array<{ heading: string; items: DocItem[] }>;
	/** Author-written markdown body (Text messages in markdown format). */
	markdown?: string;
	/** Plain text body, line breaks kept (Text messages in plain format). */
	body?: string;
	/** A small line at the end (alert id, generated time). */
	note?: string;
	mentions: Mention[];
	language: NotifyLanguage;
}

/** What a renderer hands to the transport. */
export interface RenderedMessage {
	channel: NotifyChannel;
	/** The JSON body to POST (before signing, which is added per attempt). */
	payload: Record<string, unknown>;
	/** Whether lines were dropped or text clipped to fit the platform's limit. */
	truncated: boolean;
	/** Mentions this channel cannot express (e.g. a mobile number on Slack), reported, never guessed. */
	skippedMentions: Mention[];
}
