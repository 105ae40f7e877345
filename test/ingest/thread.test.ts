/**
 * The analysis thread is an accelerator only: an ingest through it stores exactly what an ingest
 * on one thread stores, and a thread that fails leaves the work to the main thread.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readGnad } from '../../bench/corpus.ts';
import { AnalysisThread } from '../../src/ingest/analysisThread.ts';
import { ingestBatches } from '../../src/ingest/batches.ts';
import { ingestPaths } from '../../src/ingest/files.ts';
import type { IngestResult } from '../../src/engine.ts';
import { openEngine, type SqliteEngine } from '../../src/store/engine.ts';

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-thread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const seedDir = join(import.meta.dirname, '../../data/articles');
const articles = join(dir, 'articles');
mkdirSync(articles);
for (const file of readdirSync(seedDir)) writeFileSync(join(articles, file), readFileSync(join(seedDir, file)));
// Real news beyond the seeds, and one file that is no text: it must stay a warning with the thread too.
readGnad().slice(0, 120).forEach((text, i) => writeFileSync(join(articles, `gnad-${i}.txt`), text));
writeFileSync(join(articles, 'binary.txt'), Buffer.from([0, 1, 2, 0, 255, 0]));

async function exported(engine: SqliteEngine): Promise<unknown[]> {
  const all: unknown[] = [];
  for await (const article of engine.exportArticles()) all.push(article);
  return all;
}

async function ingestInto(name: string, threadFromFiles: number) {
  const engine = await openEngine({ path: join(dir, `${name}.sqlite`) });
  const summary = await ingestPaths(engine, [articles], { threadFromFiles });
  const stored = await exported(engine);
  const claims = await engine.claims('Soldaten', { limit: 50 });
  await engine.close();
  return { summary, stored, claims };
}

describe('analysis thread', () => {
  it('stores exactly what the single-threaded ingest stores', async () => {
    const single = await ingestInto('single', Infinity);
    const threaded = await ingestInto('threaded', 1);
    expect(single.summary.results.filter((r) => r.status === 'added')).toHaveLength(125);
    expect(threaded.summary.results).toEqual(single.summary.results);
    expect(threaded.summary.warnings).toEqual(single.summary.warnings);
    expect(threaded.summary.warnings.map((w) => w.path)).toEqual([join(articles, 'binary.txt')]);
    expect(threaded.stored).toEqual(single.stored);
    expect(threaded.claims.items.length).toBeGreaterThan(0);
    expect(threaded.claims).toEqual(single.claims);
  }, 120_000);

  it('leaves the analysis to the main thread when the thread has stopped', async () => {
    const thread = new AnalysisThread();
    await thread.close();
    await expect(thread.analyse([])).rejects.toThrow(/analysis thread stopped/);

    const engine = await openEngine({ path: join(dir, 'stopped.sqlite') });
    const docs = readdirSync(seedDir).map((file) => ({ file, text: readFileSync(join(seedDir, file), 'utf8') }));
    const results: IngestResult[] = [];
    await ingestBatches(engine, [docs.slice(0, 3), docs.slice(3)], async (_docs, written) => void results.push(...(await written)), thread);
    expect(results.map((r) => [r.file, r.status])).toEqual(docs.map((d) => [d.file, 'added']));
    expect((await engine.articles()).length).toBe(docs.length);
    await engine.close();
  });

  it('rejects the batch of an article it cannot analyse, and goes on analysing', async () => {
    const thread = new AnalysisThread();
    await expect(thread.analyse([{ file: 'broken.txt', text: null as unknown as string }])).rejects.toThrow();
    const [article] = await thread.analyse([{ file: 'fine.txt', text: 'Titel\n\nLaut Newsweek sollen 3.000 Soldaten geflohen sein.' }]);
    expect(article!.claims[0]!.sources).toEqual(['Newsweek']);
    await thread.close();
  });
});
