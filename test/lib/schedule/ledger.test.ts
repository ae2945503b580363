import { idempotencyKey, PublishLedger, PublishLedgerState } from '../../../lib/schedule';

const t0 = new Date('2026-03-02T01:00:00Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const key = idempotencyKey({ id: 'p1', version: 2 }, { platform: 'weibo', account: 'brand' });

describe('idempotencyKey', () => {
	it('is stable and differs by version, platform, account and occurrence', () => {
		expect(idempotencyKey({ id: 'p1', version: 2 }, { platform: 'weibo', account: 'brand' })).toBe(key);
		expect(key).toMatch(/^pub_[0-9a-f]{40}$/);
		const others = [
			idempotencyKey({ id: 'p1', version: 3 }, { platform: 'weibo', account: 'brand' }),
			idempotencyKey({ id: 'p1', version: 2 }, { platform: 'x', account: 'brand' }),
			idempotencyKey({ id: 'p1', version: 2 }, { platform: 'weibo', account: 'brand2' }),
			idempotencyKey({ id: 'p1', version: 2 }, { platform: 'weibo', account: 'brand', occurrence: '2026-03-02T09:00:00+08:00' }),
		];
		expect(new Set([key, ...others]).size).toBe(5);
	});
});

describe('PublishLedger', () => {
	it('claims once; a second claim is in flight; after publishing every claim is a duplicate', () => {
		const state: PublishLedgerState = {};
		const ledger = new PublishLedger(state);
		expect(ledger.claim(key, 'exec-1', t0)).toBe('claimed');
		expect(ledger.claim(key, 'exec-2', later(1))).toBe('in_flight');
		expect(ledger.claim(key, 'exec-1', later(1))).toBe('in_flight'); // not re-entrant: a duplicated item in one run is blocked too
		ledger.markPublished(key, 'wb-123', later(2));
		expect(ledger.claim(key, 'exec-3', later(60 * 24))).toBe('already_published');
		expect(state.entries![key]).toMatchObject({ status: 'published', externalId: 'wb-123', publishedAt: later(2).toISOString(), attempts: 1 });
	});

	it('lives in plain JSON: a ledger rebuilt from serialized state behaves the same', () => {
		const state: PublishLedgerState = {};
		new PublishLedger(state).claim(key, 'exec-1', t0);
		const restored = new PublishLedger(JSON.parse(JSON.stringify(state)));
		expect(restored.claim(key, 'exec-2', later(1))).toBe('in_flight');
	});

	it('lets another execution take over after the lease, and asks it to read back first', () => {
		const ledger = new PublishLedger({}, { leaseMinutes: 10 });
		ledger.claim(key, 'crashed', t0);
		expect(ledger.claim(key, 'exec-2', later(9))).toBe('in_flight');
		expect(ledger.claim(key, 'exec-2', later(10))).toBe('claimed');
		expect(ledger.get(key)).toMatchObject({ executionId: 'exec-2', attempts: 2, readBackRequired: true });
	});

	it('retries after a failure; an ambiguous failure requires a read-back', () => {
		const ledger = new PublishLedger({});
		ledger.claim(key, 'e1', t0);
		ledger.markFailed(key, { code: 20019, message: 'repeated content' }, later(1));
		expect(ledger.get(key)).toMatchObject({ status: 'failed', error: '[20019] repeated content' });
		expect(ledger.claim(key, 'e2', later(2))).toBe('claimed');
		expect(ledger.get(key)?.readBackRequired).toBeUndefined();
		ledger.markFailed(key, 'socket hang up', later(3), { ambiguous: true });
		expect(ledger.claim(key, 'e3', later(4))).toBe('claimed');
		expect(ledger.get(key)).toMatchObject({ attempts: 3, readBackRequired: true });
	});

	it('never downgrades a published entry and releases only its own claim', () => {
		const ledger = new PublishLedger({});
		ledger.claim(key, 'e1', t0);
		expect(ledger.release(key, 'e2')).toBe(false);
		expect(ledger.release(key, 'e1')).toBe(true);
		expect(ledger.claim(key, 'e2', t0)).toBe('claimed');
		ledger.markPublished(key, 'id-1', later(1));
		ledger.markFailed(key, 'late failure report', later(2));
		expect(ledger.get(key)?.status).toBe('published');
	});

	it('prunes finished entries after the retention period but blocks duplicates within it', () => {
		const ledger = new PublishLedger({}, { retentionDays: 7 });
		ledger.claim(key, 'e1', t0);
		ledger.markPublished(key, 'id-1', t0);
		expect(ledger.prune(later(7 * 24 * 60 - 1))).toBe(0);
		expect(ledger.claim(key, 'e2', later(7 * 24 * 60 - 1))).toBe('already_published');
		expect(ledger.prune(later(7 * 24 * 60 + 1))).toBe(1);
		expect(ledger.size).toBe(0);
	});

	it('stays bounded: above maxEntries the oldest finished entries go, in-flight ones stay', () => {
		const ledger = new PublishLedger({}, { maxEntries: 3 });
		ledger.claim('k-flight', 'e', t0);
		for (let i = 0; i < 4; i++) {
			ledger.claim(`k${i}`, 'e', later(i));
			ledger.markPublished(`k${i}`, `id${i}`, later(i));
		}
		ledger.prune(later(10));
		expect(ledger.size).toBe(3);
		expect(ledger.get('k-flight')?.status).toBe('in_flight');
		expect(ledger.get('k0')).toBeUndefined();
		expect(ledger.get('k3')?.status).toBe('published');
	});

	it('refuses nonsense options', () => {
		expect(() => new PublishLedger({}, { leaseMinutes: 0 })).toThrow(/leaseMinutes/);
	});
});
