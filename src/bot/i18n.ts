/**
 * Translations from `locales/*.ftl` (@grammyjs/i18n, Fluent). The language is the one the user
 * chose with /language, else their Telegram client's, else English.
 */
import { fileURLToPath } from 'node:url';
import { I18n } from '@grammyjs/i18n';
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

export function translator(t: (key: string, vars?: Record<string, string | number>) => string): Translate {
  // Fluent negotiates the locale on every call; a message with fifty cards asks for the same labels again and again.
  const labels = new Map<string, Html>();
  return (key, vars) => {
    if (!vars) {
      let label = labels.get(key);
      if (!label) labels.set(key, (label = new Html(t(key))));
      return label;
    }
    const escaped: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(vars ?? {})) escaped[name] = typeof value === 'number' ? value : toHtml(value).value;
    return new Html(t(key, escaped));
  };
}
