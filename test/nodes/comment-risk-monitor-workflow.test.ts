/**
 * workflows/comment-risk-monitor.json's risk-event-log row, read statically (the workflow runs end to end in
 * test/e2e/comment-risk-monitor.test.ts): the row is Raise alerts' own event-log row (lib/risk buildRiskEventLogEntry),
 * so texts such as the capacity outcome come from lib/risk and cannot drift in a copy inside the workflow.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CAPACITY_OUTCOME, SERIES_CAPACITY_OUTCOME } from '../../lib/risk';

interface WorkflowNode {
	name: string;
	parameters: Record<string, unknown>;
}
const workflow = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'workflows', 'comment-risk-monitor.json'), 'utf8')) as { nodes: WorkflowNode[] };
const node = (name: string) => workflow.nodes.find((n) => n.name === name)!;

describe('comment-risk-monitor: Event log row', () => {
	it('takes the row, outcome included, from Raise alerts’ Event Log output and adds only the notification’s action and time', () => {
		expect(node('Raise alerts').parameters).toMatchObject({ operation: 'raiseAlerts', eventLogOutput: true });
		const expression = String(node('Event log row').parameters.jsonOutput);
		expect(expression).toContain("$('Raise alerts').all(1)");
		expect(expression).toMatch(/\.\.\.log\.json, action: .*, loggedAt: \$now\.toISO\(\) \}/);
		for (const text of [CAPACITY_OUTCOME, SERIES_CAPACITY_OUTCOME, 'closed unresolved', 'outcome']) expect(expression).not.toContain(text);
	});
});
