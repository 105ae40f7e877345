/**
 * /article <id> [paragraph]: an article's title, outlet, date and one paragraph, with buttons to
 * turn the paragraphs. Citation links (/start p_<id>_<n>) open the same view.
 */
import { Composer } from 'grammy';
import { parseAction } from '../src/bot/callbacks.ts';
import type { CommandModule } from '../src/bot/commands.ts';
import type { BotContext } from '../src/bot/context.ts';
import { renderArticle } from '../src/bot/articles.ts';
import { answer, editAnswer, stale, viewOf } from '../src/bot/reply.ts';

/** How many recent article ids the usage line offers. */
const RECENT = 5;

export const article: CommandModule = {
  command: 'article',
  description: 'cmd-article',
  help: 'cmd-article-help',
  scopes: ['private', 'group'],
  create({ engine }) {
    const composer = new Composer<BotContext>();
    composer.command('article', async (ctx) => {
      const [id, paragraph] = ctx.match.trim().split(/\s+/);
      const view = viewOf(ctx);
      if (!id) {
        const recent = (await engine.articles())
          .sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''))
          .slice(0, RECENT)
          .map((a) => a.id);
        return answer(ctx, view.t('article-usage', { ids: recent.join(', ') || '—' }).value);
      }
      const n = paragraph && /^\d{1,6}$/.test(paragraph) ? Number(paragraph) : 1;
      const rendered = await renderArticle(engine, id, n, view);
      await answer(ctx, rendered.text, rendered.reply_markup);
    });
    composer.callbackQuery(/^v1:a:/, async (ctx) => {
      const action = parseAction(ctx.callbackQuery.data);
      if (action?.type !== 'article') return stale(ctx);
      const rendered = await renderArticle(engine, action.article, action.paragraph, viewOf(ctx));
      await editAnswer(ctx, rendered.text, rendered.reply_markup);
      await ctx.answerCallbackQuery();
    });
    return composer;
  },
};
