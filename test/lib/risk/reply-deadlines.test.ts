import type { MentionInput } from '../../../lib/model';
import { buildRiskEventLogEntry, checkReplyDeadlines } from '../../../lib/risk';

const NOW = '2026-03-01T12:00:00+08:00';
const at = (minutesAgo: number) => new Date(Date.parse(NOW) - minutesAgo * 60000).toISOString();
const mention = (id: string, minutesAgo: number, extra: Partial<MentionInput> = {}): MentionInput => ({
	platform: 'wechat_oa',
	id,
	author: { id: 'u' },
	text: '请问什么时候发货',
	createdAt: at(minutesAgo),
	...extra,
});

describe('checkReplyDeadlines', () => {
	const options = { limitMinutes: 60, now: NOW, timezone: 'Asia/Shanghai' };

	it('alerts only for unanswered mentions past the limit, with a stable id per mention', () => {
		const alerts = checkReplyDeadlines([mention('fresh', 30), mention('late', 90), mention('answered', 300, { repliedAt: at(200) })], options);
		expect(alerts.map((a) => a.id)).toEqual(['reply_overdue:wechat_oa:late']);
		expect(alerts[0]).toMatchObject({ type: 'reply_overdue', metric: 'reply_minutes', observed: 90, threshold: 60, level: 'low' });
		expect(alerts[0].window.end).toBe('2026-03-01T12:00:00+08:00');
		expect(alerts[0].firstSeenAt).toBe('2026-03-01T11:30:00+08:00');
	});

	it('raises the level with how overdue it is and for negative mentions', () => {
		const levels = checkReplyDeadlines([mention('a', 70), mention('b', 150), mention('c', 300), mention('d', 70, { text: '太差了，客服呢？' })], options).map((a) => [a.evidence[0].mentionId, a.level]);
		expect(levels).toEqual([
			['a', 'low'],
			['b', 'medium'],
			['c', 'high'],
			['d', 'medium'],
		]);
	});

	it('applies per-kind limits (DMs faster)', () => {
		const alerts = checkReplyDeadlines([mention('dm', 40, { kind: 'dm' }), mention('comment', 40)], { ...options, limitByKind: { dm: 30 } });
		expect(alerts.map((a) => a.evidence[0].mentionId)).toEqual(['dm']);
	});

	it('needs a positive limit and an instant with offset', () => {
		expect(() => checkReplyDeadlines([], { ...options, limitMinutes: 0 })).toThrow(/limitMinutes/);
		expect(() => checkReplyDeadlines([], { ...options, now: '2026-03-01 12:00' })).toThrow(/now/);
	});
});

describe('buildRiskEventLogEntry', () => {
	it('flattens an alert and its handling into one row', () => {
		const [alert] = checkReplyDeadlines([mention('late', 90)], { limitMinutes: 60, now: NOW, owner: '客服组' });
		const row = buildRiskEventLogEntry(alert, { at: '2026-03-01T04:05:00Z', timezone: 'Asia/Shanghai', action: '已回复', handledBy: '小王', outcome: 'resolved' });
		expect(row).toMatchObject({ incidentId: alert.id, type: 'reply_overdue', owner: '客服组', action: '已回复', handledBy: '小王', outcome: 'resolved', evidenceIds: 'late', loggedAt: '2026-03-01T12:05:00+08:00' });
		expect(Object.values(row).every((v) => typeof v === 'string' || typeof v === 'number')).toBe(true);
	});
});
