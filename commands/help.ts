/** /help: the commands offered in this kind of chat, each with its help text. */
import { Composer } from 'grammy';
import { type CommandModule, commandsFor } from '../src/bot/commands.ts';
import type { BotContext } from '../src/bot/context.ts';
import { answer, isGroup, viewOf } from '../src/bot/reply.ts';

export const help: CommandModule = {
  command: 'help',
  description: 'cmd-help',
  help: 'cmd-help-help',
  scopes: ['private', 'group'],
  create({ commands, access }) {
    const composer = new Composer<BotContext>();
    composer.command('help', async (ctx) => {
      const view = viewOf(ctx);
      const offered = isGroup(ctx)
        ? commandsFor(commands, 'group')
        : commands.filter((c) => c.scopes.includes('private') || (c.scopes.includes('admin') && ctx.from && access.isAdmin(ctx.from.id)));
      const lines = [view.t('help-header').value, ...offered.map((c) => view.t(c.help).value), '', view.t('help-inline', { bot: view.botUsername }).value];
      await answer(ctx, lines.join('\n'));
    });
    return composer;
  },
};
