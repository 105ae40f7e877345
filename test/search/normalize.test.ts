import { describe, expect, it } from 'vitest';
import { foldText, tokenize } from '../../src/core/search/normalize.ts';
import { transliterationKey } from '../../src/core/search/transliterate.ts';

describe('foldText', () => {
  it('lower-cases, strips diacritics and folds ß (which FTS5 unicode61 keeps)', () => {
    expect(foldText('Straße STRASSE Männer Pjöngjang Erdoğan café')).toBe('strasse strasse manner pjongjang erdogan cafe');
  });

  it('splits hyphenated names and compounds into words', () => {
    expect(foldText('Kim Jong-un')).toBe('kim jong un');
    expect(foldText('Ukraine-Krieg')).toBe('ukraine krieg');
  });

  it('keeps numbers and joins thousands separators, but not decimals', () => {
    expect(foldText('3.000 Soldaten, 1.234.567 Euro, 12,000 troops')).toBe('3000 soldaten 1234567 euro 12000 troops');
    expect(foldText('3,5 Prozent')).toBe('3 5 prozent');
  });

  it('drops punctuation, markup, emoji, control characters and single letters', () => {
    expect(foldText('<b>Kursk</b>\u0000\u0007 😀 "NEAR(" x: Putin\'s')).toBe('kursk near putin');
    expect(foldText('')).toBe('');
    expect(foldText(' \t\n')).toBe('');
  });

  it('folds compatibility forms (full-width letters, ligatures)', () => {
    expect(foldText('Ｋｕｒｓｋ ﬁnal')).toBe('kursk final');
  });

  it('drops runs too long to be words', () => {
    expect(tokenize('a'.repeat(5000))).toEqual([]);
  });

  it('marks capitalised words and acronyms', () => {
    expect(tokenize('US Armee und die NATO')).toEqual([
      { word: 'us', capitalized: true, acronym: true },
      { word: 'armee', capitalized: true, acronym: false },
      { word: 'und', capitalized: false, acronym: false },
      { word: 'die', capitalized: false, acronym: false },
      { word: 'nato', capitalized: true, acronym: true },
    ]);
  });
});

describe('transliterationKey', () => {
  const same = [
    ['Selenskyj', 'Zelensky'],
    ['Selenskyjs', 'Zelenskyy'],
    ['Selenski', 'Zelenskiy'],
    ['Brjansk', 'Bryansk'],
    ['Lukaschenko', 'Lukashenko'],
    ['Schoigu', 'Shoigu'],
    ['Pjöngjang', 'Pyongyang'],
    ['Charkiw', 'Kharkiv'],
    ['Donezk', 'Donetsk'],
    ['Saporischschja', 'Zaporizhzhia'],
    ['Lawrow', 'Lavrov'],
    ['Tschernihiw', 'Chernihiv'],
    ['Jong', 'Yong'],
  ];
  it.each(same)('%s and %s share a key', (a, b) => {
    expect(transliterationKey(foldText(a))).toBe(transliterationKey(foldText(b)));
  });

  it('keeps different names apart', () => {
    expect(transliterationKey('kursk')).not.toBe(transliterationKey('bryansk'));
    expect(transliterationKey('donezk')).not.toBe(transliterationKey('luhansk'));
  });

  it('leaves words with digits or non-Latin letters alone', () => {
    expect(transliterationKey('t90')).toBe('t90');
    expect(transliterationKey('москва')).toBe('москва');
  });
});
