import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const scorer = join(root, '../shared/eval/score.mjs');

describe.skipIf(!existsSync(scorer))('seed gold (../shared/eval/score.mjs)', () => {
  it('ends with 0 failed', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [scorer, '--quiet', '--cli', `${process.execPath} ${join(root, 'bin/claimdesk.js')}`], {
      cwd: root,
    }).catch((err: { stdout: string; stderr: string }) => ({ stdout: `${err.stdout}\n${err.stderr}` }));
    expect(stdout).toMatch(/score: \d+ passed, 0 failed/);
  }, 120_000);
});
