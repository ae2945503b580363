/** Finding links in post text and judging them. */
export interface FoundLink {
	url: string;
	start: number;
	end: number;
	/** `url`: http(s) or www.; `href`: an HTML href that is not http(s); `broken`: a mistyped scheme. */
	kind: 'url' | 'href' | 'broken';
}

// Stops at whitespace, quotes, angle brackets, CJK ideographs and CJK / full-width punctuation.
const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/gi;
const BROKEN_RE = /\b(?:https?:\/(?!\/)|https?\/\/|htps?:\/\/|hhttps?:\/\/)[^\s<>"'\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]*/gi;
const HREF_RE = /href\s*=\s*["']([^"']*)["']/gi;
const TRAILING = /[.,;:!?)\]}]+$/;

/** Link shorteners hide the destination; Chinese platforms block or down-rank many of them. */
export const URL_SHORTENERS: readonly string[] = [
	't.cn', 'bit.ly', 't.co', 'goo.gl', 'tinyurl.com', 'ow.ly', 'is.gd', 'buff.ly', 'dwz.cn', 'url.cn', 'suo.im', 'rebrand.ly', 'cutt.ly', 'shorturl.at',
];

export function findLinks(text: string): FoundLink[] {
	const found: FoundLink[] = [];
	for (const m of text.matchAll(URL_RE)) {
		const url = m[0].replace(TRAILING, '');
		found.push({ url, start: m.index!, end: m.index! + url.length, kind: 'url' });
	}
	for (const m of text.matchAll(BROKEN_RE)) found.push({ url: m[0], start: m.index!, end: m.index! + m[0].length, kind: 'broken' });
	for (const m of text.matchAll(HREF_RE)) {
		const value = m[1].trim();
		if (/^https?:\/\//i.test(value) || value.startsWith('#')) continue;
		const start = m.index! + m[0].indexOf(m[1]);
		found.push({ url: m[1], start, end: start + m[1].length, kind: 'href' });
	}
	return found.sort((a, b) => a.start - b.start);
}

/** The host of a link, lower case, or undefined when it does not parse as a web address. */
export function linkHost(url: string): string | undefined {
	try {
		const parsed = new URL(/^www\./i.test(url) ? `https://${url}` : url);
		const host = parsed.hostname.toLowerCase();
		const labels = host.split('.');
		const valid = (parsed.protocol === 'http:' || parsed.protocol === 'https:') && labels.length >= 2 && labels.every((l) => /^[a-z0-9-]+$/.test(l) && !l.startsWith('-') && !l.endsWith('-'));
		return valid && /^[a-z]{2,}$/.test(labels[labels.length - 1]) ? host : undefined;
	} catch {
		return undefined;
	}
}

export function isShortener(host: string): boolean {
	return URL_SHORTENERS.includes(host);
}

export function hostAllowed(host: string, allowed: readonly string[]): boolean {
	return allowed.some((a) => host === a || host.endsWith(`.${a}`));
}
