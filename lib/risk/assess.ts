import { InputError } from '../errors';
import { MentionSchema, PLATFORMS, type Mention, type MentionInput, type RiskAssessment, type RiskCategory, type RiskLevel } from '../model';
import { analyzeSentiment, type SentimentOptions } from '../sentiment';
import { DEFAULT_RISK_MATRIX, impactOf, levelOf, likelihoodOf, maxLevel, reachOf, type Impact, type ReachOptions, type RiskMatrix } from './matrix';
import { foldTerm, matchRiskCues, type RiskRuleOptions } from './rules';
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
		if (isPlainValidMention(input)) return assessMention(input, options);
		const parsed = MentionSchema.safeParse(input);
		if (!parsed.success) throw new InputError(`mention ${index}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`, 'mentions');
		return assessMention(parsed.data, options);
	});
}

// A plain check of the usual, valid mention: zod costs about as much as scoring an English comment. Anything
// unusual (an unknown or invalid field, a class instance) goes to the schema, which also words the errors.
// Used only while the schema has exactly these fields (checked once, below).
const MENTION_KEYS = ['platform', 'id', 'kind', 'accountId', 'postId', 'postTitle', 'author', 'text', 'createdAt', 'likes', 'replies', 'url', 'repliedAt', 'upstreamSentiment'] as const;
const AUTHOR_KEYS = ['id', 'name', 'followers'] as const;
const sameKeys = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((k, i) => k === b[i]);
const QUICK_PARSE = sameKeys(Object.keys(MentionSchema.shape), MENTION_KEYS) && sameKeys(Object.keys(MentionSchema.shape.author.shape), AUTHOR_KEYS);
const PLATFORM_SET: ReadonlySet<unknown> = new Set(PLATFORMS);
const KIND_SET: ReadonlySet<unknown> = new Set(MentionSchema.shape.kind.removeDefault().options);
const MENTION_KEY_SET: ReadonlySet<string> = new Set(MENTION_KEYS);
const AUTHOR_KEY_SET: ReadonlySet<string> = new Set(AUTHOR_KEYS);
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
const optString = (v: unknown) => v === undefined || typeof v === 'string';
const optCount = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v) && v >= 0);
const isInstant = (v: unknown) => typeof v === 'string' && INSTANT.test(v) && !Number.isNaN(Date.parse(v));

function onlyKeys(o: Record<string, unknown>, known: ReadonlySet<string>): boolean {
	for (const k in o) if (!known.has(k)) return false;
	return true;
}

/**
 * True when the input is a plain mention the schema accepts as is: then assessMention can read it directly
 * (it reads no field the schema would change: the only default, `kind`, is not used). Anything else goes
 * through the schema.
 */
export function isPlainValidMention(input: unknown): input is Mention {
	if (!QUICK_PARSE || !isPlainObject(input) || !onlyKeys(input, MENTION_KEY_SET)) return false;
	const m = input;
	const a = m.author;
	if (!isPlainObject(a) || !onlyKeys(a, AUTHOR_KEY_SET) || typeof a.id !== 'string' || !optString(a.name) || !optCount(a.followers)) return false;
	if (!PLATFORM_SET.has(m.platform) || typeof m.id !== 'string' || m.id.length < 1 || !(m.kind === undefined || KIND_SET.has(m.kind))) return false;
	if (!optString(m.accountId) || !optString(m.postId) || !optString(m.postTitle) || typeof m.text !== 'string' || !isInstant(m.createdAt)) return false;
	if (!optCount(m.likes) || !optCount(m.replies) || !optString(m.url) || !(m.repliedAt === undefined || isInstant(m.repliedAt))) return false;
	const u = m.upstreamSentiment;
	return u === undefined || (typeof u === 'number' && u >= -1 && u <= 1);
}

export function assessMention(mention: Mention, options: AssessOptions = {}): RiskAssessment {
	const upstream = options.preferUpstreamSentiment !== false ? mention.upstreamSentiment : undefined;
	const rules = rulesFor(options);
	const onePass = upstream === undefined ? assessTextInOnePass(mention.text, options.sentiment ?? {}, rules) : undefined;
	const sentiment = onePass?.sentiment ?? analyzeSentiment(mention.text, upstream === undefined ? options.sentiment : { ...options.sentiment, upstreamScore: upstream });
	const matches = onePass?.matches ?? matchRiskCues(mention.text, rules);
	const categories = matches.length === 0 ? [] : [...new Set(matches.map((m) => m.category))];
	const reach = reachOf(mention, options.reach);
	const likelihood = likelihoodOf(categories, sentiment, options.categoryImpact);
	const impact = impactOf(categories, reach, options);
	const quiet = categories.length === 0 && sentiment.label !== 'negative';
	let riskLevel: RiskLevel = quiet ? 'none' : levelOf(likelihood, impact, options.matrix ?? DEFAULT_RISK_MATRIX);
	if (options.bannedTerms?.length && matches.some((m) => m.category === 'sensitive_term' && bannedSet(options).has(bannedKey(m.term)))) riskLevel = maxLevel(riskLevel, 'high');
	// Built field by field rather than deleting an absent postId afterwards (a delete turns the object into a
	// slow dictionary); same fields in the same order.
	const assessment = { mentionId: mention.id, platform: mention.platform } as RiskAssessment;
	if (mention.postId !== undefined) assessment.postId = mention.postId;
	assessment.text = mention.text;
	assessment.createdAt = mention.createdAt;
	assessment.sentiment = sentiment;
	assessment.categories = categories;
	assessment.matches = matches;
	assessment.likelihood = likelihood;
	assessment.impact = impact;
	assessment.reach = reach;
	assessment.riskLevel = riskLevel;
	if (mention.accountId) assessment.accountId = mention.accountId;
	if (options.topic) assessment.topic = options.topic;
	if (mention.url) assessment.url = mention.url;
	return assessment;
}

/** Banned terms compared as the matcher reads them (NFKC, simplified), trimmed and in lower case: a banned ＮＯ１ found as NO1 is banned. */
function bannedKey(term: string): string {
	return foldTerm(term).trim().toLowerCase();
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
	if (!set) bannedCache.set(options, (set = new Set((options.bannedTerms ?? []).map(bannedKey))));
	return set;
}
