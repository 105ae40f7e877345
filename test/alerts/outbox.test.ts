import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertIngestHook } from '../../src/alerts/match.ts';
import { markSent, pauseChat } from '../../src/alerts/outbox.ts';
import { alertMigrations } from '../../src/alerts/schema.ts';
import { type AlertStore, alertStoreFor } from '../../src/alerts/store.ts';
import { nextLocalTime } from '../../src/alerts/time.ts';
import { openEngine, type SqliteEngine } from '../../src/store/engine.ts';
import { GERMAN_DESERTION_ARTICLE, KURSK_CLAIM, kurskArticle, openAlertEngine, tempDir } from './fixtures.ts';

const seedDir = join(import.meta.dirname, '../../data/articles');
const seeds = readdirSync(seedDir).map((file) => ({ file, text: readFileSync(join(seedDir, file), 'utf8') }));

interface Row {
  id: number;
  chat_id: number;
  claim_id: string;
  kind: string;
  topics: string;
  outlet: string | null;
  digest: number;
  state: string;
  created_at: number;
  due_at: number;
  [key: string]: unknown;
}

let tmp: ReturnType<typeof tempDir>;
let engine: SqliteEngine;
let store: AlertStore;
let queued: number;
const instant = { digestAt: null, timeZone: null };

beforeEach(async () => {
  tmp = tempDir('outbox');
  queued = 0;
  engine = await openAlertEngine(join(tmp.dir, 'alerts.sqlite'), () => queued++);
  store = alertStoreFor(engine);
});
afterEach(async () => {
  await engine.close();
  tmp.remove();
});

const rows = (where = '1') => engine.reader.all<Row>(`SELECT * FROM alert_outbox WHERE ${where} ORDER BY id`);
const claimIds = async (topic: string) => new Set((await engine.claims(topic, { limit: 200 })).items.map((c) => c.id));

describe('queueing alerts at ingest', () => {
  it('queues for each chat exactly the new claims /claims finds on its topics, across languages', async () => {
    await store.subscribe(1, 'desertion', instant, 'en');
    await store.subscribe(2, 'Kursk', { digestAt: 8 * 60, timeZone: null }, 'de');
    await store.subscribe(3, 'Selensky', instant, 'en');
    for (const s of seeds) await engine.ingest(s);

    for (const [chat, topic] of [[1, 'desertion'], [2, 'Kursk'], [3, 'Selensky']] as const) {
      const expected = await claimIds(topic);
      expect(expected.size, topic).toBeGreaterThan(0);
      expect(new Set((await rows(`chat_id = ${chat}`)).map((r) => r.claim_id)), topic).toEqual(expected);
    }
    // The English topic is alerted by German text: Fahnenflucht, Deserteure, desertiert.
    const german = await engine.claimsById([...(await claimIds('desertion'))]);
    expect(german.some((c) => /Fahnenflucht|Deserteur|desertier|geflohen/.test(c.text))).toBe(true);
    expect(queued).toBeGreaterThan(0);

    const daily = await rows('chat_id = 2');
    expect(daily.every((r) => r.digest === 1 && r.due_at === nextLocalTime(r.created_at, 8 * 60, 'Europe/Berlin'))).toBe(true);
    const prompt = await rows('chat_id = 1');
    expect(prompt.every((r) => r.digest === 0 && r.due_at > r.created_at && r.due_at - r.created_at <= 5000)).toBe(true);
  });

  it('queues nothing when an unchanged article is ingested again', async () => {
    await store.subscribe(1, 'desertion', instant, 'en');
    for (const s of seeds) await engine.ingest(s);
    const before = await rows();
    queued = 0;
    for (const s of seeds) expect((await engine.ingest(s)).status).toBe('unchanged');
    expect(await rows()).toEqual(before);
    expect(queued).toBe(0);
  });

  it('sends one alert per chat and claim, listing every topic of the chat it matched; the instant one decides', async () => {
    await store.subscribe(1, 'kursk', { digestAt: 9 * 60, timeZone: null }, 'en');
    await store.subscribe(1, 'desertion', instant, 'en');
    await engine.ingest(kurskArticle('a.txt', 'watson'));
    const [row, ...rest] = await rows();
    expect(rest).toEqual([]);
    expect(JSON.parse(row!.topics)).toEqual(['kursk', 'desertion']);
    expect(row!.digest).toBe(0);
  });

  it('a known claim from a new outlet: one follow-up, only for chats already sent the claim', async () => {
    await store.subscribe(1, 'kursk', instant, 'en');
    await store.subscribe(2, 'kursk', instant, 'en');
    const first = await engine.ingest(kurskArticle('a.txt', 'watson'));
    expect(first.newClaims).toHaveLength(1);
    const sentToOne = (await rows('chat_id = 1'))[0]!;
    await markSent(engine.writer, [sentToOne.id], Date.now());

    // Chat 2's alert has not gone out yet: it will show the new citation itself.
    expect((await engine.ingest(kurskArticle('b.txt', 't-online'))).corroborated).toEqual(first.newClaims);
    const followups = await rows(`kind = 'followup'`);
    expect(followups.map((r) => [r.chat_id, r.claim_id, r.outlet])).toEqual([[1, first.newClaims[0], 't-online']]);

    // A third outlet, and the first one again: no second follow-up.
    await engine.ingest(kurskArticle('c.txt', 'DER SPIEGEL'));
    await engine.ingest(kurskArticle('d.txt', 'watson'));
    expect(await rows(`kind = 'followup'`)).toHaveLength(1);
    expect(await rows(`kind = 'claim'`)).toHaveLength(2);
  });

  it('queues nothing for a chat Telegram refused until it comes back', async () => {
    await store.subscribe(1, 'kursk', instant, 'en');
    await pauseChat(engine.writer, 1, '403: Forbidden: bot was blocked by the user', Date.now());
    await engine.ingest(kurskArticle('a.txt', 'watson'));
    expect(await rows()).toEqual([]);
    expect(await store.touch(1, 'en')).toBe(true);
    await engine.ingest(GERMAN_DESERTION_ARTICLE);
    await engine.ingest({ file: 'kursk2.txt', text: `Kursk\n\nDie Armee meldete am Freitag, in Kursk sei eine Brücke über den Fluss Sejm zerstört worden.\n` });
    expect((await rows()).map((r) => r.chat_id)).toEqual([1]);
  });

  it('writes its rows in the ingest transaction: when the ingest fails, neither claims nor alerts remain', async () => {
    await store.subscribe(1, 'kursk', instant, 'en');
    const hook = alertIngestHook();
    const failing = await openEngine({
      path: join(tmp.dir, 'alerts.sqlite'),
      migrations: alertMigrations,
      onIngest: async (db, result, article) => {
        await hook(db, result, article);
        expect(await db.get<{ n: number }>('SELECT count(*) AS n FROM alert_outbox')).toEqual({ n: 1 });
        throw new Error('disk full');
      },
    });
    await expect(failing.ingest(kurskArticle('a.txt', 'watson'))).rejects.toThrow('disk full');
    await failing.close();
    expect(await rows()).toEqual([]);
    expect((await engine.claims('kursk')).total).toBe(0);
    await engine.ingest(kurskArticle('a.txt', 'watson'));
    expect((await rows()).map((r) => r.claim_id)).toHaveLength(1);
    expect((await engine.claimsById([(await rows())[0]!.claim_id]))[0]!.text).toBe(KURSK_CLAIM);
  });
});
