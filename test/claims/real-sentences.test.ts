/**
 * Hand-checked sentences from real German news: the seed articles in data/articles and the
 * 10kGNAD test split (DER STANDARD). Each is run through the public path, cleanArticle then
 * extractClaims, and checked for who says it, whether it denies, and whether it is hedged.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attribute } from '../../src/core/claims/attribution.ts';
import { extractClaims } from '../../src/core/claims/extract.ts';
import { tokenize } from '../../src/core/claims/tokens.ts';
import { cleanArticle } from '../../src/core/text/clean.ts';
import type { ExtractedClaim } from '../../src/core/types.ts';

const articles = join(import.meta.dirname, '../../data/articles');

function seedClaims(prefix: string): ExtractedClaim[] {
  const file = readdirSync(articles).find((name) => name.startsWith(prefix));
  if (!file) throw new Error(`no seed article ${prefix}`);
  return extractClaims(cleanArticle(readFileSync(join(articles, file), 'utf8')));
}

/** Claims of an article made of the given paragraphs under a neutral title. */
const claimsOf = (...paragraphs: string[]) => extractClaims(cleanArticle(`Meldungen des Tages aus aller Welt\n\n${paragraphs.join('\n\n')}`));

function claimWith(claims: ExtractedClaim[], fragment: string): ExtractedClaim {
  const claim = claims.find((c) => c.text.includes(fragment));
  if (!claim) throw new Error(`no claim contains "${fragment}"; claims: ${claims.map((c) => c.text).join(' | ')}`);
  return claim;
}

describe('attribution in the seed articles', () => {
  it('credits a report and its own source to the sentence before "Dies berichtet …"', () => {
    const claim = claimWith(seedClaims('000_'), 'etwa 18 Nordkoreaner');
    expect(claim.sources).toEqual(['Newsweek', 'Suspilne']);
    expect(claim.hedged).toBe(true);
  });

  it('takes the speaker after a quotation that spans several sentences', () => {
    const claim = claimWith(seedClaims('004_'), 'Ich kenne seinen Charakter');
    expect(claim.sources).toEqual(['Lukaschenko']);
    expect(claim.stance).toBe('deny');
  });

  it('reads a "dass" clause after a speech verb as what the subject claims', () => {
    const claim = claimWith(seedClaims('004_'), 'knapp 2000 ukrainische Soldaten eingekesselt');
    expect(claim.sources).toEqual(['Putin']);
    expect(claim.stance).toBe('assert');
  });

  it('keeps the speaker when a date sits between the verb and its clause', () => {
    const claim = claimWith(seedClaims('001_'), 'bekräftigte in seiner abendlichen Ansprache am 14. Oktober');
    expect(claim.sources).toEqual(['Wolodymyr Selenskyj']);
  });

  it('marks an estimate as hedged and credits the institute', () => {
    const claim = claimWith(seedClaims('002_'), 'ISW) vermutet, dass diese Soldaten');
    expect(claim.sources.join(' ')).toContain('ISW');
    expect(claim.hedged).toBe(true);
  });

  it('names no source for a report of an act without anything said', () => {
    const claim = claimWith(seedClaims('003_'), 'Nordkorea bestätigte Ende April erstmals offiziell');
    expect(claim.sources).toEqual([]);
  });
});

describe('attribution in DER STANDARD sentences (10kGNAD)', () => {
  it('reads "wie X mitteilte" and carries the source on through "demnach"', () => {
    const claims = claimsOf(
      'Wie das Verteidigungsministerium in Kabul mitteilte, musste der Hubschrauber am Dienstag mit insgesamt 21 Menschen an Bord nahe Maimana, der Hauptstadt der Provinz Faryab, notlanden. Bei einem Feuergefecht mit den Taliban wurden demnach drei der Insassen getötet, zwei Afghanen und ein Ausländer.',
    );
    expect(claimWith(claims, 'musste der Hubschrauber').sources).toEqual(['Verteidigungsministerium']);
    expect(claimWith(claims, 'Feuergefecht mit den Taliban').sources).toEqual(['Verteidigungsministerium']);
  });

  it('finds the speaker after a quotation without quotation marks', () => {
    const claim = claimWith(claimsOf('Ich übernehme die Verantwortung, sagte Mexikos Trainer Miguel Herrera.'), 'Verantwortung');
    expect(claim.sources).toEqual(['Miguel Herrera']);
    expect(claim.stance).toBe('assert');
    expect(claim.hedged).toBe(false);
  });

  it('reads "X zufolge" and undoes the dative', () => {
    const claim = claimWith(claimsOf('Dem afghanischen Verteidigungsministerium zufolge waren zwei Ausländer unter den Geiseln.'), 'Geiseln');
    expect(claim.sources).toEqual(['afghanisches Verteidigungsministerium']);
  });

  it('reads a "zu" infinitive after "gaben an" as what was claimed', () => {
    const claim = claimWith(claimsOf('Die Taliban gaben auf ihrer Website an, den Hubschrauber abgeschossen zu haben.'), 'abgeschossen');
    expect(claim.sources).toEqual(['Taliban']);
  });

  it('continues reported speech in Konjunktiv after "beteuerte"', () => {
    const claims = claimsOf(
      'Der 26-Jährige hatte in einem sozialen Netzwerk angekündigt, ein Flüchtlingsheim anzuzünden. Vor Gericht beteuerte der Angeklagte, er habe die Drohung nicht ernst gemeint und aus Frust gehandelt.',
    );
    expect(claimWith(claims, 'die Drohung nicht ernst gemeint').sources).toEqual(['Angeklagte']);
  });

  it('marks a rejection as a denial', () => {
    expect(claimWith(claimsOf('Syriens Führung weist den Vorwurf zurück.'), 'Vorwurf').stance).toBe('deny');
    const claim = claimWith(
      claimsOf('Dass es überhaupt einen Kessel gegeben habe, bestreitet die Polizei, es sei nur eine Linie von mehreren Dutzend Beamten gewesen.'),
      'Kessel',
    );
    expect(claim.stance).toBe('deny');
  });

  it('reads ", so X" after what X said', () => {
    const claim = claimWith(
      claimsOf('Apps müssten künftig auch leichter zu schließen sein, so die Macher des Videos: Sie wollen, dass alle Anwendungen mit einem einzigen Wisch beendet werden können.'),
      'leichter zu schließen',
    );
    expect(claim.sources).toEqual(['Macher des Videos']);
  });
});

describe('attribution in Wikinews sentences (quotation dataset, train split)', () => {
  it('reads a Konjunktiv I outside the closed list ("handele es sich") as reported content', () => {
    const claim = claimWith(
      claimsOf('Der italienische Innenminister Giuliano Amato sagte in Rom, sehr wahrscheinlich handele es sich um einen Racheakt für einen Mord im italienischen San Luca, einem Dorf in Kalabrien.'),
      'Racheakt',
    );
    expect(claim.sources).toEqual(['Giuliano Amato']);
  });

  it('credits a quotation after a colon to the subject of any verb', () => {
    const claim = claimWith(
      claimsOf('In einem Interview äußerte sich der EU-Außenbeauftragte Javier Solana jedoch zuversichtlich: „Ich gehe davon aus, dass eine Einigung gelingen wird.“'),
      'Einigung gelingen',
    );
    expect(claim.sources.join(' ')).toContain('Javier Solana');
  });

  it('continues the speaker of a speech verb without content into the Konjunktiv sentence after it', () => {
    const claims = claimsOf(
      'Lammert würdigte die Bundeswehr als ein Kind des Kalten Krieges, das half, diesen zu überwinden. Die Bundeswehr sei eine Armee des Friedens und der Integration, die sich den Respekt in der NATO und in der Welt verdient habe.',
    );
    expect(claimWith(claims, 'Kind des Kalten Krieges').sources).toEqual([]);
    expect(claimWith(claims, 'Armee des Friedens').sources).toEqual(['Lammert']);
  });

  it('continues a speaker into the Konjunktiv II of a strong verb, but not into the past tense it resembles', () => {
    const claims = claimsOf(
      'Der ägyptische Außenminister Sameh Shukri wies die Kritik zurück, das Land unterdrücke die Presse. In Ägypten säßen keine Journalisten wegen ihrer Meinung im Gefängnis. Viele Reporter gingen danach nach Hause.',
    );
    expect(claimWith(claims, 'keine Journalisten').sources).toEqual(['Sameh Shukri']);
    expect(claimWith(claims, 'nach Hause').sources).toEqual([]);
  });

  it('continues a speaker into the Konjunktiv I of a verb whose stem ends in t ("richte"), not into the ordinal "achte"', () => {
    const claims = claimsOf(
      'Volksanwalt Günter Kräuter sagte, in mehreren Heimen seien Missstände gefunden worden. Die Kritik richte sich aber gegen Strukturen und nicht gegen das Personal. Es ist der achte Bericht der Volksanwaltschaft.',
    );
    expect(claimWith(claims, 'gegen Strukturen').sources).toEqual(['Günter Kräuter']);
    expect(claimWith(claims, 'achte Bericht').sources).toEqual([]);
  });

  it('continues a source into a sentence with reportive "sollen … sein"', () => {
    const claims = claimsOf(
      'Medienberichten zufolge war es vor dem Ausbruch zu einer Revolte gekommen. Auslöser für die Revolte soll die schlechte Versorgung der Häftlinge mit Lebensmitteln gewesen sein.',
    );
    expect(claimWith(claims, 'Auslöser für die Revolte').sources).toEqual(['Medien']);
  });

  it('names no source for a speech verb that is negated', () => {
    expect(claimWith(claimsOf('Die Identität des Kindes gab die Behörde nicht bekannt.'), 'Identität').sources).toEqual([]);
  });

  it('reads a genitive source after "nach Angaben" without an article', () => {
    const claim = claimWith(
      claimsOf('Bei einem Schusswechsel in der Nähe der Ortschaft Ghadschar wurde nach Angaben libanesischer Sicherheitskreise am Sonntagabend eine Person getötet und eine weitere verletzt.'),
      'Schusswechsel',
    );
    expect(claim.sources).toEqual(['libanesische Sicherheitskreise']);
  });

  it('takes the person after the verb when a thing is fronted as the object', () => {
    // The rules read the speaker; whether "bezeichnete … als" without a clause is quotable is the model's call.
    const proposal = attribute(tokenize('Eine Verschiebung des Wahltermins bezeichnete Conze als fatal, weil die Kongolesen seit drei Jahren auf die Wahl warteten.'), 'de');
    expect(proposal?.sources).toEqual(['Conze']);
  });

  it('shares the subject with a second verb after a comma', () => {
    const claim = claimWith(
      claimsOf('Die Vereinten Nationen bestätigten den Zwischenfall, teilten jedoch mit, es sei unklar, wer den bewaffneten Angriff ausgeführt habe.'),
      'Zwischenfall',
    );
    expect(claim.sources).toHaveLength(1);
    expect(claim.sources[0]).toContain('Nationen');
  });
});

describe('sentences that are not claims', () => {
  it('drops a fragment without a verb', () => {
    expect(seedClaims('004_').some((c) => c.text === 'Zumindest in der russischen Grenzregion Kursk.')).toBe(false);
  });

  it('drops questions', () => {
    const claims = claimsOf('Wie wird Mazedonien darauf reagieren? Die Regierung in Skopje hat die Grenze zu Griechenland am Montag geschlossen.');
    expect(claims.map((c) => c.text)).toEqual(['Die Regierung in Skopje hat die Grenze zu Griechenland am Montag geschlossen.']);
  });

  it('drops lines addressed to the reader, as in a police appeal', () => {
    const claims = claimsOf('Der Täter flüchtete mit einem dunklen Auto in Richtung Innenstadt. Wenn Sie Hinweise haben, wenden Sie sich an jede Polizeidienststelle.');
    expect(claims.map((c) => c.text)).toEqual(['Der Täter flüchtete mit einem dunklen Auto in Richtung Innenstadt.']);
  });

  it('drops the boilerplate of the seed articles', () => {
    const texts = ['000_', '001_', '003_'].flatMap((prefix) => seedClaims(prefix).map((c) => c.text));
    for (const boilerplate of ['Lesen Sie auch', 'Folgen Sie News.de', 'Hier finden Sie']) expect(texts.some((t) => t.includes(boilerplate))).toBe(false);
  });
});
