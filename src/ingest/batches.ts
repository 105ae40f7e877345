/**
 * Bulk ingest in batches, one transaction each. While the engine writes a batch, the next one is
 * analysed on this thread one document at a time, with a turn of the event loop between two
 * documents: each statement of the write is sent on as soon as SQLite answers the previous one,
 * so SQLite works on its own thread while analysis runs here, instead of after it.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { PreparedArticle } from '../core/pipeline.ts';
import type { SourceDocument } from '../core/types.ts';
import type { Engine, IngestResult } from '../engine.ts';

/** Files per transaction: a commit costs about the same for one article as for many, and small batches keep memory flat. */
export const INGEST_BATCH = 16;

/**
 * Ingests every batch in order. `written` gets each batch with its results (rejected when its
 * analysis or its transaction failed); it is awaited before the next batch is written.
 */
export async function ingestBatches(
  engine: Engine,
  batches: AsyncIterable<SourceDocument[]> | Iterable<SourceDocument[]>,
  written: (docs: SourceDocument[], results: Promise<IngestResult[]>) => Promise<void>,
): Promise<void> {
  let writing: Promise<void> = Promise.resolve();
  for await (const docs of batches) {
    const analysed = analyse(engine, docs);
    // One batch is analysed at a time; a failed analysis is handed to `written` with its batch.
    await analysed.catch(() => undefined);
    await writing;
    writing = written(docs, analysed.then((articles) => engine.ingestPrepared(articles)));
    // A failed write surfaces where it is awaited; while the next batch is analysed it is not unhandled.
    writing.catch(() => undefined);
  }
  await writing;
}

async function analyse(engine: Engine, docs: SourceDocument[]): Promise<PreparedArticle[]> {
  const articles: PreparedArticle[] = [];
  for (const doc of docs) {
    await nextTurn();
    articles.push(engine.prepare(doc));
  }
  return articles;
}
