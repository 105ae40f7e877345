import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'bin/claimdesk.js');
const dir = mkdtempSync(join(tmpdir(), 'claimdesk-cli-'));
const db = join(dir, 'cli.sqlite');

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, DB_PATH: db } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  const inbox = join(dir, 'inbox');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(inbox, 'nested'), { recursive: true });
  writeFileSync(join(inbox, 'empty.txt'), '  \n');
  writeFileSync(join(inbox, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
  writeFileSync(
    join(inbox, 'nested', 'latin1.txt'),
    Buffer.from('Brücke über die Donau\n\nDer Bürgermeister eröffnete am Montag die neue Brücke über die Donau, teilte die Stadt mit.\n', 'latin1'),
  );
  const ingest = await cli('ingest', join(root, 'data/articles'), inbox, join(dir, 'missing.txt'), '--json');
  expect(ingest.code).toBe(0);
  const out = JSON.parse(ingest.stdout) as { articles: Array<{ file: string }>; warnings: Array<{ path: string; reason: string }> };
  expect(out.articles.map((a) => a.file)).toContain('latin1.txt');
  expect(out.warnings.map((w) => w.path.split('/').pop()).sort()).toEqual(['binary.txt', 'empty.txt', 'missing.txt']);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Every call starts a process that compiles the CLI; on a loaded two-core machine nine at once took over 30 s.
describe('claimdesk command line', { timeout: 120_000 }, () => {
  it('answers bad arguments with one line and exit 2', async () => {
    for (const args of [[], ['frobnicate'], ['claims'], ['claims', '   '], ['claims', 'kursk', '--limit', 'zero'], ['ingest'], ['claims', 'x', '--bogus']]) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^claimdesk: .+\n/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('answers hostile topics with JSON, never a stack trace', async () => {
    const topics = ['kursk"', 'NEAR(', 'OR', '-x', 'ü:', 'k'.repeat(5000), 'a\u0001b', '<script>alert(1)</script>', '🪖'];
    // A topic that starts with '-' comes after '--', as with any command line. The runs are independent readers, so they go at once.
    const runs = await Promise.all(topics.map((topic) => cli('claims', '--json', '--', topic)));
    runs.forEach((r, k) => {
      expect(r.code, topics[k]!.slice(0, 20)).toBe(0);
      expect(JSON.parse(r.stdout)).toHaveProperty('claims');
    });
  });

  it('prints readable text without --json', async () => {
    const r = await cli('claims', 'kursk', '--limit', '3');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Claims on "kursk" \(3 of \d+\):/);
    expect(r.stdout).toContain('[1] ');
    const s = await cli('sources', 'kursk');
    expect(s.stdout).toMatch(/^Sources on "kursk"/);
  });

  it('lists and exports articles', async () => {
    const list = JSON.parse((await cli('articles', '--json')).stdout) as { articles: unknown[] };
    expect(list.articles).toHaveLength(6);
    const lines = (await cli('export')).stdout.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(JSON.parse(lines[0]!)).toHaveProperty('claims');
  });
});
