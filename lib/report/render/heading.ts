import type { Labels } from '../labels';
import type { Report } from '../types';

/** Title and the "period · zone · generated" line every format starts with (plain text). */
export function reportHeading(report: Report, l: Labels): { title: string; subtitle: string } {
	const p = report.period;
	const title = report.title ?? `${l.periodKinds[p.kind] ?? l.report}`;
	const subtitle = `${l.period}: ${p.start} – ${p.end}, ${l.days(p.days)} · ${l.timezone}: ${p.timezone} · ${l.vs} ${p.previous.start} – ${p.previous.end} · ${l.generated}: ${report.generatedAt}`;
	return { title, subtitle };
}
