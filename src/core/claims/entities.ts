/**
 * Heuristic named entities for the /topics list: people, places, organisations and figures.
 * Precision over recall — a capitalised German word is usually just a noun, so a person needs a
 * known first name, a role before the name ("Präsident X") or an earlier full mention in the same
 * article; a place needs the gazetteer or a place noun ("Region X", "in X" with a name-like X);
 * an organisation needs an acronym, the gazetteer or an organisation noun with a qualifier.
 */
import type { Entities } from '../types.ts';
import { type Gender, GIVEN_NAMES, isOrgNoun, isOrgPlural, MEDIA, MULTIWORD_ORGANISATIONS, MULTIWORD_PLACES, ORG, ORGANISATIONS, PLACE_NOUN, PLACES, ROLE } from './lexicon.ts';
import { sourceName } from './names.ts';
import { isNounLike, phraseAfter } from './phrases.ts';
import type { Token } from './tokens.ts';
import { MONTHS } from './words.ts';

const FIGURE = /^\d+(?:[.,]\d+)*$/;
const YEAR = /^(?:1[89]|20)\d\d$/;
const YEAR_CONTEXT = new Set(['jahr', 'jahre', 'jahres', 'seit', 'im', 'bis', 'von', 'ende', 'anfang', 'mitte', 'frühjahr', 'sommer', 'herbst', 'winter', 'jahrgang', 'in']);
const ACRONYM = /^[A-ZÄÖÜ]{2,6}\d?$/;
const NOT_ORGANISATIONS = new Set(['AG', 'TV', 'PC', 'CD', 'DVD', 'KI', 'AI', 'OK', 'ID', 'SMS', 'PS', 'KW', 'ATM', 'PR', 'CEO', 'CFO', 'VIP', 'DJ', 'WC', 'PKW', 'LKW', 'Pkw', 'Lkw', 'IT', 'HIV', 'DNA', 'USB', 'GPS', 'III', 'II', 'IV', 'VI', 'VII', 'VIII', 'XI', 'XII']);
/** Nouns that often follow "in" but are not places ("in Kraft", "in Haft"). */
const NOT_AFTER_IN = new Set(
  `Kraft Haft Gefahr Frage Betrieb Höhe Form Folge Richtung Kürze Ruhe Sicherheit Not Panik Angst Aussicht Zukunft
   Ordnung Arbeit Bewegung Verbindung Bezug Summe Wahrheit Wirklichkeit Kontakt Deckung Rente Pension Gewahrsam
   Quarantäne Isolation Schwierigkeiten Führung Kauf Betracht Anspruch Erinnerung Zeiten Teilen Sachen Sachen Kürze
   Zusammenarbeit Absprache Erwägung Anwesenheit Abwesenheit Vertretung Bälde Eile Zahlen Prozent Euro Dollar
   Minuten Stunden Tagen Wochen Monaten Jahren Jahrzehnten Millionen Milliarden Tausenden Hunderten Zukunft
   Europa-League Champions-League Deutsch Englisch Frage Kraft Tat Wahrheit Anbetracht Ansätzen Reihe Serie`.split(/\s+/),
);
const NOUN_SUFFIX = /(?:ung|heit|keit|schaft|tion|sion|tät|nis|tum|ismus|ik|enz|anz|ur|ment|chen|lein|ungen|heiten|keiten|schaften|ionen|täten)$/;
const PLURAL_NOUN = /(?:ungen|heiten|keiten|schaften|ionen|täten|en|ern)$/;

interface Person {
  name: string;
  gender: Gender | null;
}

const push = (list: string[], value: string) => {
  if (value && !list.includes(value)) list.push(value);
};

const isCapWord = (t: Token | undefined) => t !== undefined && t.kind === 'word' && t.cap;

/**
 * Entities of the sentences of one article, in reading order: it remembers full names, so a later
 * "Lukaschenko" or "Schoigus" is the "Alexander Lukaschenko" or "Sergei Schoigu" met before.
 */
export class EntityTracker {
  private readonly surnames = new Map<string, Person>();

  /** The person a single name or genitive refers to, if named before in this article. */
  person(name: string): Person | undefined {
    return this.surnames.get(name) ?? (name.endsWith('s') ? this.surnames.get(name.slice(0, -1)) : undefined);
  }

  private remember(name: string, gender: Gender | null): Person {
    const parts = name.split(' ');
    const person = { name, gender };
    const last = parts[parts.length - 1]!;
    const known = this.surnames.get(last);
    if (!known || known.name.length < name.length) this.surnames.set(last, person);
    this.surnames.set(name, known && known.name.length > name.length ? known : person);
    return this.surnames.get(last)!;
  }

  /** Entities of one sentence; `sources` are its attributed names. `people` come back with their gender. */
  extract(tokens: Token[], sources: readonly string[]): { entities: Entities; people: Person[] } {
    const entities: Entities = { people: [], places: [], organisations: [], numbers: [] };
    const people: Person[] = [];
    const addPerson = (p: Person) => {
      push(entities.people, p.name);
      if (!people.some((q) => q.name === p.name)) people.push(p);
    };
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.kind === 'num') {
        if (this.isFigure(tokens, i)) push(entities.numbers, t.text);
        continue;
      }
      if (!isCapWord(t)) continue;
      const multi = this.multiword(tokens, i, MULTIWORD_PLACES) || this.multiword(tokens, i, MULTIWORD_ORGANISATIONS);
      if (multi) {
        push(MULTIWORD_PLACES.has(t.text) && this.multiword(tokens, i, MULTIWORD_PLACES) ? entities.places : entities.organisations, multi.name);
        i = multi.end - 1;
        continue;
      }
      const given = GIVEN_NAMES.get(t.text);
      if (given && isCapWord(tokens[i + 1]) && !FUNCTION_CAPS.has(tokens[i + 1]!.text)) {
        const end = this.nameEnd(tokens, i);
        const last = tokens[end - 1]!.text;
        const genitive = end - i > 1 && last.endsWith('s') && isCapWord(tokens[end]) && !this.person(last);
        const words = tokens.slice(i, end).map((w) => w.text);
        if (genitive) words[words.length - 1] = last.slice(0, -1);
        addPerson(this.remember(words.join(' '), given));
        i = end - 1;
        continue;
      }
      const lower = t.lower;
      if (t.flags & (ROLE | MEDIA) && isNounLike(tokens[i + 1]) && !GIVEN_NAMES.has(tokens[i + 1]!.text)) {
        const next = tokens[i + 1]!;
        if (t.flags & MEDIA) {
          if (!(next.flags & ORG) && !PLACES.has(next.text)) push(entities.organisations, next.text);
        } else if (!PLACES.has(next.text) && !ORGANISATIONS.has(next.text) && !(next.flags & (ORG | ROLE)) && !PLURAL_NOUN.test(next.lower) && !ACRONYM.test(next.text)) {
          const known = this.person(next.text);
          addPerson(known ?? this.remember(next.text, /in$/.test(lower) ? 'f' : 'm'));
          i++;
          continue;
        }
      }
      if (t.flags & PLACE_NOUN && isNounLike(tokens[i + 1]) && !NOUN_SUFFIX.test(tokens[i + 1]!.lower)) {
        push(entities.places, tokens[i + 1]!.text);
        if (tokens[i + 2]?.lower === 'und' && isNounLike(tokens[i + 3])) push(entities.places, tokens[i + 3]!.text);
        continue;
      }
      if (PLACES.has(t.text)) {
        push(entities.places, t.text);
        continue;
      }
      if (t.text.endsWith('s') && !t.text.endsWith('ss') && PLACES.has(t.text.slice(0, -1))) {
        push(entities.places, t.text.slice(0, -1));
        continue;
      }
      if (ORGANISATIONS.has(t.text) || (ACRONYM.test(t.text) && !NOT_ORGANISATIONS.has(t.text) && !t.quoted)) {
        push(entities.organisations, t.text);
        continue;
      }
      const known = i > 0 ? this.person(t.text) : undefined;
      if (known) {
        addPerson(known);
        continue;
      }
      // One body ("russische Regierung"), not bodies in general ("russische Behörden").
      if (t.flags & ORG && !isOrgPlural(t.lower) && (tokens[i + 1]?.lower === 'für' || /isch/.test(tokens[i - 1]?.lower ?? ''))) {
        let start = i;
        while (start > 0 && tokens[start - 1]!.kind === 'word' && !tokens[start - 1]!.cap && /isch|[-]/.test(tokens[start - 1]!.lower)) start--;
        const phrase = phraseAfter(tokens, start);
        const name = phrase ? sourceName(tokens, phrase) : null;
        if (name && phrase) {
          push(entities.organisations, name);
          i = Math.max(i, phrase.end - 1);
        }
        continue;
      }
      if (i > 0 && tokens[i - 1]!.lower === 'in' && !tokens[i - 1]!.cap && this.placeLike(tokens, i)) push(entities.places, t.text);
    }
    for (const source of sources) this.classifySource(source, entities, addPerson);
    return { entities, people };
  }

  private isFigure(tokens: Token[], i: number): boolean {
    const t = tokens[i]!;
    if (!FIGURE.test(t.text)) return false;
    const next = tokens[i + 1];
    if (next?.text === '.' && i + 2 < tokens.length && tokens[i + 2]!.kind === 'word') return false;
    if (next?.text === ':' && tokens[i + 2]?.kind === 'num') return false;
    if (tokens[i - 1]?.text === ':' && tokens[i - 2]?.kind === 'num') return false;
    if (YEAR.test(t.text)) {
      const prev = tokens[i - 1]?.lower ?? '';
      if (YEAR_CONTEXT.has(prev) || MONTHS.has(prev) || i === 0 || next?.text === ')' || tokens[i - 1]?.text === '(') return false;
    }
    return true;
  }

  private multiword(tokens: Token[], i: number, table: ReadonlyMap<string, readonly string[][]>): { name: string; end: number } | null {
    const candidates = table.get(tokens[i]!.text);
    if (!candidates) return null;
    for (const parts of candidates) if (parts.every((p, k) => tokens[i + k]?.text === p)) return { name: parts.join(' '), end: i + parts.length };
    return null;
  }

  /** End of a person's name from a first name: up to two more capitalised words ("Kim Jong Un"). */
  private nameEnd(tokens: Token[], i: number): number {
    let end = i + 1;
    while (end < tokens.length && end - i < 4 && isCapWord(tokens[end]) && !FUNCTION_CAPS.has(tokens[end]!.text)) {
      const w = tokens[end]!;
      if (end - i >= 2 && !(tokens[end - 1]!.text.length <= 4 || tokens[end - 1]!.text.includes('-'))) break;
      if (PLURAL_NOUN.test(w.lower) && end - i >= 2) break;
      if (w.flags & (ROLE | ORG)) break;
      end++;
      if (w.text.endsWith('s') && isCapWord(tokens[end])) break;
    }
    return end;
  }

  /** A capitalised word after "in" that reads as a place name, not a noun ("in Kasan", not "in Kraft"). */
  private placeLike(tokens: Token[], i: number): boolean {
    const t = tokens[i]!;
    if (t.quoted || t.text.length < 3 || NOT_AFTER_IN.has(t.text) || NOUN_SUFFIX.test(t.lower) || MONTHS.has(t.lower)) return false;
    if (t.flags & (ROLE | ORG | MEDIA) || GIVEN_NAMES.has(t.text) || ACRONYM.test(t.text)) return false;
    if (isCapWord(tokens[i + 1]) || tokens[i + 1]?.kind === 'num') return false;
    return !/[-.]/.test(t.text);
  }

  private classifySource(source: string, entities: Entities, addPerson: (p: Person) => void): void {
    const words = source.split(' ');
    const first = words[0]!;
    const given = GIVEN_NAMES.get(first);
    if (given && words.length > 1) addPerson(this.remember(source, given));
    else if (this.person(source)) addPerson(this.person(source)!);
    else if (PLACES.has(source)) push(entities.places, source);
    else if (ORGANISATIONS.has(source) || ACRONYM.test(source) || /\([A-ZÄÖÜ]{2,6}\)$/.test(source) || isOrgNoun(words[words.length - 1]!.toLowerCase()))
      push(entities.organisations, source);
  }
}

/** Capitalised words that never continue a name ("Sie", "Die"). */
const FUNCTION_CAPS = new Set(['Sie', 'Die', 'Der', 'Das', 'Und', 'Im', 'In', 'Am', 'Es']);
