import { buildReport, describeFinding, renderCsv, renderHtml, renderMarkdown, type Report } from '../../../lib/report';
import { NumberFormat } from '../../../lib/report/render/format';
import { csvField, escapeMarkdown } from '../../../lib/report/render/escape';
import { barChart, lineChart, stackedBarChart } from '../../../lib/report/render/svg-charts';
import { fixtureOptions, weekFixture } from './report-fixture';

const XSS = '<script>alert(1)</script>';
const FORMULA = "=cmd|'/c calc'!A1";
const TRICKY = 'Rival, "Inc"\nCN';

function hostileReport(): Report {
	const data = weekFixture().map((s) => {
		if (s.postId === 'p1') return { ...s, postTitle: XSS };
		if (s.postId === 'p2') return { ...s, postTitle: FORMULA };
		if (s.accountId === 'rival') return { ...s, accountName: TRICKY };
		return s;
	});
	return buildReport(data, fixtureOptions({ title: `Weekly <b>&</b> | report` }));
}

/** RFC 4180 reader for the round trip (quoted fields, doubled quotes, CRLF inside quotes). */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
			else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') row.push(field), (field = '');
		else if (c === '\r' && text[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			(row = []), (field = ''), i++;
		} else field += c;
	}
	if (field !== '' || row.length > 0) rows.push([...row, field]);
	return rows;
}

/** Parse-ish XML check: tags balance, attributes are quoted, text holds no raw < or bare &. */
function expectWellFormedXml(xml: string): void {
	const stack: string[] = [];
	const token = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
	let m: RegExpExecArray | null;
	while ((m = token.exec(xml))) {
		if (m[6]) throw new Error(`stray < at ${m.index}: ${xml.slice(m.index, m.index + 40)}`);
		if (m[5] !== undefined) {
			expect(m[5]).not.toMatch(/&(?!#\d+;|[a-z]+;)/);
			continue;
		}
		if (m[4]) continue;
		if (m[1]) expect(stack.pop()).toBe(m[2]);
		else stack.push(m[2]);
	}
	expect(stack).toEqual([]);
}

describe('renderers', () => {
	const report = hostileReport();

	it('HTML escapes user text, is self-contained and carries well-formed SVG charts', () => {
		const html = renderHtml(report, { language: 'en' });
		expect(html).not.toMatch(/<script/i);
		expect(html).not.toContain('<b>');
		expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
		expect(html).toContain('Weekly &#60;b&#62;&#38;&#60;/b&#62; | report');
		expect(html).not.toMatch(/\b(src|href)=|<link|<style|url\(/i);
		const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
		expect(svgs.length).toBeGreaterThanOrEqual(5);
		expect(svgs.some((s) => s.includes('<polyline'))).toBe(true);
		for (const svg of svgs) expectWellFormedXml(svg);
		expect(html).toMatch(/^<!DOCTYPE html>/);
		expect(html).toContain('Problems and suggestions');
	});

	it('Markdown escapes markup and pipes so tables keep their columns', () => {
		const md = renderMarkdown(report, { language: 'en' });
		expect(md).toContain('\\<script\\>alert\\(1\\)\\</script\\>');
		expect(md).toContain('品牌\\|官博');
		expect(md).not.toContain(XSS);
		const tables = md.split('\n\n').filter((b) => b.startsWith('|'));
		expect(tables.length).toBeGreaterThan(5);
		for (const t of tables) {
			const counts = t.trim().split('\n').map((line) => line.replace(/\\\|/g, '').split('|').length);
			expect(new Set(counts).size).toBe(1);
		}
		expect(md.split('\n').every((line) => !line.includes('\n'))).toBe(true);
	});

	it('CSV quotes per RFC 4180, guards formulas and round-trips commas, quotes and newlines', () => {
		const csv = renderCsv(report, { language: 'en' });
		expect(Object.keys(csv)).toEqual(expect.arrayContaining(['summary', 'findings', 'kpis', 'accounts', 'top_content', 'budget', 'daily', 'statistics']));
		expect(csv.accounts.startsWith('\uFEFF')).toBe(true);
		const accounts = parseCsv(csv.accounts.slice(1));
		const header = accounts[0];
		expect(accounts.every((r) => r.length === header.length)).toBe(true);
		expect(accounts.map((r) => r[1])).toContain(TRICKY);
		expect(accounts.map((r) => r[1])).toContain('品牌|官博');
		const top = parseCsv(csv.top_content.slice(1));
		expect(top.map((r) => r[2])).toEqual(expect.arrayContaining([XSS, `'${FORMULA}`]));
		expect(csv.top_content).toContain('\r\n');
		// Numbers stay numbers (negative ones are not formula-guarded).
		const changes = parseCsv(csv.changes.slice(1));
		expect(changes.some((r) => r.some((cell) => /^-\d/.test(cell)))).toBe(true);
		expect(renderCsv(report, { language: 'en', bom: false }).accounts.startsWith('\uFEFF')).toBe(false);
	});

	it('csvField and escapeMarkdown cover the edge cases', () => {
		expect(csvField('+1')).toBe("'+1");
		expect(csvField('-x')).toBe("'-x");
		expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvField('\tx')).toBe("'\tx");
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField(-3.5)).toBe('-3.5');
		expect(csvField(null)).toBe('');
		expect(escapeMarkdown('a|b\n# c [x](y) *z*')).toBe('a\\|b \\# c \\[x\\]\\(y\\) \\*z\\*');
	});

	it('speaks Chinese or English from one dictionary', () => {
		const zh = renderMarkdown(report, { language: 'zh' });
		const en = renderMarkdown(report, { language: 'en' });
		expect(zh).toContain('## 问题与建议');
		expect(zh).toContain('互动率');
		expect(zh).toContain('抖音');
		expect(en).toContain('## Problems and suggestions');
		expect(en).toContain('Douyin');
		expect(en).not.toMatch(/问题与建议/);
		expect(renderCsv(report, { language: 'zh' }).platforms).toContain('互动率');
		expect(renderHtml(report, { language: 'zh' })).toContain('<html lang="zh-CN">');
		const drop = report.findings.find((f) => f.rule === 'engagement_drop')!;
		expect(describeFinding(drop, { language: 'zh' })).toMatch(/^互动量环比-58\.4%.*抖音.*news/);
		expect(describeFinding(drop, { language: 'en' })).toMatch(/^Engagement -58\.4% .*Douyin.*"news"/);
		expect(() => renderMarkdown(report, { language: 'fr' as 'en' })).toThrow(/zh or en/);
	});

	it('formats numbers per language, optionally compact', () => {
		expect(new NumberFormat({ language: 'en' }).num(1234567)).toBe('1,234,567');
		expect(new NumberFormat({ language: 'zh', compactNumbers: true }).num(12345)).toBe('1.2万');
		expect(new NumberFormat({ language: 'zh', compactNumbers: true }).num(123456789)).toBe('1.2亿');
		expect(new NumberFormat({ language: 'en', compactNumbers: true }).num(1234567)).toBe('1.2M');
		expect(new NumberFormat({ language: 'en' }).signedPct(0.125)).toBe('+12.5%');
		expect(new NumberFormat({ language: 'en' }).num(null)).toBe('—');
	});

	it('charts escape their labels and break lines at gaps', () => {
		const fmt = (v: number) => String(v);
		const line = lineChart({ title: 'a<b', labels: ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04'], series: [{ name: '"x"&', values: [1, 2, null, 4] }], format: fmt });
		expectWellFormedXml(line);
		expect(line).toContain('a&#60;b');
		expect(line.match(/<polyline/g)).toHaveLength(1);
		expect(line.match(/<circle/g)).toHaveLength(1);
		expectWellFormedXml(barChart({ title: 't', items: [{ label: XSS, value: 3 }, { label: 'y', value: 0 }], format: fmt }));
		const stacked = stackedBarChart({ title: 't', partNames: ['+', '0', '-'], rows: [{ label: 'w', parts: [2, 1, 1] }], format: fmt });
		expectWellFormedXml(stacked);
		expect(stacked.match(/<rect/g)!.length).toBe(3 + 3);
	});
});
