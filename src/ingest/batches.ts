/**
 * Bulk ingest in batches, one transaction each. Batches are prepared on this thread one document
 * at a time, with a turn of the event loop between two documents: each statement of a write is
 * sent on as soon as SQLite answers the previous one, so SQLite works on its own thread while
 * this one prepares, instead of after it. With an analysis thread, cleaning and claim extraction
 * run there, batches ahead, and this thread only indexes claims and writes. Documents stored before
 * with the same text are not analysed at all: their results come from the store.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AnalysedArticle, PreparedArticle } from '../core/pipeline.ts';
import type { SourceDocument } from '../core/types.ts';
import type { Engine, IngestResult } from '../engine.ts';
import type { AnalysisThread } from './analysisThread.ts';

/** Files per transaction: a commit's statements cost about as much for one article as for many. */
export const INGEST_BATCH = 32;
/** Batches the analysis thread is given ahead of the one indexed here, so that it never waits for this thread. */
const THREAD_LOOKAHEAD = 2;
/** Prepared batches that may wait for SQLite: this thread goes on preparing while a write waits for its statements. */
const QUEUED_WRITES = 2;

/** Receives each batch with its results (rejected when its analysis or its transaction failed). */
export type BatchWritten = (docs: SourceDocument[], results: Promise<IngestResult[]>) => Promise<void>;

/**
 * Ingests every batch in order: `written` is called for one batch after another, each call when
 * the one before has settled. The analysis thread is only an accelerator: a batch it could not
 * analyse is prepared here, so an analysis error reaches `written` exactly as it would without it.
 */
export async function ingestBatches(
  engine: Engine,
  batches: AsyncIterable<SourceDocument[]> | Iterable<SourceDocument[]>,
  written: BatchWritten,
  thread?: AnalysisThread,
): Promise<void> {
  /** Writes queued or running, oldest first; each starts when the one before it is done. */
  const writes: Promise<void>[] = [];
  const write = async (docs: SourceDocument[], unchanged: Map<SourceDocument, IngestResult>, prepared: Promise<PreparedArticle[]>) => {
    await prepared.catch(() => undefined);
    const before = writes.at(-1) ?? Promise.resolve();
    const results = async () => {
      const articles = await prepared;
      const fresh = articles.length ? await engine.ingestPrepared(articles) : [];
      let next = 0;
      return docs.map((doc) => unchanged.get(doc) ?? fresh[next++]!);
    };
    const writing = before.then(() => written(docs, results()));
    // A failed write surfaces where it is awaited; while later batches are prepared it is not unhandled.
    writing.catch(() => undefined);
    writes.push(writing);
    while (writes.length > QUEUED_WRITES) await writes.shift();
  };
  if (!thread) {
    for await (const docs of batches) {
      const unchanged = await unchangedIn(engine, docs);
      await write(docs, unchanged, prepare(engine, docs.filter((doc) => !unchanged.has(doc))));
    }
  } else {
    const ahead: { docs: SourceDocument[]; unchanged: Map<SourceDocument, IngestResult>; fresh: SourceDocument[]; analysed: Promise<AnalysedArticle[]> }[] = [];
    const next = () => {
      const { docs, unchanged, fresh, analysed } = ahead.shift()!;
      return write(docs, unchanged, index(engine, fresh, analysed));
    };
    for await (const docs of batches) {
      const unchanged = await unchangedIn(engine, docs);
      const fresh = docs.filter((doc) => !unchanged.has(doc));
      const analysed = fresh.length ? thread.analyse(fresh) : Promise.resolve([]);
      analysed.catch(() => undefined);
      ahead.push({ docs, unchanged, fresh, analysed });
      if (ahead.length > THREAD_LOOKAHEAD) await next();
    }
    while (ahead.length) await next();
  }
  for (const writing of writes) await writing;
}

/** The documents the store holds with the same text. Only a shortcut: when the store cannot say, all are analysed, and its write still finds them unchanged. */
function unchangedIn(engine: Engine, docs: SourceDocument[]): Promise<Map<SourceDocument, IngestResult>> {
  return engine.unchanged(docs).catch(() => new Map());
}

async function prepare(engine: Engine, docs: SourceDocument[]): Promise<PreparedArticle[]> {
  const articles: PreparedArticle[] = [];
  for (const doc of docs) {
    await nextTurn();
    articles.push(engine.prepare(doc));
  }
  return articles;
}

async function index(engine: Engine, docs: SourceDocument[], analysing: Promise<AnalysedArticle[]>): Promise<PreparedArticle[]> {
  let analysed: AnalysedArticle[];
  try {
    analysed = await analysing;
  } catch {
    return prepare(engine, docs);
  }
  const articles: PreparedArticle[] = [];
  for (const article of analysed) {
    await nextTurn();
    articles.push(engine.index(article));
  }
  return articles;
}
