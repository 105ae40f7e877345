/** /topics: the people, places and organisations the corpus mentions most, each a button to its claims. */
import { Composer } from 'grammy';
import { pageData } from '../src/bot/callbacks.ts';
import type { CommandModule } from '../src/bot/commands.ts';
import type { BotContext } from '../src/bot/context.ts';
import { nameList } from '../src/bot/format.ts';
import { truncate } from '../src/bot/html.ts';
import { chunk } from '../src/bot/lists.ts';
import { answer, viewOf } from '../src/bot/reply.ts';

/** Names listed per kind; the most frequent overall also become buttons. */
const PER_KIND = 8;
const BUTTONS = 9;

export const topics: CommandModule = {
  command: 'topics',
  description: 'cmd-topics',
  help: 'cmd-topics-help',
  scopes: ['private', 'group'],
  create({ engine }) {
    const composer = new Composer<BotContext>();
    composer.command('topics', async (ctx) => {
      const view = viewOf(ctx);
      const top = await engine.topEntities(PER_KIND);
      const kinds = [
        ['topics-people', top.people],
        ['topics-places', top.places],
        ['topics-organisations', top.organisations],
      ] as const;
      const lines = kinds
        .filter(([, list]) => list.length)
        .map(([key, list]) => `<b>${view.t(key).value}</b>: ${nameList(list.map((e) => `${e.name} (${e.claims})`)).value}`);
      if (!lines.length) return answer(ctx, view.t('topics-empty').value);
      const names = [...top.people, ...top.places, ...top.organisations].sort((a, b) => b.claims - a.claims).slice(0, BUTTONS);
      const buttons = names.flatMap((e) => {
        const data = pageData('claims', 0, e.name, ctx.session.chat);
        return data ? [{ text: truncate(e.name, 30), callback_data: data }] : [];
      });
      await answer(ctx, [view.t('topics-header').value, ...lines].join('\n'), buttons.length ? { inline_keyboard: chunk(buttons, 3) } : undefined);
    });
    return composer;
  },
};
