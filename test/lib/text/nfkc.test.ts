import { foldNfkc, originalSpan } from '../../../lib/text/nfkc';

/** Texts written for this test: full width, ligatures, combining marks, astral letters, jamo, emoji, Chinese. */
const TEXTS = [
	'',
	'plain ascii, nothing to do',
	'质量很好，物流也快！',
	'ＲＥＦＵＮＤ ｎｏｗ',
	'ﬁle ﬂight ＯＫ',
	'cafe\u0301 and nai\u0308ve',
	'𝐫𝐞𝐟𝐮𝐧𝐝 𝐥𝐚𝐰𝐲𝐞𝐫',
	'\u1100\u1161\u11a8 환불',
	'❤️ 👍🏽 🇨🇳 1️⃣',
	'①②③ ㈱ ㎏ … ½',
	'ｃｈａｒｇｅｄ　ｔｗｉｃｅ',
	'這個ＲＥＦＵＮＤ問題',
	'\ufdfa is long',
	'a\u0301\u0302\u0303 x\u20dd',
	'lone \ud800 surrogate \udc00',
];

describe('foldNfkc', () => {
	it.each(TEXTS.map((t) => [t] as const))('%s: NFKC cluster by cluster, every offset mapped back', (text) => {
		const folded = foldNfkc(text);
		if (folded.exact) expect(folded.text).toBe(text.normalize('NFKC'));
		const origin = folded.origin ?? Int32Array.from({ length: folded.text.length + 1 }, (_, i) => i);
		expect(origin.length).toBe(folded.text.length + 1);
		expect(origin[0]).toBe(0);
		expect(origin[folded.text.length]).toBe(text.length);
		// Between any two mapped offsets, the folded text is the NFKC of the original span (per cluster).
		const mapped = [...origin.keys()].filter((k) => origin[k] >= 0);
		for (let a = 0; a + 1 < mapped.length; a++) {
			const [from, to] = [mapped[a], mapped[a + 1]];
			expect(origin[to]).toBeGreaterThan(origin[from]);
			expect(foldNfkc(text.slice(origin[from], origin[to])).text).toBe(folded.text.slice(from, to));
		}
	});

	it('maps full width one for one, and offsets after an expansion or a composition back to where they were written', () => {
		expect(foldNfkc('ＲＥＦＵＮＤ ｎｏｗ')).toEqual({ text: 'REFUND now', exact: true });
		const ligature = foldNfkc('ﬁle ＯＫ');
		expect(ligature.text).toBe('file OK');
		expect(originalSpan(ligature, 5, 7)).toEqual({ start: 4, end: 6 });
		expect(originalSpan(ligature, 1, 4)).toBeUndefined(); // 'ile' starts inside ﬁ
		const composed = foldNfkc('cafe\u0301 ＯＫ');
		expect(composed.text).toBe('café OK');
		expect(originalSpan(composed, 5, 7)).toEqual({ start: 6, end: 8 });
		const bold = foldNfkc('𝐫𝐞𝐟𝐮𝐧𝐝!');
		expect(bold.text).toBe('refund!');
		expect(originalSpan(bold, 0, 6)).toEqual({ start: 0, end: 12 });
		// Conjoining jamo compose across characters under NFKC; cluster by cluster they stay apart.
		const jamo = foldNfkc('\u1100\u1161 ＯＫ');
		expect(jamo).toMatchObject({ text: '\u1100\u1161 OK', exact: false });
	});
});
