/**
 * `claimdesk` on the command line: ingest, claims, sources, articles, export. Output is text for
 * a person, or with --json the public JSON contract documented in README.md.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { config as loadDotenv } from 'dotenv';
import { ingestPaths, type IngestWarning } from '../ingest/files.ts';
import { openEngine } from '../store/engine.ts';
import { defaultDbPath } from '../store/paths.ts';
import { formatArticles, formatClaims, formatIngestSummary, formatSources } from './format.ts';
import { cleanTopic } from '../core/topic.ts';

const USAGE = `usage: claimdesk <command> [options]
  ingest PATH…      add .txt files or folders of them
  claims TOPIC      claims on a topic, best first
  sources TOPIC     who is cited on a topic
  articles          the ingested articles
  export            every article with its claims, as JSON Lines
options: --db FILE (default $DB_PATH or data/claimdesk.sqlite), --limit N (1-200, default 20), --json, --help`;

class UsageError extends Error {}

interface Options {
  db: string;
  json: boolean;
  limit: number;
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
      limit: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [command, ...rest] = positionals;
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new UsageError('--limit must be a whole number from 1 to 200');
  if (values.db === '') throw new UsageError('--db needs a file name');
  const opts: Options = { db: resolve(values.db ?? process.env.DB_PATH ?? defaultDbPath()), json: values.json, limit };

  switch (command) {
    case 'ingest':
      if (!rest.length) throw new UsageError('ingest needs at least one PATH');
      return ingest(rest, opts);
    case 'claims':
    case 'sources': {
      const topic = cleanTopic(rest.join(' '));
      if (!topic) throw new UsageError(`${command} needs a TOPIC, e.g. claimdesk ${command} kursk`);
      return query(command, topic, opts);
    }
    case 'articles':
    case 'export':
      if (rest.length) throw new UsageError(`${command} takes no arguments`);
      return command === 'articles' ? articles(opts) : exportAll(opts);
    case undefined:
      throw new UsageError('a command is needed: ingest, claims, sources, articles or export');
    default:
      throw new UsageError(`unknown command '${command}': use ingest, claims, sources, articles or export`);
  }
}

async function ingest(paths: string[], opts: Options): Promise<number> {
  const engine = await openEngine({ path: opts.db });
  const showBar = !opts.json && process.stderr.isTTY;
  const bar = showBar ? new SingleBar({ format: 'ingesting {bar} {value}/{total} files', stream: process.stderr, hideCursor: true }) : null;
  const warnings: IngestWarning[] = [];
  try {
    const summary = await ingestPaths(engine, paths.map((p) => resolve(p)), {
      onWarning: (w) => {
        warnings.push(w);
        if (!bar) console.error(`warning: skipped ${w.path}: ${w.reason}`);
      },
      onProgress: (done, total) => {
        if (!bar) return;
        if (done === 0) bar.start(total, 0);
        else bar.update(done);
      },
    });
    bar?.stop();
    if (bar) for (const w of warnings) console.error(`warning: skipped ${w.path}: ${w.reason}`);
    if (opts.json) {
      const articles = summary.results.map(({ id, file, title, outlet, published, language, status, claims }) => ({
        id, file, title, outlet, published, language, status, claims,
      }));
      console.log(JSON.stringify({ articles, warnings: summary.warnings }));
    } else console.log(formatIngestSummary(summary));
    return 0;
  } finally {
    bar?.stop();
    await engine.close();
  }
}

async function query(command: 'claims' | 'sources', topic: string, opts: Options): Promise<number> {
  const engine = await openEngine({ path: opts.db });
  try {
    if (command === 'claims') {
      const page = await engine.claims(topic, { limit: opts.limit });
      console.log(opts.json ? JSON.stringify({ topic, total: page.total, claims: page.items }) : formatClaims(topic, page.items, page.total));
    } else {
      const page = await engine.sources(topic, { limit: opts.limit });
      console.log(opts.json ? JSON.stringify({ topic, total: page.total, sources: page.items }) : formatSources(topic, page.items, page.total));
    }
    return 0;
  } finally {
    await engine.close();
  }
}

async function articles(opts: Options): Promise<number> {
  const engine = await openEngine({ path: opts.db });
  try {
    const list = await engine.articles();
    console.log(opts.json ? JSON.stringify({ articles: list }) : formatArticles(list));
    return 0;
  } finally {
    await engine.close();
  }
}

async function exportAll(opts: Options): Promise<number> {
  const engine = await openEngine({ path: opts.db });
  try {
    for await (const article of engine.exportArticles()) {
      if (!process.stdout.write(`${JSON.stringify(article)}\n`)) await new Promise((r) => process.stdout.once('drain', r));
    }
    return 0;
  } finally {
    await engine.close();
  }
}

loadDotenv({ quiet: true });
run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const usage = err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    console.error(`claimdesk: ${(err as Error).message}`);
    if (usage) console.error("run 'claimdesk --help' for usage");
    process.exitCode = usage ? 2 : 1;
  },
);
