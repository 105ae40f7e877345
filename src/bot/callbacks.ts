/**
 * callback_data for the bot's buttons. Telegram keeps at most 64 bytes, and a button may be
 * pressed days later or after a restart, so the data carries everything needed to answer again:
 * the kind of list, the page and the topic itself. Only a topic too long to fit is kept in the
 * chat session under a short token; when that is gone the answer is reported stale. The leading
 * version lets a future format recognise today's buttons as stale instead of misreading them.
 */
import { createHash } from 'node:crypto';
import type { ChatSession, Locale } from './context.ts';

export const CALLBACK_LIMIT = 64;
const VERSION = 'v1';
/** Long topics remembered per chat; older tokens fall out and their buttons become stale. */
const REMEMBERED_TOPICS = 20;

export type ListKind = 'claims' | 'sources';

export type Action =
  | { type: 'page'; list: ListKind; page: number; topic: { text: string } | { token: string } }
  | { type: 'article'; article: string; paragraph: number }
  | { type: 'language'; locale: Locale }
  | { type: 'noop' };

const LIST_CODE: Record<ListKind, string> = { claims: 'c', sources: 's' };

const byteLength = (s: string) => Buffer.byteLength(s, 'utf8');

function tokenFor(topic: string): string {
  return createHash('sha256').update(topic).digest('base64url').slice(0, 10);
}

/** Data for a page button; a topic that does not fit is remembered in `chat` under a token. */
export function pageData(list: ListKind, page: number, topic: string, chat: ChatSession | undefined): string | undefined {
  const direct = `${VERSION}:${LIST_CODE[list]}:${page}:${topic}`;
  if (byteLength(direct) <= CALLBACK_LIMIT && !topic.startsWith('#')) return direct;
  if (!chat) return undefined;
  const token = tokenFor(topic);
  const topics = { ...chat.topics };
  delete topics[token];
  topics[token] = topic;
  const keys = Object.keys(topics);
  for (const old of keys.slice(0, Math.max(0, keys.length - REMEMBERED_TOPICS))) delete topics[old];
  chat.topics = topics;
  return `${VERSION}:${LIST_CODE[list]}:${page}:#${token}`;
}

export function articleData(article: string, paragraph: number): string | undefined {
  const data = `${VERSION}:a:${paragraph}:${article}`;
  return byteLength(data) <= CALLBACK_LIMIT ? data : undefined;
}

export const languageData = (locale: Locale) => `${VERSION}:l:${locale}`;
export const NOOP_DATA = `${VERSION}:x`;

/** Reads button data; `undefined` means it is not ours or from an older format: a stale button. */
export function parseAction(data: string): Action | undefined {
  const m = /^v1:([csalx])(?::(.*))?$/s.exec(data);
  if (!m) return undefined;
  const [, code, rest = ''] = m;
  if (code === 'x') return { type: 'noop' };
  if (code === 'l') return rest === 'de' || rest === 'en' ? { type: 'language', locale: rest } : undefined;
  const sep = rest.indexOf(':');
  const num = Number(rest.slice(0, sep));
  const arg = rest.slice(sep + 1);
  if (sep < 1 || !Number.isInteger(num) || num < 0 || !arg) return undefined;
  if (code === 'a') return num >= 1 ? { type: 'article', article: arg, paragraph: num } : undefined;
  const list: ListKind = code === 'c' ? 'claims' : 'sources';
  return { type: 'page', list, page: num, topic: arg.startsWith('#') ? { token: arg.slice(1) } : { text: arg } };
}

/** The topic a page button refers to, or undefined when its token has been forgotten. */
export function resolveTopic(topic: { text: string } | { token: string }, chat: ChatSession | undefined): string | undefined {
  return 'text' in topic ? topic.text : chat?.topics?.[topic.token];
}
