/** /unsubscribe <topic> | all: stop alerts on a topic, or on every one. */
import { Composer } from 'grammy';
import type { CommandModule } from '../src/bot/commands.ts';
import type { BotContext } from '../src/bot/context.ts';
import { bold, joinHtml, truncate } from '../src/bot/html.ts';
import { answer, viewOf } from '../src/bot/reply.ts';
import { cleanTopic } from '../src/core/topic.ts';
import { refuseNonAdmin } from '../src/alerts/chat.ts';
import { alertStoreFor } from '../src/alerts/store.ts';

export const unsubscribe: CommandModule = {
  command: 'unsubscribe',
  description: 'cmd-unsubscribe',
  help: 'cmd-unsubscribe-help',
  scopes: ['private', 'group'],
  create({ engine }) {
    const store = alertStoreFor(engine);
    const composer = new Composer<BotContext>();
    composer.command('unsubscribe', async (ctx) => {
      const view = viewOf(ctx);
      const topic = cleanTopic(ctx.match);
      if (!topic) return answer(ctx, view.t('alerts-usage-unsubscribe').value);
      if (await refuseNonAdmin(ctx, view)) return;
      await store.touch(ctx.chat.id, view.locale);
      const removed = await store.unsubscribe(ctx.chat.id, /^(all|alle)$/i.test(topic) ? 'all' : topic);
      if (!removed.length) return answer(ctx, view.t('alerts-unsubscribed-none', { topic: truncate(topic, 60) }).value);
      await answer(ctx, view.t('alerts-unsubscribed', { topics: joinHtml(removed.map((t) => bold(truncate(t, 60))), ', ') }).value);
    });
    return composer;
  },
};
