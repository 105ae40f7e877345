/** /subscriptions: the topics this chat follows, with a button to remove each. */
import { Composer } from 'grammy';
import type { CommandModule } from '../src/bot/commands.ts';
import type { BotContext } from '../src/bot/context.ts';
import { plain, truncate } from '../src/bot/html.ts';
import { answer, editAnswer, viewOf } from '../src/bot/reply.ts';
import { canManage, REMOVE_DATA, subscriptionList } from '../src/alerts/chat.ts';
import { alertStoreFor } from '../src/alerts/store.ts';

export const subscriptions: CommandModule = {
  command: 'subscriptions',
  description: 'cmd-subscriptions',
  help: 'cmd-subscriptions-help',
  scopes: ['private', 'group'],
  create({ engine }) {
    const store = alertStoreFor(engine);
    const composer = new Composer<BotContext>();
    composer.command('subscriptions', async (ctx) => {
      const view = viewOf(ctx);
      const alerts = await store.chat(ctx.chat.id);
      // Whoever reads this here can be written to: a chat paused after a refusal is live again.
      const resumed = alerts?.pausedReason ? await store.touch(ctx.chat.id, view.locale) : false;
      const list = subscriptionList(alerts, view);
      const notice = resumed ? `${view.t('alerts-paused', { reason: truncate(alerts!.pausedReason!, 100) }).value}\n\n` : '';
      await answer(ctx, notice + list.text, list.reply_markup);
    });
    composer.callbackQuery(REMOVE_DATA, async (ctx) => {
      const view = viewOf(ctx);
      const chatId = ctx.chat?.id;
      if (chatId === undefined) return ctx.answerCallbackQuery();
      if (!(await canManage(ctx))) return ctx.answerCallbackQuery({ text: plain(view.t('alerts-admins-only')), show_alert: true });
      const removed = await store.unsubscribeById(chatId, Number(ctx.match[1]));
      const list = subscriptionList(await store.chat(chatId), view);
      await editAnswer(ctx, list.text, list.reply_markup);
      await ctx.answerCallbackQuery(removed === null ? {} : { text: plain(view.t('alerts-removed', { topic: truncate(removed, 60) })) });
    });
    return composer;
  },
};
