/**
 * The schema, as an ordered list of migrations. A database records the versions it has applied
 * in `schema_migrations`; opening it applies the missing ones, each in its own transaction.
 */
import type { SqliteDb } from './sqlite.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const coreMigrations: Migration[] = [
  {
    version: 1,
    name: 'articles, claims, citations and the claim index',
    sql: `
      CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        file TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        title TEXT,
        outlet TEXT,
        published TEXT,
        language TEXT NOT NULL,
        paragraphs TEXT NOT NULL,
        ingested_at INTEGER NOT NULL
      );

      -- One row per distinct claim; the same claim in several articles has several citations.
      CREATE TABLE claims (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        fingerprint TEXT NOT NULL UNIQUE,
        text TEXT NOT NULL,
        entities TEXT NOT NULL,
        sources TEXT NOT NULL,
        stance TEXT NOT NULL,
        hedged INTEGER NOT NULL,
        attributed INTEGER NOT NULL,
        citation_count INTEGER NOT NULL,
        newest TEXT NOT NULL,
        first_seen INTEGER NOT NULL
      );
      CREATE INDEX claims_by_age ON claims (first_seen DESC);

      CREATE TABLE citations (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        claim_rowid INTEGER NOT NULL REFERENCES claims (rowid),
        paragraph INTEGER NOT NULL,
        sources TEXT NOT NULL,
        stance TEXT NOT NULL,
        hedged INTEGER NOT NULL,
        PRIMARY KEY (article_id, position)
      ) WITHOUT ROWID;
      CREATE INDEX citations_by_claim ON citations (claim_rowid);

      -- Locality-sensitive hash bands of each claim's words: near-duplicates share a band.
      CREATE TABLE claim_bands (
        band INTEGER NOT NULL,
        claim_rowid INTEGER NOT NULL REFERENCES claims (rowid),
        PRIMARY KEY (band, claim_rowid)
      ) WITHOUT ROWID;
      CREATE INDEX claim_bands_by_claim ON claim_bands (claim_rowid);

      CREATE TABLE entity_counts (
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        claims INTEGER NOT NULL,
        PRIMARY KEY (kind, name)
      ) WITHOUT ROWID;
      CREATE INDEX entity_counts_top ON entity_counts (kind, claims DESC);

      CREATE VIRTUAL TABLE claim_fts USING fts5 (
        terms, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
      );
    `,
  },
  {
    version: 2,
    name: 'citations carry their article date, indexed for the newest citations of a claim',
    sql: `
      ALTER TABLE citations ADD COLUMN published TEXT NOT NULL DEFAULT '';
      UPDATE citations SET published = coalesce((SELECT published FROM articles a WHERE a.id = citations.article_id), '');
      CREATE INDEX citations_newest ON citations (claim_rowid, published DESC);
    `,
  },
  {
    version: 3,
    name: 'the citations an answer lists are read from indexes alone',
    sql: `
      -- citations_newest with the paragraph added: same order (newest, then article and position),
      -- and no lookup of the citation row.
      CREATE INDEX citations_shown ON citations (claim_rowid, published DESC, article_id, position, paragraph);
      DROP INDEX citations_newest;
      -- What a citation line shows of its article, without reading past the article's text.
      CREATE INDEX articles_cited ON articles (id, file, title, outlet, published, ingested_at);
    `,
  },
  {
    version: 4,
    name: 'a corpus version every ingest raises, so kept answers know when they are out of date',
    sql: `
      CREATE TABLE corpus_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
      INSERT INTO corpus_version (id, version) VALUES (1, 0);
    `,
  },
];

export async function migrate(db: SqliteDb, migrations: Migration[]): Promise<number> {
  await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set((await db.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
  let count = 0;
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    await db.transaction(async () => {
      await db.exec(m.sql);
      await db.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, new Date().toISOString()]);
    });
    count++;
  }
  return count;
}
