import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteSessions, sessionDbPath, sessionSweeper } from '../../src/bot/sessions/sqlite.ts';
import { SqliteDb } from '../../src/store/sqlite.ts';
import { memoryLogger } from '../helpers/botKit.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDb = () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-sessions-'));
  dirs.push(dir);
  return join(dir, 'sessions.sqlite');
};

describe('SQLite sessions', () => {
  it('sit beside the corpus database', () => {
    expect(sessionDbPath('/srv/data/claimdesk.sqlite')).toBe('/srv/data/claimdesk.sessions.sqlite');
    expect(sessionDbPath(':memory:')).toBe(':memory:');
  });

  it('store, read back across reopening, and delete', async () => {
    const path = tempDb();
    const { logger } = memoryLogger();
    const first = await openSqliteSessions(path, { ttlMs: 60_000, logger });
    const store = first.adapter<{ language: string }>();
    expect(await store.read('u:1')).toBeUndefined();
    await store.write('u:1', { language: 'de' });
    await first.close();
    const again = await openSqliteSessions(path, { ttlMs: 60_000, logger });
    expect(await again.adapter<{ language: string }>().read('u:1')).toEqual({ language: 'de' });
    await again.adapter().delete('u:1');
    expect(await again.adapter().read('u:1')).toBeUndefined();
    await again.close();
  });

  it('keep no row for a session that was and stays empty', async () => {
    const { logger } = memoryLogger();
    const path = tempDb();
    const rows = async () => {
      const db = await SqliteDb.open(path);
      const row = await db.get<{ n: number }>('SELECT count(*) AS n FROM bot_sessions');
      await db.close();
      return row?.n;
    };
    const sessions = await openSqliteSessions(path, { ttlMs: 60_000, logger });
    const store = sessions.adapter<{ language?: string }>();
    expect(await store.read('u:1')).toBeUndefined();
    await store.write('u:1', {});
    expect(await rows()).toBe(0);
    await store.write('u:1', { language: 'de' });
    expect(await store.read('u:1')).toEqual({ language: 'de' });
    // Emptied again: written, so the language does not come back.
    await store.write('u:1', {});
    expect(await store.read('u:1')).toEqual({});
    await sessions.close();
  });

  it('expire, and the sweeper deletes what expired', async () => {
    let now = 1_000_000;
    const { logger } = memoryLogger();
    const sessions = await openSqliteSessions(':memory:', { ttlMs: 1000, logger, now: () => now });
    await sessions.adapter().write('a', { x: 1 });
    now += 500;
    await sessions.adapter().write('b', { x: 2 });
    now += 600;
    expect(await sessions.adapter().read('a')).toBeUndefined();
    expect(await sessions.adapter().read('b')).toEqual({ x: 2 });
    expect(await sessions.purgeExpired()).toBe(1);
    const sweeper = sessionSweeper(sessions, logger, 10);
    sweeper.start();
    now += 10_000;
    await new Promise((r) => setTimeout(r, 50));
    await sweeper.stop();
    expect(await sessions.purgeExpired()).toBe(0);
    await sessions.close();
  });

  it('degrade instead of failing when the database is gone, with one warning', async () => {
    const { logger, lines } = memoryLogger();
    const sessions = await openSqliteSessions(':memory:', { ttlMs: 1000, logger });
    await sessions.close();
    expect(await sessions.adapter().read('a')).toBeUndefined();
    await expect(sessions.adapter().write('b', { x: 1 })).resolves.toBeUndefined();
    await expect(sessions.adapter().delete('b')).resolves.toBeUndefined();
    expect(sessions.healthy()).toBe(false);
    expect(lines.filter((l) => l.level === 40)).toHaveLength(1);
  });
});
