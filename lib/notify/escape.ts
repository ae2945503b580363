/**
 * Escaping user text (comment text, account names, titles from data) for each chat tool's markdown, so that
 * it renders as the words it is: it cannot close our bold runs, open a link, start a heading or a quote,
 * or @mention anyone.
 *
 * WeCom, DingTalk and Feishu document markdown subsets with no backslash escape (WeCom group bot:
 * developer.work.weixin.qq.com/document/path/91770; DingTalk custom robot message types:
 * open.dingtalk.com/document/development/robot-message-type; Feishu card lark_md), so their syntax characters
 * are replaced by full-width look-alikes, which read naturally in Chinese text. Slack documents exactly three
 * escapes for mrkdwn (&amp; &lt; &gt;, api.slack.com "Formatting text for app surfaces" → "Escaping text"),
 * which is what stops `<@U123>`, `<!channel>` and `<https://x|label>` from being read as markup.
 */

/** Line breaks collapse to a space (an item stays one line); control and bidi-override characters go. */
function flatten(text: string): string {
	return (
		text
			.replace(/\r\n|[\r\n\u2028\u2029]+/g, ' ')
			// C0/C1 controls and the bidi overrides/isolates that can make text display in another order.
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, '')
	);
}

/** Bare URLs in user text must not become links: a full-width colon (and a one-dot leader after www) defangs them. */
function defang(text: string): string {
	return text.replace(/:\/\//g, '：//').replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\u2024`);
}

const LOOKALIKES: Record<string, string> = {
	'<': '＜',
	'>': '＞',
	'[': '［',
	']': '］',
	'*': '＊',
	'~': '～',
	'`': 'ˋ',
	'#': '＃',
	'|': '｜',
	'@': '＠',
	'&': '＆',
	'\\': '＼',
};

/** One line of user text for the WeCom / DingTalk / Feishu markdown dialects. */
export function escapeChatMarkdown(text: string): string {
	return defang(flatten(text)).replace(/[<>[\]*~`#|@&\\]/g, (c) => LOOKALIKES[c]);
}

/** One line of user text for Slack mrkdwn. */
export function escapeSlackMrkdwn(text: string): string {
	return defang(flatten(text)).replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Plain text fields (Slack header, Feishu card title): no markup is read there, only flatten. */
export function plainLine(text: string): string {
	return flatten(text);
}

/**
 * A URL we render as a link on purpose (an alert's evidence): only http(s), no characters that could end the
 * link syntax of any dialect (`)`, `>`, `|`, spaces, quotes). Anything else is not linked.
 */
export function safeLinkUrl(url: string | undefined): string | undefined {
	if (!url) return undefined;
	const trimmed = url.trim();
	if (!/^https?:\/\/[^\s<>()|"'`[\]{}\\]+$/i.test(trimmed)) return undefined;
	try {
		new URL(trimmed);
	} catch {
		return undefined;
	}
	return trimmed;
}

/** Ids we put inside mention markup: no character of any dialect's syntax can get through. */
export function isSafeMentionId(id: string): boolean {
	return /^[A-Za-z0-9_.+-]{1,64}$/.test(id);
}

export function isSafeEmail(id: string): boolean {
	return /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,}$/.test(id);
}
