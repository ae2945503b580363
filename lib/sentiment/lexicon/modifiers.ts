/**
 * Words that change other words rather than carry sentiment themselves. Written for this project.
 * Chinese negation before a degree adverb softens (不很好 is mildly negative) while a degree adverb
 * before negation strengthens (很不好); the scorer applies that order rule, these lists only name the words.
 */

/** Negators and how strongly they negate (1 = full, 0.5 = "not very"). */
export const NEGATORS: ReadonlyArray<readonly [string, number]> = [
	...['不', '没', '没有', '别', '并不', '并没有', '并非', '不是', '无', '未', '非', '毫无', '从不', '从没', '从未', '绝不', '决不', '一点也不', '一点都不', '根本不', '根本没', '完全不', '完全没有', '不要', '甭', '勿'].map((t) => [t, 1] as const),
	...['不太', '不怎么', '不是很', '不是特别', '没那么', '没有那么', '不大', '未必', '不算', '不够'].map((t) => [t, 0.5] as const),
	...['not', 'no', 'never', 'cannot', 'cant', 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'werent', 'arent', 'wont', 'wouldnt', 'shouldnt', 'couldnt', 'aint', 'none', 'neither', 'nor', 'without', 'nobody', 'nothing'].map((t) => [t, 1] as const),
	...['hardly', 'barely', 'not very', 'not that', 'not really', 'not so', 'not too', 'not exactly', 'not quite', 'not particularly', 'not especially', 'not all that', 'not terribly'].map((t) => [t, 0.5] as const),
	// Negation without "not": "no longer works", "anything but funny", "far from perfect", "fails to impress",
	// "unable to help", and the counterfactual "should have been better" (it was not).
	...['no longer', 'anything but', 'far from', 'less than', 'fails to', 'failed to', 'failing to', 'unable to', 'refuses to', 'refused to', 'should have been', 'should\'ve been', 'could have been', 'could\'ve been', 'would have been', 'would\'ve been', '不能'].map((t) => [t, 1] as const),
	// "devoid of charm", "lacks wit": the lack of something good is bad (and of something bad, good).
	...['devoid of', 'lacks', 'lacking', 'lacking in', 'lack of', 'absence of'].map((t) => [t, 1] as const),
	// A failed expectation: "it was supposed to be funny" (see EXPECTATIONS).
	...['supposed to be', 'was supposed to', 'were supposed to', 'was meant to', 'were meant to'].map((t) => [t, 1] as const),
	// "less funny", "rarely works": weaker than "not".
	...['less', 'rarely', 'seldom'].map((t) => [t, 0.8] as const),
];

/**
 * Negators of a failed expectation: they turn praise around ("was supposed to be funny") but leave a
 * negative word as it is, since what was planned is not what is judged ("my flight was supposed to leave at 9").
 */
export const EXPECTATIONS: readonly string[] = ['supposed to be', 'was supposed to', 'were supposed to', 'was meant to', 'were meant to'];

/** Degree adverbs: multipliers for the next sentiment word. */
export const DEGREE_ADVERBS: ReadonlyArray<readonly [string, number]> = [
	...['极其', '极度', '无比', '超级', '非常非常', '巨'].map((t) => [t, 2] as const),
	...['非常', '特别', '十分', '太', '最', '极', '超', '贼', '简直', '相当', '实在', '格外', '异常', '过于', '完全', '绝对', '真心'].map((t) => [t, 1.7] as const),
	...['很', '挺', '蛮', '真', '真的', '更', '更加', '越来越', '确实', '尤其', '那么', '这么', '如此'].map((t) => [t, 1.35] as const),
	...['有点', '有些', '有一点', '有点儿', '稍微', '稍', '略', '略微', '一点', '一丢丢', '比较', '还算'].map((t) => [t, 0.6] as const),
	...['extremely', 'incredibly', 'insanely', 'ridiculously', 'absolutely', 'utterly', 'hella', 'super', 'so so'].map((t) => [t, 1.8] as const),
	...['very', 'really', 'so', 'totally', 'completely', 'highly', 'too', 'truly', 'seriously', 'literally', 'damn', 'pretty', 'quite', 'highkey', 'mega'].map((t) => [t, 1.35] as const),
	...['kinda', 'kind of', 'sort of', 'sorta', 'a bit', 'a little', 'slightly', 'somewhat', 'lowkey', 'a tad', 'mildly', 'fairly'].map((t) => [t, 0.6] as const),
];

/**
 * Modifiers that are themselves a complaint when no sentiment word follows them in reach: an emphatic
 * negation (颜色一点都不红, 根本不是棉的, 毫无新意) or an excess marker (太X了, 过于X) before a word the
 * lexicon does not know. Followed by a known word they only modify it (一点都不贵 is praise).
 */
export const DANGLING: ReadonlyArray<readonly [string, number]> = [
	...['一点也不', '一点都不', '根本不', '根本没', '完全不', '完全没有', '毫无', '并不', '并没有', '从不', '从没', '从未'].map((t) => [t, -1] as const),
	...['太', '过于', 'too', 'overly'].map((t) => [t, -1] as const),
	...['not', 'never', 'no', 'cannot', 'nobody', 'nothing', 'without', 'no longer', 'less than', 'should have been', 'should\'ve been', 'could have been', 'could\'ve been', 'would have been', 'would\'ve been'].map((t) => [t, -1] as const),
	// "failed to arrive", "unable to rebook", 不能开机: a failure whatever the verb.
	...['fails to', 'failed to', 'failing to', 'unable to', 'refuses to', 'refused to', 'devoid of', 'lacks', 'lacking', 'lacking in', 'lack of', 'absence of'].map((t) => [t, -2] as const),
	...['not quite', 'not really', 'not exactly', 'not particularly', 'not especially', 'not all that'].map((t) => [t, -0.5] as const),
	...['rarely', 'seldom', 'barely', 'hardly', 'supposed to be', 'was supposed to', 'were supposed to', 'was meant to', 'were meant to'].map((t) => [t, -1] as const),
	['不能', -1],
];

/** Contrast: the clause after weighs more than the one before. */
export const CONTRASTS: readonly string[] = ['但是', '但', '可是', '不过', '然而', '只是', '却', '偏偏', '可惜', 'but', 'however', 'except', 'nevertheless', 'nonetheless', 'that said', 'even so'];

/** Concession: the clause they open weighs less (虽然 X，但是 Y). */
export const CONCESSIONS: readonly string[] = ['虽然', '虽', '尽管', '虽说', '即使', 'although', 'even though', 'even if', 'despite', 'in spite of', 'notwithstanding'];

/**
 * Negative adverbs that only intensify when a sentiment word follows them ("painfully funny", "terribly
 * slow", "fucking awesome"); on their own they keep their lexicon weight. Like 好 in 好贵.
 */
export const INTENSIFYING_ADVERBS: ReadonlyArray<readonly [string, number]> = [
	...['terribly', 'awfully', 'horribly', 'painfully', 'wickedly', 'crazy', 'stupidly', 'freaking', 'fucking', 'frickin', 'effing'].map((t) => [t, 1.5] as const),
];

/** Cues that the praise around them is sarcastic (阴阳怪气); each also carries its own weight. */
export const SARCASM_CUES: ReadonlyArray<readonly [string, number]> = [
	['呵呵', -2],
	['呵呵哒', -2],
	['呵', -1],
	['真是谢谢', -2],
	['谢谢你们全家', -3],
	['我谢谢你', -3],
	['真有你的', -2],
	['可真行', -2],
	['真行啊', -2],
	['太会了', -1],
	['我服了', -2],
	['服了', -2],
	['佩服佩服', -1],
	['好家伙', 0],
	['狗头', 0],
	['[doge]', 0],
	['[二哈]', 0],
	['[微笑]', -1],
	['🙄', -2],
	['🙃', -1],
	['thanks for nothing', -3],
	['thanks a lot', 0],
	['yeah right', -2],
	['sure jan', -2],
	['/s', 0],
	['oh great', -2],
	['just great', -2],
	['just perfect', -2],
	['what a joke', -3],
	['nice try', -2],
	['good luck with that', -2],
	['real classy', -2],
	['love how', 0],
	['love that', 0],
	['gotta love', 0],
	['so glad', 0],
];

/** "Again" words: a failure that repeats is worse, and praise next to it is usually sarcastic. */
export const REPEAT_MARKERS: readonly string[] = ['又', '又一次', '再次', '再一次', '又双叒叕', '果然', '照样', '还是', 'again', 'once again', 'yet again', 'as usual', 'as always', 'every time', 'every single time'];

/**
 * Irrealis markers (SO-CAL's modals and conditional, Taboada et al. 2011): praise that follows them in
 * the same clause is wished for, not found ("this might be fun for kids", "if the staff were friendly").
 * "would recommend" and "could be better" are phrases in the English lists, so they keep their meaning.
 */
export const IRREALIS_MARKERS: readonly string[] = ['would', 'could', 'should', 'might', 'may', 'if'];

/**
 * A modal with a word of commitment is a promise or a recommendation, not a wish: "would definitely fly with
 * you again", "you should try the cake, it's amazing". These phrases shadow the bare modal, so what follows counts.
 */
export const COMMITMENTS: readonly string[] = [
	...['would definitely', 'would absolutely', 'would totally', 'would gladly', 'would happily', 'would 100%', 'would certainly'],
	...['should definitely', 'should absolutely', 'should totally', 'should try', 'should visit', 'should watch', 'should see', 'should check out', 'should go', 'should get', 'should read', 'must try'],
];

/** Thanks is given, not wished for, in a modal clause too: "I would like to thank the crew", "would just like to say thanks". */
export const GRATITUDE: readonly string[] = ['thank', 'thanks', 'thank you', 'thankyou', 'thx', 'many thanks'];

/** Praise that sarcasm turns around ("great job losing my bag", "真是太棒了，又坏了"). */
export const PRAISE_HEADS: readonly string[] = [
	'太棒', '真棒', '好棒', '棒', '厉害', '真好', '太好了', '牛', '牛逼', '谢谢', '感谢', '多谢', '优秀', '完美', '给力', '满意', '好评', '点赞', '服务好', '专业', '靠谱', '贴心', '赞',
	'great', 'great job', 'nice job', 'good job', 'well done', 'nice', 'awesome', 'amazing', 'wonderful', 'fantastic', 'brilliant', 'perfect', 'love', 'thanks', 'thank', 'thank you', 'excellent', 'superb', 'impressive', 'lovely', 'bravo', 'congrats', 'congratulations', '👍', '👏',
];

/**
 * Repeated or mixed question marks are exasperation in a comment to a brand ("where is my order??",
 * 怎么还没到？？？, "seriously?!"). Full-width marks reach the scorer as ASCII (NFKC).
 */
export const EXASPERATION_MARKS: ReadonlyArray<readonly [string, number]> = [
	['??', -1.5],
	['???', -1.5],
	['?!', -1.5],
	['!?', -1.5],
];

/**
 * Hashtags run words together (#worstflightever, #customerservicefail, #thankyou): a hashtag the lexicon
 * does not know counts by the first of these stems it contains, longest first. Written for this project.
 */
export const HASHTAG_STEMS: ReadonlyArray<readonly [string, number]> = [
	...['nothappy', 'notcool', 'notgood', 'nothelpful', 'notimpressed', 'neveragain', 'worst', 'fail', 'sucks', 'suck', 'fml', 'stuck', 'stranded', 'delay', 'cancel', 'nightmare', 'disappoint', 'awful', 'terrible', 'horrible', 'rude', 'joke', 'shame', 'lost', 'broken', 'ugh', 'angry', 'annoy', 'frustrat', 'unhappy', 'badservice', 'poorservice', 'ripoff', 'scam', 'waiting', 'nohelp', 'wtf', 'smh'].map((t) => [t, -2] as const),
	...['love', 'best', 'great', 'thank', 'awesome', 'happy', 'amazing', 'kudos', 'win', 'impressed', 'excellent', 'perfect', 'rocks', 'goodservice', 'grateful', 'blessed', 'favorite', 'favourite'].map((t) => [t, 2] as const),
];
