/**
 * How far to trust an attribution: a logistic model over its evidence ("speech", "frame:opener",
 * "v:sag", "cont/gap1"), trained on the TRAIN split of the German quotation dataset by
 * `scripts/attribution-train.ts --build-model`. Rules find who might be speaking; the model decides
 * whether the text really says so, which is what keeps wrong sources out of a fact-checker's answer.
 */
import { readFileSync } from 'node:fs';

/** One way to attribute a sentence: its sources, and the evidence for them. */
export interface Candidate {
  sources: string[];
  features: string[];
}

export interface AttributionModelFile {
  about: string;
  /** The least probability an attribution needs to be kept. */
  threshold: number;
  bias: number;
  weights: Record<string, number>;
}

/** Lexical evidence (the verb, the word before a comma) is weighed alone; the rest also in pairs. */
const isLexical = (feature: string) => feature.startsWith('v:') || feature.startsWith('last:');
const PAIR = '&';

/**
 * A candidate's evidence with the pairs of its structural features ("cont/gap1&cont/mood:konj"),
 * because evidence counts differently together: a gap of one sentence matters less in Konjunktiv.
 */
export function evidenceOf(features: readonly string[]): string[] {
  const structural = [...new Set(features.filter((f) => !isLexical(f)))].sort();
  const out = [...new Set(features)];
  for (let a = 0; a < structural.length; a++) for (let b = a + 1; b < structural.length; b++) out.push(`${structural[a]}${PAIR}${structural[b]}`);
  return out;
}

export class AttributionModel {
  private readonly weights = new Map<string, number>();
  /** Pair weights by their first and second part, so scoring builds no pair strings: it runs on every sentence ingested. */
  private readonly pairs = new Map<string, Map<string, number>>();

  constructor(readonly file: AttributionModelFile) {
    for (const [feature, weight] of Object.entries(file.weights)) {
      const at = feature.indexOf(PAIR);
      if (at < 0) this.weights.set(feature, weight);
      else {
        const first = feature.slice(0, at);
        const row = this.pairs.get(first) ?? this.pairs.set(first, new Map()).get(first)!;
        row.set(feature.slice(at + 1), weight);
      }
    }
  }

  get threshold(): number {
    return this.file.threshold;
  }

  /** The weight of a candidate's evidence: the sum over `evidenceOf(features)`. */
  score(features: readonly string[]): number {
    let z = this.file.bias;
    for (let i = 0; i < features.length; i++) {
      const f = features[i]!;
      if (features.indexOf(f) !== i) continue;
      z += this.weights.get(f) ?? 0;
      const row = isLexical(f) ? undefined : this.pairs.get(f);
      if (!row) continue;
      // A pair's key is sorted, so only the later part of it is found in the earlier part's row.
      for (let j = 0; j < features.length; j++) {
        const g = features[j]!;
        if (j !== i && features.indexOf(g) === j) z += row.get(g) ?? 0;
      }
    }
    return z;
  }

  /**
   * The candidate most likely right, with its probability against the others and against "nobody is
   * quoted" (score 0); null when no candidate reaches the threshold.
   */
  choose<C extends Candidate>(candidates: readonly C[]): { candidate: C; probability: number } | null {
    if (!candidates.length) return null;
    let total = 1;
    let best: C | null = null;
    let bestScore = -Infinity;
    for (const c of candidates) {
      const z = this.score(c.features);
      total += Math.exp(z);
      if (z > bestScore) {
        bestScore = z;
        best = c;
      }
    }
    const probability = Math.exp(bestScore) / total;
    return probability >= this.file.threshold ? { candidate: best!, probability } : null;
  }
}

export const MODEL_PATH = new URL('../../../data/lexicon/attribution-model.json', import.meta.url);

/** The shipped model, read once. */
export const defaultModel = new AttributionModel(JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as AttributionModelFile);
