/**
 * The outbox as the delivery worker and `claimdesk alerts` use it. Reads go to the engine's
 * reader, writes through the writer's transaction queue, so they never land inside an ingest.
 */
import type { SqliteDb } from '../store/sqlite.ts';
import type { AlertRow } from './render.ts';

const json = (value: unknown) => JSON.stringify(value);

/**
 * An instant alert waits this long for company, and goes with everything else due for the chat by
 * then: several claims within a short window arrive as one message.
 */
export const BATCH_WINDOW_MS = 2000;

export type ReadyChat = {
  chat_id: number;
  locale: string;
  time_zone: string;
  quiet_from: number | null;
  quiet_until: number | null;
};

/** Chats with something due, longest waiting first. */
export function readyChats(db: SqliteDb, now: number, limit: number): Promise<ReadyChat[]> {
  return db.all<ReadyChat & { due: number }>(
    `SELECT c.chat_id, c.locale, c.time_zone, c.quiet_from, c.quiet_until, r.due
     FROM (SELECT chat_id, min(due_at) AS due FROM alert_outbox WHERE state = 'pending' AND due_at <= ? GROUP BY chat_id ORDER BY due LIMIT ?) AS r
     JOIN alert_chats c ON c.chat_id = r.chat_id ORDER BY r.due`,
    [now, limit],
  );
}

/** When the next pending row falls due, if any does. */
export async function nextDue(db: SqliteDb): Promise<number | null> {
  return (await db.get<{ due: number | null }>(`SELECT min(due_at) AS due FROM alert_outbox WHERE state = 'pending'`))?.due ?? null;
}

/** A chat's pending rows due by `until`, instant ones first. */
export function pendingRows(db: SqliteDb, chatId: number, until: number): Promise<AlertRow[]> {
  return db.all<AlertRow>(
    `SELECT id, claim_id, kind, topics, outlet, digest, attempts FROM alert_outbox
     WHERE chat_id = ? AND state = 'pending' AND due_at <= ? ORDER BY digest, id`,
    [chatId, until],
  );
}

export function markSent(db: SqliteDb, ids: number[], now: number): Promise<unknown> {
  return db.transaction(() =>
    db.run(`UPDATE alert_outbox SET state = 'sent', done_at = ?, error = NULL WHERE id IN (SELECT value FROM json_each(?))`, [now, json(ids)]),
  );
}

/** Dead letters: rows that will not be tried again after this failed attempt, with the reason. */
export function markFailed(db: SqliteDb, ids: number[], reason: string, now: number): Promise<unknown> {
  return db.transaction(() =>
    db.run(`UPDATE alert_outbox SET state = 'failed', attempts = attempts + 1, done_at = ?, error = ? WHERE id IN (SELECT value FROM json_each(?))`, [
      now,
      reason,
      json(ids),
    ]),
  );
}

export function retryLater(db: SqliteDb, ids: number[], dueAt: number, error: string): Promise<unknown> {
  return db.transaction(() =>
    db.run(`UPDATE alert_outbox SET attempts = attempts + 1, due_at = ?, error = ? WHERE id IN (SELECT value FROM json_each(?))`, [dueAt, error, json(ids)]),
  );
}

/** Rows whose claim has left the corpus (its article changed) before they went out: nothing to send. */
export function dropRows(db: SqliteDb, ids: number[]): Promise<unknown> {
  return db.transaction(() => db.run('DELETE FROM alert_outbox WHERE id IN (SELECT value FROM json_each(?))', [json(ids)]));
}

/** Holds a chat's instant rows until quiet hours end. */
export function postponeInstant(db: SqliteDb, chatId: number, until: number): Promise<unknown> {
  return db.transaction(() =>
    db.run(`UPDATE alert_outbox SET due_at = ? WHERE chat_id = ? AND state = 'pending' AND digest = 0 AND due_at < ?`, [until, chatId, until]),
  );
}

/** Telegram refuses the chat (blocked, kicked): stop queueing for it and dead-letter what waits. */
export function pauseChat(db: SqliteDb, chatId: number, reason: string, now: number): Promise<unknown> {
  return db.transaction(async () => {
    await db.run('UPDATE alert_chats SET paused_reason = ? WHERE chat_id = ?', [reason, chatId]);
    await db.run(`UPDATE alert_outbox SET state = 'failed', done_at = ?, error = ? WHERE chat_id = ? AND state = 'pending'`, [now, reason, chatId]);
  });
}

/**
 * A group became a supergroup with a new id: its settings, subscriptions and queue move there.
 * Should the new id already have any (someone subscribed there first), those win.
 */
export function migrateChat(db: SqliteDb, from: number, to: number): Promise<unknown> {
  return db.transaction(async () => {
    await db.run(
      `INSERT OR IGNORE INTO alert_chats (chat_id, locale, time_zone, quiet_from, quiet_until, paused_reason)
       SELECT ?, locale, time_zone, quiet_from, quiet_until, paused_reason FROM alert_chats WHERE chat_id = ?`,
      [to, from],
    );
    await db.run('UPDATE OR IGNORE alert_subscriptions SET chat_id = ? WHERE chat_id = ?', [to, from]);
    await db.run('UPDATE OR IGNORE alert_outbox SET chat_id = ? WHERE chat_id = ?', [to, from]);
    await db.run('DELETE FROM alert_outbox WHERE chat_id = ?', [from]);
    await db.run('DELETE FROM alert_chats WHERE chat_id = ?', [from]);
  });
}

/** Delivered rows older than this are forgotten; a claim that old no longer gets follow-ups. */
export const LEDGER_DAYS = 30;

export function pruneLedger(db: SqliteDb, now: number): Promise<unknown> {
  return db.transaction(() => db.run(`DELETE FROM alert_outbox WHERE state = 'sent' AND done_at < ?`, [now - LEDGER_DAYS * 86_400_000]));
}

export type DeadLetter = {
  id: number;
  chat_id: number;
  claim_id: string;
  kind: string;
  topics: string;
  attempts: number;
  created_at: number;
  done_at: number;
  error: string;
};

export function deadLetters(db: SqliteDb, limit: number): Promise<DeadLetter[]> {
  return db.all<DeadLetter>(
    `SELECT id, chat_id, claim_id, kind, topics, attempts, created_at, done_at, error FROM alert_outbox
     WHERE state = 'failed' ORDER BY done_at DESC, id DESC LIMIT ?`,
    [limit],
  );
}
