/**
 * Stance and hedging of one sentence. A denial is a speaker rejecting a report ("bestreitet",
 * "weist zurück", „Quatsch“); a hedge is the writer not vouching for it ("soll … haben",
 * "angeblich", "nicht unabhängig überprüft"). Reported speech in Konjunktiv I is neither: it only
 * marks whose words they are.
 */
import { DENY, HEDGE } from './lexicon.ts';
import { clauseEnd, clauseStart, RELATIVE } from './phrases.ts';
import type { Token } from './tokens.ts';
import { SUBORDINATORS } from './words.ts';

/** "weist … zurück", "stritt … ab": the particle later in the sentence completes the denial. */
const DENY_SPLIT = new Map([
  ...['weist', 'wies', 'wiesen', 'weisen'].map((w) => [w, 'zurück'] as const),
  ...['stritt', 'stritten', 'streitet', 'streiten'].map((w) => [w, 'ab'] as const),
]);
const COPULA = new Set(['sei', 'ist', 'seien', 'sind', 'wäre', 'war']);
const UNTRUE = new Set(['falsch', 'unwahr', 'gelogen', 'erfunden']);
/** Last words of denials made of several words: "nicht wahr", "keinen einzigen Fall", "frei erfunden", "Fake News". */
const PHRASE_ENDS = new Set(['wahr', 'fall', 'erfunden', 'news']);

/** What "nicht unabhängig …" must be followed by to say the writer could not check it. */
const UNCHECKED = /^(?:über)?prüf|^verifizier|^bestätig|^(?:über)?geprüft|^verifiziert/;
/** The reportive modal: "soll … geschickt haben", "sollen … kämpfen" in a main clause. */
const REPORTIVE = new Set(['soll', 'sollen']);
const REPORTIVE_PAST = new Set(['sollte', 'sollten']);
const PERFECT_INFINITIVE = new Set(['haben', 'sein']);

const lowerAt = (tokens: Token[], i: number) => tokens[i]?.lower ?? '';
const copulaBefore = (tokens: Token[], i: number) => COPULA.has(lowerAt(tokens, i - 1)) || COPULA.has(lowerAt(tokens, i - 2));

/** A speaker rejecting a report: "bestreitet", "weist … zurück", „Quatsch“, "keinen einzigen Fall", "denied". */
export function isDenial(tokens: Token[]): boolean {
  let waiting = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.flags & DENY) return true;
    const lower = t.lower;
    if (lower === waiting) return true;
    waiting = DENY_SPLIT.get(lower) ?? waiting;
    if (UNTRUE.has(lower) && copulaBefore(tokens, i)) return true;
    if (!PHRASE_ENDS.has(lower)) continue;
    if (lower === 'wahr' && lowerAt(tokens, i - 1) === 'nicht' && copulaBefore(tokens, i - 1)) return true;
    if (lower === 'fall' && lowerAt(tokens, i - 1) === 'einzigen' && lowerAt(tokens, i - 2) === 'keinen') return true;
    if (lower === 'erfunden' && lowerAt(tokens, i - 1) === 'frei') return true;
    if (lower === 'news' && lowerAt(tokens, i - 1) === 'fake') return true;
  }
  return false;
}

/** Whether "soll/sollen" at `i` reports hearsay rather than intent ("…, die eingesetzt werden sollen"). */
function reportive(tokens: Token[], i: number): boolean {
  const start = clauseStart(tokens, i);
  const end = clauseEnd(tokens, i);
  const last = tokens[end - 1];
  const perfect = last !== undefined && PERFECT_INFINITIVE.has(last.lower) && lowerAt(tokens, end - 2) !== 'zu' && end - 2 > i;
  if (REPORTIVE_PAST.has(tokens[i]!.lower)) return perfect && start !== i;
  const first = tokens[start]!;
  const subordinate = (SUBORDINATORS.has(first.lower) && start < i) || (start > 0 && RELATIVE.has(first.lower) && tokens[start - 1]!.text === ',');
  return perfect || !subordinate;
}

/** The writer not vouching for a report: "soll … haben", "angeblich", "Berichten zufolge", "nicht unabhängig überprüft". */
export function isHedged(tokens: Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.flags & HEDGE) return true;
    const lower = t.lower;
    if (lower === 'zufolge' && /(?:berichten|gerüchten)$/.test(lowerAt(tokens, i - 1))) return true;
    if (lower === 'unabhängig' && lowerAt(tokens, i - 1) === 'nicht' && UNCHECKED.test(lowerAt(tokens, i + 1))) return true;
    if ((lower === 'überprüfbar' || lower === 'verifizierbar') && lowerAt(tokens, i - 1) === 'nicht') return true;
    if (lower === 'have' && lowerAt(tokens, i - 1) === 'may') return true;
    if (!t.quoted && (REPORTIVE.has(lower) || REPORTIVE_PAST.has(lower)) && reportive(tokens, i)) return true;
  }
  return false;
}
