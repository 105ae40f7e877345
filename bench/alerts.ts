/**
 * Issue 4's benchmark.
 *
 * Delivery: 10,000 chats subscribed to one topic and one article with a matching new claim, sent
 * by the production worker over HTTP to a local Bot API that answers 429 + retry_after beyond 30
 * messages in any second. Reported: sustained rate (first to last message), lost, duplicates.
 *
 * Matching: ingest throughput of the 10kGNAD texts into a database with 10,000 subscriptions over
 * 1,000 topics against one with none, both opened the way every process opens it.
 *
 *   benchAlerts({ texts })                                   from `npm run bench`
 *   node --import tsx bench/alerts.ts [--chats N]            on its own
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Api } from 'grammy';
import { pino } from 'pino';
import { planGroups } from '../src/alerts/match.ts';
import { alertStoreFor } from '../src/alerts/store.ts';
import { createAlertWorker } from '../src/alerts/worker.ts';
import { openClaimdesk } from '../src/claimdesk.ts';
import { defaultAnalyzer } from '../src/core/search/analyze.ts';
import type { SourceDocument } from '../src/core/types.ts';
import { FaultyBotApi } from '../test/helpers/faultyBotApi.ts';
import { readGnad } from './corpus.ts';
import { round } from './stats.ts';

const TOKEN = '9000001:alerts-bench-token-not-real';
/** Telegram's global limit for a bot, which the local Bot API enforces. */
const TELEGRAM_PER_SECOND = 30;
const TOPICS = 1000;
const SUBSCRIPTIONS = 10_000;
/** Rounds of the matching comparison, alternating the two sides; the best of each is kept. */
const ROUNDS = 2;
const instant = { digestAt: null, timeZone: null };
const silent = pino({ level: 'silent' });

const ALERT_ARTICLE: SourceDocument = {
  file: 'kursk-alert.txt',
  text: 'Neue Berichte aus der Grenzregion\n\nDer ukrainische Geheimdienst teilte am Sonntag mit, dass in der Region Kursk mehrere nordkoreanische Soldaten desertiert seien.\n\n© watson\n',
};

export interface AlertBenchOptions {
  texts: string[];
  /** Chats subscribed in the delivery run. */
  chats?: number;
  print?: (line: string) => void;
}

export async function benchAlerts(options: AlertBenchOptions): Promise<void> {
  const print = options.print ?? console.log;
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-bench-alerts-'));
  try {
    const delivery = await benchDelivery(join(dir, 'delivery.sqlite'), options.chats ?? SUBSCRIPTIONS);
    print(
      `alert delivery to ${delivery.chats} chats: ${round(delivery.perSecond, 1)} msg/s sustained over ${round(delivery.seconds, 1)} s ` +
        `(target ≥ 28), lost ${delivery.lost}, duplicates ${delivery.duplicates}, 429s ${delivery.rateLimited}`,
    );
    const matching = await benchMatching(dir, options.texts);
    print(
      `ingest with ${SUBSCRIPTIONS} subscriptions over ${TOPICS} topics: ${round(matching.with, 0)} articles/s ` +
        `(${matching.queued} alerts queued, ${round(matching.queued / options.texts.length, 1)} per article) vs none ${round(matching.none, 0)} articles/s; ratio ${round(matching.with / matching.none)}× (target ≥ 0.8×)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchDelivery(path: string, chats: number) {
  const server = await new FaultyBotApi({ perSecond: TELEGRAM_PER_SECOND }).start();
  const claimdesk = await openClaimdesk({ path });
  const { engine } = claimdesk;
  const store = alertStoreFor(engine);
  for (let chat = 1; chat <= chats; chat++) await store.subscribe(chat, 'kursk', instant, 'en');
  const worker = createAlertWorker({ engine, api: new Api(TOKEN, { apiRoot: server.url }), logger: silent, botUsername: 'claimdesk_bench_bot' });
  claimdesk.onAlertsQueued(() => worker.wake());
  worker.start();
  try {
    await engine.ingest(ALERT_ARTICLE);
    // Done when nothing waits any more; the deadline only guards against a hang (what is missing then counts as lost).
    const deadline = Date.now() + (chats / 20 + 60) * 1000;
    const pending = async () => (await engine.reader.get<{ n: number }>(`SELECT count(*) AS n FROM alert_outbox WHERE state = 'pending'`))!.n;
    while ((await pending()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  } finally {
    await worker.stop();
    await server.stop();
    await engine.close();
  }
  const received = server.byChat();
  const times = server.delivered.map((d) => d.at);
  const seconds = (Math.max(...times) - Math.min(...times)) / 1000;
  return {
    chats,
    seconds,
    perSecond: (server.delivered.length - 1) / seconds,
    lost: chats - received.size,
    duplicates: server.delivered.length - received.size,
    rateLimited: server.rateLimited,
  };
}

/**
 * Topics a desk would follow: names and specific terms, i.e. capitalised words the search does
 * not widen with synonyms (a subscription to "Nationen" would also follow "Land" and "Staat"),
 * mentioned by 2 to 30 of the articles, spread evenly over that band.
 */
function pickTopics(texts: string[], count: number): string[] {
  const analyzer = defaultAnalyzer();
  const df = new Map<string, number>();
  for (const text of texts) for (const word of new Set(text.match(/\b\p{Lu}\p{Ll}{4,}\b/gu) ?? [])) df.set(word, (df.get(word) ?? 0) + 1);
  const band = [...df]
    .filter(([word, n]) => n >= 2 && n <= 30 && planGroups(analyzer, word).flat().length <= 2)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (band.length < count) throw new Error(`only ${band.length} topic words in the corpus`);
  return Array.from({ length: count }, (_, i) => band[Math.floor((i * band.length) / count)]![0]);
}

async function benchMatching(dir: string, texts: string[]) {
  const docs: SourceDocument[] = texts.map((text, i) => ({ file: `gnad-${String(i).padStart(4, '0')}.txt`, text }));
  const topics = pickTopics(texts, TOPICS);
  // Both sides start from a copy of a prepared database: migrated, and on one side subscribed.
  const templates = { none: join(dir, 'none.sqlite'), with: join(dir, 'with.sqlite') };
  for (const [side, path] of Object.entries(templates)) {
    const { engine } = await openClaimdesk({ path });
    if (side === 'with') {
      const store = alertStoreFor(engine);
      for (let chat = 1; chat <= SUBSCRIPTIONS; chat++) await store.subscribe(chat, topics[chat % TOPICS]!, instant, 'de');
    }
    await engine.close();
  }
  const best = { none: 0, with: 0 };
  let queued = 0;
  for (let r = 0; r < ROUNDS; r++) {
    for (const side of ['none', 'with'] as const) {
      const path = join(dir, `run-${side}.sqlite`);
      for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
      copyFileSync(templates[side], path);
      const { engine } = await openClaimdesk({ path });
      const start = performance.now();
      for (const doc of docs) await engine.ingest(doc);
      const perSecond = docs.length / ((performance.now() - start) / 1000);
      best[side] = Math.max(best[side], perSecond);
      if (side === 'with') queued = (await engine.reader.get<{ n: number }>('SELECT count(*) AS n FROM alert_outbox'))!.n;
      await engine.close();
    }
  }
  return { ...best, queued };
}

if (import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({ options: { chats: { type: 'string', default: String(SUBSCRIPTIONS) } } });
  await benchAlerts({ texts: readGnad(), chats: Number(values.chats) });
}
