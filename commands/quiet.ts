/** /quiet 22-07 [zone] | off: instant alerts wait while the chat sleeps. */
import { Composer } from 'grammy';
import type { CommandModule } from '../src/bot/commands.ts';
import type { BotContext } from '../src/bot/context.ts';
import { answer, viewOf } from '../src/bot/reply.ts';
import { parseQuiet, quietText, refuseNonAdmin } from '../src/alerts/chat.ts';
import { alertStoreFor } from '../src/alerts/store.ts';
import { formatClock } from '../src/alerts/time.ts';

export const quiet: CommandModule = {
  command: 'quiet',
  description: 'cmd-quiet',
  help: 'cmd-quiet-help',
  scopes: ['private', 'group'],
  create({ engine }) {
    const store = alertStoreFor(engine);
    const composer = new Composer<BotContext>();
    composer.command('quiet', async (ctx) => {
      const view = viewOf(ctx);
      const args = parseQuiet(ctx.match, view);
      if (!args) {
        const current = (await store.chat(ctx.chat.id))?.quiet;
        return answer(ctx, view.t('alerts-quiet-show', { quiet: current ? quietText(current) : view.t('alerts-quiet-none') }).value);
      }
      if (!args.ok) return answer(ctx, args.error.value);
      if (await refuseNonAdmin(ctx, view)) return;
      const { quiet: hours, timeZone } = args.value;
      await store.setQuiet(ctx.chat.id, hours, timeZone, view.locale);
      if (!hours) return answer(ctx, view.t('alerts-quiet-off').value);
      const zone = (await store.chat(ctx.chat.id))!.timeZone;
      await answer(ctx, view.t('alerts-quiet-set', { from: formatClock(hours.from), until: formatClock(hours.until), zone }).value);
    });
    return composer;
  },
};
