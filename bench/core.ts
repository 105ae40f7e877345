/**
 * Issue 2's benchmark: ingest throughput against a bare FTS5 insert of the same texts, query
 * latency of `claims` and `sources` against a bare FTS5 bm25 top-20, and peak memory.
 */
import { rmSync } from 'node:fs';
import type { SourceDocument } from '../src/core/types.ts';
import { INGEST_BATCH, ingestBatches } from '../src/ingest/batches.ts';
import { AnalysisThread } from '../src/ingest/analysisThread.ts';
import { openClaimdesk } from '../src/claimdesk.ts';
import type { SqliteEngine } from '../src/store/engine.ts';
import { SqliteDb } from '../src/store/sqlite.ts';
import { percentile, round, timeEach } from './stats.ts';

/** Twenty topic words a newsroom would type, German and English, run against both stores. */
export const TOPICS = [
  'Regierung', 'Flüchtlinge', 'refugees', 'Wien', 'Polizei', 'police', 'Trump', 'Fußball', 'Bank', 'Wahl',
  'Syrien', 'Griechenland', 'Euro', 'Klima', 'Internet', 'Gericht', 'Steuer', 'Russland', 'Ukraine', 'election',
];
const QUERY_ROUNDS = 10;

function removeDb(path: string) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

export async function benchIngest(docs: () => Iterable<SourceDocument>, dbPath: string) {
  removeDb(dbPath);
  // As every claimdesk process opens it: with the alerts' ingest hook (no subscriptions here). Its
  // queries are measured afresh each time: kept answers would time a memory lookup, not the search.
  const { engine } = await openClaimdesk({ path: dbPath, keptAnswers: 0 });
  let count = 0;
  let claims = 0;
  const start = performance.now();
  // As `claimdesk ingest` does for this many files: batches written while the next ones are
  // analysed, extraction on the analysis thread.
  const thread = new AnalysisThread();
  await ingestBatches(engine, inBatches(docs(), INGEST_BATCH), async (_docs, ingesting) => {
    const results = await ingesting;
    for (const r of results) claims += r.claims;
    count += results.length;
  }, thread);
  await thread.close();
  const seconds = (performance.now() - start) / 1000;
  return { engine, articles: count, citations: claims, seconds, perSecond: count / seconds };
}

function* inBatches<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** The baseline: each whole article inserted into a plain FTS5 table, one transaction each. */
export async function benchBareIngest(docs: () => Iterable<SourceDocument>, dbPath: string) {
  removeDb(dbPath);
  const db = await SqliteDb.open(dbPath);
  await db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; CREATE VIRTUAL TABLE bare USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');");
  let count = 0;
  const start = performance.now();
  for (const doc of docs()) {
    await db.transaction(() => db.run('INSERT INTO bare (body) VALUES (?)', [doc.text]));
    count++;
  }
  const seconds = (performance.now() - start) / 1000;
  return { db, articles: count, seconds, perSecond: count / seconds };
}

export async function benchQueries(engine: SqliteEngine, bare: SqliteDb) {
  const rounds = Array.from({ length: QUERY_ROUNDS }, () => TOPICS).flat();
  // One warm-up pass each, so every side is measured with its pages in the cache.
  await timeEach(TOPICS, (t) => engine.claims(t, { limit: 20 }));
  await timeEach(TOPICS, (t) => bare.all('SELECT rowid FROM bare WHERE bare MATCH ? ORDER BY bm25(bare) LIMIT 20', [`"${t}"`]));
  const claims = await timeEach(rounds, (t) => engine.claims(t, { limit: 20 }));
  const sources = await timeEach(rounds, (t) => engine.sources(t, { limit: 20 }));
  const bareTimes = await timeEach(rounds, (t) =>
    bare.all('SELECT rowid, bm25(bare) AS score FROM bare WHERE bare MATCH ? ORDER BY score LIMIT 20', [`"${t}"`]),
  );
  const summary = (times: number[]) => ({ p50: round(percentile(times, 50), 3), p99: round(percentile(times, 99), 3) });
  const bareSummary = summary(bareTimes);
  const withRatio = (times: number[]) => {
    const s = summary(times);
    return { ...s, p50Ratio: round(s.p50 / bareSummary.p50), p99Ratio: round(s.p99 / bareSummary.p99) };
  };
  return { claims: withRatio(claims), sources: withRatio(sources), bare: bareSummary };
}
