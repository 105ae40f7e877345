/**
 * The bot's benchmark: /claims and /sources commands and inline queries through
 * `bot.handleUpdate`, with a recording API in place of Telegram and updates in flight at once as
 * the runner would have them. Reported per kind: updates/s, p50 and p99 per update, and the ratio
 * to a bare grammY bot that answers every update with a fixed text, measured in the same run.
 *
 *   benchBot(engine)                              from `npm run bench` with its opened engine
 *   node --import tsx bench/bot.ts --db FILE      on its own, against an existing database
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { pino } from 'pino';
import { createBot } from '../src/bot/createBot.ts';
import { botInfoFor } from '../src/bot/local/emulator.ts';
import { openSqliteSessions } from '../src/bot/sessions/sqlite.ts';
import type { Engine } from '../src/engine.ts';
import { openClaimdesk } from '../src/claimdesk.ts';
import { RecordingApi } from '../test/helpers/recordingApi.ts';
import { TOPICS } from './core.ts';
import { percentile, round } from './stats.ts';

export interface Figures {
  updates: number;
  perSecond: number;
  p50: number;
  p99: number;
}

export interface BotBenchResult {
  concurrency: number;
  commands: Figures;
  inline: Figures;
  /** The same on topics asked for the first time, answered without kept answers. */
  first: { commands: Figures; inline: Figures };
  bare: { commands: Figures; inline: Figures };
  /** Our updates/s divided by the bare bot's, per kind. */
  ratio: { commands: number; inline: number };
}

export interface BotBenchOptions {
  commands?: number;
  inline?: number;
  /** Updates in flight at once, as the runner's concurrent sink would hand them out. */
  concurrency?: number;
  print?: (line: string) => void;
}

const botInfo = botInfoFor(9_000_001, 'claimdesk_bench_bot');
const TOKEN = `${botInfo.id}:bench-token-not-real`;
/** Distinct users, so no one trips the flood limits: 20,000 updates are 10 each. */
const USERS = 2000;
const WARM_UP = 200;

function commandUpdates(count: number, firstId: number, topics: readonly string[] = TOPICS): Update[] {
  return Array.from({ length: count }, (_, i) => {
    const user = { id: 1 + (i % USERS), is_bot: false, first_name: 'U', language_code: i % 3 ? 'de' : 'en' };
    const text = `/${i % 2 ? 'sources' : 'claims'} ${topics[i % topics.length]}`;
    return {
      update_id: firstId + i,
      message: {
        message_id: i + 1,
        date: 0,
        chat: { id: user.id, type: 'private', first_name: 'U' },
        from: user,
        text,
        entities: [{ type: 'bot_command', offset: 0, length: text.indexOf(' ') }],
      },
    } as Update;
  });
}

function inlineUpdates(count: number, firstId: number, topics: readonly string[] = TOPICS, empty = true): Update[] {
  return Array.from({ length: count }, (_, i) => ({
    update_id: firstId + i,
    // One query in ten is empty: the latest claims.
    inline_query: { id: String(i), from: { id: 1 + (i % USERS), is_bot: false, first_name: 'U' }, query: i % 10 || !empty ? topics[i % topics.length]! : '', offset: '' },
  }));
}

/**
 * Topics asked for the first time, so no kept answer helps: the corpus's most frequent names, each
 * asked once as a command and once inline, none of them one of TOPICS.
 */
async function firstTopics(engine: Engine): Promise<string[]> {
  const top = await engine.topEntities(1000);
  const names = [...top.people, ...top.places, ...top.organisations].map((e) => e.name);
  const known = new Set(TOPICS.map((t) => t.toLowerCase()));
  return [...new Set(names)].filter((n) => !known.has(n.toLowerCase()));
}

/** Handles the updates with `concurrency` in flight; returns each update's latency (ms) and the wall time (s). */
async function drive(handle: (u: Update) => Promise<void>, updates: Update[], concurrency: number) {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < updates.length) {
        const update = updates[next++]!;
        const t = performance.now();
        await handle(update);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return { updates: updates.length, perSecond: round(updates.length / seconds, 0), p50: round(percentile(latencies, 50), 2), p99: round(percentile(latencies, 99), 2) };
}

function bareBot(api: RecordingApi): Bot {
  const bot = new Bot(TOKEN, { botInfo });
  bot.api.config.use(api.transformer);
  bot.on('message', (ctx) => ctx.reply('ok'));
  bot.on('inline_query', (ctx) => ctx.answerInlineQuery([]));
  return bot;
}

export async function benchBot(engine: Engine, options: BotBenchOptions = {}): Promise<BotBenchResult> {
  const print = options.print ?? console.log;
  const concurrency = options.concurrency ?? 20;
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-bot-bench-'));
  const logger = pino({ level: 'silent' });
  const sessions = await openSqliteSessions(join(dir, 'sessions.sqlite'), { ttlMs: 3_600_000, logger });
  const api = new RecordingApi({ botInfo, methodsOnly: true });
  const { bot } = createBot({
    token: TOKEN,
    policy: { allowedChatIds: [], allowedUserIds: Array.from({ length: USERS }, (_, i) => i + 1), adminUserIds: [] },
    engine,
    logger,
    sessions,
    botInfo,
    // Nothing real is called, so Telegram's outgoing limits would only measure the throttler's queue.
    api: { transformers: [api.transformer], throttle: false },
  });
  const bare = bareBot(new RecordingApi({ botInfo, methodsOnly: true }));
  const commands = commandUpdates(options.commands ?? 10_000, 1);
  const inline = inlineUpdates(options.inline ?? 10_000, 1_000_000);
  try {
    for (const b of [bot, bare] as Bot[]) {
      await drive((u) => b.handleUpdate(u), commandUpdates(WARM_UP, 5_000_000), concurrency);
      await drive((u) => b.handleUpdate(u), inlineUpdates(WARM_UP, 6_000_000), concurrency);
    }
    const ours = {
      commands: await drive((u) => bot.handleUpdate(u), commands, concurrency),
      inline: await drive((u) => bot.handleUpdate(u), inline, concurrency),
    };
    const fresh = await firstTopics(engine);
    const first = {
      commands: await drive((u) => bot.handleUpdate(u), commandUpdates(fresh.length, 2_000_000, fresh), concurrency),
      inline: await drive((u) => bot.handleUpdate(u), inlineUpdates(fresh.length, 3_000_000, fresh, false), concurrency),
    };
    const baseline = {
      commands: await drive((u) => bare.handleUpdate(u), commands, concurrency),
      inline: await drive((u) => bare.handleUpdate(u), inline, concurrency),
    };
    const answered = api.calls.filter((c) => c.method === 'sendMessage' || c.method === 'answerInlineQuery').length;
    if (answered < commands.length + inline.length) throw new Error(`bot bench: only ${answered} of ${commands.length + inline.length} updates were answered`);
    const result: BotBenchResult = {
      concurrency,
      ...ours,
      first,
      bare: baseline,
      ratio: { commands: round(ours.commands.perSecond / baseline.commands.perSecond, 4), inline: round(ours.inline.perSecond / baseline.inline.perSecond, 4) },
    };
    for (const kind of ['commands', 'inline'] as const) {
      const f = result[kind];
      const b = result.bare[kind];
      print(
        `bot ${kind === 'commands' ? '/claims+/sources' : 'inline queries'}: ${f.updates} updates, ${f.perSecond}/s, p50 ${f.p50} ms, p99 ${f.p99} ms (target p99 ≤ 50 ms); ` +
          `bare grammY ${b.perSecond}/s, p50 ${b.p50} ms, p99 ${b.p99} ms; ratio ${result.ratio[kind]}× (${concurrency} in flight)`,
      );
      const n = result.first[kind];
      print(`  … on ${n.updates} topics asked for the first time (no kept answer): ${n.perSecond}/s, p50 ${n.p50} ms, p99 ${n.p99} ms`);
    }
    return result;
  } finally {
    await sessions.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({ options: { db: { type: 'string' }, concurrency: { type: 'string' } } });
  if (!values.db) {
    console.error('usage: node --import tsx bench/bot.ts --db FILE [--concurrency N]');
    process.exit(2);
  }
  const { engine } = await openClaimdesk({ path: values.db });
  await benchBot(engine, values.concurrency ? { concurrency: Number(values.concurrency) } : {});
  await engine.close();
}
