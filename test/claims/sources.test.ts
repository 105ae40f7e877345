/**
 * Sources the rules read from one sentence: documents and unnamed speakers standing on their own,
 * web addresses as outlets, speakers with their complements after "so", the place a fronted
 * "heißt es" cites, and sentence openers that are adverbs rather than names.
 */
import { describe, expect, it } from 'vitest';
import { attribute } from '../../src/core/claims/attribution.ts';
import { isCommonNoun, isNotNoun } from '../../src/core/claims/lexicon.ts';
import { isClaim as isClaimOf } from '../../src/core/claims/claimhood.ts';
import { tokenize } from '../../src/core/claims/tokens.ts';

const sourcesOf = (sentence: string) => attribute(tokenize(sentence), 'de')?.sources ?? [];
const isClaim = (sentence: string) => isClaimOf(sentence, tokenize(sentence), false);

describe('report nouns without an owner', () => {
  it('names the document or the speaker itself', () => {
    expect(sourcesOf('Allerdings gebe es auch schädliche Therapien, so die Studie.')).toEqual(['Studie']);
    expect(sourcesOf('„Ich hoffe, dass der Preis ein Ansporn ist“, sagte ein Sprecher.')).toEqual(['Sprecher']);
    expect(sourcesOf('Laut einer Umfrage würden sich 94 Prozent eine Weltmeisterschaft wünschen.')).toEqual(['Umfrage']);
    expect(sourcesOf('Dem Bericht zufolge wurden mindestens 665 Frauen ermordet.')).toEqual(['Bericht']);
  });

  it('names a compound of such a noun the same way', () => {
    expect(sourcesOf('Eine Laboranalyse bestätigte den Verdacht, es handele sich um Genreis.')).toEqual(['Laboranalyse']);
    expect(sourcesOf('Größter Kreditnehmer ist laut Rechnungshofbericht die BLh selbst gewesen.')).toEqual(['Rechnungshofbericht']);
    expect(sourcesOf('Der Beschuldigte werde angezeigt, hieß es in dem Polizeibericht.')).toEqual(['Polizeibericht']);
  });

  it('keeps the owner when there is one', () => {
    expect(sourcesOf('Laut einem Bericht des UNHCHR sind dort 40 Prozent der Opfer minderjährig.')).toEqual(['UNHCHR']);
    expect(sourcesOf('Nach Berichten griechischer Medien wurde nur ein Teil der Bewohner versorgt.')).toEqual(['griechische Medien']);
    expect(sourcesOf('Nach Meldungen der Agentur Reuters wurde das Netz gehackt.')).toEqual(['Reuters']);
  });

  it('names where a report came from, and one source the same in every case', () => {
    expect(sourcesOf('Nach Angaben aus Khartum wurden 22 Soldaten getötet.')).toEqual(['Khartum']);
    expect(sourcesOf('Im Tagesverlauf wurden nach Angaben aus Bankenkreisen 500 Millionen Euro abgehoben.')).toEqual(['Bankenkreise']);
    expect(sourcesOf('Die Liste setzt sich laut Bericht aus jenen Produkten zusammen.')).toEqual(['Bericht']);
    expect(sourcesOf('Die Inflation wird nach der Vorhersage der argentinischen Zentralbank bei 51 Prozent liegen.')).toEqual(['argentinische Zentralbank']);
    expect(sourcesOf('Der argentinischen Zentralbank zufolge wird die Inflation steigen.')).toEqual(['argentinische Zentralbank']);
    expect(sourcesOf('Die argentinische Zentralbank teilte mit, die Inflation werde steigen.')).toEqual(['argentinische Zentralbank']);
    // A subject after a capitalised conjunction is in the nominative.
    expect(sourcesOf('Als der ukrainische Geheimdienst mitteilte, die Soldaten seien geflohen, war es spät.')).toEqual(['ukrainischer Geheimdienst']);
  });

  it('inflects an adjective that is part of a name, so the Red Cross is one source', () => {
    expect(sourcesOf('Laut Rotem Kreuz starben 32 Menschen.')).toEqual(['Rotes Kreuz']);
    expect(sourcesOf('Das Rote Kreuz teilte mit, 32 Menschen seien gestorben.')).toEqual(['Rotes Kreuz']);
    expect(sourcesOf('Nach Angaben des Statistischen Bundesamtes stieg die Zahl.')).toEqual(['Statistisches Bundesamt']);
    expect(sourcesOf('Laut dem US-amerikanischen Institut für Kriegsstudien ist die Lage ernst.')).toEqual(['US-amerikanisches Institut für Kriegsstudien']);
    expect(sourcesOf('Laut der Frankfurter Allgemeinen Zeitung stieg die Zahl.')).toEqual(['Frankfurter Allgemeinen Zeitung']);
  });

  it('reads "nach Berichten über" as a time, not a citation', () => {
    expect(sourcesOf('Das Ministerium bestellte die Botschafterin nach Berichten über die Zerstörung eines Denkmals ein.')).toEqual([]);
  });

  it('names who gave figures by their adjective, unless it only says when or how many', () => {
    expect(sourcesOf('Nach offiziellen Angaben sind 13.000 Menschen erkrankt.')).toEqual(['offizielle Angaben']);
    expect(sourcesOf('Nach ersten Angaben sind 13.000 Menschen erkrankt.')).toEqual([]);
    expect(sourcesOf('Offiziellen Angaben zufolge sind 13.000 Menschen erkrankt.')).toEqual(['offizielle Angaben']);
    expect(sourcesOf('Bei den Unruhen waren chinesischen Angaben zufolge 200 Menschen getötet worden.')).toEqual(['chinesische Angaben']);
    expect(sourcesOf('Ersten Angaben zufolge sind 13.000 Menschen erkrankt.')).toEqual([]);
  });

  it('keeps how many spoke: "beider Seiten", "mehrerer Zeugen"', () => {
    expect(sourcesOf('Die Truppen halfen nach Angaben beider Seiten bei der Rückeroberung.')).toEqual(['beide Seiten']);
    expect(sourcesOf('Nach Angaben mehrerer Zeugen wurde bis zum Morgen gekämpft.')).toEqual(['mehrere Zeugen']);
    expect(sourcesOf('Nach mehreren Angaben wurde bis zum Morgen gekämpft.')).toEqual([]);
    expect(sourcesOf('Der Regierungschef bot nach deren Angaben seinen Rücktritt an.')).toEqual([]);
  });

  it('leaves "Berichten zufolge" unattributed: it names nobody', () => {
    expect(sourcesOf('Berichten zufolge produziert die Fabrik jedes Jahr 15.000 Tonnen Abfall.')).toEqual([]);
  });
});

describe('outlets and speakers the phrase rules used to miss', () => {
  it('reads a web address or a known outlet in lower case as an outlet', () => {
    expect(sourcesOf('Laut bildblog.de veröffentlichte das Ministerium einen Bericht.')).toEqual(['bildblog.de']);
    expect(sourcesOf('Am Dienstag wurde laut taz erneut deutlich gemacht, dass ausländische Helfer nicht erwünscht seien.')).toEqual(['taz']);
    expect(sourcesOf('„Dieser Kessel ist ein Skandal“, sagte der Demonstrationsleiter laut ndr.de.')).toEqual(['ndr.de', 'Demonstrationsleiter']);
    expect(sourcesOf('Laut „tagesschau.de“ gehören auch politische Posten zu den Forderungen der Rebellen.')).toEqual(['tagesschau.de']);
    expect(sourcesOf('Laut Corriere della Sera sind sich die beiden Vereine einig.')).toEqual(['Corriere della Sera']);
  });

  it('reads ", so X" with what follows the speaker', () => {
    expect(sourcesOf('Die Inszenierung lenke von der Oper ab, so Karl Harb von den Salzburger Nachrichten.')).toEqual(['Karl Harb']);
    expect(sourcesOf('Die Grenze werde geöffnet, so Hisbollah-Chef Hassan Nasrallah im libanesischen Fernsehen.')).toEqual(['Hassan Nasrallah']);
    expect(sourcesOf('Fast alle Kinder werden gefunden, so eine Information des Bundeskriminalamtes nach der Bekanntgabe des Falles am Donnerstag.')).toEqual(['Bundeskriminalamt']);
  });

  it('reads no speaker in ", so" that opens a clause of its own', () => {
    expect(sourcesOf('Es regnete stark, so dass die Spiele ausfielen.')).toEqual([]);
    expect(sourcesOf('Die Wahl war knapp, so die Zeitung schreiben wollte.')).toEqual([]);
  });

  it('reads the place a fronted "heißt es" cites, past a relative clause', () => {
    expect(sourcesOf('Im Bericht heißt es, dass es klare Anzeichen dafür gebe.')).toEqual(['Bericht']);
    expect(sourcesOf('In der Mitteilung der Polizei, die am Abend verbreitet wurde, heißt es, der Täter sei geflohen.')).toEqual(['Polizei']);
  });
});

describe('sentence openers', () => {
  it('knows adverbs and adjectives from the dictionaries, and names from nouns', () => {
    expect(isNotNoun('weiterhin')).toBe(true);
    expect(isNotNoun('besorgt')).toBe(true);
    expect(isNotNoun('regierung')).toBe(false);
    expect(isCommonNoun('vergleiche')).toBe(true);
    expect(isCommonNoun('lammert')).toBe(false);
  });

  it('takes a genitive back before "zufolge" only through a noun that speaks for its owner', () => {
    expect(sourcesOf('Damit ist die Zahl der Toten der IOM zufolge noch höher.')).toEqual(['IOM']);
    expect(sourcesOf('Dem Bericht der Zeitung zufolge wurden 40 Menschen verletzt.')).toEqual(['Zeitung']);
  });

  it('reads a date after a report as the report\'s, not as who made it', () => {
    expect(sourcesOf('Deutlich gestiegen ist dem Bericht vom Donnerstag zufolge der Anteil der Gewalttaten.')).toEqual(['Bericht']);
    expect(sourcesOf('Laut einem Bericht vom Donnerstag sind 40 Menschen gestorben.')).toEqual(['Bericht']);
    expect(sourcesOf('Laut einem Bericht von Amnesty International sind 40 Menschen gestorben.')).toEqual(['Amnesty International']);
  });

  it('takes a time that opens the sentence for an adverbial, not the speaker', () => {
    expect(sourcesOf('Vergangene Woche berichtete die „Kyiv Post“, ebenfalls gestützt auf Geheimdienstquellen, dass Offiziere getötet wurden.')).toEqual([
      'Kyiv Post',
      'Geheimdienstquellen',
    ]);
    expect(sourcesOf('Letzten Freitag sagte der Minister, die Lage sei ernst.')).toEqual(['Minister']);
    expect(sourcesOf('Ende April hatte das Duo angekündigt, die Tournee nicht fortsetzen zu wollen.')).toEqual(['Duo']);
    expect(sourcesOf('Die Lage sei ernst, sagte am Montag der Minister.')).toEqual(['Minister']);
    expect(sourcesOf('Der Machthaber hatte Ende Jänner erklärt, er werde erneut kandidieren.')).not.toContain('Ende Jänner');
  });

  it('finds the speaker after an adverb that opens the sentence', () => {
    expect(sourcesOf('Weiterhin erklärte die Ministerin, die Zahl der Studienanfänger sei gestiegen.')).toEqual(['Ministerin']);
  });

  it('takes no common noun without an article for a speaker', () => {
    expect(sourcesOf('Vergleiche werden gezogen: „Das ist Erpressung“.')).toEqual([]);
  });
});

describe('subjects and objects around the speech verb', () => {
  it('keeps a fronted subject that names people, or that a plural verb agrees with', () => {
    expect(sourcesOf('Kritiker werfen Obama vor, er habe die Entscheidung nur getroffen, um zu punkten.')).toEqual(['Kritiker']);
    expect(sourcesOf('Die Studenten forderten damals die Machthaber in China zu einer Umkehr auf.')).toEqual(['Studenten']);
    expect(sourcesOf('Vorwürfe wies Diepgen zurück, es sei nichts versäumt worden.')).toEqual(['Diepgen']);
  });

  it('takes the name set off before the verb when the phrase before it is too involved to read, never the object after the verb', () => {
    expect(sourcesOf('Die Politikerin von Bündnis 90/Die Grünen, Anja Hajduk, kritisierte die Pläne der Regierung, sie seien unrealistisch.')).toEqual(['Anja Hajduk']);
    expect(sourcesOf('Der ehemalige Shopbetreiber am Wiener Flughafen, Rakesh Sardana, hat die Flughafen Wien AG auf Schadenersatz geklagt.')).not.toContain('Flughafen Wien AG');
    expect(sourcesOf('Es ist unser Zuhause, Home Sweet Home, sagt Joseph.')).toEqual(['Joseph']);
  });

  it('keeps a fronted subject with its article when what was said follows as a clause: the name after the verb is the one addressed', () => {
    expect(sourcesOf('Die Kampagne warf Obama vor, er habe gelogen.')).toEqual(['Kampagne']);
    expect(sourcesOf('Die Regierung hatte Beckenbauer öffentlich aufgefordert, sich intensiver in die Aufklärung einzubringen.')).toEqual(['Regierung']);
    expect(sourcesOf('Eine Verschiebung des Wahltermins bezeichnete Conze als fatal.')).toEqual(['Conze']);
    expect(sourcesOf('Eine Verschiebung des Wahltermins bezeichnete der Sprecher der Regierung als fatal.')).toEqual(['Regierung']);
  });

  it('reads a fronted phrase with a possessive of the accusative or dative as the object', () => {
    expect(sourcesOf('Ihren Widersacher Jeremy Corbyn von der oppositionellen Labour Party forderte May auf, über das Abkommen abzustimmen.')).toEqual(['May']);
    expect(sourcesOf('Seinem Nachfolger warf Müller vor, er habe versagt.')).toEqual(['Müller']);
  });

  it('gives a quotation that opens the sentence to the subject of the verb after it, whatever the verb', () => {
    expect(sourcesOf('„Wir haben jetzt vier Punkte“, zeigte sich Milovan Rajevac, der Trainer Ghanas, zufrieden.')).toEqual(['Milovan Rajevac']);
    expect(sourcesOf('„Kontraproduktiv waren sicherlich auch einige Kollegen“, erinnerte sich Trotnow.')).toEqual(['Trotnow']);
    expect(sourcesOf('„Das ist gut“, freute sich der Minister.')).toEqual(['Minister']);
    // Someone's message is not who said it.
    expect(sourcesOf('„Macht die Grenzen dicht!“, lautet seine Botschaft.')).toEqual([]);
  });

  it('never takes a bare quotation after the verb for its subject: it is a title or a slogan', () => {
    expect(sourcesOf('Die neue Version verspricht „Metasuche ohne Müll“: Nicht relevante Webseiten sollen ausgefiltert werden.')).not.toContain('Metasuche ohne Müll');
    expect(sourcesOf('Der Jahresbericht nennt „Twitter“ in Syrien als Gefahr.')).not.toContain('Twitter');
    expect(sourcesOf('Die Hintergründe erklärte die „Kyiv Post“ in einem Bericht.')).toEqual(['Kyiv Post']);
  });

  it('reads the phrase after the verb as the subject only when its head may speak, not someone in its genitive', () => {
    expect(sourcesOf('Medienvertreter der thailändischen Öffentlichkeit bezeichneten jedoch das Auftreten der Polizei als „unangemessen“.')).toEqual(['Medienvertreter']);
  });

  it('gives a verb after "und" the subject of the first, never its object', () => {
    expect(attribute(tokenize('Er halte die Gesetze für vertretbar und bezeichnete die Erweiterung der Kompetenzen als notwendig.'), 'de')?.pronoun).toBe('er');
    expect(sourcesOf('Er halte die Gesetze für vertretbar und bezeichnete die Erweiterung der Kompetenzen als notwendig.')).toEqual([]);
    expect(sourcesOf('Am Sonntag zogen Demonstranten vor den Sitz der Verwaltung und skandierten Sprüche wie „Weg mit Li“.')).toEqual([]);
  });

  it('finds a fronted subject past its complements and an apposition', () => {
    expect(sourcesOf('Der Vorsitzende des Verbands in Deutschland, Michael Knipper, kritisierte die Entscheidung der BaFin, die Übernahme zu erlauben.')).toEqual([
      'Michael Knipper',
    ]);
    expect(sourcesOf('Auch die größte deutsche Privatbank, die Deutsche Bank, meldete heute Milliardenverluste.')).toEqual(['Deutsche Bank']);
  });

  it('names who quotes a speaker before the speaker', () => {
    expect(sourcesOf('Günther Platter wird von der Nachrichtenagentur Reuters mit den Worten zitiert, es habe eine positive Resonanz gegeben.')).toEqual([
      'Reuters',
      'Günther Platter',
    ]);
  });

  it('keeps a feminine head feminine when only its article tells', () => {
    expect(sourcesOf('Die größte Privatbank meldete, sie habe Milliarden verloren.')).toEqual(['größte Privatbank']);
  });
});

describe('speakers behind insertions', () => {
  it('finds a separable verb\'s particle past an apposition or a dash insertion', () => {
    expect(sourcesOf('Jetzt gab der Leiter der Kriminaldienststelle, Andreas Huber, bekannt, dass sich das Handy eingeloggt hatte.')).toEqual(['Andreas Huber']);
    expect(sourcesOf('Dies gab heute – nach eingehenden Untersuchungen der Baustofftechnologen – Professor Bernd Hillemeier bekannt.')).toEqual(['Bernd Hillemeier']);
  });

  it('takes a list before ", sagt X" for what was said, not for an insertion before the verb', () => {
    expect(sourcesOf('Klima, Gerüche, Bewegung, all das gehöre zum ästhetischen Erleben, sagt Dirck Möllmann.')).toEqual(['Dirck Möllmann']);
  });

  it('names "der 20-Jährige" after the verb, not the adverb that opens the quotation', () => {
    expect(sourcesOf('Genau so hatte ich mir mein Debüt erträumt, sagte der 20-Jährige nach seinem späten Siegtor.')).toEqual(['20-Jährige']);
  });

  it('reads no speaker into an embedded question or free relative: "darauf, was Kinder sagen"', () => {
    expect(sourcesOf('Das Spielzeug reagiert darauf, was Kinder sagen.')).toEqual([]);
  });

  it('reads "wie X, …, mitteilte" as "wie X mitteilte"', () => {
    expect(sourcesOf('Die Chemikalie stand unter Druck, wie Burt Rutan, Chef der Firma Scaled Composites, mitteilte.')).toEqual(['Burt Rutan']);
    expect(sourcesOf('Die Lage sei ernst, wie der Sprecher, der gestern in Kiew war, sagte.')).toEqual(['Sprecher']);
  });

  it('reads a "wie" clause whose auxiliary closes it: "wie X mitgeteilt hat"', () => {
    expect(sourcesOf('Wie der Weltverband FIFA in der Nacht bekanntgegeben hat, wird die Weltmeisterschaft nicht in Deutschland stattfinden.')).toEqual(['Weltverband FIFA']);
    expect(sourcesOf('Die Weltmeisterschaft wird nicht in Deutschland stattfinden, wie die FIFA mitgeteilt hatte.')).toEqual(['FIFA']);
    expect(sourcesOf('Wie mitgeteilt wurde, wird die Weltmeisterschaft nicht in Deutschland stattfinden.')).toEqual([]);
  });

  it('gives a quotation after "Name, Amt:" or "Name zum Thema:" to the name', () => {
    expect(sourcesOf('Erkki Tuomioja, Präsident des Rats der Europäischen Union: „Die Verabschiedung ist idiotisch.“')).toEqual(['Erkki Tuomioja']);
    expect(sourcesOf('Merkel zur Flüchtlingskrise: „Wir schaffen das.“')).toEqual(['Merkel']);
    expect(sourcesOf('Ein Blick in die Statistik: „Die meisten Fälle sind gelöst.“')).toEqual([]);
  });
});

describe('ordinals and dates inside a clause', () => {
  it('does not end a clause at an ordinal\'s full stop', () => {
    expect(sourcesOf('Die Kultusministerin Elisabeth Heister-Neumann kündigte auf einer Pressekonferenz am 6. Mai eine Änderung des Entwurfs an.')).toEqual([
      'Elisabeth Heister-Neumann',
    ]);
  });

  it('reads a separable verb past a date in apposition', () => {
    expect(sourcesOf('Die Staatsanwaltschaft Altach gab am Montag, dem 27. März, die Einstellung des Verfahrens bekannt.')).toEqual(['Staatsanwaltschaft Altach']);
  });
});

describe('relative clauses that open with a preposition', () => {
  it('keeps the subject before "…, auf die …," and does not take the object for it', () => {
    expect(sourcesOf('Auch offizielle Statistiken, auf die im Bericht hingewiesen wird, bekräftigen die niedrige Aufklärungsquote.')).toEqual(['offizielle Statistiken']);
    expect(sourcesOf('Der Minister, mit dem die Opposition verhandelt, kritisierte den Entwurf scharf.')).toEqual(['Minister']);
  });
});

describe('participles after a name in apposition', () => {
  it('finds the auxiliary and the subject before the name', () => {
    expect(sourcesOf('Am Montag hatte der Investor des Neubaus, Larry Silverstein, zugesagt, nicht weiter über den Turm bestimmen zu wollen.')).toEqual([
      'Larry Silverstein',
    ]);
    expect(sourcesOf('Das Objekt, genannt 2003 EL61, ist ein Zwergplanet.')).toEqual([]);
  });
});

describe('citations whose phrase carries more than a name', () => {
  it('reads past a party in parentheses after a cited person', () => {
    expect(sourcesOf('Nach Aussagen von Klaus Wowereit (SPD) bringe die Entscheidung Klarheit.')).toEqual(['Klaus Wowereit']);
    expect(sourcesOf('Nach Angaben der Polizei (BKA) wurden drei Menschen verletzt.')).toEqual(['Polizei (BKA)']);
  });

  it('reads an extended attribute between the article and the report', () => {
    expect(sourcesOf('Laut einer am Dienstag veröffentlichten Pressemitteilung des WFP wurden 2.000 Menschen versorgt.')).toEqual(['WFP']);
    expect(sourcesOf('Nach einem am Montag vorgelegten Bericht der Polizei wurden drei Menschen verletzt.')).toEqual(['Polizei']);
    expect(sourcesOf('Nach dem am Montag gefällten Urteil muss er zahlen.')).toEqual([]);
  });

  it('leaves an extended attribute out of the speaker\'s name', () => {
    expect(sourcesOf('So sagte der für die Omo-Region zuständige Koordinator gegenüber der BBC, dass nur 14 Motorboote im Einsatz seien.')).toEqual([
      'zuständiger Koordinator',
    ]);
  });
});

describe('possessives', () => {
  it('attaches a possessive genitive to what was said, and inflects it like an article', () => {
    expect(sourcesOf('Nach Angaben seines Anwalts wurde er freigelassen.')).toEqual(['Anwalt']);
    expect(sourcesOf('Nach Aussage ihres Sprechers Klaus Müller wurde er freigelassen.')).toEqual(['Klaus Müller']);
    expect(sourcesOf('Den Angaben ihrer Familie zufolge ist sie gesund.')).toEqual(['Familie']);
  });
});

describe('names with particles, and what only looks like speech', () => {
  it('keeps "von der" and a capitalised "Van der" inside a name', () => {
    expect(sourcesOf('Das sei ernst, sagte Ursula von der Leyen.')).toEqual(['Ursula von der Leyen']);
    expect(sourcesOf('Angesprochen auf die Übergriffe sagt Van der Bellen, diese seien indiskutabel.')).toEqual(['Van der Bellen']);
  });

  it('takes evidence pointed to for no source, and a suspicion that proves true for no speaker', () => {
    expect(sourcesOf('Es sei eine Kriegserklärung, so Mitterlehner unter Verweis auf die Anschläge in Paris.')).toEqual(['Mitterlehner']);
    expect(sourcesOf('Laut einer Aussendung des WWF hat sich der Verdacht über die Todesursache bestätigt: Die Vögel starben an Schrot.')).toEqual(['WWF']);
  });
});

describe('genitives before an acronym, and purposes', () => {
  it('puts the noun before an acronym in the nominative', () => {
    expect(sourcesOf('Nach Angaben des UN-Flüchtlingshilfswerks UNHCR nahmen 534.000 Menschen diesen Weg.')).toEqual(['UN-Flüchtlingshilfswerk UNHCR']);
    expect(sourcesOf('Nach Angaben des Senders CNN ist die Lage ernst.')).toEqual(['Sender CNN']);
  });

  it('reads "…, um … zu" as a purpose that frames nobody\'s words', () => {
    expect(sourcesOf('Nach Angaben des Weltressourceninstituts werden Wälder vor allem gerodet, um Flächen zu gewinnen.')).toEqual(['Weltressourceninstitut']);
  });
});

describe('names of institutions', () => {
  it('keeps an "und" inside a "für" name, and splits an "und" between two sources', () => {
    expect(sourcesOf('Das Landesamt für Gesundheit und Lebensmittelsicherheit warnt, die Pille sei gefährlich.')).toEqual(['Landesamt für Gesundheit und Lebensmittelsicherheit']);
    expect(sourcesOf('Laut dem Institut für Kriegsstudien und der Zeitung ist die Lage ernst.')).toEqual(['Institut für Kriegsstudien', 'Zeitung']);
  });

  it('knows bodies in the plural as organisations, and the opposition as a body', () => {
    expect(sourcesOf('Von der Opposition wurde die Art des Besuchs als unangemessen kritisiert, er sei eine PR-Aktion.')).toEqual(['Opposition']);
    expect(sourcesOf('Laut russischen Behörden ist die Lage ernst.')).toEqual(['russische Behörden']);
  });

  it('gives an acronym no genitive: "laut NASA der überwiegende Teil", "die OSZE der Wahlkommission"', () => {
    expect(sourcesOf('Dabei verglüht laut NASA der überwiegende Teil in der Atmosphäre.')).toEqual(['NASA']);
    expect(sourcesOf('Des Weiteren wirft die OSZE der Wahlkommission vor, sie habe nicht kollegial gearbeitet.')).toEqual(['OSZE']);
  });
});

describe('adjectives in the nominative', () => {
  it('inflects them for a plural compound modifier and for neuter nouns', () => {
    expect(sourcesOf('Dabei sind örtlichen Medienberichten zufolge Dutzende Menschen gestorben.')).toEqual(['örtliche Medien']);
    expect(sourcesOf('Laut amtlichem Resultat hat die Partei 100 Stimmen mehr.')).toEqual(['amtliches Resultat']);
    expect(sourcesOf('Laut dem slowenischen Fernsehen sollen weniger Flüchtlinge einreisen.')).toEqual(['slowenisches Fernsehen']);
  });
});

describe('possessors written before what they said', () => {
  it('names the possessor of a report noun, before it or after it, without its genitive s', () => {
    expect(sourcesOf('Nach Putins Worten ist die Lage an der Grenze stabil.')).toEqual(['Putin']);
    expect(sourcesOf('Russlands Angaben zufolge wurden 30 Soldaten getötet.')).toEqual(['Russland']);
    expect(sourcesOf('Laut Selenskyjs Sprecher wurden 30 Soldaten getötet.')).toEqual(['Selenskyj']);
    expect(sourcesOf('Nach Angaben Russlands wurden 30 Soldaten getötet.')).toEqual(['Russland']);
    expect(sourcesOf('Nach Angaben Wladimir Putins wurden 30 Soldaten getötet.')).toEqual(['Wladimir Putin']);
  });

  it('reads no possessor into a time or a name on its own', () => {
    expect(sourcesOf('Nach Ostern wurden 30 Soldaten getötet.')).toEqual([]);
  });
});

describe('compounds on names', () => {
  it('reads a compound on a quoted name as one name, and its hyphen as no clause border', () => {
    expect(sourcesOf('Denn wie die „Bild“-Zeitung in der Ausgabe vom 17.12.2005 berichtete, leidet er an Alzheimer.')).toEqual(['Bild-Zeitung']);
    expect(sourcesOf('Die Regierung lehnt das ab - sagte der Minister.')).toEqual(['Minister']);
  });

  it('reads a name written in lower case with its noun as a source', () => {
    expect(sourcesOf('Bei Gewaltverbrechen gibt es aber laut ai-Bericht eine hohe Dunkelziffer.')).toEqual(['ai-Bericht']);
    expect(sourcesOf('Der eBay-Chef sagte, das Geschäft laufe gut.')).toEqual(['eBay-Chef']);
  });
});

describe('truncated compounds', () => {
  it('keeps "Forschungs- und Entwicklungsabteilung" one name, and finds the person after such a role', () => {
    expect(sourcesOf('Die Forschungs- und Entwicklungsabteilung teilte mit, es gebe Probleme.')).toEqual(['Forschungs- und Entwicklungsabteilung']);
    expect(sourcesOf('Laut Notariats- und Rechtsanwaltskammer sind nur 20.000 Verfügungen registriert.')).toEqual(['Notariats- und Rechtsanwaltskammer']);
    expect(sourcesOf('Alles andere entspreche nicht der Praxis, sagt Vorarlbergs Kinder- und Jugendanwalt Michael Rauch.')).toEqual(['Michael Rauch']);
  });
});

describe('quoted titles', () => {
  it('reads a quoted title that opens with its article, or is written in lower case, as the outlet\'s name', () => {
    expect(sourcesOf('Die Wochenzeitung „Die Zeit“ berichtete, Sgrena sei langsam gefahren.')).toEqual(['Die Zeit']);
    expect(sourcesOf('Laut der Wochenzeitung „Die Zeit“ sei Sgrena langsam gefahren.')).toEqual(['Die Zeit']);
    expect(sourcesOf('Die Regierung sei gescheitert, schreibt „Die Welt“.')).toEqual(['Die Welt']);
    expect(sourcesOf('Wie „heise online“ berichtet, sperrten chinesische Behörden den Internetzugang.')).toEqual(['heise online']);
    expect(sourcesOf('Die Polizei bezeichnete das Verhalten als „unangemessen“.')).toEqual(['Polizei']);
  });
});

describe('names built with "ohne"', () => {
  it('keeps "Reporter ohne Grenzen" one name, as subject or cited', () => {
    expect(sourcesOf('Ärzte ohne Grenzen teilte mit, drei Flugzeuge der Hilfsorganisation seien in Rangun gelandet.')).toEqual(['Ärzte ohne Grenzen']);
    expect(sourcesOf('Reporter ohne Grenzen kritisierte, dass die Regierung Journalisten verhafte.')).toEqual(['Reporter ohne Grenzen']);
    expect(sourcesOf('Laut Reporter ohne Grenzen sitzen 500 Journalisten in Haft.')).toEqual(['Reporter ohne Grenzen']);
  });

  it('keeps the whole name after a descriptor', () => {
    expect(sourcesOf('Die Hilfsorganisation Ärzte ohne Grenzen teilte mit, dass die Bewohner geflohen seien.')).toEqual(['Hilfsorganisation Ärzte ohne Grenzen']);
  });
});

describe('subjects that count who spoke', () => {
  it('names a counted subject with its count, before or after the verb', () => {
    expect(sourcesOf('Mehrere Zeugen sagten, der Fahrer sei zu schnell gefahren.')).toEqual(['mehrere Zeugen']);
    expect(sourcesOf('Der Fahrer sei zu schnell gefahren, sagten mehrere Zeugen.')).toEqual(['mehrere Zeugen']);
    expect(sourcesOf('Zwei Polizisten berichteten, sie seien angegriffen worden.')).toEqual(['zwei Polizisten']);
    expect(sourcesOf('300 Demonstranten forderten, die Regierung müsse zurücktreten.')).toEqual(['300 Demonstranten']);
    expect(sourcesOf('Einige der einflussreichsten britischen Moslems haben Premierminister Tony Blair geschrieben, dass die Außenpolitik geändert werden müsse.')).toEqual([
      'einige der einflussreichsten britischen Moslems',
    ]);
    expect(sourcesOf('Der Fahrer sei zu schnell gefahren, sagten zwei der Zeugen.')).toEqual(['zwei der Zeugen']);
    expect(sourcesOf('Die Strafe löste Entsetzen aus, zahlreiche Politiker forderten die Freilassung Badawis.')).toEqual(['zahlreiche Politiker']);
  });

  it('names one of a group as such', () => {
    expect(sourcesOf('Einer der 13 beteiligten Feuerwehrmänner sagte, das Feuer sei gelöscht.')).toEqual(['einer der 13 beteiligten Feuerwehrmänner']);
    expect(sourcesOf('So endet das junge Glück, sagte eine der Angehörigen zu Journalisten.')).toEqual(['eine der Angehörigen']);
  });

  it('leaves a share to the survey it comes from, and a counted object to the subject after the verb', () => {
    expect(sourcesOf('Drei Viertel der Befragten gaben an, mit der Hand zu schreiben.')).toEqual([]);
    expect(sourcesOf('Mehrere Fragen beantwortete der Minister nicht, es gebe keine Einigung.')).toEqual(['Minister']);
  });
});

describe('a subject whose verb frames what it thinks or says', () => {
  const attributionOf = (sentence: string) => attribute(tokenize(sentence), 'de');

  it('proposes the subject of any verb before "dass" or a reported clause, as evidence for the model', () => {
    const opinion = attributionOf('Günter Metzges vom Online-Netzwerk Campact ist der Meinung, dass die Klage nichts verzögern werde.');
    expect(opinion?.sources).toEqual(['Günter Metzges']);
    expect(opinion?.features).toEqual(expect.arrayContaining(['framed', 'frame:opener', 'last:meinung']));
    const reported = attributionOf('Die Gewerkschaft zeigt keinerlei Verständnis für den Verkauf, es seien davon 5.300 Arbeitsplätze abhängig.');
    expect(reported?.features).toEqual(expect.arrayContaining(['framed', 'frame:reported', 'framed/negated']));
  });

  it('proposes nothing when no clause is framed, or the comma closes a subordinate clause', () => {
    expect(attributionOf('Die Regierung hat im Frühjahr den Etat für das nächste Jahr beschlossen.')?.features ?? []).not.toContain('framed');
    expect(attributionOf('Als der Zug ankam, dass alle ausstiegen, regnete es.')?.features ?? []).not.toContain('framed');
  });

  it('proposes no subject under a citation, which says whose claim it is', () => {
    expect(sourcesOf('Der Spuk der AfD wäre laut Seehofer sofort vorbei, wenn es zu einer Begrenzung der Zuwanderung komme.')).toEqual(['Seehofer']);
    expect(sourcesOf('Einige Mitarbeiter sollen laut einem Bericht von The Register ein Memo erhalten haben, künftig keine T-Shirts zu tragen.')).toEqual(['Register']);
  });

  it("proposes no subject for a first clause in Konjunktiv or with hearsay \"sollen\", which is itself reported", () => {
    expect(attributionOf('Rot-Grün habe durch das Wahlergebnis seine Mehrheit verloren, aber Schwarz-Gelb sei gescheitert.')).toBeNull();
    expect(attributionOf('Dieser Wert würde auch für 2009 gelten, bevor für 2010 eine Neuregelung anstünde.')).toBeNull();
    expect(attributionOf('In den Jahren 2009 und 2010 sollen insgesamt 1.000 Fahrzeuge fahren, auch eine Ausweitung sei denkbar.')).toBeNull();
    expect(sourcesOf('Die Regierung hat eingeräumt, die Lage sei ernst.')).toEqual(['Regierung']);
  });

  it('reads a relative clause in Konjunktiv as a clause on the noun before it, not as what the subject said', () => {
    expect(attributionOf('Die Bundeswehr sei eine Armee des Friedens, die sich den Respekt verdient habe.')).toBeNull();
    expect(sourcesOf('Die Opposition kritisierte die Pläne, die Regierung habe versagt.')).toEqual(['Opposition']);
    expect(sourcesOf('Die Opposition kritisierte den Etat, das sei unsozial.')).toEqual(['Opposition']);
  });
});

describe('a name in the genitive before the subject', () => {
  it('reads "Berlins früherer Bürgermeister" as one subject, so the object after the verb is not its speaker', () => {
    expect(sourcesOf('Berlins früherer Regierender Bürgermeister Eberhard Diepgen (CDU) wies Vorwürfe auf Versäumnisse zurück: „Das ist falsch.“')).toEqual([
      'Eberhard Diepgen',
    ]);
    expect(sourcesOf('Irans oberster Führer sagte, die Wahl sei gültig.')).toEqual(['Irans oberster Führer']);
  });

  it('leaves a plural or a past tense after a name in -s alone', () => {
    expect(sourcesOf('Wikinews berichtete in einem Artikel, es habe 41 Tote gegeben.')).toEqual(['Wikinews']);
    expect(isClaim('Tattoos erzählen Geschichten von verflossenen Liebesbeziehungen.')).toBe(true);
    expect(isClaim('Als 30. des ersten Laufes eröffnete Jelena Lolović den Finaldurchgang.')).toBe(true);
  });
});

describe('citations with "nach"', () => {
  it('keeps the cited source as the evidence when the verb only reports an act, with the actor in its chain', () => {
    const cited = attribute(tokenize('In einer Stellungnahme hat Klien nach Angaben der Nachrichtenagentur APA die Vorwürfe zurückgewiesen.'), 'de');
    expect(cited?.sources).toEqual(['APA', 'Klien']);
    expect(cited?.features).not.toContain('frame:none');
  });

  it('proposes a report with a definite article as a citation the model weighs, since it may also be a time', () => {
    const report = attribute(tokenize('Nach dem Bericht von Human Rights Investigation sollen die Rebellen Gerüchte verbreitet haben.'), 'de');
    expect(report?.sources).toEqual(['Human Rights Investigation']);
    expect(report?.features).toContain('nach/definite');
  });

  it('names who investigates, not the investigations', () => {
    expect(sourcesOf('Nach ersten Ermittlungen der Polizei war der Bus ins Schleudern geraten.')).toEqual(['Polizei']);
    expect(sourcesOf('Nach ersten Ermittlungen war der Bus ins Schleudern geraten.')).toEqual([]);
  });
});

describe('numbers after a source', () => {
  it('ends the name before a count of what the sentence is about', () => {
    expect(sourcesOf('Dabei kamen nach Angaben des Bürgermeisters 49 Menschen ums Leben.')).toEqual(['Bürgermeister']);
    expect(sourcesOf('Davon sind laut der Plattform Inside Airbnb 67 Prozent ganze Wohnungen.')).toEqual(['Inside Airbnb']);
  });

  it('keeps a short number that is part of a name', () => {
    expect(sourcesOf('Wie Formel 1 mitteilte, wird das Rennen abgesagt.')).toEqual(['Formel 1']);
  });
});

describe('an outlet addressed in the dative', () => {
  it('is not part of the speaker but, named, the outermost source: "sagte der Minister der Nachrichtenagentur dpa"', () => {
    expect(sourcesOf('Merkel sei eine bewundernswerte Frau, sagte Nikolic der Zeitung Danas.')).toEqual(['Danas', 'Nikolic']);
    expect(sourcesOf('Die Lage sei ernst, sagte ein Sprecher der Regierung der ungarischen Nachrichtenagentur MTI.')).toEqual(['MTI', 'Regierung']);
    expect(sourcesOf('Die Kräfte würden am Montag eingewiesen, erklärte ein Heeressprecher der APA.')).toEqual(['APA', 'Heeressprecher']);
    expect(sourcesOf('Die Lage sei ernst, sagte der Manager der Zeitung.')).toEqual(['Manager']);
  });

  it('still owns its reports and its staff', () => {
    expect(sourcesOf('Laut einem Bericht der Zeitung „Haaretz“ sind 30 Menschen tot.')).toEqual(['Haaretz']);
    expect(sourcesOf('Laut einem Bericht der APA sind 30 Menschen tot.')).toEqual(['APA']);
    expect(sourcesOf('Der Chefredakteur der Zeitung sagte, man prüfe das.')).toEqual(['Chefredakteur der Zeitung']);
  });
});

describe('shares of a group', () => {
  it('names no share as a source, with its group or without: the survey speaks for them', () => {
    expect(sourcesOf('25 Prozent der Befragten sagten, sie würden wechseln.')).toEqual([]);
    expect(sourcesOf('Auch abends sei man erreichbar, gab rund die Hälfte der Befragten an.')).toEqual([]);
    expect(sourcesOf('60 Prozent sagten, sie seien zufrieden.')).toEqual([]);
  });

  it('keeps participles used as nouns whole in the dative plural', () => {
    expect(sourcesOf('Laut den Abgeordneten ist das Gesetz verfassungswidrig.')).toEqual(['Abgeordneten']);
    expect(sourcesOf('Nach Angaben des Athleten war die Strecke zu kurz.')).toEqual(['Athlet']);
  });
});

describe('a noun in the genitive before a name', () => {
  it('is named in the nominative, as before an acronym', () => {
    expect(sourcesOf('Laut einer Umfrage des deutschen Hightech-Verbandes Bitkom ist das so.')).toEqual(['deutscher Hightech-Verband Bitkom']);
    expect(sourcesOf('Ein Sprecher des betroffenen Unternehmens Badijah sagte, es fehle jede Spur.')).toEqual(['betroffenes Unternehmen Badijah']);
    expect(sourcesOf('Laut einem Bericht des UN-Flüchtlingshilfswerks UNHCR ist das so.')).toEqual(['UN-Flüchtlingshilfswerk UNHCR']);
  });

  it('leaves a capitalised adjective before a noun alone', () => {
    expect(sourcesOf('Nach Angaben des Berliner Tagesspiegels ist die Zahl gestiegen.')).toEqual(['Berliner Tagesspiegel']);
  });
});

describe('what follows a cited report or a second verb', () => {
  it('ends a report in the plural before the next noun, but keeps its owner in the genitive', () => {
    expect(sourcesOf('Der Stürmer verlässt laut italienischen Medienberichten Champions-League-Finalist Juventus Turin.')).toEqual(['italienische Medien']);
    expect(sourcesOf('Die Opfer erlitten nach Polizeiangaben Schuss- beziehungsweise Stichverletzungen.')).toEqual(['Polizei']);
    expect(sourcesOf('Nach Angaben Ibrahims wurden 45 Mitglieder seiner Gemeinde verletzt.')).toEqual(['Ibrahim']);
  });

  it('gives a second main clause with "aber" the first one\'s subject, not its object', () => {
    expect(sourcesOf('Die Grünen haben die Verordnung begrüßt, fordern aber weiterhin eine Änderung der Finanzverfassung.')).toEqual(['Grünen']);
    expect(sourcesOf('Elf Menschen seien umgekommen, teilte die Küstenwache mit.')).toEqual(['Küstenwache']);
  });
});

describe('a fronted thing with a relative clause', () => {
  it('is the object when someone who may speak follows the verb', () => {
    expect(sourcesOf('Die Zahl der Menschen, die getötet worden sein sollen, bezifferte die chinesische Nachrichtenagentur Xinhua auf 13.')).toEqual([
      'Xinhua',
    ]);
    expect(sourcesOf('Estland, Litauen und Lettland seien ohnehin in der EU und Nato, erklärte der Minister.')).toEqual(['Minister']);
  });

  it('stays the subject when it may speak itself', () => {
    expect(sourcesOf('Der Sprecher, der seit 2010 im Amt ist, sagte, die Lage sei ernst.')).toEqual(['Sprecher']);
  });
});

describe('more cited reports', () => {
  it('names who proposed, and who testified before a quoted slogan', () => {
    expect(sourcesOf('So sollen diese laut Vorschlag der CDU am Mittwoch beginnen.')).toEqual(['CDU']);
    expect(sourcesOf('Mair rief bei dem Angriff laut Zeugenaussagen "Britain First".')).toEqual(['Zeugen']);
  });
});

describe('"nach" as a time', () => {
  it('reads a counted span or a time adverb before "nach" as a time, a date before it not', () => {
    expect(sourcesOf('Zwei Monate nach dem Urteil des Bundesverwaltungsgerichts liegt nun die Begründung vor.')).toEqual([]);
    expect(sourcesOf('Erst nach umfangreichen Ermittlungen der Polizei war genug Material beisammen.')).toEqual([]);
    expect(sourcesOf('500 Bewaffnete waren es allein am Mittwoch nach Angaben der Syrischen Beobachtungsstelle für Menschenrechte.')).toEqual([
      'Syrische Beobachtungsstelle für Menschenrechte',
    ]);
  });

  it('keeps a "für" complement after a name in the genitive', () => {
    expect(sourcesOf('Nach Angaben des Schweizer Bundesamts für Umwelt bleibt die Gefahr bestehen.')).toEqual(['Schweizer Bundesamt für Umwelt']);
  });
});

describe('professions that speak', () => {
  it('names the person after a profession, as after a title', () => {
    expect(sourcesOf('Die ganze demokratische Fassade bröckelt, sagt der Soziologe Bernardo Arévalo.')).toEqual(['Bernardo Arévalo']);
    expect(sourcesOf('Das Unglück hätte noch schlimmer kommen können, sagte der Augenzeuge Abdel Asis Nakur.')).toEqual(['Abdel Asis Nakur']);
  });
});

describe('times after a name', () => {
  it('leaves a weekday or a part of a day out of the name', () => {
    expect(sourcesOf('Die Dividende wird gekürzt, teilte der Konzern Mittwochabend mit.')).toEqual(['Konzern']);
    expect(sourcesOf('Die meisten Notquartiere haben wieder Platz, sagte ein Sprecher der Polizeiinspektion Freyung Montagfrüh.')).toEqual([
      'Polizeiinspektion Freyung',
    ]);
    expect(sourcesOf('Der Machthaber hatte Ende Jänner erklärt, er werde erneut kandidieren.')).toEqual(['Machthaber']);
  });

  it('names nobody for one\'s own account', () => {
    expect(sourcesOf('Sie wirkt laut eigenem Bekunden seit 30 Jahren in der Staatsoper mit.')).toEqual([]);
  });
});

describe('reports named by their adjective', () => {
  it('puts the plural in the nominative, and names nobody for how long it took', () => {
    expect(sourcesOf('Apple plante laut internen Berichten, auch Live-Fernsehen anzubieten.')).toEqual(['interne Berichte']);
    expect(sourcesOf('Nach monatelangen Ermittlungen gegen eine Bande waren Kriminalisten auf Blüten gestoßen.')).toEqual([]);
  });
});

describe('English articles', () => {
  const englishSources = (sentence: string) => attribute(tokenize(sentence), 'en')?.sources ?? [];

  it('reads "according to X", "X said" and "X told reporters"', () => {
    expect(englishSources('The troops arrived in Kursk last week, according to the Pentagon.')).toEqual(['Pentagon']);
    expect(englishSources('Officials said on Monday that 3,000 soldiers had been deployed.')).toEqual(['Officials']);
    expect(englishSources('The South Korean intelligence agency NIS told lawmakers that 100 soldiers had died.')).toEqual(['NIS']);
  });

  it('gives a quotation to the speaker after it, and a name before an apposition its own', () => {
    expect(englishSources('"We will not retreat," said Volodymyr Zelensky.')).toEqual(['Volodymyr Zelensky']);
    expect(englishSources('"It is over," Zelensky said.')).toEqual(['Zelensky']);
    expect(englishSources('John Kirby, a spokesman for the National Security Council, said the troops had moved.')).toEqual(['John Kirby']);
  });

  it('puts the source someone cites inside the chain', () => {
    expect(englishSources('The soldiers deserted, Newsweek reported, citing the broadcaster Suspilne.')).toEqual(['Newsweek', 'Suspilne']);
  });
});

describe('names spelled out or put in apposition', () => {
  it('reads a subject past a parenthesis that spells its name out', () => {
    expect(
      sourcesOf('Patrick Kamanda von der Nationalen Umwelt Behörde Ugandas (National Environment Management Authority, NEMA) sagte, die Besorgnis resultiere aus dem Export.'),
    ).toEqual(['Patrick Kamanda von der Nationalen Umwelt Behörde Ugandas']);
  });

  it('names the person in apposition to a cited role, as a speech verb does', () => {
    expect(sourcesOf('Nach Angaben des Sprechers der Polizei, Hans Müller, sei der Mann geflohen.')).toEqual(['Hans Müller']);
    expect(sourcesOf('Nach den Worten der Sprecherin der FDP-Fraktion, Gisela Piltz, fehle ein Konzept.')).toEqual(['Gisela Piltz']);
    expect(sourcesOf('Der Sprecher der Polizei, Hans Müller, sagte, der Mann sei geflohen.')).toEqual(['Hans Müller']);
  });

  it('keeps a quotation after a colon with the speaker before an adverb', () => {
    expect(sourcesOf('Koppelin wörtlich: „Sie ziehen den Bürgern das Geld aus der Tasche.“')).toEqual(['Koppelin']);
  });
});

describe('a fronted dative', () => {
  it('is not the subject when "der" stands before a feminine noun', () => {
    expect(sourcesOf('Der englisch-sprachigen Zeitung sagte Filep Karma: „Ich werde im Gefängnis gehalten.“')).toEqual(['Filep Karma']);
    expect(sourcesOf('Der Nachrichtenagentur Reuters sagte Müller, er werde bleiben.')).toEqual(['Müller']);
  });

  it('leaves masculine nouns in "-e" and "-eur" their subject', () => {
    expect(sourcesOf('Der Experte sagte, er werde bleiben.')).toEqual(['Experte']);
    expect(sourcesOf('Der Distrikt-Gouverneur teilte mit, dass während der Feier Musik spielte.')).toEqual(['Distrikt-Gouverneur']);
  });
});

describe('a clause framed by a copula', () => {
  it('is nobody\'s when its subject cannot speak', () => {
    expect(sourcesOf('Offen ist nun, ob der Coach den nächsten Tiefschlag überstehen wird.')).toEqual([]);
    expect(sourcesOf('Aber das Wichtigste ist, dass der Trainer die Spieler mag.')).toEqual([]);
  });

  it('is the subject\'s when it can', () => {
    expect(sourcesOf('Metzges ist der Meinung, dass das Gesetz gegen die Verfassung verstößt.')).toEqual(['Metzges']);
  });
});

describe('hyphenated reports', () => {
  it('name who reported, as the joined compounds do', () => {
    expect(sourcesOf('Der Schaden beläuft sich laut DNA-Schätzungen auf etwa 16 Millionen Euro.')).toEqual(['DNA']);
    expect(sourcesOf('Nach UNHCR-Angaben sind 35.000 Menschen in der Stadt eingeschlossen.')).toEqual(['UNHCR']);
    expect(sourcesOf('Der Schaden beläuft sich laut Polizeiangaben auf etwa 16 Millionen Euro.')).toEqual(['Polizei']);
  });
});

describe('"So" before a speech verb', () => {
  it('points forward when what was said follows', () => {
    const gabriel = attribute(tokenize('So sagte der SPD-Vorsitzende Sigmar Gabriel: „Ich finde, Frau Katzenberger fehlt noch.“'), 'de');
    expect(gabriel?.sources).toEqual(['Sigmar Gabriel']);
    expect(gabriel?.backward).toBe(false);
    expect(attribute(tokenize('So betonte Sarkozy, sein Land habe nicht die Absicht, Truppen abzuziehen.'), 'de')?.backward).toBe(false);
  });

  it('points back when nothing follows', () => {
    expect(attribute(tokenize('So berichtete die Zeitung.'), 'de')?.backward).toBe(true);
    expect(attribute(tokenize('Dies berichtet Newsweek unter Berufung auf den Sender Suspilne.'), 'de')?.backward).toBe(true);
  });
});

describe('a fronted thing before a colon', () => {
  it('is the object when someone follows the verb', () => {
    expect(sourcesOf('Jegliche Mitverantwortung für die Finanzaffäre weist Hartmann von sich: „Diese Verantwortung kann nur der Vorstand tragen.“')).toEqual(['Hartmann']);
  });
});

describe('"heißt es" in the perfect, and before a colon', () => {
  it('cites the fronted place of "hatte es geheißen"', () => {
    expect(sourcesOf('In einer Erklärung der EU-Außenminister hatte es geheißen: „Es gibt keine militärische Lösung.“')).toEqual(['EU-Außenminister']);
    expect(sourcesOf('Aus dem Ministerium hatte es geheißen, die Lage sei ernst.')).toEqual(['Ministerium']);
  });

  it('says what follows a colon, and points back only without it', () => {
    expect(attribute(tokenize('So heißt es in der Meldung wörtlich: „Ziel der Strategie ist Wachstum.“'), 'de')?.backward).toBe(false);
    expect(attribute(tokenize('So hieß es aus dem Ministerium.'), 'de')?.backward).toBe(true);
  });
});

describe('English names in German text', () => {
  it('reads "The" inside a name, and leaves it out of the name as a German article is', () => {
    expect(sourcesOf('Die britische Tageszeitung The Daily Telegraph berichtete mit Verweis auf örtliche Einheiten, dass der Angriff mit Raketen geführt wurde.')).toEqual([
      'Daily Telegraph',
    ]);
    expect(sourcesOf('The Daily Telegraph berichtete, dass der Angriff mit Raketen geführt wurde.')).toEqual(['Daily Telegraph']);
  });
});

describe('an active "zitieren"', () => {
  it('puts the one quoted inside the chain, after the one quoting', () => {
    expect(sourcesOf('Ein Fernsehsender zitierte Papandreou mit den Worten: „Wenn ich das Problem bin, gehe ich.“')).toEqual(['Fernsehsender', 'Papandreou']);
    expect(sourcesOf('Es sei die größte Tarifumstellung seit Jahrzehnten, zitiert die Süddeutsche Zeitung den zuständigen Vorstand Jens Bischof.')).toEqual([
      'Süddeutsche Zeitung',
      'Jens Bischof',
    ]);
    expect(sourcesOf('Der Spiegel zitiert den Prediger mit den Worten „Wir warnen das Abendland.“')).toEqual(['Spiegel', 'Prediger']);
    expect(sourcesOf('Die Deutsche Welle zitiert aus der Zeitung „Hoy Bolivia“, wonach Morales die Schuld den Industrieländern zuweist.')).toEqual([
      'Deutsche Welle',
      'Hoy Bolivia',
    ]);
  });

  it('splits a known outlet, or an outlet before a role or a first name, from the one quoted, but not a role from its name', () => {
    expect(sourcesOf('„Das ist eine Größenordnung“, zitiert ndr.de Polizeisprecher Ralf Meyer.')).toEqual(['ndr.de', 'Ralf Meyer']);
    expect(sourcesOf('Sie war die Liebe meines Lebens, zitiert Verteidiger Rudolf Mayer aus einem SMS.')).toEqual(['Rudolf Mayer']);
    expect(sourcesOf('Um den Umfang zu schätzen, zitiert die New York Times Joel Harding, einen Insider, der die Zahl auf 88.700 schätzt.')).toEqual([
      'New York Times',
      'Joel Harding',
    ]);
  });

  it('names the one quoted alone after "man", and nobody when it summons', () => {
    expect(sourcesOf('„Wir sind unwillkommene Zeugen“, zitierte man Yolanda Alvarez vom Sender RTVE.')).toEqual(['Yolanda Alvarez']);
    expect(sourcesOf('Netanjahu zitierte seinen Verteidigungsminister zu sich, nachdem dieser gesagt hatte, die Armee sei bereit.')).not.toContain('Verteidigungsminister');
  });

  it('leaves the passive to its agent, outermost', () => {
    expect(sourcesOf('Günther Platter wird von der Nachrichtenagentur Reuters mit den Worten zitiert, es habe eine positive Resonanz gegeben.')).toEqual([
      'Reuters',
      'Günther Platter',
    ]);
  });
});

describe('outlets written in lower case, and a report dated "von heute"', () => {
  it('names the outlet', () => {
    expect(sourcesOf('Nach Angaben von n24 wurden zwei Menschen verletzt.')).toEqual(['n24']);
    expect(sourcesOf('Wie ntv berichtet, wurden zwei Menschen verletzt.')).toEqual(['ntv']);
  });

  it('reaches the place a fronted "heißt es" cites past "von heute Mittag"', () => {
    expect(sourcesOf('In der Ankündigung des Nobelkomitees von heute Mittag heißt es, der Preis gehe an Herta Müller.')).toEqual(['Nobelkomitee']);
  });
});

describe('a separable particle, a negation and a fronted "von" before "hieß es"', () => {
  it('does not take a preposition before a noun for the particle', () => {
    expect(sourcesOf('Und dennoch führen Österreichs Autofahrer täglich 900.000 Telefonate und verschicken 200.000 SMS pro Tag aus dem Auto.')).toEqual([]);
    expect(sourcesOf('Die Demonstranten warfen Feuerwerkskörper vor dem Gebäude, wie die Agentur Ukrinform meldete.')).toEqual(['Ukrinform']);
  });

  it('hears nobody assert what they would "weder bestätigen noch ausschließen"', () => {
    expect(attribute(tokenize('Die Regierung wollte weder bestätigen noch ausschließen, dass der Absturz erfolgte.'), 'de')?.features).not.toContain('speech');
    expect(sourcesOf('Wir müssen darüber eine Debatte führen, sagt David Cameron und meint damit weder den Weltfrieden noch die Handelsbilanz.')).toEqual([
      'David Cameron',
    ]);
  });

  it('cites the fronted "von" of "hieß es"', () => {
    expect(sourcesOf('Von der griechischen Regierung hieß es, sie könne dies weder bestätigen noch dementieren.')).toEqual(['griechische Regierung']);
    expect(sourcesOf('Seitens des Landesenergieversorgers hieß es am Dienstag, die neue Situation sei erst zu bewerten.')).toEqual(['Landesenergieversorger']);
  });
});

describe('a speech verb without content in a clause that says when or why', () => {
  it('is not the source of the sentence', () => {
    expect(sourcesOf('Pick hat die Domain bereits registriert, nachdem DER STANDARD über andere Kandidaten berichtet hatte.')).toEqual([]);
  });

  it('is when "Als" fronts a noun, not a clause', () => {
    expect(sourcesOf('Als Grund nannte die Behörde einen Personalengpass.')).toEqual(['Behörde']);
  });
});

describe('names with a regnal number, a noble "zu", and a role in apposition after them', () => {
  it('reads "Benedikt XVI." and "Elisabeth II." as one name before the verb', () => {
    expect(sourcesOf('Papst Benedikt XVI. sagte, die Lage sei ernst.')).toEqual(['Benedikt XVI.']);
    expect(sourcesOf('Die Königin, Elisabeth II., bat Premierminister Key, ihre Anteilnahme zu übermitteln.')).toEqual(['Elisabeth II.']);
  });

  it('reads "Karl-Theodor zu Guttenberg" as one name, but not "der Weg zu Gott"', () => {
    expect(sourcesOf('Karl-Theodor zu Guttenberg, Obmann der Fraktion, warf der Partei mangelnde Abgrenzung vor.')).toEqual(['Karl-Theodor zu Guttenberg']);
    expect(sourcesOf('Der Weg zu Gott sei weit, sagte der Bischof.')).toEqual(['Bischof']);
  });

  it('names the person before a role, and the person after one', () => {
    expect(sourcesOf('Peter Kolba, Leiter der Rechtsabteilung, sagt, rechtlich ändere sich nichts.')).toEqual(['Peter Kolba']);
    expect(sourcesOf('Greenpeace, die Umweltorganisation, sagte, die Lage sei ernst.')).toEqual(['Greenpeace']);
    expect(sourcesOf('Der Leiter der Rechtsabteilung, Peter Kolba, sagt, rechtlich ändere sich nichts.')).toEqual(['Peter Kolba']);
  });
});

describe('"laut" opening a relative clause, and "gemäß"', () => {
  it('cites the noun a relative "laut dem" refers to', () => {
    expect(sourcesOf('Dem Gericht liegt ein Gutachten vor, laut dem Kevin in schwerer Weise misshandelt worden war.')).toEqual(['Gutachten']);
    expect(sourcesOf('Die Zahl stieg, laut der Polizei, auf 20.')).toEqual(['Polizei']);
  });

  it('cites with "gemäß" only a speaker or a report, not a rule', () => {
    expect(sourcesOf('Gemäß einem Bericht der BBC wurden 62 Studien ausgewertet.')).toEqual(['BBC']);
    expect(sourcesOf('Gemäß der harten Einwanderungspolitik werden Bootsflüchtlinge in Lager gebracht.')).toEqual([]);
  });
});

describe('an extended attribute with "unter" and a quoted name', () => {
  it('keeps the subject before the verb', () => {
    expect(sourcesOf('Der unter dem Spitznamen „Muslix64“ auftretende Hacker gab Details über den Prozess bekannt.')).not.toContain('Details');
  });
});

describe('the cue lexicon', () => {
  it('holds no adjective mistaken for a verb form ("wert" from "werten")', () => {
    expect(sourcesOf('SanDisk ist an der Börse derzeit rund 14,6 Milliarden Euro wert.')).toEqual([]);
    expect(sourcesOf('Die Kommission wertete den Vorfall als Versehen.')).toEqual(['Kommission']);
  });
});

describe('participles that are no speech act', () => {
  it('reads an inflected participle between an article and its noun as an adjective', () => {
    expect(sourcesOf('Dann stünden bestenfalls zwölf statt der einst erhofften 14,5 Milliarden Euro bereit.')).toEqual([]);
    expect(sourcesOf('Seine erklärten Ziele: eine Debatte über die Ausrichtung der Partei.')).toEqual([]);
  });

  it('keeps "Das erklärte X" and "Das berichten Medien" pointing back', () => {
    expect(attribute(tokenize('Das erklärte General Winai Phattiyakul am Montag.'), 'de')?.backward).toBe(true);
    expect(sourcesOf('Das berichten Medien unter Berufung auf Regierungskreise.')).toEqual(['Medien', 'Regierungskreise']);
  });

  it('reads "würden … festgestellt" and a passive frame as passives without a speaker', () => {
    expect(sourcesOf('An der Grenze würden wieder Schlepperaktivitäten festgestellt – Kontrollen seien notwendig.')).toEqual([]);
    expect(sourcesOf('Bei den Kameras wird die Lumix G7 hervorgehoben, die klein sei und viel leiste.')).toEqual([]);
    expect(sourcesOf('Der Kandidat würde den Orden anheften und fordert eine Verdoppelung des Budgets.')).toEqual(['Kandidat']);
    expect(sourcesOf('Nun ist das neunte Album Genexus angekündigt: eine weitere Expedition in die Welt des Cyberpunks.')).toEqual([]);
    expect(sourcesOf('Die Polizei ist davon ausgegangen, dass der Täter floh.')).toEqual(['Polizei']);
  });

  it('reads "meine", "meinen" before a noun as a possessive, not as "meinen"', () => {
    expect(sourcesOf('Meine Mannschaft hat gut gearbeitet, sagte Fink.')).toEqual(['Fink']);
    expect(sourcesOf('Persönlich finde ich es okay, wenn ihr Adblocker bei meinen Videos nutzt.')).toEqual([]);
    expect(sourcesOf('Die Experten meinen, dass der Täter floh.')).toEqual(['Experten']);
    expect(sourcesOf('Ich habe ein paar Turniere gewonnen, jetzt meinen ersten Titel: Mexiko hat einen Platz in meinem Herzen.')).toEqual([]);
    expect(sourcesOf('Schellings Budgetplanung sei viel zu optimistisch, meinen die Staatsschuldenwächter.')).toEqual(['Staatsschuldenwächter']);
  });

  it('hears no one in an act or a state someone has, but in someone they have', () => {
    expect(sourcesOf('Deren rituelle Tötung beschreibt das wiederkehrende Muster: Es ist die Religion, die das Wissen wachhält.')).toEqual([]);
    expect(sourcesOf('Sein Kollege Hachleitner verweist darauf, dass es nötig sei, genau hinzusehen.')).toEqual(['Kollege Hachleitner']);
  });
});

describe("a relative clause after a sentence's first phrase", () => {
  it('makes that phrase the subject only when it reaches the verb', () => {
    expect(sourcesOf('Ideen, die gut sind, habe sie schon, versprach die Opernballlady.')).toEqual(['Opernballlady']);
    expect(sourcesOf('Der Mann, der das Feuer sah, sagte, es sei groß gewesen.')).toEqual(['Mann']);
    expect(sourcesOf('Franco Foda, der Trainer der Grazer, warnte, das Spiel werde schwer.')).toEqual(['Franco Foda']);
  });
});

describe('speech in a condition', () => {
  it("is supposed, not reported: the main clause's speaker is the source", () => {
    expect(sourcesOf('Wenn die Türkei sagt, dass sie die Grenzen schützt, wäre das noch keine Lösung, sagte Faymann.')).toEqual(['Faymann']);
    expect(sourcesOf('Wenn die SPÖ jetzt glaubt, auf eine Variante schielen zu können, wird sie Schiffbruch erleiden.')).toEqual([]);
  });
});

describe('a participle without "ge-" after a name in apposition', () => {
  it('has its auxiliary before the name', () => {
    expect(sourcesOf('Damals hatte ein Talibanführer, Baitullah Mehsud, erklärt, die Taliban würden kämpfen.')).toEqual(['Baitullah Mehsud']);
    expect(sourcesOf('Es ist unser Zuhause, Home Sweet Home, sagt Joseph, ich weiß nicht, wie ich es sonst erklären soll.')).toEqual(['Joseph']);
  });
});

describe('"So sagte X, Apposition: „…“" and "zumal"', () => {
  it('points forward to the quotation after the colon', () => {
    const olli = attribute(tokenize('So sagte Olli Rehn, EU-Erweiterungskommissar: „Man kann der Regierung nicht trauen.“'), 'de');
    expect(olli?.sources).toEqual(['Olli Rehn']);
    expect(olli?.backward).toBe(false);
  });

  it('reads "zumal" as a subordinator', () => {
    expect(sourcesOf('Sie würde eine Bewährung zubilligen, zumal Verteidiger Wolfgang Dingfelder betont hatte, der Angeklagte sei nicht vorbestraft.')).toEqual([
      'Wolfgang Dingfelder',
    ]);
  });
});

describe('a quotation ending in its own full stop and the verb after it', () => {
  it("is the subject's after the verb, without the comma", () => {
    expect(sourcesOf('„Die Gemeinschaftsschule ist in der Schullandschaft angekommen.“ erklärte Kultusministerin Eisenmann.')).toEqual(['Eisenmann']);
  });
});
