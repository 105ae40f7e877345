/**
 * Where sessions live. Sessions hold only what may be lost (language, a pending question, paging
 * state), so a store that fails must never fail an answer: reads then yield a fresh session,
 * writes are dropped, one warning is logged per outage and one line when the store is back.
 */
import type { StorageAdapter } from 'grammy';
import type { Logger } from 'pino';

export interface SessionBackend {
  readonly name: string;
  /** A typed view on the store; values are JSON. */
  adapter<T>(): StorageAdapter<T>;
  /** False while the store cannot be reached. */
  healthy(): boolean;
  close(): Promise<void>;
}

/** The raw operations a backend provides; they may throw or reject when the store is down. */
export interface RawStore {
  read(key: string): Promise<unknown>;
  write(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

/** How many keys whose read failed we remember, so their fresh session never overwrites the stored one. */
const FAILED_READS_REMEMBERED = 10_000;

/**
 * Wraps a raw store so that its failures degrade instead of throwing. A key whose read failed is
 * not written back in the same breath: the fresh session would otherwise overwrite the real one
 * the moment the store recovers.
 */
export function degradable(name: string, raw: RawStore, logger: Logger): { adapter: RawStore; healthy: () => boolean } {
  let down = false;
  const failedReads = new Set<string>();
  const failed = (op: string, err: unknown) => {
    if (!down) logger.warn({ err, store: name, op }, `${name} sessions unavailable; answering without sessions until it is back`);
    down = true;
  };
  const succeeded = () => {
    if (down) logger.info({ store: name }, `${name} sessions are back`);
    down = false;
  };
  const adapter: RawStore = {
    async read(key) {
      try {
        const value = await raw.read(key);
        succeeded();
        failedReads.delete(key);
        return value;
      } catch (err) {
        failed('read', err);
        if (failedReads.size >= FAILED_READS_REMEMBERED) failedReads.clear();
        failedReads.add(key);
        return undefined;
      }
    },
    async write(key, value) {
      if (failedReads.delete(key)) return;
      try {
        await raw.write(key, value);
        succeeded();
      } catch (err) {
        failed('write', err);
      }
    },
    async delete(key) {
      if (failedReads.delete(key)) return;
      try {
        await raw.delete(key);
        succeeded();
      } catch (err) {
        failed('delete', err);
      }
    },
  };
  return { adapter, healthy: () => !down };
}

/** How many keys read as absent we remember until their update writes back. */
const ABSENT_REMEMBERED = 10_000;

/**
 * A session equal to a fresh one (`{}`: no language chosen, nothing pending) needs no row, since
 * an absent session reads as fresh. grammY writes back every session it read, so most updates
 * would store an empty one; where the read found none, that write is skipped. Updates of a chat
 * and of a user are handled one at a time, so the read and its write-back are never interleaved
 * with another update's on the same key.
 */
export function sparse(raw: RawStore): RawStore {
  const absent = new Set<string>();
  return {
    async read(key) {
      const value = await raw.read(key);
      if (value !== undefined) absent.delete(key);
      else {
        if (absent.size >= ABSENT_REMEMBERED) absent.clear();
        absent.add(key);
      }
      return value;
    },
    async write(key, value) {
      if (absent.delete(key) && JSON.stringify(value) === '{}') return;
      await raw.write(key, value);
    },
    async delete(key) {
      absent.delete(key);
      await raw.delete(key);
    },
  };
}

export function typed<T>(raw: RawStore): StorageAdapter<T> {
  return {
    read: async (key) => (await raw.read(key)) as T | undefined,
    write: (key, value) => raw.write(key, value),
    delete: (key) => raw.delete(key),
  };
}
