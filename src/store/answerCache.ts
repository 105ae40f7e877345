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
 *
 * An answer is kept from its second asking on. Most keys are asked once (a topic typed inline
 * letter by letter, a name looked up a single time); kept, each of their pages would pass through
 * the old generation on its way out, and a stream of them filled it every second or so, each full
 * collection stalling every question in flight. Repeated questions, the ones worth keeping, are
 * kept on their second asking.
 */

export class AnswerCache {
  /** Each answer's text, least recently used first (a Map keeps insertion order). */
  private readonly entries = new Map<string, Promise<string>>();
  /** Keys asked once under this version, oldest first: the next asking of one keeps its answer. */
  private readonly askedOnce = new Set<string>();
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
      this.askedOnce.clear();
      this.version = version;
    }
    let text = this.entries.get(key);
    if (text) {
      this.entries.delete(key);
      this.entries.set(key, text);
    } else {
      const keep = this.askedOnce.delete(key);
      if (!keep) this.rememberAsked(key);
      const computing = compute();
      text = computing;
      // Held while it is computed, so concurrent askers share it; kept afterwards only when asked before.
      this.entries.set(key, computing);
      const drop = () => {
        if (this.entries.get(key) === computing) this.entries.delete(key);
      };
      computing.then(keep ? undefined : drop, drop);
      // A key asked once is held only while computed: it does not push a kept answer out.
      if (keep && this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    }
    return decode(await text);
  }

  private rememberAsked(key: string): void {
    this.askedOnce.add(key);
    // Keys are small; four per kept answer reach back far enough to see a question come again.
    if (this.askedOnce.size > 4 * this.capacity) this.askedOnce.delete(this.askedOnce.values().next().value!);
  }

  /** `get` for an answer computed as a value: kept as its JSON, which must give the value back unchanged. */
  getJson<T>(key: string, compute: () => Promise<T>): Promise<T> {
    return this.get(key, async () => JSON.stringify(await compute()), (text) => JSON.parse(text) as T);
  }
}
