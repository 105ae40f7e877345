/**
 * The delivery worker against a Bot API that misbehaves in every way Telegram can: every alert
 * reaches every live chat exactly once, and the ones that cannot be delivered end as dead letters.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Api } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deadLetters } from '../../src/alerts/outbox.ts';
import { CLAIMS_PER_MESSAGE } from '../../src/alerts/render.ts';
import { type AlertStore, alertStoreFor } from '../../src/alerts/store.ts';
import { localMinuteOfDay, quietUntil } from '../../src/alerts/time.ts';
import { type AlertWorker, createAlertWorker } from '../../src/alerts/worker.ts';
import type { SqliteEngine } from '../../src/store/engine.ts';
import { specValidator } from '../helpers/botKit.ts';
import { type Fault, FaultyBotApi } from '../helpers/faultyBotApi.ts';
import { KURSK_CLAIM, kurskArticle, openAlertEngine, quietLogger, tempDir } from './fixtures.ts';

const TOKEN = '123456:alerts-test-token-aaaaaaaaaaaa';
const instant = { digestAt: null, timeZone: null };
const seedDir = join(import.meta.dirname, '../../data/articles');

let tmp: ReturnType<typeof tempDir>;
let engine: SqliteEngine;
let store: AlertStore;
let server: FaultyBotApi;
const workers: AlertWorker[] = [];

function worker(faultyServer: FaultyBotApi, on: SqliteEngine = engine, options: { perSecond?: number } = {}): AlertWorker {
  const w = createAlertWorker({
    engine: on,
    api: new Api(TOKEN, { apiRoot: faultyServer.url }),
    logger: quietLogger,
    botUsername: 'test_bot',
    perSecond: options.perSecond ?? 200,
    pollMs: 50,
    retryBaseMs: 20,
    maxAttempts: 4,
    requestTimeoutMs: 5000,
  });
  workers.push(w);
  w.start();
  return w;
}

/** Alerts still waiting: those due by `by`, or all of them (retries included). */
const waiting = async (by = Infinity) =>
  (await engine.reader.get<{ n: number }>(`SELECT count(*) AS n FROM alert_outbox WHERE state = 'pending' AND due_at <= ?`, [Math.min(by, Number.MAX_SAFE_INTEGER)]))!.n;

/** Waits until `done` holds and no alert waits any more (or none is due, with `dueOnly`). */
async function settled(done: () => boolean, dueOnly = false): Promise<void> {
  let idle = false;
  await server.until(() => {
    void waiting(dueOnly ? Date.now() : Infinity).then((n) => (idle = n === 0));
    return idle && done();
  }, 20_000);
}

beforeEach(async () => {
  tmp = tempDir('delivery');
  engine = await openAlertEngine(join(tmp.dir, 'alerts.sqlite'), () => workers.forEach((w) => w.wake()));
  store = alertStoreFor(engine);
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  await server?.stop();
  await engine.close();
  tmp.remove();
});

describe('delivery through a faulty Bot API', () => {
  it('reaches every live chat exactly once despite 429s, 5xx, dropped connections and slow answers', async () => {
    const faults = (c: { chatId: number; attempt: number; seq: number }): Fault | undefined => {
      if (c.chatId === 3) return { kind: 'error', code: 403, description: 'Forbidden: bot was blocked by the user' };
      if (c.chatId === 13) return { kind: 'error', code: 400, description: "Bad Request: can't parse entities" };
      if (c.chatId === 15) return { kind: 'error', code: 502, description: 'Bad Gateway' };
      if (c.chatId === -1002) return { kind: 'error', code: 400, description: 'Bad Request: group chat was upgraded to a supergroup chat', migrateTo: -1001002 };
      if (c.chatId === 5 && c.attempt < 2) return { kind: 'error', code: 500, description: 'Internal Server Error' };
      if (c.chatId === 7 && c.attempt === 0) return { kind: 'error', code: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 };
      if (c.chatId === 9 && c.attempt === 0) return { kind: 'drop' };
      if (c.chatId === 11) return { kind: 'slow', ms: 300 };
      return c.seq % 7 === 3 ? { kind: 'drop' } : undefined;
    };
    server = await new FaultyBotApi({ faults }).start();
    const privateChats = Array.from({ length: 30 }, (_, i) => i + 1);
    const groups = [-1001, -1002, -1003, -1004, -1005];
    for (const chat of [...privateChats, ...groups]) await store.subscribe(chat, 'kursk', instant, chat < 0 ? 'de' : 'en');
    worker(server);

    await engine.ingest(kurskArticle('a.txt', 'watson'));
    const live = [...privateChats.filter((c) => ![3, 13, 15].includes(c)), ...groups.map((g) => (g === -1002 ? -1001002 : g))];
    await settled(() => live.every((c) => server.byChat().has(c)));

    const received = server.byChat();
    for (const chat of live) {
      expect(received.get(chat), `chat ${chat}`).toHaveLength(1);
      expect(received.get(chat)![0]).toContain(KURSK_CLAIM);
    }
    expect(received.get(1)![0]).toContain('New claim');
    expect(received.get(-1001)![0]).toContain('Neue Aussage');
    expect([3, 13, 15, -1002].filter((c) => received.has(c))).toEqual([]);
    expect(server.delivered.flatMap((d) => specValidator().validate('sendMessage', d.payload))).toEqual([]);

    const dead = new Map((await deadLetters(engine.reader, 10)).map((d) => [d.chat_id, d]));
    expect([...dead.keys()].sort((a, b) => a - b)).toEqual([3, 13, 15]);
    expect(dead.get(3)!.error).toMatch(/^403: Forbidden/);
    expect(dead.get(13)!.error).toMatch(/^400: Bad Request/);
    expect(dead.get(15)).toMatchObject({ error: '502: Bad Gateway', attempts: 4 });
    expect((await store.chat(3))!.pausedReason).toMatch(/^403/);
    expect(await store.chat(-1002)).toBeNull();
    expect((await store.chat(-1001002))!.subscriptions.map((s) => s.topic)).toEqual(['kursk']);

    // Another outlet reports the claim: one follow-up to each chat that was sent it, then nothing more.
    await engine.ingest(kurskArticle('b.txt', 't-online'));
    await settled(() => live.every((c) => server.byChat().get(c)?.length === 2));
    for (const chat of live) expect(server.byChat().get(chat)![1], `chat ${chat}`).toMatch(/Also reported by <b>t-online<\/b>|Auch berichtet von <b>t-online<\/b>/);
    await engine.ingest(kurskArticle('c.txt', 'DER SPIEGEL'));
    expect(await waiting()).toBe(0);
    expect([3, 13, 15].filter((c) => server.byChat().has(c))).toEqual([]);
  });

  it('lets only the lease holder send: a second worker on the database takes over when the first stops', async () => {
    server = await new FaultyBotApi().start();
    const chats = Array.from({ length: 40 }, (_, i) => 100 + i);
    for (const chat of chats) await store.subscribe(chat, 'kursk', instant, 'en');
    const second = await openAlertEngine(join(tmp.dir, 'alerts.sqlite'));
    try {
      const first = worker(server, engine, { perSecond: 40 });
      await engine.ingest(kurskArticle('a.txt', 'watson'));
      await server.until(() => server.delivered.length >= 10, 10_000);
      const other = worker(server, second, { perSecond: 40 });
      await server.until(() => server.delivered.length >= 20, 10_000);
      await first.stop();
      await settled(() => server.byChat().size === chats.length);
      await other.stop();
      expect(chats.map((c) => server.byChat().get(c)?.length)).toEqual(chats.map(() => 1));
      expect(server.delivered).toHaveLength(chats.length);
    } finally {
      await second.close();
    }
  });

  it('sends what waits for a chat as one message, holds it in quiet hours and keeps digests for their hour', async () => {
    server = await new FaultyBotApi().start();
    await store.subscribe(50, 'desertion', instant, 'en');
    const now = Date.now();
    const minute = localMinuteOfDay(now, 'Europe/Berlin');
    const quiet = { from: (minute + 1380) % 1440, until: (minute + 60) % 1440 };
    await store.subscribe(51, 'desertion', instant, 'en');
    await store.setQuiet(51, quiet, null, 'en');
    await store.subscribe(52, 'desertion', { digestAt: (minute + 720) % 1440, timeZone: null }, 'en');
    for (const file of readdirSync(seedDir)) await engine.ingest({ file, text: readFileSync(join(seedDir, file), 'utf8') });
    const claims = (await engine.claims('desertion', { limit: 200 })).total;
    expect(claims).toBeGreaterThan(2);
    // Each ingest's alerts wait out the batching window; on a slow machine the first are due before the last arrive.
    const lastDue = await engine.reader.get<{ due: number }>(`SELECT max(due_at) AS due FROM alert_outbox WHERE chat_id = 50`);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, lastDue!.due - Date.now())));

    worker(server);
    await settled(() => server.byChat().has(50), true);
    // Up to CLAIMS_PER_MESSAGE claims travel together; more wait for the chat's next message.
    const messages = server.byChat().get(50)!;
    expect(messages).toHaveLength(Math.ceil(claims / CLAIMS_PER_MESSAGE));
    expect(messages[0]).toContain(`${Math.min(claims, CLAIMS_PER_MESSAGE)} new claims`);
    expect(messages.every((m) => m.length <= 4096)).toBe(true);
    expect(specValidator().validate('sendMessage', server.delivered[0]!.payload)).toEqual([]);

    const held = await engine.reader.all<{ chat_id: number; due_at: number; [k: string]: unknown }>(`SELECT chat_id, due_at FROM alert_outbox WHERE state = 'pending' ORDER BY chat_id`);
    expect(new Set(held.map((r) => r.chat_id))).toEqual(new Set([51, 52]));
    const quietEnd = quietUntil(Date.now(), quiet, 'Europe/Berlin');
    expect(held.filter((r) => r.chat_id === 51).every((r) => r.due_at === quietEnd)).toBe(true);
    expect(server.byChat().has(51) || server.byChat().has(52)).toBe(false);

    // The digest hour comes.
    await engine.writer.transaction(() => engine.writer.run('UPDATE alert_outbox SET due_at = ? WHERE chat_id = 52', [Date.now()]));
    workers[0]!.wake();
    await settled(() => server.byChat().has(52), true);
    expect(server.byChat().get(52)).toHaveLength(Math.ceil(claims / CLAIMS_PER_MESSAGE));
    expect(server.byChat().get(52)![0]).toContain(`Daily digest</b>: ${Math.min(claims, CLAIMS_PER_MESSAGE)} new claims`);
  });
});
