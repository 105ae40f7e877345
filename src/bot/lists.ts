/**
 * The paged claim and source lists shared by /claims, /sources, their buttons and the topic
 * suggestions. A page is fetched by offset from the engine, so any page can be rebuilt from the
 * button alone.
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import type { Page } from '../core/answers.ts';
import type { Engine } from '../engine.ts';
import { type ListKind, NOOP_DATA, pageData } from './callbacks.ts';
import type { ChatSession } from './context.ts';
import { type Block, CITATIONS_SHOWN, claimBlock, fitMessage, nameList, sourceBlock, type View } from './format.ts';
import { truncate } from './html.ts';

export const PAGE_SIZE: Record<ListKind, number> = { claims: 4, sources: 6 };
/** Suggested topics when a search finds nothing. */
const SUGGESTIONS = 6;

export interface Rendered {
  text: string;
  reply_markup?: InlineKeyboardMarkup;
}

export async function renderList(engine: Engine, list: ListKind, topic: string, requestedPage: number, view: View, chat: ChatSession | undefined): Promise<Rendered> {
  const size = PAGE_SIZE[list];
  const found =
    list === 'claims'
      ? await fetchPage((offset) => engine.claims(topic, { limit: size, offset, citations: CITATIONS_SHOWN }), requestedPage, size, (c, n) => claimBlock(c, n, view))
      : await fetchPage((offset) => engine.sources(topic, { limit: size, offset }), requestedPage, size, (s, n) => sourceBlock(s, n, view));
  if (!found.total) return noResults(engine, list, topic, view, chat);
  const header = view.t(list === 'claims' ? 'claims-header' : 'sources-header', { topic: truncate(topic, 60), total: found.total });
  return { text: fitMessage(header, found.blocks), reply_markup: pager(list, topic, found.page, Math.ceil(found.total / size), chat) };
}

async function fetchPage<T>(fetch: (offset: number) => Promise<Page<T>>, requested: number, size: number, block: (item: T, n: number) => Block) {
  let page = requested;
  let result = await fetch(page * size);
  if (!result.items.length && result.total > 0) {
    // The corpus shrank since the button was made: show the last page there is.
    page = Math.ceil(result.total / size) - 1;
    result = await fetch(page * size);
  }
  return { page, total: result.total, blocks: result.items.map((item, i) => block(item, page * size + i + 1)) };
}

/** ◀ 2/5 ▶ — the middle button only shows where you are. */
function pager(list: ListKind, topic: string, page: number, pages: number, chat: ChatSession | undefined): InlineKeyboardMarkup | undefined {
  if (pages <= 1) return undefined;
  const row: InlineKeyboardButton[] = [];
  const prev = page > 0 ? pageData(list, page - 1, topic, chat) : undefined;
  const next = page < pages - 1 ? pageData(list, page + 1, topic, chat) : undefined;
  if (prev) row.push({ text: '◀', callback_data: prev });
  row.push({ text: `${page + 1}/${pages}`, callback_data: NOOP_DATA });
  if (next) row.push({ text: '▶', callback_data: next });
  return row.length > 1 ? { inline_keyboard: [row] } : undefined;
}

async function noResults(engine: Engine, list: ListKind, topic: string, view: View, chat: ChatSession | undefined): Promise<Rendered> {
  const none = view.t(list === 'claims' ? 'no-claims' : 'no-sources', { topic: truncate(topic, 60) });
  const names = await suggestTopics(engine, topic);
  if (!names.length) {
    const empty = !(await engine.latestClaims({ limit: 1 })).total;
    return { text: empty ? `${none.value}\n${view.t('nothing-ingested').value}` : none.value };
  }
  const buttons = names.flatMap((name) => {
    const data = pageData(list, 0, name, chat);
    return data ? [{ text: truncate(name, 30), callback_data: data }] : [];
  });
  return {
    text: `${none.value}\n\n${view.t('suggest-topics', { topics: nameList(names) }).value}`,
    reply_markup: buttons.length ? { inline_keyboard: chunk(buttons, 3) } : undefined,
  };
}

/**
 * Topics from the corpus for a search that found nothing: names resembling what was asked
 * (a shared word stem or a typo away) first, then the most frequent.
 */
export async function suggestTopics(engine: Engine, topic: string): Promise<string[]> {
  const top = await engine.topEntities(20);
  const all = [...top.people, ...top.places, ...top.organisations].sort((a, b) => b.claims - a.claims);
  const asked = words(topic);
  const resemblance = (name: string) => (words(name).some((w) => asked.some((q) => resembles(q, w))) ? 1 : 0);
  const seen = new Set<string>();
  return all
    .map((e, rank) => ({ name: e.name, score: resemblance(e.name), rank }))
    .sort((a, b) => b.score - a.score || a.rank - b.rank)
    .filter((e) => !seen.has(e.name.toLowerCase()) && seen.add(e.name.toLowerCase()))
    .slice(0, SUGGESTIONS)
    .map((e) => e.name);
}

const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);

function resembles(a: string, b: string): boolean {
  if (a.slice(0, 4) === b.slice(0, 4)) return true;
  return withinEdits(a, b, Math.max(1, Math.floor(Math.min(a.length, b.length) / 4)));
}

/**
 * Whether two words are at most `limit` edits apart, a swap of neighbours counting as one (the
 * commonest typo). Words whose lengths differ by more cannot be, and two rows beyond the limit
 * end the count: a search that found nothing compares the topic with every frequent name, and
 * nearly all of them are far off.
 */
function withinEdits(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let before = new Uint16Array(b.length + 1);
  let previous = Uint16Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Uint16Array(b.length + 1);
  let previousBest = 0;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      if (d < best) best = d;
    }
    // A swap reaches back two rows, so only two rows beyond the limit end the count.
    if (best > limit && previousBest > limit) return false;
    previousBest = best;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]! <= limit;
}

export function chunk<T>(items: T[], size: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += size) rows.push(items.slice(i, i + size));
  return rows;
}
