/**
 * Kept answers: repeated questions are answered from memory until the corpus changes, whoever
 * changed it, and every caller gets an answer of its own. Questions asked once are not kept.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnswerCache } from '../../src/store/answerCache.ts';
import { openEngine, type SqliteEngine } from '../../src/store/engine.ts';

const article = (file: string, sentence: string) => ({ file, text: `Titel ${file}\n\n${sentence}\n` });

describe('AnswerCache', () => {
  it('keeps an answer from its second asking on, until the version changes', async () => {
    let version = 'a';
    let computed = 0;
    const cache = new AnswerCache(async () => version, 10);
    const compute = async () => ({ n: ++computed });
    expect(await cache.getJson('k', compute)).toEqual({ n: 1 });
    expect(await cache.getJson('k', compute)).toEqual({ n: 2 });
    expect(await cache.getJson('k', compute)).toEqual({ n: 2 });
    version = 'b';
    expect(await cache.getJson('k', compute)).toEqual({ n: 3 });
    expect(await cache.getJson('k', compute)).toEqual({ n: 4 });
    expect(await cache.getJson('k', compute)).toEqual({ n: 4 });
  });

  it('keeps nothing asked only once, and lets no such key push a kept answer out', async () => {
    let computed = 0;
    const cache = new AnswerCache(async () => 'v', 2);
    const compute = async () => ++computed;
    await cache.getJson('twice', compute);
    expect(await cache.getJson('twice', compute)).toBe(2);
    for (let i = 0; i < 50; i++) await cache.getJson(`once-${i}`, compute);
    expect(computed).toBe(52);
    expect(await cache.getJson('twice', compute)).toBe(2);
    expect(await cache.getJson('once-49', compute)).toBe(53);
    expect(await cache.getJson('once-49', compute)).toBe(53);
  });

  it('shares one computation between concurrent askers and keeps no failure', async () => {
    let calls = 0;
    const cache = new AnswerCache(async () => 'v', 10);
    const slow = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 5));
      return [calls];
    };
    await Promise.all([cache.getJson('k', slow), cache.getJson('k', slow), cache.getJson('k', slow)]);
    expect(calls).toBe(1);
    await expect(cache.getJson('bad', async () => Promise.reject(new Error('disk')))).rejects.toThrow('disk');
    expect(await cache.getJson('bad', async () => 'recovered')).toBe('recovered');
  });

  it('forgets the least recently used answer beyond its capacity', async () => {
    let computed = 0;
    const cache = new AnswerCache(async () => 'v', 2);
    const compute = async () => ++computed;
    const twice = async (key: string) => {
      await cache.getJson(key, compute);
      return cache.getJson(key, compute);
    };
    expect(await twice('a')).toBe(2);
    expect(await twice('b')).toBe(4);
    await cache.getJson('a', compute);
    expect(await twice('c')).toBe(6);
    expect(await cache.getJson('a', compute)).toBe(2);
    expect(await cache.getJson('b', compute)).toBe(7);
  });

  it('keeps the text a query gave and decodes each caller\'s copy from it', async () => {
    let computed = 0;
    const cache = new AnswerCache(async () => 'v', 4);
    const compute = async () => `[${++computed},"Newsweek"]`;
    const decode = (text: string) => JSON.parse(text) as [number, string];
    await cache.get('k', compute, decode);
    const kept = await cache.get('k', compute, decode);
    kept[1] = 'changed';
    expect(await cache.get('k', compute, decode)).toEqual([2, 'Newsweek']);
    expect(computed).toBe(2);
  });

  it('keeping nothing reads no version and computes every time', async () => {
    let reads = 0;
    let computed = 0;
    const cache = new AnswerCache(async () => String(++reads), 0);
    await cache.getJson('k', async () => ++computed);
    await cache.getJson('k', async () => ++computed);
    expect([reads, computed]).toEqual([0, 2]);
  });

  it('gives each caller its own copy, so one caller cannot change what another sees', async () => {
    const cache = new AnswerCache(async () => 'v', 2);
    const compute = async () => ({ items: [{ sources: ['Newsweek'], hedged: false, published: null as string | null }] });
    const first = await cache.getJson('k', compute);
    first.items[0]!.sources.push('Suspilne');
    const [second, third] = await Promise.all([cache.getJson('k', compute), cache.getJson('k', compute)]);
    expect(second).toEqual({ items: [{ sources: ['Newsweek'], hedged: false, published: null }] });
    second.items[0]!.sources.length = 0;
    expect(third.items[0]!.sources).toEqual(['Newsweek']);
  });
});

describe('the engine keeps answers until the corpus changes', () => {
  let dir: string;
  let engine: SqliteEngine;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimdesk-cache-'));
    engine = await openEngine({ path: join(dir, 'corpus.sqlite') });
  });
  afterEach(async () => {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sees its own ingest', async () => {
    await engine.ingest(article('a.txt', 'Laut dem Gouverneur wurden in Kursk zwei Dörfer zurückerobert.'));
    expect((await engine.claims('Kursk')).total).toBe(1);
    expect((await engine.sources('Kursk')).items.map((s) => s.name)).toEqual(['Gouverneur']);
    await engine.ingest(article('b.txt', 'Nach Angaben der Armee wurden in Kursk 300 Soldaten verlegt.'));
    expect((await engine.claims('Kursk')).total).toBe(2);
    expect((await engine.sources('Kursk')).total).toBe(2);
  });

  it('sees an ingest by another process on the same database', async () => {
    await engine.ingest(article('a.txt', 'Laut dem Gouverneur wurden in Kursk zwei Dörfer zurückerobert.'));
    expect((await engine.claims('Kursk')).total).toBe(1);
    const other = await openEngine({ path: join(dir, 'corpus.sqlite') });
    try {
      await other.ingest(article('b.txt', 'Nach Angaben der Armee wurden in Kursk 300 Soldaten verlegt.'));
    } finally {
      await other.close();
    }
    expect((await engine.claims('Kursk')).total).toBe(2);
    expect((await engine.latestClaims()).total).toBe(2);
  });

  it('sees an ingest into an in-memory database', async () => {
    const memory = await openEngine({ path: ':memory:' });
    try {
      await memory.ingest(article('a.txt', 'Laut dem Gouverneur wurden in Kursk zwei Dörfer zurückerobert.'));
      expect((await memory.claims('kursk')).total).toBe(1);
      await memory.ingest(article('b.txt', 'Nach Angaben der Armee wurden in Kursk 300 Soldaten verlegt.'));
      expect((await memory.claims('kursk')).total).toBe(2);
    } finally {
      await memory.close();
    }
  });
});
