/**
 * The claims engine as its edges (CLI, bot, alert worker) see it. The implementation lives in
 * `store/`; edges depend only on this contract.
 */
import type { ArticleDetail, ArticleSummary, ClaimAnswer, Page, SourceAnswer } from './core/answers.ts';
import type { AnalysedArticle, PreparedArticle } from './core/pipeline.ts';
import type { SourceDocument } from './core/types.ts';

export interface IngestResult {
  id: string;
  file: string;
  /** `unchanged` when the same text was ingested before: nothing was written. */
  status: 'added' | 'updated' | 'unchanged';
  title: string | null;
  outlet: string | null;
  published: string | null;
  language: 'de' | 'en';
  claims: number;
  /** Ids of claims this ingest created (not seen in any article before). */
  newClaims: string[];
  /** Ids of known claims that gained a citation from this article. */
  corroborated: string[];
}

export interface ClaimQuery {
  limit?: number;
  offset?: number;
  /** Citations listed per claim, newest first (1–20, default 5): a chat message shows three. */
  citations?: number;
}

export interface TopicEntities {
  people: Array<{ name: string; claims: number }>;
  places: Array<{ name: string; claims: number }>;
  organisations: Array<{ name: string; claims: number }>;
}

export interface Engine {
  ingest(doc: SourceDocument): Promise<IngestResult>;
  /** Several documents in one transaction: all of them or none; results in the same order. */
  ingestMany(docs: SourceDocument[]): Promise<IngestResult[]>;
  /** The analysis half of an ingest: pure, no I/O. */
  prepare(doc: SourceDocument): PreparedArticle;
  /** The second part of `prepare`, for an article analysed elsewhere: claim identities and index terms. */
  index(article: AnalysedArticle): PreparedArticle;
  /**
   * The results of ingesting the documents stored before with the same text, found without
   * analysing them, so that ingesting a folder again costs only its new and changed files.
   */
  unchanged(docs: SourceDocument[]): Promise<Map<SourceDocument, IngestResult>>;
  /** The writing half: as `ingestMany`, for documents `prepare` has analysed. */
  ingestPrepared(articles: PreparedArticle[]): Promise<IngestResult[]>;
  /** Claims on a topic, best first (BM25, then attributed, more citations, newer). */
  claims(topic: string, opts?: ClaimQuery): Promise<Page<ClaimAnswer>>;
  /** Sources cited on a topic with how many of its claims each backs. */
  sources(topic: string, opts?: { limit?: number; offset?: number }): Promise<Page<SourceAnswer>>;
  /** The newest claims, for an empty inline query. */
  latestClaims(opts?: ClaimQuery): Promise<Page<ClaimAnswer>>;
  claim(id: string): Promise<ClaimAnswer | null>;
  article(id: string): Promise<ArticleDetail | null>;
  articles(): Promise<ArticleSummary[]>;
  /** The people, places and organisations the corpus mentions most. */
  topEntities(limit: number): Promise<TopicEntities>;
  close(): Promise<void>;
}
