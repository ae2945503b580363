import { checkCompliance, ComplianceFinding, createComplianceChecker } from '../../../lib/compliance';
import { PostSchema } from '../../../lib/model';

// Mastodon has no title rule and no link policy, so these cases see only the term rules.
const post = (body: string, title = '') => PostSchema.parse({ id: 'p', platform: 'mastodon', account: 'a', status: 'draft', title, body });
const hits = (findings: ComplianceFinding[]) => findings.map((f) => [f.rule, f.severity, f.term, f.start, f.end, f.field]);

describe('Advertising Law absolute terms', () => {
	it('flags terms with exact positions, one finding per claim (leftmost-longest)', () => {
		const body = '全网最低价！国家级品质，销量第一。';
		const r = checkCompliance(post(body));
		expect(hits(r.findings)).toEqual([
			['ad_law.absolute_term', 'error', '全网最低', 0, 4, 'body'],
			['ad_law.absolute_term', 'error', '国家级', 6, 9, 'body'],
			['ad_law.absolute_term', 'error', '销量第一', 12, 16, 'body'],
		]);
		for (const f of r.findings) expect(body.slice(f.start, f.end)).toBe(f.term);
		expect(r.passed).toBe(false);
		expect(r.errors).toBe(3);
	});

	it('does not flag temporal and ordinal compounds: 最近, 最后, 最新, 第一次, 第一时间', () => {
		const r = checkCompliance(post('最近我们最后一次更新了最新版本，第一次见面请第一时间联系。'));
		expect(r.findings).toEqual([]);
		expect(r.passed).toBe(true);
	});

	it('an allow-listed compound still lets a later claim through; context words are warnings that pass', () => {
		const r = checkCompliance(post('最近最火的产品，排名第一次序无关，唯一的选择'));
		expect(hits(r.findings)).toEqual([
			['ad_law.absolute_term', 'warning', '最', 2, 3, 'body'],
			['ad_law.absolute_term', 'error', '排名第一', 8, 12, 'body'],
			['ad_law.absolute_term', 'warning', '唯一', 17, 19, 'body'],
		]);
		expect(r.passed).toBe(false);
		expect(checkCompliance(post('最火')).passed).toBe(true);
		expect(checkCompliance(post('最火'), { failOnWarning: true }).passed).toBe(false);
	});

	it('checks English claims as whole words only, case-insensitively', () => {
		const r = checkCompliance(post('The BEST choice, World-Class and #1 in town. Bestow no cheapestest.'));
		expect(hits(r.findings)).toEqual([
			['ad_law.absolute_term', 'warning', 'The BEST', 0, 8, 'body'],
			['ad_law.absolute_term', 'error', 'World-Class', 17, 28, 'body'],
			['ad_law.absolute_term', 'error', '#1', 33, 35, 'body'],
		]);
	});

	it('gives a suggestion in the requested language', () => {
		const [zh] = checkCompliance(post('最佳'), { language: 'zh' }).findings;
		expect(zh.message).toBe('使用了绝对化用语"最佳"（《广告法》第九条）');
		expect(zh.suggestion).toBe('改为"优选"或"出色"');
		const [en] = checkCompliance(post('最佳'), { language: 'en' }).findings;
		expect(en.message).toBe('Absolute term "最佳" (PRC Advertising Law, Art. 9)');
		expect(en.suggestion).toBe('say "excellent" or "a great choice"');
		const [both] = checkCompliance(post('最佳')).findings;
		expect(both.message).toBe(`${zh.message} / ${en.message}`);
	});

	it('scans the title too and can be switched off', () => {
		expect(hits(checkCompliance(post('正文', '顶级好物')).findings)).toEqual([['ad_law.absolute_term', 'error', '顶级', 0, 2, 'title']]);
		expect(checkCompliance(post('顶级'), { advertisingLaw: false }).findings).toEqual([]);
	});
});

describe("the user's own lists", () => {
	const checker = createComplianceChecker({
		language: 'en',
		advertisingLaw: false,
		bannedTerms: ['代购', { term: 'guaranteed returns', suggestion: 'say "expected returns"' }],
		sensitiveTerms: ['维权', 'refund'],
		allowTerms: ['维权指南'],
	});

	it('banned terms are errors, sensitive terms warnings, with positions and suggestions', () => {
		const r = checker.check(post('海外代购, guaranteed returns! 维权 and REFUND'));
		expect(hits(r.findings)).toEqual([
			['banned_term', 'error', '代购', 2, 4, 'body'],
			['banned_term', 'error', 'guaranteed returns', 6, 24, 'body'],
			['sensitive_term', 'warning', '维权', 26, 28, 'body'],
			['sensitive_term', 'warning', 'REFUND', 33, 39, 'body'],
		]);
		expect(r.findings[1].suggestion).toBe('say "expected returns"');
		expect(r.findings[2].message).toBe('Contains sensitive term "维权"; needs a reviewer');
	});

	it("the user's allow-list suppresses a compound", () => {
		expect(checker.check(post('请看维权指南')).findings).toEqual([]);
	});

	it('a ban beats a built-in rule on the same term', () => {
		const r = checkCompliance(post('第一'), { bannedTerms: ['第一'] });
		expect(hits(r.findings)).toEqual([
			['banned_term', 'error', '第一', 0, 2, 'body'],
			['ad_law.absolute_term', 'warning', '第一', 0, 2, 'body'],
		]);
	});
});
