/**
 * The delivery worker: drains the outbox to Telegram from the one process holding the lease.
 *
 * One message is in flight at a time and its rows are marked sent only after Telegram accepted
 * it, so a `kill -9` can repeat at most that one message and loses nothing. Telegram's limits are
 * kept here (token bucket, per-chat spacing, per-group minute window) rather than learnt from
 * 429s; a 429 that still comes is honoured with its retry_after.
 */
import { type Api, GrammyError } from 'grammy';
import type { I18n } from '@grammyjs/i18n';
import type { Logger } from 'pino';
import type { ClaimAnswer } from '../core/answers.ts';
import type { View } from '../bot/format.ts';
import type { BotContext } from '../bot/context.ts';
import { createI18n, pickLocale, translator } from '../bot/i18n.ts';
import type { BackgroundWorker } from '../bot/workers.ts';
import type { SqliteEngine } from '../store/engine.ts';
import { Lease } from './lease.ts';
import { ChatLimits, TokenBucket } from './limits.ts';
import {
  BATCH_WINDOW_MS,
  dropRows,
  markFailed,
  markSent,
  migrateChat,
  nextDue,
  pauseChat,
  pendingRows,
  postponeInstant,
  pruneLedger,
  readyChats,
  type ReadyChat,
  retryLater,
} from './outbox.ts';
import { renderAlert } from './render.ts';
import { quietUntil } from './time.ts';

export interface AlertWorkerOptions {
  engine: SqliteEngine;
  /** An Api without auto-retry or throttling transformers: the worker must see every 429 itself. */
  api: Api;
  logger: Logger;
  /** Username for passage links; read with getMe when absent. */
  botUsername?: string;
  i18n?: I18n<BotContext>;
  /** Global sending rate; default a little under Telegram's 30 messages/s (see DEFAULT_PER_SECOND). */
  perSecond?: number;
  /** How often the outbox is checked when nothing woke the worker. */
  pollMs?: number;
  /** First retry delay after a 5xx or network error; doubles each attempt. */
  retryBaseMs?: number;
  /** Attempts after which a failing alert becomes a dead letter. */
  maxAttempts?: number;
  /** A send still unanswered after this is abandoned and retried later. */
  requestTimeoutMs?: number;
  leaseTtlMs?: number;
}

/** A background worker as main.ts runs them, which an ingest in the same process can wake. */
export interface AlertWorker extends BackgroundWorker {
  /** Look at the outbox now: alerts were just queued. */
  wake(): void;
}

/**
 * Telegram allows 30 messages in any second. Sending at exactly 30/s, a message delayed by a few
 * ms lets 31 fall into one second, and each 429 stops everything for its retry_after (a whole
 * second): a small margin keeps the sustained rate higher.
 */
export const DEFAULT_PER_SECOND = 29;
const CHATS_PER_PASS = 200;
const MAX_BACKOFF_MS = 5 * 60_000;
const PRUNE_EVERY_MS = 3_600_000;

export function createAlertWorker(options: AlertWorkerOptions): AlertWorker {
  const worker = new Worker(options);
  let done: Promise<void> | undefined;
  return {
    name: 'alerts',
    start: () => {
      done ??= worker.run();
    },
    wake: () => worker.wake(),
    // Finishes the message in flight and releases the lease.
    stop: async () => {
      worker.stop();
      await done;
    },
  };
}

/** grammY types its signal parameter with the abort-controller polyfill; Node's own is what it gets at run time. */
type ApiSignal = Parameters<Api['sendMessage']>[3];

type Outcome =
  | { kind: 'flood'; retryAfterMs: number }
  | { kind: 'blocked'; reason: string }
  | { kind: 'migrated'; to: number }
  | { kind: 'rejected'; reason: string }
  | { kind: 'transient'; reason: string };

/** What a failed send means for the alert: wait, give up on the chat, move it, drop it or retry. */
export function classify(err: unknown): Outcome {
  if (!(err instanceof GrammyError)) return { kind: 'transient', reason: `network: ${(err as Error).message}` };
  const reason = `${err.error_code}: ${err.description}`;
  if (err.error_code === 429) return { kind: 'flood', retryAfterMs: (err.parameters.retry_after ?? 1) * 1000 };
  if (err.parameters.migrate_to_chat_id) return { kind: 'migrated', to: err.parameters.migrate_to_chat_id };
  if (err.error_code === 403 || (err.error_code === 400 && /chat not found/i.test(err.description))) return { kind: 'blocked', reason };
  if (err.error_code === 400) return { kind: 'rejected', reason };
  return { kind: 'transient', reason };
}

class Worker {
  private readonly db: SqliteEngine['writer'];
  private readonly bucket: TokenBucket;
  private readonly limits = new ChatLimits();
  private readonly lease: Lease;
  private readonly i18n: I18n<BotContext>;
  private readonly pollMs: number;
  private readonly retryBaseMs: number;
  private readonly maxAttempts: number;
  private readonly requestTimeoutMs: number;
  private botUsername?: string;
  private stopped = false;
  private woken = false;
  private wakeSleeper?: () => void;
  private lastPrune = 0;

  constructor(private readonly o: AlertWorkerOptions) {
    this.db = o.engine.writer;
    this.bucket = new TokenBucket(o.perSecond ?? DEFAULT_PER_SECOND);
    this.i18n = o.i18n ?? createI18n();
    this.pollMs = o.pollMs ?? 300;
    this.retryBaseMs = o.retryBaseMs ?? 1000;
    this.maxAttempts = o.maxAttempts ?? 8;
    this.requestTimeoutMs = o.requestTimeoutMs ?? 30_000;
    this.lease = new Lease(this.db, o.leaseTtlMs ?? this.requestTimeoutMs + 15_000);
    this.botUsername = o.botUsername;
  }

  wake(): void {
    this.woken = true;
    this.wakeSleeper?.();
  }

  stop(): void {
    this.stopped = true;
    this.wakeSleeper?.();
  }

  async run(): Promise<void> {
    // Renewal runs beside the sends, so a slow answer cannot let the lease lapse unnoticed.
    const renewEvery = Math.max(1000, Math.floor((this.o.leaseTtlMs ?? this.requestTimeoutMs + 15_000) / 5));
    const renewal = setInterval(() => void this.renewLease(), renewEvery);
    try {
      while (!this.stopped) {
        let pause = this.pollMs;
        try {
          if (this.lease.heldFor(this.requestTimeoutMs) || (await this.renewLease())) pause = await this.pass();
        } catch (err) {
          this.o.logger.error({ err }, 'alerts: delivery pass failed');
        }
        await this.idle(pause);
      }
    } finally {
      clearInterval(renewal);
      await this.lease.release().catch((err: unknown) => this.o.logger.warn({ err }, 'alerts: could not release the delivery lease'));
    }
  }

  private async renewLease(): Promise<boolean> {
    if (this.stopped) return false;
    try {
      return await this.lease.acquire();
    } catch (err) {
      this.lease.lost();
      this.o.logger.warn({ err }, 'alerts: could not renew the delivery lease');
      return false;
    }
  }

  /** Sleeps up to `ms`, or until woken; after a wake from an ingest, waits for its transaction to commit. */
  private async idle(ms: number): Promise<void> {
    if (!this.woken && !this.stopped && ms > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        this.wakeSleeper = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeSleeper = undefined;
    }
    if (this.woken && !this.stopped) {
      this.woken = false;
      // The wake came from inside the ingest transaction: an empty one queued behind it ends after its COMMIT.
      await this.db.transaction(async () => undefined);
    }
  }

  /** Sends what is due now; returns how long to wait before the next pass. */
  private async pass(): Promise<number> {
    const now = Date.now();
    if (now - this.lastPrune > PRUNE_EVERY_MS) {
      this.lastPrune = now;
      this.limits.prune(now);
      await pruneLedger(this.db, now);
    }
    const chats = await readyChats(this.o.engine.reader, now, CHATS_PER_PASS);
    if (!chats.length) {
      const due = await nextDue(this.o.engine.reader);
      return due === null ? this.pollMs : Math.min(this.pollMs, Math.max(0, due - now));
    }
    const claims = new Map<string, ClaimAnswer | null>();
    let sent = 0;
    let soonest = this.pollMs;
    for (const chat of chats) {
      if (this.stopped || !this.lease.heldFor(this.requestTimeoutMs)) return 0;
      const wait = this.limits.wait(chat.chat_id);
      if (wait > 0) {
        soonest = Math.min(soonest, wait);
        continue;
      }
      if (await this.deliver(chat, claims)) sent++;
    }
    return sent ? 0 : soonest;
  }

  /** One message to one chat; true when something was attempted. */
  private async deliver(chat: ReadyChat, cache: Map<string, ClaimAnswer | null>): Promise<boolean> {
    const now = Date.now();
    let rows = await pendingRows(this.o.engine.reader, chat.chat_id, now + BATCH_WINDOW_MS);
    const quietEnd = chat.quiet_from !== null && chat.quiet_until !== null ? quietUntil(now, { from: chat.quiet_from, until: chat.quiet_until }, chat.time_zone) : null;
    if (quietEnd !== null && rows.some((r) => !r.digest)) {
      await postponeInstant(this.db, chat.chat_id, quietEnd);
      rows = rows.filter((r) => r.digest);
    }
    if (!rows.length) return false;
    rows = rows.filter((r) => r.digest === rows[0]!.digest);

    const missing = [...new Set(rows.map((r) => r.claim_id))].filter((id) => !cache.has(id));
    if (missing.length) {
      const found = await this.o.engine.claimsById(missing);
      for (const id of missing) cache.set(id, found.find((c) => c.id === id) ?? null);
    }
    const claims = new Map(rows.flatMap((r) => (cache.get(r.claim_id) ? [[r.claim_id, cache.get(r.claim_id)!] as const] : [])));
    const gone = rows.filter((r) => !claims.has(r.claim_id));
    if (gone.length) await dropRows(this.db, gone.map((r) => r.id));
    if (!claims.size) return false;

    const message = renderAlert(rows, claims, await this.view(chat.locale));
    const ids = message.rows.map((r) => r.id);
    await this.bucket.take();
    if (this.stopped || !this.lease.heldFor(this.requestTimeoutMs)) return false;
    this.limits.sent(chat.chat_id);
    try {
      await this.o.api.sendMessage(chat.chat_id, message.text, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } }, AbortSignal.timeout(this.requestTimeoutMs) as ApiSignal);
    } catch (err) {
      await this.failed(chat.chat_id, message.rows, classify(err));
      return true;
    }
    await markSent(this.db, ids, Date.now());
    return true;
  }

  private async failed(chatId: number, rows: Array<{ id: number; attempts: number }>, outcome: Outcome): Promise<void> {
    const ids = rows.map((r) => r.id);
    const now = Date.now();
    const log = this.o.logger;
    switch (outcome.kind) {
      case 'flood':
        // Telegram does not say whether the flood is the chat's or the bot's: hold both.
        this.bucket.pause(outcome.retryAfterMs);
        this.limits.block(chatId, outcome.retryAfterMs);
        log.warn({ chatId, retryAfterMs: outcome.retryAfterMs }, 'alerts: 429 from Telegram');
        return;
      case 'blocked':
        await pauseChat(this.db, chatId, outcome.reason, now);
        log.info({ chatId, reason: outcome.reason }, 'alerts: chat refuses messages; its subscriptions are paused');
        return;
      case 'migrated':
        await migrateChat(this.db, chatId, outcome.to);
        log.info({ chatId, to: outcome.to }, 'alerts: group became a supergroup; subscriptions moved');
        return;
      case 'rejected':
        await markFailed(this.db, ids, outcome.reason, now);
        log.warn({ chatId, reason: outcome.reason }, 'alerts: Telegram rejected an alert');
        return;
      case 'transient': {
        const attempts = Math.max(...rows.map((r) => r.attempts)) + 1;
        if (attempts >= this.maxAttempts) {
          await markFailed(this.db, ids, outcome.reason, now);
          log.warn({ chatId, reason: outcome.reason }, 'alerts: alert keeps failing; moved to the dead letters');
        } else {
          await retryLater(this.db, ids, now + Math.min(MAX_BACKOFF_MS, this.retryBaseMs * 2 ** (attempts - 1)), outcome.reason);
        }
      }
    }
  }

  private async view(locale: string): Promise<View> {
    this.botUsername ??= (await this.o.api.getMe()).username;
    const l = pickLocale(locale);
    return { locale: l, botUsername: this.botUsername, t: translator((key, vars) => this.i18n.t(l, key, vars)) };
  }
}
