/**
 * Who may see the corpus. A newsroom's corpus is not public: allowed groups may use the bot, and
 * so may their members in private chats and inline mode, as well as explicitly allowed users.
 * Group membership is asked of Telegram (`getChatMember`) and cached, since inline mode alone can
 * bring an update per keystroke.
 */
import type { Api, MiddlewareFn } from 'grammy';
import type { ChatMember } from 'grammy/types';
import type { Logger } from 'pino';
import type { BotContext } from './context.ts';
import { plain } from './html.ts';
import { translator } from './i18n.ts';

export interface AccessPolicy {
  allowedChatIds: number[];
  allowedUserIds: number[];
  adminUserIds: number[];
}

interface CacheEntry {
  allowed: boolean;
  expires: number;
}

export interface AccessOptions {
  /** How long a confirmed membership is trusted. */
  memberTtlMs?: number;
  /** How long a refusal is remembered: short, so a newly added member gets in soon. */
  strangerTtlMs?: number;
  maxCached?: number;
  now?: () => number;
}

const MEMBER_STATUSES = new Set<ChatMember['status']>(['creator', 'administrator', 'member']);

export class AccessControl {
  private readonly chats: Set<number>;
  private readonly users: Set<number>;
  private readonly admins: Set<number>;
  private readonly cache = new Map<number, CacheEntry>();
  private readonly inFlight = new Map<number, Promise<boolean>>();
  private readonly memberTtl: number;
  private readonly strangerTtl: number;
  private readonly maxCached: number;
  private readonly now: () => number;

  constructor(
    policy: AccessPolicy,
    private readonly logger: Logger,
    opts: AccessOptions = {},
  ) {
    this.chats = new Set(policy.allowedChatIds);
    this.admins = new Set(policy.adminUserIds);
    this.users = new Set([...policy.allowedUserIds, ...policy.adminUserIds]);
    this.memberTtl = opts.memberTtlMs ?? 10 * 60_000;
    this.strangerTtl = opts.strangerTtlMs ?? 60_000;
    this.maxCached = opts.maxCached ?? 50_000;
    this.now = opts.now ?? Date.now;
  }

  isAllowedChat(chatId: number): boolean {
    return this.chats.has(chatId);
  }

  isAdmin(userId: number): boolean {
    return this.admins.has(userId);
  }

  /** Allowed users, admins, and members of any allowed group (asked of Telegram, cached). */
  async isAllowedUser(api: Api, userId: number): Promise<boolean> {
    if (this.users.has(userId)) return true;
    if (!this.chats.size) return false;
    const cached = this.cache.get(userId);
    if (cached && cached.expires > this.now()) return cached.allowed;
    const running = this.inFlight.get(userId);
    if (running) return running;
    const check = this.checkMembership(api, userId).finally(() => this.inFlight.delete(userId));
    this.inFlight.set(userId, check);
    return check;
  }

  private async checkMembership(api: Api, userId: number): Promise<boolean> {
    let allowed = false;
    for (const chatId of this.chats) {
      try {
        const member = await api.getChatMember(chatId, userId);
        if (MEMBER_STATUSES.has(member.status) || (member.status === 'restricted' && member.is_member)) {
          allowed = true;
          break;
        }
      } catch (err) {
        this.logger.warn({ err, chatId, userId }, 'membership check failed; treating as not a member');
      }
    }
    if (this.cache.size >= this.maxCached) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(userId, { allowed, expires: this.now() + (allowed ? this.memberTtl : this.strangerTtl) });
    return allowed;
  }

  /** A member left or was removed: their private access ends now, not when the cache expires. */
  forgetUser(userId: number): void {
    this.cache.delete(userId);
  }

  /**
   * A group became a supergroup under a new id. The allowance follows it for this run; the
   * operator is told to update ALLOWED_CHAT_IDS so it survives a restart.
   */
  migrate(fromChatId: number, toChatId: number): boolean {
    if (!this.chats.has(fromChatId) || this.chats.has(toChatId)) return false;
    this.chats.add(toChatId);
    this.logger.warn({ fromChatId, toChatId }, `allowed group migrated to ${toChatId}: replace ${fromChatId} in ALLOWED_CHAT_IDS`);
    return true;
  }
}

/**
 * Lets through only what the policy allows; everyone else gets a short refusal and nothing from
 * the corpus. Groups are judged by chat, everything else (private chats, inline queries, buttons
 * on inline messages) by user.
 */
export function accessGate(access: AccessControl): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const chat = ctx.chat;
    if (chat?.type === 'channel') return;
    if (chat && (chat.type === 'group' || chat.type === 'supergroup')) {
      if (access.isAllowedChat(chat.id)) return next();
      return refuseGroup(ctx, chat.id);
    }
    const user = ctx.from;
    if (user && !user.is_bot && (await access.isAllowedUser(ctx.api, user.id))) return next();
    if (user) await refuseUser(ctx, user.id);
  };
}

async function refuseUser(ctx: BotContext, userId: number): Promise<void> {
  const t = translator(ctx.t);
  if (ctx.inlineQuery) {
    // is_personal and no caching: a refusal must not be served to anyone else, nor outlive access being granted.
    await ctx.answerInlineQuery([], { cache_time: 0, is_personal: true, button: { text: plain(t('inline-no-access')), start_parameter: 'access' } });
  } else if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery({ text: plain(t('access-denied', { id: String(userId) })), show_alert: true });
  } else if (ctx.chat?.type === 'private' && ctx.message) {
    await ctx.reply(t('access-denied', { id: String(userId) }).value, { parse_mode: 'HTML' });
  }
}

/**
 * A group that is not allowed: whoever asks there is told so, and the bot leaves. Service
 * messages pass silently; joining such a group is answered by the membership handler.
 */
async function refuseGroup(ctx: BotContext, chatId: number): Promise<void> {
  if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery({ text: plain(translator(ctx.t)('access-denied-group', { id: String(chatId) })), show_alert: true });
  } else if (ctx.message?.text) {
    await leaveGroup(ctx, chatId);
  }
}

export async function leaveGroup(ctx: BotContext, chatId: number): Promise<void> {
  await ctx.api.sendMessage(chatId, translator(ctx.t)('access-denied-group', { id: String(chatId) }).value, { parse_mode: 'HTML' });
  await ctx.api.leaveChat(chatId);
}
