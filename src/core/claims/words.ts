/**
 * Closed-class German (and a little English) vocabulary: articles, pronouns, prepositions,
 * conjunctions, auxiliaries and frequent adverbs. These are grammar, not data, so they live in
 * code; the open lists (cue verbs, places, names) are in `data/lexicon/`.
 */

const set = (words: string) => new Set(words.trim().split(/\s+/));

export const DETERMINERS = set(`
  der die das den dem des ein eine einer eines einem einen dieser diese dieses diesem diesen
  jener jene jenes jenem jenen kein keine keinen keinem keiner keines beide beiden beider
  the a an`);

export const POSSESSIVES = set(`
  sein seine seinem seinen seiner seines ihr ihre ihrem ihren ihrer ihres unser unsere unserem
  unseren unserer mein meine meinem meinen meiner dein deine his her their its our`);

export const PREPOSITIONS = set(`
  an am ans auf aus außer bei beim bis durch für gegen gegenüber hinter in im ins mit nach neben
  ohne seit statt trotz über um unter vom von vor während wegen zu zum zur zwischen laut gemäß
  zufolge samt entlang innerhalb außerhalb ab per via of at in on from to by with for`);

export const PRONOUNS = set(`
  er sie es ich wir ihr du man sich ihm ihn ihnen uns euch mich mir dich dir wer was jemand
  niemand alle alles jeder jede jedes he she it they we i you`);

export const SUBORDINATORS = set(`
  dass daß ob wenn weil als während nachdem obwohl obgleich damit sodass bevor seit seitdem zumal
  sofern falls indem wie wo wohin woher warum weshalb weswegen wonach womit wodurch worauf
  welche welcher welches welchen welchem that because when while if`);

export const CONJUNCTIONS = set(`und oder aber sondern denn doch sowie bzw and or but`);

/** Modal "sollen", which passes on what others say or plan: "Die Täter sollen geflohen sein", "Bis Neujahr sollen 90 Stellen wegfallen". */
export const SOLLEN = set(`soll sollen sollte sollten`);

/** Finite auxiliaries and modals: they carry tense for a participle cue ("hat … angekündigt"). */
export const GERMAN_AUXILIARIES = set(`
  hat hatte hatten haben habe hätte hätten hast wird wurde wurden werden werde würde würden ist
  war waren sind sei seien wäre wären kann konnte konnten können könne könnte könnten muss musste
  mussten müssen müsse müsste will wollte wollten wollen wolle soll sollte sollten sollen solle
  darf durfte dürfen dürfe dürfte dürften mag möchte möchten lässt ließ ließen`);

/** German and English auxiliaries, for finding a finite verb in either; German rules use the German ones ("was" is a pronoun there). */
export const AUXILIARIES = new Set([...GERMAN_AUXILIARIES, ...set(`has had have was were is are`)]);

/** Adverbs and particles that may stand between a cue verb and its subject ("sagte demnach Müller"). */
export const ADVERBS = set(`
  auch zudem demnach weiter weiterhin ferner außerdem jedoch allerdings aber dazu dabei daher
  deshalb damals bereits schon noch nun jetzt heute gestern morgen vorgestern zuletzt zuvor
  später erst nur sogar ebenfalls gleichzeitig zugleich inzwischen mittlerweile offenbar
  angeblich vermutlich mutmaßlich wohl immer nie niemals nicht oft häufig erneut wieder
  bislang bisher stets dann da dort hier so ja doch denn etwa rund knapp fast kaum gar sehr
  ganz besonders allem insgesamt seinerseits ihrerseits ausdrücklich selbst
  anderem abschließend anschließend einst einmal zunächst ebenso genauso
  tatsächlich wörtlich öffentlich schriftlich mündlich laut wiederholt mehrfach nochmals
  gleich derweil indes indessen also vielmehr gerade eben trotzdem dennoch daraufhin derzeit`);

export const WEEKDAYS = set(`
  montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag wochenende vormittag
  nachmittag abend morgen mittag anfang ende mitte`);

export const MONTHS = set(`
  januar jänner februar feber märz april mai juni juli august september oktober november dezember`);

/** Nouns of a time, which a sentence may put first ("Vergangene Woche berichtete …") but which never speak. */
export const TIME_NOUNS = set(`
  woche wochen monat monate monats jahr jahre jahres tag tage tages abend abends morgen mittag
  nachmittag vormittag nacht wochenende quartal sommer winter frühjahr herbst zeit`);

/** A weekday with its part of the day, written as one word: "Mittwochabend", "Sonntagmorgen". */
const DAY_TIME = /^(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)(?:früh|morgen|vormittag|mittag|nachmittag|abend|nacht)$/;
/** A day, a month or another time ("Donnerstag", "April", "Woche"): what dates something, never who speaks. */
export const isTimeWord = (lower: string) => TIME_NOUNS.has(lower) || WEEKDAYS.has(lower) || MONTHS.has(lower) || DAY_TIME.test(lower);

/** Capitalised at the start of a sentence but not nouns: a sentence-initial token in here is not a name. */
export const FUNCTION_WORDS = new Set([
  ...DETERMINERS,
  ...POSSESSIVES,
  ...PREPOSITIONS,
  ...PRONOUNS,
  ...SUBORDINATORS,
  ...CONJUNCTIONS,
  ...AUXILIARIES,
  ...ADVERBS,
  ...set(`dies diese dieser dieses das demnach dadurch darum darüber davon dafür dagegen danach daran
    darauf daraus darin dazu dabei damit dahin daher
    einige viele mehrere wenige manche andere weitere solche welche sämtliche zwei drei vier fünf
    sechs sieben acht neun zehn hundert tausend bitte neben nein ja wohl wer was wie wieso weshalb
    sowohl weder entweder immerhin jedenfalls zumindest schließlich letztlich vielleicht möglicherweise
    womöglich offensichtlich this these those there here what who`),
]);

/** Konjunktiv I forms that mark reported speech outside quotations ("Er sei …", "Es gebe …"). */
export const SUBJUNCTIVE_I = set(`
  sei seien seiest habe werde könne müsse dürfe wolle solle möge wisse gebe liege stehe gehe
  komme bleibe lasse trage sehe halte plane brauche arbeite fehle zeige erwarte handle bestehe
  befinde entspreche gelte drohe führe lebe mache nehme stamme verfüge wirke diene hänge reiche
  betrage erfolge sitze spiele lege setze suche kenne nenne rechne leide laufe falle finde
  beginne gewinne verliere erhalte ermögliche verstoße bedeute stelle
  berichte richte leite bereite verbreite begleite biete verbiete trete vertrete warte beachte
  betrachte fürchte vermute rate enthalte behalte verhalte verpflichte verzichte koste starte leiste
  beinhalte gestalte`);

/**
 * Konjunktiv II forms that stand in for Konjunktiv I in reported speech ("sie hätten …", "die Dämme
 * befänden sich …"): those of strong verbs that no indicative shares. Plurals such as "blieben" and
 * "gingen" are also the past tense, so only singulars stand for verbs whose stem takes no umlaut.
 */
export const SUBJUNCTIVE_II = set(`
  hätte hätten wäre wären würde würden könnte könnten müsste müssten dürfte dürften gäbe gäben käme kämen
  ginge stünde stünden läge lägen hieße wüsste wüssten
  befände befänden fände fänden bliebe ließe hielte enthielte erhielte fiele riefe stiege schiene hinge verliefe
  sähe sähen träfe träfen nähme nähmen spräche sprächen gälte gälten bräuchte bräuchten brächte brächten
  dächte dächten täte täten zöge zögen böte böten bestünde bestünden entstünde entstünden ergäbe ergäben
  bekäme bekämen verlöre verlören gewönne gewönnen läse läsen säße säßen schlüge schlügen`);

/** Separable verb particles that complete a cue verb later in the clause ("teilte … mit"). */
export const PARTICLES = set(`
  mit an vor zu hin fest ab aus ein zurück hervor bekannt klar hinzu dar entgegen ausdruck auf
  heraus nach fort bei zu weiter`);

/**
 * Report nouns that stand for a document or a speaker of their own: without an owner ("laut einer
 * Umfrage", "so die Studie", "sagte ein Sprecher") they are the source, not nobody.
 */
export const SELF_STANDING_REPORTS = set(`
  bericht berichts berichtes studie umfrage untersuchung analyse statistik prognose gutachten gutachtens
  urteil urteils mitteilung pressemitteilung erklärung stellungnahme meldung aussendung presseaussendung
  sprecher sprechers sprecherin vertreter vertreters vertreterin mitarbeiter mitarbeiters`);

/** Nouns for a share of a group: "25 Prozent der Befragten", "die Hälfte der Deutschen". */
export const SHARE = /^(?:hälfte|drittel|viertel|fünftel|zehntel|prozent|prozentpunkte|mal)$/;

/** Nouns for what a source said; the phrase after them names the source ("Angaben der Polizei"). */
export const REPORT_NOUNS = set(`
  angaben angabe ansicht meinung auffassung einschätzung einschätzungen darstellung darstellungen informationen
  information erkenntnissen erkenntnisse worten aussagen aussage schätzungen schätzung berechnungen recherchen
  berichten bericht berichte daten zahlen umfrage umfragen untersuchung untersuchungen überzeugung auskunft
  mitteilung mitteilungen meldung meldungen erklärung stellungnahme studie analyse statistik prognose prognosen vorhersage ankündigung
  urteil gutachten aussendung presseaussendung pressemitteilung sicht beobachtungen kreisen quellen sprecher
  sprecherin sprechern vertreter vertreterin vertretern mitarbeiter mitarbeitern ermittlungen vorschlag bekunden`);

/** Words that can open a citation: "laut X", "X zufolge", "nach Angaben", "heißt es", ", so X", "unter Berufung auf". */
export const CITATION_WORDS = set(`laut gemäß zufolge nach aus seitens heißt hieß hiess geheißen so unter mit gestützt berufend beruft berief according`);

/** Denials: whole words, and stems that deny in every form ("bestreitet", "dementierte"). */
export const DENY_WORDS = set(`dementi dementis verneinen quatsch unsinn blödsinn fake-news denied denies deny denying rejected dismissed refuted`);
export const DENY_STEMS = [
  'bestreit', 'bestritt', 'dementier', 'verneint', 'verneinte', 'zurückweis', 'zurückgewiesen', 'zurückzuweisen',
  'leugne', 'geleugnet', 'abgestritten', 'abzustreiten',
];

/** Hedges: the writer does not vouch for what follows. */
export const HEDGE_WORDS = set(`
  offenbar vermutlich möglicherweise womöglich wahrscheinlich könnte könnten dürfte dürften scheint scheinen
  reportedly allegedly apparently supposedly purportedly unconfirmed might could`);
export const HEDGE_STEMS = ['angeblich', 'mutmaßlich', 'unbestätigt', 'vermutet'];
