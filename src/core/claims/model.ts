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
const LEXICAL = /^(?:v|last):/;

/**
 * A candidate's evidence with the pairs of its structural features ("cont/mood:konj&cont/gap1"),
 * because evidence counts differently together: a gap of one sentence matters less in Konjunktiv.
 */
export function evidenceOf(features: readonly string[]): string[] {
  const structural = [...new Set(features.filter((f) => !LEXICAL.test(f)))].sort();
  const out = [...new Set(features)];
  for (let a = 0; a < structural.length; a++) for (let b = a + 1; b < structural.length; b++) out.push(`${structural[a]}&${structural[b]}`);
  return out;
}

export class AttributionModel {
  private readonly weights: ReadonlyMap<string, number>;

  constructor(readonly file: AttributionModelFile) {
    this.weights = new Map(Object.entries(file.weights));
  }

  get threshold(): number {
    return this.file.threshold;
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
      let z = this.file.bias;
      for (const f of evidenceOf(c.features)) z += this.weights.get(f) ?? 0;
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
