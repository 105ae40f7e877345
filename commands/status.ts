/** /status (admins): corpus size, whether sessions work, uptime — what an operator checks first. */
import { Composer } from 'grammy';
import type { CommandModule } from '../src/bot/commands.ts';
import type { BotContext } from '../src/bot/context.ts';
import { answer, viewOf } from '../src/bot/reply.ts';

function uptime(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 86400)}d ${Math.floor((s % 86400) / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
}

export const status: CommandModule = {
  command: 'status',
  description: 'cmd-status',
  help: 'cmd-status-help',
  scopes: ['admin'],
  create({ engine, access, sessions, startedAt }) {
    const composer = new Composer<BotContext>();
    composer.command('status', async (ctx) => {
      const view = viewOf(ctx);
      if (!ctx.from || !access.isAdmin(ctx.from.id)) return answer(ctx, view.t('admin-only').value);
      const [articles, claims] = await Promise.all([engine.articles(), engine.latestClaims({ limit: 1 })]);
      const sessionState = view.t(sessions.healthy() ? 'status-sessions-ok' : 'status-sessions-degraded', { backend: sessions.name });
      await answer(ctx, view.t('status', { articles: articles.length, claims: claims.total, sessions: sessionState, uptime: uptime(Date.now() - startedAt) }).value);
    });
    return composer;
  },
};
