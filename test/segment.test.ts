/** Sentence splitting on real German news text: ordinals, dates, abbreviations, quotations, glued full stops. */
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../src/core/segment.ts';

describe('splitSentences', () => {
  it('does not split after an ordinal or the day of a date', () => {
    expect(splitSentences('Die 11. Luftlandebrigade hat ein Bataillon aufgestellt. Am 24. Oktober begann der Gipfel.')).toEqual([
      'Die 11. Luftlandebrigade hat ein Bataillon aufgestellt.',
      'Am 24. Oktober begann der Gipfel.',
    ]);
  });

  it('splits after a number that ends a sentence', () => {
    expect(splitSentences('Die Zahl der Toten stieg auf 41. Die Suche geht weiter.')).toEqual(['Die Zahl der Toten stieg auf 41.', 'Die Suche geht weiter.']);
  });

  it('keeps abbreviations inside their sentence', () => {
    expect(splitSentences('Kim Jong-un (l.) und Wladimir Putin trafen sich u.a. in Pjöngjang. Das Treffen dauerte z.B. drei Stunden.')).toEqual([
      'Kim Jong-un (l.) und Wladimir Putin trafen sich u.a. in Pjöngjang.',
      'Das Treffen dauerte z.B. drei Stunden.',
    ]);
  });

  it('keeps a quotation of several sentences together with its attribution', () => {
    expect(splitSentences('„Quatsch. Ich kenne seinen Charakter“, sagte Lukaschenko der BBC. Putin schwieg dazu.')).toEqual([
      '„Quatsch. Ich kenne seinen Charakter“, sagte Lukaschenko der BBC.',
      'Putin schwieg dazu.',
    ]);
  });

  it('splits a sentence that ends in a quotation', () => {
    expect(splitSentences('Er sagte: „Wir sehen eine wachsende Allianz.“ Danach verließ er den Saal.')).toEqual([
      'Er sagte: „Wir sehen eine wachsende Allianz.“',
      'Danach verließ er den Saal.',
    ]);
  });

  it('splits at a full stop without the space after it', () => {
    expect(splitSentences('Nordkorea will 5.000 Soldaten entsenden.Die Ankündigung kam überraschend.')).toEqual([
      'Nordkorea will 5.000 Soldaten entsenden.',
      'Die Ankündigung kam überraschend.',
    ]);
  });

  it('does not split domains or numbers with dots', () => {
    expect(splitSentences('Laut News.de sind 3.000 Männer im Einsatz. Das meldet auch watson.ch heute.')).toEqual([
      'Laut News.de sind 3.000 Männer im Einsatz.',
      'Das meldet auch watson.ch heute.',
    ]);
  });

  it('splits on question and exclamation marks', () => {
    expect(splitSentences('Warum? Weil niemand fragt! So einfach ist das.')).toEqual(['Warum?', 'Weil niemand fragt!', 'So einfach ist das.']);
  });
});
