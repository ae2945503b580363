import { analyzeSentiment, assertSentimentModel, trainSentimentModel, type TrainingExample } from '../../../lib/sentiment';

// A game community's own vocabulary, which no general lexicon scores: 白嫖/福利/返场 are good news,
// 氪金/保底/削弱/肝 are complaints.
const TRAIN: TrainingExample[] = [
	{ text: '这次白嫖了好多', label: 'positive' },
	{ text: '福利拉满，良心', label: 'positive' },
	{ text: '又送福利，白嫖党狂喜', label: 'positive' },
	{ text: '返场了，终于等到', label: 'positive' },
	{ text: '福利活动白嫖到了', label: 'positive' },
	{ text: '老角色返场加福利', label: 'positive' },
	{ text: '又要氪金，吃相', label: 'negative' },
	{ text: '保底太深，氪金无底洞', label: 'negative' },
	{ text: '角色又被削弱', label: 'negative' },
	{ text: '活动太肝了，肝不动', label: 'negative' },
	{ text: '削弱加氪金，退游', label: 'negative' },
	{ text: '每天肝到半夜还没保底', label: 'negative' },
];
const HELD_OUT: TrainingExample[] = [
	{ text: '福利给得多', label: 'positive' },
	{ text: '白嫖到了限定', label: 'positive' },
	{ text: '返场福利', label: 'positive' },
	{ text: '白嫖', label: 'positive' },
	{ text: '氪金活动', label: 'negative' },
	{ text: '太肝了', label: 'negative' },
	{ text: '被削弱了', label: 'negative' },
	{ text: '保底氪金', label: 'negative' },
];

const accuracy = (options = {}) => HELD_OUT.filter((e) => analyzeSentiment(e.text, options).label === e.label).length / HELD_OUT.length;

describe('trainSentimentModel', () => {
	it('learns the team’s vocabulary: held-out accuracy improves over the lexicon alone', () => {
		const model = trainSentimentModel(TRAIN);
		const before = accuracy();
		const after = accuracy({ model });
		expect(after).toBeGreaterThanOrEqual(0.85);
		expect(after).toBeGreaterThan(before + 0.25);
		expect(analyzeSentiment('福利', { model }).source).toBe('learned');
	});

	it('is plain JSON that survives a round trip through static data', () => {
		const model = trainSentimentModel(TRAIN);
		const restored: unknown = JSON.parse(JSON.stringify(model));
		assertSentimentModel(restored);
		expect(analyzeSentiment('太肝了', { model: restored }).score).toBeCloseTo(analyzeSentiment('太肝了', { model }).score, 10);
		expect(model.labels).toEqual(['positive', 'negative']);
		expect(model.trainedOn).toBe(TRAIN.length);
	});

	it('keeps the vocabulary bounded', () => {
		const model = trainSentimentModel(TRAIN, { maxVocabulary: 10 });
		expect(Object.keys(model.vocabulary)).toHaveLength(10);
		expect(model.vocabularySize).toBe(10);
	});

	it('blends with the lexicon: modelWeight 0 is the lexicon, 1 is the model', () => {
		const model = trainSentimentModel(TRAIN);
		expect(analyzeSentiment('氪金但是很好玩', { model, modelWeight: 0 }).score).toBeCloseTo(analyzeSentiment('氪金但是很好玩').score, 10);
		expect(analyzeSentiment('白嫖', { model, modelWeight: 1 }).score).toBeGreaterThan(0.5);
	});

	it('rejects one-label training sets and foreign models', () => {
		expect(() => trainSentimentModel([{ text: 'a', label: 'positive' }])).toThrow(/two labels/);
		expect(() => analyzeSentiment('x', { model: { kind: 'other' } as never })).toThrow(/naive-bayes/);
	});
});
