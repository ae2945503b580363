import { z } from 'zod';
import { InstantSchema, PlatformSchema } from './common';

export const RISK_LEVELS = ['none', 'low', 'medium', 'high', 'critical'] as const;
export const RiskLevelSchema = z.enum(RISK_LEVELS);
export type RiskLevel = z.infer<typeof RiskLevelSchema>;

export const RISK_CATEGORIES = [
	'complaint',
	'refund_dispute',
	'safety_quality',
	'legal_threat',
	'media_exposure',
	'rumor',
	'boycott',
	'privacy_leak',
	'discrimination',
	'sensitive_term',
] as const;
export const RiskCategorySchema = z.enum(RISK_CATEGORIES);
export type RiskCategory = z.infer<typeof RiskCategorySchema>;

export const SentimentResultSchema = z.object({
	score: z.number().min(-1).max(1),
	label: z.enum(['positive', 'neutral', 'negative']),
	language: z.enum(['zh', 'en', 'mixed', 'unknown']),
	source: z.enum(['builtin', 'upstream', 'learned']).optional(),
});
export type SentimentResult = z.infer<typeof SentimentResultSchema>;

export const RiskMatchSchema = z.object({
	category: RiskCategorySchema,
	term: z.string(),
	/** UTF-16 offset into the mention text, as String.prototype.slice uses. */
	start: z.number().int().nonnegative(),
	end: z.number().int().nonnegative(),
});
export type RiskMatch = z.infer<typeof RiskMatchSchema>;

export const RiskAssessmentSchema = z.object({
	mentionId: z.string(),
	platform: PlatformSchema,
	accountId: z.string().optional(),
	postId: z.string().optional(),
	/** A topic or keyword group the mention belongs to, for per-topic spike detection. */
	topic: z.string().optional(),
	url: z.string().optional(),
	text: z.string(),
	createdAt: InstantSchema,
	sentiment: SentimentResultSchema,
	categories: z.array(RiskCategorySchema),
	matches: z.array(RiskMatchSchema),
	likelihood: z.enum(['low', 'medium', 'high']),
	impact: z.enum(['minor', 'moderate', 'severe']),
	reach: z.number().nonnegative(),
	riskLevel: RiskLevelSchema,
});
export type RiskAssessment = z.infer<typeof RiskAssessmentSchema>;

export const RiskAlertSchema = z.object({
	id: z.string(),
	type: z.string(),
	/**
	 * open: the first alert of an incident; escalated: its level rose; ongoing: it grew without its level rising
	 * (only with Emit Ongoing Incidents); resolved: the last alert about it (see `resolution`).
	 */
	status: z.enum(['open', 'escalated', 'ongoing', 'resolved']).default('open'),
	/**
	 * Why a resolved incident closed: quiet (no new qualifying mention for Resolve After), cleared (the metric stayed
	 * under its resolve level), capacity (dropped unresolved beyond Max Open Incidents, or with its series beyond
	 * Detect Spikes' Max Series: no longer tracked, check it by hand).
	 */
	resolution: z.enum(['quiet', 'cleared', 'capacity']).optional(),
	level: RiskLevelSchema,
	likelihood: z.enum(['low', 'medium', 'high']),
	impact: z.enum(['minor', 'moderate', 'severe']),
	platform: PlatformSchema.optional(),
	accountId: z.string().optional(),
	topic: z.string().optional(),
	metric: z.string(),
	observed: z.number(),
	baseline: z.number(),
	threshold: z.number(),
	window: z.object({ start: InstantSchema, end: InstantSchema, label: z.string() }),
	evidence: z.array(z.object({ mentionId: z.string(), text: z.string(), url: z.string().optional(), reach: z.number().optional() })),
	suggestedActions: z.array(z.string()),
	owner: z.string().optional(),
	firstSeenAt: InstantSchema,
	updatedAt: InstantSchema,
});
export type RiskAlert = z.infer<typeof RiskAlertSchema>;
