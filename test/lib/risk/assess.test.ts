import type { MentionInput, RiskCategory } from '../../../lib/model';
import { assessMentions, levelOf, matchRiskCues } from '../../../lib/risk';

const mention = (text: string, extra: Partial<MentionInput> = {}): MentionInput => ({
	platform: 'weibo',
	id: extra.id ?? text.slice(0, 12),
	author: { id: 'u1', followers: 10 },
	text,
	createdAt: '2026-03-01T09:00:00+08:00',
	...extra,
});

describe('risk cues', () => {
	it.each<[RiskCategory, string, string]>([
		['complaint', '客服态度差，要个说法', '态度差'],
		['complaint', 'I want to file a complaint about this', 'complaint'],
		['refund_dispute', '申请三次了还是不给退', '不给退'],
		['refund_dispute', 'still waiting for my refund', 'refund'],
		['safety_quality', '用了两天就过敏了', '过敏'],
		['safety_quality', 'my kid got food poisoning', 'food poisoning'],
		['legal_threat', '再不处理我就起诉你们', '起诉'],
		['legal_threat', 'my lawyer will be in touch', 'lawyer'],
		['media_exposure', '已经打12315了，还要发到黑猫投诉', '12315'],
		['media_exposure', 'I am a reporter at the Daily Post', 'reporter'],
		['rumor', '网传这家公司要倒闭了', '网传'],
		['rumor', 'is it true they are going bankrupt?', 'is it true'],
		['boycott', '大家一起抵制这个牌子', '抵制'],
		['boycott', 'time to boycott this brand', 'boycott'],
		['privacy_leak', '刚下单就接到诈骗电话，信息泄露了吧', '诈骗电话'],
		['privacy_leak', 'you had a data breach and leaked my address', 'data breach'],
		['discrimination', '这是地域歧视', '歧视'],
		['discrimination', 'that ad is racist', 'racist'],
	])('%s: %s', (category, text, term) => {
		const matches = matchRiskCues(text).filter((m) => m.category === category);
		const hit = matches.find((m) => m.term.toLowerCase() === term.toLowerCase());
		expect(hit).toBeDefined();
		expect(text.slice(hit!.start, hit!.end).toLowerCase()).toBe(term.toLowerCase());
	});

	it('reports UTF-16 offsets into the original text, also after emoji and traditional characters', () => {
		const text = '😡😡 我要起訴你們，還要上熱搜';
		const matches = matchRiskCues(text);
		expect(matches.map((m) => [m.category, m.term, text.slice(m.start, m.end)])).toEqual([
			['legal_threat', '起訴', '起訴'],
			['media_exposure', '上熱搜', '上熱搜'],
		]);
		expect(matches[0].start).toBe(7); // two surrogate pairs, a space, 我要
	});

	it('matches English cues as whole words only', () => {
		expect(matchRiskCues('issue resolved, pressure is fine, sued? no')).toEqual([]);
		expect(matchRiskCues('新媒体运营团队招聘')).toEqual([]);
	});

	it('adds the team’s sensitive terms and extra cues', () => {
		const options = { sensitiveTerms: ['竞品A', '最低价'], extraCues: { safety_quality: ['掉渣'] } };
		const matches = matchRiskCues('比竞品A便宜，全网最低价，就是有点掉渣', options);
		expect(matches.map((m) => [m.category, m.term])).toEqual([
			['sensitive_term', '竞品A'],
			['sensitive_term', '最低价'],
			['safety_quality', '掉渣'],
		]);
	});
});

describe('assessMentions', () => {
	it('finds the team’s sensitive and banned terms written in full width or with a dotted capital İ', () => {
		// Terms copied from a Chinese document are often full width (ＡＢＣ); brand and place names can carry İ.
		const options = { sensitiveTerms: ['ＸＹ奶茶', 'İzmir'], bannedTerms: ['ＮＯ１'] };
		const [a] = assessMentions([mention('ＸＹ奶茶 is sold out in İzmir, ＮＯ１ they said', { id: 'fw' })], options);
		expect(a.matches.map((m) => [m.category, m.term, m.start])).toEqual([
			['sensitive_term', 'ＸＹ奶茶', 0],
			['sensitive_term', 'İzmir', 20],
			['sensitive_term', 'ＮＯ１', 27],
		]);
		expect(a.riskLevel).toBe('high');
		// The same banned term typed in ASCII is found and still banned.
		const [b] = assessMentions([mention('they said NO1, 好评', { id: 'ascii' })], options);
		expect(b.matches.map((m) => m.term)).toEqual(['NO1']);
		expect(b.riskLevel).toBe('high');
	});

	it('returns one assessment per mention, in order, with sentiment, categories and matches', () => {
		const out = assessMentions([mention('很好用，推荐', { id: 'a' }), mention('质量太差，我要退款，不然就打12315', { id: 'b' })]);
		expect(out.map((a) => a.mentionId)).toEqual(['a', 'b']);
		expect(out[0]).toMatchObject({ riskLevel: 'none', categories: [], sentiment: { label: 'positive' } });
		expect(out[1].categories).toEqual(['refund_dispute', 'media_exposure']);
		expect(out[1].sentiment.label).toBe('negative');
		expect(out[1].likelihood).toBe('high');
	});

	it('applies the matrix: a plain negative comment is low, a legal threat high, the same with reach critical', () => {
		const [plain, legal, loud] = assessMentions([
			mention('有点失望'),
			mention('再不处理就起诉你们，太差了'),
			mention('再不处理就起诉你们，太差了', { author: { id: 'kol', followers: 250000 } }),
		]);
		expect([plain.likelihood, plain.impact, plain.riskLevel]).toEqual(['medium', 'minor', 'low']);
		expect([legal.likelihood, legal.impact, legal.riskLevel]).toEqual(['high', 'severe', 'critical']);
		expect(loud.riskLevel).toBe('critical');
	});

	it('raises impact with reach: followers, likes and replies', () => {
		const base = mention('客服态度差，没人管');
		const [small, liked, viral] = assessMentions([base, { ...base, likes: 300 }, { ...base, author: { id: 'v', followers: 120000 } }]);
		expect(small.impact).toBe('minor');
		expect(liked.reach).toBe(10 + 5 * 300);
		expect(liked.impact).toBe('moderate');
		expect(viral.impact).toBe('severe');
		expect(levelOf(small.likelihood, small.impact)).toBe(small.riskLevel);
		expect(['low', 'medium', 'high', 'critical'].indexOf(viral.riskLevel)).toBeGreaterThan(['low', 'medium', 'high', 'critical'].indexOf(small.riskLevel));
	});

	it('takes a custom matrix and category impact', () => {
		const matrix = { low: { minor: 'low', moderate: 'low', severe: 'low' }, medium: { minor: 'low', moderate: 'low', severe: 'low' }, high: { minor: 'high', moderate: 'high', severe: 'high' } } as const;
		const [a] = assessMentions([mention('客服态度差')], { matrix, categoryImpact: { complaint: 'severe' } });
		expect(a.impact).toBe('severe');
		expect(a.riskLevel).toBe(a.likelihood === 'high' ? 'high' : 'low');
	});

	it('uses a mention’s upstream sentiment when present', () => {
		const [a] = assessMentions([mention('很好用', { upstreamSentiment: -0.9 })]);
		expect(a.sentiment).toMatchObject({ source: 'upstream', label: 'negative' });
		expect(a.riskLevel).not.toBe('none');
	});

	it('rejects invalid mentions with the item index', () => {
		expect(() => assessMentions([mention('ok'), { ...mention('x'), createdAt: 'yesterday' }])).toThrow(/mention 1/);
	});
});
