import type { ReportLanguage, TextFormat } from '../labels';

export interface RenderOptions {
	language: ReportLanguage;
	/** Compact large numbers: 1.2万 / 1.2亿 in Chinese, 12.3K / 1.2M in English (default false). */
	compactNumbers?: boolean;
}

/** Number formatting per language; built once per render call. */
export class NumberFormat implements TextFormat {
	private readonly plain: Intl.NumberFormat;
	private readonly compact: Intl.NumberFormat | undefined;
	private readonly percent: Intl.NumberFormat;

	constructor(options: RenderOptions) {
		const locale = options.language === 'zh' ? 'zh-CN' : 'en-US';
		this.plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
		this.compact = options.compactNumbers ? new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }) : undefined;
		this.percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
	}

	num(v: number | null | undefined): string {
		if (v === null || v === undefined || !Number.isFinite(v)) return '—';
		if (this.compact && Math.abs(v) >= 10_000) return this.compact.format(v);
		return this.plain.format(Math.abs(v) >= 100 ? Math.round(v) : v);
	}

	pct(v: number | null | undefined): string {
		return v === null || v === undefined || !Number.isFinite(v) ? '—' : this.percent.format(v);
	}

	signedPct(v: number | null | undefined): string {
		if (v === null || v === undefined || !Number.isFinite(v)) return '—';
		const text = this.percent.format(v);
		// A change that rounds to zero is shown as 0 %, not "+0%" or "-0%".
		if (/^[-−]?0%$/.test(text)) return this.percent.format(0);
		return (v > 0 ? '+' : '') + text;
	}
}
