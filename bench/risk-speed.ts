/**
 * Speed of the whole risk assessment (assessMentions: schema check, t→s, sentiment, risk cues, matrix) next
 * to raw `sentiment.analyze` in the same run, on the texts of ../shared/data/sentiment (read only, nothing is
 * copied). Prints texts/s per language and a fingerprint of every result, so an optimisation can show it
 * changed no output. Run: npx ts-node --transpile-only bench/risk-speed.ts [--repeat N]
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import Sentiment = require('sentiment');
import { analyzeSentiment } from '../lib/sentiment';
import { assessMentions } from '../lib/risk';
import type { MentionInput } from '../lib/model';

const DATA_DIR = process.env.SENTIMENT_DATA_DIR ?? path.resolve(__dirname, '../../shared/data/sentiment');
const repeatArg = process.argv.indexOf('--repeat');
const REPEAT = repeatArg > 0 ? Number(process.argv[repeatArg + 1]) : 3;

function column(file: string, name: string): string[] {
	// Both CSVs keep the wanted text unquoted or simply quoted; a tolerant split is enough for timing.
	const lines = fs.readFileSync(path.join(DATA_DIR, file), 'utf8').replace(/^\ufeff/, '').split(/\r?\n/);
	const header = lines[0].split(',');
	const at = header.indexOf(name);
	const out: string[] = [];
	for (const line of lines.slice(1)) {
		if (!line) continue;
		if (at === header.length - 1) out.push(line.split(',').slice(at).join(',').replace(/^\ufeff/, ''));
		else {
			const m = line.match(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g);
			const v = m?.[at]?.replace(/^,/, '') ?? '';
			out.push(v.startsWith('"') ? v.slice(1, -1).replace(/""/g, '"') : v);
		}
	}
	return out.filter(Boolean);
}

function mentions(texts: string[]): MentionInput[] {
	return texts.map((text, i) => ({ platform: 'weibo', id: `m${i}`, author: { id: `u${i % 500}`, followers: (i * 37) % 5000 }, likes: i % 13, text, createdAt: '2026-03-01T09:00:00+08:00' }));
}

function time(fn: () => unknown): number {
	let best = Infinity;
	for (let r = 0; r < REPEAT; r++) {
		const start = process.hrtime.bigint();
		fn();
		best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
	}
	return best;
}

const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en-US').padStart(9);
const raw = new Sentiment();
for (const [name, texts] of [
	['zh shopping reviews', column('zh_online_shopping_9cats.csv', 'review')],
	['en airline tweets', column('en_airline_tweets.csv', 'text')],
] as const) {
	const input = mentions(texts);
	assessMentions(input.slice(0, 200)); // warm-up: lexicons, matchers, opencc
	const tRaw = time(() => texts.forEach((t) => raw.analyze(t)));
	const tSentiment = time(() => texts.forEach((t) => analyzeSentiment(t)));
	let results: ReturnType<typeof assessMentions> = [];
	const tAssess = time(() => (results = assessMentions(input)));
	const fingerprint = createHash('sha256')
		.update(JSON.stringify(results.map((r) => [r.sentiment.score, r.sentiment.label, r.sentiment.language, r.categories, r.matches, r.riskLevel, r.likelihood, r.impact])))
		.digest('hex')
		.slice(0, 16);
	console.log(
		`${name.padEnd(22)} n=${String(texts.length).padStart(6)}  raw sentiment.analyze ${rate(texts.length, tRaw)}/s  analyzeSentiment ${rate(texts.length, tSentiment)}/s  assessMentions ${rate(texts.length, tAssess)}/s (${(tAssess / tRaw).toFixed(0)}× the raw time)  fingerprint ${fingerprint}`,
	);
}
