/**
 * A process that only delivers alerts: `node --import tsx src/alerts/workerMain.ts`, configured
 * like the bot (BOT_TOKEN, TELEGRAM_API_ROOT, DB_PATH, LOG_LEVEL). Delivery can so run apart from
 * the bot, and the crash test can kill it at any moment. The lease keeps it and a bot on the same
 * database from both sending.
 */
import { config as loadDotenv } from 'dotenv';
import { Api } from 'grammy';
import { ConfigError, loadConfig } from '../config.ts';
import { createLogger } from '../bot/logger.ts';
import { openClaimdesk } from '../claimdesk.ts';
import { createAlertWorker } from './worker.ts';

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = loadConfig(process.env);
  if (!config.botToken) throw new ConfigError('config: BOT_TOKEN is required to deliver alerts');
  const logger = createLogger({ level: config.logLevel, secrets: [config.botToken] });
  const { engine } = await openClaimdesk({ path: config.dbPath });
  const worker = createAlertWorker({ engine, api: new Api(config.botToken, config.apiRoot ? { apiRoot: config.apiRoot } : undefined), logger });
  worker.start();
  logger.info('alert delivery running');
  const stop = async (signal: string) => {
    logger.info({ signal }, 'stopping alert delivery');
    await worker.stop();
    await engine.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : `claimdesk alerts: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(err instanceof ConfigError ? 2 : 1);
});
