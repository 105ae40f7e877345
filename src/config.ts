/**
 * The bot's configuration, read once from the environment at start-up. Anything missing or
 * malformed is a `ConfigError` whose message is one line naming the variable, so a wrong
 * deployment stops before it touches Telegram.
 */
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { dataDir, defaultDbPath } from './store/paths.ts';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface WebhookConfig {
  url: string;
  secret: string;
  port: number;
}

export interface Config {
  /** Absent: local mode against the in-process emulator. */
  botToken: string | undefined;
  apiRoot: string | undefined;
  dbPath: string;
  redisUrl: string | undefined;
  allowedChatIds: number[];
  allowedUserIds: number[];
  adminUserIds: number[];
  webhook: WebhookConfig | undefined;
  port: number;
  logLevel: LogLevel;
  /** Watched for new article files; each is ingested, then moved to `articlesDir`. */
  inboxDir: string;
  /** Where ingested inbox files and articles uploaded by admins are kept. */
  articlesDir: string;
}

export class ConfigError extends Error {}

const DEFAULT_INBOX_DIR = join(dataDir, 'inbox');
const DEFAULT_ARTICLES_DIR = join(dataDir, 'articles');

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);

const idList = (what: string) =>
  z.preprocess(
    (v) => (v ?? '') as string,
    z
      .string()
      .regex(/^\s*(-?\d{1,16}\s*(,\s*-?\d{1,16}\s*)*)?,?\s*$/, `must be a comma-separated list of numeric ${what} ids`)
      .transform((s) =>
        s
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean)
          .map(Number),
      ),
  );

const url = (what: string) =>
  z
    .string()
    .refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), `must be an http(s) URL for ${what}`);

const schema = z
  .object({
    BOT_TOKEN: z.preprocess(blankToUndefined, z.string().regex(/^\d{3,}:[A-Za-z0-9_-]{20,}$/, 'does not look like a bot token from @BotFather').optional()),
    TELEGRAM_API_ROOT: z.preprocess(blankToUndefined, url('the Bot API server').optional()),
    DB_PATH: z.preprocess(blankToUndefined, z.string().optional()),
    REDIS_URL: z.preprocess(
      blankToUndefined,
      z
        .string()
        .refine((s) => URL.canParse(s) && /^rediss?:$/.test(new URL(s).protocol), 'must be a redis:// or rediss:// URL')
        .optional(),
    ),
    ALLOWED_CHAT_IDS: idList('chat'),
    ALLOWED_USER_IDS: idList('user'),
    ADMIN_USER_IDS: idList('user'),
    WEBHOOK_URL: z.preprocess(blankToUndefined, url('the webhook').optional()),
    WEBHOOK_SECRET: z.preprocess(
      blankToUndefined,
      z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'must be 1-256 characters of A-Z, a-z, 0-9, _ and -').optional(),
    ),
    PORT: z.preprocess(
      (v) => blankToUndefined(v) ?? '8080',
      z
        .string()
        .regex(/^\d{1,5}$/, 'must be a port number')
        .transform(Number)
        .refine((n) => n <= 65535, 'must be a port number up to 65535'),
    ),
    LOG_LEVEL: z.preprocess(
      (v) => blankToUndefined(v) ?? 'info',
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'must be one of fatal, error, warn, info, debug, trace, silent'),
    ),
    INBOX_DIR: z.preprocess(blankToUndefined, z.string().optional()),
    ARTICLES_DIR: z.preprocess(blankToUndefined, z.string().optional()),
  })
  .superRefine((env, ctx) => {
    if (env.WEBHOOK_URL && !env.BOT_TOKEN) ctx.addIssue({ code: 'custom', path: ['WEBHOOK_URL'], message: 'needs BOT_TOKEN (local mode always polls)' });
    if (env.WEBHOOK_URL && !env.WEBHOOK_SECRET) ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRET'], message: 'is required when WEBHOOK_URL is set' });
    // Telegram only calls HTTPS webhooks; plain HTTP makes sense only behind a local Bot API server.
    if (env.WEBHOOK_URL?.startsWith('http:') && !env.TELEGRAM_API_ROOT) {
      ctx.addIssue({ code: 'custom', path: ['WEBHOOK_URL'], message: 'must be https:// (http:// only with TELEGRAM_API_ROOT)' });
    }
    // The watcher moves files out of the inbox into the articles folder: one folder cannot be both.
    const inbox = resolve(env.INBOX_DIR ?? DEFAULT_INBOX_DIR);
    if (inbox === resolve(env.ARTICLES_DIR ?? DEFAULT_ARTICLES_DIR)) {
      ctx.addIssue({ code: 'custom', path: ['INBOX_DIR'], message: 'must not be the ARTICLES_DIR folder' });
    }
  });

/** Parses the environment; throws `ConfigError` with a single line on the first problem. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`config: ${name} ${issue.message}`);
  }
  const e = parsed.data;
  return {
    botToken: e.BOT_TOKEN,
    apiRoot: e.TELEGRAM_API_ROOT?.replace(/\/+$/, ''),
    dbPath: e.DB_PATH === ':memory:' ? ':memory:' : resolve(e.DB_PATH ?? defaultDbPath()),
    redisUrl: e.REDIS_URL,
    allowedChatIds: e.ALLOWED_CHAT_IDS,
    allowedUserIds: e.ALLOWED_USER_IDS,
    adminUserIds: e.ADMIN_USER_IDS,
    webhook: e.WEBHOOK_URL ? { url: e.WEBHOOK_URL, secret: e.WEBHOOK_SECRET!, port: e.PORT } : undefined,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    inboxDir: resolve(e.INBOX_DIR ?? DEFAULT_INBOX_DIR),
    articlesDir: resolve(e.ARTICLES_DIR ?? DEFAULT_ARTICLES_DIR),
  };
}
