import { z } from 'zod';
import { InstantSchema, PlatformSchema, TimeZoneSchema } from './common';

export const POST_STATUSES = ['draft', 'in_review', 'approved', 'rejected', 'scheduled', 'publishing', 'published', 'failed'] as const;
export const PostStatusSchema = z.enum(POST_STATUSES);
export type PostStatus = z.infer<typeof PostStatusSchema>;

export const CONTENT_TYPES = ['educational', 'news', 'interactive', 'fun', 'story', 'promotion', 'other'] as const;

export const MediaSchema = z.object({
	type: z.enum(['image', 'video', 'audio', 'link', 'file']),
	url: z.string().optional(),
	/** A platform-side id, e.g. a WeChat permanent `thumb_media_id`. */
	mediaId: z.string().optional(),
	alt: z.string().optional(),
});
export type Media = z.infer<typeof MediaSchema>;

/** RFC 5545-style recurrence evaluated in wall-clock time of the post's own time zone. */
export const RecurrenceSchema = z.object({
	freq: z.enum(['daily', 'weekly', 'monthly']),
	interval: z.number().int().positive().default(1),
	byDay: z.array(z.enum(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'])).optional(),
	until: InstantSchema.optional(),
	count: z.number().int().positive().optional(),
	/** Occurrences (ISO instants) to skip. */
	exceptions: z.array(InstantSchema).optional(),
	/** Edits to single occurrences, keyed by the occurrence's original instant. */
	overrides: z
		.record(z.string(), z.object({ at: InstantSchema.optional(), title: z.string().optional(), body: z.string().optional(), skip: z.boolean().optional() }))
		.optional(),
});
export type Recurrence = z.infer<typeof RecurrenceSchema>;

/** One entry of a post's audit trail: who did what, when, on which version. */
export const PostHistoryEntrySchema = z.object({
	at: InstantSchema,
	actor: z.string(),
	action: z.string(),
	fromStatus: PostStatusSchema.optional(),
	toStatus: PostStatusSchema.optional(),
	version: z.number().int().nonnegative().optional(),
	step: z.number().int().nonnegative().optional(),
	comment: z.string().optional(),
});
export type PostHistoryEntry = z.infer<typeof PostHistoryEntrySchema>;

export const PostSchema = z.object({
	id: z.string().min(1),
	platform: PlatformSchema,
	account: z.string().min(1),
	title: z.string().default(''),
	body: z.string().default(''),
	/** A summary shown in feeds (WeChat 摘要 / digest). */
	digest: z.string().optional(),
	media: z.array(MediaSchema).default([]),
	tags: z.array(z.string()).default([]),
	contentType: z.string().optional(),
	status: PostStatusSchema,
	author: z.string().optional(),
	version: z.number().int().nonnegative().default(1),
	scheduledAt: InstantSchema.optional(),
	timezone: TimeZoneSchema.default('Asia/Shanghai'),
	recurrence: RecurrenceSchema.optional(),
	externalId: z.string().optional(),
	url: z.string().optional(),
	history: z.array(PostHistoryEntrySchema).default([]),
});
export type Post = z.infer<typeof PostSchema>;
export type PostInput = z.input<typeof PostSchema>;
