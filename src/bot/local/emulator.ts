/**
 * A Bot API for local mode and end-to-end tests: telegram-test-api, extended. The bot talks HTTP
 * to a small front server here. Messages, edits and button answers go on to the emulator over
 * HTTP; what the emulator lacks is answered here: getMe with our identity, long polling that
 * honours `timeout` (the emulator answers at once, so a polling bot would spin), webhook
 * delivery with the secret header, command menus, chat members, inline queries and leaving.
 * The person at the terminal (or a test) acts through the methods of `LocalBotApi`.
 */
import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import type { Chat, ChatMember, Update, User, UserFromGetMe } from 'grammy/types';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';

/** One Bot API call the bot made, as the front saw it. */
/** A bot's getMe answer, for a bot that never asks a real Bot API (local mode, tests, benchmarks). */
export function botInfoFor(id: number, username: string): UserFromGetMe {
  return {
    id,
    is_bot: true,
    first_name: 'claimdesk',
    username,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: true,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
}

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
  /** `result` of a successful call; undefined when the call failed. */
  result?: unknown;
  error?: { error_code: number; description: string };
}

type Answer = { ok: true; result: unknown } | { ok: false; error_code: number; description: string };

/** Updates injected here get ids far above the emulator's own, so the two never collide. */
const EXTRA_UPDATE_IDS = 1_000_000_000;
const USER_EVENTS = ['AddedUserMessage', 'AddedUserCommand', 'AddedUserCallbackQuery'] as const;

export async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export interface LocalBotApiOptions {
  token: string;
  botInfo: UserFromGetMe;
  /** How long the emulator keeps messages (seconds). */
  storeSeconds?: number;
}

export class LocalBotApi extends EventEmitter {
  readonly calls: ApiCall[] = [];
  readonly commandMenus = new Map<string, unknown>();
  private readonly members = new Map<number, Map<number, ChatMember['status']>>();
  private readonly extras: Update[] = [];
  private nextExtraId = EXTRA_UPDATE_IDS;
  private webhook: { url: string; secret?: string } | undefined;
  private delivering = false;

  private constructor(
    readonly server: TelegramServer,
    private readonly front: Server,
    readonly apiRoot: string,
    private readonly options: LocalBotApiOptions,
  ) {
    super();
  }

  static async start(options: LocalBotApiOptions): Promise<LocalBotApi> {
    const server = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: options.storeSeconds ?? 3600 });
    await server.start();
    let api: LocalBotApi | undefined;
    const front = createServer((req, res) => void api!.route(req, res));
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    const { port } = front.address() as AddressInfo;
    api = new LocalBotApi(server, front, `http://127.0.0.1:${port}`, options);
    return api;
  }

  async stop(): Promise<void> {
    this.webhook = undefined;
    this.emit('wake');
    this.front.closeAllConnections();
    await new Promise((resolve) => this.front.close(resolve));
    await this.server.stop();
  }

  // ---- what users do -------------------------------------------------------------------------

  /** A user writes in a chat; commands get their bot_command entity. Returns the message id. */
  async sendMessage(from: User, chat: Chat, text: string, replyTo?: { message_id: number; text?: string }): Promise<number> {
    const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
    const message = {
      botToken: this.options.token,
      date: Math.floor(Date.now() / 1000),
      from,
      chat,
      text,
      ...(command ? { entities: [{ type: 'bot_command' as const, offset: 0, length: command[0].length }] } : {}),
      ...(replyTo ? { reply_to_message: { message_id: replyTo.message_id, date: 0, chat, from: this.botUser(), text: replyTo.text ?? '' } } : {}),
    };
    await this.server.addUserMessage(message as Parameters<TelegramServer['addUserMessage']>[0]);
    return this.server.storage.userMessages.at(-1)!.messageId;
  }

  /** A user presses an inline button under a bot message. Returns the callback query id. */
  async pressButton(from: User, message: { message_id: number; chat: Chat }, data: string): Promise<string> {
    await this.server.addUserCallback({
      botToken: this.options.token,
      date: Math.floor(Date.now() / 1000),
      from,
      message: { message_id: message.message_id, chat: message.chat, date: 0, from: this.botUser() } as never,
      data,
    });
    const stored = this.server.storage.userMessages.at(-1)!;
    return String('callbackId' in stored ? stored.callbackId : '');
  }

  /** A user types `@bot query`; resolves with the bot's answerInlineQuery payload. */
  async inlineQuery(from: User, query: string, offset = ''): Promise<Record<string, unknown>> {
    const id = String(this.nextExtraId);
    const answered = this.waitForCall((c) => c.method === 'answerInlineQuery' && c.payload.inline_query_id === id);
    this.inject({ inline_query: { id, from, query, offset, chat_type: 'sender' } });
    return (await answered).payload;
  }

  /** Any other update (membership changes, service messages); the id is assigned here. */
  inject(update: Omit<Update, 'update_id'>): number {
    const update_id = this.nextExtraId++;
    this.extras.push({ update_id, ...update } as Update);
    this.emit('wake');
    return update_id;
  }

  setMember(chatId: number, userId: number, status: ChatMember['status']): void {
    const chat = this.members.get(chatId) ?? new Map();
    chat.set(userId, status);
    this.members.set(chatId, chat);
  }

  /** Resolves with the first call (already made, from `since` on, or still to come) that matches. */
  waitForCall(match: (call: ApiCall) => boolean, opts: { since?: number; timeoutMs?: number } = {}): Promise<ApiCall> {
    const seen = this.calls.slice(opts.since ?? this.calls.length).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('call', listener);
        reject(new Error(`no matching Bot API call within ${opts.timeoutMs ?? 5000} ms`));
      }, opts.timeoutMs ?? 5000);
      const listener = (call: ApiCall) => {
        if (!match(call)) return;
        clearTimeout(timer);
        this.off('call', listener);
        resolve(call);
      };
      this.on('call', listener);
    });
  }

  private botUser(): User {
    const { id, is_bot, first_name, username } = this.options.botInfo;
    return { id, is_bot, first_name, username };
  }

  // ---- what the bot calls ----------------------------------------------------------------------

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    const body = await readBody(req);
    if (!match || match[1] !== this.options.token) {
      return send(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    }
    const method = match[2]!;
    const payload = body.length ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {};
    // A caller that hangs up (a poll cut short by stop) must not take updates with it.
    const gone = new AbortController();
    res.once('close', () => res.writableFinished || gone.abort());
    const answer = (await this.handle(method, payload, gone.signal)) ?? (await this.forward(method, body, req));
    if (gone.signal.aborted) return;
    if (method !== 'getUpdates') {
      const call: ApiCall = answer.ok ? { method, payload, result: answer.result } : { method, payload, error: { error_code: answer.error_code, description: answer.description } };
      this.calls.push(call);
      this.emit('call', call);
    }
    send(res, answer.ok ? 200 : answer.error_code >= 500 ? 500 : answer.error_code, answer);
  }

  /** Methods answered here; undefined sends the call on to the emulator. */
  private async handle(method: string, payload: Record<string, unknown>, signal: AbortSignal): Promise<Answer | undefined> {
    switch (method) {
      case 'getMe':
        return { ok: true, result: this.options.botInfo };
      case 'getUpdates':
        if (this.webhook) return { ok: false, error_code: 409, description: "Conflict: can't use getUpdates method while webhook is active" };
        return { ok: true, result: await this.nextUpdates(Math.min(Number(payload.timeout ?? 0), 50) * 1000, signal) };
      case 'setWebhook':
        this.webhook = { url: String(payload.url), ...(payload.secret_token ? { secret: String(payload.secret_token) } : {}) };
        void this.deliver();
        return { ok: true, result: true };
      case 'deleteWebhook':
        this.webhook = undefined;
        this.emit('wake');
        return { ok: true, result: true };
      case 'getWebhookInfo':
        return { ok: true, result: { url: this.webhook?.url ?? '', has_custom_certificate: false, pending_update_count: this.pending() } };
      case 'setMyCommands':
        this.commandMenus.set(menuKey(payload), payload.commands);
        return { ok: true, result: true };
      case 'deleteMyCommands':
        this.commandMenus.delete(menuKey(payload));
        return { ok: true, result: true };
      case 'getMyCommands':
        return { ok: true, result: this.commandMenus.get(menuKey(payload)) ?? [] };
      case 'getChatMember': {
        const status = this.members.get(Number(payload.chat_id))?.get(Number(payload.user_id)) ?? 'left';
        const user = { id: Number(payload.user_id), is_bot: false, first_name: 'User' };
        return { ok: true, result: status === 'kicked' ? { status, user, until_date: 0 } : { status, user } };
      }
      case 'answerInlineQuery':
      case 'leaveChat':
        return { ok: true, result: true };
      default:
        return undefined;
    }
  }

  private async forward(method: string, body: Buffer, req: IncomingMessage): Promise<Answer> {
    const response = await fetch(`${this.server.config.apiURL}/bot${this.options.token}/${method}`, {
      method: 'POST',
      headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
      body: body.length ? new Uint8Array(body) : '{}',
    });
    const answer = (await response.json()) as Answer;
    return answer.ok ? answer : { ok: false, error_code: response.status, description: 'description' in answer ? answer.description : `HTTP ${response.status}` };
  }

  private pending(): number {
    return this.extras.length + this.server.storage.userMessages.filter((u) => u.botToken === this.options.token && !u.isRead).length;
  }

  /** Updates waiting now, else the first to arrive within `waitMs`, else none. */
  private async nextUpdates(waitMs: number, signal?: AbortSignal): Promise<Update[]> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      if (signal?.aborted) return [];
      const updates = [...(this.server.getUpdates(this.options.token) as unknown as Update[]), ...this.extras.splice(0)];
      if (updates.length || Date.now() >= deadline) return updates;
      await this.wake(deadline - Date.now(), signal);
    }
  }

  private wake(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.off('wake', done);
        for (const event of USER_EVENTS) this.server.off(event, done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.on('wake', done);
      for (const event of USER_EVENTS) this.server.on(event, done);
      signal?.addEventListener('abort', done);
    });
  }

  /** Posts updates to the webhook one at a time, in order; a refused update is retried. */
  private async deliver(): Promise<void> {
    if (this.delivering) return;
    this.delivering = true;
    try {
      const queue: Update[] = [];
      while (this.webhook) {
        if (!queue.length) queue.push(...(await this.nextUpdates(1000)));
        const update = queue[0];
        const hook = this.webhook;
        if (!update || !hook) continue;
        const ok = await fetch(hook.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(hook.secret ? { 'x-telegram-bot-api-secret-token': hook.secret } : {}) },
          body: JSON.stringify(update),
        }).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) queue.shift();
        else await Promise.race([once(this, 'wake'), new Promise((r) => setTimeout(r, 200))]);
      }
    } finally {
      this.delivering = false;
    }
  }
}

function menuKey(payload: Record<string, unknown>): string {
  return JSON.stringify([payload.scope ?? { type: 'default' }, payload.language_code ?? '']);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
