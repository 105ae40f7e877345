/**
 * The engine on SQLite: ingest writes one article per transaction on a writer connection;
 * queries run on separate reader connections, so they never see half an article.
 */
import type { ArticleDetail, ArticleSummary, ClaimAnswer, Page, SourceAnswer } from '../core/answers.ts';
import { isNearDuplicate, signatureWords } from '../core/fingerprint.ts';
import { type AnalysedArticle, articleIdFor, contentHashOf, indexArticle, prepareDocument, type PreparedArticle, type PreparedClaim } from '../core/pipeline.ts';
import { type Analyzer, defaultAnalyzer, toFtsMatch } from '../core/search/analyze.ts';
import type { Entities, SourceDocument, Stance } from '../core/types.ts';
import type { ClaimQuery, Engine, IngestResult, TopicEntities } from '../engine.ts';
import { AnswerCache } from './answerCache.ts';
import { type CitationJson, citationJson, claimJson, claimsPageOf, claimsPageText, parseClaims, toCitation } from './answerJson.ts';
import { coreMigrations, migrate, type Migration } from './migrations.ts';
import { SqliteDb, type SqlValue } from './sqlite.ts';

interface StoredClaim {
  rowid: number;
  id: string;
  text: string;
  stance: Stance;
}

interface KnownClaims {
  byKey: Map<string, StoredClaim>;
  byBand: Map<number, StoredClaim[]>;
}

/** A claim first seen in this batch, with what its citations in the batch add up to. */
interface FreshClaim {
  claim: PreparedClaim;
  by: PreparedArticle;
  sources: string[];
  hedged: boolean;
  citations: number;
  newest: string;
}

/** A stored claim cited again by the batch. */
interface Corroboration {
  rowid: number;
  sources: string[];
  hedged: boolean;
  citations: number;
  newest: string;
}

type ClaimTarget = StoredClaim | { fresh: FreshClaim };

/**
 * Decides, claim by claim in reading order, whether a batch's claim is a stored one, one an
 * earlier article of the batch brought, or new: by exact key, then by a near-duplicate band.
 */
class ClaimBatch {
  readonly fresh: FreshClaim[] = [];
  private readonly freshByKey = new Map<string, FreshClaim>();
  private readonly freshByBand = new Map<number, FreshClaim[]>();
  private readonly cited = new Map<number, Corroboration>();

  constructor(private readonly known: KnownClaims) {}

  resolve(claim: PreparedClaim, by: PreparedArticle): ClaimTarget {
    const newest = by.published ?? '';
    const stored = this.known.byKey.get(claim.exactKey) ?? this.nearStored(claim);
    if (stored) {
      const seen = this.cited.get(stored.rowid);
      if (seen) cite(seen, claim, newest);
      else this.cited.set(stored.rowid, { rowid: stored.rowid, sources: [...claim.sources], hedged: claim.hedged, citations: 1, newest });
      return stored;
    }
    const earlier = this.freshByKey.get(claim.exactKey) ?? this.nearFresh(claim);
    if (earlier) {
      cite(earlier, claim, newest);
      return { fresh: earlier };
    }
    const fresh: FreshClaim = { claim, by, sources: [...claim.sources], hedged: claim.hedged, citations: 1, newest };
    this.fresh.push(fresh);
    this.freshByKey.set(claim.exactKey, fresh);
    for (const band of claim.bands) {
      const bucket = this.freshByBand.get(band);
      if (bucket) bucket.push(fresh);
      else this.freshByBand.set(band, [fresh]);
    }
    return { fresh };
  }

  corroborations(): Corroboration[] {
    return [...this.cited.values()];
  }

  private nearStored(claim: PreparedClaim): StoredClaim | undefined {
    for (const band of claim.bands) {
      const match = this.known.byBand.get(band)?.find((row) => row.stance === claim.stance && isNearDuplicate(claim.words, signatureWords(row.text)));
      if (match) return match;
    }
    return undefined;
  }

  private nearFresh(claim: PreparedClaim): FreshClaim | undefined {
    for (const band of claim.bands) {
      const match = this.freshByBand.get(band)?.find((f) => f.claim.stance === claim.stance && isNearDuplicate(claim.words, f.claim.words));
      if (match) return match;
    }
    return undefined;
  }
}

function cite(target: { sources: string[]; hedged: boolean; citations: number; newest: string }, claim: PreparedClaim, newest: string): void {
  target.sources = unionChains([target.sources, claim.sources]);
  target.hedged ||= claim.hedged;
  target.citations++;
  if (newest > target.newest) target.newest = newest;
}

/** The stored articles among `ids`, with the hash of the text each was ingested from and its claim count. */
async function storedArticles(db: SqliteDb, ids: string[]): Promise<Map<string, ArticleSummary & { content_hash: string }>> {
  const rows = await db.all<ArticleSummary & { content_hash: string }>(
    `SELECT a.id, a.file, a.title, a.outlet, a.published, a.language, a.content_hash,
            (SELECT count(*) FROM citations WHERE article_id = a.id) AS claims
     FROM articles a WHERE id IN (SELECT value FROM json_each(?))`,
    [json(ids)],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

function resultOf(article: PreparedArticle): IngestResult {
  return {
    id: article.id,
    file: article.file,
    status: 'added',
    title: article.title,
    outlet: article.outlet,
    published: article.published,
    language: article.language,
    claims: 0,
    newClaims: [],
    corroborated: [],
  };
}

/** Called inside the ingest transaction, so whatever it writes commits or rolls back with the claims. */
export type IngestHook = (db: SqliteDb, result: IngestResult, article: PreparedArticle) => Promise<void>;

export interface EngineOptions {
  path: string;
  analyzer?: Analyzer;
  /** Schema of features built on the engine (e.g. alerts), applied after the core's. */
  migrations?: Migration[];
  onIngest?: IngestHook;
  /** Answers kept until the next ingest (default KEPT_ANSWERS); 0 answers every question afresh, as the benchmark measures queries. */
  keptAnswers?: number;
}

/** Citations listed per claim unless more are asked for (at most MAX_CITATIONS); `citationCount` tells the rest. */
const CITATIONS_PER_CLAIM = 5;
const MAX_CITATIONS = 20;
/** How many of a topic's best attributed claims `sources` aggregates over. */
const SOURCE_CLAIM_WINDOW = 300;
/** A source's citations come from its best claims; more would only repeat the same outlets. */
const CLAIMS_CITED_PER_SOURCE = 3;
/** Best BM25 matches a page of claims is ranked among; deeper pages widen it. */
const RANK_WINDOW = 200;
/** BM25 scores closer than this count as a tie, so attribution, corroboration and age decide. */
const SCORE_BUCKET = 0.5;

/** A topic's FTS5 match, and the match of its words themselves when the dictionaries widen it (null when they do not). */
interface Matches {
  match: string;
  literal: string | null;
}

const json = (value: unknown) => JSON.stringify(value);
/** Read-only connections queries are spread over (the machines have two cores). */
const READERS = 2;
/** Answers kept until the next ingest: a page of inline results is tens of kilobytes. */
const KEPT_ANSWERS = 256;

/** A topic's best matches by BM25 (?1 its match, ?2 how many), all of one tier. */
const BEST_MATCHES = `SELECT rowid, 0 AS tier, bm25(claim_fts) AS score FROM claim_fts WHERE claim_fts MATCH ?1 ORDER BY score LIMIT ?2`;

/**
 * A topic's best matches when its words have dictionary senses (?3 the match of the words
 * themselves): claims of the words themselves first (tier 0), then those only the senses find
 * (tier 1). One BM25 ranking of all would put a rare synonym first (BM25 weighs rare terms most): a
 * claim about Stimmung before those about Klima.
 */
const BEST_MATCHES_TIERED = `SELECT rowid, rowid NOT IN (SELECT rowid FROM claim_fts WHERE claim_fts MATCH ?3) AS tier, bm25(claim_fts) AS score
   FROM claim_fts WHERE claim_fts MATCH ?1 ORDER BY tier, score LIMIT ?2`;

/**
 * A page of a topic's claims with their citations (?1 match, ?2 window, ?3 literal match when
 * tiered, ?4 limit, ?5 offset, ?6 citations per claim), and how many claims match. Tie-breaking
 * (attribution, citations, age) only reorders claims of the same tier and nearly equal BM25, so it
 * runs on the best matches alone, and only the page's claims are read in full (in the page's order
 * again: an aggregate is fed its rows in no set order). A short page is the last one, so only a
 * full one needs the matches counted.
 */
function claimsPage(bestMatches: string): string {
  return `WITH page AS (
     SELECT c.rowid, m.tier, round(m.score / ${SCORE_BUCKET}) AS bucket, c.attributed, c.citation_count AS citations, c.newest
     FROM (${bestMatches}) AS m
     JOIN claims c ON c.rowid = m.rowid
     ORDER BY m.tier, bucket, c.attributed DESC, c.citation_count DESC, c.newest DESC, c.rowid DESC LIMIT ?4 OFFSET ?5)
   SELECT json_group_array(${claimJson('c', '?6')} ORDER BY p.tier, p.bucket, p.attributed DESC, p.citations DESC, p.newest DESC, p.rowid DESC) AS items,
          CASE WHEN count(*) < ?4 AND (?5 = 0 OR count(*) > 0) THEN ?5 + count(*)
               ELSE (SELECT count(*) FROM claim_fts WHERE claim_fts MATCH ?1) END AS total
   FROM page p JOIN claims c ON c.rowid = p.rowid`;
}
const CLAIMS_PAGE = claimsPage(BEST_MATCHES);
const CLAIMS_PAGE_TIERED = claimsPage(BEST_MATCHES_TIERED);

/**
 * The attributed claims on a topic (?1 its match; ?2 the literal match when tiered), each with its
 * sources, best first. Joining every match and ranking only the attributed ones is cheaper than
 * ranking all matches first, and no attributed claim is missed behind a window of unattributed ones.
 */
function sourceClaims(tier: string): string {
  return `SELECT json_group_array(json_array(rowid, json(sources)) ORDER BY tier, score) AS claims FROM (
     SELECT c.rowid, c.sources, ${tier} AS tier, bm25(claim_fts) AS score
     FROM claim_fts JOIN claims c ON c.rowid = claim_fts.rowid
     WHERE claim_fts MATCH ?1 AND c.attributed = 1 ORDER BY tier, score LIMIT ${SOURCE_CLAIM_WINDOW})`;
}
const SOURCE_CLAIMS = sourceClaims('0');
const SOURCE_CLAIMS_TIERED = sourceClaims('c.rowid NOT IN (SELECT rowid FROM claim_fts WHERE claim_fts MATCH ?2)');

/** The newest claims (?1 limit, ?2 offset, ?3 citations per claim) and how many there are. */
const LATEST_PAGE = `WITH page AS (SELECT rowid, first_seen FROM claims ORDER BY first_seen DESC, rowid DESC LIMIT ?1 OFFSET ?2)
   SELECT json_group_array(${claimJson('c', '?3')} ORDER BY p.first_seen DESC, p.rowid DESC) AS items, (SELECT count(*) FROM claims) AS total
   FROM page p JOIN claims c ON c.rowid = p.rowid`;

/** Claims by id (?1 JSON array of ids, ?2 citations per claim), in no particular order. */
const CLAIMS_BY_ID = `SELECT json_group_array(${claimJson('c', '?2')}) AS items FROM claims c WHERE c.id IN (SELECT value FROM json_each(?1))`;

/** The newest citations of claims (? JSON array of rowids), each with the sources its article names. */
const CITATIONS_OF = `SELECT json_group_array(json((
     SELECT json_group_array(json_array(claim.value, json(ci.sources), ${citationJson('ci', 'a')}) ORDER BY ci.published DESC, a.ingested_at, ci.position)
     FROM (SELECT article_id, position, paragraph, published, sources FROM citations WHERE claim_rowid = claim.value
           ORDER BY published DESC LIMIT ${CITATIONS_PER_CLAIM}) AS ci
     JOIN articles a INDEXED BY articles_cited ON a.id = ci.article_id)) ORDER BY claim.key) AS cites
   FROM json_each(?) AS claim`;

export async function openEngine(options: EngineOptions): Promise<SqliteEngine> {
  const writer = await SqliteDb.open(options.path);
  await writer.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;');
  await migrate(writer, [...coreMigrations, ...(options.migrations ?? [])]);
  const inMemory = options.path === ':memory:';
  const readers = inMemory ? [writer] : await Promise.all(Array.from({ length: READERS }, () => SqliteDb.open(options.path)));
  // Its own connection, so a version check never waits behind a reader's long query.
  const versionReader = inMemory ? writer : await SqliteDb.open(options.path);
  for (const reader of new Set([...readers, versionReader])) if (reader !== writer) await reader.exec('PRAGMA busy_timeout = 10000; PRAGMA query_only = ON;');
  return new SqliteEngine(writer, readers, versionReader, options.analyzer ?? defaultAnalyzer(), options.onIngest, options.keptAnswers ?? KEPT_ANSWERS);
}

export class SqliteEngine implements Engine {
  /** Ingest transactions this process has ended: an in-memory database has no other writer, but a query can see its open transaction. */
  private ingests = 0;
  private readonly answers: AnswerCache;

  constructor(
    readonly writer: SqliteDb,
    private readonly readers: SqliteDb[],
    private readonly versionReader: SqliteDb,
    readonly analyzer: Analyzer,
    private readonly onIngest: IngestHook | undefined,
    keptAnswers: number,
  ) {
    this.answers = new AnswerCache(async () => {
      const row = await this.versionReader.get<{ version: number }>('SELECT version FROM corpus_version');
      return `${row!.version}:${this.ingests}`;
    }, keptAnswers);
  }

  /**
   * The read-only connection with the fewest statements waiting: one connection runs one
   * statement at a time, two use both cores. Taken in turn, a cheap statement could queue behind
   * a connection's backlog of expensive ones while the other connection stood idle.
   */
  get reader(): SqliteDb {
    return this.readers.reduce((least, db) => (db.busy < least.busy ? db : least));
  }

  async ingest(doc: SourceDocument): Promise<IngestResult> {
    return (await this.ingestMany([doc]))[0]!;
  }

  /**
   * Several documents in one transaction (all or none of them), analysed before it opens. Bulk
   * ingest uses batches: a commit and each statement cost the same for one article as for fifty.
   */
  async ingestMany(docs: SourceDocument[]): Promise<IngestResult[]> {
    return this.ingestPrepared(docs.map((doc) => this.prepare(doc)));
  }

  prepare(doc: SourceDocument): PreparedArticle {
    return prepareDocument(doc, this.analyzer);
  }

  index(article: AnalysedArticle): PreparedArticle {
    return indexArticle(article, this.analyzer);
  }

  async unchanged(docs: SourceDocument[]): Promise<Map<SourceDocument, IngestResult>> {
    const ids = docs.map((doc) => articleIdFor(doc.file));
    const stored = await storedArticles(this.reader, ids);
    const found = new Map<SourceDocument, IngestResult>();
    docs.forEach((doc, k) => {
      const row = stored.get(ids[k]!);
      if (!row || row.content_hash !== contentHashOf(doc.text)) return;
      const { title, outlet, published, language, claims } = row;
      found.set(doc, { id: row.id, file: doc.file, status: 'unchanged', title, outlet, published, language, claims, newClaims: [], corroborated: [] });
    });
    return found;
  }

  /** Articles `prepare` analysed, written as `ingestMany` writes them. A file given twice is written in turn, each copy in its own transaction. */
  async ingestPrepared(articles: PreparedArticle[]): Promise<IngestResult[]> {
    const batches: PreparedArticle[][] = [[]];
    const ids = new Set<string>();
    for (const article of articles) {
      if (ids.has(article.id)) {
        batches.push([]);
        ids.clear();
      }
      ids.add(article.id);
      batches.at(-1)!.push(article);
    }
    const results: IngestResult[] = [];
    for (const batch of batches) {
      try {
        results.push(...(await this.writer.transaction(() => this.write(batch))));
      } finally {
        this.ingests++;
      }
    }
    return results;
  }

  private async write(articles: PreparedArticle[]): Promise<IngestResult[]> {
    const db = this.writer;
    const known = await storedArticles(db, articles.map((a) => a.id));
    const results = new Map<PreparedArticle, IngestResult>();
    const changed: PreparedArticle[] = [];
    /** Exact keys each changed article cited before: citing them again is neither new nor corroboration. */
    const before = new Map<PreparedArticle, Set<string>>();
    for (const article of articles) {
      const row = known.get(article.id);
      if (row?.content_hash === article.contentHash) results.set(article, { ...resultOf(article), status: 'unchanged', claims: row.claims });
      else changed.push(article);
    }
    for (const article of changed) if (known.has(article.id)) before.set(article, await this.removeArticle(article.id));
    if (changed.length) await db.run('UPDATE corpus_version SET version = version + 1');

    const unique = changed.map((article) => ({ article, claims: uniqueByKey(article.claims) }));
    const batch = new ClaimBatch(await this.findKnown(unique.flatMap((u) => u.claims)));
    const cited = unique.map(({ article, claims }) => ({ article, claims: claims.map((c) => ({ claim: c, target: batch.resolve(c, article) })) }));
    const rowids = await this.insertClaims(batch.fresh);
    const rowidOf = (t: ClaimTarget) => ('rowid' in t ? t.rowid : rowids.get(t.fresh)!);

    // Independent writes, sent together: one connection runs them back to back without a round trip each.
    await Promise.all([
      db.run(
        `INSERT INTO articles (id, file, content_hash, title, outlet, published, language, paragraphs, ingested_at)
         SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'),
                json_extract(value, '$[4]'), json_extract(value, '$[5]'), json_extract(value, '$[6]'), json_extract(value, '$[7]'), ?
         FROM json_each(?)`,
        [Date.now(), json(changed.map((a) => [a.id, a.file, a.contentHash, a.title, a.outlet, a.published, a.language, json(a.paragraphs)]))],
      ),
      this.indexClaims(batch.fresh.map((f) => [rowids.get(f)!, f.claim])),
      this.mergeCitations(batch.corroborations()),
    ]);
    await db.run(
      `INSERT INTO citations (article_id, position, claim_rowid, paragraph, sources, stance, hedged, published)
       SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'),
              json_extract(value, '$[4]'), json_extract(value, '$[5]'), json_extract(value, '$[6]'), json_extract(value, '$[7]')
       FROM json_each(?)`,
      [
        json(
          cited.flatMap(({ article, claims }) =>
            claims.map(({ claim: c, target }, i) => [article.id, i, rowidOf(target), c.paragraph, json(c.sources), c.stance, c.hedged ? 1 : 0, article.published ?? '']),
          ),
        ),
      ],
    );

    for (const { article, claims } of cited) {
      const seen = before.get(article) ?? new Set<string>();
      const result: IngestResult = { ...resultOf(article), status: known.has(article.id) ? 'updated' : 'added', claims: claims.length };
      for (const { claim, target } of claims) {
        if (seen.has(claim.exactKey)) continue;
        const list = 'fresh' in target && target.fresh.by === article ? result.newClaims : result.corroborated;
        const id = 'rowid' in target ? target.id : target.fresh.claim.id;
        if (!list.includes(id)) list.push(id);
      }
      results.set(article, result);
      await this.onIngest?.(db, result, article);
    }
    return articles.map((a) => results.get(a)!);
  }

  /**
   * The rows of a statement whose one column, `rows`, is a `json_group_array`. node-sqlite3 builds a JS
   * object per row, setting its columns one call at a time on the main thread; for the hundreds of
   * rows a batch reads, one JSON text and JSON.parse cost a fraction of that.
   */
  private async jsonRows<T>(sql: string, params: SqlValue[]): Promise<T[]> {
    const { rows } = (await this.writer.get<{ rows: string }>(sql, params))!;
    return JSON.parse(rows) as T[];
  }

  /**
   * Stored claims that may be the same as these: by exact key, and by near-duplicate band. Band
   * candidates are read only for claims without a stored exact match, the only ones that look at
   * them: an agency text run again would otherwise read back every near neighbour with its text.
   */
  private async findKnown(claims: PreparedClaim[]): Promise<KnownClaims> {
    if (!claims.length) return { byKey: new Map(), byBand: new Map() };
    const rows = await this.jsonRows<[exact: number, band: number, rowid: number, id: string, fingerprint: string, text: string, stance: Stance]>(
      `SELECT json_group_array(json_array(exact, band, rowid, id, fingerprint, text, stance)) AS rows FROM (
         SELECT 1 AS exact, 0 AS band, rowid, id, fingerprint, '' AS text, stance FROM claims
         WHERE fingerprint IN (SELECT value FROM json_each(?))
         UNION ALL
         SELECT 0, b.band, c.rowid, c.id, c.fingerprint, c.text, c.stance FROM claim_bands b JOIN claims c ON c.rowid = b.claim_rowid
         WHERE b.band IN (
           SELECT band.value FROM json_each(?) AS claim, json_each(claim.value, '$[1]') AS band
           WHERE NOT EXISTS (SELECT 1 FROM claims WHERE fingerprint = json_extract(claim.value, '$[0]'))))`,
      [json(claims.map((c) => c.exactKey)), json(claims.filter((c) => c.bands.length).map((c) => [c.exactKey, c.bands]))],
    );
    const known: KnownClaims = { byKey: new Map(), byBand: new Map() };
    for (const [exact, band, rowid, id, fingerprint, text, stance] of rows) {
      const row: StoredClaim = { rowid, id, text, stance };
      if (exact) known.byKey.set(fingerprint, row);
      else {
        const bucket = known.byBand.get(band);
        if (bucket) bucket.push(row);
        else known.byBand.set(band, [row]);
      }
    }
    return known;
  }

  private async insertClaims(fresh: FreshClaim[]): Promise<Map<FreshClaim, number>> {
    const rowids = new Map<FreshClaim, number>();
    if (!fresh.length) return rowids;
    await this.writer.run(
      `INSERT INTO claims (id, fingerprint, text, entities, sources, stance, hedged, attributed, citation_count, newest, first_seen)
       SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'),
              json_extract(value, '$[4]'), json_extract(value, '$[5]'), json_extract(value, '$[6]'), json_extract(value, '$[7]'),
              json_extract(value, '$[8]'), json_extract(value, '$[9]'), ?
       FROM json_each(?) WHERE true`,
      [
        Date.now(),
        json(
          fresh.map(({ claim: c, sources, hedged, citations, newest }) => [
            c.id, c.exactKey, c.text, json(c.entities), json(sources), c.stance, hedged ? 1 : 0, sources.length ? 1 : 0, citations, newest,
          ]),
        ),
      ],
    );
    // Read back as one JSON text rather than through RETURNING, which hands over a row object per claim.
    const rows = await this.jsonRows<[rowid: number, fingerprint: string]>(
      'SELECT json_group_array(json_array(rowid, fingerprint)) AS rows FROM claims WHERE fingerprint IN (SELECT value FROM json_each(?))',
      [json(fresh.map((f) => f.claim.exactKey))],
    );
    const byKey = new Map(rows.map(([rowid, fingerprint]) => [fingerprint, rowid]));
    for (const f of fresh) rowids.set(f, byKey.get(f.claim.exactKey)!);
    return rowids;
  }

  /** Full-text terms, near-duplicate bands and entity counts of newly stored claims. */
  private async indexClaims(entries: Array<[number, PreparedClaim]>): Promise<void> {
    if (!entries.length) return;
    await Promise.all([
      this.writer.run(`INSERT INTO claim_fts (rowid, terms) SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?)`, [
        json(entries.map(([rowid, c]) => [rowid, c.terms])),
      ]),
      this.writer.run(
        `INSERT OR IGNORE INTO claim_bands (band, claim_rowid) SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?)`,
        [json(entries.flatMap(([rowid, c]) => c.bands.map((b) => [b, rowid])))],
      ),
      this.countEntities(entries.map(([, c]) => c.entities), 1),
    ]);
  }

  private async countEntities(all: Entities[], delta: 1 | -1): Promise<void> {
    const rows: Array<[string, string]> = [];
    for (const e of all) {
      for (const [kind, names] of [['person', e.people], ['place', e.places], ['organisation', e.organisations]] as const) {
        for (const name of new Set(names)) rows.push([kind, name]);
      }
    }
    if (!rows.length) return;
    await this.writer.run(
      `INSERT INTO entity_counts (kind, name, claims)
       SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), ? FROM json_each(?) WHERE true
       ON CONFLICT (kind, name) DO UPDATE SET claims = claims + excluded.claims`,
      [delta, json(rows)],
    );
    if (delta < 0) await this.writer.run('DELETE FROM entity_counts WHERE claims <= 0');
  }

  /** Known claims cited again: more citations, the union of their sources, hedged if any report hedges. */
  private async mergeCitations(corroborations: Corroboration[]): Promise<void> {
    if (!corroborations.length) return;
    const rows = await this.jsonRows<[rowid: number, sources: string[], hedged: number, newest: string]>(
      'SELECT json_group_array(json_array(rowid, json(sources), hedged, newest)) AS rows FROM claims WHERE rowid IN (SELECT value FROM json_each(?))',
      [json(corroborations.map((c) => c.rowid))],
    );
    const current = new Map(rows.map(([rowid, sources, hedged, newest]) => [rowid, { sources, hedged, newest }]));
    const updates = corroborations.map(({ rowid, sources, hedged, citations, newest }) => {
      const row = current.get(rowid)!;
      const merged = unionChains([row.sources, sources]);
      return [rowid, json(merged), merged.length ? 1 : 0, row.hedged || hedged ? 1 : 0, newest > row.newest ? newest : row.newest, citations];
    });
    await this.writer.run(
      `UPDATE claims SET sources = u.sources, attributed = u.attributed, hedged = u.hedged, newest = u.newest,
              citation_count = citation_count + u.citations
       FROM (SELECT json_extract(value, '$[0]') AS rowid, json_extract(value, '$[1]') AS sources, json_extract(value, '$[2]') AS attributed,
                    json_extract(value, '$[3]') AS hedged, json_extract(value, '$[4]') AS newest, json_extract(value, '$[5]') AS citations
             FROM json_each(?)) AS u
       WHERE claims.rowid = u.rowid`,
      [json(updates)],
    );
  }

  /** Drops an article's citations; claims left without any citation go, the others are recomputed. */
  private async removeArticle(articleId: string): Promise<Set<string>> {
    const db = this.writer;
    const cited = await db.all<{ claim_rowid: number; fingerprint: string }>(
      'SELECT DISTINCT ci.claim_rowid, c.fingerprint FROM citations ci JOIN claims c ON c.rowid = ci.claim_rowid WHERE ci.article_id = ?',
      [articleId],
    );
    const touched = cited.map((r) => r.claim_rowid);
    await db.run('DELETE FROM articles WHERE id = ?', [articleId]);
    const remaining = await db.all<{ claim_rowid: number; sources: string; hedged: number; published: string | null }>(
      `SELECT ci.claim_rowid, ci.sources, ci.hedged, a.published FROM citations ci JOIN articles a ON a.id = ci.article_id
       WHERE ci.claim_rowid IN (SELECT value FROM json_each(?)) ORDER BY a.ingested_at, ci.position`,
      [json(touched)],
    );
    const byClaim = new Map<number, typeof remaining>();
    for (const r of remaining) byClaim.set(r.claim_rowid, [...(byClaim.get(r.claim_rowid) ?? []), r]);
    const orphans = touched.filter((rowid) => !byClaim.has(rowid));
    if (orphans.length) {
      const ids = json(orphans);
      const gone = await db.all<{ entities: string }>('SELECT entities FROM claims WHERE rowid IN (SELECT value FROM json_each(?))', [ids]);
      await this.countEntities(gone.map((g) => JSON.parse(g.entities) as Entities), -1);
      await db.run('DELETE FROM claim_fts WHERE rowid IN (SELECT value FROM json_each(?))', [ids]);
      await db.run('DELETE FROM claim_bands WHERE claim_rowid IN (SELECT value FROM json_each(?))', [ids]);
      await db.run('DELETE FROM claims WHERE rowid IN (SELECT value FROM json_each(?))', [ids]);
    }
    for (const [rowid, cites] of byClaim) {
      const sources = unionChains(cites.map((c) => JSON.parse(c.sources) as string[]));
      await db.run('UPDATE claims SET sources = ?, attributed = ?, hedged = ?, citation_count = ?, newest = ? WHERE rowid = ?', [
        json(sources),
        sources.length ? 1 : 0,
        cites.some((c) => c.hedged) ? 1 : 0,
        cites.length,
        cites.reduce((max, c) => ((c.published ?? '') > max ? c.published! : max), ''),
        rowid,
      ]);
    }
    return new Set(cited.map((r) => r.fingerprint));
  }

  /** The MATCH of a topic, and of its words themselves when the dictionaries widen it. */
  private matchesOf(topic: string): Matches | null {
    const plan = this.analyzer.queryPlan(topic);
    const match = toFtsMatch(plan);
    if (!match) return null;
    const literal = toFtsMatch(plan, { literal: true });
    return { match, literal: literal === match ? null : literal };
  }

  /** Topics that analyse alike ("Kursk", "kursk") share their kept answers. */
  async claims(topic: string, opts: ClaimQuery = {}): Promise<Page<ClaimAnswer>> {
    const matches = this.matchesOf(topic);
    if (!matches) return { items: [], total: 0 };
    const limit = clampLimit(opts.limit);
    const offset = Math.max(0, opts.offset ?? 0);
    const citations = citationsPerClaim(opts.citations);
    return this.answers.get(json(['claims', matches, limit, offset, citations]), () => this.claimsPage(matches, limit, offset, citations), claimsPageOf);
  }

  /** The page as `claimsPageText`. */
  private async claimsPage(matches: Matches, limit: number, offset: number, citations: number): Promise<string> {
    const window = Math.max(RANK_WINDOW, 2 * (offset + limit));
    const page = await this.reader.get<{ items: string; total: number }>(
      matches.literal ? CLAIMS_PAGE_TIERED : CLAIMS_PAGE,
      [matches.match, window, matches.literal, limit, offset, citations],
    );
    return claimsPageText(page!);
  }

  async sources(topic: string, opts: { limit?: number; offset?: number } = {}): Promise<Page<SourceAnswer>> {
    const matches = this.matchesOf(topic);
    if (!matches) return { items: [], total: 0 };
    const limit = clampLimit(opts.limit);
    const offset = Math.max(0, opts.offset ?? 0);
    return this.answers.getJson(json(['sources', matches, limit, offset]), () => this.sourcesPage(matches, limit, offset));
  }

  private async sourcesPage(matches: Matches, limit: number, offset: number): Promise<Page<SourceAnswer>> {
    const best = await this.reader.get<{ claims: string }>(
      matches.literal ? SOURCE_CLAIMS_TIERED : SOURCE_CLAIMS,
      matches.literal ? [matches.match, matches.literal] : [matches.match],
    );
    // Counted over each claim's merged chain; citations are read only for the sources on this page.
    // The same names recur across a topic's claims: each is folded once per answer.
    const folded = new Map<string, string>();
    const keyOf = (name: string) => folded.get(name) ?? folded.set(name, sourceKey(name)).get(name)!;
    const bySource = new Map<string, { key: string; names: Map<string, number>; claims: number[] }>();
    for (const [rowid, names] of JSON.parse(best!.claims) as Array<[number, string[]]>) {
      for (const name of names) {
        const key = keyOf(name);
        let entry = bySource.get(key);
        if (!entry) bySource.set(key, (entry = { key, names: new Map(), claims: [] }));
        entry.names.set(name, (entry.names.get(name) ?? 0) + 1);
        if (entry.claims.at(-1) !== rowid) entry.claims.push(rowid);
      }
    }
    // Sources backing as many claims keep the order of their best claim (the sort is stable).
    const ranked = [...bySource.values()].sort((a, b) => b.claims.length - a.claims.length);
    const page = ranked.slice(offset, offset + limit);
    const cites = await this.citationsOf([...new Set(page.flatMap((e) => e.claims.slice(0, CLAIMS_CITED_PER_SOURCE)))]);
    const citing = cites.map(([claim, sources, citation]) => ({ claim, citation, keys: new Set(sources.map(keyOf)) }));
    const items = page.map((entry): SourceAnswer => {
      const backing = new Set(entry.claims);
      const citations = citing
        .filter(({ claim, keys }) => backing.has(claim) && keys.has(entry.key))
        .slice(0, CITATIONS_PER_CLAIM)
        .map(({ citation }) => toCitation(citation));
      return { name: mostFrequent(entry.names), claims: entry.claims.length, citations };
    });
    return { items, total: ranked.length };
  }

  async latestClaims(opts: ClaimQuery = {}): Promise<Page<ClaimAnswer>> {
    const params = [clampLimit(opts.limit), Math.max(0, opts.offset ?? 0), citationsPerClaim(opts.citations)];
    return this.answers.get(json(['latest', params]), async () => claimsPageText((await this.reader.get<{ items: string; total: number }>(LATEST_PAGE, params))!), claimsPageOf);
  }

  async claim(id: string): Promise<ClaimAnswer | null> {
    return (await this.claimsById([id]))[0] ?? null;
  }

  /** Claims by id in the order given, for callers (alerts) that already know which ones they want. */
  async claimsById(ids: string[]): Promise<ClaimAnswer[]> {
    const found = await this.reader.get<{ items: string }>(
      CLAIMS_BY_ID,
      [json(ids), citationsPerClaim(undefined)],
    );
    const answers = new Map(parseClaims(found!.items).map((a) => [a.id, a]));
    return ids.flatMap((id) => answers.get(id) ?? []);
  }

  async article(id: string): Promise<ArticleDetail | null> {
    const row = await this.reader.get<ArticleSummary & { paragraphs: string }>(
      `SELECT a.id, a.file, a.title, a.outlet, a.published, a.language, a.paragraphs,
              (SELECT count(*) FROM citations WHERE article_id = a.id) AS claims
       FROM articles a WHERE a.id = ?`,
      [id],
    );
    return row ? { ...toSummary(row), paragraphs: JSON.parse(row.paragraphs) as string[] } : null;
  }

  async articles(): Promise<ArticleSummary[]> {
    const rows = await this.reader.all<ArticleSummary>(
      `SELECT a.id, a.file, a.title, a.outlet, a.published, a.language,
              (SELECT count(*) FROM citations WHERE article_id = a.id) AS claims
       FROM articles a ORDER BY a.id`,
    );
    return rows.map(toSummary);
  }

  /** Every article with all its claims as cited there, in batches so memory stays flat on a big corpus. */
  async *exportArticles(batch = 500): AsyncGenerator<ExportedArticle> {
    let after = '';
    for (;;) {
      const rows = await this.reader.all<ArticleSummary>(
        `SELECT a.id, a.file, a.title, a.outlet, a.published, a.language, 0 AS claims FROM articles a
         WHERE a.id > ? ORDER BY a.id LIMIT ?`,
        [after, batch],
      );
      if (!rows.length) return;
      const cites = await this.reader.all<{ article_id: string; id: string; text: string; sources: string; stance: Stance; hedged: number; paragraph: number }>(
        `SELECT ci.article_id, c.id, c.text, ci.sources, ci.stance, ci.hedged, ci.paragraph
         FROM citations ci JOIN claims c ON c.rowid = ci.claim_rowid
         WHERE ci.article_id IN (SELECT value FROM json_each(?)) ORDER BY ci.article_id, ci.position`,
        [json(rows.map((r) => r.id))],
      );
      const byArticle = new Map<string, ExportedArticle['claims']>();
      for (const c of cites) {
        const list = byArticle.get(c.article_id) ?? [];
        list.push({ id: c.id, text: c.text, sources: JSON.parse(c.sources) as string[], stance: c.stance, hedged: c.hedged === 1, paragraph: c.paragraph });
        byArticle.set(c.article_id, list);
      }
      for (const r of rows) {
        const { claims: _count, ...summary } = toSummary(r);
        yield { ...summary, claims: byArticle.get(r.id) ?? [] };
      }
      after = rows[rows.length - 1]!.id;
    }
  }

  async topEntities(limit: number): Promise<TopicEntities> {
    const top = (kind: string) =>
      this.reader.all<{ name: string; claims: number }>('SELECT name, claims FROM entity_counts WHERE kind = ? ORDER BY claims DESC, name LIMIT ?', [
        kind,
        limit,
      ]);
    return this.answers.getJson(json(['entities', limit]), async () => ({ people: await top('person'), places: await top('place'), organisations: await top('organisation') }));
  }

  async isEmpty(): Promise<boolean> {
    return !(await this.reader.get('SELECT 1 FROM articles LIMIT 1'));
  }

  async close(): Promise<void> {
    for (const reader of new Set([...this.readers, this.versionReader])) if (reader !== this.writer) await reader.close();
    await this.writer.close();
  }

  /** The newest citations of each claim (most recent first), each with the sources its article names. */
  private async citationsOf(claimRowids: number[]): Promise<Array<[number, string[], CitationJson]>> {
    if (!claimRowids.length) return [];
    const cites = await this.reader.get<{ cites: string }>(
      CITATIONS_OF,
      [json(claimRowids)],
    );
    return (JSON.parse(cites!.cites) as Array<Array<[number, string[], CitationJson]>>).flat();
  }
}

export interface ExportedArticle extends Omit<ArticleSummary, 'claims'> {
  claims: Array<{ id: string; text: string; sources: string[]; stance: Stance; hedged: boolean; paragraph: number }>;
}

function toSummary(r: ArticleSummary): ArticleSummary {
  return { id: r.id, file: r.file, title: r.title, outlet: r.outlet, published: r.published, language: r.language, claims: r.claims };
}

/** Citations listed per claim when asked for `n`: 1 to MAX_CITATIONS, CITATIONS_PER_CLAIM if not asked. */
function citationsPerClaim(n: number | undefined): number {
  return Math.min(MAX_CITATIONS, Math.max(1, Math.floor(n ?? CITATIONS_PER_CLAIM)));
}

function clampLimit(limit: number | undefined): number {
  return Math.min(200, Math.max(1, Math.floor(limit ?? 20)));
}

/** One claim per exact key within an article: a sentence repeated in the same text is cited once. */
function uniqueByKey(claims: PreparedClaim[]): PreparedClaim[] {
  const seen = new Set<string>();
  return claims.filter((c) => !seen.has(c.exactKey) && seen.add(c.exactKey));
}

/** Source chains merged in order, each name once (case-insensitively). */
function unionChains(chains: string[][]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of chains.flat()) {
    const key = sourceKey(name);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(name);
    }
  }
  return out;
}

function sourceKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Compares as `localeCompare` does, without building a collator for every comparison. */
const collator = new Intl.Collator();

function mostFrequent(names: Map<string, number>): string {
  return [...names].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0]))[0]![0];
}
