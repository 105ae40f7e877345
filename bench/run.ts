/**
 * `npm run bench`: builds the 100,000-article database from 10kGNAD and prints every figure the
 * issues ask for, each against its bare baseline measured in the same run.
 *
 *   npm run bench [-- --articles N] [--chats N] [--only core|bot|alerts]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { benchAlerts } from './alerts.ts';
import { benchBareIngest, benchIngest, benchQueries } from './core.ts';
import { GNAD_CSV, readGnad, repeatedCorpus } from './corpus.ts';
import { openClaimdesk } from '../src/claimdesk.ts';
import { peakRssMb, round } from './stats.ts';

/** The V8 heap flags of `npm start`, so the bot benchmark runs with the settings the bot runs with. */
function botHeapFlags(): string[] {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
  return pkg.scripts.start.split(/\s+/).filter((arg) => /^--max-(?:old|semi)-space-size=\d+$/.test(arg));
}

const { values } = parseArgs({
  options: { articles: { type: 'string', default: '100000' }, chats: { type: 'string', default: '10000' }, only: { type: 'string' } },
});
const total = Number(values.articles);
const parts = values.only ? [values.only] : ['core', 'bot', 'alerts'];
if (!parts.every((p) => p === 'core' || p === 'bot' || p === 'alerts')) {
  console.error('bench: --only takes core, bot or alerts');
  process.exit(2);
}
if (!existsSync(GNAD_CSV)) {
  console.error(`bench: ${GNAD_CSV} is missing (../shared beside the project is needed)`);
  process.exit(2);
}
const work = fileURLToPath(new URL('./.work/', import.meta.url));
mkdirSync(work, { recursive: true });
const texts = readGnad();
const docs = () => repeatedCorpus(texts, total);

if (parts.includes('core')) {
  console.log(`corpus: ${texts.length} 10kGNAD articles repeated to ${total}`);
  const bare = await benchBareIngest(docs, `${work}bare.sqlite`);
  console.log(`bare FTS5 insert: ${round(bare.perSecond, 0)} articles/s (${round(bare.seconds, 1)} s)`);
  const ours = await benchIngest(docs, `${work}claimdesk.sqlite`);
  console.log(
    `claimdesk ingest: ${round(ours.perSecond, 0)} articles/s (${round(ours.seconds, 1)} s, ${ours.citations} citations); ratio to bare ${round(ours.perSecond / bare.perSecond)}× (target ≥ 0.3×)`,
  );
  const queries = await benchQueries(ours.engine, bare.db);
  console.log(`bare bm25 top-20: p50 ${queries.bare.p50} ms, p99 ${queries.bare.p99} ms`);
  for (const kind of ['claims', 'sources'] as const) {
    const q = queries[kind];
    console.log(`${kind}: p50 ${q.p50} ms, p99 ${q.p99} ms; ratio to bare p50 ${q.p50Ratio}×, p99 ${q.p99Ratio}× (targets p50 ≤ 5 ms, p99 ≤ 30 ms, ≤ 3×)`);
  }
  console.log(`peak RSS after core: ${peakRssMb()} MB (target ≤ 400 MB)`);
  await bare.db.close();
  await ours.engine.close();
}

if (parts.includes('bot')) {
  // On the database the core part built (or an earlier run left).
  const { engine } = await openClaimdesk({ path: `${work}claimdesk.sqlite` });
  const empty = await engine.isEmpty();
  await engine.close();
  if (empty) {
    console.error('bench: the bot part needs the core part first (run without --only, or with --only core)');
    process.exit(2);
  }
  // The bot is measured as `npm start` runs it: in a process of its own, with its heap settings.
  const bot = spawnSync(process.execPath, [...botHeapFlags(), '--import', 'tsx', fileURLToPath(new URL('./bot.ts', import.meta.url)), '--db', `${work}claimdesk.sqlite`], {
    stdio: 'inherit',
  });
  if (bot.status !== 0) process.exit(bot.status ?? 1);
}

if (parts.includes('alerts')) await benchAlerts({ texts, chats: Number(values.chats) });
