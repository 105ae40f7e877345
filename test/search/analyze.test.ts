import { describe, expect, it } from 'vitest';
import {
  defaultAnalyzer,
  MAX_ALTERNATIVES,
  MAX_QUERY_WORDS,
  type QueryPlan,
  toFtsMatch,
} from '../../src/core/search/analyze.ts';

const analyzer = defaultAnalyzer();

/**
 * Whether FTS5 would match: every group has an alternative in the sentence's index terms; a
 * phrase alternative must appear as consecutive terms.
 */
function matches(topic: string, sentence: string): boolean {
  const plan = analyzer.queryPlan(topic);
  const indexed = ` ${analyzer.indexTerms(sentence)} `;
  return plan.groups.length > 0 && plan.groups.every((g) => g.terms.some((t) => indexed.includes(` ${t} `)));
}

/** FTS5 MATCH syntax this module may emit: quoted strings, OR, AND, parentheses. */
function onlyQuotedTerms(match: string): boolean {
  const rest = match.replace(/"(?:[^"]|"")*"/g, ' ').replace(/\b(?:OR|AND)\b|[()]/g, ' ');
  return rest.trim() === '';
}

describe('topic words match across languages, word forms and spellings', () => {
  const cases: Array<[topic: string, sentence: string]> = [
    ['desertion', 'Das russische Militär würde nach den Deserteuren suchen.'],
    ['desertion', 'Kiew wirft Moskau vor, Fahnenflucht zu vertuschen.'],
    ['desertion', 'Rund 18 Nordkoreaner sind offenbar von der Front geflüchtet.'],
    ['desertion', 'Einige Soldaten fliehen aus ihren Stellungen.'],
    ['deserters', 'Die Deserteure wurden gesucht.'],
    ['kursk', 'Die Soldaten sind in der Region Kursk stationiert.'],
    ['Region', 'Ein Bataillon soll in der russischen Grenzregion Kursk aufgebaut werden.'],
    ['Zelensky', 'Selenskyj warnte vor einer Eskalation.'],
    ['Selenskyj', 'Zelenskyy said the front was holding.'],
    ['Zelensky', 'Nach Selenskyjs Worten ist die Lage ernst.'],
    ['Bryansk', 'Die Männer waren in Brjansk stationiert.'],
    ['Kim Jong-un', 'Kim Jong Un soll Soldaten geschickt haben.'],
    ['Kim Jong Un', 'Laut Geheimdienst waren Kim Jong Uns Männer in Kursk.'],
    ['Fahnenflucht', 'The deserters were caught near the border.'],
    ['Geheimdienst', 'Der ukrainische Militärgeheimdienst berichtete darüber.'],
    ['Geheimdienst', 'Das sagten Geheimdienstmitarbeitern zufolge mehrere Offiziere.'],
    ['Straße', 'Die Strasse nach Kursk ist gesperrt.'],
    ['North Korea', 'Nordkorea schickt Truppen nach Russland.'],
    ['Nordkorea', 'North Korea sent troops to Russia.'],
    ['Kyiv', 'Kiew meldet neue Angriffe.'],
    ['Pyongyang', 'Pjöngjang dementiert die Berichte.'],
    ['Lukashenko', 'Lukaschenkos Sprecher wollte das nicht kommentieren.'],
    ['war', 'Der Krieg dauert an.'],
    ['war crimes', 'Ermittler sprechen von Kriegsverbrechen.'],
    ['ceasefire', 'Eine Waffenruhe ist nicht in Sicht.'],
    ['Mobilmachung', 'Russia announced a partial mobilization.'],
    ['Soldaten', 'Mehr als 3.000 Soldaten wurden verlegt.'],
    ['3000', 'Mehr als 3.000 Soldaten wurden verlegt.'],
  ];
  it.each(cases)('%s finds: %s', (topic, sentence) => {
    expect(matches(topic, sentence)).toBe(true);
  });

  const misses: Array<[topic: string, sentence: string]> = [
    ['kursk', 'Die Männer waren in Brjansk stationiert.'],
    ['desertion', 'Die Wüste ist groß.'],
    ['Flucht', 'Die Deserteure wurden gesucht.'],
    ['Zelensky', 'Putin warnte vor einer Eskalation.'],
    ['Kim Jong Un', 'Kim Yo Jong äußerte sich.'],
    ['Geheimdienst', 'Der Dienst endet um acht.'],
  ];
  it.each(misses)('%s does not find: %s', (topic, sentence) => {
    expect(matches(topic, sentence)).toBe(false);
  });
});

describe('indexTerms', () => {
  it('gives primary stems in text order, then extra terms', () => {
    const terms = analyzer.indexTerms('Ein Bataillon mit 3.000 Männern in der Grenzregion Kursk.').split(' ');
    expect(terms.slice(0, 5)).toEqual(['bataillon', '3000', 'mann', 'grenzregion', 'kursk']);
    expect(terms).toContain('region');
  });

  it('leaves out stop words but keeps capitalised ones inside a name', () => {
    expect(analyzer.indexTerms('Der Krieg und die Front')).toBe('krieg front');
    expect(analyzer.indexTerms('Kim Jong Uns Männer').split(' ').slice(0, 4)).toEqual(['kim', 'jong', 'uns', 'mann']);
  });

  it('adds a spelling key for unfamiliar names only', () => {
    expect(analyzer.indexTerms('Selenskyj').split(' ')).toContain('selensky');
    expect(analyzer.indexTerms('Zeit')).toBe('zeit');
  });

  it('produces plain tokens only, for any input', () => {
    for (const text of ['', '😀', '<script>alert(1)</script>', '"NEAR(" OR -x ü:', 'x'.repeat(5000), '\u0000\u001f\u202e']) {
      expect(analyzer.indexTerms(text)).toMatch(/^[\p{L}\p{N} ]*$/u);
    }
  });

  it('stays small: a few terms per word', () => {
    const sentence =
      'Laut Geheimdienstmitarbeitern waren Kim Jong Uns Männer in den russischen Oblasten Kursk und Brjansk stationiert, nur wenige Kilometer von der ukrainischen Grenze entfernt.';
    const words = sentence.split(/\s+/).length;
    expect(analyzer.indexTerms(sentence).split(' ').length).toBeLessThan(2 * words);
  });
});

describe('queryPlan and toFtsMatch', () => {
  it('turns each word into a group of alternatives', () => {
    const plan = analyzer.queryPlan('desertion kursk');
    expect(plan.groups.map((g) => g.words)).toEqual([['desertion'], ['kursk']]);
    expect(plan.groups[0]!.terms).toEqual(expect.arrayContaining(['desertion', 'deserteur', 'fahnenflucht', 'gefluchtet', 'flieh']));
    expect(toFtsMatch(plan)).toMatch(/^\("desertion" OR .*\) AND "kursk"$/);
  });

  it('expands no place name through the dictionaries: Wien is not Frankfurt, and Vienna is Wien', () => {
    expect(analyzer.queryPlan('Wien').groups[0]!.terms).not.toContain('frankfurt');
    expect(analyzer.queryPlan('Wien').groups[0]!.terms).toContain('wien');
    expect(analyzer.queryPlan('Vienna').groups[0]!.terms).toContain('wien');
  });

  it('keeps a multi-word name as one group of phrases', () => {
    const plan = analyzer.queryPlan('Kim Jong-un');
    expect(plan.groups).toHaveLength(1);
    expect(plan.groups[0]!.terms).toEqual(expect.arrayContaining(['kim jong un', 'kim yong un']));
  });

  it('reads a first name and a surname as one person, not as words for the dictionaries', () => {
    expect(analyzer.queryPlan('Kurt Fischer').groups.map((g) => g.terms)).toEqual([['kurt fisch']]);
    expect(matches('Kurt Fischer', 'Der Abgeordnete Kurt Fischer kritisierte den Entwurf.')).toBe(true);
    expect(matches('Kurt Fischer', 'Kurt sagte, er gehe am Wochenende angeln.')).toBe(false);
    expect(matches('Klaus Schneeberger', 'Das bestätigte Klaus Schneebergers Büro.')).toBe(true);
    const plan = analyzer.queryPlan('Angela Merkel Flüchtlinge');
    expect(plan.groups[0]!.terms).toEqual(['angela merkel']);
    expect(plan.groups[1]!.terms).toContain('fluchtling');
  });

  it('drops English stop words, and German ones unless the topic reads English', () => {
    expect(toFtsMatch(analyzer.queryPlan('the'))).toBeNull();
    expect(analyzer.queryPlan('die Linke').groups.map((g) => g.words)).toEqual([['linke']]);
    expect(analyzer.queryPlan('war crimes').groups.map((g) => g.words)).toEqual([['war'], ['crimes']]);
    expect(analyzer.queryPlan('war').groups[0]!.terms).toContain('krieg');
  });

  it('caps words and alternatives', () => {
    const plan = analyzer.queryPlan(Array.from({ length: 40 }, (_, i) => `Region${i} Soldaten Krieg`).join(' '));
    expect(plan.groups.length).toBeLessThanOrEqual(MAX_QUERY_WORDS);
    for (const g of plan.groups) expect(g.terms.length).toBeLessThanOrEqual(MAX_ALTERNATIVES);
    expect(analyzer.queryPlan('troops').groups[0]!.terms.length).toBeLessThanOrEqual(MAX_ALTERNATIVES);
  });

  const hostile = [
    'kursk"',
    '"kursk',
    'NEAR(kursk brjansk)',
    'NEAR(',
    'OR',
    'kursk OR',
    'AND NOT',
    '-x',
    '-kursk',
    'ü:',
    'terms:kursk',
    '^kursk*',
    'kursk*',
    '{terms}: x',
    '<script>alert("x")</script>',
    '😀😀😀',
    '\u0000\u0001\u001b[31m kursk \u200b\u202e',
    'x'.repeat(5000),
    'Kursk '.repeat(1000),
    ' ',
    '',
    '""',
    "'; DROP TABLE claims; --",
  ];
  it.each(hostile.map((h) => [h.slice(0, 40), h]))('hostile input %j gives a quoted MATCH or null', (_label, topic) => {
    const match = toFtsMatch(analyzer.queryPlan(topic));
    if (match !== null) {
      expect(onlyQuotedTerms(match)).toBe(true);
      for (const [, term] of match.matchAll(/"((?:[^"]|"")*)"/g)) expect(term).toMatch(/^[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*$/u);
    }
  });

  it('gives no groups for blank or symbol-only topics', () => {
    for (const topic of ['', '   ', '😀', '-', '"', '()', '\u0000']) {
      expect(analyzer.queryPlan(topic).groups).toEqual([]);
      expect(toFtsMatch(analyzer.queryPlan(topic))).toBeNull();
    }
  });

  it('quotes terms of any plan, doubling embedded quotes', () => {
    const plan: QueryPlan = {
      groups: [
        { words: ['a'], terms: ['a"b', 'c'], literal: 1 },
        { words: ['d'], terms: ['d'], literal: 1 },
        { words: ['e'], terms: ['', ' '], literal: 2 },
      ],
    };
    expect(toFtsMatch(plan)).toBe('("a""b" OR "c") AND "d"');
    expect(toFtsMatch(plan, { literal: true })).toBe('"a""b" AND "d"');
    expect(toFtsMatch({ groups: [] })).toBeNull();
  });

  it('puts the word itself before its dictionary senses', () => {
    const literal = (topic: string) => analyzer.queryPlan(topic).groups.map((g) => g.terms.slice(0, g.literal));
    const senses = (topic: string) => analyzer.queryPlan(topic).groups.map((g) => g.terms.slice(g.literal));
    // German nouns: thesaurus synonyms (Klima → Stimmung, Steuer → Ruder) are senses, not the word.
    expect(literal('Klima')).toEqual([['klima']]);
    expect(senses('Klima')[0]).toContain('stimmung');
    expect(literal('Steuer')).toEqual([['steu']]);
    expect(senses('Steuer')[0]).toEqual(expect.arrayContaining(['rud', 'abgab']));
    // An English word: its first translation is the word in German text.
    expect(literal('police')).toEqual([['polic', 'polizei']]);
    // Typed with a capital, as names are: no dictionary sense is the word ("Trump" is no Trumpf).
    expect(literal('Trump')).toEqual([['trump']]);
    expect(senses('Trump')[0]).toContain('trumpf');
    // Curated newsroom concepts and name spellings are the word.
    expect(senses('desertion')).toEqual([[]]);
    expect(literal('desertion')[0]).toEqual(expect.arrayContaining(['desertion', 'fahnenflucht', 'gefluchtet']));
    expect(senses('Selenskyj')).toEqual([[]]);
  });
});
