/** Sending answers the same way everywhere: HTML, no link previews, and in groups as a reply. */
import { GrammyError } from 'grammy';
import type { InlineKeyboardMarkup, Message } from 'grammy/types';
import type { BotContext } from './context.ts';
import type { View } from './format.ts';
import { plain } from './html.ts';
import { localeOf, translator, translatorFor } from './i18n.ts';

export function viewOf(ctx: BotContext): View {
  const locale = localeOf(ctx);
  return { t: translatorFor(ctx.i18n.fluent, locale), locale, botUsername: ctx.me.username };
}

export const isGroup = (ctx: BotContext) => ctx.chat?.type === 'group' || ctx.chat?.type === 'supergroup';

/** Sends an HTML answer; in a group it replies to the asking message so the thread stays readable. */
export function answer(ctx: BotContext, text: string, reply_markup?: InlineKeyboardMarkup): Promise<Message.TextMessage> {
  const asking = ctx.msg?.message_id;
  return ctx.reply(text, {
    parse_mode: 'HTML',
    link_preview_options: { is_disabled: true },
    ...(reply_markup ? { reply_markup } : {}),
    ...(isGroup(ctx) && asking ? { reply_parameters: { message_id: asking, allow_sending_without_reply: true } } : {}),
  });
}

/** Replaces the text of the message a button sits on; an unchanged page is not an error. */
export async function editAnswer(ctx: BotContext, text: string, reply_markup?: InlineKeyboardMarkup): Promise<void> {
  try {
    await ctx.editMessageText(text, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...(reply_markup ? { reply_markup } : {}) });
  } catch (err) {
    if (!(err instanceof GrammyError && /message is not modified/i.test(err.description))) throw err;
  }
}

/** A button whose answer can no longer be rebuilt says so instead of failing silently. */
export async function stale(ctx: BotContext): Promise<void> {
  await ctx.answerCallbackQuery({ text: plain(translator(ctx.t)('stale-answer')), show_alert: true });
}
