import { escapeHtml } from './escape';

/**
 * Hand-written inline SVG charts: no library, no script, no external font or asset, presentation
 * attributes only (no CSS classes), so a page renders offline and in viewers that drop <style>.
 * Every label passes through escapeHtml. Each chart also exists as a table next to it, for e-mail
 * clients that strip SVG (Gmail, Outlook desktop).
 */

export const PALETTE = ['#2f6fdf', '#e8833a', '#3aa36b', '#c0504d', '#8064a2', '#4bacc6', '#9c7a3c', '#d65fa6'];
const FONT = 'font-family="-apple-system,Segoe UI,PingFang SC,Microsoft YaHei,sans-serif"';

type Fmt = (v: number) => string;

export interface LineSeries {
	name: string;
	values: ReadonlyArray<number | null>;
}

function open(width: number, height: number, title: string): string {
	const t = escapeHtml(title);
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${t}" ${FONT} font-size="11"><title>${t}</title>`;
}

function textAt(x: number, y: number, content: string, attrs = ''): string {
	return `<text x="${r(x)}" y="${r(y)}" ${attrs}>${escapeHtml(content)}</text>`;
}

function r(v: number): string {
	return (Math.round(v * 10) / 10).toString();
}

/** Round axis maximum and tick step (1, 2, 2.5, 5 × 10^k). */
export function niceScale(max: number, ticks = 4): { max: number; step: number } {
	if (!(max > 0)) return { max: 1, step: 0.25 };
	const raw = max / ticks;
	const mag = 10 ** Math.floor(Math.log10(raw));
	const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
	return { max: step * Math.ceil(max / step), step };
}

function legend(names: readonly string[], x: number, y: number, colors: readonly string[]): string {
	let out = '';
	let cx = x;
	names.forEach((name, i) => {
		out += `<rect x="${r(cx)}" y="${r(y - 8)}" width="10" height="10" fill="${colors[i % colors.length]}"/>` + textAt(cx + 14, y + 1, name, 'fill="#333"');
		cx += 24 + Math.min(160, name.length * 7 + (/[^\x00-\x7f]/.test(name) ? name.length * 4 : 0));
	});
	return out;
}

/** Line chart of daily series; gaps (null) break the line instead of drawing through zero. */
export function lineChart(o: { title: string; labels: readonly string[]; series: readonly LineSeries[]; format: Fmt; width?: number; height?: number }): string {
	const width = o.width ?? 640;
	const height = o.height ?? 260;
	const left = 64;
	const right = 16;
	const top = 40;
	const bottom = 28;
	const plotW = width - left - right;
	const plotH = height - top - bottom;
	const max = Math.max(0, ...o.series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
	const min = Math.min(0, ...o.series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
	const scale = niceScale(max - min);
	const yMin = min < 0 ? -scale.step * Math.ceil(-min / scale.step) : 0;
	const yMax = yMin + scale.max;
	const n = o.labels.length;
	const x = (i: number) => left + (n <= 1 ? plotW / 2 : (i * plotW) / (n - 1));
	const y = (v: number) => top + plotH - ((v - yMin) / (yMax - yMin || 1)) * plotH;
	let out = open(width, height, o.title) + textAt(left, 16, o.title, 'font-size="13" font-weight="bold" fill="#222"');
	for (let v = yMin; v <= yMax + scale.step / 2; v += scale.step) {
		out += `<line x1="${left}" y1="${r(y(v))}" x2="${width - right}" y2="${r(y(v))}" stroke="#e3e3e3"/>` + textAt(left - 6, y(v) + 4, o.format(v), 'text-anchor="end" fill="#666"');
	}
	const every = Math.max(1, Math.ceil(n / 7));
	for (let i = 0; i < n; i += every) out += textAt(x(i), height - 8, o.labels[i].slice(5), 'text-anchor="middle" fill="#666"');
	o.series.forEach((s, k) => {
		const color = PALETTE[k % PALETTE.length];
		let points: string[] = [];
		const flush = () => {
			if (points.length > 1) out += `<polyline fill="none" stroke="${color}" stroke-width="2" points="${points.join(' ')}"/>`;
			else if (points.length === 1) out += `<circle cx="${points[0].split(',')[0]}" cy="${points[0].split(',')[1]}" r="2.5" fill="${color}"/>`;
			points = [];
		};
		s.values.forEach((v, i) => (v === null ? flush() : points.push(`${r(x(i))},${r(y(v))}`)));
		flush();
	});
	return out + legend(o.series.map((s) => s.name), left, 32, PALETTE) + '</svg>';
}

/** Horizontal bar chart (long Chinese account names fit better than under vertical bars). */
export function barChart(o: { title: string; items: ReadonlyArray<{ label: string; value: number; highlight?: boolean }>; format: Fmt; width?: number }): string {
	const width = o.width ?? 640;
	const barH = 18;
	const gap = 8;
	const left = 160;
	const top = 30;
	const height = top + o.items.length * (barH + gap) + 10;
	const max = niceScale(Math.max(0, ...o.items.map((i) => i.value))).max;
	const plotW = width - left - 80;
	let out = open(width, height, o.title) + textAt(8, 16, o.title, 'font-size="13" font-weight="bold" fill="#222"');
	o.items.forEach((item, i) => {
		const yy = top + i * (barH + gap);
		const w = Math.max(0, (item.value / max) * plotW);
		const label = item.label.length > 22 ? `${item.label.slice(0, 21)}…` : item.label;
		out +=
			textAt(left - 8, yy + barH - 5, label, 'text-anchor="end" fill="#333"') +
			`<rect x="${left}" y="${yy}" width="${r(w)}" height="${barH}" fill="${item.highlight ? PALETTE[1] : PALETTE[0]}"/>` +
			textAt(left + w + 6, yy + barH - 5, o.format(item.value), 'fill="#333"');
	});
	return out + '</svg>';
}

/** 100 % stacked horizontal bars, e.g. positive / neutral / negative share per platform. */
export function stackedBarChart(o: {
	title: string;
	partNames: readonly string[];
	rows: ReadonlyArray<{ label: string; parts: readonly number[] }>;
	colors?: readonly string[];
	format: Fmt;
	width?: number;
}): string {
	const width = o.width ?? 640;
	const colors = o.colors ?? PALETTE;
	const barH = 20;
	const gap = 8;
	const left = 120;
	const top = 48;
	const height = top + o.rows.length * (barH + gap) + 8;
	const plotW = width - left - 16;
	let out = open(width, height, o.title) + textAt(8, 16, o.title, 'font-size="13" font-weight="bold" fill="#222"') + legend(o.partNames, left, 36, colors);
	o.rows.forEach((row, i) => {
		const yy = top + i * (barH + gap);
		const total = row.parts.reduce((a, b) => a + b, 0);
		out += textAt(left - 8, yy + barH - 6, row.label, 'text-anchor="end" fill="#333"');
		let x = left;
		row.parts.forEach((part, k) => {
			const w = total > 0 ? (part / total) * plotW : 0;
			if (w <= 0) return;
			out += `<rect x="${r(x)}" y="${yy}" width="${r(w)}" height="${barH}" fill="${colors[k % colors.length]}"/>`;
			if (w > 36) out += textAt(x + w / 2, yy + barH - 6, o.format(part / total), 'text-anchor="middle" fill="#fff"');
			x += w;
		});
	});
	return out + '</svg>';
}
