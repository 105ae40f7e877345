/**
 * Shapes that flow one way through the engine: a read document is cleaned into an article,
 * the article is segmented into sentences, and sentences become claims. Nothing here knows
 * about storage or Telegram.
 */

/** A file as read from disk, already decoded to text. */
export interface SourceDocument {
  /** Base name of the file, e.g. `000_a52d281376681bc4.txt`; the article's stable identity. */
  file: string;
  text: string;
}

export type Language = 'de' | 'en';

/** An article after boilerplate is dropped and metadata is read from the text. */
export interface CleanArticle {
  title: string | null;
  /** Outlet named by the text itself ("Folgen Sie News.de", "(dpa)", "© watson"); null when it does not say. */
  outlet: string | null;
  /** `YYYY-MM-DD`, only when the text states its own publication date; never guessed. */
  published: string | null;
  language: Language;
  /** Body paragraphs in reading order; citations number them from 1. */
  paragraphs: string[];
}

export type Stance = 'assert' | 'deny';

export interface Entities {
  people: string[];
  places: string[];
  organisations: string[];
  /** Figures as written, e.g. `3.000`, `18`, `10.000`. */
  numbers: string[];
}

/** A checkable statement found in one article. */
export interface ExtractedClaim {
  /** The whole sentence, clean. */
  text: string;
  /** 1-based index into `CleanArticle.paragraphs`. */
  paragraph: number;
  /** Who asserts it, outermost first: ["Newsweek", "Suspilne"]; empty when unattributed. */
  sources: string[];
  stance: Stance;
  hedged: boolean;
  entities: Entities;
}
