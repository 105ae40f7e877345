/**
 * One document through the whole pure pipeline: clean → segment → extract claims → prepare each
 * claim for the index. The result is everything the store needs to write, computed before any
 * transaction opens, except what only a claim stored new needs (its index terms, its word set for
 * near duplicates): that is computed when the store first asks for it.
 */
import { hash } from 'node:crypto';
import { extractClaims } from './claims/extract.ts';
import { fingerprintOf, nearDuplicateBands, signatureWords } from './fingerprint.ts';
import type { Analyzer } from './search/analyze.ts';
import { cleanArticle } from './text/clean.ts';
import type { CleanArticle, ExtractedClaim, SourceDocument } from './types.ts';

export interface PreparedClaim extends ExtractedClaim {
  /** Stable public id, derived from the exact key. */
  id: string;
  exactKey: string;
  readonly words: Set<string>;
  bands: number[];
  /** Analysed terms for the full-text index. */
  readonly terms: string;
}

/**
 * An article cleaned and its claims extracted: the part of the analysis that needs no search
 * lexicon, and whose result is cheap to pass between threads (the claims' word sets are not).
 */
export interface AnalysedArticle extends CleanArticle {
  id: string;
  file: string;
  contentHash: string;
  claims: ExtractedClaim[];
}

export interface PreparedArticle extends AnalysedArticle {
  claims: PreparedClaim[];
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Article id from the file's base name: readable when it is already a safe slug, else slug + hash. */
export function articleIdFor(file: string): string {
  const stem = file.replace(/\.[^.]*$/, '');
  if (SAFE_ID.test(stem)) return stem;
  const slug = stem.normalize('NFKD').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 20);
  const digest = hash('sha1', file).slice(0, 8);
  return slug ? `${slug}-${digest}` : digest;
}

/** What tells an article's text unchanged since it was stored. */
export const contentHashOf = (text: string): string => hash('sha1', text);

export function analyseDocument(doc: SourceDocument): AnalysedArticle {
  const article = cleanArticle(doc.text);
  return { ...article, id: articleIdFor(doc.file), file: doc.file, contentHash: contentHashOf(doc.text), claims: extractClaims(article) };
}

/**
 * A claim with its identity across articles. Its word set and index terms are computed when first
 * read: a claim already stored under its exact key needs neither, and most of an agency text run
 * again is.
 */
class IndexedClaim implements PreparedClaim {
  readonly text: string;
  readonly paragraph: number;
  readonly sources: string[];
  readonly stance: ExtractedClaim['stance'];
  readonly hedged: boolean;
  readonly entities: ExtractedClaim['entities'];
  readonly id: string;
  readonly exactKey: string;
  readonly bands: number[];
  #words: Set<string> | undefined;
  #terms: string | undefined;

  constructor(
    claim: ExtractedClaim,
    private readonly analyzer: Analyzer,
  ) {
    this.text = claim.text;
    this.paragraph = claim.paragraph;
    this.sources = claim.sources;
    this.stance = claim.stance;
    this.hedged = claim.hedged;
    this.entities = claim.entities;
    const { exactKey, words } = fingerprintOf(claim.text);
    this.id = `c${exactKey.slice(0, 11)}`;
    this.exactKey = exactKey;
    this.bands = nearDuplicateBands(words);
  }

  get words(): Set<string> {
    return (this.#words ??= signatureWords(this.text));
  }

  get terms(): string {
    return (this.#terms ??= this.analyzer.indexTerms(this.text));
  }
}

/** Each claim's identity across articles and its index terms. */
export function indexArticle(analysed: AnalysedArticle, analyzer: Analyzer): PreparedArticle {
  return { ...analysed, claims: analysed.claims.map((claim) => new IndexedClaim(claim, analyzer)) };
}

export function prepareDocument(doc: SourceDocument, analyzer: Analyzer): PreparedArticle {
  return indexArticle(analyseDocument(doc), analyzer);
}
