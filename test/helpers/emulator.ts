/**
 * End-to-end set-up: the extended telegram-test-api emulator (the same one local mode uses), the
 * production bot talking to it over HTTP with every outgoing call checked against the Bot API
 * spec, and helpers that act as a user and wait for what the bot does.
 */
import type { Chat, User } from 'grammy/types';
import type { Logger } from 'pino';
import { type BotDeps, createBot } from '../../src/bot/createBot.ts';
import { type ApiCall, LocalBotApi } from '../../src/bot/local/emulator.ts';
import { type RunningBot, startPolling } from '../../src/bot/run.ts';
import { openSqliteSessions } from '../../src/bot/sessions/sqlite.ts';
import type { Engine } from '../../src/engine.ts';
import { botInfo, memoryLogger, policy, specValidator } from './botKit.ts';
import { validating } from './validatingApi.ts';

export const TOKEN = `${botInfo.id}:e2e-test-token-not-real`;

export interface E2E {
  emu: LocalBotApi;
  kit: ReturnType<typeof createBot>;
  problems: string[];
  logger: Logger;
  logs: Array<Record<string, unknown>>;
  /** A user writes; resolves with the bot's first message to that chat afterwards. */
  say(from: User, chat: Chat, text: string, replyTo?: { message_id: number }): Promise<ApiCall>;
  /** Starts updates flowing (polling by default) ; returns how to stop them. */
  run(start?: (kit: ReturnType<typeof createBot>) => Promise<RunningBot>): Promise<RunningBot>;
  close(): Promise<void>;
}

export async function startE2E(engine: Engine, deps: Partial<BotDeps> = {}): Promise<E2E> {
  const emu = await LocalBotApi.start({ token: TOKEN, botInfo });
  const { logger, lines } = memoryLogger('info');
  const problems: string[] = [];
  const sessions = await openSqliteSessions(':memory:', { ttlMs: 3_600_000, logger });
  const kit = createBot({
    token: TOKEN,
    apiRoot: emu.apiRoot,
    policy,
    engine,
    logger,
    sessions,
    api: { transformers: [validating(specValidator(), problems)] },
    ...deps,
  });
  let running: RunningBot | undefined;
  return {
    emu,
    kit,
    problems,
    logger,
    logs: lines,
    async say(from, chat, text, replyTo) {
      const since = emu.calls.length;
      await emu.sendMessage(from, chat, text, replyTo);
      return emu.waitForCall((c) => c.method === 'sendMessage' && c.payload.chat_id === chat.id, { since, timeoutMs: 8000 });
    },
    async run(start = (k) => startPolling(k.bot, logger)) {
      running = await start(kit);
      return running;
    },
    async close() {
      await running?.stop();
      await emu.stop();
      await sessions.close();
    },
  };
}
