/**
 * /start, also with deep-link payloads: `p_<article>_<paragraph>` opens a cited passage (the
 * target of every citation link), `access` and `help` come from inline mode's buttons.
 */
import { Composer } from 'grammy';
import { renderArticle } from '../src/bot/articles.ts';
import type { CommandModule } from '../src/bot/commands.ts';
import type { BotContext } from '../src/bot/context.ts';
import { parseStartPayload } from '../src/bot/deeplink.ts';
import { answer, viewOf } from '../src/bot/reply.ts';

export const start: CommandModule = {
  command: 'start',
  description: 'cmd-start',
  help: 'cmd-start-help',
  scopes: ['private'],
  create({ engine }) {
    const composer = new Composer<BotContext>();
    composer.command('start', async (ctx) => {
      const view = viewOf(ctx);
      const payload = parseStartPayload(ctx.match.trim());
      if (payload?.kind === 'passage') {
        const rendered = await renderArticle(engine, payload.article, payload.paragraph, view);
        return answer(ctx, rendered.text, rendered.reply_markup);
      }
      await answer(ctx, view.t('welcome', { bot: view.botUsername }).value);
    });
    return composer;
  },
};
