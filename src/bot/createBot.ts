/**
 * Builds the bot: every feature registered in one place, in the order updates flow through them,
 * from an explicit set of dependencies. Nothing here starts polling or a server; `main.ts`
 * decides how updates arrive, tests and the benchmark feed `bot.handleUpdate` directly.
 */
import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { type APIThrottlerOptions, apiThrottler } from '@grammyjs/transformer-throttler';
import { Bot, type Transformer, session } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Logger } from 'pino';
import { commandModules } from '../../commands/index.ts';
import { articleUpload } from '../alerts/upload.ts';
import type { Engine } from '../engine.ts';
import { NOOP_DATA } from './callbacks.ts';
import { AccessControl, type AccessOptions, type AccessPolicy, accessGate } from './access.ts';
import { type CommandModule, type FeatureDeps, registerCommands } from './commands.ts';
import type { BotContext, ChatSession, SessionData, UserSession } from './context.ts';
import { handleOnce } from './dedupe.ts';
import { errorHandler } from './errors.ts';
import { DEFAULT_FLOOD_LIMITS, type FloodLimits, floodControl } from './flood.ts';
import { followMigrations, groupLife } from './groups.ts';
import { createI18n } from './i18n.ts';
import { inlineMode } from './inline.ts';
import { answer, stale, viewOf } from './reply.ts';
import type { SessionBackend } from './sessions/backend.ts';

export interface BotDeps {
  token: string;
  /** A local Bot API server or emulator; default api.telegram.org. */
  apiRoot?: string;
  policy: AccessPolicy;
  engine: Engine;
  logger: Logger;
  sessions: SessionBackend;
  /** Known bot identity, so no getMe is needed (tests, benchmark). */
  botInfo?: UserFromGetMe;
  commands?: readonly CommandModule[];
  /** Where .txt articles admins send in a private chat are kept and ingested from; absent, uploads are not taken. */
  articlesDir?: string;
  access?: AccessOptions;
  flood?: FloodLimits;
  /**
   * Outgoing calls: `transformers` are installed innermost (below retries and throttling; tests
   * record or fake Telegram here); `throttle: false` turns Telegram's rate limits off where
   * nothing real is called.
   */
  api?: { transformers?: Transformer[]; throttle?: boolean | APIThrottlerOptions };
}

export interface ClaimdeskBot {
  bot: Bot<BotContext>;
  access: AccessControl;
  /** Publishes the command menus; false when the server refused (logged). */
  registerCommands(): Promise<boolean>;
}

/** Which updates the bot asks Telegram for. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'inline_query', 'my_chat_member'] as const;

export function createBot(deps: BotDeps): ClaimdeskBot {
  const { logger } = deps;
  const bot = new Bot<BotContext>(deps.token, {
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
    client: { ...(deps.apiRoot ? { apiRoot: deps.apiRoot } : {}) },
  });
  const access = new AccessControl(deps.policy, logger, deps.access);
  const i18n = createI18n();
  const commands = deps.commands ?? commandModules;
  const features: FeatureDeps = { engine: deps.engine, access, sessions: deps.sessions, logger, commands, startedAt: Date.now() };

  // Outgoing: innermost first. Retries wrap throttling, so a retried call queues again.
  bot.api.config.use(...(deps.api?.transformers ?? []));
  const throttle = deps.api?.throttle ?? true;
  if (throttle !== false) bot.api.config.use(apiThrottler(throttle === true ? {} : throttle));
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }));
  bot.api.config.use(followMigrations(access));

  // Incoming, in order.
  bot.use(handleOnce());
  // Updates of one chat and of one user are handled one after another: their sessions are read
  // and written back whole, and concurrent handlers would overwrite each other's changes.
  bot.use(sequentialize<BotContext>((ctx) => [ctx.chat && `c${ctx.chat.id}`, ctx.from && `u${ctx.from.id}`].filter((k): k is string => Boolean(k))));
  bot.use(
    session<SessionData, BotContext>({
      type: 'multi',
      user: { storage: deps.sessions.adapter<UserSession>(), initial: () => ({}), getSessionKey: (ctx) => (ctx.from ? `u:${ctx.from.id}` : undefined) },
      chat: { storage: deps.sessions.adapter<ChatSession>(), initial: () => ({}), getSessionKey: (ctx) => (ctx.chat ? `c:${ctx.chat.id}` : undefined) },
    }),
  );
  bot.use(i18n);

  const guarded = bot.errorBoundary(errorHandler(logger));
  guarded.use(groupLife(access, logger));
  guarded.use(floodControl(deps.flood ?? DEFAULT_FLOOD_LIMITS));
  guarded.use(accessGate(access));
  for (const module of commands) guarded.use(module.create(features));
  if (deps.articlesDir) guarded.use(articleUpload(features, deps.articlesDir));
  guarded.use(inlineMode(features));
  // Anything left: the page indicator, a button from an older version, or a private message the
  // commands did not take.
  guarded.callbackQuery(NOOP_DATA, (ctx) => ctx.answerCallbackQuery());
  guarded.on('callback_query:data', stale);
  guarded.chatType('private').on('message', (ctx) => answer(ctx, viewOf(ctx).t('private-hint').value));

  bot.catch(errorHandler(logger));

  return {
    bot,
    access,
    registerCommands: () => registerCommands(bot.api, commands, i18n, deps.policy.adminUserIds, logger),
  };
}
