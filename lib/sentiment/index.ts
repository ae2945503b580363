// Public API of lib/sentiment.
export { analyzeSentiment, labelFor, polarityOf, DEFAULT_NEUTRAL_BAND, DEFAULT_MODEL_WEIGHT } from './analyze';
export { trainSentimentModel, predictProbabilities, assertSentimentModel, type TrainingExample, type TrainOptions } from './naive-bayes';
export { detectLanguage, toSimplifiedChinese } from './normalize';
export type { SentimentOptions, SentimentRuleset, SentimentModel, SentimentLabel, SentimentLanguage } from './types';
