import { z } from 'zod';
import { CountSchema, InstantSchema, PlatformSchema } from './common';

/** A comment, reply, direct message or mention of the brand. */
export const MentionSchema = z.object({
	platform: PlatformSchema,
	id: z.string().min(1),
	kind: z.enum(['comment', 'reply', 'dm', 'mention']).default('comment'),
	accountId: z.string().optional(),
	postId: z.string().optional(),
	postTitle: z.string().optional(),
	author: z.object({
		id: z.string(),
		name: z.string().optional(),
		followers: CountSchema.optional(),
	}),
	text: z.string(),
	createdAt: InstantSchema,
	likes: CountSchema.optional(),
	replies: CountSchema.optional(),
	url: z.string().optional(),
	/** When the brand answered, if it did (for reply-time limits). */
	repliedAt: InstantSchema.optional(),
	/** A score from elsewhere (e.g. an LLM node) in -1..1, used instead of the built-in engine when asked. */
	upstreamSentiment: z.number().min(-1).max(1).optional(),
});
export type Mention = z.infer<typeof MentionSchema>;
export type MentionInput = z.input<typeof MentionSchema>;
