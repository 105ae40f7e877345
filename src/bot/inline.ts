/**
 * Inline mode: `@bot kursk` in any chat offers claim cards; choosing one sends the claim with its
 * citations. An empty query offers the latest claims. Results are personal (access is per user,
 * so Telegram must not serve one user's results to another) and cached briefly, since the corpus
 * grows while the bot runs.
 */
import { Composer } from 'grammy';
import type { InlineQueryResultArticle } from 'grammy/types';
import { cleanTopic } from '../core/topic.ts';
import type { FeatureDeps } from './commands.ts';
import type { BotContext } from './context.ts';
import { CITATIONS_SHOWN, claimCard, claimSummary } from './format.ts';
import { plain } from './html.ts';
import { truncate } from './html.ts';
import { viewOf } from './reply.ts';

/** Telegram shows at most 50 results per answer; more come through next_offset. */
export const INLINE_PAGE = 50;
export const INLINE_CACHE_SECONDS = 30;
/** Offsets beyond this are refused: nobody scrolls that far, and it bounds the engine's work. */
const MAX_OFFSET = 1000;

export function inlineMode({ engine }: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on('inline_query', async (ctx) => {
    const view = viewOf(ctx);
    const topic = cleanTopic(ctx.inlineQuery.query);
    const offset = /^\d{1,4}$/.test(ctx.inlineQuery.offset) ? Number(ctx.inlineQuery.offset) : 0;
    if (offset > MAX_OFFSET) return ctx.answerInlineQuery([], { cache_time: INLINE_CACHE_SECONDS, is_personal: true });
    const query = { limit: INLINE_PAGE, offset, citations: CITATIONS_SHOWN };
    const page = topic ? await engine.claims(topic, query) : await engine.latestClaims(query);
    const results = page.items.map((claim): InlineQueryResultArticle => {
      const summary = claimSummary(claim, view);
      return {
        type: 'article',
        id: claim.id.slice(0, 64),
        title: summary.title,
        description: summary.description,
        input_message_content: { message_text: claimCard(claim, view), parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
      };
    });
    const end = offset + results.length;
    const more = results.length === INLINE_PAGE && end < page.total && end <= MAX_OFFSET;
    const emptyButton =
      offset === 0 && !results.length
        ? { button: { text: truncate(plain(topic ? view.t('inline-no-results', { topic: truncate(topic, 30) }) : view.t('inline-empty-corpus')), 64), start_parameter: 'help' } }
        : {};
    await ctx.answerInlineQuery(results, { cache_time: INLINE_CACHE_SECONDS, is_personal: true, next_offset: more ? String(end) : '', ...emptyButton });
  });
  return composer;
}
