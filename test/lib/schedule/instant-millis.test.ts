import { DateTime } from 'luxon';
import { instantMillis } from '../../../lib/schedule/wall-clock';

describe('instantMillis', () => {
	it.each(['2026-03-08T02:30:00-05:00', '2026-03-02T09:00:00+08:00', '2026-03-02T01:00Z', '2026-03-02T01:00:00.123Z', '2026-03-02T09:00:00+0800', '2026-11-01T01:30:00-04:00'])('reads %s like luxon, whatever the process zone', (iso) => {
		expect(instantMillis(iso)).toBe(DateTime.fromISO(iso, { setZone: true }).toMillis());
	});

	it('refuses an instant without an offset', () => {
		expect(() => instantMillis('2026-03-02T09:00:00', 'scheduledAt')).toThrow(/scheduledAt must be an ISO instant with an offset/);
	});
});
