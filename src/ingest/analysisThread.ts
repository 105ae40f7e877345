/**
 * A worker thread for the first half of the analysis: cleaning and claim extraction. A long
 * ingest on one thread was bound by that thread while the second core was half idle. Starting the
 * thread costs about a second (tsx compiles the extractor there again), so only long ingests use it.
 */
import { Worker } from 'node:worker_threads';
import type { AnalysedArticle } from '../core/pipeline.ts';
import type { SourceDocument } from '../core/types.ts';
import type { AnalysisRequest } from './analysisWorker.ts';

type Reply = { id: number; articles: AnalysedArticle[] } | { id: number; error: string };

/**
 * Loads the worker module through tsx, whichever way this process was started: Node 20 does not
 * pass module hooks (`--import tsx`) on to worker threads, so the thread registers its own.
 */
const BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((tsx) => tsx.register())
  .then(() => import(${JSON.stringify(new URL('./analysisWorker.ts', import.meta.url).href)}));`;

/**
 * The thread's heap. The young generation is what Node gives a worker by default too small: with
 * it, extraction ran a third slower there than on the main thread. The claims lexicon (about
 * 20 MB) and a few batches in flight fit in the old generation with room to spare.
 */
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 96 };

/** The thread starts with the first batch it is given: an ingest of files that are all unchanged never needs it. */
export class AnalysisThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve: (a: AnalysedArticle[]) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private failure: Error | null = null;

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      resourceLimits: RESOURCE_LIMITS,
    });
    worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if ('error' in reply) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.articles);
    });
    const fail = (err: Error) => {
      this.failure = err;
      for (const waiting of this.pending.values()) waiting.reject(err);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`analysis thread stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  analyse(docs: SourceDocument[]): Promise<AnalysedArticle[]> {
    if (this.failure) return Promise.reject(this.failure);
    const worker = this.started();
    const id = this.nextId++;
    const request: AnalysisRequest = { id, docs };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage(request);
    });
  }

  /** Stops the thread; analyses still pending are rejected, and later ones too. */
  async close(): Promise<void> {
    this.failure ??= new Error('analysis thread stopped');
    await this.worker?.terminate();
  }
}
