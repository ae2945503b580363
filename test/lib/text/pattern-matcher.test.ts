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
	const texts = ['质量很好用👍🏻，不好用[赞]', 'NOT good, no REFUND', 'café cafe\u0301 é', '👨‍👩‍👧 👍 ❤️ 1️⃣', '不\u200d好用 质\u200d量 no\u200dt 👩\u200d👍 👩🏻\u200d👍 a\u200d👍', ''];

	it.each(texts)('reports the same hits in the same order: %s', (text) => {
		expect(createPatternMatcher(entries).findAll(text)).toEqual(createLibraryPatternMatcher(entries).findAll(text));
	});

	it('finds a term right after a zero-width joiner that joins no emoji (a filter-dodging 退\u200d款)', () => {
		const text = '太\u200d好用了';
		const hits = createPatternMatcher(entries).findAll(text);
		expect(hits.map((h) => [h.term, h.start])).toEqual([
			['好', 2],
			['好用', 2],
		]);
		expect(hits).toEqual(createLibraryPatternMatcher(entries).findAll(text));
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

describe('createPatternMatcher against modern-ahocorasick on random tricky input (fixed seed)', () => {
	// Overlapping terms, case folding of non-ASCII (İ, ß/ẞ, Kelvin K, Σ/ς), astral emoji and letters with a
	// case (Deseret), full-width letters, combining marks, ZWJ, and text that switches ASCII/non-ASCII mid-word.
	const ALPHABET = ['a', 'b', 'A', 'B', 'k', 'K', ' ', '.', '1', 'i', 'I', 'İ', 'ı', 's', 'S', 'ß', 'ẞ', '\u212a', 'σ', 'Σ', 'ς', 'ａ', 'Ａ', 'ｂ', 'é', 'E', 'e', '\u0301', '\u200d', '好', '用', '👍', '🏻', '😀', '\ud801\udc00', '\ud801\udc28', '️'];
	function rng(seed: number): () => number {
		let x = seed >>> 0;
		return () => {
			// mulberry32
			x = (x + 0x6d2b79f5) >>> 0;
			let t = x;
			t = Math.imul(t ^ (t >>> 15), t | 1);
			t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
			return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
		};
	}
	const random = rng(20261127);
	const pick = () => ALPHABET[Math.floor(random() * ALPHABET.length)];
	const word = (max: number) => Array.from({ length: 1 + Math.floor(random() * max) }, pick).join('');
	/** Lexicon terms start with a character of their own, not with a mark, joiner or modifier. */
	const EXTENDERS = /^[\u0301\u200d\ufe0f]|^\ud83c[\udffb-\udfff]/;
	const term = (max: number) => {
		for (;;) {
			const w = word(max);
			if (!EXTENDERS.test(w)) return w;
		}
	};

	it('reports the same hits in the same order on 2,000 random texts, with and without case folding', () => {
		const failures: string[] = [];
		for (let round = 0; round < 40 && failures.length < 5; round++) {
			const terms = Array.from({ length: 3 + Math.floor(random() * 10) }, () => term(4));
			// Overlapping terms: prefixes and suffixes of other terms.
			for (const t of terms.slice(0, 3)) terms.push(...[[...t].slice(1).join(''), [...t].slice(0, -1).join('')].filter((w) => w && !EXTENDERS.test(w)));
			const entries = terms.map((term, i) => ({ term, data: i }));
			for (const caseInsensitive of [true, false]) {
				const ours = createPatternMatcher(entries, { caseInsensitive });
				const lib = createLibraryPatternMatcher(entries, { caseInsensitive });
				for (let k = 0; k < 25; k++) {
					const text = Array.from({ length: Math.floor(random() * 6) }, () => (random() < 0.5 ? terms[Math.floor(random() * terms.length)] : word(5))).join(random() < 0.5 ? '' : ' ');
					const a = JSON.stringify(ours.findAll(text));
					const b = JSON.stringify(lib.findAll(text));
					if (a !== b) failures.push(JSON.stringify({ terms, caseInsensitive, text, ours: a, lib: b }));
				}
			}
		}
		expect(failures).toEqual([]);
	});
});
