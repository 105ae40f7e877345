/**
 * The outlets the cleaner can recognise by name. A name only counts where the text speaks about
 * itself (a follow-us plug, a signature, a footer, a bare © line, a dateline); the same name inside
 * a story ("laut dpa") or a photo credit ("picture alliance/dpa") is a source, not the outlet.
 */

/** Publishers write and sign articles; agencies supply wire copy and show up in datelines. */
export type OutletKind = 'publisher' | 'agency';

export interface KnownOutlet {
  /** The spelling the outlet uses for itself; reported as is. */
  name: string;
  kind: OutletKind;
  /** Linear, word-bounded pattern for the ways the name is written. */
  pattern: RegExp;
}

/**
 * Kept small on purpose: every entry is a name that appears in self-references of German-language
 * news sites. Ambiguous everyday words ("Welt", "Heute", "Stern", "Presse") are left out because a
 * plug or footer line mentioning them would be misread.
 */
export const KNOWN_OUTLETS: readonly KnownOutlet[] = [
  { name: 'news.de', kind: 'publisher', pattern: /\bnews\.de\b/i },
  { name: 'watson', kind: 'publisher', pattern: /\bwatson(?:\.(?:de|ch))?\b/i },
  { name: 'DER STANDARD', kind: 'publisher', pattern: /\bder\s?standard(?:\.at)?\b/i },
  { name: 'DER SPIEGEL', kind: 'publisher', pattern: /\b(?:der\s+spiegel|spiegel\.de|spiegel online)\b/i },
  { name: 'BILD', kind: 'publisher', pattern: /\bbild\.de\b|\bBILD\b/ },
  { name: 't-online', kind: 'publisher', pattern: /\bt-online(?:\.de)?\b/i },
  { name: 'FOCUS online', kind: 'publisher', pattern: /\bfocus(?:\.de| online)\b/i },
  { name: 'ZEIT ONLINE', kind: 'publisher', pattern: /\b(?:zeit online|zeit\.de)\b/i },
  { name: 'Süddeutsche Zeitung', kind: 'publisher', pattern: /\b(?:süddeutsche zeitung|sueddeutsche\.de)\b/i },
  { name: 'FAZ', kind: 'publisher', pattern: /\b(?:faz(?:\.net)?|frankfurter allgemeine(?: zeitung)?)\b/i },
  { name: 'Frankfurter Rundschau', kind: 'publisher', pattern: /\b(?:frankfurter rundschau|fr\.de)\b/i },
  { name: 'Merkur', kind: 'publisher', pattern: /\bmerkur\.de\b|\bMünchner Merkur\b/i },
  { name: 'tagesschau', kind: 'publisher', pattern: /\btagesschau(?:\.de)?\b/i },
  { name: 'ZDFheute', kind: 'publisher', pattern: /\bzdf\s?heute\b/i },
  { name: 'n-tv', kind: 'publisher', pattern: /\bn-tv(?:\.de)?\b/i },
  { name: 'RND', kind: 'publisher', pattern: /\b(?:RND|RedaktionsNetzwerk Deutschland)\b/ },
  { name: 'dpa', kind: 'agency', pattern: /\bdpa\b/i },
  { name: 'AFP', kind: 'agency', pattern: /\bAFP\b/i },
  { name: 'Reuters', kind: 'agency', pattern: /\breuters\b/i },
  { name: 'APA', kind: 'agency', pattern: /\bAPA\b/ },
  { name: 'AP', kind: 'agency', pattern: /\bAP\b/ },
  { name: 'KNA', kind: 'agency', pattern: /\bKNA\b/ },
  { name: 'epd', kind: 'agency', pattern: /\bepd\b/ },
];

/** The known outlet of the given kind named first in `text` ("APA/dpa" is APA's); null when none is. */
export function findOutlet(text: string, kind: OutletKind): string | null {
  let found: string | null = null;
  let foundAt = Infinity;
  for (const outlet of KNOWN_OUTLETS) {
    if (outlet.kind !== kind) continue;
    const at = text.search(outlet.pattern);
    if (at >= 0 && at < foundAt) {
      found = outlet.name;
      foundAt = at;
    }
  }
  return found;
}
