import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultAnalyzer } from '../../src/core/search/analyze.ts';
import { openEngine, type SqliteEngine } from '../../src/store/engine.ts';

const seedDir = join(import.meta.dirname, '../../data/articles');
const seeds = readdirSync(seedDir).map((file) => ({ file, text: readFileSync(join(seedDir, file), 'utf8') }));

let dir: string;
let engine: SqliteEngine;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-store-'));
  engine = await openEngine({ path: join(dir, 'test.sqlite') });
});
afterEach(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

const counts = async () =>
  engine.reader.get<{ articles: number; claims: number; citations: number; fts: number }>(
    `SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM claims) AS claims,
            (SELECT count(*) FROM citations) AS citations, (SELECT count(*) FROM claim_fts) AS fts`,
  );

describe('ingest', () => {
  it('is idempotent: the same file again changes nothing', async () => {
    for (const s of seeds) expect((await engine.ingest(s)).status).toBe('added');
    const before = await counts();
    expect(before!.claims).toBeGreaterThan(20);
    for (const s of seeds) {
      const again = await engine.ingest(s);
      expect(again.status).toBe('unchanged');
      expect(again.newClaims).toEqual([]);
    }
    expect(await counts()).toEqual(before);
  });

  it('replaces the claims of a changed file and drops claims nobody cites any more', async () => {
    const seed = seeds[0]!;
    await engine.ingest(seed);
    const changed = await engine.ingest({
      file: seed.file,
      text: `${seed.text}\n\nDas Verteidigungsministerium in Seoul meldete am Abend 42 neue Fälle, sagte ein Sprecher.\n`,
    });
    expect(changed.status).toBe('updated');
    expect(changed.newClaims).toHaveLength(1);
    const shrunk = await engine.ingest({ file: seed.file, text: 'Kurz\n\nDer Bürgermeister von Wien eröffnete am Montag eine neue Brücke über die Donau, teilte die Stadt mit.' });
    expect(shrunk.status).toBe('updated');
    const c = await counts();
    expect(c!.articles).toBe(1);
    expect(c!.claims).toBe(shrunk.claims);
    expect(c!.citations).toBe(shrunk.claims);
    expect(c!.fts).toBe(shrunk.claims);
  });

  it('keeps one claim with two citations when two articles carry the same sentence', async () => {
    const sentence = 'Nach Angaben der Polizei wurden bei dem Unfall auf der Autobahn bei Linz am Sonntag drei Menschen schwer verletzt.';
    const first = await engine.ingest({ file: 'a.txt', text: `Unfall bei Linz\n\n${sentence}` });
    const second = await engine.ingest({ file: 'b.txt', text: `Schwerer Unfall\n\n${sentence} Die Strecke war stundenlang gesperrt.` });
    expect(first.newClaims).toHaveLength(1);
    expect(second.corroborated).toEqual(first.newClaims);
    const claim = await engine.claim(first.newClaims[0]!);
    expect(claim!.citations.map((c) => c.file).sort()).toEqual(['a.txt', 'b.txt']);
  });

  it('analyses index terms only for claims it stores new, not for claims it already holds', async () => {
    const analyzer = defaultAnalyzer();
    const indexed: string[] = [];
    const counting = new Proxy(analyzer, {
      get: (target, key) =>
        key === 'indexTerms'
          ? (text: string) => {
              indexed.push(text);
              return target.indexTerms(text);
            }
          : Reflect.get(target, key, target),
    });
    const watched = await openEngine({ path: join(dir, 'watched.sqlite'), analyzer: counting });
    const seed = seeds[0]!;
    const first = await watched.ingest(seed);
    expect(indexed).toHaveLength(first.newClaims.length);
    // The same agency text under another outlet's file name: every claim is already stored.
    indexed.length = 0;
    const copy = await watched.ingest({ file: `copy-${seed.file}`, text: seed.text });
    expect(copy.newClaims).toEqual([]);
    expect(copy.corroborated).toHaveLength(first.newClaims.length);
    expect(indexed).toEqual([]);
    // Each claim is still found, once, with both citations.
    const found = await watched.claim(first.newClaims[0]!);
    expect(found!.citations.map((c) => c.file).sort()).toEqual([`copy-${seed.file}`, seed.file].sort());
    await watched.close();
  });

  it('writes nothing of an article whose transaction fails', async () => {
    const failing = await openEngine({
      path: join(dir, 'test.sqlite'),
      onIngest: async () => {
        throw new Error('disk full');
      },
    });
    await expect(failing.ingest(seeds[0]!)).rejects.toThrow('disk full');
    await failing.close();
    expect(await counts()).toEqual({ articles: 0, claims: 0, citations: 0, fts: 0 });
  });
});

describe('queries', () => {
  beforeEach(async () => {
    for (const s of seeds) await engine.ingest(s);
  });

  it('answers hostile topics without throwing', async () => {
    for (const topic of ['kursk"', 'NEAR(', 'OR', '-x', 'ü:', 'x'.repeat(5000), '\u0000\u0007', '<b>kursk</b>', '🪖🇰🇵', '   ', '*', 'a AND', '"""', "'; DROP TABLE claims; --"]) {
      await expect(engine.claims(topic)).resolves.toBeDefined();
      await expect(engine.sources(topic)).resolves.toBeDefined();
    }
    expect((await engine.claims('<b>kursk</b>')).total).toBeGreaterThan(0);
  });

  it('ranks attributed claims before unattributed ones of equal relevance and pages consistently', async () => {
    const all = await engine.claims('kursk', { limit: 200 });
    expect(all.total).toBe(all.items.length);
    const paged = [...(await engine.claims('kursk', { limit: 3 })).items, ...(await engine.claims('kursk', { limit: 3, offset: 3 })).items];
    expect(paged.map((c) => c.id)).toEqual(all.items.slice(0, 6).map((c) => c.id));
    for (const claim of all.items) for (const c of claim.citations) expect(c.paragraph).toBeGreaterThan(0);
  });

  it("ranks claims with the topic's own word before those only a dictionary sense of it finds", async () => {
    await engine.ingest({
      file: 'stimmung.txt',
      text: [
        'Stimmung im Werk',
        'Die Stimmung unter den Arbeitern sei schlecht, sagte der Betriebsrat am Montag.',
        'Die Stimmung habe sich seit dem Frühjahr deutlich verschlechtert, teilte die Gewerkschaft mit.',
        'Das Klima in der Region habe sich in zehn Jahren um zwei Grad erwärmt, sagte eine Forscherin.',
      ].join('\n\n'),
    });
    const { items, total } = await engine.claims('Klima', { limit: 10 });
    expect(total).toBe(3);
    expect(items[0]!.text).toMatch(/^Das Klima/);
    expect(items.slice(1).every((c) => c.text.startsWith('Die Stimmung'))).toBe(true);
    expect((await engine.claims('Klima', { limit: 1, offset: 1 })).items[0]!.id).toBe(items[1]!.id);
    const { items: sources } = await engine.sources('Klima');
    expect(sources[0]!.name).toMatch(/Forscherin/);
  });

  it('counts for each source the claims it backs on the topic', async () => {
    const { items } = await engine.sources('kursk');
    expect(items.length).toBeGreaterThan(0);
    for (const s of items) {
      expect(s.claims).toBeGreaterThan(0);
      expect(s.citations.length).toBeGreaterThan(0);
    }
  });

  it('lists articles and exports every claim with its paragraph', async () => {
    const list = await engine.articles();
    expect(list.map((a) => a.file)).toEqual(seeds.map((s) => s.file).sort());
    const exported = [];
    for await (const a of engine.exportArticles(2)) exported.push(a);
    expect(exported).toHaveLength(5);
    expect(exported.reduce((n, a) => n + a.claims.length, 0)).toBe(list.reduce((n, a) => n + a.claims, 0));
  });
});
