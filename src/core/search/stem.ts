/**
 * Snowball stems of folded words. The lexicon build stores German stems, so the build and the
 * analyser must use these same functions; rebuild the lexicon (`npm run lexicon`) after changing them.
 */
import { stemmer as snowballEnglish } from '@orama/stemmers/english';
import { stemmer as snowballGerman } from '@orama/stemmers/german';

/** German Snowball stem; the stemmer itself also folds umlauts and ß, which folded input no longer has. */
export function germanStem(word: string): string {
  return snowballGerman(word);
}

export function englishStem(word: string): string {
  return snowballEnglish(word);
}
