import { MetricSnapshotSchema } from '../../../lib/model';
import { rowToSnapshot, snapshotKey, snapshotToRow } from '../../../lib/metrics/snapshot-row';

const snapshot = MetricSnapshotSchema.parse({
	platform: 'wechat_oa',
	accountId: 'wx1',
	accountName: '星河咖啡',
	periodStart: '2026-03-01',
	periodEnd: '2026-03-01',
	timezone: 'Asia/Shanghai',
	window: 'day',
	followers: 48012,
	newFollowers: 40,
	lostFollowers: 12,
	netFollowers: 28,
	extra: { zaikan: 9, newFollowersBySource: { search: 30, qr_code: 10 } },
	collectedAt: '2026-03-02T01:00:00.000Z',
	source: 'wechat_oa:test',
});

describe('snapshot rows', () => {
	it('flattens to scalar columns with a stable key and round-trips', () => {
		const row = snapshotToRow(snapshot);
		for (const v of Object.values(row)) expect(['string', 'number', 'object']).toContain(typeof v);
		expect(row.key).toBe('wechat_oa|wx1|-|day|2026-03-01|2026-03-01');
		expect(row.postId).toBeNull();
		expect(typeof row.extra).toBe('string');
		expect(rowToSnapshot(row)).toEqual(snapshot);
	});

	it('gives post snapshots and account snapshots different keys', () => {
		expect(snapshotKey({ ...snapshot, postId: '100_1' })).not.toBe(snapshotKey(snapshot));
	});
});
