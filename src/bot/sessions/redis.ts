/**
 * Sessions in Redis through telegraf-session-redis, as the newsroom asked, adapted to grammY's
 * `StorageAdapter`. The package needs care: its typings are wrong (we declare the part we use),
 * `getSession` answers `{}` for a missing key, and its redis client has no `error` listener, so an
 * outage would crash the process. We attach one, disable the offline queue so commands fail fast
 * instead of piling up while Redis is away, and reconnect forever so sessions come back with it.
 */
import { createRequire } from 'node:module';
import type { Logger } from 'pino';
import { type SessionBackend, degradable, sparse, typed } from './backend.ts';

interface RedisClient {
  connected: boolean;
  on(event: 'error' | 'ready' | 'end', listener: (arg?: unknown) => void): void;
  quit(callback?: (err: Error | null) => void): boolean;
  end(flush: boolean): void;
  ttl(key: string, callback: (err: Error | null, seconds: number) => void): boolean;
}

/** What telegraf-session-redis really exports (CommonJS): its `.d.ts` describes another API. */
interface RedisSessionStore {
  client: RedisClient;
  getSession(key: string): Promise<Record<string, unknown>>;
  saveSession(key: string, session: object): Promise<unknown>;
  clearSession(key: string): Promise<void>;
}
type RedisSessionConstructor = new (options: { store: Record<string, unknown>; ttl?: number }) => RedisSessionStore;

const RedisSession = createRequire(import.meta.url)('telegraf-session-redis') as RedisSessionConstructor;

/** Keys of the bot's sessions, apart from anything else kept in the same Redis. */
const REDIS_KEY_PREFIX = 'claimdesk:session:';

export interface RedisSessionBackend extends SessionBackend {
  /** The underlying client, for tests that check expiry. */
  readonly client: RedisClient;
  /** Resolves true once connected, false if that takes longer than `timeoutMs`. */
  ready(timeoutMs: number): Promise<boolean>;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`redis ${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function openRedisSessions(url: string, opts: { ttlSeconds: number; logger: Logger; timeoutMs?: number }): RedisSessionBackend {
  const timeoutMs = opts.timeoutMs ?? 1000;
  const store = new RedisSession({
    ttl: opts.ttlSeconds,
    store: {
      url,
      prefix: REDIS_KEY_PREFIX,
      enable_offline_queue: false,
      // The client gives up reconnecting once this much time has passed without a connection;
      // the largest timer Node accepts (about 24 days) means Redis coming back is always enough.
      connect_timeout: 2_147_483_647,
      retry_strategy: (o: { attempt: number }) => Math.min(o.attempt * 250, 3000),
    },
  });
  const client = store.client;
  const { adapter, healthy } = degradable(
    'redis',
    {
      async read(key) {
        const session = await withTimeout(store.getSession(key), timeoutMs, 'read');
        return Object.keys(session).length === 0 ? undefined : session;
      },
      async write(key, value) {
        await withTimeout(store.saveSession(key, value as object), timeoutMs, 'write');
      },
      async delete(key) {
        await withTimeout(store.clearSession(key), timeoutMs, 'delete');
      },
    },
    opts.logger,
  );
  const stored = sparse(adapter);
  let reported = false;
  client.on('error', (err) => {
    // Reconnection attempts repeat the same error; one line per outage is enough.
    if (!reported) opts.logger.warn({ err }, 'redis connection error; sessions degrade until it is back');
    reported = true;
  });
  client.on('ready', () => {
    if (reported) opts.logger.info('redis connection restored');
    reported = false;
  });
  return {
    name: 'redis',
    client,
    adapter: <T>() => typed<T>(stored),
    healthy: () => client.connected && healthy(),
    ready: (ms) =>
      client.connected
        ? Promise.resolve(true)
        : new Promise((resolve) => {
            const timer = setTimeout(() => resolve(false), ms);
            client.on('ready', () => {
              clearTimeout(timer);
              resolve(true);
            });
          }),
    async close() {
      if (!client.connected) return client.end(false);
      await withTimeout(
        new Promise<void>((resolve) => client.quit(() => resolve())),
        timeoutMs,
        'quit',
      ).catch(() => client.end(false));
    },
  };
}
