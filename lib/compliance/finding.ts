/** One problem found in a post, with where it is and how to fix it. */
export type ComplianceSeverity = 'error' | 'warning';
export type ComplianceField = 'title' | 'body' | 'digest' | 'url' | 'media' | 'thumb_media_id';
export type ComplianceRule =
	| 'ad_law.absolute_term'
	| 'banned_term'
	| 'sensitive_term'
	| 'length'
	| 'bytes'
	| 'field.required'
	| 'media.required'
	| 'media.too_many'
	| 'link.malformed'
	| 'link.insecure'
	| 'link.shortener'
	| 'link.not_allowed';

export interface ComplianceFinding {
	rule: ComplianceRule;
	severity: ComplianceSeverity;
	field: ComplianceField;
	message: string;
	suggestion: string;
	term?: string;
	/** UTF-16 offsets into the field's text (String.prototype.slice), end exclusive. */
	start?: number;
	end?: number;
	/** Where the limit or rule comes from (a doc, a law article, or "assumption"). */
	source?: string;
}

export type MessageLanguage = 'zh' | 'en' | 'both';

/** Text in the requested language; `both` gives "中文 / English". */
export interface Bilingual {
	zh: string;
	en: string;
}

export function say(text: Bilingual, language: MessageLanguage): string {
	return language === 'both' ? `${text.zh} / ${text.en}` : text[language];
}
