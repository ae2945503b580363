import { escapeChatMarkdown, plainLine } from '../escape';
import { LEVEL_STYLE, notifyWords } from '../content';
import { clipGraphemes, fitLines, utf8Bytes } from '../text';
import type { Mention, NotifyDocument, RenderedMessage } from '../types';
import { bodyLines, clipLongLines, type Dialect } from './lines';

/**
 * Feishu / Lark custom bot, interactive card (open.feishu.cn/document/client-docs/bot-v3/add-custom-bot):
 * `{"msg_type":"interactive","card":{"config":{…},"header":{"title":{"tag":"plain_text","content":"…"},"template":"red"},
 * "elements":[{"tag":"div","text":{"tag":"lark_md","content":"…"}},{"tag":"hr"},{"tag":"note",…}]}}`.
 * The header colour follows the alert level. lark_md mentions: `<at id=ou_xxx></at>`, `<at email=a@b.com></at>`,
 * `<at id=all></at>`; mobiles cannot be mentioned. The custom-bot request body may not exceed 20 KB, so the whole
 * JSON (with room for `timestamp` and `sign`) is measured.
 */
export const FEISHU_MAX_BODY_BYTES = 20 * 1024;
/** `timestamp` and `sign` added in signed mode: `,"timestamp":"1700000000","sign":"<44 chars>"`. */
const SIGNATURE_ROOM = 80;

export function renderFeishu(doc: NotifyDocument): RenderedMessage {
	const dialect: Dialect = {
		escape: escapeChatMarkdown,
		bold: (s) => `**${s}**`,
		link: (text, url) => `[${text}](${url})`,
		item: (inner) => `- ${inner}`,
	};
	const mentionTag = (m: Mention) => (m.kind === 'all' ? '<at id=all></at>' : m.kind === 'email' ? `<at email=${m.id}></at>` : `<at id=${m.id}></at>`);
	const mentionable = doc.mentions.filter((m) => m.kind !== 'mobile');
	const skippedMentions = doc.mentions.filter((m) => m.kind === 'mobile');
	const template = doc.level ? LEVEL_STYLE[doc.level].feishuTemplate : 'blue';

	const card = (lines: string[]) => {
		const elements: unknown[] = [{ tag: 'div', text: { tag: 'lark_md', content: lines.join('\n') } }];
		if (mentionable.length) elements.push({ tag: 'div', text: { tag: 'lark_md', content: mentionable.map(mentionTag).join(' ') } });
		if (doc.note) elements.push({ tag: 'hr' }, { tag: 'note', elements: [{ tag: 'plain_text', content: plainLine(doc.note) }] });
		return {
			msg_type: 'interactive',
			card: {
				config: { wide_screen_mode: true },
				header: { title: { tag: 'plain_text', content: plainLine(clipGraphemes(doc.title, 100)) }, template },
				elements,
			},
		};
	};
	const fits = (lines: string[]) => utf8Bytes(JSON.stringify(card(lines))) + SIGNATURE_ROOM <= FEISHU_MAX_BODY_BYTES;
	const body = clipLongLines(bodyLines(doc, dialect), 4000, stripFeishu);
	const fitted = fitLines(body.lines, fits, notifyWords(doc.language).truncated, 0);
	return { channel: 'feishu', payload: card(fitted.lines), truncated: fitted.truncated || body.clipped, skippedMentions };
}

export function stripFeishu(line: string): string {
	return line.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<[^>]*>|\*\*|^- /g, '');
}
