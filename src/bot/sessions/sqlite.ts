/**
 * The embedded session store: one SQLite table in a file beside the corpus database (not inside
 * it, so session writes never wait for a long ingest transaction). Rows expire; a background
 * sweep deletes the expired ones.
 */
import type { Logger } from 'pino';
import { SqliteDb } from '../../store/sqlite.ts';
import { type BackgroundWorker, periodicWorker } from '../workers.ts';
import { type SessionBackend, degradable, sparse, typed } from './backend.ts';

export interface SqliteSessionBackend extends SessionBackend {
  /** Deletes expired sessions; returns how many. */
  purgeExpired(): Promise<number>;
}

/** `data/claimdesk.sqlite` → `data/claimdesk.sessions.sqlite`; `:memory:` stays in memory. */
export function sessionDbPath(dbPath: string): string {
  return dbPath === ':memory:' ? ':memory:' : `${dbPath.replace(/\.sqlite3?$/, '')}.sessions.sqlite`;
}

export async function openSqliteSessions(path: string, opts: { ttlMs: number; logger: Logger; now?: () => number }): Promise<SqliteSessionBackend> {
  const now = opts.now ?? Date.now;
  const db = await SqliteDb.open(path);
  await db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 2000;
    CREATE TABLE IF NOT EXISTS bot_sessions (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at INTEGER NOT NULL) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS bot_sessions_expiry ON bot_sessions (expires_at);`);
  const { adapter, healthy } = degradable(
    'sqlite',
    {
      async read(key) {
        const row = await db.get<{ value: string }>('SELECT value FROM bot_sessions WHERE key = ? AND expires_at > ?', [key, now()]);
        return row ? (JSON.parse(row.value) as unknown) : undefined;
      },
      async write(key, value) {
        await db.run(
          'INSERT INTO bot_sessions (key, value, expires_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at',
          [key, JSON.stringify(value), now() + opts.ttlMs],
        );
      },
      async delete(key) {
        await db.run('DELETE FROM bot_sessions WHERE key = ?', [key]);
      },
    },
    opts.logger,
  );
  const stored = sparse(adapter);
  return {
    name: 'sqlite',
    adapter: <T>() => typed<T>(stored),
    healthy,
    async purgeExpired() {
      return (await db.run('DELETE FROM bot_sessions WHERE expires_at <= ?', [now()])).changes;
    },
    close: () => db.close(),
  };
}

/** Deletes expired sessions now and then, so the table holds only live ones. */
export function sessionSweeper(backend: SqliteSessionBackend, logger: Logger, intervalMs = 60 * 60_000): BackgroundWorker {
  return periodicWorker(
    'session-sweeper',
    intervalMs,
    async () => {
      const removed = await backend.purgeExpired();
      if (removed) logger.debug({ removed }, 'expired sessions deleted');
    },
    logger,
  );
}
