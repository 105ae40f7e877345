/**
 * The crash test: alert delivery as a child process (src/alerts/workerMain.ts) against a local
 * Bot API over HTTP, killed with SIGKILL twice in the middle of a drain, each time while a message
 * is in flight (accepted by Telegram, the answer not yet read), then restarted. Every chat must
 * receive its alert; the only repeats allowed are the messages in flight at the kills.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertStoreFor } from '../../src/alerts/store.ts';
import type { SqliteEngine } from '../../src/store/engine.ts';
import { type Call, type Fault, FaultyBotApi } from '../helpers/faultyBotApi.ts';
import { KURSK_CLAIM, kurskArticle, openAlertEngine, tempDir } from './fixtures.ts';

const root = join(import.meta.dirname, '../..');
const CHATS = Array.from({ length: 120 }, (_, i) => 1000 + i);
/** Calls (counted from 0 over the whole test) during which the running worker is killed. */
const KILL_AT = [25, 70];

let tmp: ReturnType<typeof tempDir>;
let dbPath: string;
let engine: SqliteEngine;
let server: FaultyBotApi;
let child: ChildProcess | undefined;
const inFlightAtKill: number[] = [];

function startWorker(): { exited: Promise<NodeJS.Signals | number | null> } {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/alerts/workerMain.ts'], {
    cwd: root,
    env: { ...process.env, BOT_TOKEN: '123456:crash-test-token-aaaaaaaaaaaa', TELEGRAM_API_ROOT: server.url, DB_PATH: dbPath, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  child = proc;
  return { exited: new Promise((resolve) => proc.once('exit', (code, signal) => resolve(signal ?? code))) };
}

beforeAll(async () => {
  tmp = tempDir('crash');
  dbPath = join(tmp.dir, 'claimdesk.sqlite');
  engine = await openAlertEngine(dbPath);
  const store = alertStoreFor(engine);
  for (const chat of CHATS) await store.subscribe(chat, 'kursk', { digestAt: null, timeZone: null }, 'en');
  // The message in flight at a kill is accepted but answered late: the worker dies before it reads the answer.
  const faults = (call: Call): Fault | undefined => {
    if (!KILL_AT.includes(call.seq)) return undefined;
    inFlightAtKill.push(call.chatId);
    child?.kill('SIGKILL');
    return { kind: 'slow', ms: 2000 };
  };
  server = await new FaultyBotApi({ faults }).start();
});

afterAll(async () => {
  child?.kill('SIGKILL');
  await server?.stop();
  await engine?.close();
  tmp?.remove();
});

describe('delivery killed with SIGKILL mid-drain', () => {
  it('loses nothing and repeats nothing but the message in flight at each kill', async () => {
    await engine.ingest(kurskArticle('kursk.txt', 'watson'));
    const queued = await engine.reader.get<{ n: number }>(`SELECT count(*) AS n FROM alert_outbox WHERE state = 'pending'`);
    expect(queued!.n).toBe(CHATS.length);

    for (const killAt of KILL_AT) {
      const { exited } = startWorker();
      expect(await exited).toBe('SIGKILL');
      expect(server.delivered.length).toBe(killAt + 1);
    }
    const last = startWorker();
    // Drained once the worker has recorded its last send; then it is stopped as an operator would.
    let pending = CHATS.length;
    await server.until(() => {
      void engine.reader.get<{ n: number }>(`SELECT count(*) AS n FROM alert_outbox WHERE state = 'pending'`).then((r) => (pending = r!.n));
      return pending === 0;
    }, 20_000);
    child!.kill('SIGTERM');
    expect(await last.exited).toBe(0);

    const received = server.byChat();
    const repeated = CHATS.filter((c) => received.get(c)!.length > 1);
    expect(CHATS.filter((c) => !received.has(c))).toEqual([]);
    // The messages in flight were delivered but never recorded as sent: they go again, and only they.
    expect(inFlightAtKill).toHaveLength(KILL_AT.length);
    expect(repeated).toEqual([...new Set(inFlightAtKill)].sort((a, b) => a - b));
    expect(server.delivered).toHaveLength(CHATS.length + inFlightAtKill.length);
    for (const texts of received.values()) for (const text of texts) expect(text).toContain(KURSK_CLAIM);
    const states = await engine.reader.all<{ state: string; n: number }>('SELECT state, count(*) AS n FROM alert_outbox GROUP BY state');
    expect(states).toEqual([{ state: 'sent', n: CHATS.length }]);
  });
});
