/**
 * Ingest from the file system: expand paths into files, read each with its reader, hand the text
 * to the engine. A file that cannot be read is a warning naming it, never the end of the run.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { SourceDocument } from '../core/types.ts';
import type { Engine, IngestResult } from '../engine.ts';
import { AnalysisThread } from './analysisThread.ts';
import { INGEST_BATCH, ingestBatches } from './batches.ts';
import { defaultReaders, type DocumentReader, readerFor } from './readers.ts';

export interface IngestWarning {
  path: string;
  reason: string;
}

export interface IngestSummary {
  results: IngestResult[];
  warnings: IngestWarning[];
}

/**
 * From this many files on, cleaning and extraction run on an analysis thread. Below it the thread's
 * start-up (about a second) costs more than it saves: it ingests about a fifth faster.
 */
const THREAD_FROM_FILES = 2_000;

export interface IngestOptions {
  readers?: DocumentReader[];
  onWarning?: (warning: IngestWarning) => void;
  /** Called once the file list is known, then after each file. */
  onProgress?: (done: number, total: number) => void;
  /** Overrides THREAD_FROM_FILES (tests use the thread on a few files). */
  threadFromFiles?: number;
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
  const pathOf = new Map<SourceDocument, string>();
  let done = 0;
  /** Files read in batches; one that cannot be read is a warning, not a document. */
  async function* read(): AsyncGenerator<SourceDocument[]> {
    for (let start = 0; start < files.length; start += INGEST_BATCH) {
      const batch: SourceDocument[] = [];
      for (const path of files.slice(start, start + INGEST_BATCH)) {
        const outcome = await readDocument(path, readers);
        if ('skip' in outcome) {
          warn({ path, reason: outcome.skip });
          options.onProgress?.(++done, files.length);
        } else {
          const doc = { file: basename(path), text: outcome.text };
          pathOf.set(doc, path);
          batch.push(doc);
        }
      }
      if (batch.length) yield batch;
    }
  }
  /** Takes one batch's outcome; when it failed, writes each file alone, so one bad file costs only itself. */
  const written = async (docs: SourceDocument[], ingesting: Promise<IngestResult[]>) => {
    try {
      results.push(...(await ingesting));
    } catch {
      for (const doc of docs) {
        try {
          results.push(await engine.ingest(doc));
        } catch (err) {
          warn({ path: pathOf.get(doc)!, reason: `not ingested: ${(err as Error).message}` });
        }
      }
    }
    for (const doc of docs) pathOf.delete(doc);
    done += docs.length;
    options.onProgress?.(done, files.length);
  };
  options.onProgress?.(0, files.length);
  const thread = files.length >= (options.threadFromFiles ?? THREAD_FROM_FILES) ? new AnalysisThread() : undefined;
  try {
    await ingestBatches(engine, read(), written, thread);
  } finally {
    await thread?.close();
  }
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
