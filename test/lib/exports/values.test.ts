import { cellText, parseCount, parseDurationSeconds, parseRate, parseText } from '../../../lib/exports';

const v = (value: number) => ({ kind: 'value', value });
const absent = { kind: 'absent' };

describe('parseCount (阅读量, 点赞 ...)', () => {
	it.each([
		['3456', 3456],
		['3,456', 3456],
		['1,234,567', 1234567],
		['1 234', 1234],
		['1.2万', 12000],
		['1.2w', 12000],
		['1.2W', 12000],
		['12万', 120000],
		['3.4亿', 340000000],
		['1.23456万', 12346], // rounded: the platform rounded it for display already
		['2.5k', 2500],
		['1.2M', 1200000],
		['１２３４', 1234], // full-width digits
		['１．２万', 12000],
		["'3456", 3456], // Excel's keep-as-text apostrophe
		['  88  ', 88],
		['123次', 123],
		['45人', 45],
		['0', 0],
	])('%s → %d', (raw, expected) => {
		expect(parseCount(raw)).toEqual(v(expected));
	});

	it('takes numbers from the spreadsheet as they are', () => {
		expect(parseCount(42)).toEqual(v(42));
		expect(parseCount(0)).toEqual(v(0));
	});

	it.each(['', '   ', '-', '--', '—', 'N/A', '暂无', '/', null, undefined])('%p is absent, not 0', (raw) => {
		expect(parseCount(raw)).toEqual(absent);
	});

	it.each([
		['abc', 'not a number'],
		['12.5', 'not a whole number'],
		['3,45', 'not a number'],
		['12.5%', 'percentage'],
		['10万+', 'lower bound'],
		['-5', 'negative'],
		['1.2.3', 'not a number'],
		['万', 'not a number'],
	])('%s is an error (%s), never 0', (raw, message) => {
		const result = parseCount(raw);
		expect(result.kind).toBe('error');
		expect(result.kind === 'error' && result.message).toMatch(message);
	});

	it('reads signed counts for net follower change, with the Unicode minus', () => {
		expect(parseCount('-12', { signed: true })).toEqual(v(-12));
		expect(parseCount('−1.2万', { signed: true })).toEqual(v(-12000));
		expect(parseCount('-', { signed: true })).toEqual(absent);
	});
});

describe('parseRate (完播率)', () => {
	it.each([
		['12.5%', 0.125],
		['12.5 %', 0.125],
		['１２．５％', 0.125],
		['33.3%', 0.333],
		['0%', 0],
		['100%', 1],
		['0.125', 0.125],
		['1', 1],
	])('%s → %d', (raw, expected) => {
		expect(parseRate(raw)).toEqual(v(expected));
	});

	it('takes a spreadsheet percentage cell (a fraction) as is', () => {
		expect(parseRate(0.42)).toEqual(v(0.42));
	});

	it.each(['--', '', '-'])('%p is absent', (raw) => expect(parseRate(raw)).toEqual(absent));

	it.each(['12.5', '150%', '-3%', 'abc', '1.2万%'])('%s is an error', (raw) => {
		expect(parseRate(raw).kind).toBe('error');
	});
});

describe('parseDurationSeconds (平均播放时长)', () => {
	it.each([
		['45', 45],
		['45.5', 45.5],
		['45s', 45],
		['45秒', 45],
		['1分20秒', 80],
		['1m20s', 80],
		['01:20', 80],
		['00:01:20', 80],
		['1:02:03', 3723],
		['2min', 120],
	])('%s → %d s', (raw, expected) => expect(parseDurationSeconds(raw)).toEqual(v(expected)));

	it('reports what it cannot read', () => {
		expect(parseDurationSeconds('about a minute').kind).toBe('error');
		expect(parseDurationSeconds('--')).toEqual(absent);
	});
});

describe('cellText and parseText', () => {
	it('folds full width, drops the apostrophe and outer spaces', () => {
		expect(cellText("  'ＡＢＣ１２３ ")).toBe('ABC123');
	});

	it('keeps titles as written (full-width punctuation stays)', () => {
		expect(parseText(' 春日特刊：３月精选 ')).toEqual({ kind: 'value', value: '春日特刊：３月精选' });
		expect(parseText('--')).toEqual(absent);
		expect(parseText(1234567)).toEqual({ kind: 'value', value: '1234567' });
	});
});
