/**
 * The delivery lease: one row naming the process that may send alerts and until when. Two bots
 * on one database therefore never both send; a crashed holder is replaced at once when it ran
 * on this host (its pid is gone), otherwise once its lease expires.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { SqliteDb } from '../store/sqlite.ts';

const LEASE = 'delivery';
/** Owners alive in this process: another incarnation with this pid (a restarted container's pid 1) is not. */
const liveHere = new Set<string>();

export class Lease {
  readonly owner = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  /** Local time until which this process holds the lease; 0 when it does not. */
  private until = 0;

  constructor(
    private readonly db: SqliteDb,
    private readonly ttlMs: number,
  ) {
    liveHere.add(this.owner);
  }

  /** True when the lease stays ours for at least `ms` more: long enough for one send to finish. */
  heldFor(ms: number): boolean {
    return this.until - Date.now() > ms;
  }

  /** Takes the lease if it is free, expired, ours or its holder is dead; renews it when ours. */
  async acquire(): Promise<boolean> {
    const now = Date.now();
    const held = await this.db.transaction(async () => {
      const row = await this.db.get<{ owner: string; expires_at: number }>('SELECT owner, expires_at FROM alert_lease WHERE name = ?', [LEASE]);
      if (row && row.owner !== this.owner && row.expires_at > now && !holderIsGone(row.owner)) return false;
      await this.db.run(
        `INSERT INTO alert_lease (name, owner, expires_at) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at`,
        [LEASE, this.owner, now + this.ttlMs],
      );
      return true;
    });
    // Measured from before the write, so this process never believes it holds the lease longer than the table says.
    this.until = held ? now + this.ttlMs : 0;
    return held;
  }

  async release(): Promise<void> {
    this.until = 0;
    liveHere.delete(this.owner);
    await this.db.transaction(() => this.db.run('DELETE FROM alert_lease WHERE name = ? AND owner = ?', [LEASE, this.owner]));
  }

  /** Called when a renewal could not be written: stop sending until the lease is confirmed again. */
  lost(): void {
    this.until = 0;
  }
}

/** A holder on this host whose process no longer exists (killed, crashed). */
function holderIsGone(owner: string): boolean {
  const [host, pid] = owner.split('/');
  if (host !== hostname() || !pid || liveHere.has(owner)) return false;
  if (Number(pid) === process.pid) return true;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
