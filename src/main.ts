/**
 * `npm start`: configuration → logger → engine → sessions → bot → updates (long polling,
 * webhook, or local mode in the terminal) → background workers (sessions, alert delivery, the
 * inbox). SIGINT/SIGTERM stop it in the reverse order: no new updates, the ones in hand
 * finished, the workers' current work finished, then stores closed, exit 0.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { config as loadDotenv } from 'dotenv';
import { pino } from 'pino';
import { alertServices } from './alerts/services.ts';
import { openClaimdesk } from './claimdesk.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { createBot } from './bot/createBot.ts';
import { createLogger } from './bot/logger.ts';
import { type RunningBot, startPolling, startWebhook } from './bot/run.ts';
import type { SessionBackend } from './bot/sessions/backend.ts';
import { openRedisSessions } from './bot/sessions/redis.ts';
import { openSqliteSessions, sessionDbPath, sessionSweeper } from './bot/sessions/sqlite.ts';
import type { BackgroundWorker } from './bot/workers.ts';
import { ingestPaths } from './ingest/files.ts';

/** Sessions hold nothing that matters for long; a month keeps a chosen language around. */
const SESSION_TTL_SECONDS = 30 * 24 * 3600;
/** Past this, a stop that has not finished gives up waiting and exits anyway. */
const STOP_DEADLINE_MS = 8000;

const dataDir = fileURLToPath(new URL('../data/', import.meta.url));
const demoArticles = join(dataDir, 'articles');

function localLogPath(dbPath: string): string {
  return join(dbPath === ':memory:' ? dataDir : dirname(dbPath), 'local.log');
}

function readConfig(): Config {
  loadDotenv({ quiet: true });
  try {
    return loadConfig(process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const localMode = !config.botToken;
  const logger = createLogger({
    level: config.logLevel,
    secrets: [config.botToken, config.webhook?.secret, config.redisUrl && new URL(config.redisUrl).password],
    // In local mode the terminal is the chat; the log goes to a file beside the database.
    ...(localMode ? { destination: pino.destination({ dest: localLogPath(config.dbPath), sync: true, mkdir: true }) } : {}),
  });

  if (config.dbPath !== ':memory:') mkdirSync(dirname(config.dbPath), { recursive: true });
  const claimdesk = await openClaimdesk({ path: config.dbPath });
  const { engine } = claimdesk;
  if (localMode && (await engine.isEmpty())) {
    const { results, warnings } = await ingestPaths(engine, [demoArticles], { onWarning: (w) => logger.warn(w, 'demo article skipped') });
    logger.info({ articles: results.length, warnings: warnings.length }, 'empty database: demo corpus ingested');
  }

  const workers: BackgroundWorker[] = [];
  let sessions: SessionBackend;
  if (config.redisUrl) {
    const redis = openRedisSessions(config.redisUrl, { ttlSeconds: SESSION_TTL_SECONDS, logger });
    if (!(await redis.ready(3000))) logger.warn('Redis is not reachable yet; starting with degraded sessions');
    sessions = redis;
  } else {
    const sqlite = await openSqliteSessions(sessionDbPath(config.dbPath), { ttlMs: SESSION_TTL_SECONDS * 1000, logger });
    workers.push(sessionSweeper(sqlite, logger));
    sessions = sqlite;
  }

  if (!localMode && !config.allowedChatIds.length && !config.allowedUserIds.length && !config.adminUserIds.length) {
    logger.warn('ALLOWED_CHAT_IDS, ALLOWED_USER_IDS and ADMIN_USER_IDS are empty: the bot will refuse everyone');
  }
  const local = localMode ? await startLocalApi() : undefined;
  const { bot, registerCommands } = createBot({
    token: config.botToken ?? local!.identity.token,
    apiRoot: local?.api.apiRoot ?? config.apiRoot,
    policy: {
      // In local mode the person at the terminal and their group are let in.
      allowedChatIds: [...config.allowedChatIds, ...(local ? [local.identity.group.id] : [])],
      allowedUserIds: [...config.allowedUserIds, ...(local ? [local.identity.user.id] : [])],
      adminUserIds: config.adminUserIds,
    },
    engine,
    logger,
    sessions,
    articlesDir: config.articlesDir,
    ...(local ? { botInfo: local.identity.botInfo } : {}),
  });
  await bot.init();
  workers.push(
    ...alertServices({
      claimdesk,
      token: bot.token,
      apiRoot: local?.api.apiRoot ?? config.apiRoot,
      botUsername: bot.botInfo.username,
      logger,
      inboxDir: config.inboxDir,
      articlesDir: config.articlesDir,
    }),
  );
  // The menus are a convenience: publishing them (with retries) must not delay answering.
  void registerCommands();

  const running: RunningBot = config.webhook
    ? await startWebhook(bot, config.webhook, logger, () => ({ sessions: sessions.healthy() ? 'ok' : 'degraded' }))
    : await startPolling(bot, logger);
  for (const worker of workers) worker.start();

  let stopping: Promise<void> | undefined;
  const stop = (reason: string) =>
    (stopping ??= (async () => {
      logger.info({ reason }, 'stopping');
      setTimeout(() => {
        logger.error('stop took too long; exiting anyway');
        process.exit(1);
      }, STOP_DEADLINE_MS).unref();
      await running.stop();
      for (const worker of workers) await worker.stop();
      await local?.api.stop();
      await Promise.allSettled([engine.close(), sessions.close()]);
      logger.info('stopped');
      process.exit(0);
    })());
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  if (local) {
    await local.chat();
    await stop('terminal chat ended');
  }
}

/** Local mode: the emulator and the terminal chat, loaded only when needed (they are dev tools). */
async function startLocalApi() {
  const { LocalBotApi } = await import('./bot/local/emulator.ts');
  const { localIdentity, runTerminalChat } = await import('./bot/local/terminal.ts');
  const identity = localIdentity(process.env.LANG?.toLowerCase().startsWith('de') ? 'de' : 'en');
  const api = await LocalBotApi.start({ token: identity.token, botInfo: identity.botInfo });
  api.setMember(identity.group.id, identity.user.id, 'member');
  return {
    api,
    identity,
    chat: () => runTerminalChat({ api, identity, input: process.stdin, output: process.stdout, color: process.stdout.isTTY === true }),
  };
}

main().catch((err: unknown) => {
  // The logger may not exist yet; never print the configuration (it holds the token).
  console.error(`claimdesk: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
