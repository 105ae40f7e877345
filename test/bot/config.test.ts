import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

const token = '123456789:AAHk3mZ-example_token_0123456789ab';

describe('loadConfig', () => {
  it('runs on defaults: local mode, SQLite in data/, polling, info logs', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ botToken: undefined, redisUrl: undefined, webhook: undefined, port: 8080, logLevel: 'info', allowedChatIds: [], allowedUserIds: [] });
    expect(c.dbPath).toBe(join(import.meta.dirname, '../../data/claimdesk.sqlite'));
  });

  it('reads every variable', () => {
    const c = loadConfig({
      BOT_TOKEN: token,
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/',
      DB_PATH: '/tmp/x.sqlite',
      REDIS_URL: 'redis://:pw@127.0.0.1:6379/2',
      ALLOWED_CHAT_IDS: '-1001234567890, -42',
      ALLOWED_USER_IDS: '7,8',
      ADMIN_USER_IDS: ' 7 ',
      WEBHOOK_URL: 'https://bot.example.org/telegram',
      WEBHOOK_SECRET: 's3cret_-x',
      PORT: '8443',
      LOG_LEVEL: 'debug',
      INBOX_DIR: '/tmp/inbox',
      ARTICLES_DIR: '/tmp/articles',
    });
    expect(c).toEqual({
      botToken: token,
      apiRoot: 'http://127.0.0.1:8081',
      dbPath: '/tmp/x.sqlite',
      redisUrl: 'redis://:pw@127.0.0.1:6379/2',
      allowedChatIds: [-1001234567890, -42],
      allowedUserIds: [7, 8],
      adminUserIds: [7],
      webhook: { url: 'https://bot.example.org/telegram', secret: 's3cret_-x', port: 8443 },
      port: 8443,
      logLevel: 'debug',
      inboxDir: '/tmp/inbox',
      articlesDir: '/tmp/articles',
    });
  });

  it.each([
    [{ BOT_TOKEN: 'nope' }, 'config: BOT_TOKEN does not look like a bot token from @BotFather'],
    [{ ALLOWED_CHAT_IDS: '-100,abc' }, 'config: ALLOWED_CHAT_IDS must be a comma-separated list of numeric chat ids'],
    [{ REDIS_URL: 'http://x' }, 'config: REDIS_URL must be a redis:// or rediss:// URL'],
    [{ PORT: '70000' }, 'config: PORT must be a port number up to 65535'],
    [{ LOG_LEVEL: 'loud' }, 'config: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent'],
    [{ BOT_TOKEN: token, WEBHOOK_URL: 'https://x.org/hook' }, 'config: WEBHOOK_SECRET is required when WEBHOOK_URL is set'],
    [{ WEBHOOK_URL: 'https://x.org/hook', WEBHOOK_SECRET: 'abc' }, 'config: WEBHOOK_URL needs BOT_TOKEN (local mode always polls)'],
    [{ BOT_TOKEN: token, WEBHOOK_URL: 'http://x.org/hook', WEBHOOK_SECRET: 'abc' }, 'config: WEBHOOK_URL must be https:// (http:// only with TELEGRAM_API_ROOT)'],
    [{ TELEGRAM_API_ROOT: 'ftp://x' }, 'config: TELEGRAM_API_ROOT must be an http(s) URL for the Bot API server'],
    [{ INBOX_DIR: '/tmp/in', ARTICLES_DIR: '/tmp/in/' }, 'config: INBOX_DIR must not be the ARTICLES_DIR folder'],
  ])('stops on %o with one clear line', (env, line) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(line);
    try {
      loadConfig(env);
    } catch (err) {
      expect((err as Error).message).not.toContain('\n');
    }
  });

  it('.env.example documents every variable, each with a comment', () => {
    const example = readFileSync(join(import.meta.dirname, '../../.env.example'), 'utf8');
    const names = [...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]);
    expect(names).toEqual(['BOT_TOKEN', 'TELEGRAM_API_ROOT', 'DB_PATH', 'REDIS_URL', 'ALLOWED_CHAT_IDS', 'ALLOWED_USER_IDS', 'ADMIN_USER_IDS', 'WEBHOOK_URL', 'WEBHOOK_SECRET', 'PORT', 'LOG_LEVEL', 'INBOX_DIR', 'ARTICLES_DIR']);
    for (const name of names) expect(example).toMatch(new RegExp(`#[^\\n]*\\n(#[^\\n]*\\n)*${name}=`));
    const env = Object.fromEntries(names.map((n) => [n!, '']));
    expect(() => loadConfig(env)).not.toThrow();
  });
});
