/**
 * What bot tests share: the real engine on a temporary database loaded with the demo articles,
 * a quiet logger that can be inspected, fixed users and chats, update builders, and `makeBot`,
 * which builds the production bot over a recording API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Chat, Message, Update, User } from 'grammy/types';
import { pino, type Logger } from 'pino';
import { type BotDeps, createBot } from '../../src/bot/createBot.ts';
import { openSqliteSessions } from '../../src/bot/sessions/sqlite.ts';
import type { Engine } from '../../src/engine.ts';
import { ingestPaths } from '../../src/ingest/files.ts';
import { openEngine, type SqliteEngine } from '../../src/store/engine.ts';
import { BotApiValidator } from './botApiValidator.ts';
import { RecordingApi, type RecordingOptions } from './recordingApi.ts';
import { botInfoFor } from '../../src/bot/local/emulator.ts';

export const seedDir = join(import.meta.dirname, '../../data/articles');

export const botInfo = botInfoFor(4242, 'claimdesk_test_bot');

export const editor: User = { id: 100, is_bot: false, first_name: 'Ed', language_code: 'en' };
export const redakteurin: User = { id: 101, is_bot: false, first_name: 'Rita', language_code: 'de' };
export const member: User = { id: 102, is_bot: false, first_name: 'Mia', language_code: 'en' };
export const stranger: User = { id: 666, is_bot: false, first_name: 'Stan', language_code: 'en' };
export const admin: User = { id: 1, is_bot: false, first_name: 'Ada', language_code: 'en' };

export const newsroom: Chat.SupergroupChat = { id: -1001234, type: 'supergroup', title: 'Newsroom' };
export const otherGroup: Chat.SupergroupChat = { id: -1009999, type: 'supergroup', title: 'Elsewhere' };
export const privateOf = (u: User): Chat.PrivateChat => ({ id: u.id, type: 'private', first_name: u.first_name });

export const policy = { allowedChatIds: [newsroom.id], allowedUserIds: [editor.id, redakteurin.id], adminUserIds: [admin.id] };

export async function openSeededEngine(): Promise<{ engine: SqliteEngine; dir: string; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-bot-'));
  const engine = await openEngine({ path: join(dir, 'corpus.sqlite') });
  await ingestPaths(engine, [seedDir]);
  return {
    engine,
    dir,
    close: async () => {
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A pino logger writing JSON lines into an array, so tests can assert on what was logged. */
export function memoryLogger(level: 'debug' | 'info' | 'warn' = 'debug'): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level }, stream), lines };
}

let validator: BotApiValidator | undefined;
export const specValidator = () => (validator ??= BotApiValidator.load());

export interface TestBot {
  bot: ReturnType<typeof createBot>['bot'];
  kit: ReturnType<typeof createBot>;
  api: RecordingApi;
  logs: Array<Record<string, unknown>>;
  /** Feeds one update; returns the calls it caused. */
  send(update: Omit<Update, 'update_id'> & { update_id?: number }): Promise<RecordingApi['calls']>;
  close(): Promise<void>;
}

let updateId = 1;

export async function makeBot(engine: Engine, opts: { deps?: Partial<BotDeps>; recording?: RecordingOptions; sessionsPath?: string } = {}): Promise<TestBot> {
  const { logger, lines } = memoryLogger();
  const api = new RecordingApi({ validator: specValidator(), botInfo, ...opts.recording });
  const sessions = await openSqliteSessions(opts.sessionsPath ?? ':memory:', { ttlMs: 3_600_000, logger });
  const kit = createBot({
    token: '4242:test-token-not-real-aaaaaaaaaaaaaaa',
    policy,
    engine,
    logger,
    sessions,
    botInfo,
    api: { transformers: [api.transformer], throttle: false },
    // Tests send many updates from one user; the flood limits have a test of their own.
    flood: { messages: 1000, inline: 1000, windowMs: 10_000 },
    ...opts.deps,
  });
  return {
    bot: kit.bot,
    kit,
    api,
    logs: lines,
    async send(update) {
      const mark = api.calls.length;
      await kit.bot.handleUpdate({ update_id: updateId++, ...update } as Update);
      return api.since(mark);
    },
    close: () => sessions.close(),
  };
}

let messageId = 1;

export function message(from: User, chat: Chat, text: string, extra: Partial<Message> = {}): Omit<Update, 'update_id'> {
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  return {
    message: {
      message_id: messageId++,
      date: Math.floor(Date.now() / 1000),
      chat,
      from,
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
      ...extra,
    } as Update['message'],
  };
}

export function callback(from: User, chat: Chat, messageIdOfButton: number, data: string): Omit<Update, 'update_id'> {
  return {
    callback_query: {
      id: String(messageId++),
      from,
      chat_instance: 'ci',
      data,
      message: { message_id: messageIdOfButton, date: Math.floor(Date.now() / 1000), chat, from: botInfo, text: '…' } as Message.TextMessage,
    },
  };
}

export function inlineQuery(from: User, query: string, offset = ''): Omit<Update, 'update_id'> {
  return { inline_query: { id: String(messageId++), from, query, offset, chat_type: 'sender' } };
}

/** The inline keyboard buttons of a call, flattened. */
export function buttonsOf(call: { payload: Record<string, unknown> } | undefined): Array<{ text: string; callback_data?: string; url?: string }> {
  const markup = call?.payload.reply_markup as { inline_keyboard?: Array<Array<{ text: string; callback_data?: string; url?: string }>> } | undefined;
  return markup?.inline_keyboard?.flat() ?? [];
}
