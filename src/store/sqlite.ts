/**
 * A small promise layer over node-sqlite3. One `SqliteDb` is one connection; the engine keeps a
 * writer and a reader so that readers never see a transaction in progress (WAL lets them run
 * side by side).
 */
import sqlite3 from 'sqlite3';

export type SqlValue = string | number | bigint | null | Buffer;
export type Row = object;

/** Distinct statements kept prepared per connection; ours are a few dozen. */
const STATEMENT_CACHE = 200;

export class SqliteDb {
  /** Statements sent and not yet answered, so a caller can pick the least busy connection. */
  private running = 0;
  private queue: Promise<unknown> = Promise.resolve();
  /** The statement last sent; the next one waits for it (see `inTurn`). */
  private previous: Promise<unknown> = Promise.resolve();
  /** Prepared statements by SQL: preparing costs more than running most of ours. */
  private readonly statements = new Map<string, Promise<sqlite3.Statement>>();

  private constructor(private readonly db: sqlite3.Database) {}

  static open(path: string, mode = sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE): Promise<SqliteDb> {
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(path, mode, (err) => (err ? reject(err) : resolve(new SqliteDb(db))));
    });
  }

  private statement(sql: string): Promise<sqlite3.Statement> {
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size >= STATEMENT_CACHE) this.evictOldest();
      statement = new Promise((resolve, reject) => {
        const prepared: sqlite3.Statement = this.db.prepare(sql, (err) => {
          if (!err) return resolve(prepared);
          // A statement that fails to prepare (bad SQL, missing table) must not stay cached.
          this.statements.delete(sql);
          reject(err);
        });
      });
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private evictOldest(): void {
    const [sql, statement] = this.statements.entries().next().value as [string, Promise<sqlite3.Statement>];
    this.statements.delete(sql);
    statement.then((s) => s.finalize(), () => undefined);
  }

  get busy(): number {
    return this.running;
  }

  /**
   * Sends one statement at a time. node-sqlite3 hands every statement to libuv's thread pool at
   * once, where all but one per connection block on the connection's lock: a few queries on two
   * connections then hold every thread of the pool, and the other connections' queries wait.
   */
  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    this.running++;
    const result = this.previous.then(work);
    this.previous = result.catch(() => undefined);
    return result.finally(() => this.running--);
  }

  run(sql: string, params: SqlValue[] = []): Promise<{ changes: number; lastID: number }> {
    return this.inTurn(async () => {
      const statement = await this.statement(sql);
      return new Promise((resolve, reject) => {
        statement.run(params, function (err) {
          if (err) reject(err);
          else resolve({ changes: this.changes, lastID: this.lastID });
        });
      });
    });
  }

  /** The first row. Read through `all`, which runs the statement to its end: a half-read statement would hold its lock. */
  async get<T extends Row = Row>(sql: string, params: SqlValue[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  all<T extends Row = Row>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    return this.inTurn(async () => {
      const statement = await this.statement(sql);
      return new Promise<T[]>((resolve, reject) => {
        statement.all(params, (err, rows) => (err ? reject(err) : resolve(rows as T[])));
      });
    });
  }

  exec(sql: string): Promise<void> {
    return this.inTurn(() => new Promise<void>((resolve, reject) => this.db.exec(sql, (err) => (err ? reject(err) : resolve()))));
  }

  /**
   * Runs `work` inside BEGIN IMMEDIATE … COMMIT, rolled back on any error. Transactions on one
   * connection are queued: two interleaved async transactions would otherwise share one BEGIN.
   */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      await this.exec('BEGIN IMMEDIATE');
      try {
        const result = await work();
        await this.exec('COMMIT');
        return result;
      } catch (err) {
        await this.exec('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Waits until every queued transaction has finished, so closing never cuts one short. */
  async close(): Promise<void> {
    await this.queue;
    await this.previous;
    const prepared = await Promise.allSettled(this.statements.values());
    await Promise.all(prepared.map((p) => (p.status === 'fulfilled' ? new Promise<void>((resolve) => p.value.finalize(() => resolve())) : undefined)));
    this.statements.clear();
    await new Promise<void>((resolve, reject) => this.db.close((err) => (err ? reject(err) : resolve())));
  }
}
