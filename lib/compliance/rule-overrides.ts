import { z } from 'zod';
import { InputError } from '../errors';
import { isPlatform, MediaSchema, PLATFORMS, type Platform } from '../model';
import type { FieldLimit, MediaRule, PlatformRules } from './platform-limits';
import type { LengthUnit } from './text-length';

/** Where user limits come from when they do not say (`source` is shown with each finding). */
const OVERRIDE_SOURCE = 'Platform Limits (JSON)';

// Tied to the built-in types: a value they do not have is a compile error here.
const FIELDS = ['title', 'body', 'digest'] as const satisfies ReadonlyArray<FieldLimit['field']>;
const UNITS = ['chars', 'graphemes', 'utf16', 'bytes', 'x_weighted'] as const satisfies readonly LengthUnit[];
// Type errors are worded by issueText, so the number schema carries only the range messages.
const count = z.number().int('must be a whole number').min(0, 'must be 0 or more');

const FieldLimitOverrideSchema = z
	.object({
		field: z.enum(FIELDS),
		max: count,
		unit: z.enum(UNITS).optional(),
		urlLength: count.optional(),
		when: z.enum(['with_media', 'without_media']).optional(),
		severity: z.enum(['error', 'warning']).optional(),
		source: z.string().optional(),
	})
	.strict();

const MediaOverrideSchema = z
	.object({
		requiredTypes: z.array(MediaSchema.shape.type).optional(),
		max: count.optional(),
		requiresThumbMediaId: z.boolean().optional(),
		source: z.string().optional(),
	})
	.strict();

const PlatformRulesOverrideSchema = z
	.object({
		limits: z.array(FieldLimitOverrideSchema).optional(),
		requiredFields: z.array(z.enum(['title', 'body'] as const satisfies PlatformRules['requiredFields'])).optional(),
		media: MediaOverrideSchema.nullable().optional(),
		bodyLinkHosts: z.array(z.string()).nullable().optional(),
		bodyLinkSource: z.string().optional(),
	})
	.strict();

/** One limit as a user writes it: `field` and `max`; the rest defaults from the built-in limit for that field. */
export type FieldLimitOverride = z.infer<typeof FieldLimitOverrideSchema>;
/**
 * A platform's rules as a user writes them: every key optional, merged over the built-in rules (see
 * `mergePlatformRules`). A full `PlatformRules` is a valid override.
 */
export type PlatformRulesOverride = z.infer<typeof PlatformRulesOverrideSchema>;
export type PlatformRuleOverrides = Partial<Record<Platform, PlatformRulesOverride>>;

function pathText(path: ReadonlyArray<string | number>): string {
	return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function valueAt(value: unknown, path: ReadonlyArray<string | number>): unknown {
	return path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), value);
}

function issueText(issue: z.ZodIssue): string {
	if (issue.code === 'unrecognized_keys') return `has unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
	if (issue.code === 'invalid_enum_value') return `must be one of ${issue.options.join(', ')}`;
	if (issue.code === 'invalid_type' && issue.received === 'undefined') return 'is required';
	if (issue.code === 'invalid_type') return `must be ${issue.expected === 'object' ? 'an object' : issue.expected === 'array' ? 'an array' : `a ${issue.expected}`}`;
	return issue.message;
}

/**
 * Checks the Platform Limits (JSON) value and names the first wrong place, e.g.
 * `Platform Limits (JSON): mastodon.limits[0].max must be a number (got "1000")`.
 */
export function parsePlatformRuleOverrides(value: unknown): PlatformRuleOverrides {
	const fail = (where: string, what: string, got?: unknown): never => {
		const shown = got === undefined ? '' : ` (got ${JSON.stringify(got)?.slice(0, 80) ?? String(got)})`;
		throw new InputError(`${OVERRIDE_SOURCE}: ${where ? `${where} ` : ''}${what}${shown}`, 'platformRules');
	};
	if (value === undefined || value === null) return {};
	if (typeof value !== 'object' || Array.isArray(value)) {
		return fail('', 'must be an object keyed by platform id, e.g. {"mastodon": {"limits": [{"field": "body", "max": 1000}]}}', value);
	}
	const out: PlatformRuleOverrides = {};
	for (const [key, rules] of Object.entries(value as Record<string, unknown>)) {
		if (!isPlatform(key)) fail(`"${key}"`, `is not a platform id (one of ${PLATFORMS.join(', ')})`);
		const parsed = PlatformRulesOverrideSchema.safeParse(rules);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			const got = issue.code === 'unrecognized_keys' ? undefined : valueAt(rules, issue.path);
			fail(pathText([key, ...issue.path]), issueText(issue), got);
		} else {
			out[key as Platform] = parsed.data;
		}
	}
	return out;
}

/**
 * A user override merged over the built-in rules of one platform:
 * - `limits`: a field named in the override gets exactly the override's limits (its built-in limits for that
 *   field are dropped); fields not named keep their built-in limits. A limit without `unit` takes the unit of
 *   the field's built-in limit (else `chars`), without `urlLength` the built-in one for that field and unit,
 *   without `severity` `error`, without `source` "Platform Limits (JSON)".
 * - `media`: merged key by key over the built-in media rule; `null` drops the rule.
 * - `requiredFields`, `bodyLinkHosts`, `bodyLinkSource`: replaced when given; `bodyLinkHosts: null` drops the check.
 */
export function mergePlatformRules(base: PlatformRules | undefined, override: PlatformRulesOverride | undefined): PlatformRules | undefined {
	if (!override) return base;
	const builtIn = base?.limits ?? [];
	const named = new Set((override.limits ?? []).map((l) => l.field));
	const added = (override.limits ?? []).map((l): FieldLimit => {
		const sameField = builtIn.filter((b) => b.field === l.field);
		const unit = l.unit ?? sameField[0]?.unit ?? 'chars';
		const urlLength = l.urlLength ?? sameField.find((b) => b.unit === unit)?.urlLength;
		return {
			field: l.field,
			max: l.max,
			unit,
			...(urlLength !== undefined ? { urlLength } : {}),
			...(l.when ? { when: l.when } : {}),
			severity: l.severity ?? 'error',
			source: l.source ?? OVERRIDE_SOURCE,
		};
	});
	const limits = [...builtIn.filter((b) => !named.has(b.field)), ...added];

	let media: MediaRule | undefined = base?.media;
	if (override.media === null) media = undefined;
	else if (override.media) media = { ...base?.media, ...override.media, source: override.media.source ?? OVERRIDE_SOURCE };

	const rules: PlatformRules = { ...base, limits };
	if (override.requiredFields) rules.requiredFields = override.requiredFields;
	if (media) rules.media = media;
	else delete rules.media;
	if (override.bodyLinkHosts === null) {
		delete rules.bodyLinkHosts;
		delete rules.bodyLinkSource;
	} else if (override.bodyLinkHosts) {
		rules.bodyLinkHosts = override.bodyLinkHosts;
		rules.bodyLinkSource = override.bodyLinkSource ?? OVERRIDE_SOURCE;
	} else if (override.bodyLinkSource !== undefined) {
		rules.bodyLinkSource = override.bodyLinkSource;
	}
	return rules;
}
