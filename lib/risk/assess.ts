import { InputError } from '../errors';
import { MentionSchema, type Mention, type MentionInput, type RiskAssessment, type RiskCategory, type RiskLevel } from '../model';
import { analyzeSentiment, toSimplifiedChinese, type SentimentOptions } from '../sentiment';
import { DEFAULT_RISK_MATRIX, impactOf, levelOf, likelihoodOf, maxLevel, reachOf, type Impact, type ReachOptions, type RiskMatrix } from './matrix';
import { matchRiskCues, type RiskRuleOptions } from './rules';
import { assessTextInOnePass } from './single-pass';

export interface AssessOptions extends RiskRuleOptions {
	/** Passed to analyzeSentiment (ruleset, model, neutralBand …). */
	sentiment?: SentimentOptions;
	/** Use a mention's `upstreamSentiment` when it has one (default true). */
	preferUpstreamSentiment?: boolean;
	categoryImpact?: Partial<Record<RiskCategory, Impact>>;
	reach?: ReachOptions;
	matrix?: RiskMatrix;
	/**
	 * Terms that must never appear (违禁词): matched like `sensitiveTerms` (category `sensitive_term`), and a
	 * mention containing one is at least `high` whatever the matrix says.
	 */
	bannedTerms?: readonly string[];
	/** Topic (keyword group) stored on every assessment, for per-topic spike detection. */
	topic?: string;
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
	const rules = rulesFor(options);
	const onePass = upstream === undefined ? assessTextInOnePass(mention.text, options.sentiment ?? {}, rules) : undefined;
	const sentiment = onePass?.sentiment ?? analyzeSentiment(mention.text, upstream === undefined ? options.sentiment : { ...options.sentiment, upstreamScore: upstream });
	const matches = onePass?.matches ?? matchRiskCues(mention.text, rules);
	const categories = [...new Set(matches.map((m) => m.category))];
	const reach = reachOf(mention, options.reach);
	const likelihood = likelihoodOf(categories, sentiment, options.categoryImpact);
	const impact = impactOf(categories, reach, options);
	const quiet = categories.length === 0 && sentiment.label !== 'negative';
	let riskLevel: RiskLevel = quiet ? 'none' : levelOf(likelihood, impact, options.matrix ?? DEFAULT_RISK_MATRIX);
	if (options.bannedTerms?.length && matches.some((m) => m.category === 'sensitive_term' && bannedSet(options).has(foldTerm(m.term)))) riskLevel = maxLevel(riskLevel, 'high');
	const assessment: RiskAssessment = {
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
		riskLevel,
	};
	if (mention.accountId) assessment.accountId = mention.accountId;
	if (options.topic) assessment.topic = options.topic;
	if (mention.url) assessment.url = mention.url;
	if (assessment.postId === undefined) delete assessment.postId;
	return assessment;
}

function foldTerm(term: string): string {
	return toSimplifiedChinese(term).trim().toLowerCase();
}

// Immutable per-options caches (a workflow passes one options object for every item of a run).
const rulesCache = new WeakMap<AssessOptions, RiskRuleOptions>();
const bannedCache = new WeakMap<AssessOptions, ReadonlySet<string>>();

/** Banned terms join the sensitive terms for matching. */
function rulesFor(options: AssessOptions): RiskRuleOptions {
	if (!options.bannedTerms?.length) return options;
	let rules = rulesCache.get(options);
	if (!rules) rulesCache.set(options, (rules = { extraCues: options.extraCues, sensitiveTerms: [...(options.sensitiveTerms ?? []), ...options.bannedTerms] }));
	return rules;
}

function bannedSet(options: AssessOptions): ReadonlySet<string> {
	let set = bannedCache.get(options);
	if (!set) bannedCache.set(options, (set = new Set((options.bannedTerms ?? []).map(foldTerm))));
	return set;
}
