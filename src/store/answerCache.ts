/**
 * Answers kept until the corpus changes. A newsroom asks about the same few topics all day (each
 * reporter, every page button, inline mode re-asking as Telegram does), and the answers change
 * only when articles are ingested. Each lookup first reads the corpus version, which every ingest
 * raises in its own transaction, so an answer is never older than the corpus a caller could see,
 * even when another process (`claimdesk ingest`) wrote it.
 */

/** Makes an answer read-only: every caller shares the one object. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

export class AnswerCache {
  /** Least recently used first (a Map keeps insertion order). */
  private readonly entries = new Map<string, Promise<unknown>>();
  private version: string | null = null;

  constructor(
    /** The corpus version as a reader sees it now. */
    private readonly currentVersion: () => Promise<string>,
    /** Answers kept (0: none): a page of inline results is tens of kilobytes. */
    private readonly capacity: number,
  ) {}

  /**
   * The answer for `key`, computed at most once per corpus version. A computation begins only after
   * the version was read, so what it sees is at least as new as the version it is kept under.
   * Concurrent askers of one key share one computation; a failed one is not kept.
   */
  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    // Keeping nothing needs no version: the answer is computed, and shared read-only as always.
    if (this.capacity === 0) return compute().then(deepFreeze);
    const version = await this.currentVersion();
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const kept = this.entries.get(key);
    if (kept) {
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept as Promise<T>;
    }
    const answer = compute().then(deepFreeze);
    this.entries.set(key, answer);
    answer.catch(() => {
      if (this.entries.get(key) === answer) this.entries.delete(key);
    });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return answer;
  }
}
