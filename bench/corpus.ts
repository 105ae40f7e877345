/**
 * The benchmark corpus: the 1,028 DER STANDARD articles of 10kGNAD (from ../shared, never shipped),
 * repeated under distinct file names to the size asked for. Texts are generated on the fly so
 * that holding the corpus does not distort peak memory.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SourceDocument } from '../src/core/types.ts';

export const GNAD_CSV = fileURLToPath(new URL('../../shared/data/corpora/10kgnad-test.csv', import.meta.url));

/** Parses `category;text` lines; 77 of them quote the text as `'…'`. */
export function readGnad(path = GNAD_CSV): string[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.includes(';'))
    .map((line) => line.slice(line.indexOf(';') + 1).replace(/^'([\s\S]*)'\s*$/, '$1'));
}

export function* repeatedCorpus(texts: string[], total: number): Generator<SourceDocument> {
  for (let i = 0; i < total; i++) {
    const copy = Math.floor(i / texts.length);
    const n = i % texts.length;
    yield { file: `gnad-${String(copy).padStart(3, '0')}-${String(n).padStart(4, '0')}.txt`, text: texts[n]! };
  }
}
