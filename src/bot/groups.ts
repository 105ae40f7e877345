/**
 * Life in groups: being added to a group that may not use the bot (refuse and leave), being
 * removed, members leaving (their private access ends at once) and a group turning into a
 * supergroup under a new id. These run before the access gate: a migrated group's first
 * message already carries its new id.
 */
import { Composer, type Transformer } from 'grammy';
import type { Logger } from 'pino';
import { type AccessControl, leaveGroup } from './access.ts';
import type { BotContext } from './context.ts';
import { translator } from './i18n.ts';

export function groupLife(access: AccessControl, logger: Logger): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const groups = composer.chatType(['group', 'supergroup']);

  groups.on('my_chat_member', async (ctx, next) => {
    const { old_chat_member: before, new_chat_member: now } = ctx.myChatMember;
    const joined = ['left', 'kicked'].includes(before.status) && ['member', 'administrator'].includes(now.status);
    const gone = ['left', 'kicked'].includes(now.status);
    if (gone) logger.info({ chatId: ctx.chat.id, status: now.status }, 'removed from a group');
    if (joined && !access.isAllowedChat(ctx.chat.id)) {
      logger.info({ chatId: ctx.chat.id, by: ctx.from.id }, 'added to a group that is not allowed; leaving');
      return leaveGroup(ctx, ctx.chat.id);
    }
    if (joined) await ctx.reply(translator(ctx.t)('group-hello', { bot: ctx.me.username }).value, { parse_mode: 'HTML' });
    return gone || joined ? undefined : next();
  });

  groups.on('message:migrate_to_chat_id', (ctx) => {
    access.migrate(ctx.chat.id, ctx.msg.migrate_to_chat_id);
  });
  groups.on('message:migrate_from_chat_id', (ctx) => {
    access.migrate(ctx.msg.migrate_from_chat_id, ctx.chat.id);
  });

  groups.on('message:left_chat_member', async (ctx, next) => {
    if (access.isAllowedChat(ctx.chat.id)) access.forgetUser(ctx.msg.left_chat_member.id);
    return next();
  });
  return composer;
}

/**
 * Telegram refuses a message to a group that became a supergroup and names the new id; the
 * message is sent again there, and the group's allowance follows it.
 */
export function followMigrations(access: AccessControl): Transformer {
  return async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    const to = result.ok ? undefined : result.parameters?.migrate_to_chat_id;
    if (to === undefined || !payload || !('chat_id' in payload)) return result;
    access.migrate(Number(payload.chat_id), to);
    return prev(method, { ...payload, chat_id: to }, signal);
  };
}
