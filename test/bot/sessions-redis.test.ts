/**
 * Sessions in the real Redis (127.0.0.1:6379 or REDIS_URL). With CI=true Redis must be there;
 * elsewhere the suite is skipped with a notice. Outages are made with a TCP proxy in front of it.
 */
import { randomUUID } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { openRedisSessions } from '../../src/bot/sessions/redis.ts';
import { memoryLogger } from '../helpers/botKit.ts';

const target = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const host = target.hostname;
const port = Number(target.port || 6379);

const reachable = await new Promise<boolean>((resolve) => {
  const socket = connect({ host, port, timeout: 1000 }, () => {
    socket.end();
    resolve(true);
  });
  socket.on('error', () => resolve(false)).on('timeout', () => (socket.destroy(), resolve(false)));
});
if (!reachable && process.env.CI === 'true') throw new Error(`Redis is required with CI=true but ${host}:${port} does not answer`);
if (!reachable) console.warn(`\n⚠ Redis session tests SKIPPED: no Redis at ${host}:${port} (set REDIS_URL, or CI=true to require it)\n`);

const namespace = `test-${randomUUID().slice(0, 8)}`;
const url = (via = target) => `${via.protocol}//${via.username ? `${via.username}:${via.password}@` : ''}${via.host}${via.pathname}`;
const opened: Array<{ close(): Promise<void> }> = [];
afterAll(async () => {
  for (const o of opened) await o.close();
});

/** A TCP proxy to Redis that can be cut and restored, on a fixed port. */
class Proxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;
  async start(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect({ host, port });
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('error', () => undefined).on('close', () => this.sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }
  async cut(): Promise<void> {
    const closed = new Promise((resolve) => this.server!.close(resolve));
    for (const s of this.sockets) s.destroy();
    await closed;
  }
}

describe.skipIf(!reachable)('Redis sessions (telegraf-session-redis)', () => {
  it('store and read back, answer undefined (not {}) for a missing key, and expire', async () => {
    const { logger } = memoryLogger();
    const sessions = openRedisSessions(url(), { ttlSeconds: 120, logger });
    opened.push(sessions);
    expect(await sessions.ready(3000)).toBe(true);
    const store = sessions.adapter<{ language: string }>();
    const key = `${namespace}:u:1`;
    expect(await store.read(key)).toBeUndefined();
    await store.write(key, { language: 'de' });
    expect(await store.read(key)).toEqual({ language: 'de' });
    const ttl = await new Promise<number>((resolve, reject) => sessions.client.ttl(key, (err, s) => (err ? reject(err) : resolve(s))));
    expect(ttl).toBeGreaterThan(100);
    expect(ttl).toBeLessThanOrEqual(120);
    await store.delete(key);
    expect(await store.read(key)).toBeUndefined();
    expect(sessions.healthy()).toBe(true);
  });

  it('keep answering while Redis is away, with one warning, and recover when it returns', async () => {
    const proxy = new Proxy();
    await proxy.start();
    const { logger, lines } = memoryLogger();
    const sessions = openRedisSessions(`redis://127.0.0.1:${proxy.port}`, { ttlSeconds: 120, logger, timeoutMs: 500 });
    opened.push(sessions);
    expect(await sessions.ready(3000)).toBe(true);
    const store = sessions.adapter<{ n: number }>();
    const key = `${namespace}:c:1`;
    await store.write(key, { n: 1 });

    await proxy.cut();
    const started = Date.now();
    expect(await store.read(key)).toBeUndefined();
    // A fresh session would be written back after the failed read; it must not overwrite the real one.
    await expect(store.write(key, { n: 0 })).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1500);
    expect(sessions.healthy()).toBe(false);
    await store.read(`${namespace}:other`);
    expect(lines.filter((l) => l.level === 40 && String(l.msg).includes('sessions unavailable'))).toHaveLength(1);

    await proxy.start();
    let value: { n: number } | undefined;
    for (let i = 0; i < 40 && value === undefined; i++) {
      await new Promise((r) => setTimeout(r, 250));
      value = await store.read(key);
    }
    expect(value).toEqual({ n: 1 });
    expect(sessions.healthy()).toBe(true);
    expect(lines.some((l) => String(l.msg).includes('sessions are back'))).toBe(true);
    await store.delete(key);
    await proxy.cut();
  });

  it('start degraded when Redis is not there at all, without crashing', async () => {
    const { logger } = memoryLogger();
    const sessions = openRedisSessions('redis://127.0.0.1:1', { ttlSeconds: 60, logger, timeoutMs: 300 });
    opened.push(sessions);
    expect(await sessions.ready(300)).toBe(false);
    expect(await sessions.adapter().read('x')).toBeUndefined();
    await sessions.adapter().write('x', { a: 1 });
    expect(sessions.healthy()).toBe(false);
  });
});
