/**
 * The output schemas the build writes beside each node (scripts/build-schemas.js), which n8n serves at
 * /schemas/<type>/<version>/<operation>.json for the editor's schema preview. What n8n 2.8.4 does with them
 * decides what is written: its editor keys a schema on `resource`/`operation` only and never shows one for a
 * trigger (VirtualSchema: "Trigger nodes do not have schema previews"), so triggers ship none.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { INodePropertyOptions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import * as lib from '../../lib';
import { buildSchemas, schemaFilesFor, toJsonSchema, SENTIMENT_OUTPUT_FIELD } from '../../scripts/build-schemas';

const ROOT = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };

/** The description of every node package.json lists, from its source (dist/nodes/X/X.node.js → nodes/X/X.node.ts). */
const descriptions: INodeTypeDescription[] = pkg.n8n.nodes.map((file) => {
	const mod = require(path.join(ROOT, file.replace(/^dist\//, '').replace(/\.js$/, ''))) as Record<string, new () => INodeType>;
	return new (Object.values(mod)[0])().description;
});
const optionValues = (d: INodeTypeDescription, name: string) =>
	[...new Set(d.properties.filter((p) => p.name === name).flatMap((p) => (p.options as INodePropertyOptions[]).map((o) => String(o.value))))].sort();

describe('output schemas', () => {
	it('triggers ship none: MediaOps Trigger’s events emit different items, and n8n could not pick a schema per event', () => {
		const triggers = descriptions.filter((d) => d.group.includes('trigger'));
		expect(triggers.map((d) => d.name).sort()).toEqual(['commentPushTrigger', 'mediaOpsTrigger']);
		for (const d of triggers) expect(schemaFilesFor(d)).toEqual([]);
		const mediaOps = triggers.find((d) => d.name === 'mediaOpsTrigger')!;
		// Mention items for comments and mentions, post items for New Posts, chosen by `event`, which the schema URL never carries.
		expect(optionValues(mediaOps, 'event')).toEqual(['newComments', 'newMentions', 'newPosts']);
		expect(mediaOps.properties.some((p) => p.name === 'operation' || p.name === 'resource')).toBe(false);
	});

	it('every other node has one schema per operation, each an object schema of the shape it emits', () => {
		const schemas = buildSchemas(lib as unknown as Record<string, unknown>);
		const others = descriptions.filter((d) => !d.group.includes('trigger'));
		expect(others.length).toBeGreaterThan(4);
		for (const d of others) {
			const files = schemaFilesFor(d);
			expect(files.map((f) => f.file).sort()).toEqual(optionValues(d, 'operation').map((op) => path.join('v1.0.0', `${op}.json`)));
			for (const { kind } of files) expect(schemas[kind].type).toBe('object');
		}
		const sentimentRisk = schemaFilesFor(descriptions.find((d) => d.name === 'sentimentRisk')!);
		expect(sentimentRisk.find((f) => f.file.endsWith('assessMentions.json'))?.kind).toBe('assessment');
		expect(schemas.assessment.properties).toHaveProperty('riskLevel');
		expect(schemas.mention.required).toEqual(expect.arrayContaining(['platform', 'id', 'author', 'text', 'createdAt']));
	});

	it('Analyze Sentiment: the input item (fields unknown) with the result under the Output Field, not the result at the top level', () => {
		const schemas = buildSchemas(lib as unknown as Record<string, unknown>);
		const sentimentRisk = descriptions.find((d) => d.name === 'sentimentRisk')!;
		const { kind } = schemaFilesFor(sentimentRisk).find((f) => f.file.endsWith('analyzeSentiment.json'))!;
		const schema = schemas[kind];
		const outputField = sentimentRisk.properties.find((p) => p.name === 'outputField' && p.displayOptions?.show?.operation?.includes('analyzeSentiment'))!;
		expect(outputField.default).toBe(SENTIMENT_OUTPUT_FIELD);
		expect(schema).toEqual({
			type: 'object',
			properties: { [SENTIMENT_OUTPUT_FIELD]: toJsonSchema(lib.SentimentResultSchema) },
			required: [SENTIMENT_OUTPUT_FIELD],
			additionalProperties: true,
		});
		expect(schema.properties?.[SENTIMENT_OUTPUT_FIELD]?.properties).toHaveProperty('label');
		expect(schema.properties).not.toHaveProperty('label');
	});
});
