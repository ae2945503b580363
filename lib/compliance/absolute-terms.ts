import type { Bilingual, ComplianceSeverity } from './finding';

/**
 * Absolute terms (绝对化用语) under the PRC Advertising Law (广告法) Article 9(3), which bans
 * "国家级"、"最高级"、"最佳" and similar wording in advertising; fines under Article 57.
 *
 * False-positive policy, term level:
 * - `error`: wording that is a claim wherever it appears (国家级, 最佳, 销量第一, 全网最低 ...).
 * - `warning`: a character or word that is a claim only in some contexts (bare 最, 第一, 唯一,
 *   绝对, 100%, 最好 as in "最好提前预约") — a reviewer decides.
 * - allow-listed compounds are not findings at all: temporal or ordinal words such as 最近, 最后,
 *   最初, 最终, 最新, 最少/最多 (quantity limits), 第一次, 第一天, 第一时间, 第一手, 唯一标识, 绝对值.
 *   A compound wins over the shorter term inside it (leftmost-longest, see term-scan.ts), so
 *   "最近" is silent while "最近最火" still flags the second 最.
 * Users extend both lists (`allowTerms`, `bannedTerms`) without touching this file.
 */
export interface AbsoluteTerm {
	term: string;
	severity: ComplianceSeverity;
	/** A compliant rewrite. */
	suggestion: Bilingual;
}

const CITE_DATA: Bilingual = { zh: '改为"领先"并注明数据来源与统计范围，或删除', en: 'say "leading" and cite the data source and scope, or remove it' };
const REMOVE_OR_CERTIFY: Bilingual = { zh: '删除，或写明具体的认证/奖项名称与颁发机构', en: 'remove it, or name the specific certificate or award and who granted it' };
const PRICE: Bilingual = { zh: '改为"优惠价"/"活动价"并写明活动期限', en: 'say "special price" with the offer period' };

function t(term: string, severity: ComplianceSeverity, zh: string | Bilingual, en?: string): AbsoluteTerm {
	return { term, severity, suggestion: typeof zh === 'string' ? { zh, en: en ?? '' } : zh };
}

export const ABSOLUTE_TERMS: readonly AbsoluteTerm[] = [
	// The law's own examples and other "-level" authority claims.
	t('国家级', 'error', REMOVE_OR_CERTIFY),
	t('世界级', 'error', REMOVE_OR_CERTIFY),
	t('全球级', 'error', REMOVE_OR_CERTIFY),
	t('宇宙级', 'error', '删除', 'remove it'),
	t('最高级', 'error', '改为"高级"', 'say "premium"'),
	t('最佳', 'error', '改为"优选"或"出色"', 'say "excellent" or "a great choice"'),
	// Superlatives with 最.
	t('最', 'warning', '删除"最"，或改为"很"/"非常"并有事实依据', 'drop the superlative or say "very" with evidence'),
	t('最好', 'warning', '作为宣传用语改为"很好"/"优质"；如为建议语气("最好提前")可保留', 'as a claim say "very good"; advice ("you had better") is fine'),
	t('最大', 'warning', '改为"大型"或写明具体数值', 'say "large" or give the number'),
	t('最优', 'error', '改为"优质"', 'say "high quality"'),
	t('最强', 'error', '改为"强劲"', 'say "powerful"'),
	t('最先进', 'error', '改为"先进"', 'say "advanced"'),
	t('最便宜', 'error', PRICE),
	t('最低价', 'error', PRICE),
	t('最受欢迎', 'error', '改为"广受欢迎"', 'say "popular"'),
	t('最具', 'error', '改为"颇具"', 'say "quite"'),
	t('最权威', 'error', '改为"专业"', 'say "professional"'),
	t('最专业', 'error', '改为"专业"', 'say "professional"'),
	t('最安全', 'error', '改为"安全可靠"并说明依据', 'say "safe and reliable" with evidence'),
	t('最有效', 'error', '改为"有效"并说明依据', 'say "effective" with evidence'),
	t('史上最', 'error', '删除', 'remove it'),
	t('全网最低', 'error', PRICE),
	// Rankings and firsts.
	t('第一', 'warning', CITE_DATA),
	t('销量第一', 'error', CITE_DATA),
	t('全网第一', 'error', CITE_DATA),
	t('全国第一', 'error', CITE_DATA),
	t('全球第一', 'error', CITE_DATA),
	t('行业第一', 'error', CITE_DATA),
	t('排名第一', 'error', CITE_DATA),
	t('第一品牌', 'error', '改为"知名品牌"', 'say "well-known brand"'),
	t('NO.1', 'error', CITE_DATA),
	t('No. 1', 'error', CITE_DATA),
	t('TOP1', 'error', CITE_DATA),
	t('首个', 'warning', '确有依据时注明来源，否则改为"率先推出"之外的客观描述', 'cite a source if true, otherwise describe it factually'),
	t('首家', 'warning', '确有依据时注明来源，否则删除', 'cite a source if true, otherwise remove it'),
	t('唯一', 'warning', '改为"独特"/"少有"', 'say "distinctive" or "rare"'),
	t('独家', 'warning', '确有授权时注明，否则改为"特色"', 'cite the exclusive licence, or say "featured"'),
	// Top-tier and perfection claims.
	t('顶级', 'error', '改为"高端"', 'say "high-end"'),
	t('顶尖', 'error', '改为"优秀"', 'say "outstanding"'),
	t('极品', 'error', '改为"精品"', 'say "fine"'),
	t('极致', 'warning', '改为"精致"/"出色"', 'say "refined"'),
	t('万能', 'error', '改为"多功能"并列明适用范围', 'say "multi-purpose" and list the uses'),
	t('无敌', 'error', '改为"出色"', 'say "excellent"'),
	t('史无前例', 'error', '改为"少见"', 'say "rare"'),
	t('前无古人', 'error', '删除', 'remove it'),
	t('绝对', 'warning', '删除"绝对"或改为"非常"', 'drop "absolutely" or say "very"'),
	t('100%', 'warning', '改为具体检测数据，如"经XX检测有效率95%"', 'give the measured figure and who measured it'),
	t('永久', 'warning', '改为具体期限，如"5年"', 'give the actual period, e.g. "5 years"'),
	// English claims in bilingual copy.
	t('the best', 'warning', '改为"优秀"', 'say "excellent"'),
	t("world's best", 'error', REMOVE_OR_CERTIFY),
	t('number one', 'error', CITE_DATA),
	t('#1', 'error', CITE_DATA),
	t('world-class', 'error', REMOVE_OR_CERTIFY),
	t('cheapest', 'error', PRICE),
	t('lowest price', 'error', PRICE),
	t('unbeatable', 'error', '改为"出色"', 'say "excellent"'),
	t('guaranteed', 'warning', '写明保障条款', 'state the actual guarantee terms'),
];

/** Benign compounds containing a flagged term (see the policy above). */
export const ABSOLUTE_TERM_ALLOW_LIST: readonly string[] = [
	'最近', '最后', '最初', '最终', '最末', '最新', '最少', '最多', '最好不要',
	'第一次', '第一天', '第一步', '第一章', '第一节', '第一期', '第一季度', '第一时间', '第一届', '第一篇',
	'第一部分', '第一周', '第一轮', '第一集', '第一条', '第一个月', '第一眼', '第一印象', '第一手', '第一阶段',
	'唯一标识', '唯一识别码', '绝对值',
];
