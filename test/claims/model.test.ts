/**
 * The attribution model's choice among candidate sources, and how extraction uses it: the rules
 * propose, the model keeps the likeliest proposal when it is sure enough, and explicit pointers
 * ("demnach", "Dies berichtet X") are followed whatever the model says.
 */
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/core/claims/extract.ts';
import { AttributionModel, defaultModel, evidenceOf } from '../../src/core/claims/model.ts';
import type { CleanArticle } from '../../src/core/types.ts';

const modelOf = (weights: Record<string, number>, threshold: number, bias = 0) => new AttributionModel({ about: 'test', threshold, bias, weights });
const article = (...paragraphs: string[]): CleanArticle => ({ title: null, outlet: null, published: null, language: 'de', paragraphs });
const sourcesOf = (claims: { text: string; sources: string[] }[], fragment: string) => claims.find((c) => c.text.includes(fragment))?.sources;

describe('AttributionModel.choose', () => {
  const candidates = [
    { sources: ['A'], features: ['weak'] },
    { sources: ['B'], features: ['strong'] },
  ];

  it('takes the likeliest candidate, weighed against the others and against nobody', () => {
    const chosen = modelOf({ weak: 0, strong: Math.log(2) }, 0.1).choose(candidates);
    expect(chosen?.candidate.sources).toEqual(['B']);
    // e^ln2 / (1 + e^0 + e^ln2) = 2 / 4
    expect(chosen?.probability).toBeCloseTo(0.5, 10);
  });

  it('keeps nobody when the likeliest is below the threshold, or there is no candidate', () => {
    expect(modelOf({ strong: Math.log(2) }, 0.6).choose(candidates)).toBeNull();
    expect(defaultModel.choose([])).toBeNull();
  });
});

describe('extraction with the model', () => {
  const twoSpeakers = article(
    'Der Bürgermeister sagte, die Straße werde im Mai gesperrt. Die Polizei erklärte, es gebe keine Umleitung. Die Bauarbeiten sollten drei Wochen dauern.',
  );

  it('lets a sentence go on with the speaker before the last one when the model says so', () => {
    const back = extractClaims(twoSpeakers, { model: modelOf({ speech: 5, 'cont/rank1': 5 }, 0.5) });
    expect(sourcesOf(back, 'Bauarbeiten')).toEqual(['Bürgermeister']);
    const last = extractClaims(twoSpeakers, { model: modelOf({ speech: 5, 'cont/rank0': 5 }, 0.5) });
    expect(sourcesOf(last, 'Bauarbeiten')).toEqual(['Polizei']);
  });

  it('leaves a claim unattributed rather than keep a doubtful source', () => {
    const claims = extractClaims(twoSpeakers, { model: modelOf({}, 0.99) });
    expect(claims.every((c) => c.sources.length === 0)).toBe(true);
  });

  it('follows "demnach" and "Dies berichtet X" even when the model trusts nothing', () => {
    const sceptic = modelOf({}, 0.99);
    const demnach = extractClaims(article('Wie das Ministerium mitteilte, musste der Hubschrauber notlanden. Dabei wurden demnach drei Insassen verletzt.'), { model: sceptic });
    expect(sourcesOf(demnach, 'drei Insassen')).toEqual(['Ministerium']);
    const back = extractClaims(article('Etwa 18 Soldaten sollen desertiert sein. Dies berichtet Newsweek unter Berufung auf den Sender Suspilne.'), { model: sceptic });
    expect(sourcesOf(back, 'Etwa 18 Soldaten')).toEqual(['Newsweek', 'Suspilne']);
  });
});

describe('evidenceOf', () => {
  it('adds each pair of structural features once, and keeps lexical ones alone', () => {
    expect(evidenceOf(['cont', 'cont/gap1', 'v:sag', 'cont'])).toEqual(['cont', 'cont/gap1', 'v:sag', 'cont&cont/gap1']);
  });

  it('lets a pair carry weight its parts do not', () => {
    const together = modelOf({ 'a&b': 3 }, 0.6);
    expect(together.choose([{ sources: ['X'], features: ['a', 'b'] }])?.candidate.sources).toEqual(['X']);
    expect(together.choose([{ sources: ['X'], features: ['a'] }])).toBeNull();
  });
});

describe('AttributionModel.score', () => {
  it('weighs exactly the evidence evidenceOf lists, for every candidate of a real article', () => {
    const lists: string[][] = [];
    extractClaims(
      article(
        'Der Bürgermeister sagte, die Straße werde im Mai gesperrt. Die Polizei erklärte, es gebe keine Umleitung.',
        'Laut einem Bericht der Zeitung sollen drei Menschen verletzt worden sein. Sie seien ins Krankenhaus gebracht worden.',
      ),
      { observe: (_claim, candidates) => lists.push(...candidates.map((c) => c.features)) },
    );
    expect(lists.length).toBeGreaterThan(3);
    const weights = defaultModel.file.weights;
    for (const features of [...lists, [...lists[0]!, ...lists[0]!]]) {
      const expected = evidenceOf(features).reduce((z, f) => z + (weights[f] ?? 0), defaultModel.file.bias);
      expect(defaultModel.score(features)).toBeCloseTo(expected, 10);
    }
  });
});

describe('the mood a continuation is read in', () => {
  const moodsOf = (...paragraphs: string[]) => {
    const moods: string[] = [];
    extractClaims(article(...paragraphs), {
      observe: (claim, candidates) => moods.push(`${claim.text.slice(0, 12)}: ${candidates[0]?.features.find((f) => f.startsWith('s:mood:')) ?? 'no candidate'}`),
    });
    return moods;
  };

  it('tells Konjunktiv II modals and "würde" apart from Konjunktiv I, for the model to weigh', () => {
    expect(moodsOf('Der Sprecher sagte, die Lage sei ernst. Die USA würden sich an den Gesprächen beteiligen. Die Gespräche seien vertraulich.')).toEqual([
      'Der Sprecher: s:mood:konj',
      'Die USA würd: s:mood:konj2',
      'Die Gespräch: s:mood:konj',
    ]);
  });

  it('reads a Konjunktiv I second in the sentence, after an adverb, but not an adjective before a noun', () => {
    expect(moodsOf('Der Sprecher sagte, die Lage sei ernst. Daran ändere auch der Zwischenfall nichts. Jedoch ruhe die Mitgliedschaft. Auch große Unternehmen warten ab.')).toEqual([
      'Der Sprecher: s:mood:konj',
      'Daran ändere: s:mood:konj',
      'Jedoch ruhe : s:mood:konj',
      'Auch große U: s:mood:none',
    ]);
  });

  it('tells a plan with "sollen" from hearsay "sollen … haben" anywhere in its clause', () => {
    expect(moodsOf('Die Regierung kündigte an, die Steuern zu senken. Bis Neujahr sollen 90 Stellen wegfallen. Er soll zwei Menschen eingeschleust haben, indem er Visa beantragte.')).toEqual([
      'Die Regierun: s:mood:none',
      'Bis Neujahr : s:mood:plan',
      'Er soll zwei: s:mood:soll',
    ]);
  });
});
