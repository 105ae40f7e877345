/**
 * `/start` payloads. Telegram allows 1-64 characters of A-Z a-z 0-9 _ - in a deep link, so a
 * citation is `p_<article>_<paragraph>`; article ids are safe slugs of at most 32 characters and
 * may themselves contain `_`, hence the paragraph is read from the right.
 */
const PAYLOAD = /^[A-Za-z0-9_-]{1,64}$/;
const ARTICLE_ID = /^[A-Za-z0-9_-]{1,48}$/;

export type StartPayload =
  | { kind: 'passage'; article: string; paragraph: number }
  | { kind: 'access' }
  | { kind: 'help' }
  | { kind: 'unknown' };

export function passagePayload(article: string, paragraph: number): string | undefined {
  const payload = `p_${article}_${paragraph}`;
  return ARTICLE_ID.test(article) && Number.isInteger(paragraph) && paragraph > 0 && PAYLOAD.test(payload) ? payload : undefined;
}

export function deepLink(botUsername: string, payload: string): string {
  return `https://t.me/${botUsername}?start=${payload}`;
}

export function parseStartPayload(payload: string): StartPayload | undefined {
  if (!payload) return undefined;
  if (payload === 'access') return { kind: 'access' };
  if (payload === 'help') return { kind: 'help' };
  const passage = /^p_([A-Za-z0-9_-]+)_(\d{1,6})$/.exec(payload);
  if (passage) return { kind: 'passage', article: passage[1]!, paragraph: Number(passage[2]) };
  return { kind: 'unknown' };
}
