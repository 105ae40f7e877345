/**
 * `claimdesk` on the command line: ingest, claims, sources, articles, export, alerts. Output is
 * text for a person, or with --json the public JSON contract documented in README.md. The
 * database is opened through `openClaimdesk`, so an ingest here queues its alerts for the bot.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { config as loadDotenv } from 'dotenv';
import { printAlerts } from '../alerts/cli.ts';
import { openClaimdesk } from '../claimdesk.ts';
import { ingestPaths, type IngestWarning } from '../ingest/files.ts';
import type { SqliteEngine } from '../store/engine.ts';
import { defaultDbPath } from '../store/paths.ts';
import { formatArticles, formatClaims, formatIngestSummary, formatSources } from './format.ts';
import { cleanTopic } from '../core/topic.ts';

const USAGE = `usage: claimdesk <command> [options]
  ingest PATH…      add .txt files or folders of them
  claims TOPIC      claims on a topic, best first
  sources TOPIC     who is cited on a topic
  articles          the ingested articles
  export            every article with its claims, as JSON Lines
  alerts            alert subscriptions and the outbox: waiting, sent, failed
  alerts --failed   alerts given up on (dead letters), newest first, with the reason
options: --db FILE (default $DB_PATH or data/claimdesk.sqlite), --limit N (1-200, default 20), --json, --help`;

class UsageError extends Error {}

interface Options {
  db: string;
  json: boolean;
  limit: number;
}

const COMMANDS = 'ingest, claims, sources, articles, export or alerts';

async function open(opts: Options): Promise<SqliteEngine> {
  return (await openClaimdesk({ path: opts.db })).engine;
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
      failed: { type: 'boolean', default: false },
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
  if (values.failed && command !== 'alerts') throw new UsageError('--failed goes with the alerts command');

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
    case 'alerts':
      if (rest.length) throw new UsageError('alerts takes no arguments besides --failed');
      return alerts(values.failed, opts);
    case undefined:
      throw new UsageError(`a command is needed: ${COMMANDS}`);
    default:
      throw new UsageError(`unknown command '${command}': use ${COMMANDS}`);
  }
}

async function ingest(paths: string[], opts: Options): Promise<number> {
  const engine = await open(opts);
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
  const engine = await open(opts);
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
  const engine = await open(opts);
  try {
    const list = await engine.articles();
    console.log(opts.json ? JSON.stringify({ articles: list }) : formatArticles(list));
    return 0;
  } finally {
    await engine.close();
  }
}

async function exportAll(opts: Options): Promise<number> {
  const engine = await open(opts);
  try {
    for await (const article of engine.exportArticles()) {
      if (!process.stdout.write(`${JSON.stringify(article)}\n`)) await new Promise((r) => process.stdout.once('drain', r));
    }
    return 0;
  } finally {
    await engine.close();
  }
}

async function alerts(failed: boolean, opts: Options): Promise<number> {
  const engine = await open(opts);
  try {
    await printAlerts(engine, { failed, json: opts.json, limit: opts.limit });
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
