/**
 * A command is a module under `commands/`: its name, where it is offered, the translation keys of
 * its menu line and help text, and a factory that builds its grammY `Composer` from the bot's
 * dependencies. Adding a command is adding a module to `commands/index.ts`.
 */
import type { I18n } from '@grammyjs/i18n';
import type { Api, Composer } from 'grammy';
import type { BotCommand, BotCommandScope } from 'grammy/types';
import type { Logger } from 'pino';
import type { Engine } from '../engine.ts';
import type { AccessControl } from './access.ts';
import type { BotContext } from './context.ts';
import { LOCALES } from './i18n.ts';
import { plain, Html } from './html.ts';
import type { SessionBackend } from './sessions/backend.ts';

/** `admin` commands are offered only to admins, in their private chat. */
export type CommandScope = 'private' | 'group' | 'admin';

/** Everything a feature may use; built once in `createBot`, never global. */
export interface FeatureDeps {
  engine: Engine;
  access: AccessControl;
  sessions: SessionBackend;
  logger: Logger;
  commands: readonly CommandModule[];
  startedAt: number;
}

export interface CommandModule {
  readonly command: string;
  /** Translation key of the one-line description in Telegram's command menu. */
  readonly description: string;
  /** Translation key of the help text /help shows. */
  readonly help: string;
  readonly scopes: readonly CommandScope[];
  create(deps: FeatureDeps): Composer<BotContext>;
}

export const commandsFor = (modules: readonly CommandModule[], scope: CommandScope) => modules.filter((m) => m.scopes.includes(scope));

function menu(modules: readonly CommandModule[], i18n: I18n<BotContext>, locale: string): BotCommand[] {
  return modules.map((m) => ({ command: m.command, description: plain(new Html(i18n.t(locale, m.description))).slice(0, 256) }));
}

/**
 * Publishes the command menus: private chats and groups, each in German and English (English
 * also as the fallback for other languages), and for each admin their private chat with the
 * admin commands. The first failure (an emulator may not know setMyCommands) is logged and ends
 * the attempt; it is never fatal.
 */
export async function registerCommands(api: Api, modules: readonly CommandModule[], i18n: I18n<BotContext>, adminIds: readonly number[], logger: Logger): Promise<boolean> {
  const targets: Array<{ scope: BotCommandScope; modules: readonly CommandModule[] }> = [
    { scope: { type: 'all_private_chats' }, modules: commandsFor(modules, 'private') },
    { scope: { type: 'all_group_chats' }, modules: commandsFor(modules, 'group') },
    ...adminIds.map((id) => ({
      scope: { type: 'chat', chat_id: id } as BotCommandScope,
      modules: modules.filter((m) => m.scopes.includes('private') || m.scopes.includes('admin')),
    })),
  ];
  for (const target of targets) {
    for (const language of [undefined, ...LOCALES]) {
      try {
        await api.setMyCommands(menu(target.modules, i18n, language ?? 'en'), { scope: target.scope, ...(language ? { language_code: language } : {}) });
      } catch (err) {
        logger.warn({ err, scope: target.scope, language }, 'could not register the command menus; the bot runs without them');
        return false;
      }
    }
  }
  return true;
}
