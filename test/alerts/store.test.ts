import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markSent, migrateChat } from '../../src/alerts/outbox.ts';
import { type AlertStore, alertStoreFor, MAX_SUBSCRIPTIONS } from '../../src/alerts/store.ts';
import { nextLocalTime } from '../../src/alerts/time.ts';
import type { SqliteEngine } from '../../src/store/engine.ts';
import { kurskArticle, openAlertEngine, tempDir } from './fixtures.ts';

let tmp: ReturnType<typeof tempDir>;
let engine: SqliteEngine;
let store: AlertStore;
const instant = { digestAt: null, timeZone: null };

beforeEach(async () => {
  tmp = tempDir('store');
  engine = await openAlertEngine(join(tmp.dir, 'alerts.sqlite'));
  store = alertStoreFor(engine);
});
afterEach(async () => {
  await engine.close();
  tmp.remove();
});

const outbox = () => engine.reader.all<{ id: number; chat_id: number; state: string; digest: number; due_at: number; [k: string]: unknown }>('SELECT * FROM alert_outbox ORDER BY id');

describe('subscriptions', () => {
  it('treats two spellings of one search as one subscription, and a new schedule as a change', async () => {
    expect((await store.subscribe(1, 'Kursk', instant, 'en')).status).toBe('added');
    expect((await store.subscribe(1, 'kursk ', instant, 'en')).status).toBe('unchanged');
    expect((await store.subscribe(1, 'KURSK', { digestAt: 7 * 60, timeZone: 'Europe/London' }, 'en')).status).toBe('updated');
    expect(await store.chat(1)).toEqual({
      timeZone: 'Europe/London',
      quiet: null,
      pausedReason: null,
      subscriptions: [{ id: expect.any(Number), topic: 'Kursk', digestAt: 7 * 60 }],
    });
  });

  it(`stops at ${MAX_SUBSCRIPTIONS} topics per chat and refuses a topic with nothing to search`, async () => {
    const topics = ['Kursk', 'Kiew', 'Moskau', 'Pjöngjang', 'Seoul', 'Selenskyj', 'Putin', 'Kim', 'Desertion', 'Grenze', 'Armee', 'Raketen', 'Drohnen', 'Wahl', 'Polizei', 'Gericht', 'Steuer', 'Klima', 'Bank', 'Euro'];
    for (const t of topics) expect((await store.subscribe(7, t, instant, 'en')).status, t).toBe('added');
    expect((await store.subscribe(7, 'Trump', instant, 'en')).status).toBe('limit');
    expect((await store.subscribe(8, 'Trump', instant, 'en')).status).toBe('added');
    expect((await store.subscribe(8, 'und die der', instant, 'en')).status).toBe('empty');
    expect((await store.unsubscribe(7, 'all')).length).toBe(MAX_SUBSCRIPTIONS);
    expect((await store.chat(7))!.subscriptions).toEqual([]);
  });

  it('drops what has not gone out for a removed topic but keeps the ledger, so nothing is alerted twice', async () => {
    await store.subscribe(1, 'kursk', instant, 'en');
    await store.subscribe(2, 'kursk', instant, 'en');
    const article = kurskArticle('a.txt', 'watson');
    await engine.ingest(article);
    const [toOne, toTwo] = await outbox();
    await markSent(engine.writer, [toOne!.id], Date.now());
    expect(toTwo).toBeDefined();
    expect(await store.unsubscribe(1, 'Kursk')).toEqual(['kursk']);
    expect(await store.unsubscribe(2, 'kursk')).toEqual(['kursk']);
    expect(await store.unsubscribe(2, 'kursk')).toEqual([]);
    expect((await outbox()).map((r) => [r.id, r.state])).toEqual([[toOne!.id, 'sent']]);

    // The claim leaves the corpus with an edit of its article and comes back in another one: new
    // to the engine again, but chat 1 was already sent it; chat 2's alert never went, so it is queued.
    await store.subscribe(1, 'kursk', instant, 'en');
    await store.subscribe(2, 'kursk', instant, 'en');
    await engine.ingest({ file: article.file, text: 'Korrektur\n\nDie Stadtverwaltung teilte am Montag mit, die Brücke über die Donau bleibe gesperrt.\n' });
    expect((await engine.ingest(kurskArticle('b.txt', 't-online'))).newClaims).toHaveLength(1);
    expect((await outbox()).map((r) => [r.chat_id, r.state])).toEqual([
      [1, 'sent'],
      [2, 'pending'],
    ]);
  });

  it('moves waiting alerts when the schedule, quiet hours or time zone change', async () => {
    await store.subscribe(1, 'kursk', { digestAt: 8 * 60, timeZone: null }, 'en');
    await engine.ingest(kurskArticle('a.txt', 'watson'));
    const [row] = await outbox();
    expect(row!.due_at).toBe(nextLocalTime(row!.created_at as number, 8 * 60, 'Europe/Berlin'));

    const now = Date.now();
    await store.subscribe(1, 'kursk', { digestAt: 18 * 60, timeZone: 'Asia/Tokyo' }, 'en', now);
    expect((await outbox())[0]!.due_at).toBe(nextLocalTime(now, 18 * 60, 'Asia/Tokyo'));

    await store.subscribe(1, 'kursk', instant, 'en', now + 1);
    expect((await outbox())[0]).toMatchObject({ digest: 0, due_at: now + 1 });
    await store.setQuiet(1, { from: 22 * 60, until: 7 * 60 }, 'America/New_York', 'en', now + 2);
    expect(await store.chat(1)).toMatchObject({ timeZone: 'America/New_York', quiet: { from: 22 * 60, until: 7 * 60 } });
  });

  it('follows a group that became a supergroup: settings, topics and waiting alerts', async () => {
    await store.subscribe(-100, 'kursk', instant, 'de');
    await store.setQuiet(-100, { from: 23 * 60, until: 6 * 60 }, null, 'de');
    await engine.ingest(kurskArticle('a.txt', 'watson'));
    await migrateChat(engine.writer, -100, -1000100);
    expect(await store.chat(-100)).toBeNull();
    expect(await store.chat(-1000100)).toMatchObject({ quiet: { from: 23 * 60, until: 6 * 60 }, subscriptions: [{ topic: 'kursk' }] });
    expect((await outbox()).map((r) => r.chat_id)).toEqual([-1000100]);
  });
});
