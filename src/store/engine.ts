/**
 * The engine on SQLite: ingest writes one article per transaction on a writer connection;
 * queries run on a separate reader connection, so they never see half an article.
 */
import type { ArticleDetail, ArticleSummary, Citation, ClaimAnswer, Page, SourceAnswer } from '../core/answers.ts';
import { isNearDuplicate, signatureWords } from '../core/fingerprint.ts';
import { prepareDocument, type PreparedArticle, type PreparedClaim } from '../core/pipeline.ts';
import { type Analyzer, defaultAnalyzer, toFtsMatch } from '../core/search/analyze.ts';
import type { Entities, Language, SourceDocument, Stance } from '../core/types.ts';
import type { Engine, IngestResult, TopicEntities } from '../engine.ts';
import { coreMigrations, migrate, type Migration } from './migrations.ts';
import { SqliteDb } from './sqlite.ts';

/** Called inside the ingest transaction, so whatever it writes commits or rolls back with the claims. */
export type IngestHook = (db: SqliteDb, result: IngestResult, article: PreparedArticle) => Promise<void>;

export interface EngineOptions {
  path: string;
  analyzer?: Analyzer;
  /** Schema of features built on the engine (e.g. alerts), applied after the core's. */
  migrations?: Migration[];
  onIngest?: IngestHook;
}

/** Citations listed per claim; `citationCount` in the store keeps the full number for ranking. */
const CITATIONS_PER_CLAIM = 20;
/** How many of a topic's best claims `sources` aggregates over. */
const SOURCE_CLAIM_WINDOW = 500;
/** BM25 scores closer than this count as a tie, so attribution, corroboration and age decide. */
const SCORE_BUCKET = 0.5;

interface ClaimRow {
  rowid: number;
  id: string;
  text: string;
  entities: string;
  sources: string;
  stance: Stance;
  hedged: number;
  citation_count: number;
  newest: string;
}

interface CitationRow {
  claim_rowid: number;
  article_id: string;
  file: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  paragraph: number;
  sources: string;
}

const json = (value: unknown) => JSON.stringify(value);

export async function openEngine(options: EngineOptions): Promise<SqliteEngine> {
  const writer = await SqliteDb.open(options.path);
  await writer.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;');
  await migrate(writer, [...coreMigrations, ...(options.migrations ?? [])]);
  const reader = options.path === ':memory:' ? writer : await SqliteDb.open(options.path);
  if (reader !== writer) await reader.exec('PRAGMA busy_timeout = 10000; PRAGMA query_only = ON;');
  return new SqliteEngine(writer, reader, options.analyzer ?? defaultAnalyzer(), options.onIngest);
}

export class SqliteEngine implements Engine {
  constructor(
    readonly writer: SqliteDb,
    readonly reader: SqliteDb,
    readonly analyzer: Analyzer,
    private readonly onIngest?: IngestHook,
  ) {}

  async ingest(doc: SourceDocument): Promise<IngestResult> {
    const article = prepareDocument(doc, this.analyzer);
    return this.writer.transaction(() => this.write(article));
  }

  private async write(article: PreparedArticle): Promise<IngestResult> {
    const db = this.writer;
    const result: IngestResult = {
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
    const known = await db.get<{ content_hash: string }>('SELECT content_hash FROM articles WHERE id = ?', [article.id]);
    if (known?.content_hash === article.contentHash) {
      const count = await db.get<{ n: number }>('SELECT count(*) AS n FROM citations WHERE article_id = ?', [article.id]);
      return { ...result, status: 'unchanged', claims: count?.n ?? 0 };
    }
    const previousClaims = known ? await this.removeArticle(article.id) : new Set<number>();
    result.status = known ? 'updated' : 'added';

    await db.run(
      `INSERT INTO articles (id, file, content_hash, title, outlet, published, language, paragraphs, ingested_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [article.id, article.file, article.contentHash, article.title, article.outlet, article.published, article.language, json(article.paragraphs), Date.now()],
    );

    const claims = uniqueByKey(article.claims);
    const resolved = await this.resolveKnown(claims);
    const fresh = claims.filter((c) => !resolved.has(c));
    const inserted = await this.insertClaims(fresh, article.published);
    for (const [claim, rowid] of inserted) resolved.set(claim, { rowid, id: claim.id, isNew: true });

    await db.run(
      `INSERT INTO citations (article_id, position, claim_rowid, paragraph, sources, stance, hedged)
       SELECT ?, key, json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'),
              json_extract(value, '$[3]'), json_extract(value, '$[4]')
       FROM json_each(?)`,
      [article.id, json(claims.map((c) => [resolved.get(c)!.rowid, c.paragraph, json(c.sources), c.stance, c.hedged ? 1 : 0]))],
    );
    const corroborated = claims.filter((c) => !resolved.get(c)!.isNew);
    await this.mergeCitations(corroborated.map((c) => [resolved.get(c)!.rowid, c]), article.published);

    result.claims = claims.length;
    result.newClaims = claims.filter((c) => resolved.get(c)!.isNew && !previousClaims.has(resolved.get(c)!.rowid)).map((c) => c.id);
    result.corroborated = corroborated.filter((c) => !previousClaims.has(resolved.get(c)!.rowid)).map((c) => resolved.get(c)!.id);
    await this.onIngest?.(db, result, article);
    return result;
  }

  /** Finds claims already stored: by exact key first, then by near-duplicate bands verified on words. */
  private async resolveKnown(claims: PreparedClaim[]): Promise<Map<PreparedClaim, { rowid: number; id: string; isNew: boolean }>> {
    const resolved = new Map<PreparedClaim, { rowid: number; id: string; isNew: boolean }>();
    if (!claims.length) return resolved;
    const exact = await this.writer.all<{ rowid: number; id: string; fingerprint: string }>(
      'SELECT rowid, id, fingerprint FROM claims WHERE fingerprint IN (SELECT value FROM json_each(?))',
      [json(claims.map((c) => c.exactKey))],
    );
    const byKey = new Map(exact.map((r) => [r.fingerprint, r]));
    const pending: PreparedClaim[] = [];
    for (const c of claims) {
      const hit = byKey.get(c.exactKey);
      if (hit) resolved.set(c, { rowid: hit.rowid, id: hit.id, isNew: false });
      else if (c.bands.length) pending.push(c);
    }
    if (!pending.length) return resolved;
    const candidates = await this.writer.all<{ band: number; rowid: number; id: string; text: string; stance: Stance }>(
      `SELECT b.band, c.rowid, c.id, c.text, c.stance FROM claim_bands b JOIN claims c ON c.rowid = b.claim_rowid
       WHERE b.band IN (SELECT value FROM json_each(?))`,
      [json(pending.flatMap((c) => c.bands))],
    );
    const byBand = new Map<number, typeof candidates>();
    for (const row of candidates) byBand.set(row.band, [...(byBand.get(row.band) ?? []), row]);
    for (const c of pending) {
      const match = c.bands
        .flatMap((b) => byBand.get(b) ?? [])
        .find((row) => row.stance === c.stance && isNearDuplicate(c.words, signatureWords(row.text)));
      if (match) resolved.set(c, { rowid: match.rowid, id: match.id, isNew: false });
    }
    return resolved;
  }

  private async insertClaims(claims: PreparedClaim[], published: string | null): Promise<Map<PreparedClaim, number>> {
    const rowids = new Map<PreparedClaim, number>();
    if (!claims.length) return rowids;
    const db = this.writer;
    const now = Date.now();
    await db.run(
      `INSERT INTO claims (id, fingerprint, text, entities, sources, stance, hedged, attributed, citation_count, newest, first_seen)
       SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'),
              json_extract(value, '$[4]'), json_extract(value, '$[5]'), json_extract(value, '$[6]'), json_extract(value, '$[7]'),
              1, ?, ?
       FROM json_each(?)`,
      [
        published ?? '',
        now,
        json(claims.map((c) => [c.id, c.exactKey, c.text, json(c.entities), json(c.sources), c.stance, c.hedged ? 1 : 0, c.sources.length ? 1 : 0])),
      ],
    );
    const rows = await db.all<{ rowid: number; fingerprint: string }>(
      'SELECT rowid, fingerprint FROM claims WHERE fingerprint IN (SELECT value FROM json_each(?))',
      [json(claims.map((c) => c.exactKey))],
    );
    const byKey = new Map(rows.map((r) => [r.fingerprint, r.rowid]));
    for (const c of claims) rowids.set(c, byKey.get(c.exactKey)!);
    const entries = claims.map((c) => [rowids.get(c)!, c] as const);
    await db.run(
      `INSERT INTO claim_fts (rowid, terms) SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?)`,
      [json(entries.map(([rowid, c]) => [rowid, c.terms]))],
    );
    await db.run(
      `INSERT OR IGNORE INTO claim_bands (band, claim_rowid) SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?)`,
      [json(entries.flatMap(([rowid, c]) => c.bands.map((b) => [b, rowid])))],
    );
    await this.countEntities(claims.map((c) => c.entities), 1);
    return rowids;
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

  /** A known claim cited again: more citations, the union of its sources, hedged if any report hedges. */
  private async mergeCitations(pairs: Array<[number, PreparedClaim]>, published: string | null): Promise<void> {
    if (!pairs.length) return;
    const rows = await this.writer.all<{ rowid: number; sources: string; hedged: number; newest: string }>(
      'SELECT rowid, sources, hedged, newest FROM claims WHERE rowid IN (SELECT value FROM json_each(?))',
      [json(pairs.map(([rowid]) => rowid))],
    );
    const current = new Map(rows.map((r) => [r.rowid, r]));
    const updates = pairs.map(([rowid, c]) => {
      const row = current.get(rowid)!;
      const sources = unionChains([JSON.parse(row.sources) as string[], c.sources]);
      const newest = (published ?? '') > row.newest ? published! : row.newest;
      return [rowid, json(sources), sources.length ? 1 : 0, row.hedged || c.hedged ? 1 : 0, newest];
    });
    await this.writer.run(
      `UPDATE claims SET sources = u.sources, attributed = u.attributed, hedged = u.hedged, newest = u.newest,
              citation_count = citation_count + 1
       FROM (SELECT json_extract(value, '$[0]') AS rowid, json_extract(value, '$[1]') AS sources, json_extract(value, '$[2]') AS attributed,
                    json_extract(value, '$[3]') AS hedged, json_extract(value, '$[4]') AS newest FROM json_each(?)) AS u
       WHERE claims.rowid = u.rowid`,
      [json(updates)],
    );
  }

  /** Drops an article's citations; claims left without any citation go, the others are recomputed. */
  private async removeArticle(articleId: string): Promise<Set<number>> {
    const db = this.writer;
    const touched = (await db.all<{ claim_rowid: number }>('SELECT DISTINCT claim_rowid FROM citations WHERE article_id = ?', [articleId])).map(
      (r) => r.claim_rowid,
    );
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
    return new Set(touched);
  }

  async claims(topic: string, opts: { limit?: number; offset?: number } = {}): Promise<Page<ClaimAnswer>> {
    const match = toFtsMatch(this.analyzer.queryPlan(topic));
    if (!match) return { items: [], total: 0 };
    const limit = clampLimit(opts.limit);
    const offset = Math.max(0, opts.offset ?? 0);
    const rows = await this.reader.all<ClaimRow>(
      `SELECT c.rowid, c.id, c.text, c.entities, c.sources, c.stance, c.hedged, c.citation_count, c.newest
       FROM (SELECT rowid, bm25(claim_fts) AS score FROM claim_fts WHERE claim_fts MATCH ?) AS m
       JOIN claims c ON c.rowid = m.rowid
       ORDER BY round(m.score / ${SCORE_BUCKET}), c.attributed DESC, c.citation_count DESC, c.newest DESC, c.rowid DESC
       LIMIT ? OFFSET ?`,
      [match, limit, offset],
    );
    const total = rows.length < limit && (offset === 0 || rows.length > 0) ? offset + rows.length : await this.countMatches(match);
    return { items: await this.withCitations(rows), total };
  }

  private async countMatches(match: string): Promise<number> {
    const row = await this.reader.get<{ n: number }>('SELECT count(*) AS n FROM claim_fts WHERE claim_fts MATCH ?', [match]);
    return row?.n ?? 0;
  }

  async sources(topic: string, opts: { limit?: number; offset?: number } = {}): Promise<Page<SourceAnswer>> {
    const match = toFtsMatch(this.analyzer.queryPlan(topic));
    if (!match) return { items: [], total: 0 };
    const claimRows = await this.reader.all<{ rowid: number }>(
      `SELECT m.rowid FROM (SELECT rowid, bm25(claim_fts) AS score FROM claim_fts WHERE claim_fts MATCH ?) AS m
       JOIN claims c ON c.rowid = m.rowid WHERE c.attributed = 1 ORDER BY m.score LIMIT ${SOURCE_CLAIM_WINDOW}`,
      [match],
    );
    const cites = await this.citationsOf(claimRows.map((r) => r.rowid));
    const bySource = new Map<string, { names: Map<string, number>; claims: Set<number>; citations: Citation[] }>();
    for (const cite of cites) {
      for (const name of new Set(JSON.parse(cite.sources) as string[])) {
        const key = sourceKey(name);
        const entry = bySource.get(key) ?? { names: new Map<string, number>(), claims: new Set<number>(), citations: [] as Citation[] };
        entry.names.set(name, (entry.names.get(name) ?? 0) + 1);
        entry.claims.add(cite.claim_rowid);
        if (entry.citations.length < CITATIONS_PER_CLAIM) entry.citations.push(toCitation(cite));
        bySource.set(key, entry);
      }
    }
    const all = [...bySource.values()]
      .map((e) => ({ name: mostFrequent(e.names), claims: e.claims.size, citations: e.citations }))
      .sort((a, b) => b.claims - a.claims || b.citations.length - a.citations.length || a.name.localeCompare(b.name));
    const offset = Math.max(0, opts.offset ?? 0);
    return { items: all.slice(offset, offset + clampLimit(opts.limit)), total: all.length };
  }

  async latestClaims(opts: { limit?: number; offset?: number } = {}): Promise<Page<ClaimAnswer>> {
    const rows = await this.reader.all<ClaimRow>(
      `SELECT rowid, id, text, entities, sources, stance, hedged, citation_count, newest FROM claims
       ORDER BY first_seen DESC, rowid DESC LIMIT ? OFFSET ?`,
      [clampLimit(opts.limit), Math.max(0, opts.offset ?? 0)],
    );
    const total = await this.reader.get<{ n: number }>('SELECT count(*) AS n FROM claims');
    return { items: await this.withCitations(rows), total: total?.n ?? 0 };
  }

  async claim(id: string): Promise<ClaimAnswer | null> {
    const row = await this.reader.get<ClaimRow>(
      'SELECT rowid, id, text, entities, sources, stance, hedged, citation_count, newest FROM claims WHERE id = ?',
      [id],
    );
    return row ? ((await this.withCitations([row]))[0] ?? null) : null;
  }

  /** Claims by id in the order given, for callers (alerts) that already know which ones they want. */
  async claimsById(ids: string[]): Promise<ClaimAnswer[]> {
    const rows = await this.reader.all<ClaimRow>(
      `SELECT rowid, id, text, entities, sources, stance, hedged, citation_count, newest FROM claims
       WHERE id IN (SELECT value FROM json_each(?))`,
      [json(ids)],
    );
    const answers = new Map((await this.withCitations(rows)).map((a) => [a.id, a]));
    return ids.flatMap((id) => answers.get(id) ?? []);
  }

  async article(id: string): Promise<ArticleDetail | null> {
    const row = await this.reader.get<ArticleRow & { paragraphs: string }>(
      `SELECT a.id, a.file, a.title, a.outlet, a.published, a.language, a.paragraphs,
              (SELECT count(*) FROM citations WHERE article_id = a.id) AS claims
       FROM articles a WHERE a.id = ?`,
      [id],
    );
    return row ? { ...toSummary(row), paragraphs: JSON.parse(row.paragraphs) as string[] } : null;
  }

  async articles(): Promise<ArticleSummary[]> {
    const rows = await this.reader.all<ArticleRow>(
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
      const rows = await this.reader.all<ArticleRow>(
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
    return { people: await top('person'), places: await top('place'), organisations: await top('organisation') };
  }

  async isEmpty(): Promise<boolean> {
    return !(await this.reader.get('SELECT 1 FROM articles LIMIT 1'));
  }

  async close(): Promise<void> {
    if (this.reader !== this.writer) await this.reader.close();
    await this.writer.close();
  }

  private async citationsOf(claimRowids: number[]): Promise<CitationRow[]> {
    if (!claimRowids.length) return [];
    return this.reader.all<CitationRow>(
      `SELECT claim_rowid, article_id, file, title, outlet, published, paragraph, sources FROM (
         SELECT ci.claim_rowid, ci.article_id, a.file, a.title, a.outlet, a.published, ci.paragraph, ci.sources,
                row_number() OVER (PARTITION BY ci.claim_rowid ORDER BY a.published IS NULL, a.published DESC, a.ingested_at, ci.position) AS n
         FROM citations ci JOIN articles a ON a.id = ci.article_id
         WHERE ci.claim_rowid IN (SELECT value FROM json_each(?)))
       WHERE n <= ${CITATIONS_PER_CLAIM}`,
      [json(claimRowids)],
    );
  }

  private async withCitations(rows: ClaimRow[]): Promise<ClaimAnswer[]> {
    const cites = await this.citationsOf(rows.map((r) => r.rowid));
    const byClaim = new Map<number, Citation[]>();
    for (const c of cites) byClaim.set(c.claim_rowid, [...(byClaim.get(c.claim_rowid) ?? []), toCitation(c)]);
    return rows.map((r) => ({
      id: r.id,
      text: r.text,
      sources: JSON.parse(r.sources) as string[],
      stance: r.stance,
      hedged: r.hedged === 1,
      entities: JSON.parse(r.entities) as Entities,
      citations: byClaim.get(r.rowid) ?? [],
    }));
  }
}

export interface ExportedArticle extends Omit<ArticleSummary, 'claims'> {
  claims: Array<{ id: string; text: string; sources: string[]; stance: Stance; hedged: boolean; paragraph: number }>;
}

interface ArticleRow {
  id: string;
  file: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  language: Language;
  claims: number;
}

function toSummary(r: ArticleRow): ArticleSummary {
  return { id: r.id, file: r.file, title: r.title, outlet: r.outlet, published: r.published, language: r.language, claims: r.claims };
}

function toCitation(c: CitationRow): Citation {
  return { article: c.article_id, file: c.file, title: c.title, outlet: c.outlet, published: c.published, paragraph: c.paragraph };
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

function mostFrequent(names: Map<string, number>): string {
  return [...names].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}
