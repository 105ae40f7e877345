/**
 * What the alert commands share: who may change a chat's alerts, reading their arguments, and
 * the /subscriptions list with its remove buttons.
 */
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { BotContext } from '../bot/context.ts';
import type { View } from '../bot/format.ts';
import { bold, type Html, joinHtml, truncate } from '../bot/html.ts';
import { answer } from '../bot/reply.ts';
import { cleanTopic } from '../core/topic.ts';
import type { ChatAlerts } from './store.ts';
import { canonicalTimeZone, formatClock, parseClock, type QuietHours } from './time.ts';

/** callback_data of a remove button on /subscriptions. */
export const REMOVE_DATA = /^al:rm:(\d+)$/;
export const removeData = (id: number) => `al:rm:${id}`;

/** In a group only administrators (or the group itself, posting anonymously) change its alerts. */
export async function canManage(ctx: BotContext): Promise<boolean> {
  const chat = ctx.chat;
  if (!chat || chat.type === 'private') return true;
  if (chat.type === 'channel' || !ctx.from) return false;
  if (ctx.msg?.sender_chat?.id === chat.id) return true;
  const member = await ctx.getChatMember(ctx.from.id);
  return member.status === 'creator' || member.status === 'administrator';
}

/** Replies that the asker may not change this group's alerts; false when they may. */
export async function refuseNonAdmin(ctx: BotContext, view: View): Promise<boolean> {
  if (await canManage(ctx)) return false;
  await answer(ctx, view.t('alerts-admins-only').value);
  return true;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: Html };

export interface SubscribeArgs {
  topic: string;
  /** Minutes after local midnight of the digest; null: instant. */
  digestAt: number | null;
  timeZone: string | null;
}

const DEFAULT_DIGEST_AT = 8 * 60;
const DAILY = /^(daily|täglich|taeglich)$/i;
const INSTANT = /^(instant|sofort)$/i;

/**
 * `kursk`, `kursk daily`, `kursk daily 08:00`, `kursk daily 08:00 Europe/London`, `kursk instant`:
 * the schedule words are read from the end, everything before them is the topic.
 */
export function parseSubscribe(text: string, view: View): Parsed<SubscribeArgs> | null {
  const words = cleanTopic(text).split(' ').filter(Boolean);
  const daily = words.findIndex((w, i) => i > 0 && DAILY.test(w));
  if (daily > 0) {
    const [time, zone, ...extra] = words.slice(daily + 1);
    if (extra.length) return null;
    const digestAt = time === undefined ? DEFAULT_DIGEST_AT : parseClock(time);
    if (digestAt === null) return { ok: false, error: view.t('alerts-bad-time', { value: time! }) };
    const timeZone = zone === undefined ? null : canonicalTimeZone(zone);
    if (zone !== undefined && !timeZone) return { ok: false, error: view.t('alerts-bad-time-zone', { value: zone }) };
    return { ok: true, value: { topic: words.slice(0, daily).join(' '), digestAt, timeZone } };
  }
  const instant = words.length > 1 && INSTANT.test(words[words.length - 1]!);
  const topic = (instant ? words.slice(0, -1) : words).join(' ');
  return topic ? { ok: true, value: { topic, digestAt: null, timeZone: null } } : null;
}

export interface QuietArgs {
  quiet: QuietHours | null;
  timeZone: string | null;
}

/** `22-07`, `22:30-06:45`, `22–7 Europe/London`, `off`. Null: nothing given (show the setting). */
export function parseQuiet(text: string, view: View): Parsed<QuietArgs> | null {
  const words = cleanTopic(text).split(' ').filter(Boolean);
  if (!words.length) return null;
  if (words.length === 1 && /^(off|aus)$/i.test(words[0]!)) return { ok: true, value: { quiet: null, timeZone: null } };
  const range = /^([\d:]+)\s*[-–—]\s*([\d:]+)$/.exec(words[0]!);
  const from = range ? parseClock(range[1]!) : null;
  const until = range ? parseClock(range[2]!) : null;
  if (from === null || until === null || from === until || words.length > 2) return { ok: false, error: view.t('alerts-usage-quiet') };
  const zone = words[1];
  const timeZone = zone === undefined ? null : canonicalTimeZone(zone);
  if (zone !== undefined && !timeZone) return { ok: false, error: view.t('alerts-bad-time-zone', { value: zone }) };
  return { ok: true, value: { quiet: { from, until }, timeZone } };
}

export const quietText = (quiet: QuietHours) => `${formatClock(quiet.from)}–${formatClock(quiet.until)}`;

/** The chat's topics, schedule and settings, with one remove button per topic. */
export function subscriptionList(alerts: ChatAlerts | null, view: View): { text: string; reply_markup?: InlineKeyboardMarkup } {
  if (!alerts?.subscriptions.length) return { text: view.t('alerts-list-empty').value };
  const lines = alerts.subscriptions.map((s) => {
    const topic = bold(truncate(s.topic, 60));
    return s.digestAt === null ? view.t('alerts-list-instant', { topic }) : view.t('alerts-list-daily', { topic, time: formatClock(s.digestAt) });
  });
  const settings = view.t('alerts-list-settings', { zone: alerts.timeZone, quiet: alerts.quiet ? quietText(alerts.quiet) : view.t('alerts-quiet-none') });
  return {
    text: joinHtml([view.t('alerts-list-header'), joinHtml(lines, '\n'), settings], '\n\n').value,
    reply_markup: { inline_keyboard: alerts.subscriptions.map((s) => [{ text: `✖ ${truncate(s.topic, 40)}`, callback_data: removeData(s.id) }]) },
  };
}
