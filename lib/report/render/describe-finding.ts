import { labelsFor, type Labels } from '../labels';
import type { Finding } from '../types';
import { NumberFormat, type RenderOptions } from './format';

/** A finding as one sentence in the chosen language (plain text; escape it for the target format). */
export function describeFinding(finding: Finding, options: RenderOptions): string {
	return findingText(finding, labelsFor(options.language), new NumberFormat(options));
}

export function findingText(finding: Finding, labels: Labels, format: NumberFormat): string {
	return labels.findings[finding.rule](finding.params, format, labels);
}
