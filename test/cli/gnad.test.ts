/**
 * Robustness on real news: every article of the 10kGNAD test split (1,028 DER STANDARD texts,
 * from ../shared, never shipped) written out as a text file and ingested by `claimdesk ingest`.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { readGnad } from '../../bench/corpus.ts';

const root = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'claimdesk-gnad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = async (...args: string[]) =>
  (await promisify(execFile)(process.execPath, [join(root, 'bin/claimdesk.js'), ...args, '--db', join(dir, 'gnad.sqlite')], { cwd: root, maxBuffer: 256 << 20 }))
    .stdout;

describe('10kGNAD test split', () => {
  it('ingests all 1,028 articles without an error, and no agency-text notice becomes a claim', async () => {
    const texts = readGnad();
    expect(texts).toHaveLength(1028);
    const folder = join(dir, 'articles');
    mkdirSync(folder);
    texts.forEach((text, i) => writeFileSync(join(folder, `gnad-${String(i).padStart(4, '0')}.txt`), text));

    const ingested = JSON.parse(await cli('ingest', folder, '--json')) as { articles: Array<{ claims: number }>; warnings: unknown[] };
    expect(ingested.warnings).toEqual([]);
    expect(ingested.articles).toHaveLength(1028);
    expect(ingested.articles.filter((a) => a.claims > 0).length).toBeGreaterThan(1000);

    const exported = (await cli('export'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { claims: Array<{ text: string }> });
    expect(exported).toHaveLength(1028);
    const claimTexts = exported.flatMap((a) => a.claims.map((c) => c.text));
    expect(claimTexts.filter((t) => /Volltext dieses auf Agenturmeldungen/.test(t))).toEqual([]);
  }, 180_000);
});
