import type { Post } from '../model';

/** HTML (WeChat-style bodies) to plain text: paragraphs and line breaks kept, tags dropped, entities decoded. */
export function htmlToPlainText(html: string): string {
	return html
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
		.replace(/<[^>]+>/g, '')
		.replace(/&nbsp;/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&')
		.trim();
}

/** The text of a short-form post (Mastodon, Bluesky): the title as a first paragraph when there is one, the body, tags as hashtags. */
export function shortPostText(post: Pick<Post, 'title' | 'body' | 'tags'>): string {
	const body = htmlToPlainText(post.body);
	const title = post.title.trim();
	const tags = post.tags.map((t) => `#${t.replace(/^#/, '').replace(/\s+/g, '')}`).filter((t) => t.length > 1 && !body.includes(t));
	return [title && !body.startsWith(title) ? title : '', body, tags.join(' ')].filter(Boolean).join('\n\n');
}
