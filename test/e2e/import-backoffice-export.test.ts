/**
 * workflows/import-backoffice-export.json end to end in a real n8n: published, its webhook receives a hand-
 * written WeChat 内容分析 CSV export (test/e2e/fixtures) as a multipart upload; the rows land normalised in
 * `mediaops_metric_snapshots` under the daily collection's key, the unreadable cell is stored in
 * `mediaops_import_errors` and reported with its row and column, and posting the same file again doubles
 * nothing. An Excel upload takes the XLSX branch, and a file for a day the API collection already stored
 * updates that row (same key) without blanking what the file does not have.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SANDBOX_WECHAT_ACCOUNTS } from '../../sandbox';
import { addDays, todayIn } from '../../lib/time/date-range';
import { readWorkflow, setUpE2e, type E2eEnv } from './support';

const WORKFLOW_ID = 'mediaopsImportExport';
const SNAPSHOTS = 'mediaops_metric_snapshots';
const ERRORS = 'mediaops_import_errors';
const FIXTURE = path.join(__dirname, 'fixtures', 'wechat-content-trend.csv');
const account = SANDBOX_WECHAT_ACCOUNTS[0];
const keyOf = (day: string) => `wechat_oa|${account.appId}|-|day|${day}|${day}`;

type Row = Record<string, unknown>;
let env: E2eEnv;
const timings: Record<string, number> = {};

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
	const t0 = Date.now();
	try {
		return await work();
	} finally {
		timings[label] = Date.now() - t0;
	}
}

beforeAll(async () => {
	env = await timed('set-up', () => setUpE2e('import-backoffice-export'));
	await env.n8n.importWorkflow([readWorkflow('import-backoffice-export.json'), readWorkflow('daily-metrics-collection.json')]);
	await env.n8n.publish(WORKFLOW_ID);
	await timed('n8n start', () => env.n8n.start());
});

afterAll(async () => {
	await env?.close();
	console.log(`import-backoffice-export timings (ms): ${JSON.stringify(timings)}`);
});

async function post(file: Blob, fileName: string, fields: Record<string, string> = {}): Promise<Record<string, unknown>> {
	const form = new FormData();
	form.append('file', file, fileName);
	for (const [k, v] of Object.entries(fields)) form.append(k, v);
	const res = await fetch(`${env.n8n.url}/webhook/mediaops-import`, { method: 'POST', body: form });
	const text = await res.text();
	expect({ status: res.status, text }).toMatchObject({ status: 200 });
	return JSON.parse(text) as Record<string, unknown>;
}

const postFixture = () => post(new Blob([fs.readFileSync(FIXTURE)], { type: 'text/csv' }), 'wechat-content-trend.csv');
const byKey = (rows: Row[]) => new Map(rows.map((r) => [String(r.key), r]));

describe('import-backoffice-export in real n8n', () => {
	let snapshots: Row[];

	it('stores the CSV’s rows normalised under the daily collection’s key and reports the unreadable cell', async () => {
		const summary = await timed('POST csv (1st)', postFixture);
		const expectedError = { row: 4, column: '点赞', value: '很多' };
		expect(summary).toMatchObject({ imported: 3, errors: 1, file: 'wechat-content-trend.csv', format: 'wechat_oa_content_trend' });
		expect(summary.errorDetails).toEqual([expect.objectContaining(expectedError)]);

		snapshots = await env.n8n.dataTableRows(SNAPSHOTS);
		expect(snapshots.map((r) => r.key).sort()).toEqual(['2026-03-01', '2026-03-02', '2026-03-03'].map(keyOf));
		const rows = byKey(snapshots);
		const common = { platform: 'wechat_oa', accountId: account.appId, accountName: account.name, postId: null, window: 'day', timezone: 'Asia/Shanghai', source: 'export:wechat_oa_content_trend' };
		// 人数 columns are the API's people counts (views, shares, saves); 次数 columns go to extra, 在看 to extra.zaikan.
		const expected: Array<[string, Row, Row]> = [
			['2026-03-01', { views: 12_000, shares: 210, saves: 95, likes: 412, comments: 37 }, { readCount: 18_765, shareCount: 320, zaikan: 88 }],
			['2026-03-02', { views: 9_876, shares: 188, saves: 102, likes: 390, comments: 41 }, { readCount: 15_034 }],
			['2026-03-03', { views: 8_123, shares: 201, saves: 87, likes: null, comments: 29 }, { readCount: 13_120, shareCount: 298, zaikan: 76 }],
		];
		for (const [day, counters, extra] of expected) {
			const row = rows.get(keyOf(day))!;
			expect(row).toMatchObject({ ...common, periodStart: day, periodEnd: day, ...counters, followers: null, newFollowers: null });
			expect(JSON.parse(String(row.extra))).toEqual(extra);
		}
		// `--` is absent, never 0; the unreadable 很多 leaves likes absent, and the rate that needs it uses the rest.
		expect(JSON.parse(String(rows.get(keyOf('2026-03-01'))!.rates)).engagementRateByViews).toBeCloseTo((412 + 37 + 210 + 95) / 12_000, 10);

		const errors = await env.n8n.dataTableRows(ERRORS);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatchObject({ ...expectedError, file: 'wechat-content-trend.csv', accountId: account.appId, key: `${account.appId}|wechat-content-trend.csv|4|点赞` });
		expect(String(errors[0].message)).toContain('很多');
	});

	it('doubles nothing when the same file is posted again', async () => {
		const summary = await timed('POST csv (2nd)', postFixture);
		expect(summary).toMatchObject({ imported: 3, errors: 1 });
		const strip = (rows: Row[]) => rows.map(({ id, createdAt, updatedAt, collectedAt, rates, ...rest }) => rest).sort((a, b) => String(a.key).localeCompare(String(b.key)));
		expect(strip(await env.n8n.dataTableRows(SNAPSHOTS))).toEqual(strip(snapshots));
		expect(await env.n8n.dataTableRows(ERRORS)).toHaveLength(1);
	});

	it('imports an Excel file for a day the API collected into that same row, keeping the API’s other columns', async () => {
		await timed('daily collection run', () => env.n8n.runWorkflow('mediaopsDailyMetrics'));
		const yesterday = addDays(todayIn('Asia/Shanghai', new Date()), -1);
		const collected = byKey(await env.n8n.dataTableRows(SNAPSHOTS)).get(keyOf(yesterday))!;
		expect(collected).toMatchObject({ source: expect.not.stringMatching(/^export:/) });
		expect(collected.followers).toEqual(expect.any(Number));

		// The same library n8n's Extract From File reads with, from n8n's own install.
		const XLSX = require(path.join(path.dirname(env.n8n.bin), '..', '..', 'xlsx'));
		const sheet = XLSX.utils.aoa_to_sheet([
			['日期', '阅读次数', '阅读人数', '分享次数', '分享人数', '收藏人数', '点赞', '在看', '评论'],
			[yesterday, 5_000, 4_321, 120, 99, 40, 222, 33, 11],
		]);
		const book = XLSX.utils.book_new();
		XLSX.utils.book_append_sheet(book, sheet, '数据趋势');
		const buffer = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
		const before = await env.n8n.dataTableRows(SNAPSHOTS);
		const summary = await timed('POST xlsx', () => post(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), '内容分析.xlsx', { accountId: account.appId }));
		expect(summary).toMatchObject({ imported: 1, errors: 0, errorDetails: [], format: 'wechat_oa_content_trend' });

		const after = await env.n8n.dataTableRows(SNAPSHOTS);
		expect(after).toHaveLength(before.length);
		const row = byKey(after).get(keyOf(yesterday))!;
		expect(row).toMatchObject({ id: collected.id, views: 4_321, likes: 222, shares: 99, saves: 40, comments: 11, source: 'export:wechat_oa_content_trend' });
		// Columns the export does not have keep the API's values.
		expect(row).toMatchObject({ followers: collected.followers, newFollowers: collected.newFollowers, lostFollowers: collected.lostFollowers, netFollowers: collected.netFollowers });
	});
});
