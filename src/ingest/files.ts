/**
 * Ingest from the file system: expand paths into files, read each with its reader, hand the text
 * to the engine. A file that cannot be read is a warning naming it, never the end of the run.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { SourceDocument } from '../core/types.ts';
import type { Engine, IngestResult } from '../engine.ts';
import { defaultReaders, type DocumentReader, readerFor } from './readers.ts';

/** Files per transaction: a commit costs about the same for one article as for many, and small batches keep memory flat. */
export const INGEST_BATCH = 16;

export interface IngestWarning {
  path: string;
  reason: string;
}

export interface IngestSummary {
  results: IngestResult[];
  warnings: IngestWarning[];
}

export interface IngestOptions {
  readers?: DocumentReader[];
  onWarning?: (warning: IngestWarning) => void;
  /** Called once the file list is known, then after each file. */
  onProgress?: (done: number, total: number) => void;
}

/** Files to ingest under the given paths (folders recursively, sorted), and warnings for the rest. */
export async function collectFiles(paths: string[], readers: DocumentReader[] = defaultReaders): Promise<{ files: string[]; warnings: IngestWarning[] }> {
  const files: string[] = [];
  const warnings: IngestWarning[] = [];
  const visit = async (path: string, explicit: boolean): Promise<void> => {
    let info;
    try {
      info = await stat(path);
    } catch (err) {
      warnings.push({ path, reason: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : 'cannot be read' });
      return;
    }
    if (info.isDirectory()) {
      let entries: string[];
      try {
        entries = (await readdir(path)).sort();
      } catch {
        warnings.push({ path, reason: 'folder cannot be read' });
        return;
      }
      for (const entry of entries) if (!entry.startsWith('.')) await visit(join(path, entry), false);
    } else if (info.isFile()) {
      if (readerFor(path, readers)) files.push(path);
      else if (explicit) warnings.push({ path, reason: 'not a supported file type' });
    }
  };
  for (const p of paths) await visit(p, true);
  return { files, warnings };
}

export async function ingestPaths(engine: Engine, paths: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const readers = options.readers ?? defaultReaders;
  const { files, warnings } = await collectFiles(paths, readers);
  warnings.forEach((w) => options.onWarning?.(w));
  const warn = (w: IngestWarning) => {
    warnings.push(w);
    options.onWarning?.(w);
  };
  const results: IngestResult[] = [];
  let done = 0;
  /** Writes one batch; when it fails, each file alone, so one bad file costs only itself. */
  const write = async (batch: Array<{ path: string; doc: SourceDocument }>, ingesting: Promise<IngestResult[]>) => {
    try {
      results.push(...(await ingesting));
    } catch {
      for (const { path, doc } of batch) {
        try {
          results.push(await engine.ingest(doc));
        } catch (err) {
          warn({ path, reason: `not ingested: ${(err as Error).message}` });
        }
      }
    }
    done += batch.length;
    options.onProgress?.(done, files.length);
  };
  options.onProgress?.(0, files.length);
  // The next batch is read and analysed while the previous one is written (off the main thread).
  let writing: Promise<void> = Promise.resolve();
  for (let start = 0; start < files.length; start += INGEST_BATCH) {
    const batch: Array<{ path: string; doc: SourceDocument }> = [];
    for (const path of files.slice(start, start + INGEST_BATCH)) {
      const outcome = await readDocument(path, readers);
      if ('skip' in outcome) {
        warn({ path, reason: outcome.skip });
        options.onProgress?.(++done, files.length);
      } else batch.push({ path, doc: { file: basename(path), text: outcome.text } });
    }
    const ingesting = engine.ingestMany(batch.map((b) => b.doc));
    // A failed batch is handled once the previous write is done; until then nothing may be unhandled.
    ingesting.catch(() => undefined);
    await writing;
    writing = write(batch, ingesting);
  }
  await writing;
  return { results, warnings };
}

async function readDocument(path: string, readers: DocumentReader[]): Promise<{ text: string } | { skip: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return { skip: 'cannot be read' };
  }
  return readerFor(path, readers)!.read(bytes);
}
