/**
 * Every command the bot offers, in menu order. A new command is one module here; createBot
 * registers its composer, /help lists its help text and the command menus include it.
 */
import type { CommandModule } from '../src/bot/commands.ts';
import { article } from './article.ts';
import { claims } from './claims.ts';
import { help } from './help.ts';
import { language } from './language.ts';
import { quiet } from './quiet.ts';
import { sources } from './sources.ts';
import { start } from './start.ts';
import { status } from './status.ts';
import { subscribe } from './subscribe.ts';
import { subscriptions } from './subscriptions.ts';
import { topics } from './topics.ts';
import { unsubscribe } from './unsubscribe.ts';

export const commandModules: readonly CommandModule[] = [
  start,
  help,
  claims,
  sources,
  article,
  topics,
  subscribe,
  unsubscribe,
  subscriptions,
  quiet,
  language,
  status,
];
