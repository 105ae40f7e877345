/**
 * `npm start` as a process: one clear line for a bad configuration, local mode in the terminal,
 * and the production path (webhook against a local Bot API) stopping cleanly on SIGTERM.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, LocalBotApi } from '../../src/bot/local/emulator.ts';
import { botInfo, editor, privateOf } from '../helpers/botKit.ts';

const root = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'claimdesk-main-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The variables main reads, cleared, so the developer's own environment does not leak in. */
const CLEAN = Object.fromEntries(
  ['BOT_TOKEN', 'TELEGRAM_API_ROOT', 'DB_PATH', 'REDIS_URL', 'ALLOWED_CHAT_IDS', 'ALLOWED_USER_IDS', 'ADMIN_USER_IDS', 'WEBHOOK_URL', 'WEBHOOK_SECRET', 'PORT', 'LOG_LEVEL', 'INBOX_DIR', 'ARTICLES_DIR'].map((k) => [k, '']),
);

function start(env: Record<string, string>): { child: ChildProcessWithoutNullStreams; out: () => string; err: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env: { ...process.env, ...CLEAN, ...env } });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out: () => out, err: () => err, exit };
}

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('npm start', () => {
  it('stops a malformed configuration with one line and status 2', async () => {
    const run = start({ ALLOWED_USER_IDS: 'alice', DB_PATH: join(dir, 'never.sqlite') });
    expect(await run.exit).toBe(2);
    expect(run.err().trim()).toBe('config: ALLOWED_USER_IDS must be a comma-separated list of numeric user ids');
    expect(existsSync(join(dir, 'never.sqlite'))).toBe(false);
  });

  it('without BOT_TOKEN opens the terminal chat on the demo corpus, and exits 0 on SIGTERM', async () => {
    const db = join(dir, 'local', 'claimdesk.sqlite');
    const run = start({ DB_PATH: db });
    await until(() => run.out().includes('local mode'), 'the welcome');
    run.child.stdin.write('/claims kursk\n');
    await until(() => /Claims on “kursk” \(\d+\)/.test(run.out()), 'the answer');
    const stopped = Date.now();
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    expect(Date.now() - stopped).toBeLessThan(5000);
    expect(existsSync(join(dir, 'local', 'local.log'))).toBe(true);
    expect(existsSync(join(dir, 'local', 'claimdesk.sessions.sqlite'))).toBe(true);
  }, 60_000);

  it('with a token runs the webhook against a local Bot API, never logs the token, and stops on SIGTERM', async () => {
    const token = `${botInfo.id}:AAE_main-test-token-0123456789abcdef`;
    const emu = await LocalBotApi.start({ token, botInfo });
    const port = await freePort();
    const run = start({
      BOT_TOKEN: token,
      TELEGRAM_API_ROOT: emu.apiRoot,
      WEBHOOK_URL: `http://127.0.0.1:${port}/tg`,
      WEBHOOK_SECRET: 'main-test-secret',
      PORT: String(port),
      DB_PATH: join(dir, 'hook', 'claimdesk.sqlite'),
      ALLOWED_USER_IDS: String(editor.id),
      LOG_LEVEL: 'debug',
    });
    try {
      await until(() => run.out().includes('webhook set; listening'), 'the webhook');
      const since = emu.calls.length;
      await emu.sendMessage(editor, privateOf(editor), '/start');
      const reply = await emu.waitForCall((c) => c.method === 'sendMessage', { since, timeoutMs: 10_000 });
      expect(String(reply.payload.text)).toContain('claimdesk');
      run.child.kill('SIGTERM');
      expect(await run.exit).toBe(0);
      expect(run.out()).toContain('"msg":"stopped"');
      expect(run.out() + run.err()).not.toContain(token.split(':')[1]);
    } finally {
      run.child.kill('SIGKILL');
      await emu.stop();
    }
  }, 60_000);
});
