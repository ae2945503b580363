import { atAsciiWordBoundaries, createLibraryPatternMatcher, createPatternMatcher } from '../../../lib/text/pattern-matcher';

describe('createPatternMatcher', () => {
	it('finds every Chinese and English term with UTF-16 offsets into the original text', () => {
		const m = createPatternMatcher([
			{ term: '最', data: 'absolute' },
			{ term: '第一', data: 'absolute' },
			{ term: 'Refund', data: 'refund' },
		]);
		const text = '全网最低价，销量第一！Need a REFUND 😡 now';
		const hits = m.findAll(text);
		expect(hits.map((h) => [h.term, h.data])).toEqual([
			['最', 'absolute'],
			['第一', 'absolute'],
			['REFUND', 'refund'],
		]);
		for (const h of hits) expect(text.slice(h.start, h.end)).toBe(h.term);
	});

	it('respects case when asked and ignores empty terms', () => {
		const m = createPatternMatcher([{ term: 'Apple', data: 1 }, { term: '  ', data: 2 }], { caseInsensitive: false });
		expect(m.size).toBe(1);
		expect(m.findAll('apple Apple')).toHaveLength(1);
	});
});

describe('createPatternMatcher against modern-ahocorasick', () => {
	const entries = ['好', '好用', '不好用', '👍', 'no', 'not', 'not good', 'Refund', 'é', '[赞]', '质量'].map((term, i) => ({ term, data: i }));
	const texts = ['质量很好用👍🏻，不好用[赞]', 'NOT good, no REFUND', 'café cafe\u0301 é', '👨‍👩‍👧 👍 ❤️ 1️⃣', ''];

	it.each(texts)('reports the same hits in the same order: %s', (text) => {
		expect(createPatternMatcher(entries).findAll(text)).toEqual(createLibraryPatternMatcher(entries).findAll(text));
	});

	it('skips hits inside ASCII words when asked', () => {
		const m = createPatternMatcher(entries, { asciiWholeWords: true });
		expect(m.findAll('nothing not no').map((h) => [h.term, h.start])).toEqual([
			['not', 8],
			['no', 12],
		]);
	});
});

describe('the ASCII fast path', () => {
	const terms = ['no', 'not', 'not good', 'good', 'oo', 'go', 'cafe', 'on hold', 'hold', 'refund', 'e', '10/10', '/s', 'x-d', "what's up", '好', '👍', 'ok👍'];
	const entries = terms.map((term, i) => ({ term, data: i }));
	const texts = [
		'not good, NOT GOOD at all; no refund',
		'goooood / 10/10 /s x-d xd',
		"what's up with my refund? on hold on hold",
		'cafe\u0301 cafe café', // a combining mark after ASCII ends no hit
		'ok👍 good👍 好 not good 好',
		'Kelvin \u212a and ok', // a non-ASCII unit whose lower case is ASCII
		'\ud801\udc00 not good', // an astral letter with a case sends the text through case folding
		'NOT GOOD \ud801\udc00 Not Good', // … also after an ASCII prefix
		'',
	];

	it.each(texts)('reports what the library reports: %s', (text) => {
		for (const asciiWholeWords of [false, true]) {
			const ours = createPatternMatcher(entries, { asciiWholeWords }).findAll(text);
			const lib = createLibraryPatternMatcher(entries).findAll(text);
			const expected = asciiWholeWords ? lib.filter((h) => atAsciiWordBoundaries(text, h.start, h.end)) : lib;
			expect(ours).toEqual(expected);
		}
	});
});

describe('forEachHit', () => {
	it('visits the hits of findAll in the same order', () => {
		const m = createPatternMatcher(['好', '好用', 'not', 'not good', 'good'].map((term, i) => ({ term, data: i })), { asciiWholeWords: true });
		for (const text of ['NOT GOOD but 好用', '好用 not good 👍 good', '']) {
			const seen: Array<[number, number, number]> = [];
			m.forEachHit(text, (start, end, data) => seen.push([start, end, data]));
			expect(seen).toEqual(m.findAll(text).map((h) => [h.start, h.end, h.data]));
		}
	});
});
