/**
 * Claim answers built as JSON by SQLite. node-sqlite3 makes a JS object for every row and sets
 * every column on it one call at a time, which for a page of fifty claims with three citations
 * each cost the main thread about as much as rendering the page. A statement that aggregates its
 * answer into one JSON text hands over a single string, and JSON.parse turns it into objects far
 * more cheaply.
 */
import type { Citation, ClaimAnswer, Page } from '../core/answers.ts';
import type { Entities, Stance } from '../core/types.ts';

/** `[article, file, title, outlet, published, paragraph]` */
export type CitationJson = [string, string, string | null, string | null, string | null, number];
/** `[id, text, sources, stance, hedged, entities, citationCount, citations]` */
type ClaimJson = [string, string, string[], Stance, number, Entities, number, CitationJson[]];

/**
 * The claim in row `c` as a JSON array, with its `perClaim` newest citations (an SQL expression).
 * Indexes alone answer it: citations_shown has the newest of a claim in order (ties by article and
 * position), articles_cited what a citation shows of its article; ties in date then go by ingest.
 */
export function claimJson(c: string, perClaim: string): string {
  return `json_array(${c}.id, ${c}.text, json(${c}.sources), ${c}.stance, ${c}.hedged, json(${c}.entities), ${c}.citation_count, json((
    SELECT json_group_array(${citationJson('ci', 'a')} ORDER BY ci.published DESC, a.ingested_at, ci.position)
    FROM (SELECT article_id, position, paragraph, published FROM citations WHERE claim_rowid = ${c}.rowid ORDER BY published DESC LIMIT ${perClaim}) AS ci
    JOIN articles a INDEXED BY articles_cited ON a.id = ci.article_id)))`;
}

/** A citation `ci` of article `a` as a JSON array. */
export function citationJson(ci: string, a: string): string {
  return `json_array(${ci}.article_id, ${a}.file, ${a}.title, ${a}.outlet, ${a}.published, ${ci}.paragraph)`;
}

/** A JSON array of `claimJson` values, as `json_group_array` built it. */
export function parseClaims(json: string): ClaimAnswer[] {
  return (JSON.parse(json) as ClaimJson[]).map(toClaim);
}

/**
 * A page of claims as one text, from a statement's `items` (`json_group_array` of `claimJson`) and
 * `total`, joined without encoding anything again: `claimsPageOf` reads it back.
 */
export function claimsPageText(row: { items: string; total: number }): string {
  return `[${row.total},${row.items}]`;
}

export function claimsPageOf(text: string): Page<ClaimAnswer> {
  const [total, items] = JSON.parse(text) as [number, ClaimJson[]];
  return { items: items.map(toClaim), total };
}

function toClaim([id, text, sources, stance, hedged, entities, citationCount, citations]: ClaimJson): ClaimAnswer {
  return { id, text, sources, stance, hedged: hedged === 1, entities, citations: citations.map(toCitation), citationCount };
}

export function toCitation([article, file, title, outlet, published, paragraph]: CitationJson): Citation {
  return { article, file, title, outlet, published, paragraph };
}
