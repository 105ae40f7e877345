/**
 * From an ingest to the outbox, inside the ingest's own transaction: new claims are matched to
 * subscriptions and queued per chat; known claims cited by a new outlet queue one follow-up for
 * the chats that were alerted. Either everything commits with the claims or nothing does.
 */
import type { PreparedArticle } from '../core/pipeline.ts';
import type { Analyzer } from '../core/search/analyze.ts';
import type { IngestHook } from '../store/engine.ts';
import type { SqliteDb } from '../store/sqlite.ts';
import { BATCH_WINDOW_MS } from './outbox.ts';
import { nextLocalTime } from './time.ts';

/** A topic's query plan: groups of alternatives, each a term or a phrase of terms separated by spaces. */
export type PlanGroups = string[][];

const json = (value: unknown) => JSON.stringify(value);

/** The plan `/claims` searches with, as plain groups. */
export function planGroups(analyzer: Analyzer, topic: string): PlanGroups {
  return analyzer
    .queryPlan(topic)
    .groups.map((g) => g.terms.map((t) => t.trim().replace(/\s+/g, ' ')).filter(Boolean))
    .filter((g) => g.length > 0);
}

/**
 * The FTS5 MATCH of `toFtsMatch` evaluated on one claim's index terms: every group needs one
 * alternative, a phrase as consecutive terms. `indexed` is the terms string padded with spaces.
 */
export function planMatches(groups: PlanGroups, indexed: string): boolean {
  return groups.every((g) => g.some((alt) => indexed.includes(` ${alt} `)));
}

/** The term a plan alternative is indexed under: a phrase under its longest word, which every match contains. */
export function anchorTerm(alternative: string): string {
  return alternative.split(' ').reduce((a, b) => (b.length > a.length ? b : a));
}

export interface AlertHookOptions {
  /** Called (still inside the transaction) when alerts were queued: wakes this process's worker. */
  onQueued?: () => void;
}

/** The `onIngest` hook to open the engine with, in every process that ingests. */
export function alertIngestHook(options: AlertHookOptions = {}): IngestHook {
  return async (db, result, article) => {
    const now = Date.now();
    const queued = (await queueNewClaims(db, result.newClaims, article, now)) + (await queueFollowups(db, result.corroborated, article, now));
    if (queued) options.onQueued?.();
  };
}

type Candidate = {
  id: number;
  chat_id: number;
  topic: string;
  plan: string;
  digest_at: number | null;
  time_zone: string;
};

/**
 * Each new claim meets only the subscriptions indexed under one of its own terms (a look-up in
 * `alert_terms`), and only those are checked against their full plan: the cost follows the
 * matches, not the number of subscriptions.
 */
async function queueNewClaims(db: SqliteDb, newClaims: string[], article: PreparedArticle, now: number): Promise<number> {
  if (!newClaims.length) return 0;
  const ids = new Set(newClaims);
  const claims = new Map(article.claims.filter((c) => ids.has(c.id)).map((c) => [c.id, ` ${c.terms.trim().replace(/\s+/g, ' ')} `]));
  const terms = new Set([...claims.values()].flatMap((t) => t.trim().split(' ')));
  const hits = await db.all<Candidate & { term: string }>(
    `SELECT t.term, s.id, s.chat_id, s.topic, s.plan, s.digest_at, c.time_zone
     FROM alert_terms t JOIN alert_subscriptions s ON s.id = t.subscription_id JOIN alert_chats c ON c.chat_id = s.chat_id
     WHERE t.term IN (SELECT value FROM json_each(?)) AND c.paused_reason IS NULL`,
    [json([...terms])],
  );
  if (!hits.length) return 0;
  const byTerm = new Map<string, Candidate[]>();
  for (const hit of hits) byTerm.set(hit.term, [...(byTerm.get(hit.term) ?? []), hit]);
  const plans = new Map<string, PlanGroups>();
  const rows: unknown[][] = [];
  for (const [claimId, indexed] of claims) {
    // Many chats follow the same topic: its plan is checked once per claim.
    const verdicts = new Map<string, boolean>();
    const matches = (plan: string) => {
      let verdict = verdicts.get(plan);
      if (verdict === undefined) {
        if (!plans.has(plan)) plans.set(plan, JSON.parse(plan) as PlanGroups);
        verdicts.set(plan, (verdict = planMatches(plans.get(plan)!, indexed)));
      }
      return verdict;
    };
    const byChat = new Map<number, Candidate[]>();
    const seen = new Set<number>();
    for (const term of new Set(indexed.trim().split(' '))) {
      for (const sub of byTerm.get(term) ?? []) {
        if (seen.has(sub.id)) continue;
        seen.add(sub.id);
        if (matches(sub.plan)) byChat.set(sub.chat_id, [...(byChat.get(sub.chat_id) ?? []), sub]);
      }
    }
    for (const [chatId, subs] of byChat) {
      const { sub, due } = schedule(subs, now);
      rows.push([chatId, sub.id, claimId, json(subs.map((s) => s.topic)), sub.digest_at === null ? 0 : 1, due]);
    }
  }
  return insertRows(db, 'claim', rows, null, now);
}

/** An instant subscription wins (alert now); otherwise the digest that comes first. */
function schedule(subs: Candidate[], now: number): { sub: Candidate; due: number } {
  const instant = subs.find((s) => s.digest_at === null);
  if (instant) return { sub: instant, due: now + BATCH_WINDOW_MS };
  return subs
    .map((sub) => ({ sub, due: nextLocalTime(now, sub.digest_at!, sub.time_zone) }))
    .reduce((a, b) => (b.due < a.due ? b : a));
}

/**
 * "Also reported by": only for chats already sent the claim, only when the article names its
 * outlet and that outlet had not cited the claim before, and at most once per chat and claim.
 */
async function queueFollowups(db: SqliteDb, corroborated: string[], article: PreparedArticle, now: number): Promise<number> {
  if (!corroborated.length || !article.outlet) return 0;
  const outlet = article.outlet.toLowerCase();
  const citedBefore = await db.all<{ id: string }>(
    `SELECT DISTINCT c.id FROM claims c JOIN citations ci ON ci.claim_rowid = c.rowid JOIN articles a ON a.id = ci.article_id
     WHERE c.id IN (SELECT value FROM json_each(?)) AND a.id <> ? AND lower(a.outlet) = ?`,
    [json(corroborated), article.id, outlet],
  );
  const skip = new Set(citedBefore.map((r) => r.id));
  const claimIds = corroborated.filter((id) => !skip.has(id));
  if (!claimIds.length) return 0;
  const alerted = await db.all<{ chat_id: number; claim_id: string; subscription_id: number; topics: string; digest_at: number | null; time_zone: string }>(
    `SELECT o.chat_id, o.claim_id, o.subscription_id, o.topics, s.digest_at, c.time_zone
     FROM alert_outbox o JOIN alert_subscriptions s ON s.id = o.subscription_id JOIN alert_chats c ON c.chat_id = o.chat_id
     WHERE o.claim_id IN (SELECT value FROM json_each(?)) AND o.kind = 'claim' AND o.state = 'sent' AND c.paused_reason IS NULL`,
    [json(claimIds)],
  );
  const rows = alerted.map((r) => [
    r.chat_id,
    r.subscription_id,
    r.claim_id,
    r.topics,
    r.digest_at === null ? 0 : 1,
    r.digest_at === null ? now + BATCH_WINDOW_MS : nextLocalTime(now, r.digest_at, r.time_zone),
  ]);
  return insertRows(db, 'followup', rows, article.outlet, now);
}

/** Rows as [chat, subscription, claim, topics, digest, due]; a chat already queued for the claim keeps its row. */
async function insertRows(db: SqliteDb, kind: 'claim' | 'followup', rows: unknown[][], outlet: string | null, now: number): Promise<number> {
  if (!rows.length) return 0;
  const { changes } = await db.run(
    `INSERT OR IGNORE INTO alert_outbox (chat_id, subscription_id, claim_id, kind, topics, outlet, digest, created_at, due_at)
     SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), ?, json_extract(value, '$[3]'), ?,
            json_extract(value, '$[4]'), ?, json_extract(value, '$[5]')
     FROM json_each(?)`,
    [kind, outlet, now, json(rows)],
  );
  return changes;
}
