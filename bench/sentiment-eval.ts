/**
 * Sentiment accuracy and speed on the development data in ../shared/data/sentiment (evaluation only:
 * nothing from it is copied into the package) and on the hand-written slang / sarcasm / emoji set.
 * Run: npx ts-node --transpile-only bench/sentiment-eval.ts [--quick]
 */
import * as fs from 'fs';
import * as path from 'path';
import Sentiment = require('sentiment');
import { analyzeSentiment, polarityOf, trainSentimentModel, type SentimentLabel, type SentimentOptions } from '../lib/sentiment';
import { SLANG_SARCASM_EMOJI_CASES } from '../test/lib/sentiment/fixtures/hand-written-cases';

const DATA_DIR = process.env.SENTIMENT_DATA_DIR ?? path.resolve(__dirname, '../../shared/data/sentiment');
const QUICK = process.argv.includes('--quick');

interface Example {
	text: string;
	label: SentimentLabel;
}

/** RFC 4180 CSV (quoted fields may hold commas, quotes and newlines). */
function parseCsv(content: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < content.length; i++) {
		const ch = content[i];
		if (quoted) {
			if (ch === '"' && content[i + 1] === '"') (field += '"'), i++;
			else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') row.push(field), (field = '');
		else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && content[i + 1] === '\n') i++;
			row.push(field), rows.push(row), (row = []), (field = '');
		} else field += ch;
	}
	if (field || row.length) row.push(field), rows.push(row);
	return rows.filter((r) => r.length > 1 || r[0] !== '');
}

function readTable(file: string): Array<Record<string, string>> {
	const content = fs.readFileSync(path.join(DATA_DIR, file), 'utf8').replace(/^\ufeff/, '');
	const rows = file.endsWith('.tsv') ? content.split(/\r?\n/).filter(Boolean).map((l) => l.split('\t')) : parseCsv(content);
	const [header, ...body] = rows;
	return body.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), (r[i] ?? '').replace(/^\ufeff/, '')])));
}

/** A deterministic shuffle (mulberry32) so splits are the same on every run. */
function shuffled<T>(items: readonly T[], seed = 42): T[] {
	let a = seed;
	const rand = () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(rand() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

interface Metrics {
	n: number;
	accuracy: number;
	macroF1: number;
	negRecall: number;
	undecided: number;
}

function metrics(gold: SentimentLabel[], predicted: SentimentLabel[], classes: SentimentLabel[]): Metrics {
	let correct = 0;
	for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) correct++;
	const f1s = classes.map((c) => {
		let tp = 0;
		let fp = 0;
		let fn = 0;
		for (let i = 0; i < gold.length; i++) {
			if (predicted[i] === c && gold[i] === c) tp++;
			else if (predicted[i] === c) fp++;
			else if (gold[i] === c) fn++;
		}
		const p = tp / (tp + fp || 1);
		const r = tp / (tp + fn || 1);
		return { f1: p + r ? (2 * p * r) / (p + r) : 0, recall: r, c };
	});
	return {
		n: gold.length,
		accuracy: correct / gold.length,
		macroF1: f1s.reduce((a, f) => a + f.f1, 0) / f1s.length,
		negRecall: f1s.find((f) => f.c === 'negative')?.recall ?? 0,
		undecided: predicted.filter((p) => !classes.includes(p)).length / gold.length,
	};
}

/** The old reading of binary files, kept for comparison: the sign decides and a score of exactly 0 counts as wrong. */
function bySign(score: number): SentimentLabel {
	return score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral';
}

interface Row {
	name: string;
	m: Metrics;
	sign?: Metrics;
	zero: number;
}
const summary: Row[] = [];

/**
 * Binary files are read with `polarityOf` (the library's two-way decision: a score of exactly 0, no evidence
 * at all, counts as negative); the strict by-sign reading, where 0 counts as wrong, is reported next to it.
 */
function evaluate(name: string, data: Example[], classes: SentimentLabel[], options: SentimentOptions = {}, binary = classes.length === 2, inSummary = false): void {
	const start = process.hrtime.bigint();
	const results = data.map((e) => analyzeSentiment(e.text, options));
	const seconds = Number(process.hrtime.bigint() - start) / 1e9;
	const gold = data.map((e) => e.label);
	const m = metrics(
		gold,
		results.map((r) => (binary ? polarityOf(r.score) : r.label)),
		classes,
	);
	const sign = binary ? metrics(gold, results.map((r) => bySign(r.score)), classes) : undefined;
	const zero = results.filter((r) => r.score === 0).length / data.length;
	if (inSummary) summary.push({ name, m, sign, zero });
	const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
	console.log(
		`${name.padEnd(44)} n=${String(m.n).padStart(6)}  acc ${pct(m.accuracy)}%  macro-F1 ${m.macroF1.toFixed(3)}  neg-recall ${m.negRecall.toFixed(3)}  score 0 ${pct(zero)}%${sign ? `  (by sign: ${sign.macroF1.toFixed(3)} / ${sign.negRecall.toFixed(3)})` : ''}  ${Math.round(m.n / seconds).toLocaleString('en-US').padStart(7)} texts/s`,
	);
}

function printSummary(): void {
	const f = (x: number) => x.toFixed(3);
	console.log('\n| file | n | macro-F1 | negative recall | score 0 | by sign: macro-F1 | by sign: negative recall |');
	console.log('|---|---:|---:|---:|---:|---:|---:|');
	for (const { name, m, sign, zero } of summary) {
		console.log(`| ${name} | ${m.n} | ${f(m.macroF1)} | ${f(m.negRecall)} | ${(100 * zero).toFixed(1)}% | ${sign ? f(sign.macroF1) : '–'} | ${sign ? f(sign.negRecall) : '–'} |`);
	}
}

function throughputRaw(name: string, texts: string[]): void {
	const raw = new Sentiment();
	const start = process.hrtime.bigint();
	for (const t of texts) raw.analyze(t);
	const seconds = Number(process.hrtime.bigint() - start) / 1e9;
	console.log(`${name.padEnd(44)} n=${String(texts.length).padStart(6)}  ${Math.round(texts.length / seconds).toLocaleString('en-US')} texts/s (raw sentiment.analyze)`);
}

function main(): void {
	const handWritten: Example[] = SLANG_SARCASM_EMOJI_CASES.map(({ text, label }) => ({ text, label }));
	console.log('— hand-written slang / sarcasm / emoji set (test/lib/sentiment/fixtures) —');
	evaluate('hand-written, 3-class', handWritten, ['positive', 'neutral', 'negative'], {}, false);
	evaluate('hand-written, pos/neg only', handWritten.filter((e) => e.label !== 'neutral'), ['positive', 'negative']);

	if (!fs.existsSync(DATA_DIR)) {
		console.log(`\n${DATA_DIR} not found: skipping the dataset benchmarks (set SENTIMENT_DATA_DIR to point elsewhere).`);
		return;
	}
	const limit = (xs: Example[]) => (QUICK ? shuffled(xs).slice(0, 3000) : xs);
	const zh = readTable('zh_online_shopping_9cats.csv')
		.filter((r) => r.review)
		.map((r) => ({ text: r.review, label: (r.label === '1' ? 'positive' : 'negative') as SentimentLabel }));
	const airline = readTable('en_airline_tweets.csv').map((r) => ({ text: r.text, label: r.airline_sentiment as SentimentLabel }));
	const sst2 = readTable('en_sst2_dev.tsv').map((r) => ({ text: r.sentence, label: (r.label === '1' ? 'positive' : 'negative') as SentimentLabel }));

	console.log('\n— lexicon engine (built-in) —');
	evaluate('zh shopping (binary)', limit(zh), ['positive', 'negative'], {}, true, true);
	evaluate('zh shopping, Intl.Segmenter tokens', limit(zh), ['positive', 'negative'], { segmenter: 'intl' });
	evaluate('en airline (3-class, neutral band)', limit(airline), ['positive', 'neutral', 'negative'], {}, false);
	evaluate('en airline (pos vs neg)', limit(airline.filter((e) => e.label !== 'neutral')), ['positive', 'negative'], {}, true, true);
	evaluate('en SST-2 dev (binary)', sst2, ['positive', 'negative'], {}, true, true);

	console.log('\n— learned mode: naive Bayes on 2,000 examples of one split, tested on another —');
	for (const [name, data] of [
		['zh shopping', zh],
		['en airline (pos vs neg)', airline.filter((e) => e.label !== 'neutral')],
	] as const) {
		const mixed = shuffled(data);
		const train = mixed.slice(0, 2000);
		const test = mixed.slice(2000, 2000 + (QUICK ? 3000 : 10000));
		const model = trainSentimentModel(train);
		console.log(`${name}: model ${(JSON.stringify(model).length / 1024).toFixed(0)} KB, ${model.vocabularySize} tokens`);
		evaluate(`${name}, model only (weight 1)`, test, ['positive', 'negative'], { model, modelWeight: 1 });
		evaluate(`${name}, blended (default weight)`, test, ['positive', 'negative'], { model }, true, true);
	}

	console.log('\n— throughput, same run —');
	throughputRaw('zh shopping', limit(zh).map((e) => e.text));
	throughputRaw('en airline', limit(airline).map((e) => e.text));

	printSummary();
}

main();
