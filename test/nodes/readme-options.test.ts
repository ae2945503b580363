import * as fs from 'fs';
import * as path from 'path';
import type { INodeProperties, INodeType } from 'n8n-workflow';
import { CommentPushTrigger } from '../../nodes/CommentPushTrigger/CommentPushTrigger.node';
import { SentimentRisk } from '../../nodes/SentimentRisk/SentimentRisk.node';
import { TeamNotify } from '../../nodes/TeamNotify/TeamNotify.node';
import { ContentCalendar } from '../../nodes/ContentCalendar/ContentCalendar.node';
import { EngagementMetrics } from '../../nodes/EngagementMetrics/EngagementMetrics.node';
import { MediaOpsTrigger } from '../../nodes/MediaOpsTrigger/MediaOpsTrigger.node';
import { OpsReport } from '../../nodes/OpsReport/OpsReport.node';
import { SocialPublish } from '../../nodes/SocialPublish/SocialPublish.node';

// "The README explains the scoring, the matrix and every option": every parameter and option a user can
// set on the risk nodes is named in the README, so a new option cannot ship undocumented.
const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');

function displayNames(properties: readonly INodeProperties[], out = new Set<string>()): Set<string> {
	for (const p of properties) {
		if (p.type === 'notice' || p.type === 'hidden') continue;
		out.add(p.displayName);
		for (const option of (p.options ?? []) as unknown[]) {
			const o = option as { displayName?: string; values?: INodeProperties[]; type?: string };
			if (o.values) displayNames(o.values, out); // a fixedCollection's groups
			else if (o.displayName && o.type) displayNames([o as INodeProperties], out); // a collection's options
		}
	}
	return out;
}

describe.each([
	['Sentiment Risk', new SentimentRisk()],
	['Team Notify', new TeamNotify()],
	['Comment Push Trigger', new CommentPushTrigger()],
	['Content Calendar', new ContentCalendar()],
	['Engagement Metrics', new EngagementMetrics()],
	['MediaOps Trigger', new MediaOpsTrigger()],
	['Ops Report', new OpsReport()],
	['Social Publish', new SocialPublish()],
] as Array<[string, INodeType]>)('README documents every %s option', (_name, node) => {
	const names = [...displayNames(node.description.properties)];
	it('has options to check', () => expect(names.length).toBeGreaterThan(3));
	it.each(names)('%s', (name) => {
		expect(readme.toLowerCase()).toContain(name.toLowerCase());
	});
});
