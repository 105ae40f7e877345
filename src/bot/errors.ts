/**
 * A failing handler must never stop the bot. The error is logged with a short reference id, and
 * the user is told that something went wrong with that same id, so a report can be matched to
 * the log line.
 */
import { randomBytes } from 'node:crypto';
import type { BotError } from 'grammy';
import type { Logger } from 'pino';
import type { BotContext } from './context.ts';
import { html, plain } from './html.ts';
import { translator } from './i18n.ts';

export const newReference = () => randomBytes(4).toString('hex').toUpperCase();

export function errorHandler(logger: Logger) {
  return async (err: BotError<BotContext>): Promise<void> => {
    const ctx = err.ctx;
    const ref = newReference();
    logger.error(
      { err: err.error, ref, updateId: ctx.update.update_id, chatId: ctx.chat?.id, userId: ctx.from?.id, kind: Object.keys(ctx.update).find((k) => k !== 'update_id') },
      'update handler failed',
    );
    // The translator exists once i18n has run; an error before that still gets a bilingual apology.
    const apology = typeof ctx.t === 'function' ? translator(ctx.t)('error-apology', { ref }) : html`Entschuldigung / Sorry — Referenz: <code>${ref}</code>`;
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: plain(apology), show_alert: true });
      else if (ctx.inlineQuery) await ctx.answerInlineQuery([], { cache_time: 0, is_personal: true });
      else if (ctx.chat && ctx.msg) await ctx.reply(apology.value, { parse_mode: 'HTML' });
    } catch (apologyError) {
      logger.warn({ err: apologyError, ref }, 'could not deliver the apology');
    }
  };
}
