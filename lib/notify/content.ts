import { InputError } from '../errors';
import { RiskAlertSchema, type RiskAlert, type RiskLevel } from '../model';
import { describeFinding } from '../report/render/describe-finding';
import { NumberFormat } from '../report/render/format';
import { kpiValue, labelsFor, metricName, platformName } from '../report/labels';
import type { Report } from '../report/types';
import { isSafeEmail, isSafeMentionId } from './escape';
import { clipGraphemes } from './text';
import type { DocItem, Mention, NotifyDocument, NotifyLanguage } from './types';

/** Per level: the emoji every channel shows and the colour name of the channels that colour (Feishu header). */
export const LEVEL_STYLE: Record<RiskLevel, { emoji: string; feishuTemplate: string; wecomColor: 'warning' | 'comment' | 'info' }> = {
	critical: { emoji: '🔴', feishuTemplate: 'red', wecomColor: 'warning' },
	high: { emoji: '🟠', feishuTemplate: 'orange', wecomColor: 'warning' },
	medium: { emoji: '🟡', feishuTemplate: 'yellow', wecomColor: 'warning' },
	low: { emoji: '🔵', feishuTemplate: 'blue', wecomColor: 'comment' },
	none: { emoji: '🟢', feishuTemplate: 'green', wecomColor: 'info' },
};

const WORDS = {
	zh: {
		alert: '舆情预警',
		level: '级别',
		status: { open: '', escalated: '（已升级）', ongoing: '（持续中）', resolved: '（已解除）' } as Record<string, string>,
		/** A resolved alert whose incident was closed without resolving (dropped beyond Max Open Incidents, or a spike's series beyond Max Series). */
		capacityClosed: (spike: boolean) => `（已关闭，未确认解除：超出${spike ? '最大序列数' : '最大未结事件数'}，不再跟踪，请人工核查）`,
		levels: { none: '无', low: '低', medium: '中', high: '高', critical: '严重' } as Record<string, string>,
		where: '范围',
		metric: '指标',
		observedVs: (o: string, b: string, t: string) => `${o}（基线 ${b}，阈值 ${t}）`,
		window: '时间窗口',
		owner: '负责人',
		evidence: '代表性内容',
		actions: '建议措施',
		reach: (n: string) => `影响 ${n}`,
		firstSeen: '首次发现',
		updated: '更新',
		period: '统计周期',
		days: (n: number) => `${n} 天`,
		kpis: '核心指标',
		targets: 'KPI 目标',
		findings: '问题与建议',
		openHigh: (n: number) => `未处理的高风险预警 ${n} 条`,
		none: '无',
		truncated: '…（内容过长，已截断）',
		message: '通知',
		types: {
			negative_spike: '负面声量激增',
			reply_overdue: '评论超时未回复',
			complaint: '投诉',
			refund_dispute: '退款纠纷',
			safety_quality: '安全与质量',
			legal_threat: '法律威胁',
			media_exposure: '媒体曝光',
			rumor: '谣言',
			boycott: '抵制',
			privacy_leak: '隐私泄露',
			discrimination: '歧视',
			sensitive_term: '敏感词',
		} as Record<string, string>,
		metrics: { negative_volume: '负面声量', negative_share: '负面占比', reply_delay: '回复等待时长', risk_mentions: '风险评论数' } as Record<string, string>,
	},
	en: {
		alert: 'Risk alert',
		level: 'Level',
		status: { open: '', escalated: ' (escalated)', ongoing: ' (ongoing)', resolved: ' (resolved)' } as Record<string, string>,
		/** A resolved alert whose incident was closed without resolving (dropped beyond Max Open Incidents, or a spike's series beyond Max Series). */
		capacityClosed: (spike: boolean) => ` (closed, not confirmed resolved: over ${spike ? 'Max Series' : 'Max Open Incidents'}, no longer tracked; check by hand)`,
		levels: { none: 'None', low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' } as Record<string, string>,
		where: 'Scope',
		metric: 'Metric',
		observedVs: (o: string, b: string, t: string) => `${o} (baseline ${b}, threshold ${t})`,
		window: 'Window',
		owner: 'Owner',
		evidence: 'Top evidence',
		actions: 'Suggested actions',
		reach: (n: string) => `reach ${n}`,
		firstSeen: 'First seen',
		updated: 'updated',
		period: 'Period',
		days: (n: number) => `${n} day${n === 1 ? '' : 's'}`,
		kpis: 'Key metrics',
		targets: 'KPI targets',
		findings: 'Findings',
		openHigh: (n: number) => `${n} open high-risk alert${n === 1 ? '' : 's'}`,
		none: 'None',
		truncated: '… (truncated to fit)',
		message: 'Notice',
		types: {
			negative_spike: 'Negative spike',
			reply_overdue: 'Reply overdue',
			complaint: 'Complaint',
			refund_dispute: 'Refund dispute',
			safety_quality: 'Safety / quality',
			legal_threat: 'Legal threat',
			media_exposure: 'Media exposure',
			rumor: 'Rumour',
			boycott: 'Boycott',
			privacy_leak: 'Privacy leak',
			discrimination: 'Discrimination',
			sensitive_term: 'Sensitive term',
		} as Record<string, string>,
		metrics: { negative_volume: 'Negative volume', negative_share: 'Negative share', reply_delay: 'Reply wait', risk_mentions: 'Risk mentions' } as Record<string, string>,
	},
};

export function notifyWords(language: NotifyLanguage) {
	return WORDS[language];
}

/** Per-item text budgets (graphemes) so one long comment cannot crowd out the rest of a card. */
const EVIDENCE_CHARS = 140;
const ACTION_CHARS = 200;
const FIELD_CHARS = 200;

export interface AlertDocumentOptions {
	language: NotifyLanguage;
	/** Evidence items shown (default 3). */
	maxEvidence?: number;
	/** Mention the alert's owner (default true). */
	mentionOwner?: boolean;
	mentions?: Mention[];
}

/** Reads a RiskAlert (validated with the shared schema) or throws InputError naming the first bad field. */
export function parseRiskAlert(value: unknown): RiskAlert {
	const parsed = RiskAlertSchema.safeParse(value);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const path = issue.path.join('.') || '(item)';
		throw new InputError(`not a RiskAlert: ${path} ${issue.message}`, path);
	}
	return parsed.data;
}

/** The alert card's content: level, type, metric observed vs baseline/threshold, window, evidence, actions, owner. */
export function alertDocument(alert: RiskAlert, options: AlertDocumentOptions): NotifyDocument {
	const w = WORDS[options.language];
	const f = new NumberFormat({ language: options.language });
	const style = LEVEL_STYLE[alert.level];
	const type = w.types[alert.type] ?? alert.type;
	const isShare = alert.metric === 'negative_share';
	const value = (v: number) => (isShare ? f.pct(v) : f.num(v));
	const l = labelsFor(options.language);

	const status = alert.status === 'resolved' && alert.resolution === 'capacity' ? w.capacityClosed(alert.type === 'negative_spike') : (w.status[alert.status] ?? '');
	const fields: NotifyDocument['fields'] = [{ label: w.level, value: `${style.emoji} ${w.levels[alert.level]}${status}` }];
	const scope = [alert.platform ? platformName(l, alert.platform) : undefined, alert.accountId, alert.topic ? `#${alert.topic}` : undefined].filter(Boolean).join(' · ');
	if (scope) fields.push({ label: w.where, value: clipGraphemes(scope, FIELD_CHARS) });
	fields.push({ label: w.metric, value: `${w.metrics[alert.metric] ?? alert.metric}: ${w.observedVs(value(alert.observed), value(alert.baseline), value(alert.threshold))}` });
	fields.push({ label: w.window, value: clipGraphemes(`${alert.window.label} (${alert.window.start} – ${alert.window.end})`, FIELD_CHARS) });
	if (alert.owner) fields.push({ label: w.owner, value: clipGraphemes(alert.owner, 64) });

	const evidence: DocItem[] = alert.evidence.slice(0, options.maxEvidence ?? 3).map((e) => ({
		text: clipGraphemes(e.text, EVIDENCE_CHARS) + (e.reach !== undefined ? ` (${w.reach(f.num(e.reach))})` : ''),
		url: e.url,
	}));
	const sections: NotifyDocument['sections'] = [];
	if (evidence.length) sections.push({ heading: w.evidence, items: evidence });
	if (alert.suggestedActions.length) sections.push({ heading: w.actions, items: alert.suggestedActions.map((a) => ({ text: clipGraphemes(a, ACTION_CHARS) })) });

	const mentions = [...(options.mentions ?? [])];
	if ((options.mentionOwner ?? true) && alert.owner) {
		const owner = parseMention(alert.owner);
		if (owner && !mentions.some((m) => m.kind === owner.kind && m.id === owner.id)) mentions.push(owner);
	}
	return {
		title: clipGraphemes(`${style.emoji} ${w.alert}【${w.levels[alert.level]}】${type}`, 120),
		level: alert.level,
		fields,
		sections,
		note: `ID ${clipGraphemes(alert.id, 80)} · ${w.firstSeen} ${alert.firstSeenAt} · ${w.updated} ${alert.updatedAt}`,
		mentions,
		language: options.language,
	};
}

export interface ReportDocumentOptions {
	language: NotifyLanguage;
	/** Findings shown (default 5). */
	maxFindings?: number;
	/** KPI rows shown (default 5). */
	maxKpis?: number;
	mentions?: Mention[];
}

/** Checks that an item is a Report as buildReport makes it (the parts the summary reads). */
export function parseReport(value: unknown): Report {
	const r = value as Partial<Report> | undefined;
	if (!r || typeof r !== 'object') throw new InputError('not a Report: expected an object', '(item)');
	if (!r.period || typeof r.period.start !== 'string' || typeof r.period.end !== 'string') throw new InputError('not a Report: period.start / period.end missing', 'period');
	if (!Array.isArray(r.findings)) throw new InputError('not a Report: findings must be an array', 'findings');
	return r as Report;
}

const SUMMARY_METRICS = ['followers', 'views', 'engagement', 'engagementRate', 'newFollowers'];

/** A report's summary: title, period, key metrics with change, KPI targets, top findings. */
export function reportDocument(report: Report, options: ReportDocumentOptions): NotifyDocument {
	const w = WORDS[options.language];
	const l = labelsFor(options.language);
	const f = new NumberFormat({ language: options.language, compactNumbers: true });
	const p = report.period;
	const title = report.title ?? l.periodKinds[p.kind] ?? l.report;
	const fields: NotifyDocument['fields'] = [{ label: w.period, value: `${p.start} – ${p.end} (${w.days(p.days)}, ${p.timezone})` }];
	if (report.risk && report.risk.openHigh > 0) fields.push({ label: '⚠️', value: w.openHigh(report.risk.openHigh) });

	const sections: NotifyDocument['sections'] = [];
	const changes = (report.trends?.changes ?? []).filter((c) => c.scope === 'all' && SUMMARY_METRICS.includes(c.metric) && c.current !== null);
	if (changes.length) {
		sections.push({
			heading: w.kpis,
			items: changes.map((c) => ({ text: `${metricName(l, c.metric)}: ${kpiValue(f, c.metric, c.current)}${c.change !== null ? ` (${f.signedPct(c.change)})` : ''}` })),
		});
	}
	const kpis = (report.kpis ?? []).slice(0, options.maxKpis ?? 5);
	if (kpis.length) {
		sections.push({
			heading: w.targets,
			items: kpis.map((k) => ({
				text: `${clipGraphemes(k.label ?? metricName(l, k.metric), 60)}: ${kpiValue(f, k.metric, k.current)} / ${kpiValue(f, k.metric, k.goal)} · ${l.kpiStatus[k.status] ?? k.status} (${k.by})`,
			})),
		});
	}
	const findings = report.findings.slice(0, options.maxFindings ?? 5);
	sections.push({
		heading: w.findings,
		items: findings.length
			? findings.map((finding) => ({ text: `[${l.kinds[finding.kind]} · ${l.severities[finding.severity]}] ${clipGraphemes(describeFinding(finding, { language: options.language }), 300)}` }))
			: [{ text: w.none }],
	});
	return {
		title: clipGraphemes(`📊 ${title}`, 120),
		fields,
		sections,
		note: `${l.generated}: ${report.generatedAt}`,
		mentions: options.mentions ?? [],
		language: options.language,
	};
}

export interface TextDocumentOptions {
	language: NotifyLanguage;
	title?: string;
	/** `plain` (default): the text is escaped, line breaks kept; `markdown`: passed through as written. */
	format?: 'plain' | 'markdown';
	mentions?: Mention[];
}

export function textDocument(text: string, options: TextDocumentOptions): NotifyDocument {
	if (!text.trim()) throw new InputError('Text is empty', 'text');
	const title = options.title?.trim() ? clipGraphemes(options.title.trim(), 120) : WORDS[options.language].message;
	return {
		title,
		fields: [],
		sections: [],
		...(options.format === 'markdown' ? { markdown: text } : { body: text }),
		mentions: options.mentions ?? [],
		language: options.language,
	};
}

/**
 * A mention as typed by a user: `all` / `@all`, a mobile number, an email, or a platform user id (WeCom userid,
 * DingTalk userId, Feishu open_id ou_…, Slack member id U…). Anything with other characters is refused (undefined).
 */
export function parseMention(raw: string): Mention | undefined {
	const v = raw.trim().replace(/^@(?=all$)/i, '');
	if (!v) return undefined;
	if (/^(all|everyone|channel|所有人)$/i.test(v)) return { kind: 'all', id: 'all' };
	if (/^\+?\d{6,15}$/.test(v)) return { kind: 'mobile', id: v.replace(/^\+/, '') };
	if (isSafeEmail(v)) return { kind: 'email', id: v };
	const id = v.replace(/^@/, '');
	return isSafeMentionId(id) ? { kind: 'user', id } : undefined;
}

/** Parses a list of mentions; entries that are not a valid id are returned in `invalid`. */
export function parseMentions(values: readonly string[]): { mentions: Mention[]; invalid: string[] } {
	const mentions: Mention[] = [];
	const invalid: string[] = [];
	for (const raw of values) {
		if (!raw.trim()) continue;
		const m = parseMention(raw);
		if (!m) invalid.push(raw);
		else if (!mentions.some((x) => x.kind === m.kind && x.id === m.id)) mentions.push(m);
	}
	return { mentions, invalid };
}
