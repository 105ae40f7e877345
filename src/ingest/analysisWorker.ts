/**
 * Body of the analysis thread: cleans articles and extracts their claims for the ingest's main
 * thread, which meanwhile indexes and writes the batch before. Only the claims lexicon is loaded
 * here; the search lexicon stays with the engine.
 */
import { parentPort } from 'node:worker_threads';
import { analyseDocument } from '../core/pipeline.ts';
import type { SourceDocument } from '../core/types.ts';

export interface AnalysisRequest {
  id: number;
  docs: SourceDocument[];
}

parentPort!.on('message', ({ id, docs }: AnalysisRequest) => {
  try {
    parentPort!.postMessage({ id, articles: docs.map(analyseDocument) });
  } catch (err) {
    parentPort!.postMessage({ id, error: (err as Error).message });
  }
});
