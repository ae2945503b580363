import { checkCompliance, ComplianceFinding, measureText, PLATFORM_RULES, xWeightedLength } from '../../../lib/compliance';
import { PostInput, PostSchema } from '../../../lib/model';

const post = (p: Partial<PostInput>) => PostSchema.parse({ id: 'p', account: 'a', status: 'draft', platform: 'mastodon', ...p });
const rules = (findings: ComplianceFinding[]) => findings.map((f) => [f.rule, f.field, f.start, f.end]);
const noAdLaw = { advertisingLaw: false };
const cover = [{ type: 'image' as const, mediaId: 'MEDIA_ID' }];

describe('X weighted length', () => {
	it('counts Latin 1, CJK 2, an emoji sequence 2 and a URL 23', () => {
		expect(xWeightedLength('hello')).toBe(5);
		expect(xWeightedLength('你好')).toBe(4);
		expect(xWeightedLength('👨‍👩‍👧')).toBe(2);
		expect(xWeightedLength('see https://example.com/a/very/long/path?with=query')).toBe(4 + 23);
		expect(xWeightedLength('“quoted” — dash')).toBe(15);
	});

	it('allows 280 weighted characters: 140 Chinese characters fit, 141 do not', () => {
		expect(checkCompliance(post({ platform: 'x', body: '中'.repeat(140) }), noAdLaw).findings).toEqual([]);
		const r = checkCompliance(post({ platform: 'x', body: '中'.repeat(141) }), noAdLaw);
		expect(rules(r.findings)).toEqual([['length', 'body', 140, 141]]);
		expect(r.findings[0].message).toContain('282/280');
	});
});

describe('platform limits', () => {
	it('WeChat OA: title 32, digest 120, body under 20,000 characters and 1 MB, cover media id required', () => {
		const ok = post({ platform: 'wechat_oa', title: '标'.repeat(32), body: '正文', media: cover, ...{ digest: '摘'.repeat(120) } });
		expect(checkCompliance({ ...ok, digest: '摘'.repeat(120) }, noAdLaw).findings).toEqual([]);
		const long = { ...ok, title: '标'.repeat(33), digest: '摘'.repeat(121), body: '字'.repeat(20_000) };
		expect(rules(checkCompliance(long, noAdLaw).findings)).toEqual([
			['length', 'title', 32, 33],
			['length', 'digest', 120, 121],
			['length', 'body', 19_999, 20_000],
		]);
		const heavy = { ...ok, body: '<p>'.padEnd(400_000, '字') };
		expect(rules(checkCompliance(heavy, noAdLaw).findings)).toEqual([
			['length', 'body', 19_999, 400_000],
			['bytes', 'body', 349_527, 400_000],
		]);
		const bare = post({ platform: 'wechat_oa', title: '', body: '正文' });
		expect(checkCompliance(bare, noAdLaw).findings.map((f) => [f.rule, f.field])).toEqual([
			['field.required', 'title'],
			['media.required', 'media'],
			['field.required', 'thumb_media_id'],
		]);
		expect(checkCompliance({ ...bare, title: 't', media: [{ type: 'image', url: 'https://x/y.png' }] }, noAdLaw).findings.map((f) => f.field)).toEqual(['thumb_media_id']);
	});

	it('Weibo 140 (statuses/share), Mastodon 500 with links as 23, Bluesky 300 graphemes, Telegram 4,096 or 1,024 with media', () => {
		expect(checkCompliance(post({ platform: 'weibo', body: '微'.repeat(140) }), noAdLaw).findings).toEqual([]);
		expect(rules(checkCompliance(post({ platform: 'weibo', body: '微'.repeat(141) }), noAdLaw).findings)).toEqual([['length', 'body', 140, 141]]);
		const link = `https://example.com/${'x'.repeat(100)}`;
		expect(checkCompliance(post({ platform: 'mastodon', body: `${'a'.repeat(476)} ${link}` }), noAdLaw).findings).toEqual([]);
		expect(rules(checkCompliance(post({ platform: 'mastodon', body: 'a'.repeat(501) }), noAdLaw).findings)).toEqual([['length', 'body', 500, 501]]);
		const family = '👨‍👩‍👧'; // one grapheme, eight UTF-16 units
		expect(checkCompliance(post({ platform: 'bluesky', body: family.repeat(150) }), noAdLaw).findings).toEqual([]);
		// 300 graphemes fit the grapheme limit but not the 3,000-byte one (18 bytes each).
		expect(checkCompliance(post({ platform: 'bluesky', body: family.repeat(300) }), noAdLaw).findings.map((f) => f.rule)).toEqual(['bytes']);
		expect(rules(checkCompliance(post({ platform: 'bluesky', body: 'b'.repeat(301) }), noAdLaw).findings)).toEqual([['length', 'body', 300, 301]]);
		expect(checkCompliance(post({ platform: 'telegram', body: 't'.repeat(4096) }), noAdLaw).findings).toEqual([]);
		const caption = post({ platform: 'telegram', body: 't'.repeat(1025), media: [{ type: 'image', url: 'https://e.com/a.png' }] });
		expect(rules(checkCompliance(caption, noAdLaw).findings)).toEqual([['length', 'body', 1024, 1025]]);
	});

	it('required media and media counts per platform', () => {
		expect(checkCompliance(post({ platform: 'douyin', body: 'x' }), noAdLaw).findings.map((f) => f.rule)).toEqual(['media.required']);
		expect(checkCompliance(post({ platform: 'youtube', title: 'v', media: [{ type: 'video', url: 'https://e.com/v.mp4' }] }), noAdLaw).findings).toEqual([]);
		const five = Array.from({ length: 5 }, () => ({ type: 'image' as const, url: 'https://e.com/a.png' }));
		expect(checkCompliance(post({ platform: 'x', body: 'x', media: five }), noAdLaw).findings.map((f) => f.rule)).toEqual(['media.too_many']);
	});

	it('every limit names its source or says it is an assumption', () => {
		for (const [, r] of Object.entries(PLATFORM_RULES)) {
			for (const l of r!.limits) expect(l.source.length).toBeGreaterThan(5);
			if (r!.media) expect(r!.media.source.length).toBeGreaterThan(5);
		}
	});

	it('a full limit for a field replaces the built-in one for that field (e.g. an instance with 1,000 characters)', () => {
		const platformRules = { mastodon: { limits: [{ field: 'body' as const, max: 1000, unit: 'chars' as const, severity: 'error' as const, source: 'our instance' }] } };
		expect(checkCompliance(post({ body: 'a'.repeat(900) }), { ...noAdLaw, platformRules }).findings).toEqual([]);
	});

	it('measures overflow positions in UTF-16 offsets', () => {
		expect(measureText('a😀b', 'chars').overflowAt(2)).toBe(3);
		expect(measureText('😀😀', 'utf16').length).toBe(4);
	});
});
