import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../src/core/text/clean.ts';
import type { CleanArticle } from '../../src/core/types.ts';

const root = join(import.meta.dirname, '../..');
const articles = join(root, 'data/articles');
const GNAD = join(root, '../shared/data/corpora/10kgnad-test.csv');

function seed(prefix: string): CleanArticle {
  const file = readdirSync(articles).find((name) => name.startsWith(prefix));
  if (!file) throw new Error(`no seed article ${prefix}`);
  return cleanArticle(readFileSync(join(articles, file), 'utf8'));
}

const everything = (article: CleanArticle) => [article.title ?? '', ...article.paragraphs].join('\n');

describe('cleanArticle on the seed articles', () => {
  const seeds = ['000_', '001_', '002_', '003_', '004_'].map((prefix) => [prefix, seed(prefix)] as const);

  it.each([
    'Lesen Sie',
    'picture alliance',
    'Folgen Sie News.de',
    'Watson ist jetzt auf Whatsapp',
    'watson-Update',
    'Hier finden Sie',
    'Rentenpläne',
    'Wer hat sie nicht?',
    'Zur Story',
    'Kommentare',
    'Auch interessant',
    'Видео по теме',
    '© IMAGO',
    '(Foto) Suche',
    'Bild:',
    'Symbolbild',
    'KHERSON REGION',
    'ARCHIV -',
    'Startseite',
    'Mehr «Politik»',
    'Erstellt von',
    'Themen:',
    '/news.de',
    'journalistischen Standards',
    'Man kennt sich',
  ])('drops %j from every seed', (boilerplate) => {
    for (const [, article] of seeds) expect(everything(article)).not.toContain(boilerplate);
  });

  it.each([
    ['000_', 'Bataillon mit 3.000 Männern'],
    ['000_', 'etwa 18 Nordkoreaner'],
    ['000_', 'Oblasten Kursk und Brjansk stationiert'],
    ['000_', 'nach den Deserteuren suchen'],
    ['001_', 'über 18 Nordkoreaner aus ihrer Stellung geflüchtet'],
    ['001_', 'nach den Deserteuren suchen'],
    ['001_', 'Es geht nicht mehr nur um den Austausch von Waffen'],
    ['002_', 'Region Kursk an der ukrainischen Gegenoffensive'],
    ['002_', 'Es geht nicht mehr nur um Waffen'],
    ['003_', '1.000 Minenräumer und 5.000 Soldaten'],
    ['003_', 'Die Bereitstellung der Truppen zielt'],
    ['003_', 'Rückeroberung des Gebiets Kursk'],
    ['004_', 'Quatsch. Ich kenne seinen Charakter'],
    ['004_', 'Grenzregion Kursk stationiert'],
    ['004_', '2000 ukrainische Soldaten'],
  ])('keeps the body of %s: %j', (prefix, passage) => {
    expect(seed(prefix).paragraphs.join('\n')).toContain(passage);
  });

  it.each([
    ['000_', { title: 'Pleite für Wladimir Putin: Nordkoreaner offenbar von Ukraine-Front geflüchtet', outlet: 'news.de', published: null }],
    ['001_', { title: 'Ukraine: Russland schickt Soldaten aus Nordkorea an die Front – einige fliehen', outlet: 'watson', published: '2024-10-16' }],
    ['002_', { title: null, outlet: null, published: null }],
    ['003_', { title: 'Wladimir Putin: Kremlchef schickt jetzt Tausende Nordkoreaner auf Todeskommando', outlet: 'news.de', published: null }],
    ['004_', { title: 'Nordkorea-Soldaten in Russland: Putin-Freund warnt vor Eskalation im Ukraine-Krieg', outlet: null, published: null }],
  ])('reads the metadata of %s', (prefix, expected) => {
    expect(seed(prefix)).toMatchObject({ ...expected, language: 'de' });
  });

  it('leaves section subheadings and teaser headlines out of the paragraphs', () => {
    const paragraphs = [...seed('000_').paragraphs, ...seed('001_').paragraphs, ...seed('003_').paragraphs];
    for (const heading of [
      'Kim Jong Un und Wladimir Putin bauen Partnerschaft aus',
      'Flucht aus dem Krieg: Soldaten aus Nordkorea fliehen',
      'Russland: Putin setzt auf Soldaten aus Nordkorea – einige fliehen',
      'Pleite für Wladimir Putin: Bericht über Desertation von Nordkorea-Soldaten',
      'Wladimir Putin bekommt Tausende neue Soldaten von Kim Jong-un',
    ]) {
      expect(paragraphs).not.toContain(heading);
    }
  });

  it('drops the summary bullets under the photo but keeps bullets that carry the story', () => {
    const news = seed('003_').paragraphs;
    expect(news.join('\n')).not.toContain('Putin-Vertrauter Schoigu mittlerweile Dauergast in Pjöngjang\n');
    expect(news.some((p) => p.startsWith('Die Bereitstellung der Truppen zielt'))).toBe(true);
    expect(news.some((p) => p.startsWith('•'))).toBe(false);
    expect(seed('000_').paragraphs.join('\n')).not.toContain('Versuchen Kommandeure die Desertation zu vertuschen?');
  });

  it('keeps one paragraph per body line when a text has no blank lines', () => {
    const article = seed('002_');
    expect(article.paragraphs).toHaveLength(4);
    expect(article.paragraphs[0]).toMatch(/^Die Beziehung zwischen den Diktatoren/);
  });

  it('drops a pull quote that repeats an earlier paragraph and the trailing author tag', () => {
    const paragraphs = seed('004_').paragraphs;
    expect(paragraphs.filter((p) => p.includes('Wir haben nie daran gezweifelt'))).toHaveLength(1);
    expect(paragraphs.at(-1)).toMatch(/Rund um die brutalen Gefechte im Ukraine-Krieg\.$/);
  });

  it('collapses whitespace but leaves the words alone', () => {
    const paragraphs = seed('003_').paragraphs;
    expect(paragraphs[0]).toMatch(/^Putin-Kumpel Sergei Schoigu verkündet in Pjöngjang/);
    expect(paragraphs.join('\n')).toContain('entsenden.Die Ankündigung');
  });
});

describe('cleanArticle rules', () => {
  it('reads a title written as "title, blank line, body"', () => {
    const article = cleanArticle('Passagierflugzeug landete in Guam mit defektem Fahrwerk\n\nGestern gab es einen Zwischenfall.\n\nDie Maschine kam aus Narita.\n');
    expect(article.title).toBe('Passagierflugzeug landete in Guam mit defektem Fahrwerk');
    expect(article.paragraphs).toEqual(['Gestern gab es einen Zwischenfall.', 'Die Maschine kam aus Narita.']);
  });

  it('treats a lone line as the body, not as a title', () => {
    expect(cleanArticle('Gemeindeergebnisse, Mandate und mögliche Koalitionen im Überblick')).toMatchObject({
      title: null,
      paragraphs: ['Gemeindeergebnisse, Mandate und mögliche Koalitionen im Überblick'],
    });
  });

  it('gives an empty article for empty text without throwing', () => {
    expect(cleanArticle('')).toEqual({ title: null, outlet: null, published: null, language: 'de', paragraphs: [] });
    expect(cleanArticle(' \n\n \r\n')).toMatchObject({ paragraphs: [] });
  });

  it('joins hard-wrapped lines back into paragraphs', () => {
    const article = cleanArticle(
      [
        'Wrapped Headline',
        '',
        'Die Berichte über nordkoreanische Soldaten an der Ukraine-Front reißen',
        'nicht ab. Ein spezielles Bataillon mit 3.000 Männern aus dem ostasiatischen',
        'Land soll für den Einsatz in der russischen Grenzregion Kursk aufgebaut',
        'werden, hieß es zuletzt.',
      ].join('\r\n'),
    );
    expect(article.title).toBe('Wrapped Headline');
    expect(article.paragraphs).toEqual([
      'Die Berichte über nordkoreanische Soldaten an der Ukraine-Front reißen nicht ab. Ein spezielles Bataillon mit 3.000 Männern aus dem ostasiatischen Land soll für den Einsatz in der russischen Grenzregion Kursk aufgebaut werden, hieß es zuletzt.',
    ]);
  });

  it('does not join a headline and a subheadline that share a block', () => {
    const article = cleanArticle('Russland schickt Soldaten aus Nordkorea an die Front und einige fliehen\nPutin setzt auf Soldaten aus Nordkorea, heißt es aus Kiew\n\nDer Text.');
    expect(article.title).toBe('Russland schickt Soldaten aus Nordkorea an die Front und einige fliehen');
  });

  it('drops the headlines listed after a teaser marker, and an inline teaser', () => {
    const article = cleanArticle(
      'Titel\n\nErster Absatz mit Inhalt.\n\nMehr zum Thema:\n- Erste verlinkte Überschrift\n- Zweite verlinkte Überschrift\n\nZweiter Absatz mit Inhalt.\n\nLesen Sie auch: Noch eine Überschrift\n\nDritter Absatz.',
    );
    expect(article.paragraphs).toEqual(['Erster Absatz mit Inhalt.', 'Zweiter Absatz mit Inhalt.', 'Dritter Absatz.']);
  });

  it('keeps a sentence that merely begins like a teaser marker', () => {
    const article = cleanArticle('Titel\n\nLesen Sie auch das Kleingedruckte, rät der Verbraucherschutz.');
    expect(article.paragraphs).toEqual(['Lesen Sie auch das Kleingedruckte, rät der Verbraucherschutz.']);
  });

  it('drops a bare date line between paragraphs without taking it as the publication date', () => {
    const article = cleanArticle('Chronik\n\nDer erste Absatz.\n\n12. März 2005\n\nDer zweite Absatz.');
    expect(article.published).toBeNull();
    expect(article.paragraphs).toEqual(['Der erste Absatz.', 'Der zweite Absatz.']);
  });

  it('takes no date from a schedule of several bare dates', () => {
    const article = cleanArticle('Spieltag\n\nFreitag, 8. Februar 2008\n\nSamstag, 9. Februar 2008\n\nDer Bericht zum Spieltag.');
    expect(article.published).toBeNull();
  });

  it('reads a labelled stamp and a bare date line above the body', () => {
    expect(cleanArticle('Titel\n\nStand: 28.04.2025 07:02 Uhr\n\nDer Text.').published).toBe('2025-04-28');
    expect(cleanArticle('Titel\n\n07. November 2024\n\nDer Text.').published).toBe('2024-11-07');
    expect(cleanArticle('Titel\n\nDer Text vom 16.10.2024 und vom 17.10.2024.').published).toBeNull();
  });

  it.each([
    ['Berlin (dpa) - Die Regierung hat am Montag neue Zahlen vorgelegt.', 'dpa'],
    ['Wien – Die Regierung hat am Montag neue Zahlen vorgelegt. (APA, 12.9.2015)', 'APA'],
    ['Wien – Die Regierung hat am Montag neue Zahlen vorgelegt. (APA/dpa, 1.11.2015)', 'APA'],
    ['Die Regierung hat neue Zahlen vorgelegt.\n\n© DER STANDARD 2016', 'DER STANDARD'],
    ['Die Regierung hat neue Zahlen vorgelegt.\n\nQuelle: Reuters', 'Reuters'],
    ['Die Regierung hat neue Zahlen vorgelegt.\n\nFolgen Sie t-online auf WhatsApp und Instagram.', 't-online'],
  ])('reads the outlet of %j as %s', (text, outlet) => {
    expect(cleanArticle(text).outlet).toBe(outlet);
  });

  it('strips the agency tag after the last sentence', () => {
    expect(cleanArticle('Wien – Die Regierung hat neue Zahlen vorgelegt. (APA, 12.9.2015)').paragraphs).toEqual([
      'Wien – Die Regierung hat neue Zahlen vorgelegt.',
    ]);
  });

  it.each([
    'Die Regierung hat laut dpa neue Zahlen vorgelegt, berichtet der Spiegel.',
    'Ein Foto der Regierung.\nEin Foto der Regierung. Bild: picture alliance/dpa | Kay Nietfeld\n\nDer Text.',
    'Der Text.\n\n© IMAGO / SNA',
    'Der Text.\n\nQuelle: Statistik Austria',
  ])('gives no outlet when the text does not name its own: %j', (text) => {
    expect(cleanArticle(text).outlet).toBeNull();
  });

  it('recognises English articles', () => {
    const article = cleanArticle('North Korea sends troops\n\nThe report said that the soldiers were sent to the front, and that some of them have fled.');
    expect(article.language).toBe('en');
  });

  it('drops captions, credits, plugs, footers and navigation by their shape', () => {
    const article = cleanArticle(
      [
        'Startseite › Politik › Ausland',
        'Titel des Artikels',
        'Foto: APA/Hans Klaus Techt',
        '(Symbolbild) Soldaten an der Front',
        'HANDOUT - 12.03.2024, Ukraine, Kiew: Soldaten bei einer Übung.',
        'Der Text des Artikels beginnt hier.',
        'Artikel teilen',
        '12 Kommentare',
        'Melden Sie sich für unseren Newsletter an und erhalten Sie täglich die wichtigsten News.',
        'Hier finden Sie alle Artikel zum Thema.',
        'Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.',
        '© 2024 Musterverlag. Alle Rechte vorbehalten.',
        'https://example.org/artikel',
        '----',
      ].join('\n\n'),
    );
    expect(article.title).toBe('Titel des Artikels');
    expect(article.paragraphs).toEqual(['Der Text des Artikels beginnt hier.']);
  });

  it('keeps body lines that only mention the things boilerplate is made of', () => {
    const body = [
      'Die neue Datenschutzerklärung von WhatsApp sorgt für Ärger bei Facebook-Nutzern.',
      'Das Bild: Die SPD verliert in allen Umfragen, heißt es aus der Partei.',
      'Facebook verwendet Cookies, um Nutzer zu verfolgen, kritisieren Datenschützer.',
      'Veröffentlicht wurde die Studie im Fachjournal Nature.',
      'Politik ist die Kunst des Möglichen, sagte Bismarck.',
      'Die Partei setzt jetzt auf TikTok und Instagram, um junge Wähler zu erreichen.',
      '„Folgen Sie mir auf Twitter“, rief der Kandidat seinen Anhängern zu, bevor er die Bühne verließ und in sein Auto stieg, das vor dem Eingang wartete.',
    ];
    expect(cleanArticle(['Titel', ...body].join('\n\n')).paragraphs).toEqual(body);
  });
});

/** `category;text` per line, the text quoted with `'` in some lines and bare in most. */
function readGnad(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.includes(';'))
    .map((line) => {
      const text = line.slice(line.indexOf(';') + 1);
      return text.startsWith("'") && text.endsWith("'") ? text.slice(1, -1) : text;
    });
}

describe('cleanArticle on the 10kGNAD articles (DER STANDARD)', () => {
  it.skipIf(!existsSync(GNAD))(`keeps the body of nearly every article (needs ${GNAD})`, () => {
    const texts = readGnad(GNAD);
    expect(texts.length).toBeGreaterThan(1000);
    const poorlyKept: string[] = [];
    for (const text of texts) {
      const article = cleanArticle(text);
      const kept = [article.title ?? '', ...article.paragraphs].join('').length;
      // The withdrawn-agency-text notice is boilerplate and is meant to go.
      const total = text.replace(/Der Volltext dieses auf Agenturmeldungen[^.]*\./g, '').replace(/\s+/g, ' ').trim().length;
      expect(article.paragraphs.length).toBeGreaterThan(0);
      if (kept < 0.9 * total) poorlyKept.push(text.slice(0, 120));
    }
    expect(poorlyKept.length, poorlyKept.join('\n')).toBeLessThanOrEqual(Math.floor(texts.length / 100));
  });
});

describe('publisher notices inside a paragraph', () => {
  it('drops the withdrawn-agency-text notice and keeps the lead before it', () => {
    const article = cleanArticle(
      'Aufständische verwendeten Chemikalie\n\nDamaskus – Bei Kämpfen zwischen Rebellengruppen ist nach Angaben von Aktivisten Senfgas eingesetzt worden. Der Volltext dieses auf Agenturmeldungen basierenden Artikels steht aus rechtlichen Gründen nicht mehr zur Verfügung.',
    );
    expect(article.paragraphs.join(' ')).not.toContain('Volltext');
    expect(article.paragraphs.join(' ')).toContain('Senfgas eingesetzt worden.');
  });
});
