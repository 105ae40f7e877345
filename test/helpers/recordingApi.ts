/**
 * A stand-in for Telegram below grammY: an API transformer that records every call, checks it
 * against the Bot API spec when given a validator, and answers with plausible results, so
 * handlers run through `bot.handleUpdate` without a network.
 */
import type { Transformer } from 'grammy';
import type { ChatMember, UserFromGetMe } from 'grammy/types';
import type { BotApiValidator } from './botApiValidator.ts';

export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
}

type Response = { ok: true; result: unknown } | { ok: false; error_code: number; description: string; parameters?: Record<string, unknown> };

export interface RecordingOptions {
  validator?: BotApiValidator;
  botInfo?: UserFromGetMe;
  /** Answers a call differently (an error, a migration); undefined keeps the default answer. */
  respond?: (call: RecordedCall) => Response | undefined;
  /** Keep each call's method but not its payload: a benchmark's tens of thousands of answers would fill the heap. */
  methodsOnly?: boolean;
}

export class RecordingApi {
  readonly calls: RecordedCall[] = [];
  /** Spec violations found so far, as "method: problem". */
  readonly problems: string[] = [];
  private readonly members = new Map<string, ChatMember['status']>();
  private messageId = 1000;

  constructor(private readonly options: RecordingOptions = {}) {}

  setMember(chatId: number, userId: number, status: ChatMember['status']): void {
    this.members.set(`${chatId}:${userId}`, status);
  }

  readonly transformer: Transformer = async (_prev, method, payload) => {
    const call: RecordedCall = { method, payload: { ...(payload as Record<string, unknown>) } };
    this.calls.push(this.options.methodsOnly ? { method, payload: {} } : call);
    if (this.options.validator) this.problems.push(...this.options.validator.validate(method, call.payload).map((p) => `${method}: ${p}`));
    const response = this.options.respond?.(call) ?? this.answer(call);
    return response as never;
  };

  private answer({ method, payload }: RecordedCall): Response {
    switch (method) {
      case 'sendMessage': {
        const chatId = Number(payload.chat_id);
        const chat = chatId < 0 ? { id: chatId, type: 'supergroup', title: 'Group' } : { id: chatId, type: 'private', first_name: 'User' };
        return { ok: true, result: { message_id: ++this.messageId, date: Math.floor(Date.now() / 1000), chat, text: payload.text } };
      }
      case 'getChatMember': {
        const status = this.members.get(`${String(payload.chat_id)}:${String(payload.user_id)}`) ?? 'left';
        return { ok: true, result: { status, user: { id: Number(payload.user_id), is_bot: false, first_name: 'User' } } };
      }
      case 'getMe':
        return this.options.botInfo ? { ok: true, result: this.options.botInfo } : { ok: false, error_code: 404, description: 'Not Found' };
      default:
        return { ok: true, result: true };
    }
  }

  of(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  last(method: string): RecordedCall | undefined {
    return this.of(method).at(-1);
  }

  /** Calls recorded after `mark` (a previous `calls.length`). */
  since(mark: number): RecordedCall[] {
    return this.calls.slice(mark);
  }
}
