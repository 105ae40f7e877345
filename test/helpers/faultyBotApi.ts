/**
 * A local Bot API for delivery tests and the alerts benchmark: `sendMessage` and `getMe` over
 * real HTTP, Telegram's global limit enforced with 429 + retry_after, and faults injected per call
 * (errors, dropped connections, slow answers). It records every message it accepted, so a test
 * can count exactly what each chat received.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Call {
  method: string;
  chatId: number;
  /** How many times this chat has been called before (0 on the first call). */
  attempt: number;
  /** Calls to the server so far, all chats. */
  seq: number;
}

export type Fault =
  | { kind: 'error'; code: number; description: string; retryAfter?: number; migrateTo?: number }
  /** The connection is cut before the message is accepted, as a network failure would. */
  | { kind: 'drop' }
  /** The message is accepted, but the answer comes this late. */
  | { kind: 'slow'; ms: number };

export interface Delivered {
  chatId: number;
  text: string;
  at: number;
  payload: Record<string, unknown>;
}

export interface FaultyBotApiOptions {
  /** Messages per second accepted over any sliding second; more get 429. Default: unlimited. */
  perSecond?: number;
  faults?: (call: Call) => Fault | undefined;
}

export class FaultyBotApi {
  readonly delivered: Delivered[] = [];
  /** 429s answered because the global rate was exceeded. */
  rateLimited = 0;
  private readonly attempts = new Map<number, number>();
  private readonly recent: number[] = [];
  private seq = 0;
  private server?: Server;

  constructor(private readonly options: FaultyBotApiOptions = {}) {}

  /** Base URL to pass as grammY's `apiRoot` (or TELEGRAM_API_ROOT). */
  get url(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Messages each chat received, by chat id. */
  byChat(): Map<number, string[]> {
    const out = new Map<number, string[]>();
    for (const d of this.delivered) out.set(d.chatId, [...(out.get(d.chatId) ?? []), d.text]);
    return out;
  }

  /** Resolves once `done()` holds, checking every 20 ms; rejects after `timeoutMs`. */
  async until(done: () => boolean, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms (${this.delivered.length} delivered)`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/bot[^/]+\/(\w+)$/.exec(req.url ?? '');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (!match) return answer(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const method = match[1]!;
    if (method === 'getMe') return answer(res, 200, { ok: true, result: { id: 1, is_bot: true, first_name: 'Test', username: 'test_bot' } });
    if (method !== 'sendMessage') return answer(res, 404, { ok: false, error_code: 404, description: `Not Found: method ${method}` });

    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    const chatId = Number(body.chat_id);
    const attempt = this.attempts.get(chatId) ?? 0;
    this.attempts.set(chatId, attempt + 1);
    const fault = this.options.faults?.({ method, chatId, attempt, seq: this.seq++ });

    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    const now = Date.now();
    const perSecond = this.options.perSecond;
    if (perSecond) {
      while (this.recent.length && this.recent[0]! <= now - 1000) this.recent.shift();
      if (this.recent.length >= perSecond) {
        this.rateLimited++;
        const retryAfter = Math.max(1, Math.ceil((this.recent[0]! + 1000 - now) / 1000));
        return answer(res, 429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } });
      }
    }
    if (fault?.kind === 'error') {
      const parameters = fault.retryAfter !== undefined ? { retry_after: fault.retryAfter } : fault.migrateTo !== undefined ? { migrate_to_chat_id: fault.migrateTo } : undefined;
      return answer(res, fault.code, { ok: false, error_code: fault.code, description: fault.description, ...(parameters ? { parameters } : {}) });
    }
    if (perSecond) this.recent.push(now);
    this.delivered.push({ chatId, text: String(body.text ?? ''), at: now, payload: body });
    if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.ms));
    answer(res, 200, {
      ok: true,
      result: { message_id: this.delivered.length, date: Math.floor(now / 1000), chat: { id: chatId, type: chatId < 0 ? 'supergroup' : 'private' }, text: body.text },
    });
  }
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
