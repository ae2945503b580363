import { analyzeSentiment, polarityOf } from '../../../lib/sentiment';

/** The comment and review rules added for short real-world comments; every sentence written for this test. */
const score = (text: string) => analyzeSentiment(text).score;
const label = (text: string) => analyzeSentiment(text).label;

describe('negation without "not"', () => {
	it.each([
		'the app no longer opens',
		'the sequel is anything but fun',
		'far from perfect',
		'the new menu fails to impress',
		'my parcel failed to arrive',
		'support was unable to help',
		'it should have been better',
		'less funny than the first one',
		'the wifi rarely works',
		'a comedy devoid of charm',
		'the show lacks everything',
		'not quite ready for launch',
		'开不了机，根本不能用',
	])('%s is negative', (text) => {
		expect(label(text)).toBe('negative');
	});

	it('a counterfactual about something bad is mildly good', () => {
		expect(score('it could have been worse')).toBeGreaterThan(0);
		expect(score('it should have been great')).toBeLessThan(0);
	});

	it('"can\'t miss" is praise, not a dangling 不能', () => {
		expect(label('不能错过的好书')).toBe('positive');
		expect(label('这家店不容错过')).toBe('positive');
	});
});

describe('concession and intensifying adverbs', () => {
	it('despite / in spite of weaken their own clause', () => {
		expect(label('despite the delays, the crew was wonderful')).toBe('positive');
		expect(label('in spite of a great cast, the film is boring')).toBe('negative');
	});

	it('negative adverbs only intensify a sentiment word after them', () => {
		expect(label('painfully funny')).toBe('positive');
		expect(label('this is freaking awesome')).toBe('positive');
		expect(score('terribly slow')).toBeLessThan(score('slow'));
		expect(label('I slept terribly')).toBe('negative');
	});
});

describe('how customers complain and thank', () => {
	it.each([
		'where is my order??',
		'怎么还没发货？？',
		'the courier never came?!',
		'my package did not arrive??',
		'sitting at the gate for 2 hours',
		'been on the phone for over an hour',
		'still no reply from support',
		'where is my refund',
		'put on hold for ages, again',
		'#worstflightever',
		'what a start to the holiday #customerservicefail',
		'以后不敢再买了',
		'客服不理人',
		'屏幕有裂纹',
		'才用一周就送去返修',
		'没有想象中的好',
		'裤子颜色和尺码都搞错了',
	])('%s is negative', (text) => {
		expect(label(text)).toBe('negative');
	});

	it.each(["can't wait for my trip", 'no worries, sorted now', 'hats off to the crew', 'the crew went above and beyond', 'boarding was hassle-free #thankyouteam', 'back home #blessed'])(
		'%s is positive',
		(text) => {
			expect(label(text)).toBe('positive');
		},
	);

	it.each(['it took more than an hour to get a reply', '5 days since I ordered and still nothing', 'my flight was supposed to leave at 9', 'the app barely works', "I'd rather take the train next time", 'I wish someone would answer the phone'])(
		'%s is negative',
		(text) => {
			expect(label(text)).toBe('negative');
		},
	);

	it('praise as a sentence of its own right after a complaint is sarcasm', () => {
		expect(label('We ordered drinks an hour ago and they never came. Awesome!')).toBe('negative');
		expect(label('my bag is lost. Thanks!')).toBe('negative');
		// … but not when the praise carries on the sentence, or nothing bad came before it
		expect(label('The flight was late, but the crew were awesome and kind')).toBe('positive');
		expect(label('Landed on time. Awesome!')).toBe('positive');
	});

	it('a time span alone is not a complaint', () => {
		expect(label('the show starts in 2 hours')).toBe('neutral');
	});
});

describe('how reviews praise and pan', () => {
	it.each(['a tedious, by-the-numbers sequel', 'the plot is half-baked', 'the finale falls short', 'it overstays its welcome', 'cheesy dialogue and wooden acting', 'a second-rate, poorly written knock-off', 'false advertising, avoid at all costs'])('%s is negative', (text) => {
		expect(label(text)).toBe('negative');
	});

	it.each(['a spellbinding, thought-provoking film', 'an absorbing, nuanced portrait', 'captivating from start to finish', 'five stars, laugh-out-loud funny'])('%s is positive', (text) => {
		expect(label(text)).toBe('positive');
	});
});

describe('irrealis: praise that is wished for, not found', () => {
	it.each(['this might be fun for kids', 'if the staff were friendly', 'the app should be reliable', 'it may be cheap'])('%s carries no praise', (text) => {
		expect(score(text)).toBe(0);
	});

	it('a complaint in an irrealis clause still counts, and praise before the marker or in the next clause does too', () => {
		expect(score('if it crashes again I am leaving')).toBeLessThan(0);
		expect(score('great service, if you ask me')).toBeGreaterThan(0);
		expect(score('if you ask me, the crew was great')).toBeGreaterThan(0);
	});

	it('keeps the idioms built on modals', () => {
		expect(label('I would recommend this to anyone')).toBe('positive');
		expect(label('would highly recommend')).toBe('positive');
		expect(label('could be better')).toBe('negative');
		expect(label("I couldn't be happier with the service")).toBe('positive');
		expect(label('could not be more pleased')).toBe('positive');
		expect(label("can't complain, the crew was great")).toBe('positive');
		expect(label("you can't go wrong with them")).toBe('positive');
		expect(label('it could have been great')).toBe('negative');
	});

	it('a modal with a word of commitment is a promise or a recommendation, not a wish', () => {
		expect(label('Would definitely fly with you again!')).toBe('positive');
		expect(label('Everyone should try this amazing place')).toBe('positive');
		expect(label('you should definitely visit, the staff are lovely')).toBe('positive');
		expect(label('I would definitely not recommend them')).toBe('negative');
		expect(label('I will never fly with you again')).toBe('negative');
		expect(label("won't buy again")).toBe('negative');
	});

	it('"can\'t X enough" is praise with words in between, but only for praising verbs', () => {
		expect(label("I can't recommend them enough")).toBe('positive');
		expect(label('We cannot thank the crew enough!')).toBe('positive');
		expect(label("can't say enough good things about her")).toBe('positive');
		expect(label("I can't get enough of this")).toBe('positive');
		expect(label("I can't stress enough how bad this was")).toBe('negative');
		expect(label('not enough staff at the desk')).toBe('negative');
		expect(label("can't thank you, the refund never came. Not enough")).toBe('negative');
	});

	it('a polite wish for what the brand is not doing is a mild complaint', () => {
		expect(label('It would be nice to get my money back')).toBe('negative');
		expect(label('would be great if someone answered the phone')).toBe('negative');
		expect(label('I would appreciate a response')).toBe('negative');
		expect(score('I would appreciate a response')).toBeGreaterThan(score('I want my money back, this is useless'));
	});

	it('keeps the negated-modal idioms: "couldn\'t be better" is praise, "couldn\'t be worse" a complaint', () => {
		expect(label("Service couldn't be better!")).toBe('positive');
		expect(label('the crew could not have been better')).toBe('positive');
		expect(label("couldn't have asked for a better crew")).toBe('positive');
		expect(label('Thank you, you could not have been more helpful')).toBe('positive');
		expect(label("Can't thank you enough for sorting my refund!")).toBe('positive');
		expect(label("Service couldn't be worse.")).toBe('negative');
		expect(label('it could not have been worse')).toBe('negative');
		expect(label("it can't get any worse")).toBe('negative');
	});

	it('thanks in a modal clause is still thanks ("I would like to thank ...")', () => {
		expect(label('I would like to thank Sarah for her help today')).toBe('positive');
		expect(label('I would just like to say thanks to the whole crew')).toBe('positive');
		// What is wished for around it still is not counted.
		expect(score('I would like to thank the crew, it would be perfect')).toBe(score('I would like to thank the crew'));
		expect(score('I would love it')).toBe(0);
	});

	it('"May" the month is no modal; lower-case "may" is', () => {
		expect(label('We flew with you in May and loved every minute')).toBe('positive');
		expect(label('Booked for May and the hotel was amazing')).toBe('positive');
		expect(score('the new app may be great')).toBe(0);
	});
});

describe('negating affixes', () => {
	it.each(['an unfunny, uninspired sequel', 'the host was charmless', 'a careless mistake by the courier', 'the ending felt joyless'])('%s is negative', (text) => {
		expect(label(text)).toBe('negative');
	});

	it.each(['an unforgettable evening', 'the pilot was fearless', 'unlimited data, painless setup'])('%s is positive', (text) => {
		expect(label(text)).toBe('positive');
	});

	it('leaves words alone whose stem the lexicon does not know or that are listed themselves', () => {
		expect(score('unless the parcel is at the depot')).toBe(0);
		expect(score('regardless of the weather')).toBe(0);
		expect(score('the unhappy customer')).toBe(analyzeSentiment('the unhappy customer').score);
		expect(label('the unhappy customer')).toBe('negative');
	});

	it('reads a long run of letters once, not once per affix inside it (no quadratic scan on spam)', () => {
		const spam = ['un'.repeat(100_000), 'less'.repeat(50_000), 'unX'.repeat(66_000)];
		const started = Date.now();
		for (const text of spam) analyzeSentiment(text);
		// Linear: a few ms each; the quadratic scan took tens of seconds here.
		expect(Date.now() - started).toBeLessThan(2000);
	});

	it('follows a ruleset: a stem the team adds is negated too', () => {
		const ruleset = { terms: { snappy: 3 } };
		expect(analyzeSentiment('an unsnappy checkout', { ruleset }).score).toBeLessThan(0);
		expect(analyzeSentiment('an unsnappy checkout').score).toBe(0);
	});
});

describe('polarityOf (two-way decision)', () => {
	it('counts a score of exactly 0 as negative, everything else by its sign', () => {
		expect(polarityOf(0.01)).toBe('positive');
		expect(polarityOf(-0.01)).toBe('negative');
		expect(polarityOf(0)).toBe('negative');
		expect(polarityOf(score('the parcel is at the depot'))).toBe('negative');
		expect(label('the parcel is at the depot')).toBe('neutral');
	});
});
