/**
 * Telegram HTML built so that escaping is the default: interpolated strings are escaped, and only
 * values already wrapped as `Html` pass through. Corpus text and user input therefore cannot
 * inject tags, whatever path they take into a message.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlPart = Html | string | number;

/** Escapes text for Telegram HTML (the three characters it requires, plus quotes for attributes). */
export function escapeHtml(text: string): string {
  // Most text has nothing to escape, and testing is far cheaper than replacing with a callback.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[&<>"]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;'));
}

const NEEDS_ESCAPE = /[&<>"]/;

export function toHtml(part: HtmlPart): Html {
  return part instanceof Html ? part : new Html(escapeHtml(String(part)));
}

/** The markup of a part, without wrapping an escaped string only to unwrap it again. */
function markup(part: HtmlPart): string {
  return part instanceof Html ? part.value : escapeHtml(String(part));
}

/** Template tag: `html\`<b>${name}</b>\`` escapes `name` unless it is `Html`. */
export function html(strings: TemplateStringsArray, ...values: HtmlPart[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += markup(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

export function joinHtml(parts: HtmlPart[], separator: HtmlPart = ''): Html {
  const sep = markup(separator);
  let out = '';
  for (let i = 0; i < parts.length; i++) out += i ? sep + markup(parts[i]!) : markup(parts[i]!);
  return new Html(out);
}

export const bold = (text: HtmlPart) => html`<b>${text}</b>`;
export const italic = (text: HtmlPart) => html`<i>${text}</i>`;
export const link = (href: string, text: HtmlPart) => html`<a href="${href}">${text}</a>`;

/**
 * Shortens text to at most `max` characters (code points) with an ellipsis, preferring to cut at
 * a word boundary so a trimmed claim does not end mid-word.
 */
export function truncate(text: string, max: number): string {
  // No more UTF-16 units than allowed means no more code points either: nothing to count.
  if (text.length <= max) return text;
  // Only astral characters (emoji, some scripts) take two units; without them units are code points.
  const chars = ASTRAL.test(text) ? [...text] : undefined;
  if (chars && chars.length <= max) return text;
  const keep = Math.max(1, max - 1);
  const head = chars ? chars.slice(0, keep).join('') : text.slice(0, keep);
  const cut = head.replace(/\s+\S*$/, '');
  return `${cut.length >= head.length * 0.6 ? cut : head}…`;
}

const ASTRAL = /[\uD800-\uDFFF]/;

/** The longest prefix of `text` (plus an ellipsis when cut) whose escaped form fits `budget` characters. */
export function truncateEscaped(text: string, budget: number): Html {
  if (escapeHtml(text).length <= budget) return new Html(escapeHtml(text));
  let out = '';
  for (const ch of text) {
    const next = escapeHtml(ch);
    if (out.length + next.length + 1 > budget) break;
    out += next;
  }
  return new Html(`${out}…`);
}

/** Visible text of trusted HTML (tags dropped, entities decoded), for places that take plain text. */
export function plain(markup: Html): string {
  if (!/[<&]/.test(markup.value)) return markup.value;
  return markup.value
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|quot|amp);/g, (_m, name: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[name] ?? '');
}
