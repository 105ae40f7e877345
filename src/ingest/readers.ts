/**
 * Readers turn a file's bytes into text. Choosing one by extension keeps the ingest pluggable:
 * HTML or PDF readers register here without touching the walk or the engine.
 */
import { decodeText } from '../core/text/decode.ts';

export type ReadOutcome = { text: string } | { skip: string };

export interface DocumentReader {
  /** Lower-case extensions with the dot, e.g. `.txt`. */
  extensions: string[];
  read(bytes: Buffer): ReadOutcome;
}

export const plainTextReader: DocumentReader = {
  extensions: ['.txt'],
  read: (bytes) => decodeText(bytes),
};

export const defaultReaders: DocumentReader[] = [plainTextReader];

export function readerFor(path: string, readers: DocumentReader[]): DocumentReader | undefined {
  const lower = path.toLowerCase();
  return readers.find((r) => r.extensions.some((ext) => lower.endsWith(ext)));
}
