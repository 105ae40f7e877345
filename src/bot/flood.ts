/**
 * Per-user flood control (@grammyjs/ratelimiter). Inline queries arrive per keystroke, so they
 * get a wider allowance and are dropped silently; messages and buttons beyond the limit get one
 * short notice per window.
 */
import { limit } from '@grammyjs/ratelimiter';
import { Composer } from 'grammy';
import type { BotContext } from './context.ts';
import { plain } from './html.ts';
import { translator } from './i18n.ts';

export interface FloodLimits {
  /** Updates per user per window, for messages and buttons. */
  messages: number;
  inline: number;
  windowMs: number;
}

export const DEFAULT_FLOOD_LIMITS: FloodLimits = { messages: 20, inline: 40, windowMs: 10_000 };

export function floodControl(limits: FloodLimits = DEFAULT_FLOOD_LIMITS): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on(
    'inline_query',
    limit<BotContext, never>({ timeFrame: limits.windowMs, limit: limits.inline, keyPrefix: 'inline', onLimitExceeded: () => undefined }),
  );
  composer.drop(
    (ctx) => Boolean(ctx.inlineQuery),
    limit<BotContext, never>({
      timeFrame: limits.windowMs,
      limit: limits.messages,
      keyPrefix: 'updates',
      onLimitExceeded: async (ctx) => {
        const notice = translator(ctx.t)('rate-limited');
        if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: plain(notice) });
        else if (ctx.chat?.type === 'private' && ctx.message) await ctx.reply(notice.value, { parse_mode: 'HTML' });
      },
    }),
  );
  return composer;
}
