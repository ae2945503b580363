import { escapeSlackMrkdwn, plainLine } from '../escape';
import { notifyWords } from '../content';
import { clipGraphemes } from '../text';
import type { Mention, NotifyDocument, RenderedMessage } from '../types';
import { bodyLines, type Dialect } from './lines';

/**
 * Slack incoming webhook with Block Kit (api.slack.com/messaging/webhooks, api.slack.com/reference/block-kit):
 * `{"text":"fallback","blocks":[{"type":"header",…},{"type":"section","text":{"type":"mrkdwn","text":"…"}},…]}`.
 * Limits from the Block Kit reference: 50 blocks a message, 3000 characters of section text, 150 characters of
 * header text; `text` is the notification and screen-reader fallback. Mentions: `<@U…>` members, `<!subteam^S…>`
 * user groups, `<!channel>` for all; emails and mobiles cannot be mentioned.
 */
export const SLACK_MAX_BLOCKS = 50;
export const SLACK_SECTION_MAX_CHARS = 3000;
export const SLACK_HEADER_MAX_CHARS = 150;

export function renderSlack(doc: NotifyDocument): RenderedMessage {
	const dialect: Dialect = {
		escape: escapeSlackMrkdwn,
		bold: (s) => `*${s}*`,
		link: (text, url) => `<${url}|${text}>`,
		item: (inner) => `• ${inner}`,
	};
	const mentionText = (m: Mention) => (m.kind === 'all' ? '<!channel>' : /^S[A-Z0-9]+$/.test(m.id) ? `<!subteam^${m.id}>` : `<@${m.id}>`);
	const mentionable = doc.mentions.filter((m) => m.kind === 'user' || m.kind === 'all');
	const skippedMentions = doc.mentions.filter((m) => m.kind === 'email' || m.kind === 'mobile');
	const mentions = mentionable.map(mentionText).join(' ');

	// Section blocks of whole lines, each at most 3000 characters; a longer single line is clipped as plain text.
	let truncated = false;
	const sections: string[] = [];
	let current = '';
	for (const raw of bodyLines(doc, dialect)) {
		let line = raw;
		if (line.length > SLACK_SECTION_MAX_CHARS) {
			line = clipGraphemes(stripSlack(line), SLACK_SECTION_MAX_CHARS - 100);
			truncated = true;
		}
		if (current && current.length + 1 + line.length > SLACK_SECTION_MAX_CHARS) {
			sections.push(current);
			current = '';
		}
		current = current ? `${current}\n${line}` : line;
	}
	if (current.trim()) sections.push(current);
	for (let i = sections.length - 1; i >= 0; i--) if (!sections[i].trim()) sections.splice(i, 1);

	const fixed = 1 + (mentions ? 1 : 0) + (doc.note ? 1 : 0);
	const room = SLACK_MAX_BLOCKS - fixed;
	if (sections.length > room) {
		sections.length = room - 1;
		sections.push(`_${escapeSlackMrkdwn(notifyWords(doc.language).truncated)}_`);
		truncated = true;
	}
	const title = plainLine(clipGraphemes(doc.title, SLACK_HEADER_MAX_CHARS));
	const blocks: unknown[] = [{ type: 'header', text: { type: 'plain_text', text: title, emoji: true } }];
	for (const text of sections) blocks.push({ type: 'section', text: { type: 'mrkdwn', text } });
	if (mentions) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: mentions } });
	if (doc.note) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeSlackMrkdwn(doc.note) }] });
	// The fallback text is what the push notification shows, so the mentions ride along there too.
	const text = [escapeSlackMrkdwn(title), mentions].filter(Boolean).join(' ');
	return { channel: 'slack', payload: { text, blocks }, truncated, skippedMentions };
}

export function stripSlack(line: string): string {
	return line.replace(/<([^|>]*)\|([^>]*)>/g, '$2').replace(/^• /, '');
}
