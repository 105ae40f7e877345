/**
 * The alerts' share of the bot process: the delivery worker, woken by this process's ingests and
 * polling for everyone else's, and the inbox watcher. main.ts starts them with its other workers
 * (in local mode too); the end-to-end tests start the same ones.
 */
import { Api } from 'grammy';
import type { Logger } from 'pino';
import type { BackgroundWorker } from '../bot/workers.ts';
import type { Claimdesk } from '../claimdesk.ts';
import { inboxWatcher } from './inbox.ts';
import { createAlertWorker } from './worker.ts';

export interface AlertServicesOptions {
  claimdesk: Claimdesk;
  /** The bot's token and Bot API server; the worker gets a plain Api of its own (see worker.ts). */
  token: string;
  apiRoot?: string;
  botUsername: string;
  logger: Logger;
  inboxDir: string;
  articlesDir: string;
}

export function alertServices(o: AlertServicesOptions): BackgroundWorker[] {
  const { engine } = o.claimdesk;
  const worker = createAlertWorker({
    engine,
    api: new Api(o.token, o.apiRoot ? { apiRoot: o.apiRoot } : undefined),
    logger: o.logger,
    botUsername: o.botUsername,
  });
  const stopWaking = o.claimdesk.onAlertsQueued(() => worker.wake());
  const delivery: BackgroundWorker = {
    name: worker.name,
    start: () => worker.start(),
    stop: async () => {
      stopWaking();
      await worker.stop();
    },
  };
  return [delivery, inboxWatcher({ engine, logger: o.logger, inboxDir: o.inboxDir, articlesDir: o.articlesDir })];
}
