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

/** Template tag: `html\`<b>${name}</b>\`` escapes `name` unless it is `Html`. */
export function html(strings: TemplateStringsArray, ...values: HtmlPart[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += toHtml(v).value + strings[i + 1]!;
  });
  return new Html(out);
}

export function joinHtml(parts: HtmlPart[], separator: HtmlPart = ''): Html {
  const sep = toHtml(separator).value;
  return new Html(parts.map((p) => toHtml(p).value).join(sep));
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
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, Math.max(1, max - 1)).join('');
  const cut = head.replace(/\s+\S*$/, '');
  return `${cut.length >= head.length * 0.6 ? cut : head}…`;
}

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
