import { escapeChatMarkdown, plainLine } from '../escape';
import { notifyWords } from '../content';
import { clipGraphemes, fitLines, utf8Bytes } from '../text';
import type { Mention, NotifyDocument, RenderedMessage } from '../types';
import { bodyLines, clipLongLines, type Dialect } from './lines';

/**
 * DingTalk (钉钉) custom robot, markdown message (open.dingtalk.com/document/development/robot-message-type):
 * `{"msgtype":"markdown","markdown":{"title":"…","text":"…"},"at":{"atMobiles":[],"atUserIds":[],"isAtAll":false}}`.
 * `title` is what the conversation list and the push notification show. A person is notified only when they are in
 * `at` *and* `@mobile` / `@userId` appears in the text, so both are written. DingTalk publishes no length limit for
 * markdown; we keep the text under 20,000 bytes (long alerts are better summarised than scrolled). Lines are
 * separated by a blank line because DingTalk's markdown renderer ignores single line breaks.
 */
export const DINGTALK_MARKDOWN_MAX_BYTES = 20_000;

export function renderDingtalk(doc: NotifyDocument): RenderedMessage {
	const dialect: Dialect = {
		escape: escapeChatMarkdown,
		bold: (s) => `**${s}**`,
		link: (text, url) => `[${text}](${url})`,
		item: (inner) => `- ${inner}`,
	};
	const atMobiles = doc.mentions.filter((m) => m.kind === 'mobile').map((m) => m.id);
	const atUserIds = doc.mentions.filter((m) => m.kind === 'user').map((m) => m.id);
	const isAtAll = doc.mentions.some((m) => m.kind === 'all');
	const skippedMentions: Mention[] = doc.mentions.filter((m) => m.kind === 'email');
	const tail: string[] = [];
	if (doc.note) tail.push(`> ${escapeChatMarkdown(doc.note)}`);
	const at = [...atMobiles, ...atUserIds].map((id) => `@${id}`);
	if (isAtAll) at.push('@all');
	if (at.length) tail.push(at.join(' '));

	const title = `### ${escapeChatMarkdown(clipGraphemes(doc.title, 100))}`;
	const text = (lines: string[]) => [...lines, ...tail].join('\n\n');
	const fits = (lines: string[]) => utf8Bytes(text(lines)) <= DINGTALK_MARKDOWN_MAX_BYTES;
	const body = clipLongLines(bodyLines(doc, dialect), 4000, stripDingtalk);
	const fitted = fitLines([title, ...body.lines.filter((l) => l !== '')], fits, notifyWords(doc.language).truncated);
	return {
		channel: 'dingtalk',
		payload: {
			msgtype: 'markdown',
			markdown: { title: plainLine(clipGraphemes(doc.title, 60)), text: text(fitted.lines) },
			at: { atMobiles, atUserIds, isAtAll },
		},
		truncated: fitted.truncated || body.clipped,
		skippedMentions,
	};
}

export function stripDingtalk(line: string): string {
	return line.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\*\*|^[->] /g, '');
}
