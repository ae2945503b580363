import { checkCompliance, ComplianceFinding, findLinks } from '../../../lib/compliance';
import { PostInput, PostSchema } from '../../../lib/model';

const post = (p: Partial<PostInput>) => PostSchema.parse({ id: 'p', account: 'a', status: 'draft', platform: 'weibo', ...p });
const links = (findings: ComplianceFinding[]) => findings.map((f) => [f.rule, f.severity, f.term, f.start, f.end]);
const opts = { advertisingLaw: false, language: 'en' as const };

describe('link sanity', () => {
	it('finds links in Chinese text without swallowing the punctuation around them', () => {
		const text = '详情见https://example.com/a?b=1。或（www.example.org/x），再看 http://e.cn/y.';
		expect(findLinks(text).map((l) => text.slice(l.start, l.end))).toEqual(['https://example.com/a?b=1', 'www.example.org/x', 'http://e.cn/y']);
	});

	it('flags malformed links, plain http and shorteners, with the fix', () => {
		const body = 'a http:/broken.com b https://nohost c http://example.com/p d https://t.cn/abc e https://ok.example.com';
		const r = checkCompliance(post({ body }), opts);
		expect(links(r.findings)).toEqual([
			['link.malformed', 'error', 'http:/broken.com', 2, 18, ],
			['link.malformed', 'error', 'https://nohost', 21, 35],
			['link.insecure', 'warning', 'http://example.com/p', 38, 58],
			['link.shortener', 'warning', 'https://t.cn/abc', 61, 77],
		]);
		expect(r.findings[2].suggestion).toBe('use https://example.com/p');
		expect(r.passed).toBe(false);
	});

	it('WeChat article bodies: only mp.weixin.qq.com links, marked as an assumption; the source link may point anywhere', () => {
		const body = '<p>见<a href="https://mp.weixin.qq.com/s/abc">上期</a>和<a href="https://shop.example.com/x">商城</a><a href="javascript:void(0)">x</a><a href="mailto:a@b.cn">m</a></p>';
		const p = { ...post({ platform: 'wechat_oa', title: 't', body, media: [{ type: 'image', mediaId: 'm' }] }), url: 'https://shop.example.com/x' };
		const r = checkCompliance(p, opts);
		expect(r.findings.map((f) => [f.rule, f.field, f.term])).toEqual([
			['link.not_allowed', 'body', 'https://shop.example.com/x'],
			['link.malformed', 'body', 'javascript:void(0)'],
		]);
		expect(r.findings[0].source).toMatch(/^assumption/);
		expect(body.slice(r.findings[1].start, r.findings[1].end)).toBe('javascript:void(0)');
	});

	it('checks the source link field too', () => {
		const p = { ...post({ body: 'x' }), url: 'http://example.com' };
		expect(checkCompliance(p, opts).findings.map((f) => [f.rule, f.field])).toEqual([['link.insecure', 'url']]);
	});
});
