/**
 * Answers kept until the corpus changes. A newsroom asks about the same few topics all day (each
 * reporter, every page button, inline mode re-asking as Telegram does), and the answers change
 * only when articles are ingested. Each lookup first reads the corpus version, which every ingest
 * raises in its own transaction, so an answer is never older than the corpus a caller could see,
 * even when another process (`claimdesk ingest`) wrote it.
 *
 * Answers are kept as text and each caller gets its own copy, decoded from it. A page of claims is
 * thousands of small objects; kept as objects, every answer outlived the young generation and the
 * old one filled with them, and its collections paused every question in flight. A text is one
 * object, and a copy nobody else holds needs no freezing. The text is what the query returned
 * where it can be (SQLite builds a page of claims as JSON), so a first answer is not encoded again.
 */

export class AnswerCache {
  /** Each answer's text, least recently used first (a Map keeps insertion order). */
  private readonly entries = new Map<string, Promise<string>>();
  private version: string | null = null;

  constructor(
    /** The corpus version as a reader sees it now. */
    private readonly currentVersion: () => Promise<string>,
    /** Answers kept (0: none): a page of inline results is tens of kilobytes. */
    private readonly capacity: number,
  ) {}

  /**
   * The answer for `key`: `compute` gives its text, at most once per corpus version, and `decode`
   * makes each caller's copy of it. A computation begins only after the version was read, so what
   * it sees is at least as new as the version it is kept under. Concurrent askers of one key share
   * one computation; a failed one is not kept.
   */
  async get<T>(key: string, compute: () => Promise<string>, decode: (text: string) => T): Promise<T> {
    // Keeping nothing needs no version: the answer is computed for this caller alone.
    if (this.capacity === 0) return decode(await compute());
    const version = await this.currentVersion();
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    let text = this.entries.get(key);
    if (text) {
      this.entries.delete(key);
      this.entries.set(key, text);
    } else {
      const computing = compute();
      text = computing;
      this.entries.set(key, computing);
      computing.catch(() => {
        if (this.entries.get(key) === computing) this.entries.delete(key);
      });
      if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    }
    return decode(await text);
  }

  /** `get` for an answer computed as a value: kept as its JSON, which must give the value back unchanged. */
  getJson<T>(key: string, compute: () => Promise<T>): Promise<T> {
    return this.get(key, async () => JSON.stringify(await compute()), (text) => JSON.parse(text) as T);
  }
}
