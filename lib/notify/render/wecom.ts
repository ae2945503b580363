import { escapeChatMarkdown } from '../escape';
import { LEVEL_STYLE, notifyWords } from '../content';
import { clipToFit, fitLines, utf8Bytes } from '../text';
import type { Mention, NotifyDocument, RenderedMessage } from '../types';
import { bodyLines, clipLongLines, type Dialect } from './lines';

/**
 * WeCom (企业微信) group bot, markdown message (developer.work.weixin.qq.com/document/path/91770):
 * `{"msgtype":"markdown","markdown":{"content":"…"}}`, content at most 4096 bytes of UTF-8. The markdown subset
 * has headings, bold, links, quotes and `<font color="info|comment|warning">`; members are mentioned with
 * `<@userid>` inside the content (mobiles and @all only work for text messages, so they are reported as skipped).
 */
export const WECOM_MARKDOWN_MAX_BYTES = 4096;

export function renderWecom(doc: NotifyDocument): RenderedMessage {
	const level = doc.level;
	const dialect: Dialect = {
		escape: escapeChatMarkdown,
		bold: (s) => `**${s}**`,
		link: (text, url) => `[${text}](${url})`,
		item: (inner) => `> ${inner}`,
		level: level ? (s) => `<font color="${LEVEL_STYLE[level].wecomColor}">${s}</font>` : undefined,
	};
	const mentionable = doc.mentions.filter((m) => m.kind === 'user');
	const skippedMentions: Mention[] = doc.mentions.filter((m) => m.kind !== 'user');
	const tail: string[] = [];
	if (doc.note) tail.push(`<font color="comment">${escapeChatMarkdown(doc.note)}</font>`);
	if (mentionable.length) tail.push(mentionable.map((m) => `<@${m.id}>`).join(' '));

	const title = clipToFit(doc.title, (t) => `### ${escapeChatMarkdown(t)}`, (s) => utf8Bytes(s) <= 300);
	const content = (lines: string[]) => [...lines, ...tail].join('\n');
	const fits = (lines: string[]) => utf8Bytes(content(lines)) <= WECOM_MARKDOWN_MAX_BYTES;
	const body = clipLongLines(bodyLines(doc, dialect), 1500, stripWecom);
	const fitted = fitLines([title, ...body.lines], fits, notifyWords(doc.language).truncated);
	return {
		channel: 'wecom',
		payload: { msgtype: 'markdown', markdown: { content: content(fitted.lines) } },
		truncated: fitted.truncated || body.clipped,
		skippedMentions,
	};
}

/** Our WeCom markup removed: tags, bold, quote marks, links reduced to their text. */
export function stripWecom(line: string): string {
	return line.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<[^>]*>|\*\*|^> /g, '');
}
