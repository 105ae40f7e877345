/**
 * Whether a word speaks in the moods of reported speech. The closed Konjunktiv lists in words.ts
 * hold the frequent forms; any other verb shows its Konjunktiv I as stem + "e" ("er freue sich",
 * "es handele sich", "die Regierung plane"), a shape adjectives share ("die große Mehrheit"), so
 * such a word counts only right next to its subject.
 */
import { FUNCTION, HYPOTHETICAL_MOOD, REPORTED_MOOD, SUBJUNCTIVE_SHAPE } from './lexicon.ts';
import { isDeterminer } from './phrases.ts';
import type { Token } from './tokens.ts';
import { ADVERBS } from './words.ts';

/** Third-person subjects of a Konjunktiv I; "ich" is left out because "ich sage" is indicative. */
const SUBJECTS = new Set(['er', 'sie', 'es', 'man']);

const isNoun = (t: Token | undefined) => t !== undefined && t.kind === 'word' && t.cap && !(t.flags & FUNCTION);

/** Adverbs that take the first place of a main clause, pronominal ones by their shape ("daran", "darüber", "wodurch"). */
const OPENING_ADVERB = /^(?:da|wo)r?(?:an|auf|aus|bei|durch|für|gegen|hinter|in|mit|nach|neben|über|um|unter|von|vor|zu|zwischen)$/;

/**
 * A stem + "e" word second in the sentence, after an adverb, is the finite verb when a determiner, pronoun or adverb
 * follows ("Daran ändere auch der Zwischenfall nichts", "Jedoch ruhe die Mitgliedschaft"); before a noun it is an
 * adjective ("Auch große Unternehmen").
 */
function secondAfterAdverb(before: Token, after: Token | undefined): boolean {
  if (!(ADVERBS.has(before.lower) || OPENING_ADVERB.test(before.lower)) || !after || after.quoted || after.kind !== 'word') return false;
  return isDeterminer(after) || SUBJECTS.has(after.lower) || ADVERBS.has(after.lower);
}

/** A stem + "e" verb with its subject just before it, or just after it in an inverted clause ("handele es sich"). */
function subjunctiveByShape(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  if (after && SUBJECTS.has(after.lower) && !after.quoted) return true;
  if (!before || before.quoted) return false;
  if (SUBJECTS.has(before.lower)) return true;
  if (i === 1 && secondAfterAdverb(before, after)) return true;
  // After a noun, unless a noun follows too, as after an attributive adjective ("Berlin neue Gespräche").
  return isNoun(before) && !isNoun(after);
}

/** Konjunktiv I or II at token `i`, outside quotations; `framed` admits modals ("müssten") after a speech verb. */
export function reportedMoodAt(tokens: Token[], i: number, framed: boolean): boolean {
  const t = tokens[i]!;
  if (t.quoted || t.cap) return false;
  if (t.flags & REPORTED_MOOD) return tokens[i - 1]?.lower !== 'ich';
  if (framed && t.flags & HYPOTHETICAL_MOOD) return true;
  return (t.flags & SUBJUNCTIVE_SHAPE) !== 0 && subjunctiveByShape(tokens, i);
}

/**
 * "würde" or a Konjunktiv II modal at token `i`, outside quotations: what `reportedMoodAt` admits
 * only where a speech verb frames the clause, for a sentence whose mood it did not already settle.
 */
export function hypotheticalMoodAt(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  return !t.quoted && !t.cap && (t.flags & (REPORTED_MOOD | HYPOTHETICAL_MOOD)) === HYPOTHETICAL_MOOD;
}
