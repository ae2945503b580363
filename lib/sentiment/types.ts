import type { SentimentResult } from '../model';

/**
 * User terms that add to or override the built-in lexicons, per workflow. Weights are on the AFINN
 * scale (-5 very negative … 5 very positive); 0 neutralises a term that only looks negative, e.g.
 * a product called 小黑瓶 or an industry word such as 踩雷系列.
 */
export interface SentimentRuleset {
	terms?: Record<string, number> | Array<{ term: string; weight: number }>;
}

/** Learned per-workspace weights from `trainSentimentModel`; plain JSON, safe to keep in static data. */
export interface SentimentModel {
	kind: 'naive-bayes';
	version: 1;
	labels: SentimentLabel[];
	/** Training documents per label (the priors). */
	docCounts: number[];
	/** Token occurrences per label (the likelihood denominators). */
	tokenCounts: number[];
	/** token → occurrences per label, in the order of `labels`. */
	vocabulary: Record<string, number[]>;
	vocabularySize: number;
	/** Laplace smoothing constant. */
	alpha: number;
	trainedOn: number;
}

export type SentimentLabel = SentimentResult['label'];
export type SentimentLanguage = SentimentResult['language'];

export interface SentimentOptions {
	ruleset?: SentimentRuleset;
	/** |score| below this is neutral. Default 0.05. */
	neutralBand?: number;
	/** A score in -1..1 from elsewhere (e.g. an LLM node), used instead of the built-in engine. */
	upstreamScore?: number;
	/** Learned weights; blended with the lexicon score (see `modelWeight`). */
	model?: SentimentModel;
	/** Share of the learned model in the blend, 0..1. Default 0.7. */
	modelWeight?: number;
	/** Chinese tokenisation: forward maximum matching over the lexicon (default) or Intl.Segmenter. */
	segmenter?: 'lexicon' | 'intl';
}
