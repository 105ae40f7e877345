/**
 * How updates reach the bot: long polling through @grammyjs/runner (concurrent, as in
 * production), or a webhook on node:http that checks Telegram's secret header and offers
 * /healthz. Both stop the same way: take no new updates, finish the ones in hand.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { run } from '@grammyjs/runner';
import { type Bot, webhookCallback } from 'grammy';
import type { Logger } from 'pino';
import type { WebhookConfig } from '../config.ts';
import type { BotContext } from './context.ts';
import { ALLOWED_UPDATES } from './createBot.ts';

export interface RunningBot {
  stop(): Promise<void>;
}

/** How long a stop waits for updates in hand before giving up on them. */
const DRAIN_MS = 5000;

async function drain(inHand: () => number, deadlineMs = DRAIN_MS): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (inHand() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

export async function startPolling(bot: Bot<BotContext>, logger: Logger, opts: { concurrency?: number } = {}): Promise<RunningBot> {
  await bot.init();
  // Telegram refuses getUpdates while a webhook is set; polling means we no longer want it.
  await bot.api.deleteWebhook();
  const handle = run(bot, {
    runner: { fetch: { allowed_updates: ALLOWED_UPDATES, timeout: 30 } },
    sink: { concurrency: opts.concurrency ?? 200 },
  });
  logger.info({ bot: bot.botInfo.username }, 'long polling for updates');
  return {
    async stop() {
      await handle.stop();
      await drain(() => handle.size());
    },
  };
}

export interface RunningWebhook extends RunningBot {
  port: number;
}

export async function startWebhook(bot: Bot<BotContext>, webhook: WebhookConfig, logger: Logger, health: () => Record<string, unknown> = () => ({})): Promise<RunningWebhook> {
  await bot.init();
  const path = new URL(webhook.url).pathname;
  // Answer Telegram before its own timeout even if a handler is slow, so it does not redeliver.
  const callback = webhookCallback(bot, 'http', { secretToken: webhook.secret, onTimeout: 'return', timeoutMilliseconds: 9000 });
  let inHand = 0;
  const server: Server = createServer(async (req, res) => {
    const route = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'GET' && route === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, ...health() }));
      return;
    }
    if (req.method !== 'POST' || route !== path) {
      res.writeHead(404).end();
      return;
    }
    inHand++;
    try {
      await callback(req, res);
    } catch (err) {
      logger.error({ err }, 'webhook update failed outside the handlers');
      if (!res.headersSent) res.writeHead(500).end();
    } finally {
      inHand--;
    }
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(webhook.port, () => resolve()));
  const port = (server.address() as AddressInfo).port;
  await bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: ALLOWED_UPDATES });
  logger.info({ bot: bot.botInfo.username, port, path }, 'webhook set; listening');
  return {
    port,
    async stop() {
      // The webhook stays registered: Telegram keeps updates queued until the bot is back.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await drain(() => inHand);
      server.closeAllConnections();
      await closed;
    },
  };
}
