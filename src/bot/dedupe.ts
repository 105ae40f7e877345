/**
 * Telegram may deliver an update twice (a webhook answered too late, a poll retried after a
 * network error). The recent update ids are remembered so each update is handled once.
 */
import type { Context, MiddlewareFn } from 'grammy';

export function handleOnce(capacity = 10_000): MiddlewareFn<Context> {
  const seen = new Set<number>();
  return (ctx, next) => {
    const id = ctx.update.update_id;
    if (seen.has(id)) return;
    seen.add(id);
    if (seen.size > capacity) seen.delete(seen.values().next().value!);
    return next();
  };
}
