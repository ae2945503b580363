import { InputError } from '../errors';
import { MentionSchema, type Mention, type MentionInput, type RiskAssessment, type RiskCategory } from '../model';
import { analyzeSentiment, type SentimentOptions } from '../sentiment';
import { DEFAULT_RISK_MATRIX, impactOf, levelOf, likelihoodOf, reachOf, type Impact, type ReachOptions, type RiskMatrix } from './matrix';
import { matchRiskCues, type RiskRuleOptions } from './rules';

export interface AssessOptions extends RiskRuleOptions {
	/** Passed to analyzeSentiment (ruleset, model, neutralBand …). */
	sentiment?: SentimentOptions;
	/** Use a mention's `upstreamSentiment` when it has one (default true). */
	preferUpstreamSentiment?: boolean;
	categoryImpact?: Partial<Record<RiskCategory, Impact>>;
	reach?: ReachOptions;
	matrix?: RiskMatrix;
}

/** One RiskAssessment per Mention, in the same order. Mentions are validated with the shared schema. */
export function assessMentions(mentions: ReadonlyArray<Mention | MentionInput>, options: AssessOptions = {}): RiskAssessment[] {
	return mentions.map((input, index) => {
		const parsed = MentionSchema.safeParse(input);
		if (!parsed.success) throw new InputError(`mention ${index}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`, 'mentions');
		return assessMention(parsed.data, options);
	});
}

export function assessMention(mention: Mention, options: AssessOptions = {}): RiskAssessment {
	const upstream = options.preferUpstreamSentiment !== false ? mention.upstreamSentiment : undefined;
	const sentiment = analyzeSentiment(mention.text, upstream === undefined ? options.sentiment : { ...options.sentiment, upstreamScore: upstream });
	const matches = matchRiskCues(mention.text, options);
	const categories = [...new Set(matches.map((m) => m.category))];
	const reach = reachOf(mention, options.reach);
	const likelihood = likelihoodOf(categories, sentiment, options.categoryImpact);
	const impact = impactOf(categories, reach, options);
	const quiet = categories.length === 0 && sentiment.label !== 'negative';
	return {
		mentionId: mention.id,
		platform: mention.platform,
		postId: mention.postId,
		text: mention.text,
		createdAt: mention.createdAt,
		sentiment,
		categories,
		matches,
		likelihood,
		impact,
		reach,
		riskLevel: quiet ? 'none' : levelOf(likelihood, impact, options.matrix ?? DEFAULT_RISK_MATRIX),
	};
}
