import { InputError } from '../errors';
import { featureTokens } from './features';
import type { SentimentLabel, SentimentModel } from './types';

const LABELS: readonly SentimentLabel[] = ['positive', 'neutral', 'negative'];

export interface TrainingExample {
	text: string;
	label: SentimentLabel;
}

export interface TrainOptions {
	/** Laplace smoothing. Default 1. */
	alpha?: number;
	/** Keep the most frequent tokens only, so the model fits in workflow static data. Default 20,000. */
	maxVocabulary?: number;
}

/**
 * Multinomial naive Bayes over segmented tokens (see featureTokens) with Laplace smoothing.
 * Labels absent from the examples are left out of the model, so a binary set trains a binary model.
 */
export function trainSentimentModel(examples: readonly TrainingExample[], options: TrainOptions = {}): SentimentModel {
	const labels = LABELS.filter((l) => examples.some((e) => e.label === l));
	if (labels.length < 2) throw new InputError('training needs examples of at least two labels (positive, neutral, negative)', 'label');
	const alpha = options.alpha ?? 1;
	const docCounts = labels.map(() => 0);
	const counts = new Map<string, number[]>();
	for (const { text, label } of examples) {
		const li = labels.indexOf(label);
		if (li < 0) throw new InputError(`unknown label "${String(label)}"`, 'label');
		docCounts[li]++;
		for (const token of featureTokens(text)) {
			let row = counts.get(token);
			if (!row) counts.set(token, (row = labels.map(() => 0)));
			row[li]++;
		}
	}
	const kept = [...counts].sort((a, b) => sum(b[1]) - sum(a[1])).slice(0, options.maxVocabulary ?? 20000);
	const tokenCounts = labels.map((_, li) => kept.reduce((acc, [, row]) => acc + row[li], 0));
	return { kind: 'naive-bayes', version: 1, labels, docCounts, tokenCounts, vocabulary: Object.fromEntries(kept), vocabularySize: kept.length, alpha, trainedOn: examples.length };
}

function sum(row: readonly number[]): number {
	return row.reduce((a, b) => a + b, 0);
}

/** Posterior probability per label of the model, in the order of `model.labels`. */
export function predictProbabilities(model: SentimentModel, text: string): number[] {
	const vocabSize = model.vocabularySize;
	const totalDocs = sum(model.docCounts);
	const logs = model.labels.map((_, li) => Math.log((model.docCounts[li] + 1) / (totalDocs + model.labels.length)));
	for (const token of featureTokens(text)) {
		const row = Object.prototype.hasOwnProperty.call(model.vocabulary, token) ? model.vocabulary[token] : undefined;
		if (!row) continue; // unseen tokens carry no evidence either way
		for (let li = 0; li < logs.length; li++) logs[li] += Math.log((row[li] + model.alpha) / (model.tokenCounts[li] + model.alpha * vocabSize));
	}
	const max = Math.max(...logs);
	const exp = logs.map((l) => Math.exp(l - max));
	const z = sum(exp);
	return exp.map((e) => e / z);
}

/** The model's opinion as a score in -1..1: P(positive) − P(negative). */
export function modelScore(model: SentimentModel, text: string): number {
	const p = predictProbabilities(model, text);
	const at = (label: SentimentLabel) => {
		const i = model.labels.indexOf(label);
		return i < 0 ? 0 : p[i];
	};
	return at('positive') - at('negative');
}

/** Throws InputError unless the value looks like a model this version wrote (it comes from user storage). */
export function assertSentimentModel(value: unknown): asserts value is SentimentModel {
	const m = value as Partial<SentimentModel> | null;
	if (!m || m.kind !== 'naive-bayes' || m.version !== 1 || !Array.isArray(m.labels) || typeof m.vocabulary !== 'object' || typeof m.vocabularySize !== 'number') {
		throw new InputError('model is not a sentiment model from trainSentimentModel (kind naive-bayes, version 1)', 'model');
	}
}
