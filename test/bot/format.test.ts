/** HTML building, escaping, dates, claim and source rendering, and the 4,096-character limit. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClaimAnswer, SourceAnswer } from '../../src/core/answers.ts';
import { articleData, CALLBACK_LIMIT, pageData, parseAction, resolveTopic } from '../../src/bot/callbacks.ts';
import type { Locale } from '../../src/bot/context.ts';
import { parseStartPayload, passagePayload } from '../../src/bot/deeplink.ts';
import { articleView, claimBlock, claimCard, claimSummary, fitMessage, formatDate, MESSAGE_LIMIT, sourceBlock, type View } from '../../src/bot/format.ts';
import { escapeHtml, html, plain, truncate, truncateEscaped } from '../../src/bot/html.ts';
import { createI18n, localesDir, pickLocale, translator } from '../../src/bot/i18n.ts';
import { htmlProblems } from '../helpers/botApiValidator.ts';

const i18n = createI18n();
const view = (locale: Locale): View => ({ t: translator((k, v) => i18n.t(locale, k, v)), locale, botUsername: 'claimdesk_test_bot' });

const claim = (over: Partial<ClaimAnswer> = {}): ClaimAnswer => ({
  id: 'c0123456789a',
  text: 'Nordkoreanische Soldaten sollen in Kursk desertiert sein.',
  sources: ['Newsweek', 'Suspilne'],
  stance: 'assert',
  hedged: true,
  entities: { people: [], places: ['Kursk'], organisations: [], numbers: [] },
  citations: [{ article: '000_a52d281376681bc4', file: '000_a52d281376681bc4.txt', title: 'Pleite für Putin', outlet: 'news.de', published: '2024-10-16', paragraph: 3 }],
  citationCount: over.citations?.length ?? 1,
  ...over,
});

describe('html', () => {
  it('escapes interpolated text, keeps Html as it is', () => {
    expect(escapeHtml(`<a href="x">&</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
    expect(html`<b>${'<i>'}</b>${html`<i>ok</i>`}`.value).toBe('<b>&lt;i&gt;</b><i>ok</i>');
    expect(plain(html`<b>${'a < b & c'}</b>`)).toBe('a < b & c');
  });

  it('truncates by code points with an ellipsis, at a word boundary when one is near', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('eins zwei drei vier', 12)).toBe('eins zwei…');
    expect([...truncate('😀'.repeat(20), 5)]).toHaveLength(5);
    const cut = truncateEscaped('&'.repeat(100), 21);
    expect(cut.value).toBe(`${'&amp;'.repeat(4)}…`);
    expect(cut.value.length).toBeLessThanOrEqual(21);
  });
});

describe('dates and languages', () => {
  it('formats published dates in the reader language, and says when there is none', () => {
    expect(formatDate('2024-10-16', view('de'))).toBe('16. Okt. 2024');
    expect(formatDate('2024-10-16', view('en'))).toBe('16 Oct 2024');
    expect(formatDate(null, view('de'))).toBe('ohne Datum');
    expect(formatDate(null, view('en'))).toBe('undated');
  });

  it('picks German for any German client and English otherwise', () => {
    expect(['de', 'de-AT', 'DE_ch', 'en-US', 'fr', undefined].map(pickLocale)).toEqual(['de', 'de', 'de', 'en', 'en', 'en']);
  });

  it('has the same keys in every locale file', () => {
    const keys = (l: string) => [...readFileSync(join(localesDir, `${l}.ftl`), 'utf8').matchAll(/^([a-z][\w-]*) =/gm)].map((m) => m[1]).sort();
    expect(keys('de')).toEqual(keys('en'));
    expect(keys('en')).toContain('claim-hedged');
  });
});

describe('claims', () => {
  it('shows the sentence, the chain, the marks and linked numbered citations', () => {
    const out = claimBlock(claim({ stance: 'deny' }), 3, view('de'))(0, MESSAGE_LIMIT).value;
    expect(out).toBe(
      '<b>3.</b> Nordkoreanische Soldaten sollen in Kursk desertiert sein.\n' +
        '<i>Newsweek → Suspilne</i> · ⚠️ unbestätigt · ⛔ Dementi\n' +
        '<a href="https://t.me/claimdesk_test_bot?start=p_000_a52d281376681bc4_3">[1] Pleite für Putin — news.de, 16. Okt. 2024</a>',
    );
  });

  it('says when no source is named, and when there are more citations than shown', () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ ...claim().citations[0]!, paragraph: i + 1, outlet: null, published: null }));
    const out = claimBlock(claim({ sources: [], hedged: false, citations: many }), 1, view('en'))(0, MESSAGE_LIMIT).value;
    expect(out).toContain('<i>no source named</i>\n');
    expect(out).toContain('[3] Pleite für Putin — undated</a>\n… and 4 more');
    expect(out).not.toContain('[4]');
  });

  it('escapes corpus text everywhere, links included', () => {
    const evil = claim({ text: '<script>alert(1)</script> & co', sources: ['<b>Agentur</b>'], citations: [{ ...claim().citations[0]!, title: 'A "quoted" <title>', outlet: 'x&y' }] });
    const out = claimCard(evil, view('en'));
    expect(htmlProblems(out)).toEqual([]);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(out).toContain('<i>&lt;b&gt;Agentur&lt;/b&gt;</i>');
    expect(out).toContain('[1] A &quot;quoted&quot; &lt;title&gt; — x&amp;y');
  });

  it('trims a very long sentence with an ellipsis', () => {
    const out = claimBlock(claim({ text: `${'Wort '.repeat(200)}Ende.` }), 1, view('en'))(0, MESSAGE_LIMIT).value;
    const sentence = out.split('\n')[0]!;
    expect(sentence.endsWith('…')).toBe(true);
    expect([...sentence].length).toBeLessThan(370);
  });

  it('keeps any page within 4,096 characters of valid HTML, even for hostile input', () => {
    const hostile = claim({
      text: '&<>'.repeat(2000),
      sources: Array.from({ length: 30 }, () => '&&&&&&&&&&'),
      citations: Array.from({ length: 20 }, (_, i) => ({ ...claim().citations[0]!, title: '&'.repeat(300), outlet: '<'.repeat(100), paragraph: i + 1 })),
    });
    for (const count of [1, 4, 6, 20]) {
      const blocks = Array.from({ length: count }, (_, i) => claimBlock(hostile, i + 1, view('de')));
      const text = fitMessage(html`<b>${'&'.repeat(500)}</b>`, blocks, html`<i>${'<'.repeat(300)}</i>`);
      expect(text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(htmlProblems(text)).toEqual([]);
      expect(text).toContain(`<b>${count}.</b>`);
    }
    const sources: SourceAnswer[] = Array.from({ length: 6 }, (_, i) => ({ name: '&'.repeat(2000), claims: i, citations: hostile.citations }));
    const text = fitMessage(undefined, sources.map((s, i) => sourceBlock(s, i + 1, view('en'))));
    expect(text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(htmlProblems(text)).toEqual([]);
  });

  it('renders everything in full when it fits', () => {
    const blocks = [claimBlock(claim(), 1, view('en')), claimBlock(claim(), 2, view('en'))];
    expect(fitMessage(html`<b>H</b>`, blocks)).toBe(['<b>H</b>', blocks[0]!(0, 0).value, blocks[1]!(0, 0).value].join('\n\n'));
  });

  it('summarises a claim as plain text for an inline result', () => {
    expect(claimSummary(claim(), view('en'))).toEqual({
      title: 'Nordkoreanische Soldaten sollen in Kursk desertiert sein.',
      description: 'Newsweek → Suspilne · ⚠️ unconfirmed · news.de, 16 Oct 2024',
    });
  });

  it('shows an article paragraph under its title, outlet and date', () => {
    const article = { id: 'a1', file: 'a1.txt', title: 'Titel & Co', outlet: 'watson', published: '2024-10-16', language: 'de' as const, claims: 2, paragraphs: ['Eins.', 'Zwei <b>.'] };
    expect(articleView(article, 2, view('de'))).toBe('<b>Titel &amp; Co</b>\nwatson · 16. Okt. 2024\n<i>Absatz 2 von 2</i>\n\nZwei &lt;b&gt;.');
    const long = { ...article, paragraphs: ['x'.repeat(10_000)] };
    expect(articleView(long, 1, view('en')).length).toBeLessThanOrEqual(MESSAGE_LIMIT);
  });
});

describe('callback data and deep links', () => {
  it('carries the list, page and topic in at most 64 bytes', () => {
    const data = pageData('claims', 2, 'kursk', undefined)!;
    expect(data).toBe('v1:c:2:kursk');
    expect(parseAction(data)).toEqual({ type: 'page', list: 'claims', page: 2, topic: { text: 'kursk' } });
    expect(parseAction(pageData('sources', 0, 'a:b', undefined)!)).toEqual({ type: 'page', list: 'sources', page: 0, topic: { text: 'a:b' } });
  });

  it('keeps long or multi-byte topics in the chat session under a token', () => {
    const chat = {};
    const topic = 'Ärger über Überläufer in der Grenzregion Kursk östlich von Sudscha';
    const data = pageData('claims', 1, topic, chat)!;
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(CALLBACK_LIMIT);
    const action = parseAction(data);
    expect(action?.type === 'page' && resolveTopic(action.topic, chat)).toBe(topic);
    expect(action?.type === 'page' && resolveTopic(action.topic, {})).toBeUndefined();
    expect(pageData('claims', 1, topic, undefined)).toBeUndefined();
  });

  it('forgets the oldest long topics beyond twenty', () => {
    const chat: { topics?: Record<string, string> } = {};
    const first = parseAction(pageData('claims', 0, `${'x'.repeat(60)}0`, chat)!);
    for (let i = 1; i <= 20; i++) pageData('claims', 0, `${'x'.repeat(60)}${i}`, chat);
    expect(Object.keys(chat.topics!)).toHaveLength(20);
    expect(first?.type === 'page' && resolveTopic(first.topic, chat)).toBeUndefined();
  });

  it('reads anything else as stale', () => {
    for (const data of ['', 'v0:c:1:x', 'v1:c:x:kursk', 'v1:c:1:', 'v1:a:0:id', 'v1:l:fr', 'page 2']) expect(parseAction(data)).toBeUndefined();
    expect(parseAction(articleData('001_x', 3)!)).toEqual({ type: 'article', article: '001_x', paragraph: 3 });
  });

  it('links a citation to its passage with a valid start payload', () => {
    expect(passagePayload('000_a52d281376681bc4', 3)).toBe('p_000_a52d281376681bc4_3');
    expect(parseStartPayload('p_000_a52d281376681bc4_3')).toEqual({ kind: 'passage', article: '000_a52d281376681bc4', paragraph: 3 });
    expect(passagePayload('bad id!', 1)).toBeUndefined();
    expect(parseStartPayload('access')).toEqual({ kind: 'access' });
    expect(parseStartPayload('zzz')).toEqual({ kind: 'unknown' });
  });
});
