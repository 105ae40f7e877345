/** One paragraph of an article with ◀ ▶ to turn the paragraphs, for /article and citation links. */
import type { InlineKeyboardButton } from 'grammy/types';
import type { Engine } from '../engine.ts';
import { articleData, NOOP_DATA } from './callbacks.ts';
import { articleView, type View } from './format.ts';
import type { Rendered } from './lists.ts';

export async function renderArticle(engine: Engine, id: string, paragraph: number, view: View): Promise<Rendered> {
  const article = await engine.article(id);
  if (!article) return { text: view.t('article-not-found', { id }).value };
  const count = article.paragraphs.length;
  if (paragraph < 1 || paragraph > count) return { text: view.t('paragraph-not-found', { id, count, paragraph }).value };
  const row: InlineKeyboardButton[] = [];
  const prev = paragraph > 1 ? articleData(id, paragraph - 1) : undefined;
  const next = paragraph < count ? articleData(id, paragraph + 1) : undefined;
  if (prev) row.push({ text: '◀', callback_data: prev });
  if (count > 1) row.push({ text: `${paragraph}/${count}`, callback_data: NOOP_DATA });
  if (next) row.push({ text: '▶', callback_data: next });
  return { text: articleView(article, paragraph, view), ...(row.length > 1 ? { reply_markup: { inline_keyboard: [row] } } : {}) };
}
