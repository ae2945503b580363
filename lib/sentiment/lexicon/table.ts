/**
 * Lexicon tables are written as `weight → space-separated terms` so a few hundred entries stay
 * readable and reviewable; `_` joins the words of a phrase (`thanks_for_nothing`). Weights use the AFINN scale (-5..5) so Chinese, slang, emoji and the
 * `sentiment` package's English AFINN list add up on one scale.
 */
export type WeightTable = Readonly<Record<string, string>>;

export function expandWeightTable(table: WeightTable): Array<[string, number]> {
	const out: Array<[string, number]> = [];
	for (const [weight, terms] of Object.entries(table)) {
		const w = Number(weight);
		for (const term of terms.split(/\s+/)) if (term) out.push([term.replace(/_/g, ' '), w]);
	}
	return out;
}
