/**
 * Telegram's sending limits, kept by the worker itself rather than discovered through 429s: a
 * global token bucket, about one message a second per chat, and 20 a minute per group.
 */

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * A token bucket of capacity one: sends are spaced `1000 / perSecond` ms apart on a fixed grid,
 * so a late timer does not push every later send back, yet no second can hold more than the rate.
 */
export class TokenBucket {
  private readonly interval: number;
  private next = 0;

  constructor(perSecond: number) {
    this.interval = 1000 / perSecond;
  }

  /** Resolves when the next send may start, and books that slot. */
  async take(): Promise<void> {
    const now = performance.now();
    // More than a slot behind: start the grid afresh rather than sending a burst to catch up.
    if (this.next < now - this.interval) this.next = now;
    const at = this.next;
    this.next = at + this.interval;
    if (at > now) await sleep(at - now);
  }

  /** Holds every send until `ms` from now (Telegram's retry_after for a flood wait). */
  pause(ms: number): void {
    this.next = Math.max(this.next, performance.now() + ms);
  }
}

const CHAT_SPACING_MS = 1000;
const GROUP_WINDOW_MS = 60_000;
const GROUP_PER_WINDOW = 20;

/** Per-chat limits: when each chat may receive its next message. */
export class ChatLimits {
  private readonly nextAt = new Map<number, number>();
  private readonly groupSends = new Map<number, number[]>();

  /** Milliseconds until the chat may be sent to (0: now). */
  wait(chatId: number, now = Date.now()): number {
    let at = this.nextAt.get(chatId) ?? 0;
    const sends = this.groupSends.get(chatId);
    if (sends && sends.length >= GROUP_PER_WINDOW) at = Math.max(at, sends[sends.length - GROUP_PER_WINDOW]! + GROUP_WINDOW_MS);
    return Math.max(0, at - now);
  }

  sent(chatId: number, now = Date.now()): void {
    this.nextAt.set(chatId, now + CHAT_SPACING_MS);
    // Negative ids are groups, supergroups and channels.
    if (chatId < 0) {
      const sends = (this.groupSends.get(chatId) ?? []).filter((t) => t > now - GROUP_WINDOW_MS);
      sends.push(now);
      this.groupSends.set(chatId, sends);
    }
  }

  block(chatId: number, ms: number, now = Date.now()): void {
    this.nextAt.set(chatId, Math.max(this.nextAt.get(chatId) ?? 0, now + ms));
  }

  /** Forgets chats whose limits have run out, so 10,000 one-off chats do not stay in memory. */
  prune(now = Date.now()): void {
    for (const [chat, at] of this.nextAt) if (at <= now) this.nextAt.delete(chat);
    for (const [chat, sends] of this.groupSends) if (sends[sends.length - 1]! <= now - GROUP_WINDOW_MS) this.groupSends.delete(chat);
  }
}
