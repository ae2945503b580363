/**
 * One failing account does not sink the others: Engagement Metrics over several accounts (one input item each,
 * the account read from the item by expression) through n8n-core's engine against the sandbox, with one account's
 * calls failing persistently. Under Continue On Fail that account becomes an error item naming the account and the
 * platform with the platform's code, paired to its input item, and every other account's items come out equal to a
 * fault-free run; without it the node stops with an error naming the item, the account and the platform.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INode, INodeParameters } from 'n8n-workflow';
import { startSandbox, type FaultRule, type Sandbox } from '../../sandbox';
import { MastodonDataset, SANDBOX_MASTODON_ACCOUNTS, SANDBOX_MASTODON_TOKEN } from '../../sandbox/platforms/mastodon';
import { SANDBOX_X_ACCOUNTS, SANDBOX_X_BEARER } from '../../sandbox/platforms/x';
import { ENGAGEMENT_METRICS_TYPE, runWorkflow, singleNodeWorkflow, type RunResult } from './harness';
import { allText, pairedIndexes, withoutCollectedAt } from './support';

const NODE = 'Engagement Metrics';
const SEED = 20250101;
/** The sandbox's clock stands still, so two runs read the same counters. */
const NOW = new Date();
const [mastoBrand, mastoTech] = SANDBOX_MASTODON_ACCOUNTS;
const [xBrand, xTech] = SANDBOX_X_ACCOUNTS;

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seed: SEED, now: () => NOW });
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.clearFaults());

function run(platform: 'mastodon' | 'x', parameters: INodeParameters, items: IDataObject[], extra: Partial<INode> = {}): Promise<RunResult> {
	const credential: Record<string, ICredentialDataDecryptedObject> =
		platform === 'mastodon' ? { mastodonApi: { instanceUrl: sandbox.url, accessToken: SANDBOX_MASTODON_TOKEN } } : { xApi: { bearerToken: SANDBOX_X_BEARER, baseUrl: sandbox.url } };
	const node: Omit<INode, 'id' | 'position'> = {
		name: NODE,
		type: ENGAGEMENT_METRICS_TYPE,
		typeVersion: 1,
		// Two attempts a call keep the persistent failure's real backoff short.
		parameters: { platform, dateRange: 'lastDays', lastDays: 3, options: { maxAttempts: 2 }, ...parameters },
		credentials: { [Object.keys(credential)[0]]: { id: 'cred', name: platform } },
		...extra,
	};
	return runWorkflow(singleNodeWorkflow(node, items), { credentials: credential });
}

/** The error text a user sees: message plus description. */
function errorText(result: RunResult): string {
	const error = result.error as (Error & { description?: string | null }) | undefined;
	return `${error?.message ?? ''} ${error?.description ?? ''}`;
}

async function withFaults(faults: FaultRule[], go: () => Promise<RunResult>): Promise<{ result: RunResult; requests: Record<string, number> }> {
	const before = sandbox.stats().requests;
	sandbox.setFaults(faults);
	const result = await go();
	sandbox.clearFaults();
	const after = sandbox.stats().requests;
	return { result, requests: Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - (before[k] ?? 0)])) };
}

describe('Mastodon, Get Account Metrics over three accounts, the second one’s calls answering 503', () => {
	const items = [{ account: mastoBrand.id }, { account: mastoTech.id }, { account: mastoBrand.handle }];
	const parameters = { operation: 'getAccountMetrics', mastodonAccount: '={{ $json.account }}' };
	const failing: FaultRule[] = [{ route: `/api/v1/accounts/${mastoTech.id}`, kind: 'http503' }];

	it('under Continue On Fail: an error item for that account only, the others equal to a fault-free run, paired to their items', async () => {
		const clean = await run('mastodon', parameters, items);
		expect(clean.error).toBeUndefined();
		const { result, requests } = await withFaults(failing, () => run('mastodon', parameters, items, { onError: 'continueRegularOutput' }));
		expect(result.error).toBeUndefined();
		const out = result.nodeItems(NODE);
		expect(pairedIndexes(out)).toEqual([0, 1, 2]);
		// The good accounts: the fault-free snapshots, the truth's followers.
		const truth = new MastodonDataset(SEED, () => NOW);
		expect(withoutCollectedAt([out[0].json, out[2].json])).toEqual(withoutCollectedAt([clean.nodeOutput(NODE)[0], clean.nodeOutput(NODE)[2]]));
		expect([out[0].json.accountId, out[0].json.followers, out[2].json.accountId]).toEqual([mastoBrand.id, truth.model.followers(mastoBrand.id), mastoBrand.id]);
		// The failing one: the platform's code, naming account and platform, after exactly the 2 attempts allowed.
		expect(out[1].json).toMatchObject({ platform: 'mastodon', code: '503', operation: 'api/v1/accounts/:id', itemIndex: 1 });
		expect(String(out[1].json.error)).toBe(`mastodon api/v1/accounts/:id failed: [503] server error (HTTP 503) (account ${mastoTech.id})`);
		expect(requests[`/api/v1/accounts/${mastoTech.id}`]).toBe(2);
		expect(allText(result)).not.toContain(SANDBOX_MASTODON_TOKEN);
	});

	it('without Continue On Fail: the node stops with an error naming the item, the account and the platform', async () => {
		const { result, requests } = await withFaults(failing, () => run('mastodon', parameters, items));
		expect(result.nodeOutput(NODE)).toEqual([]);
		const text = errorText(result);
		expect(text).toContain(`mastodon api/v1/accounts/:id failed: [503]`);
		expect(text).toContain(`(account ${mastoTech.id})`);
		expect(text).toMatch(/\bItem 1\b/);
		// Item 2 never ran.
		expect(requests['/api/v1/accounts/lookup'] ?? 0).toBe(0);
		expect(allText(result)).not.toContain(SANDBOX_MASTODON_TOKEN);
	});
});

describe('X, Get Post Metrics over two accounts, the first one’s timeline refusing the connection', () => {
	const items = [{ username: xBrand.handle }, { username: xTech.handle }];
	const parameters = { operation: 'getPostMetrics', xUsername: '={{ $json.username }}' };

	it('under Continue On Fail: the failing account is one error item, the other account’s posts are all there', async () => {
		const clean = await run('x', parameters, items);
		expect(clean.error).toBeUndefined();
		const cleanOut = clean.nodeItems(NODE);
		const techPosts = cleanOut.filter((i) => i.json.accountId === xTech.id);
		expect(techPosts.length).toBeGreaterThan(0);
		const { result, requests } = await withFaults([{ route: `/2/users/${xBrand.id}/tweets`, kind: 'reset' }], () => run('x', parameters, items, { onError: 'continueRegularOutput' }));
		expect(result.error).toBeUndefined();
		const out = result.nodeItems(NODE);
		expect(pairedIndexes(out)).toEqual([0, ...techPosts.map(() => 1)]);
		expect(out[0].json).toMatchObject({ platform: 'x', code: 'ECONNRESET', operation: '2/users/:id/tweets', itemIndex: 0 });
		expect(String(out[0].json.error)).toMatch(new RegExp(`^x 2/users/:id/tweets failed: \\[ECONNRESET\\] .*\\(account @${xBrand.handle}\\)$`));
		expect(withoutCollectedAt(out.slice(1).map((i) => i.json))).toEqual(withoutCollectedAt(techPosts.map((i) => i.json)));
		expect(requests[`/2/users/${xBrand.id}/tweets`]).toBe(2);
		expect(allText(result)).not.toContain(SANDBOX_X_BEARER);
	});
});
