/**
 * Engine answers as Telegram HTML in the reader's language. Every message must stay within
 * Telegram's 4,096 characters; we hold the raw HTML (tags and link targets included) to that
 * limit, which is stricter than Telegram's count and so always safe. A page first renders in full;
 * if that is too long, each item gets an equal share and shortens itself (fewer citations, a
 * shorter sentence) until it fits.
 */
import { format } from 'date-fns';
import { de, enGB } from 'date-fns/locale';
import type { ArticleDetail, Citation, ClaimAnswer, SourceAnswer } from '../core/answers.ts';
import type { Locale } from './context.ts';
import { deepLink, passagePayload } from './deeplink.ts';
import { bold, type Html, html, italic, joinHtml, link, plain, toHtml, truncate, truncateEscaped } from './html.ts';
import type { Translate } from './i18n.ts';

export const MESSAGE_LIMIT = 4096;

/** What rendering needs to know about the reader and the bot. */
export interface View {
  t: Translate;
  locale: Locale;
  botUsername: string;
}

interface Detail {
  sentence: number;
  citations: number;
  title: number;
}

/** From full detail down to the least that still shows a claim with one citation. */
const DETAIL: Detail[] = [
  { sentence: 350, citations: 3, title: 80 },
  { sentence: 250, citations: 2, title: 60 },
  { sentence: 160, citations: 1, title: 40 },
];

/** Renders an item at a detail level; level `DETAIL.length` must fit `budget` whatever the input. */
export type Block = (level: number, budget: number) => Html;

const DATE_LOCALES = { de, en: enGB } as const;

/** `2024-10-16` → "16. Okt. 2024" / "16 Oct 2024"; null → "ohne Datum" / "undated". */
export function formatDate(published: string | null, view: View): string {
  const key = `${view.locale}:${published}`;
  let shown = published ? formattedDates.get(key) : undefined;
  if (shown === undefined) {
    const m = published ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(published) : null;
    if (!m) return plain(view.t('undated'));
    const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    shown = format(date, plain(view.t('date-format')), { locale: DATE_LOCALES[view.locale] });
    if (formattedDates.size >= FORMATTED_DATES) formattedDates.clear();
    formattedDates.set(key, shown);
  }
  return shown;
}

/** Dates as shown, per locale: a corpus cites a few thousand days, each formatted once. */
const formattedDates = new Map<string, string>();
const FORMATTED_DATES = 5000;

/** `[1] Title — Outlet, 16. Okt. 2024`, linked to the passage in a private chat with the bot. */
export function citationLine(c: Citation, n: number, view: View, titleMax = DETAIL[0]!.title): Html {
  const title = truncate(c.title ?? c.file, titleMax);
  const where = [c.outlet ? truncate(c.outlet, 40) : null, formatDate(c.published, view)].filter(Boolean).join(', ');
  const label = `[${n}] ${title} — ${where}`;
  const payload = passagePayload(c.article, c.paragraph);
  return payload ? link(deepLink(view.botUsername, payload), label) : html`${label}`;
}

/** Who says it ("Newsweek → Suspilne") and the marks for hedged claims and denials. */
export function claimMarks(claim: ClaimAnswer, view: View): Html {
  const chain = claim.sources.length ? toHtml(claim.sources.map((s) => truncate(s, 40)).join(' → ')) : view.t('claim-unattributed');
  const marks: Html[] = [italic(chain)];
  if (claim.hedged) marks.push(view.t('claim-hedged'));
  if (claim.stance === 'deny') marks.push(view.t('claim-denial'));
  return joinHtml(marks, ' · ');
}

/** Citations a message lists per claim or source at most; the engine is asked for no more. */
export const CITATIONS_SHOWN = DETAIL[0]!.citations;

/** `total` counts every citation, listed or not ("+ 94 more"). */
function citationLines(citations: Citation[], total: number, view: View, detail: Detail): Html[] {
  const lines = citations.slice(0, detail.citations).map((c, i) => citationLine(c, i + 1, view, detail.title));
  const more = total - Math.min(citations.length, detail.citations);
  if (more > 0) lines.push(view.t('claim-more-citations', { count: more }));
  return lines;
}

export function claimBlock(claim: ClaimAnswer, n: number | undefined, view: View): Block {
  const prefix = n === undefined ? html`` : html`<b>${n}.</b> `;
  return (level, budget) => {
    const detail = DETAIL[level];
    if (!detail) return html`${prefix}${truncateEscaped(claim.text, budget - prefix.value.length)}`;
    const lines = [html`${prefix}${truncate(claim.text, detail.sentence)}`, claimMarks(claim, view), ...citationLines(claim.citations, claim.citationCount, view, detail)];
    return joinHtml(lines, '\n');
  };
}

export function sourceBlock(source: SourceAnswer, n: number, view: View): Block {
  return (level, budget) => {
    const head = html`<b>${n}. ${truncate(source.name, 80)}</b> — ${view.t('source-backs', { count: source.claims })}`;
    const detail = DETAIL[level];
    if (!detail) {
      const prefix = html`<b>${n}.</b> `;
      return head.value.length <= budget ? head : html`${prefix}${truncateEscaped(source.name, budget - prefix.value.length)}`;
    }
    return joinHtml([head, ...citationLines(source.citations, source.citations.length, view, detail)], '\n');
  };
}

/**
 * Header, items and footer as one message within `limit`: everything in full if it fits, else
 * each item at the most detailed level that fits its equal share of the room.
 */
export function fitMessage(header: Html | undefined, blocks: Block[], footer?: Html, limit = MESSAGE_LIMIT): string {
  const frame = [header, footer].filter((h): h is Html => h !== undefined);
  const assemble = (items: Html[]) => joinHtml([...(header ? [header] : []), ...items, ...(footer ? [footer] : [])], '\n\n').value;
  const full = assemble(blocks.map((b) => b(0, limit)));
  if (full.length <= limit) return full;
  const separators = 2 * (frame.length + blocks.length - 1);
  const fixed = frame.reduce((n, h) => n + h.value.length, separators);
  const budget = Math.floor((limit - fixed) / Math.max(1, blocks.length));
  const items = blocks.map((block) => {
    for (let level = 0; level < DETAIL.length; level++) {
      const out = block(level, budget);
      if (out.value.length <= budget) return out;
    }
    return block(DETAIL.length, budget);
  });
  return assemble(items);
}

/** The message an inline result sends: one claim with its citations. */
export function claimCard(claim: ClaimAnswer, view: View): string {
  return fitMessage(undefined, [claimBlock(claim, undefined, view)]);
}

/** Plain-text title and description of an inline result. */
export function claimSummary(claim: ClaimAnswer, view: View): { title: string; description: string } {
  const first = claim.citations[0];
  const where = first ? [first.outlet, formatDate(first.published, view)].filter(Boolean).join(', ') : '';
  const who = claim.sources.length ? claim.sources.join(' → ') : plain(view.t('claim-unattributed'));
  const marks = [who, claim.hedged ? plain(view.t('claim-hedged')) : '', claim.stance === 'deny' ? plain(view.t('claim-denial')) : '', where];
  return { title: truncate(claim.text, 120), description: truncate(marks.filter(Boolean).join(' · '), 200) };
}

/** An article's header and one paragraph, the paragraph shortened only if the whole would not fit. */
export function articleView(article: ArticleDetail, paragraph: number, view: View): string {
  const title = article.title ? bold(truncate(article.title, 200)) : bold(view.t('article-no-title'));
  const meta = [article.outlet, formatDate(article.published, view)].filter(Boolean).join(' · ');
  const position = italic(view.t('article-paragraph', { paragraph, count: article.paragraphs.length }));
  const header = joinHtml([title, meta, position], '\n');
  const text = article.paragraphs[paragraph - 1] ?? '';
  return joinHtml([header, truncateEscaped(text, MESSAGE_LIMIT - header.value.length - 2)], '\n\n').value;
}

/** A comma-separated list of names, shortened to keep suggestion lines readable. */
export function nameList(names: string[]): Html {
  return joinHtml(names.map((n) => truncate(n, 40)), ', ');
}
