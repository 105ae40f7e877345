/**
 * /claims and /sources: a topic after the command answers at once; without one the bot asks, and
 * the asker's next message in that chat is the topic. In a group with privacy mode the bot only
 * sees replies to itself, so the question forces a reply.
 */
import { Composer } from 'grammy';
import { cleanTopic } from '../core/topic.ts';
import { type ListKind, parseAction, resolveTopic } from './callbacks.ts';
import type { FeatureDeps } from './commands.ts';
import type { BotContext } from './context.ts';
import { plain } from './html.ts';
import { renderList } from './lists.ts';
import { answer, editAnswer, isGroup, stale, viewOf } from './reply.ts';

/** A question left unanswered this long no longer claims the next message. */
export const PENDING_TTL_MS = 10 * 60_000;

const CODE: Record<ListKind, string> = { claims: 'c', sources: 's' };

export function topicCommand(list: ListKind, deps: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  const show = async (ctx: BotContext, topic: string) => {
    const rendered = await renderList(deps.engine, list, topic, 0, viewOf(ctx), ctx.session.chat);
    await answer(ctx, rendered.text, rendered.reply_markup);
  };

  composer.command(list, async (ctx) => {
    const topic = cleanTopic(ctx.match);
    setPending(ctx, topic ? undefined : list);
    if (topic) return show(ctx, topic);
    const view = viewOf(ctx);
    await ctx.reply(view.t(list === 'claims' ? 'ask-topic-claims' : 'ask-topic-sources').value, {
      parse_mode: 'HTML',
      reply_markup: { force_reply: true, selective: true, input_field_placeholder: plain(view.t('topic-placeholder')).slice(0, 64) },
      ...(isGroup(ctx) ? { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } } : {}),
    });
  });

  composer.on('message:text', async (ctx, next) => {
    const pending = pendingOf(ctx);
    const isCommand = ctx.msg.entities?.[0]?.type === 'bot_command' && ctx.msg.entities[0].offset === 0;
    // In a private chat, plain text without a pending question is a claims search.
    const freeText = !pending && list === 'claims' && ctx.chat.type === 'private';
    if (isCommand || !(pending === list || freeText)) return next();
    setPending(ctx, undefined);
    const topic = cleanTopic(ctx.msg.text);
    if (topic) await show(ctx, topic);
  });

  composer.callbackQuery(new RegExp(`^v1:${CODE[list]}:`), async (ctx) => {
    const action = parseAction(ctx.callbackQuery.data);
    const chat = ctx.chat ? ctx.session.chat : undefined;
    const topic = action?.type === 'page' ? resolveTopic(action.topic, chat) : undefined;
    if (action?.type !== 'page' || !topic) return stale(ctx);
    const rendered = await renderList(deps.engine, list, topic, action.page, viewOf(ctx), chat);
    await editAnswer(ctx, rendered.text, rendered.reply_markup);
    await ctx.answerCallbackQuery();
  });

  return composer;
}

function pendingOf(ctx: BotContext): ListKind | undefined {
  const pending = ctx.from && ctx.session.chat.pending?.[ctx.from.id];
  return pending && Date.now() - pending.at < PENDING_TTL_MS ? pending.command : undefined;
}

function setPending(ctx: BotContext, command: ListKind | undefined): void {
  if (!ctx.from) return;
  const all = { ...ctx.session.chat.pending };
  // Expired questions of others go with any change, so the map cannot grow without bound.
  for (const [user, p] of Object.entries(all)) if (Date.now() - p.at >= PENDING_TTL_MS) delete all[user];
  if (command) all[ctx.from.id] = { command, at: Date.now() };
  else delete all[ctx.from.id];
  ctx.session.chat.pending = Object.keys(all).length ? all : undefined;
}
