/**
 * The alerts' tables, as engine migrations (versions from 100 on, clear of the core's).
 * `openClaimdesk` applies them, with the ingest hook that needs them, in every process.
 */
import type { Migration } from '../store/migrations.ts';

export const alertMigrations: Migration[] = [
  {
    version: 100,
    name: 'alert subscriptions, their term index, the outbox and the delivery lease',
    sql: `
      CREATE TABLE alert_chats (
        chat_id INTEGER PRIMARY KEY,
        -- Language of the alerts: the one of whoever last changed the chat's subscriptions.
        locale TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        -- Quiet hours as minutes after local midnight; both null when the chat has none.
        quiet_from INTEGER,
        quiet_until INTEGER,
        -- Set when Telegram refuses the chat (403): no alerts are queued for it until it comes back.
        paused_reason TEXT
      );

      -- AUTOINCREMENT: ids are never reused, since delivered outbox rows keep them after a removal.
      CREATE TABLE alert_subscriptions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        chat_id INTEGER NOT NULL REFERENCES alert_chats (chat_id) ON DELETE CASCADE,
        topic TEXT NOT NULL,
        topic_key TEXT NOT NULL,
        -- The topic's query plan as JSON groups of alternative index terms.
        plan TEXT NOT NULL,
        -- Minutes after local midnight of the daily digest; null for instant alerts.
        digest_at INTEGER,
        created_at INTEGER NOT NULL,
        UNIQUE (chat_id, topic_key)
      );

      -- Term → subscription, so a new claim finds its subscriptions by index, never by a scan.
      CREATE TABLE alert_terms (
        term TEXT NOT NULL,
        subscription_id INTEGER NOT NULL REFERENCES alert_subscriptions (id) ON DELETE CASCADE,
        PRIMARY KEY (term, subscription_id)
      ) WITHOUT ROWID;
      CREATE INDEX alert_terms_by_subscription ON alert_terms (subscription_id);

      -- One row per chat and claim (and at most one follow-up): written in the ingest transaction,
      -- kept after delivery as the ledger that stops a second alert. Each index a queued row enters
      -- is paid for in the ingest, so there are two: by claim (the ledger, follow-ups) and pending
      -- rows by due time (delivery); finished rows enter a third. subscription_id has no foreign
      -- key, which would need one more: removing a subscription deletes its pending rows itself.
      CREATE TABLE alert_outbox (
        id INTEGER PRIMARY KEY,
        chat_id INTEGER NOT NULL,
        subscription_id INTEGER NOT NULL,
        claim_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('claim', 'followup')),
        topics TEXT NOT NULL,
        outlet TEXT,
        digest INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        due_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
        done_at INTEGER,
        error TEXT,
        UNIQUE (claim_id, kind, chat_id)
      );
      CREATE INDEX alert_outbox_due ON alert_outbox (due_at, chat_id) WHERE state = 'pending';
      CREATE INDEX alert_outbox_done ON alert_outbox (state, done_at) WHERE state <> 'pending';

      -- Who may deliver: one owner at a time, until expires_at (ms since the epoch).
      CREATE TABLE alert_lease (
        name TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      );
    `,
  },
];
