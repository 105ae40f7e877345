/**
 * The one way every process opens the database: the engine with the alerts' schema and their
 * ingest hook. The bot, `claimdesk ingest`, the alert worker and the benchmark all come through
 * here, so an ingest anywhere writes its alerts to the outbox in the same transaction as its claims.
 */
import { alertIngestHook } from './alerts/match.ts';
import { alertMigrations } from './alerts/schema.ts';
import type { Analyzer } from './core/search/analyze.ts';
import { openEngine, type SqliteEngine } from './store/engine.ts';

export interface ClaimdeskOptions {
  path: string;
  analyzer?: Analyzer;
  /** See EngineOptions.keptAnswers. */
  keptAnswers?: number;
}

export interface Claimdesk {
  engine: SqliteEngine;
  /**
   * Calls `listener` whenever an ingest in this process queued alerts (still inside its
   * transaction), so a delivery worker here can look at once instead of at its next poll.
   * Returns a function that removes the listener.
   */
  onAlertsQueued(listener: () => void): () => void;
}

export async function openClaimdesk(options: ClaimdeskOptions): Promise<Claimdesk> {
  const listeners = new Set<() => void>();
  const engine = await openEngine({
    path: options.path,
    ...(options.analyzer ? { analyzer: options.analyzer } : {}),
    ...(options.keptAnswers !== undefined ? { keptAnswers: options.keptAnswers } : {}),
    migrations: alertMigrations,
    onIngest: alertIngestHook({ onQueued: () => listeners.forEach((listener) => listener()) }),
  });
  return {
    engine,
    onAlertsQueued(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
