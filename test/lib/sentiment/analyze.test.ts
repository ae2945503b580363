import { analyzeSentiment, detectLanguage } from '../../../lib/sentiment';
import { SLANG_SARCASM_EMOJI_CASES } from './fixtures/hand-written-cases';

const score = (text: string, options = {}) => analyzeSentiment(text, options).score;
const label = (text: string, options = {}) => analyzeSentiment(text, options).label;

describe('analyzeSentiment', () => {
	it('returns a score in -1..1, a label and a language', () => {
		const r = analyzeSentiment('质量很好，物流也快');
		expect(r).toMatchObject({ label: 'positive', language: 'zh', source: 'builtin' });
		expect(r.score).toBeGreaterThan(0);
		expect(r.score).toBeLessThanOrEqual(1);
		expect(analyzeSentiment('')).toMatchObject({ score: 0, label: 'neutral', language: 'unknown' });
	});

	it.each([
		['好用', '不好用'],
		['满意', '不满意'],
		['喜欢', '并不喜欢'],
		['推荐', '别推荐'],
		['I like it', "I don't like it"],
		['good', 'not good'],
		['helpful', 'never helpful'],
	])('negation flips %s → %s', (plain, negated) => {
		expect(score(plain)).toBeGreaterThan(0);
		expect(score(negated)).toBeLessThan(0);
	});

	it('negated negatives become mildly positive, soft negation is milder than full', () => {
		expect(score('not bad')).toBeGreaterThan(0);
		expect(score('不差')).toBeGreaterThan(0);
		expect(score('不太好')).toBeLessThan(0);
		expect(score('不太好')).toBeGreaterThan(score('不好'));
		expect(score('很不好')).toBeLessThan(score('不好'));
	});

	it('degree adverbs scale, 有点 / kinda soften', () => {
		expect(score('非常好')).toBeGreaterThan(score('好'));
		expect(score('特别差')).toBeLessThan(score('差'));
		expect(score('有点贵')).toBeGreaterThan(score('太贵'));
		expect(score('super good')).toBeGreaterThan(score('good'));
		expect(score('kinda good')).toBeLessThan(score('good'));
		expect(score('好贵')).toBeLessThan(0); // 好 is "very" before another sentiment word
	});

	it('contrast: the clause after 但是 / but decides', () => {
		expect(label('质量很好，但是物流太慢了')).toBe('negative');
		expect(label('虽然贵了点，但是真的好用')).toBe('positive');
		expect(label('great screen but the battery is terrible')).toBe('negative');
		expect(label('the wait was long, however the staff were lovely')).toBe('positive');
	});

	it.each(['yyds', '绝绝子', '真香', '种草了', 'this slaps', 'absolutely goated', 'huge W', '上头'])('slang %s is positive', (text) => {
		expect(label(text)).toBe('positive');
	});

	it.each(['拉胯', '避雷', '踩雷了', '翻车了', '塌房', '智商税', '割韭菜', '无语', '破防了', '离谱', '下头', 'mid', 'ratio', 'take the L', '💀', '🙄'])('slang / emoji %s is negative', (text) => {
		expect(label(text)).toBe('negative');
	});

	it('one-letter slang needs capitals and a word of its own', () => {
		expect(label('w/ my friends')).toBe('neutral');
		expect(label('size L please')).toBe('negative'); // documented limit: a lone capital L reads as slang
	});

	it.each(['呵呵，服务真好', '真是太棒了，又坏了', '「好」服务', '"贴心"的客服', 'great job losing my bag', 'thanks for nothing', 'oh great, another delay', 'love how it broke after a day'])(
		'sarcasm %s is negative',
		(text) => {
			expect(label(text)).toBe('negative');
		},
	);

	it('sarcasm cues do not flip praise far away in a long review', () => {
		expect(label('呵呵，读了这本书后收获很多。作者写得细腻，故事动人，值得一读，推荐给大家')).toBe('positive');
	});

	it('an emphatic negation or excess marker with no sentiment word after it is a complaint', () => {
		expect(label('颜色一点都不红')).toBe('negative');
		expect(label('衣服太短了')).toBe('negative');
		expect(label('一点都不贵')).toBe('positive');
		expect(label('my bag did not arrive')).toBe('negative');
		expect(label('the plot is too thin')).toBe('negative');
		expect(label('me too')).toBe('neutral');
	});

	it('knows common complaint phrases in both languages', () => {
		for (const text of ['还不如去超市买', '说好的赠品呢', '再也不来了', '用处不大', 'on hold for two hours', 'no answer on your phone', 'a tedious, lackluster film', 'you really let me down']) {
			expect([text, label(text)]).toEqual([text, 'negative']);
		}
	});

	it('reads traditional characters like simplified', () => {
		expect(label('這個產品質量真的很差')).toBe('negative');
		expect(label('價格實惠，品質很好，推薦')).toBe('positive');
		expect(Math.abs(score('質量很好') - score('质量很好'))).toBeLessThan(1e-9);
	});

	it('scores mixed Chinese and English text and names its language', () => {
		const r = analyzeSentiment('这个 phone 真的很好 but the battery life sucks');
		expect(r.language).toBe('mixed');
		expect(r.label).toBe('negative');
		expect(label('battery 真的拉胯, so disappointed')).toBe('negative');
		expect(detectLanguage('yyds 这家店')).toBe('zh');
		expect(detectLanguage('love this 店')).toBe('en');
		expect(detectLanguage('👍👍')).toBe('unknown');
	});

	it('longer neutral words shadow the sentiment characters inside them', () => {
		expect(label('快递到哪了')).toBe('neutral');
		expect(label('好像是新款')).toBe('neutral');
		expect(label('我去香港出差')).toBe('neutral');
	});

	it('a ruleset adds and overrides terms', () => {
		expect(label('这次买了踩雷系列')).toBe('negative');
		const ruleset = { terms: { 踩雷系列: 0, 掉色: -4 } };
		expect(label('这次买了踩雷系列', { ruleset })).toBe('neutral');
		expect(score('有点掉色', { ruleset })).toBeLessThan(score('有点掉色'));
		expect(label('小黑瓶真的绝', { ruleset: { terms: [{ term: '绝', weight: 3 }] } })).toBe('positive');
	});

	it('the neutral band widens neutral', () => {
		expect(label('还行')).toBe('positive');
		expect(label('还行', { neutralBand: 0.5 })).toBe('neutral');
	});

	it('uses an upstream score instead of the built-in engine, and checks its range', () => {
		expect(analyzeSentiment('太棒了', { upstreamScore: -0.8 })).toMatchObject({ score: -0.8, label: 'negative', source: 'upstream' });
		expect(() => analyzeSentiment('x', { upstreamScore: 3 })).toThrow(/upstreamScore/);
	});

	it('does well on the hand-written slang / sarcasm / emoji set', () => {
		const wrong = SLANG_SARCASM_EMOJI_CASES.filter((c) => label(c.text) !== c.label);
		expect(wrong.map((c) => `${c.text} (${c.why})`)).toEqual(expect.any(Array));
		expect(wrong.length / SLANG_SARCASM_EMOJI_CASES.length).toBeLessThanOrEqual(0.1);
	});
});
