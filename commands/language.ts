/** /language: German or English, remembered for the user in every chat. */
import { Composer } from 'grammy';
import { languageData, parseAction } from '../src/bot/callbacks.ts';
import type { CommandModule } from '../src/bot/commands.ts';
import type { BotContext } from '../src/bot/context.ts';
import { LOCALES } from '../src/bot/i18n.ts';
import { answer, editAnswer, stale, viewOf } from '../src/bot/reply.ts';

export const language: CommandModule = {
  command: 'language',
  description: 'cmd-language',
  help: 'cmd-language-help',
  scopes: ['private', 'group'],
  create() {
    const composer = new Composer<BotContext>();
    composer.command('language', async (ctx) => {
      const buttons = LOCALES.map((l) => ({ text: ctx.i18n.fluent.translate(l, 'language-name'), callback_data: languageData(l) }));
      await answer(ctx, viewOf(ctx).t('language-choose').value, { inline_keyboard: [buttons] });
    });
    composer.callbackQuery(/^v1:l:/, async (ctx) => {
      const action = parseAction(ctx.callbackQuery.data);
      if (action?.type !== 'language') return stale(ctx);
      ctx.session.user.language = action.locale;
      await ctx.i18n.renegotiateLocale();
      await editAnswer(ctx, viewOf(ctx).t('language-set').value);
      await ctx.answerCallbackQuery();
    });
    return composer;
  },
};
