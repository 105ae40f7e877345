/**
 * Telegram HTML and inline keyboards as terminal text, for local mode: bold and italics as ANSI
 * styles (or plain when the output is not a terminal), links with their targets, buttons
 * numbered so they can be pressed by typing the number.
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';

const STYLES: Record<string, [string, string]> = {
  b: ['\x1b[1m', '\x1b[22m'],
  strong: ['\x1b[1m', '\x1b[22m'],
  i: ['\x1b[3m', '\x1b[23m'],
  em: ['\x1b[3m', '\x1b[23m'],
  u: ['\x1b[4m', '\x1b[24m'],
  ins: ['\x1b[4m', '\x1b[24m'],
  s: ['\x1b[9m', '\x1b[29m'],
  del: ['\x1b[9m', '\x1b[29m'],
  strike: ['\x1b[9m', '\x1b[29m'],
  code: ['\x1b[36m', '\x1b[39m'],
  pre: ['\x1b[36m', '\x1b[39m'],
  a: ['\x1b[4m', '\x1b[24m'],
};
const DIM: [string, string] = ['\x1b[2m', '\x1b[22m'];

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot);/gi, (_m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e.toLowerCase()]!,
  );
}

export interface RenderedText {
  text: string;
  /** Link targets in order; `⟨n → url⟩` in the text refers to links[n - 1]. */
  links: string[];
}

export function renderHtml(html: string, color: boolean): RenderedText {
  const links: string[] = [];
  const hrefs: string[] = [];
  let out = '';
  const style = (tag: string, end: boolean) => (color && STYLES[tag] ? STYLES[tag][end ? 1 : 0] : '');
  for (const m of html.matchAll(/<(\/?)([a-z-]+)([^>]*)>|([^<]+)/gi)) {
    const [, closing, rawTag, attrs, text] = m;
    if (text !== undefined) {
      out += decodeEntities(text);
      continue;
    }
    const tag = rawTag!.toLowerCase();
    if (tag === 'a' && !closing) hrefs.push(decodeEntities(/href="([^"]*)"/.exec(attrs ?? '')?.[1] ?? ''));
    out += style(tag, Boolean(closing));
    if (tag === 'a' && closing) {
      const href = hrefs.pop() ?? '';
      links.push(href);
      out += `${color ? DIM[0] : ''} ⟨${links.length} → ${href}⟩${color ? DIM[1] : ''}`;
    }
  }
  return { text: out, links };
}

export interface RenderedKeyboard {
  lines: string[];
  /** buttons[n - 1] is the button shown as `[n …]`. */
  buttons: InlineKeyboardButton[];
}

export function renderKeyboard(markup: InlineKeyboardMarkup | undefined, color: boolean): RenderedKeyboard {
  const buttons: InlineKeyboardButton[] = [];
  const lines = (markup?.inline_keyboard ?? []).map((row) =>
    row
      .map((button) => {
        buttons.push(button);
        const target = 'url' in button && button.url ? ` → ${button.url}` : '';
        return `${color ? '\x1b[7m' : ''}[${buttons.length}] ${button.text}${target}${color ? '\x1b[27m' : ''}`;
      })
      .join('  '),
  );
  return { lines, buttons };
}
