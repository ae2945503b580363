import { InputError } from '../errors';
import { MentionSchema, type Mention, type MentionInput, type RiskAlert } from '../model';
import { analyzeSentiment, type SentimentOptions } from '../sentiment';
import { suggestedActions, type AlertLanguage } from './actions';
import { likelihoodForLevel, raiseLevel } from './matrix';
import { checkZone, toIso, toMillis, windowLabel, type InstantLike } from './time';

export interface ReplyDeadlineOptions {
	/** Response-time limit (响应时限) in minutes; per kind overrides it, e.g. { dm: 30 }. */
	limitMinutes: number;
	limitByKind?: Partial<Record<Mention['kind'], number>>;
	now: InstantLike;
	timezone?: string;
	language?: AlertLanguage;
	owner?: string;
	sentiment?: SentimentOptions;
}

/**
 * One `reply_overdue` alert per mention without `repliedAt` that is older than its limit. The id is
 * stable per mention, so a workflow running every few minutes updates one alert instead of stacking
 * new ones. Level: low past the limit, medium past 2×, high past 4×; one step higher for a negative mention.
 */
export function checkReplyDeadlines(mentions: ReadonlyArray<Mention | MentionInput>, options: ReplyDeadlineOptions): RiskAlert[] {
	if (!(options.limitMinutes > 0)) throw new InputError('limitMinutes must be a positive number', 'limitMinutes');
	const nowMs = toMillis(options.now, 'now');
	const zone = checkZone(options.timezone ?? 'UTC');
	const alerts: RiskAlert[] = [];
	for (const [index, input] of mentions.entries()) {
		const parsed = MentionSchema.safeParse(input);
		if (!parsed.success) throw new InputError(`mention ${index}: ${parsed.error.issues[0]?.message ?? 'invalid'}`, 'mentions');
		const m = parsed.data;
		if (m.repliedAt) continue;
		const limit = options.limitByKind?.[m.kind] ?? options.limitMinutes;
		const created = toMillis(m.createdAt, 'createdAt');
		const ageMinutes = (nowMs - created) / 60000;
		if (ageMinutes <= limit) continue;
		const ratio = ageMinutes / limit;
		const negative = analyzeSentiment(m.text, m.upstreamSentiment === undefined ? options.sentiment : { ...options.sentiment, upstreamScore: m.upstreamSentiment }).label === 'negative';
		const level = raiseLevel(ratio >= 4 ? 'high' : ratio >= 2 ? 'medium' : 'low', negative ? 1 : 0);
		alerts.push({
			id: `reply_overdue:${m.platform}:${m.id}`,
			type: 'reply_overdue',
			status: 'open',
			level,
			likelihood: likelihoodForLevel(level),
			impact: negative ? 'moderate' : 'minor',
			platform: m.platform,
			accountId: m.accountId,
			metric: 'reply_minutes',
			observed: Math.round(ageMinutes),
			baseline: limit,
			threshold: limit,
			window: { start: toIso(created, zone), end: toIso(nowMs, zone), label: windowLabel(created, nowMs, zone) },
			evidence: [{ mentionId: m.id, text: m.text, url: m.url }],
			suggestedActions: suggestedActions(['reply_overdue'], options.language),
			owner: options.owner,
			firstSeenAt: toIso(created + limit * 60000, zone),
			updatedAt: toIso(nowMs, zone),
		});
	}
	return alerts;
}
