#!/usr/bin/env node
'use strict';
/**
 * Writes each node's output schemas beside its compiled JS (`dist/nodes/<Node>/__schema__/v1.0.0/<op>.json`),
 * where n8n serves them at /schemas/<type>/<version>/<operation>.json. The editor uses them to preview and map
 * a node's output fields before it has run (without them it logs a 404 per node).
 *
 * The schemas come from the zod model in dist/lib, so they cannot drift from what the nodes emit.
 * Run after tsc (part of `npm run build`).
 *
 * Trigger nodes get none. n8n 2.8.4's editor never shows a schema preview for a node whose group is 'trigger'
 * (VirtualSchema's getSchemaPreview answers "Trigger nodes do not have schema previews"), and the schema URL is
 * keyed on `resource`/`operation` only, so a trigger whose output depends on another parameter (MediaOps
 * Trigger's `event`: Mention items for New Comments, post items for New Posts) could not pick one per event
 * anyway. A file there would only claim one shape for every event. The input panel after a trigger asks the
 * user to fetch a test event instead, as it does after n8n's own triggers.
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

/** zod (v3) → JSON Schema, for the types the model uses. */
function toJsonSchema(schema) {
	const def = schema._def;
	switch (def.typeName) {
		case 'ZodObject': {
			const shape = def.shape();
			const properties = {};
			const required = [];
			for (const [key, value] of Object.entries(shape)) {
				properties[key] = toJsonSchema(value);
				if (!value.isOptional()) required.push(key);
			}
			return { type: 'object', properties, ...(required.length ? { required } : {}) };
		}
		case 'ZodString':
			return { type: 'string' };
		case 'ZodNumber':
			return { type: 'number' };
		case 'ZodBoolean':
			return { type: 'boolean' };
		case 'ZodEnum':
			return { type: 'string', enum: def.values };
		case 'ZodArray':
			return { type: 'array', items: toJsonSchema(def.type) };
		case 'ZodRecord':
			return { type: 'object', additionalProperties: toJsonSchema(def.valueType) };
		case 'ZodUnion':
			return { anyOf: def.options.map(toJsonSchema) };
		case 'ZodOptional':
		case 'ZodNullable':
			return toJsonSchema(def.innerType);
		case 'ZodDefault':
			return toJsonSchema(def.innerType);
		case 'ZodEffects':
			return toJsonSchema(def.schema);
		default:
			return {};
	}
}

const object = (properties) => ({ type: 'object', properties });
/** Analyze Sentiment's default Output Field (nodes/SentimentRisk/actions/analyzeSentiment.operation.ts). */
const SENTIMENT_OUTPUT_FIELD = 'sentiment';
function buildSchemas(lib) {
	return {
		snapshot: toJsonSchema(lib.MetricSnapshotSchema),
		post: toJsonSchema(lib.PostSchema),
		mention: toJsonSchema(lib.MentionSchema),
		assessment: toJsonSchema(lib.RiskAssessmentSchema),
		alert: toJsonSchema(lib.RiskAlertSchema),
		sentiment: toJsonSchema(lib.SentimentResultSchema),
		/**
		 * Analyze Sentiment returns the input item with the result added under the Output Field: the item's own fields
		 * are unknown here (additionalProperties), the result sits under the default field name (a renamed Output
		 * Field shows in the preview under `sentiment` until the node has run).
		 */
		itemWithSentiment: { type: 'object', properties: { [SENTIMENT_OUTPUT_FIELD]: toJsonSchema(lib.SentimentResultSchema) }, required: [SENTIMENT_OUTPUT_FIELD], additionalProperties: true },
		notify: object({ channel: { type: 'string' }, ok: { type: 'boolean' }, status: { type: 'string' }, code: { type: 'number' } }),
		report: object({ title: { type: 'string' }, period: { type: 'object' }, statistics: { type: 'array' }, kpis: { type: 'array' }, findings: { type: 'array' } }),
		any: { type: 'object' },
	};
}

/** Which model shape each node's operations emit; unlisted operations get a plain object schema. Triggers get none (above). */
const OUTPUT_BY_NODE = {
	engagementMetrics: () => 'snapshot',
	contentCalendar: () => 'post',
	socialPublish: () => 'post',
	opsReport: () => 'report',
	teamNotify: () => 'notify',
	sentimentRisk: (op) => ({ analyzeSentiment: 'itemWithSentiment', assessMentions: 'assessment', detectSpikes: 'alert', raiseAlerts: 'alert', checkReplyDeadlines: 'alert', listComments: 'mention' })[op] ?? 'any',
};

function operationsOf(description) {
	const ops = new Set();
	for (const p of description.properties) if (p.name === 'operation' && Array.isArray(p.options)) for (const o of p.options) ops.add(o.value);
	return [...ops];
}

/**
 * The schema files of one node, relative to its __schema__ folder, each with the shape it holds: where n8n's
 * resolveSchema looks for `/schemas/<type>/<version>/<operation>.json` (`v<version>.json` without operations).
 */
function schemaFilesFor(description) {
	if (description.group.includes('trigger')) return [];
	const versions = Array.isArray(description.version) ? description.version : [description.version];
	const pick = OUTPUT_BY_NODE[description.name] ?? (() => 'any');
	const ops = operationsOf(description);
	return versions.flatMap((version) => {
		const v = `v${Number(version).toFixed(1)}.0`.replace(/^v(\d+)\.(\d+)\.0$/, 'v$1.$2.0');
		return ops.length ? ops.map((op) => ({ file: path.join(v, `${op}.json`), kind: pick(op) })) : [{ file: `${v}.json`, kind: pick('') }];
	});
}

function main() {
	const lib = require(path.join(ROOT, 'dist', 'lib'));
	const pkg = require(path.join(ROOT, 'package.json'));
	const schemas = buildSchemas(lib);
	let written = 0;
	for (const file of pkg.n8n.nodes) {
		const mod = require(path.join(ROOT, file));
		const NodeClass = Object.values(mod)[0];
		const { description } = new NodeClass();
		const dir = path.join(ROOT, path.dirname(file), '__schema__');
		// Written afresh: a schema a node no longer has (a removed operation, a trigger's) must not stay behind in dist.
		fs.rmSync(dir, { recursive: true, force: true });
		for (const { file: target, kind } of schemaFilesFor(description)) {
			fs.mkdirSync(path.dirname(path.join(dir, target)), { recursive: true });
			fs.writeFileSync(path.join(dir, target), JSON.stringify(schemas[kind], null, 2));
			written++;
		}
	}
	console.log(`output schemas: ${written} written`);
}

module.exports = { schemaFilesFor, buildSchemas, toJsonSchema, SENTIMENT_OUTPUT_FIELD };
if (require.main === module) main();
