/** Types for build-schemas.js (plain CommonJS, run by `npm run build`, used from TS tests). */
import type { INodeTypeDescription } from 'n8n-workflow';

export type SchemaKind = 'snapshot' | 'post' | 'mention' | 'assessment' | 'alert' | 'sentiment' | 'itemWithSentiment' | 'notify' | 'report' | 'any';

export interface JsonSchema {
	type?: string;
	properties?: Record<string, JsonSchema>;
	[key: string]: unknown;
}

/** The schema files of one node, relative to its __schema__ folder (none for a trigger), each with the shape it holds. */
export function schemaFilesFor(description: INodeTypeDescription): Array<{ file: string; kind: SchemaKind }>;
/** The JSON Schemas of the model's shapes, from the zod schemas of `lib` (dist/lib at build time). */
export function buildSchemas(lib: Record<string, unknown>): Record<SchemaKind, JsonSchema>;
export function toJsonSchema(schema: unknown): JsonSchema;
/** Analyze Sentiment's default Output Field: where its schema puts the result on the item. */
export const SENTIMENT_OUTPUT_FIELD: string;
