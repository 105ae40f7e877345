/** /subscribe <topic> [daily HH:MM [zone]]: new claims on the topic, at once or in a daily digest. */
import { Composer } from 'grammy';
import type { CommandModule } from '../src/bot/commands.ts';
import type { BotContext } from '../src/bot/context.ts';
import { bold, truncate } from '../src/bot/html.ts';
import { answer, viewOf } from '../src/bot/reply.ts';
import { parseSubscribe, refuseNonAdmin } from '../src/alerts/chat.ts';
import { alertStoreFor, MAX_SUBSCRIPTIONS } from '../src/alerts/store.ts';
import { formatClock } from '../src/alerts/time.ts';

export const subscribe: CommandModule = {
  command: 'subscribe',
  description: 'cmd-subscribe',
  help: 'cmd-subscribe-help',
  scopes: ['private', 'group'],
  create({ engine }) {
    const store = alertStoreFor(engine);
    const composer = new Composer<BotContext>();
    composer.command('subscribe', async (ctx) => {
      const view = viewOf(ctx);
      const args = parseSubscribe(ctx.match, view);
      if (!args) return answer(ctx, view.t('alerts-usage-subscribe').value);
      if (!args.ok) return answer(ctx, args.error.value);
      if (await refuseNonAdmin(ctx, view)) return;
      const { topic, digestAt, timeZone } = args.value;
      const outcome = await store.subscribe(ctx.chat.id, topic, { digestAt, timeZone }, view.locale);
      const shown = truncate(topic, 60);
      if (outcome.status === 'empty') return answer(ctx, view.t('alerts-empty-topic', { topic: shown }).value);
      if (outcome.status === 'limit') return answer(ctx, view.t('alerts-limit', { limit: MAX_SUBSCRIPTIONS }).value);
      if (outcome.status === 'unchanged') return answer(ctx, view.t('alerts-already', { topic: bold(shown) }).value);
      const zone = (await store.chat(ctx.chat.id))!.timeZone;
      const done =
        digestAt === null
          ? view.t('alerts-subscribed', { topic: bold(shown) })
          : view.t('alerts-subscribed-daily', { topic: bold(shown), time: formatClock(digestAt), zone });
      const existing = (await engine.claims(topic, { limit: 1 })).total;
      await answer(ctx, `${done.value}\n${view.t('alerts-existing', { count: existing, topic: shown }).value}`);
    });
    return composer;
  },
};
