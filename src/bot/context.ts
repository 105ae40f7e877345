/**
 * The context every handler sees: grammY's, with sessions and translations. Sessions come in two
 * fragments so that a user's language follows them into every chat, while pending questions and
 * paging state belong to one chat.
 */
import type { I18nFlavor } from '@grammyjs/i18n';
import type { Context, SessionFlavor } from 'grammy';

export type Locale = 'de' | 'en';

/** A command waiting for its topic: the next message from this user in this chat answers it. */
export interface PendingQuestion {
  command: 'claims' | 'sources';
  /** Epoch ms; an old question is forgotten rather than hijacking a later message. */
  at: number;
}

export interface UserSession {
  language?: Locale;
}

/** Per chat, so that anyone in a group can turn the pages of an answer given there. */
export interface ChatSession {
  /** By user id: in a group several people may be asked for a topic at once. */
  pending?: Record<string, PendingQuestion>;
  /** Topics too long for callback_data, by the short token their buttons carry. */
  topics?: Record<string, string>;
}

export interface SessionData {
  user: UserSession;
  chat: ChatSession;
}

export type BotContext = Context & SessionFlavor<SessionData> & I18nFlavor;
