import type { Platform, Post } from '../model';
import { ABSOLUTE_TERM_ALLOW_LIST, ABSOLUTE_TERMS } from './absolute-terms';
import { Bilingual, ComplianceField, ComplianceFinding, ComplianceRule, ComplianceSeverity, MessageLanguage, say } from './finding';
import { findLinks, hostAllowed, isShortener, linkHost } from './links';
import { FieldLimit, PLATFORM_RULES, PlatformRules } from './platform-limits';
import { mergePlatformRules, parsePlatformRuleOverrides, type PlatformRuleOverrides } from './rule-overrides';
import { createTermScanner, TermEntry } from './term-scan';
import { measureText } from './text-length';

export interface UserTerm {
	term: string;
	suggestion?: string;
}

export interface ComplianceOptions {
	/** Language of messages and suggestions. Default `both` ("中文 / English"). */
	language?: MessageLanguage;
	/** The user's banned list: every hit is an error. */
	bannedTerms?: ReadonlyArray<string | UserTerm>;
	/** The user's sensitive list: every hit is a warning for a reviewer. */
	sensitiveTerms?: ReadonlyArray<string | UserTerm>;
	/** Compounds that are never findings (extends the built-in allow-list, applies to every list). */
	allowTerms?: readonly string[];
	/** Check Advertising Law absolute terms. Default true. */
	advertisingLaw?: boolean;
	/**
	 * Platform rules merged over the built-in ones (e.g. a Mastodon instance with 1,000 characters:
	 * `{mastodon: {limits: [{field: 'body', max: 1000}]}}`); see `mergePlatformRules`. Checked when the checker is built.
	 */
	platformRules?: PlatformRuleOverrides;
	/** Count warnings as failures. Default false. */
	failOnWarning?: boolean;
}

/** The fields a check reads. `digest` (WeChat 摘要) is not in the shared Post model yet. */
export type CompliancePost = Pick<Post, 'platform' | 'title' | 'body' | 'media'> & { url?: string; digest?: string };

export interface ComplianceResult {
	passed: boolean;
	errors: number;
	warnings: number;
	findings: ComplianceFinding[];
}

type TermFlag = { rule: ComplianceRule; severity: ComplianceSeverity; suggestion: Bilingual };

const FIELD_NAMES: Record<ComplianceField, Bilingual> = {
	title: { zh: '标题', en: 'title' },
	body: { zh: '正文', en: 'body' },
	digest: { zh: '摘要', en: 'digest' },
	url: { zh: '原文链接', en: 'source link' },
	media: { zh: '媒体', en: 'media' },
	thumb_media_id: { zh: '封面素材', en: 'cover media id' },
};
const UNIT_NAMES: Record<FieldLimit['unit'], Bilingual> = {
	chars: { zh: '字', en: 'characters' },
	graphemes: { zh: '字', en: 'characters (graphemes)' },
	utf16: { zh: '字符', en: 'characters (UTF-16)' },
	bytes: { zh: '字节', en: 'bytes' },
	x_weighted: { zh: '加权字符', en: 'weighted characters' },
};
const TERM_MESSAGES: Partial<Record<ComplianceRule, (term: string) => Bilingual>> = {
	'ad_law.absolute_term': (term) => ({ zh: `使用了绝对化用语"${term}"（《广告法》第九条）`, en: `Absolute term "${term}" (PRC Advertising Law, Art. 9)` }),
	banned_term: (term) => ({ zh: `包含禁用词"${term}"`, en: `Contains banned term "${term}"` }),
	sensitive_term: (term) => ({ zh: `包含敏感词"${term}"，需人工复核`, en: `Contains sensitive term "${term}"; needs a reviewer` }),
};
const TEXT_FIELDS = ['title', 'digest', 'body'] as const;

function userEntries(list: ReadonlyArray<string | UserTerm> | undefined, rule: ComplianceRule, severity: ComplianceSeverity, fallback: Bilingual): Array<TermEntry<TermFlag>> {
	return (list ?? []).map((item) => {
		const { term, suggestion } = typeof item === 'string' ? { term: item, suggestion: undefined } : item;
		return { term, family: 'user', priority: severity === 'error' ? 2 : 1, flag: { rule, severity, suggestion: suggestion ? { zh: suggestion, en: suggestion } : fallback } };
	});
}

function scannerEntries(options: ComplianceOptions): Array<TermEntry<TermFlag>> {
	const allow = options.allowTerms ?? [];
	const entries: Array<TermEntry<TermFlag>> = [
		...userEntries(options.bannedTerms, 'banned_term', 'error', { zh: '删除或改写', en: 'remove or rephrase' }),
		...userEntries(options.sensitiveTerms, 'sensitive_term', 'warning', { zh: '请人工复核措辞', en: 'have a reviewer check the wording' }),
		...allow.map((term) => ({ term, family: 'user', priority: 3 })),
	];
	if (options.advertisingLaw ?? true) {
		entries.push(
			...ABSOLUTE_TERMS.map((a) => ({ term: a.term, family: 'ad_law', flag: { rule: 'ad_law.absolute_term' as const, severity: a.severity, suggestion: a.suggestion } })),
			...[...ABSOLUTE_TERM_ALLOW_LIST, ...allow].map((term) => ({ term, family: 'ad_law' })),
		);
	}
	return entries;
}

/** Builds the dictionaries once; reuse the checker for every item of a run. */
export function createComplianceChecker(options: ComplianceOptions = {}): { check(post: CompliancePost): ComplianceResult } {
	const language = options.language ?? 'both';
	const scanner = createTermScanner(scannerEntries(options));
	const overrides = parsePlatformRuleOverrides(options.platformRules);
	const rulesFor = (platform: Platform) => mergePlatformRules(PLATFORM_RULES[platform], overrides[platform]);

	return {
		check(post: CompliancePost): ComplianceResult {
			const findings: ComplianceFinding[] = [];
			const add = (f: Omit<ComplianceFinding, 'message' | 'suggestion'>, message: Bilingual, suggestion: Bilingual) =>
				findings.push({ ...f, message: say(message, language), suggestion: say(suggestion, language) });
			const rules = rulesFor(post.platform);
			const texts: Record<(typeof TEXT_FIELDS)[number], string> = { title: post.title ?? '', digest: post.digest ?? '', body: post.body ?? '' };

			for (const field of TEXT_FIELDS) {
				for (const hit of scanner.scan(texts[field])) {
					const { rule, severity, suggestion } = hit.flag;
					add({ rule, severity, field, term: hit.term, start: hit.start, end: hit.end }, TERM_MESSAGES[rule]!(hit.term), suggestion);
				}
			}
			if (rules) checkPlatform(post, texts, rules, add);
			checkLinks(post, texts, rules, add);

			const errors = findings.filter((f) => f.severity === 'error').length;
			const warnings = findings.length - errors;
			return { passed: errors === 0 && !(options.failOnWarning && warnings > 0), errors, warnings, findings };
		},
	};
}

/** Checks one post. For many posts build one `createComplianceChecker` and reuse it. */
export function checkCompliance(post: CompliancePost, options: ComplianceOptions = {}): ComplianceResult {
	return createComplianceChecker(options).check(post);
}

type AddFinding = (f: Omit<ComplianceFinding, 'message' | 'suggestion'>, message: Bilingual, suggestion: Bilingual) => void;

function checkPlatform(post: CompliancePost, texts: Record<'title' | 'digest' | 'body', string>, rules: PlatformRules, add: AddFinding): void {
	const media = post.media ?? [];
	for (const field of rules.requiredFields ?? []) {
		if (texts[field].trim() === '') {
			const name = FIELD_NAMES[field];
			add({ rule: 'field.required', severity: 'error', field }, { zh: `${post.platform} 要求填写${name.zh}`, en: `${post.platform} requires a ${name.en}` }, { zh: `填写${name.zh}`, en: `add a ${name.en}` });
		}
	}
	for (const limit of rules.limits) {
		if ((limit.when === 'with_media' && !media.length) || (limit.when === 'without_media' && media.length)) continue;
		const text = texts[limit.field];
		const measure = measureText(text, limit.unit, { urlLength: limit.urlLength });
		if (measure.length <= limit.max) continue;
		const [f, u] = [FIELD_NAMES[limit.field], UNIT_NAMES[limit.unit]];
		add(
			{ rule: limit.unit === 'bytes' ? 'bytes' : 'length', severity: limit.severity, field: limit.field, start: measure.overflowAt(limit.max), end: text.length, source: limit.source },
			{ zh: `${f.zh}超出 ${post.platform} 上限：${measure.length}/${limit.max} ${u.zh}`, en: `${f.en} exceeds the ${post.platform} limit: ${measure.length}/${limit.max} ${u.en}` },
			{ zh: `删减到 ${limit.max} ${u.zh}以内（从标出的位置起超出）`, en: `shorten to at most ${limit.max} ${u.en} (the marked part is over)` },
		);
	}
	const rule = rules.media;
	if (!rule) return;
	if (rule.requiredTypes && !media.some((m) => rule.requiredTypes!.includes(m.type))) {
		const types = rule.requiredTypes.join(' / ');
		add({ rule: 'media.required', severity: 'error', field: 'media', source: rule.source }, { zh: `${post.platform} 需要 ${types} 媒体`, en: `${post.platform} needs ${types} media` }, { zh: `添加 ${types}`, en: `attach ${types}` });
	}
	if (rule.requiresThumbMediaId && !media.some((m) => m.type === 'image' && m.mediaId)) {
		add(
			{ rule: 'field.required', severity: 'error', field: 'thumb_media_id', source: rule.source },
			{ zh: '缺少封面图的永久素材 ID（thumb_media_id）', en: 'missing the cover image permanent media id (thumb_media_id)' },
			{ zh: '先上传封面为永久素材，把 media_id 填入图片的 mediaId', en: "upload the cover as permanent material and put its media_id in the image's mediaId" },
		);
	}
	if (rule.max !== undefined && media.length > rule.max) {
		add({ rule: 'media.too_many', severity: 'error', field: 'media', source: rule.source }, { zh: `媒体数量 ${media.length} 超过上限 ${rule.max}`, en: `${media.length} media items, the limit is ${rule.max}` }, { zh: `保留不超过 ${rule.max} 个`, en: `keep at most ${rule.max}` });
	}
}

function checkLinks(post: CompliancePost, texts: Record<'title' | 'digest' | 'body', string>, rules: PlatformRules | undefined, add: AddFinding): void {
	const fields: Array<[ComplianceField, string]> = [...TEXT_FIELDS.map((f): [ComplianceField, string] => [f, texts[f]]), ['url', post.url ?? '']];
	for (const [field, text] of fields) {
		for (const link of findLinks(text)) {
			const at = { field, term: link.url, start: link.start, end: link.end };
			if (link.kind === 'href' && /^(mailto|tel):/i.test(link.url)) continue;
			const host = link.kind === 'url' ? linkHost(link.url) : undefined;
			if (!host) {
				add({ ...at, rule: 'link.malformed', severity: 'error' }, { zh: `链接格式错误："${link.url}"`, en: `Malformed link "${link.url}"` }, { zh: '改为完整的 https:// 地址', en: 'use a complete https:// address' });
				continue;
			}
			if (/^http:/i.test(link.url)) {
				add({ ...at, rule: 'link.insecure', severity: 'warning' }, { zh: `链接未使用 HTTPS："${link.url}"`, en: `Link is not HTTPS: "${link.url}"` }, { zh: `改为 ${link.url.replace(/^http:/i, 'https:')}`, en: `use ${link.url.replace(/^http:/i, 'https:')}` });
			}
			if (isShortener(host)) {
				add({ ...at, rule: 'link.shortener', severity: 'warning' }, { zh: `使用了短链接（${host}），平台可能拦截或降权`, en: `Shortened link (${host}); platforms may block or down-rank it` }, { zh: '换成完整的目标地址', en: 'use the full destination URL' });
			}
			if (field !== 'url' && rules?.bodyLinkHosts && !hostAllowed(host, rules.bodyLinkHosts)) {
				add(
					{ ...at, rule: 'link.not_allowed', severity: 'warning', source: rules.bodyLinkSource },
					{ zh: `${post.platform} 正文中的外部链接（${host}）无法点击或会被过滤`, en: `External link (${host}) in a ${post.platform} article is not clickable or is removed` },
					{ zh: `改用 ${rules.bodyLinkHosts.join('、')} 的链接，或放到"阅读原文"`, en: `link to ${rules.bodyLinkHosts.join(', ')} or use the source link (阅读原文)` },
				);
			}
		}
	}
}
