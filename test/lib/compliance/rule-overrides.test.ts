import { checkCompliance, ComplianceFinding, mergePlatformRules, parsePlatformRuleOverrides, PLATFORM_RULES } from '../../../lib/compliance';
import { InputError } from '../../../lib/errors';
import { PostInput, PostSchema } from '../../../lib/model';

const post = (p: Partial<PostInput>) => PostSchema.parse({ id: 'p', account: 'a', status: 'draft', platform: 'mastodon', ...p });
const rules = (findings: ComplianceFinding[]) => findings.map((f) => [f.rule, f.field, f.source]);
const noAdLaw = { advertisingLaw: false };
const images = (n: number) => Array.from({ length: n }, () => ({ type: 'image' as const, url: 'https://e.com/a.png' }));
const url = 'https://example.com/' + 'x'.repeat(200);

describe('Platform Limits (JSON): a partial override merges over the built-in rules', () => {
	it('only a media max (no limits array) keeps the built-in length limits instead of crashing', () => {
		const platformRules = { mastodon: { media: { max: 8 } } };
		expect(checkCompliance(post({ body: 'ok', media: images(6) }), { ...noAdLaw, platformRules }).findings).toEqual([]);
		expect(rules(checkCompliance(post({ body: 'a'.repeat(501) }), { ...noAdLaw, platformRules }).findings)).toEqual([['length', 'body', PLATFORM_RULES.mastodon!.limits[0].source]]);
		expect(rules(checkCompliance(post({ body: 'ok', media: images(9) }), { ...noAdLaw, platformRules }).findings)).toEqual([['media.too_many', 'media', 'Platform Limits (JSON)']]);
	});

	it('a body limit with only field and max keeps the unit and the 23-character link weight of the built-in one', () => {
		const platformRules = { mastodon: { limits: [{ field: 'body' as const, max: 1000 }] } };
		// 950 characters plus a 220-character link that counts as 23: within 1,000.
		expect(checkCompliance(post({ body: 'a'.repeat(950) + ' ' + url }), { ...noAdLaw, platformRules }).findings).toEqual([]);
		const over = checkCompliance(post({ body: 'a'.repeat(1001) }), { ...noAdLaw, platformRules });
		expect(over.findings.map((f) => [f.rule, f.severity, f.source])).toEqual([['length', 'error', 'Platform Limits (JSON)']]);
		expect(over.findings[0].message).toContain('1001/1000');
		// Media rule untouched: still 4.
		expect(rules(checkCompliance(post({ body: 'ok', media: images(5) }), { ...noAdLaw, platformRules }).findings).map((r) => r[0])).toEqual(['media.too_many']);
	});

	it('limits for one field leave the other fields’ built-in limits and the required fields in place (WeChat title only)', () => {
		const platformRules = { wechat_oa: { limits: [{ field: 'title' as const, max: 64 }] } };
		const long = post({ platform: 'wechat_oa', title: '标'.repeat(40), body: '', media: [{ type: 'image', mediaId: 'M' }] });
		const found = checkCompliance({ ...long, digest: '摘'.repeat(121) }, { ...noAdLaw, platformRules }).findings.map((f) => [f.rule, f.field]);
		expect(found).toEqual([
			['field.required', 'body'],
			['length', 'digest'],
		]);
	});

	it('a field named in the override gets exactly its limits: Bluesky body graphemes only drops the byte limit', () => {
		const merged = mergePlatformRules(PLATFORM_RULES.bluesky, { limits: [{ field: 'body', max: 500 }] })!;
		expect(merged.limits).toEqual([{ field: 'body', max: 500, unit: 'graphemes', severity: 'error', source: 'Platform Limits (JSON)' }]);
		expect(merged.media).toEqual(PLATFORM_RULES.bluesky!.media);
	});

	it('null drops the media rule or the link-host check; requiredFields replaces', () => {
		const merged = mergePlatformRules(PLATFORM_RULES.wechat_oa, { media: null, bodyLinkHosts: null, requiredFields: ['title'] })!;
		expect(merged.media).toBeUndefined();
		expect(merged.bodyLinkHosts).toBeUndefined();
		expect(merged.requiredFields).toEqual(['title']);
		expect(merged.limits).toEqual(PLATFORM_RULES.wechat_oa!.limits);
	});

	it('a platform without built-in rules takes the override as its rules', () => {
		const platformRules = { zhihu: { limits: [{ field: 'title' as const, max: 10, severity: 'warning' as const }] } };
		const r = checkCompliance(post({ platform: 'zhihu', title: '问'.repeat(11) }), { ...noAdLaw, platformRules });
		expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([['length', 'warning']]);
		expect(r.passed).toBe(true);
	});
});

describe('Platform Limits (JSON): the shape is checked, naming the place', () => {
	const message = (value: unknown) => {
		try {
			parsePlatformRuleOverrides(value);
		} catch (e) {
			expect(e).toBeInstanceOf(InputError);
			expect((e as InputError).field).toBe('platformRules');
			return (e as Error).message;
		}
		return 'no error';
	};

	it.each([
		[[], 'Platform Limits (JSON): must be an object keyed by platform id'],
		[{ mastodn: {} }, 'Platform Limits (JSON): "mastodn" is not a platform id'],
		[{ mastodon: [] }, 'Platform Limits (JSON): mastodon must be an object'],
		[{ mastodon: { limits: { field: 'body', max: 1 } } }, 'Platform Limits (JSON): mastodon.limits must be an array'],
		[{ mastodon: { limits: [{ field: 'body', max: '1000' }] } }, 'Platform Limits (JSON): mastodon.limits[0].max must be a number (got "1000")'],
		[{ mastodon: { limits: [{ max: 1000 }] } }, 'Platform Limits (JSON): mastodon.limits[0].field is required'],
		[{ mastodon: { limits: [{ field: 'text', max: 1000 }] } }, 'Platform Limits (JSON): mastodon.limits[0].field must be one of title, body, digest (got "text")'],
		[{ x: { limits: [{ field: 'body', max: 280, unit: 'weighted' }] } }, 'Platform Limits (JSON): x.limits[0].unit must be one of chars, graphemes, utf16, bytes, x_weighted'],
		[{ mastodon: { max: 1000 } }, 'Platform Limits (JSON): mastodon has unknown key "max"'],
		[{ mastodon: { media: { max: -1 } } }, 'Platform Limits (JSON): mastodon.media.max must be 0 or more (got -1)'],
	])('%j → %s', (value, expected) => {
		expect(message(value)).toContain(expected);
	});

	it('checkCompliance refuses a bad shape with the same message instead of a TypeError', () => {
		expect(() => checkCompliance(post({ body: 'x' }), { platformRules: { mastodon: { limits: 'none' } } as never })).toThrow(/mastodon\.limits must be an array/);
	});

	it('an empty value is no override', () => {
		expect(parsePlatformRuleOverrides(undefined)).toEqual({});
		expect(parsePlatformRuleOverrides({})).toEqual({});
	});
});
