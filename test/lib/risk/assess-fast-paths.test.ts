import { MentionSchema, type MentionInput } from '../../../lib/model';
import { assessMentions, matchRiskCues } from '../../../lib/risk';
import { assessMention, isPlainValidMention } from '../../../lib/risk/assess';
import { analyzeSentiment } from '../../../lib/sentiment';

/**
 * The speed paths of assessMentions (plain mention check instead of zod, one matcher pass, ASCII fast paths)
 * must give exactly what the plain composition gives: zod parse, analyzeSentiment, matchRiskCues.
 * Sentences written for this test.
 */
const TEXTS = [
	'',
	'   ',
	'great service, thanks!',
	"I can't believe my flight is STILL delayed. Worst airline ever.",
	"Don't bother. Won't fly with you again, isn't worth it",
	'My bag didn’t arrive and nobody answers the phone 😡',
	'2 hours on hold... still waiting for my refund',
	'Not bad at all, the crew was lovely',
	'I want a refund or I will sue, my lawyer is ready',
	'oh great, another delay. thanks for nothing 🙄',
	'Huge W for the team, GOAT service',
	'size L please',
	'cafe\u0301 was fine but the seat was broken',
	'ｇｏｏｄ ｊｏｂ guys', // full width: NFKC changes it
	'❤️ love it',
	'质量很好，物流也快',
	'客服态度差，要个说法，不给退款我就投诉到12315',
	'這個產品質量真的很差',
	'这个 phone 真的很好 but the battery life sucks',
	'呵呵，服务真好',
	'"great" customer service, as usual',
	'never again!!! rude staff, lost luggage, no compensation',
	'is it true they are going bankrupt?',
	'the movie was not good, not funny, and too long',
	'Thanks @united for the upgrade :) #happy',
	"wasn't expecting much but it's actually really good",
	// Full width (typed with a Chinese IME) and mixed with ASCII, Chinese and the sentiment rewrites: the risk cues
	// are matched on the NFKC text on every path, offsets into the text as written.
	'I want a ＲＥＦＵＮＤ or my ｌａｗｙｅｒ will ｓｕｅ',
	'ｍｙ ｌａｗｙｅｒ says I can’t be charged twice', // curly apostrophe and n't: the sentiment text moves offsets
	'ｃｈａｒｇｅｄ　ｔｗｉｃｅ, ｒｅｆｕｎｄ please', // ideographic space inside a two-word cue
	'ＲＥＦＵＮＤ ❤️ ｓｕｅ', // emoji variation selector
	'ｓｕｅｄ ｒｅｆｕｎｄｓ? ｒｅｆｕｎｄing', // whole words only, in full width too
	'退款！！ＲＥＦＵＮＤ ｎｏｗ，否则找律师',
	'這個ＲＥＦＵＮＤ問題，我要找ｌａｗｙｅｒ', // traditional Chinese and full width
	"這個ＲＥＦＵＮＤ問題 don'tcha ｓｕｅ", // t→s, and an n't the rewrites leave alone (no word end after it)
	'ﬁle a ＲＥＦＵＮＤ or I ｓｕｅ', // ﬁ expands to two letters: offsets after it move
	'cafe\u0301 ＲＥＦＵＮＤ, ｌａｗｙｅｒ', // e + combining acute composes to é: one unit shorter
	'𝐫𝐞𝐟𝐮𝐧𝐝 or 𝐥𝐚𝐰𝐲𝐞𝐫', // mathematical bold: two units each become one
	'\u1100\u1161 ＲＥＦＵＮＤ 환불', // conjoining jamo compose across characters under NFKC
	'Ｉ ｗａｎｔ ｍｙ ｍｏｎｅｙ ｂａｃｋ，ｔｅｒｒｉｂｌｅ ｓｅｒｖｉｃｅ',
];

const mention = (text: string, i: number): MentionInput => ({ platform: 'x', id: `t${i}`, author: { id: 'u1', followers: (i * 997) % 3000 }, likes: i % 7, text, createdAt: '2026-03-01T09:00:00Z' });

describe('assessMentions speed paths change no result', () => {
	it.each(TEXTS.map((t, i) => [t, i] as const))('%s', (text, i) => {
		const [a] = assessMentions([mention(text, i)]);
		const s = analyzeSentiment(text);
		expect(a.sentiment).toEqual(s);
		expect(a.matches).toEqual(matchRiskCues(text));
	});

	it('finds the built-in cues in full-width English on both paths, at offsets into the text as written', () => {
		const text = 'I want a ＲＥＦＵＮＤ or my ｌａｗｙｅｒ will ｓｕｅ';
		const expected = [
			{ category: 'refund_dispute', term: 'ＲＥＦＵＮＤ', start: 9, end: 15 },
			{ category: 'legal_threat', term: 'ｌａｗｙｅｒ', start: 22, end: 28 },
			{ category: 'legal_threat', term: 'ｓｕｅ', start: 34, end: 37 },
		];
		expect(matchRiskCues(text)).toEqual(expected);
		expect(assessMentions([mention(text, 0)])[0].matches).toEqual(expected);
		// Where NFKC changes lengths (ﬁ → fi, 𝐫 → r), the offsets still point at what was written.
		for (const t of ['ﬁle a ＲＥＦＵＮＤ', '𝐫𝐞𝐟𝐮𝐧𝐝 or 𝐥𝐚𝐰𝐲𝐞𝐫', 'cafe\u0301 ＲＥＦＵＮＤ']) {
			const matches = assessMentions([mention(t, 0)])[0].matches;
			expect(matches.length).toBeGreaterThan(0);
			for (const m of matches) expect(t.slice(m.start, m.end)).toBe(m.term);
			expect(matches.map((m) => m.term.normalize('NFKC').toLowerCase())).toEqual(matchRiskCues(t).map((m) => m.term.normalize('NFKC').toLowerCase()));
		}
		expect(matchRiskCues('𝐫𝐞𝐟𝐮𝐧𝐝 or 𝐥𝐚𝐰𝐲𝐞𝐫').map((m) => [m.category, m.start, m.end])).toEqual([
			['refund_dispute', 0, 12],
			['legal_threat', 16, 28],
		]);
	});

	it('a team’s full-width term finds its ASCII spelling and the other way round, on both paths', () => {
		const options = { sensitiveTerms: ['ＸＹ奶茶', 'refund policy'] };
		for (const text of ['XY奶茶 refund policy', 'ｘｙ奶茶 ＲＥＦＵＮＤ ＰＯＬＩＣＹ']) {
			const expected = matchRiskCues(text, options);
			expect(expected.map((m) => m.category)).toEqual(['sensitive_term', 'sensitive_term']);
			expect(assessMentions([mention(text, 0)], options)[0].matches).toEqual(expected);
		}
	});

	it('with sensitive and banned terms too', () => {
		const options = { sensitiveTerms: ['united', '物流'], bannedTerms: ["can't"] };
		for (const [i, text] of TEXTS.entries()) {
			const [a] = assessMentions([mention(text, i)], options);
			expect(a.matches).toEqual(matchRiskCues(text, { sensitiveTerms: ['united', '物流', "can't"] }));
			expect(a.sentiment).toEqual(analyzeSentiment(text));
		}
	});
});

describe('isPlainValidMention accepts only what MentionSchema accepts, and reading it directly changes nothing', () => {
	const base = { platform: 'weibo', id: 'm1', author: { id: 'u1' }, text: 'hi', createdAt: '2026-03-01T09:00:00+08:00' };
	const variants: unknown[] = [
		base,
		{ ...base, kind: 'dm' },
		{ ...base, kind: undefined },
		{ ...base, kind: 'tweet' },
		{ ...base, platform: 'myspace' },
		{ ...base, id: '' },
		{ ...base, author: { id: 'u1', name: 'Ann', followers: 12 } },
		{ ...base, author: { id: 'u1', followers: -1 } },
		{ ...base, author: { id: 'u1', followers: Infinity } },
		{ ...base, author: { id: 'u1', extra: 1 } },
		{ ...base, author: { id: 7 } },
		{ text: 'hi', createdAt: base.createdAt, author: { followers: 3, id: 'u' }, id: 'x', platform: 'x' }, // other key order
		{ ...base, likes: 0, replies: 2, url: 'https://example.com/p/1', accountId: 'acc', postId: 'p', postTitle: 't' },
		{ ...base, likes: NaN },
		{ ...base, likes: '3' },
		{ ...base, postId: undefined, url: undefined },
		{ ...base, createdAt: '2026-03-01T09:00:00' },
		{ ...base, createdAt: '2026-03-01T09:00Z' },
		{ ...base, createdAt: '2026-13-45T09:00:00Z' },
		{ ...base, createdAt: '2026-03-01T09:00:00.123+0800' },
		{ ...base, repliedAt: '2026-03-01T10:00:00Z' },
		{ ...base, repliedAt: 'yesterday' },
		{ ...base, upstreamSentiment: -1 },
		{ ...base, upstreamSentiment: 1.5 },
		{ ...base, upstreamSentiment: NaN },
		{ ...base, unknownField: true },
		{ ...base, text: 42 },
		{ ...base, author: null },
		null,
		'text',
		[],
	];

	it.each(variants.map((v, i) => [i, v] as const))('variant %i', (_i, v) => {
		const parsed = MentionSchema.safeParse(v);
		if (isPlainValidMention(v)) {
			expect(parsed.success).toBe(true);
			if (parsed.success) expect(JSON.stringify(assessMention(v))).toBe(JSON.stringify(assessMention(parsed.data)));
		}
	});

	it('takes the usual mention', () => {
		expect(isPlainValidMention(base)).toBe(true);
		expect(isPlainValidMention({ ...base, kind: 'reply', likes: 3, author: { id: 'u', followers: 5 } })).toBe(true);
		expect(isPlainValidMention({ ...base, postId: 'p1', url: 'https://example.com' })).toBe(true);
	});
});
