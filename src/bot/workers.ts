/**
 * Background work that runs beside the bot (session expiry, alert delivery, the inbox). main.ts
 * starts every worker in its list after the bot and stops them before closing the stores.
 */
import type { Logger } from 'pino';

export interface BackgroundWorker {
  readonly name: string;
  start(): void;
  /** Resolves once the worker has finished what it was doing. */
  stop(): Promise<void>;
}

/** A worker that runs `task` every `intervalMs`, one run at a time; failures are logged. */
export function periodicWorker(name: string, intervalMs: number, task: () => Promise<void>, logger: Logger): BackgroundWorker {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  return {
    name,
    start() {
      timer = setInterval(() => {
        running = running.then(task).catch((err: unknown) => logger.warn({ err, worker: name }, 'background task failed'));
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
