/**
 * Translations from `locales/*.ftl` (@grammyjs/i18n, Fluent). The language is the one the user
 * chose with /language, else their Telegram client's, else English.
 */
import { fileURLToPath } from 'node:url';
import { type Fluent, I18n } from '@grammyjs/i18n';
import type { BotContext, Locale } from './context.ts';
import { Html, type HtmlPart, toHtml } from './html.ts';

export const LOCALES: readonly Locale[] = ['de', 'en'];
// No trailing slash: the plugin derives each file's locale from the path below this directory.
export const localesDir = fileURLToPath(new URL('../../locales', import.meta.url));

/** `de-AT` → `de`; anything we do not translate → `en`. */
export function pickLocale(code: string | undefined): Locale {
  const base = code?.toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((l) => l === base) ?? 'en';
}

/** The locale for this update, without touching the session when there is no user to key it by. */
export function localeOf(ctx: BotContext): Locale {
  const chosen = ctx.from ? ctx.session.user.language : undefined;
  return chosen ?? pickLocale(ctx.from?.language_code);
}

export function createI18n(): I18n<BotContext> {
  return new I18n<BotContext>({
    defaultLocale: 'en',
    directory: localesDir,
    // Unicode isolation marks around variables would end up inside HTML and terminal output.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: localeOf,
  });
}

/** Translates with every string variable escaped; `Html` variables are inserted as they are. */
export type Translate = (key: string, vars?: Record<string, HtmlPart>) => Html;

/** Count messages remembered per translator ("… and 94 more"); a corpus has a few hundred counts. */
const COUNTED = 2000;

export function translator(t: (key: string, vars?: Record<string, string | number>) => string): Translate {
  // Fluent negotiates the locale on every call: labels and count messages, asked for again and
  // again by a page of cards, are translated once. Text variables (a topic, a name) vary too much.
  const labels = new Map<string, Html>();
  const counted = new Map<string, Html>();
  return (key, vars) => {
    if (!vars) {
      let label = labels.get(key);
      if (!label) labels.set(key, (label = new Html(t(key))));
      return label;
    }
    const memo = numbersOnly(key, vars);
    let out = memo === undefined ? undefined : counted.get(memo);
    if (!out) {
      const escaped: Record<string, string | number> = {};
      for (const [name, value] of Object.entries(vars)) escaped[name] = typeof value === 'number' ? value : toHtml(value).value;
      out = new Html(t(key, escaped));
      if (memo !== undefined) {
        if (counted.size >= COUNTED) counted.clear();
        counted.set(memo, out);
      }
    }
    return out;
  };
}

/** `key` and its variables as one string when they are all numbers, else undefined. */
function numbersOnly(key: string, vars: Record<string, HtmlPart>): string | undefined {
  let memo = key;
  for (const name in vars) {
    const value = vars[name];
    if (typeof value !== 'number') return undefined;
    memo += `\u0000${name}=${value}`;
  }
  return memo;
}

const perLocale = new WeakMap<Fluent, Map<Locale, Translate>>();

/** The process's one translator for a locale, so what it remembers serves every update. */
export function translatorFor(fluent: Fluent, locale: Locale): Translate {
  let translators = perLocale.get(fluent);
  if (!translators) perLocale.set(fluent, (translators = new Map()));
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = translator((key, vars) => fluent.translate(locale, key, vars))));
  return t;
}
