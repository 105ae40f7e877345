/**
 * What the engine answers with. These shapes are the public JSON contract of the command line
 * (`claimdesk claims|sources|ingest --json`), so the bot, the CLI and the alerts all show the same thing.
 */
import type { Entities, Language, Stance } from './types.ts';

/** Where a claim was read: one article and one of its paragraphs. */
export interface Citation {
  article: string;
  file: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  paragraph: number;
}

export interface ClaimAnswer {
  id: string;
  text: string;
  sources: string[];
  stance: Stance;
  hedged: boolean;
  entities: Entities;
  /** The newest citations, at most as many as were asked for (20 by default). */
  citations: Citation[];
  /** Every article citing the claim, listed or not. */
  citationCount: number;
}

export interface SourceAnswer {
  name: string;
  /** How many of the topic's claims this source backs. */
  claims: number;
  citations: Citation[];
}

export interface ArticleSummary {
  id: string;
  file: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  language: Language;
  claims: number;
}

export interface ArticleDetail extends ArticleSummary {
  paragraphs: string[];
}

/** A page of answers: `total` counts every match so a caller can page. */
export interface Page<T> {
  items: T[];
  total: number;
}
