/**
 * The words a claim's identity is computed from. Claim ids are public (cards, alerts, links), so
 * these words must stay exactly what they were when the ids were first given out.
 */
import { describe, expect, it } from 'vitest';
import { claimWords, fingerprintOf } from '../src/core/fingerprint.ts';

describe('claimWords', () => {
  it.each([
    ['Laut Newsweek sollen 3.000 Soldaten geflohen sein.', ['laut', 'newsweek', 'sollen', '3000', 'soldaten', 'geflohen', 'sein']],
    ['1.000.000 Euro, 12.345.678 Dollar und 3 000 Mann', ['1000000', 'euro', '12345678', 'dollar', 'und', '3000', 'mann']],
    ["3'000 oder 3’000, nicht 3.0001 und nicht 3.000_a", ['3000', 'oder', '3000', 'nicht', '3', '0001', 'und', 'nicht', '3', '000', 'a']],
    ['3.000ä', ['3', '000a']],
    ['Straße, STRASSE, Ærø, İstanbul, Ångström', ['strasse', 'strasse', 'ærø', 'istanbul', 'angstrom']],
    ['x² ½ ﬁnal №5', ['x2', '1', '2', 'final', 'no5']],
    ['𝐀𝐁 und \ud800 allein', ['ab', 'und', 'allein']],
    ['Kim Jong-un (l.) u.a. 24. Oktober', ['kim', 'jong', 'un', 'l', 'u', 'a', '24', 'oktober']],
  ])('%s', (text, words) => {
    expect(claimWords(text)).toEqual(words);
  });

  it('keeps the ids already given out', () => {
    expect(fingerprintOf('Laut Newsweek sollen 3.000 Soldaten geflohen sein.').exactKey).toBe('b09af2e6d610afb4332da0de699178452b7c1603');
  });
});
