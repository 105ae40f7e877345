/**
 * Ingesting a folder again analyses only what is new or changed: a file stored before with the same
 * text gets its result from the store, on one thread and with the analysis thread alike.
 */
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.ts';
import { ingestPaths } from '../../src/ingest/files.ts';
import { openEngine } from '../../src/store/engine.ts';

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-unchanged-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const seedDir = join(import.meta.dirname, '../../data/articles');
const seeds = readdirSync(seedDir).sort();

/** The engine, counting the articles it analyses or indexes on this thread; `blind` makes it unable to say which are unchanged. */
function counting(engine: Engine, blind = false): { engine: Engine; analysed: string[] } {
  const analysed: string[] = [];
  const wrapped = new Proxy(engine, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (key === 'unchanged' && blind) return () => Promise.reject(new Error('database is locked'));
      if (key === 'prepare' || key === 'index')
        return (doc: { file: string }) => {
          analysed.push(doc.file);
          return value.call(target, doc);
        };
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { engine: wrapped, analysed };
}

describe.each([
  ['on one thread', Infinity],
  ['with the analysis thread', 1],
])('ingesting a folder again %s', (name, threadFromFiles) => {
  it('analyses only the new and the changed files, and reports the rest unchanged from the store', async () => {
    const folder = join(dir, name.replaceAll(' ', '-'));
    mkdirSync(folder);
    for (const file of seeds) writeFileSync(join(folder, file), readFileSync(join(seedDir, file)));
    const engine = await openEngine({ path: join(folder, '..', `${name.replaceAll(' ', '-')}.sqlite`) });
    const first = await ingestPaths(engine, [folder], { threadFromFiles });
    expect(first.results.map((r) => r.status)).toEqual(seeds.map(() => 'added'));

    appendFileSync(join(folder, seeds[0]!), '\n\nLaut Newsweek sollen weitere 3.000 Soldaten geflohen sein.\n');
    writeFileSync(join(folder, 'zz-neu.txt'), 'Neue Meldung\n\nDas Verteidigungsministerium teilte mit, die Brücke sei zerstört worden.\n');
    const { engine: watched, analysed } = counting(engine);
    const again = await ingestPaths(watched, [folder], { threadFromFiles });

    expect(again.results.map((r) => [r.file, r.status])).toEqual([[seeds[0], 'updated'], ...seeds.slice(1).map((f) => [f, 'unchanged']), ['zz-neu.txt', 'added']]);
    expect(analysed.sort()).toEqual([seeds[0], 'zz-neu.txt']);
    // What the store reports for an unchanged file is what its first ingest reported, and its claims are still there.
    for (const [k, result] of again.results.entries()) {
      if (result.status !== 'unchanged') continue;
      expect(result).toEqual({ ...first.results[k], status: 'unchanged', newClaims: [], corroborated: [] });
      expect((await engine.article(result.id))?.claims).toBe(result.claims);
      expect(result.claims).toBeGreaterThan(0);
    }
    expect(again.results.at(-1)!.claims).toBe(1);

    // When the store cannot say what it holds, every file is analysed, and its write still finds them unchanged.
    const { engine: blind, analysed: all } = counting(engine, true);
    const third = await ingestPaths(blind, [folder], { threadFromFiles });
    expect(third.results.map((r) => r.status)).toEqual([...seeds, 'zz-neu.txt'].map(() => 'unchanged'));
    expect(third.warnings).toEqual([]);
    expect(all).toHaveLength(seeds.length + 1);
    await engine.close();
  }, 60_000);
});
