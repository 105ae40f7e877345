import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAnalyzer, toFtsMatch } from '../../src/core/search/analyze.ts';

/** sqlite3 is a native build; without it there is nothing to run these queries on. */
const require = createRequire(import.meta.url);
const hasSqlite = (() => {
  try {
    return existsSync(require.resolve('sqlite3'));
  } catch {
    return false;
  }
})();

type Database = import('sqlite3').Database;

const analyzer = defaultAnalyzer();

const sentences = [
  'Das russische Militär würde nach den Deserteuren suchen.',
  'Kiew wirft Moskau vor, die Fahnenflucht nordkoreanischer Soldaten zu vertuschen.',
  'Ein Bataillon mit 3.000 Männern soll in der russischen Grenzregion Kursk aufgebaut werden.',
  'Laut Geheimdienstmitarbeitern waren Kim Jong Uns Männer in den Oblasten Kursk und Brjansk stationiert.',
  'Selenskyj warnte vor einer Eskalation.',
  'The deserters were caught near the border.',
  'Der ukrainische Militärgeheimdienst berichtete, Pjöngjang habe Truppen geschickt.',
  'Die Strasse nach Charkiw ist gesperrt.',
  'Die Wüste ist groß.',
];

let db: Database;

function all(sql: string, params: unknown[]): Promise<Array<{ rowid: number }>> {
  return new Promise((resolve, reject) => db.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as Array<{ rowid: number }>))));
}

function run(sql: string, params: unknown[] = []): Promise<void> {
  return new Promise((resolve, reject) => db.run(sql, params, (err) => (err ? reject(err) : resolve())));
}

async function search(topic: string): Promise<number[]> {
  const match = toFtsMatch(analyzer.queryPlan(topic));
  if (match === null) return [];
  const rows = await all('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid', [match]);
  return rows.map((r) => r.rowid);
}

describe.skipIf(!hasSqlite)('MATCH expressions on a real FTS5 table', () => {
  beforeAll(async () => {
    const { default: sqlite3 } = await import('sqlite3');
    db = await new Promise<Database>((resolve, reject) => {
      const conn = new sqlite3.Database(':memory:', (err) => (err ? reject(err) : resolve(conn)));
    });
    await run("CREATE VIRTUAL TABLE t USING fts5(terms, tokenize = 'unicode61 remove_diacritics 2')");
    for (const [i, sentence] of sentences.entries()) {
      await run('INSERT INTO t (rowid, terms) VALUES (?, ?)', [i + 1, analyzer.indexTerms(sentence)]);
    }
  });
  afterAll(() => new Promise<void>((resolve) => (db ? db.close(() => resolve()) : resolve())));

  it.each([
    ['desertion', [1, 2, 6]],
    ['Fahnenflucht', [1, 2, 6]],
    ['kursk', [3, 4]],
    ['Region', [3]],
    ['Zelensky', [5]],
    ['Bryansk', [4]],
    ['Kim Jong-un', [4]],
    ['Geheimdienst', [4, 7]],
    ['Pyongyang', [7]],
    ['Straße', [8]],
    ['Kharkiv', [8]],
    ['3000', [3]],
    ['Kursk Brjansk', [4]],
  ] as const)('%s finds rows %j', async (topic, rows) => {
    expect(await search(topic)).toEqual(rows);
  });

  it.each([
    'kursk"',
    'NEAR(',
    'NEAR(kursk brjansk, 2)',
    'OR',
    'kursk OR',
    'AND NOT -x',
    '-x',
    'ü:',
    'terms: kursk',
    '^kursk*',
    '<script>alert("x")</script>',
    '😀',
    '\u0000\u001b[31m kursk \u202e',
    'x'.repeat(5000),
    'Kursk '.repeat(1000),
    '"""',
    "'; DROP TABLE t; --",
    'москва',
    '北朝鮮',
  ])('hostile topic %j runs without error', async (topic) => {
    await expect(search(topic)).resolves.toBeInstanceOf(Array);
  });
});
