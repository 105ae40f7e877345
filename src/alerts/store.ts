/**
 * Subscriptions and each chat's alert settings. A subscription keeps its topic's query plan, and
 * the terms of one of the plan's groups in `alert_terms`: every matching claim must contain one of
 * them, so an ingest finds its candidate subscriptions by index.
 */
import { SqliteEngine } from '../store/engine.ts';
import type { Engine } from '../engine.ts';
import type { SqliteDb } from '../store/sqlite.ts';
import { anchorTerm, planGroups, type PlanGroups } from './match.ts';
import { DEFAULT_TIME_ZONE, nextLocalTime, type QuietHours } from './time.ts';

/** Enough for a desk's beats; more would turn alerts into a feed nobody reads. */
export const MAX_SUBSCRIPTIONS = 20;

export interface Subscription {
  id: number;
  topic: string;
  /** Minutes after local midnight of the daily digest; null for instant alerts. */
  digestAt: number | null;
}

export interface ChatAlerts {
  timeZone: string;
  quiet: QuietHours | null;
  /** Why Telegram refused the chat, when it did; cleared when the chat uses an alert command. */
  pausedReason: string | null;
  subscriptions: Subscription[];
}

export type SubscribeOutcome =
  | { status: 'added' | 'updated' | 'unchanged'; subscription: Subscription }
  | { status: 'limit' }
  /** The topic has nothing to search for (only stop words or punctuation). */
  | { status: 'empty' };

const json = (value: unknown) => JSON.stringify(value);

const stores = new WeakMap<Engine, AlertStore>();

/** The alert store on the bot's engine; alerts live in its SQLite database beside the claims. */
export function alertStoreFor(engine: Engine): AlertStore {
  if (!(engine instanceof SqliteEngine)) throw new Error('alerts need the SQLite engine: their outbox is written in its ingest transaction');
  let store = stores.get(engine);
  if (!store) stores.set(engine, (store = new AlertStore(engine)));
  return store;
}

export class AlertStore {
  private readonly db: SqliteDb;

  constructor(private readonly engine: SqliteEngine) {
    this.db = engine.writer;
  }

  async chat(chatId: number): Promise<ChatAlerts | null> {
    const chat = await this.engine.reader.get<{ time_zone: string; quiet_from: number | null; quiet_until: number | null; paused_reason: string | null }>(
      'SELECT time_zone, quiet_from, quiet_until, paused_reason FROM alert_chats WHERE chat_id = ?',
      [chatId],
    );
    if (!chat) return null;
    const subs = await this.engine.reader.all<{ id: number; topic: string; digest_at: number | null }>(
      'SELECT id, topic, digest_at FROM alert_subscriptions WHERE chat_id = ? ORDER BY id',
      [chatId],
    );
    return {
      timeZone: chat.time_zone,
      quiet: chat.quiet_from !== null && chat.quiet_until !== null ? { from: chat.quiet_from, until: chat.quiet_until } : null,
      pausedReason: chat.paused_reason,
      subscriptions: subs.map((s) => ({ id: s.id, topic: s.topic, digestAt: s.digest_at })),
    };
  }

  /**
   * Records that the chat uses alerts in this language; a chat paused after a 403 is live again,
   * since whoever typed the command can evidently be reached. True when it had been paused.
   */
  async touch(chatId: number, locale: string): Promise<boolean> {
    return this.db.transaction(() => this.upsertChat(chatId, locale));
  }

  private async upsertChat(chatId: number, locale: string): Promise<boolean> {
    const before = await this.db.get<{ paused_reason: string | null }>('SELECT paused_reason FROM alert_chats WHERE chat_id = ?', [chatId]);
    await this.db.run(
      `INSERT INTO alert_chats (chat_id, locale, time_zone) VALUES (?, ?, ?)
       ON CONFLICT (chat_id) DO UPDATE SET locale = excluded.locale, paused_reason = NULL`,
      [chatId, locale, DEFAULT_TIME_ZONE],
    );
    return Boolean(before?.paused_reason);
  }

  /**
   * Adds a topic, or changes its schedule when the chat already follows it. A time zone given
   * with a digest time becomes the chat's.
   */
  async subscribe(chatId: number, topic: string, schedule: { digestAt: number | null; timeZone: string | null }, locale: string, now = Date.now()): Promise<SubscribeOutcome> {
    const groups = planGroups(this.engine.analyzer, topic);
    if (!groups.length) return { status: 'empty' };
    const key = topicKey(groups);
    const { digestAt, timeZone } = schedule;
    return this.db.transaction(async (): Promise<SubscribeOutcome> => {
      await this.upsertChat(chatId, locale);
      if (timeZone) await this.setTimeZone(chatId, timeZone, now);
      const existing = await this.db.get<{ id: number; topic: string; digest_at: number | null }>(
        'SELECT id, topic, digest_at FROM alert_subscriptions WHERE chat_id = ? AND topic_key = ?',
        [chatId, key],
      );
      if (existing) {
        const subscription = { id: existing.id, topic: existing.topic, digestAt: digestAt };
        if (existing.digest_at === digestAt) return { status: 'unchanged', subscription };
        await this.db.run('UPDATE alert_subscriptions SET digest_at = ? WHERE id = ?', [digestAt, existing.id]);
        await this.reschedule(chatId, now);
        return { status: 'updated', subscription };
      }
      const count = await this.db.get<{ n: number }>('SELECT count(*) AS n FROM alert_subscriptions WHERE chat_id = ?', [chatId]);
      if ((count?.n ?? 0) >= MAX_SUBSCRIPTIONS) return { status: 'limit' };
      const { lastID } = await this.db.run(
        'INSERT INTO alert_subscriptions (chat_id, topic, topic_key, plan, digest_at, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        [chatId, topic, key, json(groups), digestAt, now],
      );
      await this.db.run('INSERT OR IGNORE INTO alert_terms (term, subscription_id) SELECT value, ? FROM json_each(?)', [lastID, json(anchorTerms(groups))]);
      return { status: 'added', subscription: { id: lastID, topic, digestAt } };
    });
  }

  /** Removes one topic (matched as the bot would search it) or, with `all`, every one; returns the topics removed. */
  async unsubscribe(chatId: number, topic: string | 'all'): Promise<string[]> {
    const key = topic === 'all' ? null : topicKey(planGroups(this.engine.analyzer, topic));
    return this.db.transaction(async () => {
      const subs = await this.db.all<{ id: number; topic: string }>(
        'SELECT id, topic FROM alert_subscriptions WHERE chat_id = ? AND (? IS NULL OR topic_key = ? OR lower(topic) = lower(?))',
        [chatId, key, key, topic],
      );
      await this.remove(subs.map((s) => s.id));
      return subs.map((s) => s.topic);
    });
  }

  /** Removes a subscription by id if it belongs to the chat (a button on /subscriptions); returns its topic. */
  async unsubscribeById(chatId: number, id: number): Promise<string | null> {
    return this.db.transaction(async () => {
      const sub = await this.db.get<{ topic: string }>('SELECT topic FROM alert_subscriptions WHERE id = ? AND chat_id = ?', [id, chatId]);
      if (sub) await this.remove([id]);
      return sub?.topic ?? null;
    });
  }

  /** Alerts not yet sent for removed topics go with them; what was sent stays as the ledger. */
  private async remove(ids: number[]): Promise<void> {
    if (!ids.length) return;
    await this.db.run(`DELETE FROM alert_outbox WHERE state = 'pending' AND subscription_id IN (SELECT value FROM json_each(?))`, [json(ids)]);
    await this.db.run('DELETE FROM alert_subscriptions WHERE id IN (SELECT value FROM json_each(?))', [json(ids)]);
  }

  /** Sets or (null) ends quiet hours; a time zone given with them becomes the chat's. */
  async setQuiet(chatId: number, quiet: QuietHours | null, timeZone: string | null, locale: string, now = Date.now()): Promise<void> {
    await this.db.transaction(async () => {
      await this.upsertChat(chatId, locale);
      await this.db.run('UPDATE alert_chats SET quiet_from = ?, quiet_until = ? WHERE chat_id = ?', [quiet?.from ?? null, quiet?.until ?? null, chatId]);
      if (timeZone) await this.setTimeZone(chatId, timeZone, now);
      else await this.reschedule(chatId, now);
    });
  }

  private async setTimeZone(chatId: number, timeZone: string, now: number): Promise<void> {
    await this.db.run('UPDATE alert_chats SET time_zone = ? WHERE chat_id = ?', [timeZone, chatId]);
    await this.reschedule(chatId, now);
  }

  /**
   * After a change of schedule, quiet hours or time zone, what waits for the chat follows the new
   * settings: digest rows move to the next digest time, instant rows are due now (the worker holds
   * them again if quiet hours are on).
   */
  private async reschedule(chatId: number, now: number): Promise<void> {
    const rows = await this.db.all<{ id: number; digest_at: number | null; time_zone: string }>(
      `SELECT o.id, s.digest_at, c.time_zone FROM alert_outbox o
       JOIN alert_subscriptions s ON s.id = o.subscription_id JOIN alert_chats c ON c.chat_id = o.chat_id
       WHERE o.chat_id = ? AND o.state = 'pending'`,
      [chatId],
    );
    if (!rows.length) return;
    const updates = rows.map((r) => [r.id, r.digest_at === null ? 0 : 1, r.digest_at === null ? now : nextLocalTime(now, r.digest_at, r.time_zone)]);
    await this.db.run(
      `UPDATE alert_outbox SET digest = u.digest, due_at = u.due
       FROM (SELECT json_extract(value, '$[0]') AS id, json_extract(value, '$[1]') AS digest, json_extract(value, '$[2]') AS due FROM json_each(?)) AS u
       WHERE alert_outbox.id = u.id`,
      [json(updates)],
    );
  }
}

/** Two spellings of one search ("Kursk", "kursk ") are one subscription. */
function topicKey(groups: PlanGroups): string {
  return json(groups.map((g) => [...g].sort()).sort((a, b) => a.join(' ').localeCompare(b.join(' '))));
}

/**
 * The terms that go into the index, from one group: any one group suffices, since a match needs
 * every group. Longer terms are rarer, so the group whose shortest term is longest finds fewest candidates.
 */
function anchorTerms(groups: PlanGroups): string[] {
  const terms = groups.map((g) => [...new Set(g.map(anchorTerm))]);
  const shortest = (g: string[]) => Math.min(...g.map((t) => t.length));
  return terms.reduce((best, g) => (shortest(g) > shortest(best) ? g : best));
}
